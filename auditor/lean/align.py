"""Aligned passage pairs: which article sentence comes from which source sentence.

Each article sentence is matched to the source sentence it shares most with. Two kinds of
evidence count, added up:

* words: the share of the article sentence's content words found in the source sentence
  (same language, or cognates across close languages);
* anchors: shared figures (1.0 each; a year 0.5) and names (0.5, divided by the square root
  of how many source sentences carry the name, so "Meta" in every sentence counts little).

A pair is kept when the total reaches ``MIN_PAIR_SCORE``; a translated sentence is found
through its figures and names alone, a copied one through its words.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .compact import KIND_CODES, CompactProfile, matches_in_sorted
from .text import TextProfile

__all__ = ["AlignedPair", "align_sentences", "MIN_PAIR_SCORE"]

MIN_PAIR_SCORE = 1.0
_ANCHOR_WEIGHT = {"num": 1.0, "pct": 1.0, "quote": 2.0, "year": 0.5, "name": 0.5}
_MIN_SHARED_WORDS = 3
MAX_SOURCES_PER_SENTENCE = 2


@dataclass(frozen=True)
class AlignedPair:
    article_index: int
    source_index: int
    article_span: tuple[int, int]
    source_span: tuple[int, int]
    score: float


def align_sentences(article, source) -> list[AlignedPair]:
    """The best source sentence for each article sentence that has one, in article order.
    Both profiles are :class:`TextProfile` or both :class:`CompactProfile` (the same pairs)."""
    if isinstance(article, CompactProfile):
        return _align_compact(article, source)
    by_word, by_anchor = source.sentence_index
    vocabulary = by_word.keys()
    pairs = []
    for a_index, sentence in enumerate(article.sentences):
        # only the words the source has: counted in C, not word by word
        shared_words = Counter(chain.from_iterable(map(by_word.__getitem__, sentence.words & vocabulary)))
        anchor_score: dict[int, float] = defaultdict(float)
        for anchor in sentence.anchors:
            holders = by_anchor.get(anchor, ())
            if not holders:
                continue
            weight = _ANCHOR_WEIGHT[anchor[0]]
            if anchor[0] == "name":
                weight /= math.sqrt(len(holders))
            for s_index in holders:
                anchor_score[s_index] += weight
        # below _MIN_SHARED_WORDS shared words a sentence scores by its anchors alone
        worded = [s_index for s_index, n in shared_words.items() if n >= _MIN_SHARED_WORDS]
        if not anchor_score and not worded:
            continue  # nothing can reach MIN_PAIR_SCORE
        n_words = max(len(sentence.words), 1)
        scored = []
        for s_index in set(worded) | set(anchor_score):
            overlap = shared_words.get(s_index, 0)
            word_score = 2.0 * overlap / n_words if overlap >= _MIN_SHARED_WORDS else 0.0
            total = round(word_score + anchor_score.get(s_index, 0.0), 6)
            if total >= MIN_PAIR_SCORE:
                scored.append((-total, s_index))
        scored.sort()
        # a condensed article often merges two source sentences into one: keep a second
        # match when it is nearly as good as the first
        kept = [item for item in scored[:MAX_SOURCES_PER_SENTENCE] if -item[0] >= -scored[0][0] * 0.5]
        for negative_total, s_index in sorted(kept, key=lambda item: item[1]):
            target = source.sentences[s_index]
            pairs.append(AlignedPair(a_index, s_index, (sentence.start, sentence.end),
                                     (target.start, target.end), -negative_total))
    return pairs


_KIND_WEIGHTS = np.array([_ANCHOR_WEIGHT[kind] for kind in KIND_CODES])
_NAME = KIND_CODES.index("name")


def _align_compact(article: CompactProfile, source: CompactProfile) -> list[AlignedPair]:
    """``align_sentences`` over arrays: the words and anchors every article sentence shares
    with every source sentence are counted in one join, then each article sentence picks
    its source sentences exactly as the loop over sets does."""
    a_spans, s_spans = article.sentence_spans, source.sentence_spans
    n_a, n_s = len(a_spans), len(s_spans)
    if not n_a or not n_s:
        return []
    a, s = article.arrays, source.arrays
    words = _shared(a["sentence_word_ids"], a["sentence_words"], s["sentence_word_ids"], s["sentence_words"],
                    n_a, n_s, None)
    # Anchors: weight by kind; a name by 1/sqrt(how many source sentences carry it).
    if len(s["sentence_anchors"]) and len(a["sentence_anchors"]):
        kinds = s["sentence_anchor_kinds"]
        weights = _KIND_WEIGHTS[kinds]
        weights = np.where(kinds == _NAME, weights / np.sqrt(s["sentence_anchor_holders"]), weights)
        anchors = _shared(a["sentence_anchor_ids"], a["sentence_anchors"], s["sentence_anchor_ids"],
                          s["sentence_anchors"], n_a, n_s, weights)
    else:
        anchors = np.zeros((n_a, n_s))
    a_counts = a["sentence_word_counts"]
    worded = words >= _MIN_SHARED_WORDS
    # The loop below rounds each total as the set version does; cells whose unrounded total
    # is below MIN_PAIR_SCORE - 1e-6 cannot round up to it, so they are left out first.
    unrounded = np.where(worded, 2.0 * words / np.maximum(a_counts, 1)[:, None], 0.0) + anchors
    reachable = (worded | (anchors > 0)) & (unrounded >= MIN_PAIR_SCORE - 1e-6)
    pairs = []
    for a_index in np.flatnonzero(reachable.any(axis=1)).tolist():
        n_words = max(int(a_counts[a_index]), 1)
        scored = []
        for s_index in np.flatnonzero(reachable[a_index]).tolist():
            overlap = int(words[a_index, s_index])
            word_score = 2.0 * overlap / n_words if overlap >= _MIN_SHARED_WORDS else 0.0
            total = round(word_score + float(anchors[a_index, s_index]), 6)
            if total >= MIN_PAIR_SCORE:
                scored.append((-total, s_index))
        if not scored:
            continue
        scored.sort()
        kept = [item for item in scored[:MAX_SOURCES_PER_SENTENCE] if -item[0] >= -scored[0][0] * 0.5]
        a_span = (int(a_spans[a_index, 0]), int(a_spans[a_index, 1]))
        for negative_total, s_index in sorted(kept, key=lambda item: item[1]):
            pairs.append(AlignedPair(a_index, s_index, a_span, (int(s_spans[s_index, 0]), int(s_spans[s_index, 1])),
                                     -negative_total))
    return pairs


def _shared(a_ids: np.ndarray, a_values: np.ndarray, s_ids: np.ndarray, s_values: np.ndarray, n_a: int, n_s: int,
            weights: np.ndarray | None) -> np.ndarray:
    """For every (article sentence, source sentence), how many values they share (or the sum
    of the source-side ``weights`` of those values), as an (n_a, n_s) table. ``s_values`` is
    sorted; ``s_ids`` and ``weights`` go with it."""
    size = n_a * n_s
    if not len(a_values) or not len(s_values):
        return np.zeros((n_a, n_s))
    matched, counts = matches_in_sorted(s_values, a_values)
    if not len(matched):
        return np.zeros((n_a, n_s))
    cells = np.repeat(a_ids, counts) * n_s + s_ids[matched]
    return np.bincount(cells, weights=None if weights is None else weights[matched], minlength=size).reshape(n_a, n_s)


MAX_SOURCE_STEP = 3


def _sentence_lengths(profile) -> list[int]:
    if isinstance(profile, CompactProfile):
        spans = profile.sentence_spans
        return (spans[:, 1] - spans[:, 0]).tolist()
    return [s.end - s.start for s in profile.sentences]


def derived_coverage(article, pairs: list[AlignedPair]) -> float:
    """Share of the article's sentence text inside derived regions: aligned sentences, plus
    unaligned ones lying between two aligned sentences whose source positions advance by at
    most MAX_SOURCE_STEP. A translation keeps the source's order, so a figure-free sentence
    between two anchored ones is almost always translated too; an independent article's few
    anchored sentences are scattered and fill nothing."""
    lengths = _sentence_lengths(article)
    body = sum(lengths)
    if not body or not pairs:
        return 0.0
    first_source: dict[int, int] = {}
    for pair in pairs:
        first_source.setdefault(pair.article_index, pair.source_index)
    covered = set(first_source)
    anchored = sorted(first_source)
    for left, right in zip(anchored, anchored[1:]):
        step = first_source[right] - first_source[left]
        if 0 <= step <= MAX_SOURCE_STEP + (right - left - 1):
            covered.update(range(left + 1, right))
    return min(sum(lengths[i] for i in covered) / body, 1.0)


PARAPHRASE_MIN_SIMILARITY = 0.2


@dataclass(frozen=True)
class ParaphraseEvidence:
    """Sentence-level paraphrase evidence from the sentences' skeleton words (content words
    outside quotations that are not names or figures, see ``TextProfile``).

    ``best``: for each article sentence, the similarity (set cosine of the skeletons) of the
    most similar source sentence, in any order. ``ordered``: the largest total similarity of a
    one-to-one matching that keeps both texts' order (a heavy paraphrase rewords sentence by
    sentence and keeps the order; a same-event report shares names, figures and quotes but
    tells it in its own sentences and its own order)."""
    article_sentences: int
    source_sentences: int
    best: tuple[float, ...]
    ordered_total: float
    ordered_matches: int


def paraphrase_evidence(article: TextProfile, source: TextProfile) -> ParaphraseEvidence:
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, sentence in enumerate(source.sentences):
        for word in sentence.skeleton:
            by_word[word].append(index)
    n_source = len(source.sentences)
    rows: list[dict[int, float]] = []
    best = []
    for sentence in article.sentences:
        shared: dict[int, int] = defaultdict(int)
        for word in sentence.skeleton:
            for s_index in by_word.get(word, ()):
                shared[s_index] += 1
        row = {}
        for s_index, n in shared.items():
            if n < 2:
                continue
            similarity = n / math.sqrt(len(sentence.skeleton) * len(source.sentences[s_index].skeleton))
            if similarity >= PARAPHRASE_MIN_SIMILARITY:
                row[s_index] = similarity
        rows.append(row)
        best.append(max(row.values(), default=0.0))
    # monotone alignment (no crossings, each sentence used once): dp over source positions
    dp = [0.0] * (n_source + 1)
    count = [0] * (n_source + 1)
    for row in rows:
        if not row:
            continue
        new_dp, new_count = dp[:], count[:]
        for j in range(1, n_source + 1):
            candidates = [(new_dp[j - 1], new_count[j - 1])]
            similarity = row.get(j - 1)
            if similarity is not None:
                candidates.append((dp[j - 1] + similarity, count[j - 1] + 1))
            if dp[j] > candidates[0][0]:
                candidates.append((dp[j], count[j]))
            new_dp[j], new_count[j] = max(candidates)
        dp, count = new_dp, new_count
    return ParaphraseEvidence(len(article.sentences), n_source, tuple(best), dp[-1], count[-1])
