"""Layers stay layers: the engine never imports the CLI, lower layers never import higher ones,
no module imports itself back through others, and the rules we load are ours."""

from __future__ import annotations

import ast
import os

import provenance_rules

from auditor.formats.rule_docs import render_rules
from auditor.pipeline.registry import load_rules

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def imported_modules(path: str) -> set[str]:
    tree = ast.parse(open(path, encoding="utf-8").read())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def python_files(folder: str):
    for base, _, files in os.walk(os.path.join(ROOT, folder)):
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(base, name)


# The import layers, lowest first. A module may import modules of its own layer or of a lower
# one, never of a higher one, at module level or inside a function alike (a lazy import is
# still a dependency). A module belongs to the first layer one of whose packages contains it.
LAYERS = (
    ("vocabulary", ("auditor", "auditor.findings", "auditor.document", "auditor.positions", "auditor.wording")),
    ("text kit", ("auditor.rulekit", "auditor.languages")),
    ("models", ("auditor.lean", "auditor.lines")),  # lean scoring; the per-line models some rules read
    ("rule shape", ("auditor.rule",)),
    ("stages and rules", ("auditor.config", "auditor.pipeline", "provenance_rules")),
    ("run machinery and formats", ("auditor.run", "auditor.formats", "auditor.training")),
    ("public API", ("auditor.api", "auditor.clean", "auditor.baseline")),
    ("command line", ("auditor.cli",)),
)


def module_name(path: str) -> str:
    relative = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
    if relative.startswith("rules"):
        relative = "provenance_rules" + relative[len("rules"):]
    return relative.removesuffix(".__init__")


def layer_of(module: str) -> int | None:
    for level, (_, packages) in enumerate(LAYERS):
        # "auditor" names the package's own __init__ only; the others contain their submodules
        if any(module == p or (p != "auditor" and module.startswith(p + ".")) for p in packages):
            return level
    return None


def project_imports(path: str, modules: set[str]) -> set[str]:
    """The project modules ``path`` imports: ``from a.b import c`` imports a.b, and a.b.c when
    that is a module; relative imports are resolved."""
    name = module_name(path)
    package = name if path.endswith("__init__.py") else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    paths = [p for folder in ("auditor", "rules") for p in python_files(folder)]
    modules = {module_name(p) for p in paths}
    return {module_name(p): project_imports(p, modules) for p in paths}


def test_every_module_has_a_layer() -> None:
    assert [m for m in import_graph() if layer_of(m) is None] == []


def test_lower_layers_never_import_higher_ones() -> None:
    upward = sorted(
        f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for module, targets in import_graph().items() for target in targets
        if layer_of(target) > layer_of(module))
    assert upward == []


def test_no_module_imports_itself_back() -> None:
    graph = import_graph()
    # Tarjan's strongly connected components: any component of two or more modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in graph[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert circles == []


def test_the_contract_sees_real_imports() -> None:
    # The checks above are only as good as the graph: it must hold imports we know are there.
    graph = import_graph()
    assert "auditor.pipeline.engine" in graph["auditor.pipeline.article"]
    assert "auditor.lean.parts" in graph["auditor.lean.compact"]  # a relative import
    assert "auditor.run.lean_round" in graph["auditor.api"]  # an import inside a function
    assert "auditor.rule" in graph["provenance_rules.ai_notice"]


def test_engine_and_rules_never_import_the_cli() -> None:
    offenders = []
    for folder in ("auditor", "rules"):
        for path in python_files(folder):
            if path.endswith(os.path.join("auditor", "cli.py")):
                continue
            bad = {m for m in imported_modules(path) if m == "auditor.cli" or m.split(".")[0] == "click"}
            if bad:
                offenders.append((os.path.relpath(path, ROOT), sorted(bad)))
    assert offenders == []


def test_rules_package_is_this_repositorys_rules_folder() -> None:
    assert os.path.dirname(provenance_rules.__file__) == os.path.join(ROOT, "rules")
    for rule in load_rules().rules:
        module = __import__(rule.check.__module__, fromlist=["_"])
        assert os.path.dirname(os.path.abspath(module.__file__)) == os.path.join(ROOT, "rules")


def test_rule_docs_page_is_generated_from_metadata() -> None:
    with open(os.path.join(ROOT, "docs", "rules.md"), encoding="utf-8") as handle:
        assert handle.read() == render_rules(load_rules().rules, "markdown"), (
            "docs/rules.md is out of date: run  audit rules --format markdown > docs/rules.md"
        )
