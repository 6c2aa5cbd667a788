"""Pair features: what separates an article derived from a source from one that only tells
the same story.

``PairFeatures`` is a scikit-learn transformer whose input is a 2-column table of texts:
column 0 the article, column 1 the source (a list of pairs, a numpy object array of shape
(n, 2), or anything ``np.asarray`` turns into one). Optional columns 2 and 3 give the
article's and the source's language codes; without them the language is guessed.
It learns nothing from data: ``fit`` only records the input width, so it can sit first in a
``Pipeline`` and be cloned, cross-validated and persisted like any transformer.
"""
from __future__ import annotations

import math

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .align import align_sentences, derived_coverage, paraphrase_evidence
from .compact import GRAM_KINDS, CompactProfile, compact_profile, member_mask, same_language_compact
from .text import TextProfile, profile

__all__ = ["PairFeatures", "FEATURE_NAMES", "COMPACT_FEATURES", "PARAPHRASE_FEATURES", "SOURCE_SIDE_FEATURES",
           "pair_features", "compact_features", "paraphrase_features"]

# The features, by name; the functions computing them return values keyed by these names, so
# a row's columns are always in this order (and the model's card lists them).
COMPACT_FEATURES = (  # from the two compact profiles (compact_features)
    "word1_contain_article", "word1_contain_source",
    "word3_contain_article", "word3_contain_source", "word5_contain_article",
    "char5_contain_article", "char5_contain_source",
    "tile_cover_article", "tile_cover_source", "longest_run_share", "longest_run_log",
    "sentence_cover_article", "sentence_cover_source", "sentence_order", "region_cover_article",
    "anchor_contain_article", "anchor_contain_source",
    "figure_contain_article", "figure_contain_source", "figures_shared_log",
    "name_contain_article", "quote_contain_article",
    "anchor_order_article", "figure_order_article",
    "length_ratio_log", "same_language",
    "word8_contain_article", "unquoted5_contain_article", "unquoted8_contain_article",
)
PARAPHRASE_FEATURES = (  # from the two full text profiles, sentence by sentence (paraphrase_features)
    "skeleton_contain_article", "paraphrase_best_article", "paraphrase_ordered_article",
    "paraphrase_ordered_source", "paraphrase_order_ratio", "paraphrase_matched_article",
)
FEATURE_NAMES = COMPACT_FEATURES + PARAPHRASE_FEATURES
LENGTH_FEATURES = ("length_ratio_log",)
# What changes when unrelated text is appended to the source (a day's wire joined, a page
# with other stories): shares of the source's own units, and the length ratio. The lean
# score is a share of the *article*, so these say nothing about it once the source is
# longer than the story the article took.
SOURCE_SIDE_FEATURES = ("word1_contain_source", "word3_contain_source", "char5_contain_source",
                        "tile_cover_source", "sentence_cover_source", "anchor_contain_source",
                        "figure_contain_source", "length_ratio_log")
_TILE = 4  # a run of 4 identical words is taken as copied text, not coincidence
_NO_GRAMS = np.zeros(0, dtype=np.uint64)
_FOUR = GRAM_KINDS.index("words4")


def _containment(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _both_ways(a: frozenset, b: frozenset) -> tuple[float, float]:
    """``(_containment(a, b), _containment(b, a))`` with one intersection."""
    shared = len(a & b) if a and b else 0
    return (shared / len(a) if a else 0.0), (shared / len(b) if b else 0.0)


def _shared_grams(a: CompactProfile, s: CompactProfile) -> tuple[dict[str, int], np.ndarray, dict[str, int]]:
    """How many distinct n-grams of each kind the article shares with the source, the shared
    word 4-grams (salted, sorted), and how many of the article's 5/8-grams outside quotations
    the source has among its 5/8-grams. Word 4/5/8-grams are compared only when a word
    3-gram is shared: any shared longer n-gram, inside or outside quotations (a quotation
    ends a token run), starts with a shared 3-gram, so without one those counts are 0."""
    shared = _count_found(a.arrays["grams"], a.arrays["gram_kinds"], s.arrays["grams"])
    if not shared["words3"]:
        return shared, _NO_GRAMS, dict.fromkeys(GRAM_KINDS, 0)
    found = member_mask(a.arrays["long_grams"], s.arrays["long_grams"])
    shared.update((k, v) for k, v in _counts(a.arrays["long_gram_kinds"][found]).items() if v)
    fours = a.arrays["long_grams"][found & (a.arrays["long_gram_kinds"] == _FOUR)]
    outside = _count_found(a.arrays["unquoted"], a.arrays["unquoted_kinds"], s.arrays["long_grams"])
    return shared, fours, outside


def _count_found(values: np.ndarray, kinds: np.ndarray, other: np.ndarray) -> dict[str, int]:
    return _counts(kinds[member_mask(values, other)])


def _counts(kinds: np.ndarray) -> dict[str, int]:
    return dict(zip(GRAM_KINDS, np.bincount(kinds, minlength=len(GRAM_KINDS)).tolist()))


def _share(shared: int, total: int) -> float:
    return shared / total if total else 0.0


def _tile_cover(a: CompactProfile, s: CompactProfile, shared: np.ndarray) -> tuple[float, float, int]:
    """Share of each side's tokens inside word runs of length >= _TILE found in the other,
    and the longest such run in the article (a cheap greedy-string-tiling stand-in).
    ``shared``: the word 4-grams the two share."""
    if not len(shared):
        return 0.0, 0.0, 0
    cover_a, longest = _covered(a.four_gram_sequence, a.n_tokens, shared)
    cover_s, _ = _covered(s.four_gram_sequence, s.n_tokens, shared)
    return cover_a, cover_s, longest


def _covered(sequence: np.ndarray, n_tokens: int, shared: np.ndarray) -> tuple[float, int]:
    """Share of the tokens inside a run of ``_TILE`` words found in ``shared``, and the longest
    chain of consecutive such runs (in words). ``sequence`` is the text's 4-gram hashes in order."""
    hits = np.flatnonzero(member_mask(sequence, shared)).tolist()
    covered, longest, run, covered_to, previous = 0, 0, 0, 0, -2
    for i in hits:
        run = run + 1 if i == previous + 1 else 1
        longest = max(longest, run + _TILE - 1)
        covered += i + _TILE - max(i, covered_to)
        covered_to, previous = i + _TILE, i
    return covered / max(n_tokens, 1), longest


def _lcs_share(seq_a: list, seq_b: list) -> float:
    """Longest common subsequence of two anchor sequences, as a share of ``seq_a``."""
    common = set(seq_a) & set(seq_b)
    a = _dedupe([x for x in seq_a if x in common])
    b = _dedupe([x for x in seq_b if x in common])
    if not a or not seq_a:
        return 0.0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1] / len(_dedupe(seq_a))


def _dedupe(sequence: list) -> list:
    return [x for i, x in enumerate(sequence) if i == 0 or x != sequence[i - 1]]


def compact_features(a: CompactProfile, s: CompactProfile) -> list[float]:
    """The COMPACT_FEATURES of one pair (what the shipped model reads)."""
    # Each intersection once (|A & B| serves both directions), and none of the 4/5/8-gram
    # ones when the texts share no word 3-gram: a shared n-gram (n >= 3) of the two token
    # sequences starts with a shared 3-gram, so those containments are 0 exactly.
    shared, shared_fours, outside = _shared_grams(a, s)
    count_a, count_s = a.gram_count, s.gram_count
    w1a, w1s = _share(shared["words1"], count_a("words1")), _share(shared["words1"], count_s("words1"))
    w3a, w3s = _share(shared["words3"], count_a("words3")), _share(shared["words3"], count_s("words3"))
    shares_3grams = w3a > 0.0
    w5a = _share(shared["words5"], count_a("words5")) if shares_3grams else 0.0
    c5a, c5s = _share(shared["chars5"], count_a("chars5")), _share(shared["chars5"], count_s("chars5"))
    tile_a, tile_s, longest = _tile_cover(a, s, shared_fours) if shares_3grams else (0.0, 0.0, 0)

    pairs = align_sentences(a, s)
    spans_a, spans_s = a.sentence_spans, s.sentence_spans
    covered_a = sum(int(spans_a[i, 1] - spans_a[i, 0]) for i in {p.article_index for p in pairs})
    covered_s = sum(int(spans_s[i, 1] - spans_s[i, 0]) for i in {p.source_index for p in pairs})
    body_a = int((spans_a[:, 1] - spans_a[:, 0]).sum()) or 1
    body_s = int((spans_s[:, 1] - spans_s[:, 0]).sum()) or 1
    firsts = [p.source_index for i, p in enumerate(pairs) if i == 0 or p.article_index != pairs[i - 1].article_index]
    steps = [later >= earlier for earlier, later in zip(firsts, firsts[1:])]
    order = sum(steps) / len(steps) if steps else 0.0

    view_a, view_s = a.anchor_view, s.anchor_view
    seq_a, seq_s, fig_a, fig_s = view_a.sequence, view_s.sequence, view_a.figures, view_s.figures
    keys_a, keys_s, figs_a, figs_s = view_a.keys, view_s.keys, view_a.figure_keys, view_s.figure_keys
    names_a, quotes_a, quotes_s = view_a.names, view_a.quotes, view_s.quotes

    both_anchors, both_figures = _both_ways(keys_a, keys_s), _both_ways(figs_a, figs_s)
    return in_order(COMPACT_FEATURES, {
        "word1_contain_article": w1a, "word1_contain_source": w1s,
        "word3_contain_article": w3a, "word3_contain_source": w3s, "word5_contain_article": w5a,
        "char5_contain_article": c5a, "char5_contain_source": c5s,
        "tile_cover_article": tile_a, "tile_cover_source": tile_s,
        "longest_run_share": longest / max(a.n_tokens, 1), "longest_run_log": math.log1p(longest),
        "sentence_cover_article": min(covered_a / body_a, 1.0), "sentence_cover_source": min(covered_s / body_s, 1.0),
        "sentence_order": order, "region_cover_article": derived_coverage(a, pairs),
        "anchor_contain_article": both_anchors[0], "anchor_contain_source": both_anchors[1],
        "figure_contain_article": both_figures[0], "figure_contain_source": both_figures[1],
        "figures_shared_log": math.log1p(len(figs_a & figs_s)),
        "name_contain_article": _containment(names_a, keys_s), "quote_contain_article": _containment(quotes_a, quotes_s),
        "anchor_order_article": _lcs_share(seq_a, seq_s), "figure_order_article": _lcs_share(fig_a, fig_s),
        "length_ratio_log": math.log((a.n_chars + 1) / (s.n_chars + 1)),
        "same_language": float(same_language_compact(a, s)),
        "word8_contain_article": _share(shared["words8"], count_a("words8")) if shares_3grams else 0.0,
        "unquoted5_contain_article": _share(outside["words5"], a.unquoted_count(5)),
        "unquoted8_contain_article": _share(outside["words8"], a.unquoted_count(8)),
    })


def in_order(names: tuple[str, ...], values: dict[str, float]) -> list[float]:
    """Named values as a row in the order of ``names``; a name missing or extra is an error,
    so a feature can never land in another's column."""
    if len(values) != len(names) or any(name not in values for name in names):
        raise ValueError(f"feature values {sorted(values)} do not match the feature names {sorted(names)}")
    return [values[name] for name in names]


def paraphrase_features(a: TextProfile, s: TextProfile) -> list[float]:
    """The sentence-level PARAPHRASE_FEATURES of one pair."""
    skeleton_a = frozenset().union(*(x.skeleton for x in a.sentences))
    skeleton_s = frozenset().union(*(x.skeleton for x in s.sentences))
    para = paraphrase_evidence(a, s)
    n_a, n_s, best_total = max(para.article_sentences, 1), max(para.source_sentences, 1), sum(para.best)
    return in_order(PARAPHRASE_FEATURES, {
        "skeleton_contain_article": _containment(skeleton_a, skeleton_s),
        "paraphrase_best_article": best_total / n_a,
        "paraphrase_ordered_article": para.ordered_total / n_a,
        "paraphrase_ordered_source": para.ordered_total / n_s,
        "paraphrase_order_ratio": para.ordered_total / best_total if best_total else 0.0,
        "paraphrase_matched_article": para.ordered_matches / n_a,
    })


def pair_features(a: TextProfile, s: TextProfile, paraphrase: bool = True) -> list[float]:
    """All FEATURE_NAMES for one pair; with ``paraphrase=False`` the paraphrase features are
    not computed and read 0."""
    values = compact_features(a.compact, s.compact)
    return values + (paraphrase_features(a, s) if paraphrase else [0.0] * len(PARAPHRASE_FEATURES))


class PairFeatures(TransformerMixin, BaseEstimator):
    """(article, source[, article_lang, source_lang]) rows -> one feature row per pair.

    Parameters
    ----------
    use_length : bool, default=True
        Keep the length-ratio feature. Off, the model cannot lean on length alone (METER's
        labels correlate with length), which the evaluation reports both ways.
    use_paraphrase : bool, default=True
        Keep the sentence-level paraphrase features (skeleton words aligned in order, see
        ``align.paraphrase_evidence``). Off gives the 29 features of the earlier models.
    use_source_side : bool, default=True
        Keep the features that are shares of the source (``SOURCE_SIDE_FEATURES``, which
        include the length ratio). Off, only what is measured on the article is left, and a
        source padded with unrelated text scores about as the bare source does.
    use_embeddings : bool, default=False
        Add the sentence-embedding features (``embed.EMBEDDING_FEATURES``: margin-scored
        matches, their order-preserving chain, their agreement with the anchor alignment).
        They need the texts, so such a model is scored from texts, not compact profiles.
    embedding_set : {"margin", "relative"}, default="margin"
        Which embedding features ``use_embeddings`` adds: the margin ones above, or the
        source-relative gains (``embed.RELATIVE_FEATURES``: each article sentence measured
        against its best source sentence's own neighbours in the source).
    """

    def __init__(self, use_length: bool = True, use_paraphrase: bool = True, use_source_side: bool = True,
                 use_embeddings: bool = False, embedding_set: str = "margin"):
        self.use_length = use_length
        self.use_paraphrase = use_paraphrase
        self.use_source_side = use_source_side
        self.use_embeddings = use_embeddings
        self.embedding_set = embedding_set

    def fit(self, X, y=None):
        rows = self._rows(X)
        self.n_features_in_ = rows.shape[1]
        return self

    def transform(self, X):
        check_is_fitted(self, "n_features_in_")
        rows = self._rows(X)
        if rows.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {rows.shape[1]} columns, PairFeatures was fitted with {self.n_features_in_}")
        out = np.empty((rows.shape[0], len(self.get_feature_names_out())), dtype=np.float64)
        for i, row in enumerate(rows):
            a_lang = row[2] if rows.shape[1] > 2 and row[2] else None
            s_lang = row[3] if rows.shape[1] > 3 and row[3] else None
            if self.use_embeddings:
                out[i] = self.embedded_row(str(row[0]), compact_profile(str(row[0]), a_lang),
                                           str(row[1]), compact_profile(str(row[1]), s_lang))
            elif self.use_paraphrase:
                out[i] = self.profile_row(profile(str(row[0]), a_lang), profile(str(row[1]), s_lang))
            else:
                out[i] = self.compact_row(compact_profile(str(row[0]), a_lang), compact_profile(str(row[1]), s_lang))
        return out

    def compact_row(self, article: CompactProfile, source: CompactProfile) -> list[float]:
        """The kept features of one pair from two compact profiles (what the corpus scan
        holds); only without the paraphrase features, which need the full text profiles."""
        if self.use_paraphrase or self.use_embeddings:
            raise ValueError("the paraphrase and embedding features need the texts: use transform")
        values = compact_features(article, source) + [0.0] * len(PARAPHRASE_FEATURES)
        return [values[j] for j in self._kept_indices()]

    def embedded_row(self, article_text: str, article: CompactProfile, source_text: str,
                     source: CompactProfile) -> list[float]:
        """The kept features plus the embedding features of one pair (not with the paraphrase ones)."""
        from .embed import embedding_features, relative_features

        if self.use_paraphrase:
            raise ValueError("the embedding features are not combined with the paraphrase features")
        values = compact_features(article, source) + [0.0] * len(PARAPHRASE_FEATURES)
        kept = [values[j] for j in self._kept_indices()]
        if self._embedding_set() == "relative":
            return kept + relative_features(article_text, article, source_text, source)
        return kept + embedding_features(article_text, article, source_text, source, align_sentences(article, source))

    def profile_row(self, article: TextProfile, source: TextProfile) -> list[float]:
        """The kept features of one pair, from its two profiles (what ``transform`` does for
        each row once it has the profiles): for callers that already hold them."""
        values = pair_features(article, source, self.use_paraphrase)
        return [values[j] for j in self._kept_indices()]

    def __setstate__(self, state):
        # a model pickled before the paraphrase features existed was trained without them
        state.setdefault("use_paraphrase", False)
        state.setdefault("use_source_side", True)
        state.setdefault("use_embeddings", False)
        state.setdefault("embedding_set", "margin")  # pickled before the source-relative features
        super().__setstate__(state)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "n_features_in_")
        names = [FEATURE_NAMES[j] for j in self._kept_indices()]
        if self.use_embeddings:
            from .embed import EMBEDDING_FEATURES, RELATIVE_FEATURES

            names += RELATIVE_FEATURES if self._embedding_set() == "relative" else EMBEDDING_FEATURES
        return np.asarray(names, dtype=object)

    def _embedding_set(self) -> str:
        if self.embedding_set not in ("margin", "relative"):
            raise ValueError(f"embedding_set must be 'margin' or 'relative', not {self.embedding_set!r}")
        return self.embedding_set

    def _kept_indices(self) -> list[int]:
        return [j for j, name in enumerate(FEATURE_NAMES)
                if (self.use_length or name not in LENGTH_FEATURES)
                and (self.use_paraphrase or name not in PARAPHRASE_FEATURES)
                and (self.use_source_side or name not in SOURCE_SIDE_FEATURES)]

    @staticmethod
    def _rows(X) -> np.ndarray:
        rows = np.asarray(X, dtype=object)
        if rows.ndim != 2 or rows.shape[1] not in (2, 4):
            raise ValueError("PairFeatures expects a 2-column (article, source) or 4-column "
                             f"(article, source, article_lang, source_lang) input, got shape {rows.shape}")
        return rows

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
