"""Text profiles: the project's language detector, scripts when it cannot tell, quotations."""
import json
from collections import Counter
from pathlib import Path

from auditor.lean.features import FEATURE_NAMES, pair_features
from auditor.lean.text import profile, same_language, script_of
from auditor.training.lean import _paragraphs, _sentences, build_pairs, load_texts

TRAINING = Path(__file__).resolve().parents[2] / "training" / "lean"


def test_language_comes_from_the_project_detector_and_a_declared_language_wins():
    assert profile("The court heard that the man had taken the money from the hospice.").language == "en"
    assert profile("Il a été condamné par le tribunal pour prise illégale d'intérêts.").language == "fr"
    assert profile("Hi there").language == "und"  # too short to tell
    assert profile("Hi there", "de").language == "de"


def test_undetermined_languages_are_compared_by_script():
    urdu, other_urdu = profile("یہ ایک خبر ہے جو آج شائع ہوئی"), profile("عدالت نے آج فیصلہ سنایا")
    assert script_of(urdu.text) == "ARABIC"
    assert same_language(urdu, other_urdu)
    assert not same_language(profile("Hi there"), urdu)
    assert not same_language(profile("The court heard it all today in the town."), profile("Le tribunal a tout entendu."))


def test_shared_quotation_counts_less_than_shared_prose():
    quote = 'The judge said: "You betrayed the trust of people who give their time to the hospice."'
    reporter_a = f"{quote} He was jailed for four years after a trial that lasted a week."
    reporter_b = f"{quote} Pellow showed no emotion as he was led down to the cells."
    index = FEATURE_NAMES.index
    values = pair_features(profile(reporter_b), profile(reporter_a))
    assert values[index("word5_contain_article")] > 0.3
    assert values[index("unquoted5_contain_article")] == 0.0
    copied = pair_features(profile(reporter_a), profile(reporter_a))
    assert copied[index("unquoted8_contain_article")] == 1.0


def test_news_families_build_hand_written_partials_and_leave_the_default_pairs_alone():
    news = load_texts(TRAINING / "news_families.jsonl")
    assert {r["role"] for r in news} == {"source", "rewrite", "partial", "independent"}
    assert all(r["derived_from"] == f"{r['family']}_src" for r in news if r["role"] in ("rewrite", "partial"))
    assert len({r["lang"] for r in news}) >= 5
    pairs = build_pairs(news)
    hows = Counter(p.how for p in pairs if p.label == "partial")
    assert hows["hand-written partial"] == len([r for r in news if r["role"] == "partial"])
    assert all(p.family for p in pairs)
    # the shipped model's pairs come from texts.jsonl alone, which has no news family
    assert "partial" not in {json.loads(line)["role"] for line in (TRAINING / "texts.jsonl").open(encoding="utf-8")}


def test_paraphrased_partials_and_urdu_texts_are_news_families_of_their_own_kind():
    partials = load_texts(TRAINING / "paraphrase_partials.jsonl")
    news = load_texts(TRAINING / "news_families.jsonl")
    assert {r["role"] for r in partials} == {"partial"}
    assert {r["family"] for r in partials} == {r["family"] for r in news}
    pairs = build_pairs(news + partials)
    texts = {r["text"] for r in partials}
    assert sum(p.article in texts and p.how == "hand-written partial" for p in pairs) == len(partials)
    assert all(p.label == "independent" for p in pairs if p.source in texts and p.how.startswith("same story"))

    urdu = load_texts(TRAINING / "urdu.jsonl")
    assert {r["lang"] for r in urdu} == {"ur"}
    assert {r["role"] for r in urdu} == {"source", "rewrite", "partial", "independent"}
    assert all(r["derived_from"] == f"{r['family']}_src" for r in urdu if r["role"] in ("rewrite", "partial"))
    source = next(r["text"] for r in urdu if r["role"] == "source")
    # the light edit drops sentences: the text is cut at the Urdu full stop, not kept as one sentence
    assert len(_sentences(source)) >= len(_paragraphs(source)) - 1 > 1
