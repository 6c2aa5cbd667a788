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
    """(phrase as matched, flags) of every cue phrase as the line models' role presence reads it: what a lone draft
    needs at once (a phrase table builds its automaton only after many calls, when parsing is paid for)."""
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
    return found


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
