"""The lean classifier: one Pipeline (PairFeatures -> scaler -> classifier), its file and card.

The model file is a joblib pickle, and unpickling can run code, so ``load_model`` reads the
card first, checks the file's sha256 against it and only then unpickles. A different
scikit-learn version than the one that trained the model is refused as well: pickled
estimators are not guaranteed to behave the same across versions.
"""
from __future__ import annotations

import hashlib
import json
import platform
from functools import lru_cache
from pathlib import Path

import joblib
import numpy as np
import scipy
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import Pipeline

from . import ModelIntegrityError
from .features import PairFeatures

__all__ = ["ModelIntegrityError", "build_pipeline", "save_model", "load_model", "default_model",
           "MODEL_PATH", "CARD_PATH"]

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_PATH = MODEL_DIR / "lean.joblib"
CARD_PATH = MODEL_DIR / "lean.card.json"


def build_pipeline(random_state: int = 0, use_length: bool = True, use_paraphrase: bool = False) -> Pipeline:
    """The shipped configuration by default; ``use_paraphrase`` adds the sentence-level
    paraphrase features (measured, not shipped: see docs/lean.md)."""
    # A forest copes with the interactions that matter here (figures shared *and* in order,
    # cross-lingual *or* same-language word overlap) without feature crosses by hand.
    return Pipeline([
        ("features", PairFeatures(use_length=use_length, use_paraphrase=use_paraphrase)),
        ("classifier", RandomForestClassifier(n_estimators=300, min_samples_leaf=2, max_features="sqrt",
                                              class_weight="balanced", random_state=random_state, n_jobs=1)),
    ])


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "scipy": scipy.__version__, "joblib": joblib.__version__}


def save_model(pipeline: Pipeline, card: dict, model_path: Path = MODEL_PATH, card_path: Path = CARD_PATH) -> dict:
    """Write the model, then the card naming its sha256 (the card is written last)."""
    model_path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(pipeline, model_path, compress=3)
    card = dict(card)
    card["versions"] = library_versions()
    card["model_file"] = model_path.name
    card["model_sha256"] = file_sha256(model_path)
    card_path.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return card


def load_model(model_path: Path = MODEL_PATH, card_path: Path = CARD_PATH) -> tuple[Pipeline, dict]:
    """Verify the file against its card, then unpickle. Raises ModelIntegrityError."""
    try:
        card = json.loads(Path(card_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelIntegrityError(f"cannot read model card {card_path}: {error}") from error
    expected = card.get("model_sha256")
    if not expected:
        raise ModelIntegrityError(f"model card {card_path} names no model_sha256")
    try:
        actual = file_sha256(Path(model_path))
    except OSError as error:
        raise ModelIntegrityError(f"cannot read model file {model_path}: {error}") from error
    if actual != expected:
        raise ModelIntegrityError(
            f"model file {model_path} has sha256 {actual}, but its card {card_path} vouches for {expected}; "
            "refusing to load it (retrain with scripts/train_lean.py)")
    trained_with = card.get("versions", {}).get("scikit-learn")
    if trained_with != sklearn.__version__:
        raise ModelIntegrityError(
            f"model was trained with scikit-learn {trained_with}, this is {sklearn.__version__}; "
            "retrain with scripts/train_lean.py")
    return joblib.load(model_path), card


@lru_cache(maxsize=1)
def default_model() -> tuple[Pipeline, dict]:
    """The packaged model, loaded and verified once per process."""
    return load_model()
