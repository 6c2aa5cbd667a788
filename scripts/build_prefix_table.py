#!/usr/bin/env python
"""Write auditor/rulekit/prefixes.json: each cue phrase's literal prefixes, as the phrase tables and the line
models' role presence derives them (``auditor.rulekit.phrases.derive_prefixes``), and the same prefixes folded as
the role presence's automaton reads them (``automaton_keys``), so that a process reads them instead of parsing
and folding every phrase when it starts.

    python scripts/build_prefix_table.py

Run it after changing a language file; tests/test_phrases.py fails while the table is stale. The table is
written for the running Python's minor version (another version's regex parser is not trusted with it).
"""
from __future__ import annotations

import json
import os
import sys
import tempfile

from auditor.rulekit.phrases import PREFIX_TABLE, automaton_keys, derive_prefixes, prefix_key, python_version


def wanted() -> set[tuple[str, int]]:
    """(phrase as matched, flags) of every cue phrase as the line models' role presence reads it, and of every
    phrase of the rules' phrase tables: what a lone draft needs at once."""
    from auditor.languages import EXTRA_LANGUAGES, FAMILIES, LANGUAGES, cues, language_module
    from auditor.lines.text import ROLE_FLAGS
    from auditor.rulekit.phrases import _flexible_spaces

    found: set[tuple[str, int]] = set()
    for language in LANGUAGES + EXTRA_LANGUAGES:
        for family in FAMILIES:
            for role in getattr(language_module(language), family, {}):
                for phrases in cues(family, role).values():
                    for phrase in phrases:
                        spaced = _flexible_spaces(phrase)
                        found.add((spaced, ROLE_FLAGS))
    for table in rule_tables():
        found |= {(_flexible_spaces(phrase), table._flags) for phrases in table.phrases.values() for phrase in phrases}
    return found


def rule_tables():
    """Every phrase table a built-in rule module holds (at module level, or as a value of a module-level dict): a
    table's first calls read its phrases' prefixes (``auditor.rulekit.phrases._PhraseAutomaton``)."""
    import importlib
    import pkgutil

    import provenance_rules

    from auditor.rulekit.phrases import PhraseTable

    for info in pkgutil.iter_modules(provenance_rules.__path__):
        module = importlib.import_module(f"provenance_rules.{info.name}")
        for value in vars(module).values():
            for table in value.values() if isinstance(value, dict) else [value]:
                if isinstance(table, PhraseTable):
                    yield table


def table() -> dict[str, object]:
    entries, keys = {}, {}
    for phrase, flags in sorted(wanted()):
        prefixes = derive_prefixes(phrase, flags)
        entries[prefix_key(phrase, flags)] = None if prefixes is None else sorted(prefixes)
        if prefixes is not None:
            keys[prefix_key(phrase, flags)] = sorted(automaton_keys(phrase, flags))
    return {"python": python_version(), "prefixes": entries, "automaton_keys": keys}


def main() -> int:
    written = json.dumps(table(), ensure_ascii=False, sort_keys=True, indent=0)
    handle, temporary = tempfile.mkstemp(dir=PREFIX_TABLE.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(written + "\n")
    os.chmod(temporary, 0o644)
    os.replace(temporary, PREFIX_TABLE)
    print(f"{PREFIX_TABLE}: {len(json.loads(written)['prefixes'])} phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
