#!/usr/bin/env python
"""Soak run: a large generated corpus with bad files mixed in, audited end to end.

    python benchmarks/soak.py --count 100000 [--jobs 2] [--lean] [--work /tmp/audit-soak]

Generates COUNT good articles (benchmarks/make_corpus.py) and plants one bad file per 1,000:
empty, binary, invalid UTF-8 Windows-1252, UTF-16, a file over the size limit, a script-only
page, a JSON Lines file with a broken line, a dangling link. Runs ``audit --format json -o``
(rules only unless --lean), then checks that the run completed, that every good article is
in the report, that every planted bad file is in ``errors`` with the right reason, that the
inputs are unchanged, and prints the time, articles per second and the peak memory of the
process tree. A soak run, not a test: it prints figures and exits 1 if a check fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_audit import timed  # noqa: E402
from make_corpus import generate  # noqa: E402

# name -> (bytes to write, a phrase the error must contain); None: a good file that must be audited.
BAD_FILES: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty file"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    "nul.txt": (b"text\x00with\x00nul" * 20, "NUL bytes"),
    "cp1252.txt": ("Le café a fermé ses portes mercredi après trente ans de service.".encode("cp1252"), None),
    "utf16.txt": ("Meta reported revenue of 48.39 billion dollars.".encode("utf-16"), None),
    "huge.txt": (b"word " * 2_200_000, "over the limit"),
    "script.html": (b"<script>alert(1)</script>", "no visible text"),
    "feed.jsonl": (b'{"text": "A good record about the budget vote."}\n{broken\n', "not valid JSON"),
}


def plant(folder: Path, count: int) -> tuple[int, int]:
    """Plant the bad files in one sub-folder per 1,000 good articles; (bad expected, good extra)."""
    bad = good = 0
    for index, sub in enumerate(sorted(p for p in folder.iterdir() if p.is_dir())):
        for name, (data, reason) in BAD_FILES.items():
            (sub / f"zz-{index}-{name}").write_bytes(data)
            bad += reason is not None
            good += reason is None
        os.symlink("missing.txt", sub / f"zz-{index}-dangling.txt")
        bad += 1
    return bad, good + len(list(folder.rglob("zz-*-feed.jsonl")))  # one good record per feed


def digest_tree(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--lean", action="store_true", help="score lean too (slow: see docs/scale.md)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/audit-soak"))
    args = parser.parse_args(argv)

    folder = args.work / f"soak-{args.count}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    generate(folder, args.count, seed=1)
    bad_expected, good_extra = plant(folder, args.count)
    before = digest_tree(folder)
    report_path = args.work / f"soak-{args.count}.json"
    command = [sys.executable, "-m", "auditor.cli", str(folder), "--format", "json", "-o", str(report_path),
               "--jobs", str(args.jobs), "--no-cache"] + ([] if args.lean else ["--no-lean"])
    seconds, peak = timed(command, accept=(0, 1, 2))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    errors = report["errors"]
    checks = {
        "every good article audited": len(report["articles"]) == args.count + good_extra,
        "every bad file reported": len(errors) == bad_expected,
        "each error says why": all(
            any(reason and reason in e["error"] for _, reason in BAD_FILES.values()) or "broken symbolic link" in e["error"]
            for e in errors),
        "errors counted in the summary": report["summary"]["errors_in_input"] == len(errors),
        "inputs unchanged": digest_tree(folder) == before,
    }
    articles = len(report["articles"])
    print(f"soak: {args.count:,} generated articles + {bad_expected} bad files, jobs={args.jobs}, "
          f"lean={'on' if args.lean else 'off'}")
    print(f"  {seconds:.1f} s, {articles / seconds:,.0f} articles/s, peak memory {peak:,.0f} MiB (process tree)")
    print(f"  {articles:,} articles in the report, {len(errors)} errors")
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
