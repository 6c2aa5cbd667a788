#!/usr/bin/env python
"""Phrase-table matching alone: the automaton against one regex alternation per language.

    python benchmarks/bench_phrases.py [--articles 400] [--rounds 3] [--work /tmp/audit-bench]

Records every PhraseTable.finditer call that a rules run (one process, no lean) makes over
the first --articles articles of the generated 1k corpus (benchmarks/make_corpus.py), then
replays those calls with the tables as they are (automaton, regex confirming) and with the
regex alone (each table's languages matched as PhraseTable did before the automaton), one
after the other, --rounds times, and prints µs per article. It checks that both give the
same matches.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import corpus  # noqa: E402

from auditor.rulekit.phrases import AUTOMATON_AFTER, PhraseMatch, PhraseTable, _flexible_spaces  # noqa: E402


class RegexOnly:
    """A table matched the way PhraseTable did before it had an automaton."""

    def __init__(self, table: PhraseTable):
        self.compiled = []
        for language, items in table.phrases.items():
            if items:
                body = "|".join(f"(?:{_flexible_spaces(p)})" for p in items)
                if table._word_bounded:
                    body = rf"(?<!\w)(?:{body})(?!\w)"
                self.compiled.append((language, re.compile(body, table._flags)))

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        stop = len(text) if end is None else end
        found = [PhraseMatch(language, m.start(), m.end(), m.group(0))
                 for language, pattern in self.compiled for m in pattern.finditer(text, start, stop)]
        found.sort(key=lambda m: (m.start, -m.end))
        last_end = -1
        for match in found:
            if match.start >= last_end:
                last_end = match.end
                yield match


def record_calls(paths: list[str]) -> list[tuple[PhraseTable, str, int, int | None]]:
    from auditor.api import audit_paths
    from auditor.config import Config
    from auditor.run.pool import RunOptions

    calls = []
    original = PhraseTable.finditer

    def recording(self, text, start=0, end=None):
        calls.append((self, text, start, end))
        return original(self, text, start, end)

    PhraseTable.finditer = recording  # type: ignore[method-assign]
    try:
        audit_paths(paths, Config(lean=False), run=RunOptions(jobs=1))
    finally:
        PhraseTable.finditer = original  # type: ignore[method-assign]
    return calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/audit-bench"))
    args = parser.parse_args(argv)
    folder, _ = corpus(args.work, 1000)
    paths = sorted(str(p) for p in folder.rglob("*.txt"))[:args.articles]
    calls = record_calls(paths)
    tables = {id(table): table for table, *_ in calls}
    regex_only = {key: RegexOnly(table) for key, table in tables.items()}
    for table in tables.values():  # every automaton built before timing
        for _ in range(AUTOMATON_AFTER):
            list(table.finditer("warm up"))
    for table, text, start, end in calls:
        if list(table.finditer(text, start, end)) != list(regex_only[id(table)].finditer(text, start, end)):
            raise SystemExit(f"different matches: {table.phrases!r:.200} on {text[start:end]!r:.200}")
    print(f"{len(calls)} calls over {len(paths)} articles, {len(tables)} tables")
    for round_number in range(1, args.rounds + 1):
        timings = []
        for label, matcher in (("regex alone", lambda t: regex_only[id(t)]), ("automaton", lambda t: t)):
            started = time.perf_counter()
            for table, text, start, end in calls:
                list(matcher(table).finditer(text, start, end))
            timings.append((label, (time.perf_counter() - started) * 1e6 / len(paths)))
        print(f"round {round_number}: " + "; ".join(f"{label} {us:,.0f} µs an article" for label, us in timings)
              + f"; {timings[0][1] / timings[1][1]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
