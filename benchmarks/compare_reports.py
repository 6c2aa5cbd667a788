#!/usr/bin/env python
"""Do two versions of the tool write the same JSON report, byte for byte?  Not a test.

    python benchmarks/compare_reports.py --baseline-python OTHER/.venv/bin/python [--sizes 1000] [--jobs 2]

OTHER is a checkout of the version to compare with (e.g. `git worktree add /tmp/base main`
and its own venv).  Each corpus — the sample corpus (corpus/) and the generated corpora (both kinds) of
each size (benchmarks/make_corpus.py, shared with bench_audit.py's --work folder) — is
audited by both, with and without lean, without a cache; the reports must be identical.
It prints one line per comparison and exits 1 on any difference, naming the first
differing article.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import corpus  # noqa: E402


def report(python: str, folder: Path, lean: bool, jobs: int, out: Path) -> float:
    command = [python, "-m", "auditor.cli", "--format", "json", "-o", str(out), "--no-cache", "--jobs", str(jobs)]
    if not lean:
        command.append("--no-lean")
    started = time.perf_counter()
    # From another folder, so that `-m auditor` imports that python's installed version, not this checkout.
    done = subprocess.run([*command, str(folder.resolve())], capture_output=True, text=True, cwd=out.parent)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def first_difference(a: Path, b: Path) -> str:
    left, right = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
    for x, y in zip(left.get("articles", []), right.get("articles", []), strict=False):
        if x != y:
            return f"first differing article: {x.get('path')}"
    return "the articles are equal; the difference is elsewhere in the report"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-python", required=True, help="the python of the other version's venv")
    parser.add_argument("--sizes", default="1000", help="generated corpora to compare ('' for none)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/audit-bench"))
    parser.add_argument("--folder", action="append", type=Path, default=[],
                        help="another folder to compare on (repeatable), e.g. ../shared/eval/cookie-banners-html/pages")
    parser.add_argument("--no-lean-only", action="store_true", help="compare the rules-only reports alone")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    folders = [("sample", ROOT / "corpus")]
    folders += [(f"{kind} {size}", corpus(args.work, int(size), kind)[0])
                for size in filter(None, args.sizes.split(",")) for kind in ("generated", "realistic")]
    folders += [(folder.name, folder) for folder in args.folder]
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in folders:
            for lean in ((False,) if args.no_lean_only else (False, True)):
                base, mine = Path(tmp) / "base.json", Path(tmp) / "mine.json"
                base_s = report(args.baseline_python, folder, lean, args.jobs, base)
                mine_s = report(sys.executable, folder, lean, args.jobs, mine)
                same = base.read_bytes() == mine.read_bytes()
                differ += not same
                print(f"{name:>16} {'lean' if lean else 'rules':>5}: {'identical' if same else 'DIFFERENT'} "
                      f"({base.stat().st_size:,} bytes; baseline {base_s:.1f} s, this {mine_s:.1f} s)"
                      + ("" if same else f"; {first_difference(base, mine)}"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
