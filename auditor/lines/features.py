"""The training side of the line classifiers: ``LineShape`` and the scikit-learn pipeline.

What a unit is and which shape features it has live in :mod:`auditor.lines.text` (no scikit-learn);
this module wraps them as a transformer and builds one Pipeline from a unit to a score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .text import SHAPE_NAMES, cue_roles, normalise, shape_row, units  # noqa: F401  (units: re-exported)


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
        rows = [shape_row(str(unit), self.roles_) for unit in X]
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
