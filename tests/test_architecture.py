"""Layers stay layers: the engine never imports the CLI, and the rules we load are ours."""

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
        assert os.path.dirname(os.path.abspath(module.__file__)) in (os.path.join(ROOT, "rules"), os.path.join(ROOT, "auditor"))


def test_rule_docs_page_is_generated_from_metadata() -> None:
    with open(os.path.join(ROOT, "docs", "rules.md"), encoding="utf-8") as handle:
        assert handle.read() == render_rules(load_rules().rules, "markdown"), (
            "docs/rules.md is out of date: run  audit rules --format markdown > docs/rules.md"
        )
