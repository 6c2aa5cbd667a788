#!/usr/bin/env python
"""Pairs per second for score_rows over 1,000 pairs built from the training texts.

    python benchmarks/bench_lean.py

Baseline in the same run: the cost of only tokenising both texts of each pair. Text
profiles are cached per text, so the cache is cleared before each timed pass.
"""
from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.lean.features import PairFeatures  # noqa: E402
from auditor.lean.model import default_model  # noqa: E402
from auditor.lean.score import score_pair, score_rows  # noqa: E402
from auditor.lean.text import profile, tokenize  # noqa: E402
from auditor.lean.training import load_texts  # noqa: E402

N_PAIRS = 1000


def main() -> int:
    texts = load_texts(ROOT / "training" / "lean" / "texts.jsonl")
    pairs = list(itertools.islice(itertools.cycle(
        [(a["text"], s["text"], a["lang"], s["lang"]) for a in texts for s in texts if a is not s]), N_PAIRS))
    default_model()  # load and verify once, outside the timings

    started = time.perf_counter()
    for article, source, _, _ in pairs:
        tokenize(article), tokenize(source)
    baseline = time.perf_counter() - started

    profile.cache_clear()
    started = time.perf_counter()
    score_rows(pairs)
    batch = time.perf_counter() - started

    profile.cache_clear()
    started = time.perf_counter()
    for article, source, a_lang, s_lang in pairs[:200]:
        score_pair(article, source, a_lang, s_lang)
    single = (time.perf_counter() - started) / 200

    features = {}
    for use_paraphrase in (False, True):
        transformer = PairFeatures(use_paraphrase=use_paraphrase).fit(pairs[:1])
        profile.cache_clear()
        started = time.perf_counter()
        transformer.transform(pairs)
        features[use_paraphrase] = time.perf_counter() - started

    print(f"{N_PAIRS} pairs from {len(texts)} training texts")
    print(f"baseline (tokenise both texts): {N_PAIRS / baseline:10.0f} pairs/s")
    print(f"score_rows (batch, no evidence): {N_PAIRS / batch:9.0f} pairs/s  ({1000 * batch / N_PAIRS:.2f} ms/pair)")
    print(f"score_pair (one at a time, with evidence): {1 / single:6.0f} pairs/s  ({1000 * single:.2f} ms/pair)")
    for use_paraphrase, label in ((False, "29 shipped"), (True, "35, with paraphrase")):
        elapsed = features[use_paraphrase]
        print(f"features only ({label}): {N_PAIRS / elapsed:9.0f} pairs/s  ({1000 * elapsed / N_PAIRS:.2f} ms/pair)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
