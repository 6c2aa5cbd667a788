"""Sentence-level paraphrase features: skeleton words aligned in order separate a heavy
paraphrase (reworded sentence by sentence, same order) from a same-event report that shares
the names, figures and quotes but not the sentences."""
import pickle
from pathlib import Path

import numpy as np
import pytest

from auditor.lean.align import paraphrase_evidence
from auditor.lean.features import FEATURE_NAMES, PARAPHRASE_FEATURES, PairFeatures
from auditor.lean.text import profile
from auditor.training.lean import load_texts

NEWS = Path(__file__).resolve().parents[2] / "training" / "lean" / "news_families.jsonl"


def test_skeleton_leaves_out_names_figures_and_quotes():
    text = ('The court heard that Graham Pellow stole 214,000 pounds from the hospice. '
            'Judge Ellery said: "You betrayed every family in this town."')
    first, second = profile(text, "en").sentences
    assert "pello" not in first.skeleton and "graha" not in first.skeleton  # names
    assert not any(w.isdigit() for w in first.skeleton)  # figures
    assert {"court", "heard", "stole", "hospi"} <= first.skeleton  # content words, cut to 5 letters
    assert not {"betra", "famil", "town"} & second.skeleton  # inside the quotation


def test_reordering_lowers_the_ordered_alignment_but_not_the_best_matches():
    source = profile("The council approved a new bridge over the river. Builders will start work "
                     "in spring. Shops near the old crossing expect more customers. The mayor praised "
                     "the engineers for their careful design.", "en")
    same_order = profile("Councillors gave the go-ahead for a bridge across the river. Work by the "
                         "builders begins in spring. Traders by the old crossing hope for more customers. "
                         "The engineers were praised by the mayor for a careful design.", "en")
    shuffled = profile(" ".join(reversed([same_order.text[s.start:s.end] for s in same_order.sentences])), "en")
    kept, reordered = paraphrase_evidence(same_order, source), paraphrase_evidence(shuffled, source)
    assert sorted(kept.best) == pytest.approx(sorted(reordered.best))
    assert kept.ordered_total > reordered.ordered_total
    assert kept.ordered_matches == 4


@pytest.mark.parametrize("family", ["f11", "f12", "f13", "f14", "f16"])
def test_heavy_paraphrase_aligns_in_order_more_than_the_same_event_report(family):
    texts = {t["id"].split("_")[1]: t for t in load_texts(NEWS) if t["family"] == family}
    source = texts["src"]
    transformer = PairFeatures().fit([["a", "b", "en", "en"]])
    rows = transformer.transform([[texts[role]["text"], source["text"], texts[role]["lang"], source["lang"]]
                                  for role in ("rw2", "ind")])
    ordered = FEATURE_NAMES.index("paraphrase_ordered_article")
    assert rows[0, ordered] > rows[1, ordered]


def test_without_paraphrase_features_the_earlier_29_are_unchanged():
    pair = [["Revenue rose 22% to $48.39 billion, the company said on Monday.",
             "The company said on Monday that revenue rose 22% to $48.39 billion.", "en", "en"]]
    full = PairFeatures().fit(pair).transform(pair)
    short = PairFeatures(use_paraphrase=False).fit(pair)
    assert short.transform(pair).shape == (1, len(FEATURE_NAMES) - len(PARAPHRASE_FEATURES))
    assert np.array_equal(short.transform(pair)[0], full[0, :len(FEATURE_NAMES) - len(PARAPHRASE_FEATURES)])
    assert not set(PARAPHRASE_FEATURES) & set(short.get_feature_names_out())


def test_a_transformer_pickled_before_the_paraphrase_features_keeps_its_29():
    transformer = PairFeatures().fit([["a", "b"]])
    state = transformer.__getstate__()
    del state["use_paraphrase"]
    old = PairFeatures.__new__(PairFeatures)
    old.__setstate__(state)
    assert old.use_paraphrase is False
    assert len(pickle.loads(pickle.dumps(old)).get_feature_names_out()) == len(FEATURE_NAMES) - len(PARAPHRASE_FEATURES)
