"""The lean classifier: one Pipeline (PairFeatures -> scaler -> classifier), its file and card.

The model file is a joblib pickle, and unpickling can run code, so ``load_model`` reads the
card first, checks the file's sha256 against it and only then unpickles. A different
scikit-learn version than the one that trained the model is refused as well: pickled
estimators are not guaranteed to behave the same across versions.
"""
from __future__ import annotations

import json
import os
import platform
from functools import lru_cache
from pathlib import Path

import joblib
import numpy as np
import scipy
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.pipeline import Pipeline

from . import ModelIntegrityError
from .card import CARD_FILE, MODEL_FILE, check_card, file_sha256, model_paths
from .features import PairFeatures

__all__ = ["ModelIntegrityError", "OrdinalLeanClassifier", "build_pipeline", "training_candidates", "save_model",
           "load_model",
           "default_model", "model_at", "LazyEmbeddingLean", "MODEL_PATH", "CARD_PATH"]

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_PATH = MODEL_DIR / MODEL_FILE
CARD_PATH = MODEL_DIR / CARD_FILE


WHOLE_LABELS = ("copy", "rewrite", "translation")


class OrdinalLeanClassifier(ClassifierMixin, BaseEstimator):
    """The labels as steps of one scale, independent < partial < whole (copy, rewrite or
    translation), each step a binary gradient-boosting model that may only rise with the
    features marked ``monotonic`` (1: more overlap never means less derived); which kind of
    whole (copy, rewrite, translation) by a forest over the whole pairs.

    Measured, not shipped (docs/lean.md, "Measured"): the idea is that a model which cannot
    learn that *more* shared text means *less* derived extrapolates more sanely to texts
    unlike our hand-written ones."""

    def __init__(self, monotonic=None, random_state: int = 0):
        self.monotonic = monotonic
        self.random_state = random_state

    def _step(self) -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(monotonic_cst=self.monotonic, max_iter=200, learning_rate=0.05,
                                              min_samples_leaf=10, class_weight="balanced",
                                              random_state=self.random_state)

    def fit(self, X, y):
        y = np.asarray(y, dtype=object)
        self.classes_ = np.array(sorted(set(y)), dtype=object)
        whole = np.isin(y, WHOLE_LABELS)
        self.derived_ = self._step().fit(X, y != "independent")
        self.whole_ = self._step().fit(X, whole)
        self.kind_ = RandomForestClassifier(n_estimators=200, min_samples_leaf=2, class_weight="balanced",
                                            random_state=self.random_state, n_jobs=1).fit(X[whole], y[whole])
        return self

    def predict_proba(self, X):
        derived = self.derived_.predict_proba(X)[:, 1]
        whole = np.minimum(self.whole_.predict_proba(X)[:, 1], derived)  # a whole is also derived
        column = {label: i for i, label in enumerate(self.classes_)}
        out = np.zeros((len(X), len(self.classes_)))
        out[:, column["independent"]] = 1.0 - derived
        out[:, column["partial"]] = derived - whole
        kinds = self.kind_.predict_proba(X)
        for j, kind in enumerate(self.kind_.classes_):
            out[:, column[kind]] = whole * kinds[:, j]
        return out

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class LazyEmbeddingLean(ClassifierMixin, BaseEstimator):
    """Embeddings only where they decide something: ``base`` (the compact-profile features)
    scores every pair; the pairs that are cross-lingual, or whose most probable label
    ``base`` gives less than ``confident``, are scored again by ``embedded`` (the same
    features plus the sentence-embedding ones), whose probabilities replace ``base``'s.
    Both are fitted on all training pairs."""

    def __init__(self, base=None, embedded=None, confident: float = 0.9):
        self.base = base
        self.embedded = embedded
        self.confident = confident

    def fit(self, X, y):
        self.base_ = clone(self.base).fit(X, y)
        self.embedded_ = clone(self.embedded).fit(X, y)
        self.classes_ = self.base_.classes_
        if list(self.embedded_.classes_) != list(self.classes_):
            raise ValueError("both models must know the same labels")
        return self

    def score_details(self, X, profiles=None):
        """(probabilities, base feature rows, which rows the embedding model scored). ``profiles``:
        the rows' (article, source) compact profiles where the caller has them."""
        from .compact import compact_profile

        rows = np.asarray(X, dtype=object)
        features_step = self.base_[0]
        if profiles is None:
            profiles = [(compact_profile(str(r[0]), (r[2] or None) if len(r) > 2 else None),
                         compact_profile(str(r[1]), (r[3] or None) if len(r) > 3 else None)) for r in rows]
        base_rows = np.array([features_step.compact_row(a, s) for a, s in profiles], dtype=np.float64)
        probabilities = self.base_[-1].predict_proba(base_rows)
        names = list(features_step.get_feature_names_out())
        cross_lingual = base_rows[:, names.index("same_language")] < 0.5
        gated = cross_lingual | (probabilities.max(axis=1) < self.confident)
        if gated.any():
            embedded_step = self.embedded_[0]
            embedded_rows = np.array([embedded_step.embedded_row(str(rows[i][0]), profiles[i][0], str(rows[i][1]),
                                                                 profiles[i][1]) for i in np.flatnonzero(gated)])
            probabilities[gated] = self.embedded_[-1].predict_proba(embedded_rows)
        return probabilities, base_rows, gated

    def predict_proba(self, X):
        return self.score_details(X)[0]

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def feature_names(self) -> list[str]:
        return list(self.embedded_[0].get_feature_names_out())


def build_pipeline(random_state: int = 0, use_length: bool = True, use_paraphrase: bool = False,
                   use_source_side: bool = True, ordinal: bool = False, use_embeddings: bool = False,
                   lazy_embeddings: bool = False, embedding_set: str = "margin"):
    """The shipped configuration by default; ``use_paraphrase`` adds the sentence-level
    paraphrase features, ``use_source_side=False`` drops the shares of the source and
    ``ordinal`` puts ``OrdinalLeanClassifier`` in place of the forest (all measured, not
    shipped: see docs/lean.md, "Measured"). ``use_embeddings`` adds the sentence-embedding
    features (``embedding_set``: the margin ones, or ``"relative"``, the source-relative
    gains); with ``lazy_embeddings`` too, a ``LazyEmbeddingLean`` of the two forests."""
    if use_embeddings and lazy_embeddings:
        return LazyEmbeddingLean(build_pipeline(random_state, use_length, use_source_side=use_source_side),
                                 build_pipeline(random_state, use_length, use_source_side=use_source_side,
                                                use_embeddings=True, embedding_set=embedding_set))
    features = PairFeatures(use_length=use_length, use_paraphrase=use_paraphrase, use_source_side=use_source_side,
                            use_embeddings=use_embeddings, embedding_set=embedding_set)
    if ordinal:
        names = clone(features).fit([["", ""]]).get_feature_names_out()
        # every overlap and coverage share rises with derivation; the language flag and the
        # length ratio say nothing in one direction
        free = ("same_language", "length_ratio_log")
        classifier = OrdinalLeanClassifier([0 if name in free else 1 for name in names], random_state)
        return Pipeline([("features", features), ("classifier", classifier)])
    # A forest copes with the interactions that matter here (figures shared *and* in order,
    # cross-lingual *or* same-language word overlap) without feature crosses by hand.
    return Pipeline([
        ("features", features),
        ("classifier", RandomForestClassifier(n_estimators=300, min_samples_leaf=2, max_features="sqrt",
                                              class_weight="balanced", random_state=random_state, n_jobs=1)),
    ])


def training_candidates(labels, random_state: int = 0) -> dict[str, Pipeline]:
    """What ``audit train`` chooses among by grouped cross-validation inside its training
    pairs, the shipped pipeline first (it wins ties): the forest, gradient boosting and the
    ordinal classifier, each on the 29 features and on the article-side ones (a source that
    is a day's wire joined makes the shares of the source say little). Fixed in advance;
    none of them is picked by looking at test folds. The ordinal classifier needs
    independent, partial and whole pairs, so it is offered only when all three are there."""
    labels = set(labels)
    ordinal = {"independent", "partial"} <= labels and bool(labels & set(WHOLE_LABELS))
    candidates = {}
    for side, use_source_side in (("", True), (", article-side", False)):
        candidates[f"forest{side}"] = build_pipeline(random_state, use_source_side=use_source_side)
        features = PairFeatures(use_paraphrase=False, use_source_side=use_source_side)
        boosting = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.1, max_leaf_nodes=15,
                                                  min_samples_leaf=10, l2_regularization=1.0,
                                                  class_weight="balanced", random_state=random_state)
        candidates[f"boosting{side}"] = Pipeline([("features", features), ("classifier", boosting)])
        if ordinal:
            candidates[f"ordinal{side}"] = build_pipeline(random_state, use_source_side=use_source_side, ordinal=True)
    return candidates


def library_versions() -> dict[str, str]:
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "scipy": scipy.__version__, "joblib": joblib.__version__}


def save_model(pipeline: Pipeline, card: dict, model_path: Path = MODEL_PATH, card_path: Path = CARD_PATH) -> dict:
    """Write the model, then the card naming its sha256 (the card is written last), each
    whole or not at all: a run stopped in between leaves a card that refuses the new file."""
    model_path, card_path = Path(model_path), Path(card_path)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    partial = model_path.with_name(model_path.name + ".partial")
    joblib.dump(pipeline, partial, compress=3)
    os.replace(partial, model_path)
    card = dict(card)
    card["versions"] = library_versions()
    card["model_file"] = model_path.name
    card["model_sha256"] = file_sha256(model_path)
    partial = card_path.with_name(card_path.name + ".partial")
    partial.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, card_path)
    return card


def load_model(model_path: Path = MODEL_PATH, card_path: Path = CARD_PATH) -> tuple[Pipeline, dict]:
    """Verify the file against its card (``card.check_card``), then unpickle. Raises ModelIntegrityError."""
    card = check_card(model_path, card_path, sklearn.__version__)
    return joblib.load(model_path), card


@lru_cache(maxsize=1)
def default_model() -> tuple[Pipeline, dict]:
    """The packaged model, loaded and verified once per process."""
    return load_model()


@lru_cache(maxsize=4)
def _model_in(directory: str) -> tuple[Pipeline, dict]:
    return load_model(*model_paths(directory))


def model_at(directory: str | Path | None = None) -> tuple[Pipeline, dict]:
    """The model of a folder ``audit train`` wrote (``audit --model DIR``, config ``model =``),
    verified by its card and loaded once per process; the packaged model for None."""
    if directory is None:
        return default_model()
    return _model_in(str(Path(directory).resolve()))
