"""The model card check, without scikit-learn: a model file is loaded only after this passes.

Kept apart from :mod:`auditor.lean.model` so that ``audit --model DIR`` can refuse a wrong
model before any work is done, in a process that may never need to import scikit-learn
(a draft audited alone scores nothing).
"""
from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from . import ModelIntegrityError

MODEL_FILE = "lean.joblib"
CARD_FILE = "lean.card.json"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_paths(directory: str | Path) -> tuple[Path, Path]:
    """The model file and its card in a model folder (what ``audit train`` writes)."""
    directory = Path(directory)
    return directory / MODEL_FILE, directory / CARD_FILE


def check_card(model_path: Path, card_path: Path, scikit_learn: str | None = None) -> dict:
    """The card, once the model file's sha256 is the one it names and the scikit-learn that
    trained it is the one installed (``scikit_learn``: the running version, read from the
    installed package's metadata when not given). Raises ModelIntegrityError."""
    try:
        card = json.loads(Path(card_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelIntegrityError(f"cannot read model card {card_path}: {error}") from error
    expected = card.get("model_sha256") if isinstance(card, dict) else None
    if not expected:
        raise ModelIntegrityError(f"model card {card_path} names no model_sha256")
    try:
        actual = file_sha256(Path(model_path))
    except OSError as error:
        raise ModelIntegrityError(f"cannot read model file {model_path}: {error}") from error
    if actual != expected:
        raise ModelIntegrityError(
            f"model file {model_path} has sha256 {actual}, but its card {card_path} vouches for {expected}; "
            "refusing to load it (retrain with scripts/train_lean.py or audit train)")
    if scikit_learn is None:
        scikit_learn = metadata.version("scikit-learn")
    trained_with = card.get("versions", {}).get("scikit-learn")
    if trained_with != scikit_learn:
        raise ModelIntegrityError(
            f"model was trained with scikit-learn {trained_with}, this is {scikit_learn}; "
            "retrain with scripts/train_lean.py or audit train")
    return card


def model_identity(directory: str | Path | None) -> str:
    """What names a model folder's model in cache keys: the sha256 its card vouches for
    ("" for the packaged model, which the code fingerprint covers already)."""
    if directory is None:
        return ""
    return str(json.loads(model_paths(directory)[1].read_text(encoding="utf-8")).get("model_sha256", ""))
