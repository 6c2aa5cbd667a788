#!/usr/bin/env python
"""Write or check the reference feature vectors of our own training pairs.

    python benchmarks/feature_reference.py --write   # once, with the code whose results are the reference
    python benchmarks/feature_reference.py           # check the current code against it (exit 1 on a difference)

A speed change to ``auditor.lean`` must not change results: the 35 features (the shipped
model's 29 and the 6 paraphrase features) of every pair built from the three training
files, the (label, score) of ``score_rows`` and the candidate sketches must stay what they
were, features to within 1e-12. ``tests/lean/test_lean_reference.py`` runs the check.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.lean.candidates import sketch  # noqa: E402
from auditor.lean.features import pair_features  # noqa: E402
from auditor.lean.score import score_rows  # noqa: E402
from auditor.lean.text import profile  # noqa: E402
from auditor.training.lean import build_pairs, load_texts  # noqa: E402

REFERENCE = ROOT / "tests" / "lean" / "data" / "feature_reference.npz"
FILES = ("texts.jsonl", "paraphrases.jsonl", "news_families.jsonl")
TOLERANCE = 1e-12


def pairs():
    texts = []
    for name in FILES:
        texts += load_texts(ROOT / "training" / "lean" / name)
    return build_pairs(texts), texts


def compute() -> dict[str, np.ndarray]:
    built, texts = pairs()
    features = np.array([pair_features(profile(p.article, p.article_lang), profile(p.source, p.source_lang))
                         for p in built], dtype=np.float64)
    scored = score_rows([(p.article, p.source, p.article_lang, p.source_lang) for p in built])
    sketches = hashlib.sha256()
    for i, text in enumerate(texts):
        item = sketch(str(i), text["text"], text["lang"])
        sketches.update(item.language.encode() + item.anchors + item.words)
    return {
        "features": features,
        "labels": np.array([label for label, _ in scored]),
        "scores": np.array([score for _, score in scored], dtype=np.float64),
        "pair_digest": np.array(hashlib.sha256(json.dumps(
            [(p.article, p.source, p.article_lang, p.source_lang) for p in built]).encode()).hexdigest()),
        "sketch_digest": np.array(sketches.hexdigest()),
    }


def differences(reference: dict, current: dict) -> list[str]:
    problems = []
    if str(reference["pair_digest"]) != str(current["pair_digest"]):
        return ["the training pairs are not the ones the reference was made from"]
    gap = np.abs(reference["features"] - current["features"])
    if gap.max() > TOLERANCE:
        rows, cols = np.nonzero(gap > TOLERANCE)
        problems.append(f"features differ on {len(set(rows))} pairs (max {gap.max():.3g}, columns {sorted(set(cols))})")
    if (reference["labels"] != current["labels"]).any() or (reference["scores"] != current["scores"]).any():
        problems.append("score_rows (label, score) differ")
    if str(reference["sketch_digest"]) != str(current["sketch_digest"]):
        problems.append("candidate sketches differ")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    current = compute()
    if args.write:
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(REFERENCE, **current)
        print(f"wrote {REFERENCE} ({len(current['features'])} pairs)")
        return 0
    with np.load(REFERENCE) as stored:
        problems = differences(dict(stored), current)
    print("\n".join(problems) or f"identical: {len(current['features'])} pairs")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
