import json
import shutil

import numpy as np
import pytest

from auditor.lean.model import CARD_PATH, MODEL_PATH, ModelIntegrityError, load_model
from auditor.training.lean import build_pairs, load_texts, pairs_to_xy


@pytest.fixture
def model_copy(tmp_path):
    model, card = tmp_path / "lean.joblib", tmp_path / "lean.card.json"
    shutil.copy(MODEL_PATH, model)
    shutil.copy(CARD_PATH, card)
    return model, card


def test_packaged_model_loads_and_card_is_complete(model_copy):
    pipeline, card = load_model(*model_copy)
    for field in ("versions", "training_data", "cross_validation", "feature_names", "model_sha256"):
        assert field in card
    assert {"scikit-learn", "numpy", "python"} <= set(card["versions"])
    assert list(pipeline.classes_) == sorted(["copy", "rewrite", "translation", "partial", "independent"])


def test_tampered_model_file_is_refused(model_copy):
    model, card = model_copy
    with open(model, "ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelIntegrityError, match="sha256"):
        load_model(model, card)


def test_other_scikit_learn_version_is_refused(model_copy):
    model, card = model_copy
    data = json.loads(card.read_text())
    data["versions"]["scikit-learn"] = "0.24.2"
    card.write_text(json.dumps(data))
    with pytest.raises(ModelIntegrityError, match="scikit-learn 0.24.2"):
        load_model(model, card)


def test_missing_card_is_refused(model_copy):
    model, card = model_copy
    card.unlink()
    with pytest.raises(ModelIntegrityError):
        load_model(model, card)


def test_training_is_deterministic_on_a_subset(tmp_path):
    from pathlib import Path

    from auditor.lean.model import build_pipeline

    texts_path = Path(__file__).resolve().parents[2] / "training" / "lean" / "texts.jsonl"
    texts = [t for t in load_texts(texts_path) if t["family"] in ("f1", "f2", "f7")]
    first, second = build_pairs(texts), build_pairs(texts)
    assert first == second
    X, y = pairs_to_xy(first)
    a = build_pipeline().fit(X, y).predict_proba(X[:20])
    b = build_pipeline().fit(X, y).predict_proba(X[:20])
    assert (a == b).all()


def test_install_pins_the_scikit_learn_the_model_was_trained_with():
    # The loader refuses any other version, so a looser requirement would install a tool
    # whose lean stage refuses its own model on the next scikit-learn release.
    import configparser
    import re
    from pathlib import Path

    setup = configparser.ConfigParser()
    setup.read(Path(__file__).resolve().parents[2] / "setup.cfg", encoding="utf-8")
    requirements = setup["options"]["install_requires"]
    pinned = re.search(r"^\s*scikit-learn==(\S+)\s*$", requirements, re.MULTILINE)
    assert pinned, "setup.cfg must pin scikit-learn exactly"
    card = json.loads(CARD_PATH.read_text(encoding="utf-8"))
    assert pinned.group(1) == card["versions"]["scikit-learn"]


@pytest.fixture(scope="module")
def ordinal_fitted():
    """The ordinal classifier on the article-side features of three stories' pairs."""
    from pathlib import Path

    from auditor.lean.model import build_pipeline

    texts_path = Path(__file__).resolve().parents[2] / "training" / "lean" / "texts.jsonl"
    X, y = pairs_to_xy(build_pairs([t for t in load_texts(texts_path) if t["family"] in ("f1", "f2", "f7")]))
    pipeline = build_pipeline(use_source_side=False, ordinal=True)
    features = pipeline.named_steps["features"].fit(X).transform(X)
    return pipeline.named_steps["classifier"].fit(features, y), features, y


def test_ordinal_probabilities_are_a_distribution_over_the_five_labels(ordinal_fitted):
    classifier, features, _y = ordinal_fitted
    probabilities = classifier.predict_proba(features)
    assert list(classifier.classes_) == sorted(["copy", "rewrite", "translation", "partial", "independent"])
    assert (probabilities >= 0).all()
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_ordinal_steps_never_fall_as_overlap_rises(ordinal_fitted):
    # every article-side feature but same_language is marked monotone increasing: raising all
    # of them for each pair must not lower the chance that the pair is derived, nor whole
    classifier, features, _y = ordinal_fitted
    monotone = np.array(classifier.monotonic) == 1
    raised = features.copy()
    raised[:, monotone] += 0.25
    independent = list(classifier.classes_).index("independent")
    partial = list(classifier.classes_).index("partial")
    before, after = classifier.predict_proba(features), classifier.predict_proba(raised)
    assert (1 - after[:, independent] >= 1 - before[:, independent] - 1e-12).all()
    assert (1 - after[:, independent] - after[:, partial] >= 1 - before[:, independent] - before[:, partial] - 1e-12).all()


def test_ordinal_training_is_deterministic(ordinal_fitted):
    from sklearn.base import clone

    classifier, features, y = ordinal_fitted
    again = clone(classifier).fit(features, y)
    assert np.array_equal(again.predict_proba(features), classifier.predict_proba(features))
