"""What the line classifiers see: text units, and a scikit-learn pipeline from a unit to a score.

A unit is one line of text, or, in a paragraph longer than ``LONG_LINE`` characters, one sentence
of it (a notice glued to the end of a paragraph). Digits are folded to ``0`` so that "5 min read"
and "12 min read" are the same n-grams. ``LineShape`` turns a unit into numbers a linear model
can weigh: its length, its punctuation and separators, its capitals, quotation marks, and one
feature per cue-word role of ``auditor.languages`` (any language's phrase of that role present).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

LONG_LINE = 300
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"“«„(\[]?[A-ZÀ-Ỹ0-9])|(?<=[a-zà-ỹ)][.!?])(?=[A-ZÀ-Ỹ])")
DIGITS = re.compile(r"\d")
CUE_FAMILIES = ("AI_DISCLOSURE", "BOILERPLATE", "CITATION", "CONSENT")
# Roles that are grammar for the sentence templates rather than words of a kind.
SKIPPED_ROLES = {"notice_order", "notice_extra", "name_stop", "with_agency", "byline", "from", "via", "modal"}
OPENING_QUOTES = "\"“«„‚"
SEPARATORS = "/|›»>·•"


def units(text: str) -> list[str]:
    """The units of a text a classifier scores: its non-empty lines, long lines cut into sentences."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > LONG_LINE:
            found.extend(s.strip() for s in SENTENCE_SPLIT.split(line) if s.strip())
        else:
            found.append(line)
    return found


def normalise(unit: str) -> str:
    """Lower case, digits folded, spaces squeezed: what the n-gram vectorisers read."""
    return " ".join(DIGITS.sub("0", unit.lower()).split())


@cache
def cue_roles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled pattern per cue-word role, every language's phrases together."""
    from auditor.languages import EXTRA_LANGUAGES, LANGUAGES, _module, pattern

    roles: set[tuple[str, str]] = set()
    for language in LANGUAGES + EXTRA_LANGUAGES:
        for family in CUE_FAMILIES:
            roles |= {(family, role) for role in getattr(_module(language), family, {}) if role not in SKIPPED_ROLES}
    compiled = []
    for family, role in sorted(roles):
        regex = pattern(family, role)
        compiled.append((f"{family.lower()}.{role}", re.compile(rf"(?<!\w)(?:{regex.pattern})(?!\w)", regex.flags)))
    return tuple(compiled)


SHAPE_NAMES = ("log_chars", "log_words", "words_le_3", "words_le_8", "words_gt_30", "ends_sentence", "ends_colon",
               "label_colon", "opens_bracket", "closes_bracket", "separators", "digit_share", "has_year",
               "capital_share", "upper_share", "has_url", "has_handle", "quote_marks", "opens_quote", "copyright",
               "question", "exclamation", "camel_glue", "dash_lead")


def shape(unit: str) -> list[float]:
    """The shape features of one unit, in the order of ``SHAPE_NAMES``."""
    words = unit.split()
    n_words = len(words) or 1
    letters = [c for c in unit if c.isalpha()]
    capitals = sum(1 for w in words if w[:1].isupper())
    return [
        math.log1p(len(unit)) / 6,
        math.log1p(len(words)) / 4,
        float(len(words) <= 3),
        float(len(words) <= 8),
        float(len(words) > 30),
        float(unit.rstrip(" )\"”»'’").endswith((".", "!", "?", "…"))),
        float(unit.endswith(":")),
        float(bool(re.match(r"^[^:\n]{1,30}:\s*\S", unit))),
        float(unit[:1] in "([{"),
        float(unit[-1:] in ")]}"),
        min(sum(unit.count(s) for s in SEPARATORS), 6) / 6,
        sum(c.isdigit() for c in unit) / max(len(unit), 1),
        float(bool(re.search(r"\b(?:19|20)\d\d\b", unit))),
        capitals / n_words,
        (sum(c.isupper() for c in letters) / len(letters)) if letters else 0.0,
        float(bool(re.search(r"https?://|www\.|\.(?:com|org|net|vn|de|fr|es|br|id)\b", unit, re.IGNORECASE))),
        float(bool(re.search(r"(?<!\w)@\w", unit))),
        min(sum(unit.count(q) for q in OPENING_QUOTES + "”»'"), 4) / 4,
        float(unit[:1] in OPENING_QUOTES),
        float("©" in unit or bool(re.search(r"\(c\)", unit, re.IGNORECASE))),
        float("?" in unit),
        float("!" in unit),
        float(any(a.islower() and b.isupper() for a, b in zip(unit, unit[1:]))),
        float(unit[:1] in "-–—•*|"),
    ]


class LineShape(TransformerMixin, BaseEstimator):
    """Shape and cue-role features of text units (a dense float array, one row a unit).

    ``cues``: whether to add one feature per cue-word role of ``auditor.languages``.
    """

    def __init__(self, cues: bool = True):
        self.cues = cues

    def fit(self, X: Iterable[str], y: Sequence[int] | None = None) -> LineShape:
        self.roles_ = tuple(name for name, _ in cue_roles()) if self.cues else ()
        self.feature_names_ = np.array(list(SHAPE_NAMES) + [f"cue.{name}" for name in self.roles_], dtype=object)
        self.n_features_in_ = 1
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        # The roles learned at fit time, by name: a role added to auditor/languages later is not read until the
        # model is retrained, and one removed reads as absent.
        known = dict(cue_roles())
        roles = [known.get(name) for name in self.roles_]
        rows = []
        for unit in X:
            unit = str(unit)
            row = shape(unit)
            row.extend(float(regex is not None and regex.search(unit) is not None) for regex in roles)
            rows.append(row)
        return np.asarray(rows, dtype=float).reshape(len(rows), len(self.feature_names_))

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        return self.feature_names_


def build_pipeline(C: float = 1.0):
    """Features to estimator in one Pipeline, so training and scoring cannot drift apart."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=normalise, min_df=2,
                                  sublinear_tf=True, max_features=40000, dtype=np.float64)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), preprocessor=normalise, min_df=1,
                                  token_pattern=r"(?u)\b\w+\b", sublinear_tf=True, max_features=20000,
                                  dtype=np.float64)),
        ("shape", LineShape()),
    ])
    estimator = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=0)
    return Pipeline([("features", features), ("estimator", estimator)])
