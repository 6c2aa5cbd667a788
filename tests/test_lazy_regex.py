"""Rule modules' expressions compile on first use: loading the rules compiles none of them."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import provenance_rules

from auditor.rulekit.lazy_regex import LazyRegex, compile_later


def test_a_lazy_regex_answers_as_the_compiled_pattern_and_compiles_once() -> None:
    lazy = compile_later(r"(?P<word>\w+)\s+more\b", re.IGNORECASE)
    regex = re.compile(lazy.pattern, lazy.flags)
    assert "regex" not in vars(lazy)  # nothing compiled yet: .pattern and .flags are plain attributes
    assert lazy.search("Read MORE here").span() == regex.search("Read MORE here").span()
    compiled = lazy.regex
    assert lazy.match("read more").group("word") == "read"
    assert [m.span() for m in lazy.finditer("read more, see more")] == [(0, 9), (11, 19)]
    assert lazy.sub("X", "read more") == "X" and lazy.groupindex == {"word": 1}
    assert lazy.regex is compiled  # compiled once
    assert lazy.fullmatch("nothing") is None


def test_loading_the_rules_compiles_none_of_their_module_expressions() -> None:
    modules = [importlib.import_module(f"provenance_rules.{info.name}")
               for info in pkgutil.iter_modules(provenance_rules.__path__)]
    lazy = [value for module in modules for value in vars(module).values() if isinstance(value, LazyRegex)]
    assert len(lazy) > 100
    # A new module-level expression should be compile_later(...) too.
    eager = [f"{module.__name__}: {line}" for module in modules
             for line in Path(module.__file__).read_text(encoding="utf-8").splitlines()
             if re.match(r"_?[A-Z][A-Z_0-9]* = re\.compile\(", line)]
    assert eager == []
