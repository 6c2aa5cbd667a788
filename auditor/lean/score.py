"""Public API: how much of an article is derived from a source.

Score bands (``Lean.score``, the estimated share of the article derived from the source):

* ``>= 0.8``  — the article as a whole is derived: a copy, a rewrite or a translation.
  An editorial policy "leans above 0.8" means exactly this.
* ``0.3 - 0.8`` — partly derived: some passages come from the source, the rest is new.
* ``< 0.3``  — independent: at most a few shared facts; same-story articles land here.

How the score is made: the classifier gives a probability for each label; each label stands
for a share of the article — copy/rewrite/translation ``0.8 + 0.2 * coverage``, partial
``0.3 + 0.5 * coverage``, independent ``0.1 * coverage`` — where coverage is the share of the
article's sentences aligned to the source (with the unaligned sentences between two
aligned ones in source order, see ``derived_coverage``). The score is the expectation of that share under
the classifier's probabilities, so a confident label lands inside its band and coverage
places it within the band. The label is the classifier's most probable class.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

import numpy as np
from sklearn.utils.validation import check_is_fitted

from .align import align_sentences, derived_coverage
from .compact import compact_profile
from .features import PairFeatures
from .model import default_model
from .results import Evidence, Lean
from .text import profile

__all__ = ["Evidence", "Lean", "score_pair", "score_rows", "score_profiles", "compact_scoring", "LABELS", "WHOLE_THRESHOLD",
           "PARTIAL_THRESHOLD"]

LABELS = ("copy", "rewrite", "translation", "partial", "independent")
WHOLE_THRESHOLD = 0.8
PARTIAL_THRESHOLD = 0.3
COVERAGE_FEATURE = "region_cover_article"  # the feature that is derived_coverage(article, alignment)


def label_share(label: str, coverage: float) -> float:
    if label in ("copy", "rewrite", "translation"):
        return WHOLE_THRESHOLD + (1.0 - WHOLE_THRESHOLD) * coverage
    if label == "partial":
        return PARTIAL_THRESHOLD + (WHOLE_THRESHOLD - PARTIAL_THRESHOLD) * coverage
    return 0.1 * coverage


def score_pair(article: str, source: str, article_lang: str | None = None,
               source_lang: str | None = None, pipeline=None) -> Lean:
    """``pipeline``: a model other than the packaged one (``model.model_at``)."""
    if pipeline is None:
        pipeline, _card = default_model()
    article_profile = compact_profile(article, article_lang)
    source_profile = compact_profile(source, source_lang)
    row = np.array([[article, source, article_profile.language, source_profile.language]], dtype=object)
    probabilities = pipeline.predict_proba(row)[0]
    classes = list(pipeline.classes_)
    label = classes[int(np.argmax(probabilities))]

    pairs = align_sentences(article_profile, source_profile)
    coverage = derived_coverage(article_profile, pairs)
    score = sum(p * label_share(c, coverage) for c, p in zip(classes, probabilities))
    if _uses_embeddings(pipeline):
        pairs = better_alignment(article_profile, pairs, _embedding_pairs(article, article_profile, source,
                                                                          source_profile))
    evidence = tuple(
        Evidence(p.article_span, p.source_span, article[p.article_span[0]:p.article_span[1]],
                 source[p.source_span[0]:p.source_span[1]])
        for p in pairs
    )
    return Lean(round(float(min(max(score, 0.0), 1.0)), 4), label, evidence)


def _uses_embeddings(pipeline) -> bool:
    from .model import LazyEmbeddingLean

    return isinstance(pipeline, LazyEmbeddingLean) or getattr(pipeline[0], "use_embeddings", False)


def _embedding_pairs(article: str, article_profile, source: str, source_profile):
    from .embed import embedding_alignment

    return embedding_alignment(article, article_profile, source, source_profile)


def better_alignment(article_profile, anchor_pairs, embedding_pairs):
    """The alignment that covers more of the article's sentence text (anchors and embeddings
    fail differently: a figure-free translation has few anchors, a list of figures few
    sentences an encoder tells apart); the anchors' on a tie."""
    spans = article_profile.sentence_spans

    def covered(pairs) -> int:
        return sum(int(spans[i, 1] - spans[i, 0]) for i in {p.article_index for p in pairs})

    return embedding_pairs if covered(embedding_pairs) > covered(anchor_pairs) else anchor_pairs


def score_rows(rows, pipeline=None) -> list[tuple[str, float]]:
    """(label, score) for many (article, source, article_lang, source_lang) rows at once,
    without evidence: one predict_proba call, for evaluation and corpus scans."""
    if pipeline is None:
        pipeline, _card = default_model()
    rows = list(rows)
    if not rows:
        return []
    from .model import LazyEmbeddingLean

    if isinstance(pipeline, LazyEmbeddingLean):
        probabilities, base_rows, _gated = pipeline.score_details(np.array(rows, dtype=object))
        names = list(pipeline.base_[0].get_feature_names_out())
        return _from_probabilities(list(pipeline.classes_), probabilities, base_rows[:, names.index(COVERAGE_FEATURE)])
    if _compact_features_step(pipeline) is not None:
        return score_profiles([(compact_profile(a, al or None), compact_profile(s, sl or None))
                               for a, s, al, sl in rows], pipeline)
    with _collector_paused():
        return _score_rows(rows, pipeline)


def score_profiles(pairs, pipeline=None) -> list[tuple[str, float]]:
    """(label, score) for many (article, source) pairs of compact profiles: what a corpus scan
    holds (:mod:`auditor.lean.store`). Only for a model without the paraphrase features,
    which need the texts (``score_rows`` takes those)."""
    if pipeline is None:
        pipeline, _card = default_model()
    features_step = _compact_features_step(pipeline)
    if features_step is None:
        raise ValueError("this model needs full text profiles: use score_rows")
    if not pairs:
        return []
    names = list(features_step.get_feature_names_out())
    features = np.empty((len(pairs), len(names)), dtype=np.float64)
    for i, (article, source) in enumerate(pairs):
        features[i] = features_step.compact_row(article, source)
    return _scores(pipeline, features, features[:, names.index(COVERAGE_FEATURE)])


def compact_scoring(pipeline) -> bool:
    """Whether the model's features come from compact profiles alone (``score_profiles``)."""
    return _compact_features_step(pipeline) is not None


def _compact_features_step(pipeline) -> PairFeatures | None:
    from .model import LazyEmbeddingLean

    if isinstance(pipeline, LazyEmbeddingLean):
        return None
    step = pipeline[0] if len(pipeline) == 2 else None
    if (isinstance(step, PairFeatures) and not step.use_paraphrase and not getattr(step, "use_embeddings", False)
            and COVERAGE_FEATURE in step.get_feature_names_out()):
        check_is_fitted(step, "n_features_in_")
        return step
    return None


def _scores(pipeline, features: np.ndarray, coverages) -> list[tuple[str, float]]:
    return _from_probabilities(list(pipeline.classes_), pipeline[-1].predict_proba(features), coverages)


def _from_probabilities(classes: list[str], probabilities, coverages) -> list[tuple[str, float]]:
    results = []
    for coverage, row in zip(coverages, probabilities):
        score = sum(p * label_share(c, float(coverage)) for c, p in zip(classes, row))
        results.append((classes[int(np.argmax(row))], round(float(min(max(score, 0.0), 1.0)), 4)))
    return results


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off for the batch. Full text profiles allocate
    hundreds of thousands of n-gram tuples, which set off collections that walk every cached
    profile. Profiles hold no reference cycles, so reference counting frees them all the
    same; any cycle made meanwhile is collected once the collector is back on. Results do
    not depend on it. (Compact profiles are a few numpy arrays: they do not need it.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _score_rows(rows: list, pipeline) -> list[tuple[str, float]]:
    """Rows of texts through the pipeline's own transform (models with paraphrase features)."""
    table = [(a, s, al or profile(a).language, sl or profile(s).language) for a, s, al, sl in rows]
    features = pipeline[:-1].transform(np.array(table, dtype=object))
    names = list(pipeline[:-1].get_feature_names_out())
    if COVERAGE_FEATURE in names:
        coverages = features[:, names.index(COVERAGE_FEATURE)]
    else:
        coverages = []
        for article, source, a_lang, s_lang in rows:
            a_profile, s_profile = compact_profile(article, a_lang or None), compact_profile(source, s_lang or None)
            coverages.append(derived_coverage(a_profile, align_sentences(a_profile, s_profile)))
    return _scores(pipeline, features, coverages)
