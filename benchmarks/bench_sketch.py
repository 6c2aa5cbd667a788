#!/usr/bin/env python
"""MinHash sketching alone: auditor.lean.candidates' numpy MinHash against datasketch's.

    python benchmarks/bench_sketch.py [--texts 500] [--rounds 3] [--work /tmp/audit-bench]

The shingles (anchors and word 3-grams) of the first --texts articles of the generated 1k
corpus are made once; then both signatures of every text are computed by each, in turn,
--rounds times, and the ms per text printed. It checks that the values are the same.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import corpus  # noqa: E402

from auditor.languages.detect import detect_language  # noqa: E402
from auditor.lean.anchors import extract_anchors  # noqa: E402
from auditor.lean.candidates import NUM_PERM, _anchor_shingles, _minhash_values, _word_shingles  # noqa: E402
from auditor.lean.text import tokenize  # noqa: E402


def datasketch_values(shingles: set[bytes]) -> np.ndarray:
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch(sorted(shingles))
    return signature.hashvalues.astype(np.uint64)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/audit-bench"))
    args = parser.parse_args(argv)
    folder, _ = corpus(args.work, 1000)
    shingle_sets = []
    for path in sorted(folder.rglob("*.txt"))[:args.texts]:
        text = path.read_text(encoding="utf-8")
        language = detect_language(text)
        words = {language.encode() + b":" + w for w in _word_shingles(tuple(tokenize(text)))}
        shingle_sets += [s for s in (_anchor_shingles(extract_anchors(text, language)), words) if s]
    for shingles in shingle_sets:
        if not np.array_equal(_minhash_values(shingles), datasketch_values(shingles)):
            raise SystemExit("different MinHash values")
    print(f"{len(shingle_sets)} signatures of {args.texts} texts, "
          f"{sum(map(len, shingle_sets)) / len(shingle_sets):.0f} shingles each on average")
    for round_number in range(1, args.rounds + 1):
        timings = []
        for label, function in (("datasketch", datasketch_values), ("numpy", _minhash_values)):
            started = time.perf_counter()
            for shingles in shingle_sets:
                function(shingles)
            timings.append((label, (time.perf_counter() - started) * 1e3 / args.texts))
        print(f"round {round_number}: " + "; ".join(f"{label} {ms:.3f} ms a text" for label, ms in timings)
              + f"; {timings[0][1] / timings[1][1]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
