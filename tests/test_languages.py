"""Cue words live in one place: auditor/languages, one module a language with the same families and roles."""

from __future__ import annotations

import re

import pytest

import auditor.languages as languages
from auditor.pipeline.engine import run_rules
from auditor.pipeline.normalise import normalise
from auditor.pipeline.read import document_from_string
from auditor.pipeline.registry import load_rules

REFERENCE = languages.language_module("en")


@pytest.mark.parametrize("code", languages.LANGUAGES)
def test_every_language_has_every_family_and_role(code) -> None:
    module = languages.language_module(code)
    assert (module.__doc__ or "").strip()
    for family in languages.FAMILIES:
        expected = set(getattr(REFERENCE, family))
        assert set(getattr(module, family)) == expected, (code, family)


@pytest.mark.parametrize("code", languages.DETECTED)
def test_every_language_file_names_itself_and_its_function_words(code) -> None:
    from auditor.languages.detect import FUNCTION_WORDS, detect_language

    module = languages.language_module(code)
    words = module.FUNCTION_WORDS.split()
    assert len(words) >= 15 and len(set(words)) == len(words), code
    assert FUNCTION_WORDS[code] == frozenset(words)
    if code in languages.LANGUAGES + languages.EXTRA_LANGUAGES:
        assert languages.name_of(code) != code  # messages name it in words
    # its own function words, run together as a text, are recognised as the language
    assert detect_language(" ".join(words * 3)) == code


@pytest.mark.parametrize("code", languages.LANGUAGES)
def test_every_cue_compiles(code) -> None:
    module = languages.language_module(code)
    for family in languages.FAMILIES:
        for role, phrases in getattr(module, family).items():
            for phrase in phrases:
                re.compile(phrase)
                assert phrase == phrase.strip(), (code, family, role, phrase)


def test_a_table_joins_every_language_and_keeps_each_match_language() -> None:
    table = languages.table("BOILERPLATE", "ad_label")
    assert set(table.languages) == set(languages.LANGUAGES)
    assert table.search("PUBLICIDAD").language == "es"
    assert table.search("Quảng cáo").language == "vi"


def test_a_banner_in_wording_two_languages_share_is_named_in_the_articles_language() -> None:
    rule = next(r for r in load_rules().rules if r.code == "CK001")
    text = ("O governo anunciou o plano na segunda-feira para as escolas do estado.\n"
            "Utilizamos cookies para melhorar a sua experiência. Ao continuar a navegar, você concorda com a nossa política.")
    document = normalise(document_from_string(text, "text"))
    assert document.language == "pt"
    findings, _ = run_rules(document, (rule,))
    assert [f.message for f in findings] == ["cookie/consent banner text (Portuguese): remove it before publication"]


def test_a_cue_pattern_compiles_when_it_first_matches_and_matches_as_its_regex() -> None:
    cue = languages.CuePattern(languages.pattern("BOILERPLATE", "ad_label").pattern, re.IGNORECASE)
    assert cue._regex is None  # building a larger expression from .pattern compiles nothing
    regex = re.compile(cue.pattern, re.IGNORECASE)
    for text in ("PUBLICIDAD", "Advertisement", "Quảng cáo", "an advertising budget", ""):
        assert bool(cue.search(text)) == bool(regex.search(text))
        assert bool(cue.fullmatch(text)) == bool(regex.fullmatch(text))
    assert cue._regex is not None


def _real_units(limit: int) -> list[str]:
    import json
    import random
    from pathlib import Path

    from auditor.lines.text import units

    root = Path(__file__).resolve().parents[1]
    texts = [json.loads(line)["text"] for line in (root / "eval/real-wording/lines.jsonl").open(encoding="utf-8")]
    for path in sorted((root / "training/lines").glob("collected_*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    pieces = sorted({unit for text in texts for unit in units(text)})
    random.Random(7).shuffle(pieces)
    # Characters IGNORECASE treats as one, other white space, nothing; last, case folding that moves offsets
    # ("İ", answered by the compiled alternation).
    return pieces[:limit] + ["ſponsored", "Σ", "", "Read\u2003more", "Werbung\t", "İstanbul: Read more"]


def test_every_roles_pattern_answers_through_its_automaton_as_its_alternation(monkeypatch) -> None:
    """``match``, ``fullmatch`` and ``search`` of every role's pattern, answered by trying only the phrases that may
    begin where asked, must be the compiled alternation's answers (same span, same text) on real lines."""
    monkeypatch.setattr(languages, "COMPILE_AFTER", 10**9)  # the automaton answers every call here
    roles = sorted({(family, role) for code in languages.LANGUAGES + languages.EXTRA_LANGUAGES
                    for family in languages.FAMILIES for role in getattr(languages.language_module(code), family, {})})
    pieces = _real_units(1500)
    found = 0
    for family, role in roles:
        cue = languages.CuePattern(languages.pattern(family, role).pattern, re.IGNORECASE,
                                   languages.pattern(family, role)._phrases)
        regex = re.compile(cue.pattern, re.IGNORECASE)
        assert cue._automaton() is not None, (family, role)
        for unit in pieces:
            if unit.startswith("İ"):
                assert cue._regex is None  # until now the alternation was never compiled
            for name in ("match", "fullmatch", "search"):
                expected = getattr(regex, name)(unit)
                got = getattr(cue, name)(unit)
                assert (got and (got.span(), got.group())) == (expected and (expected.span(), expected.group())), \
                    (family, role, name, unit)
                found += expected is not None
    assert found > 5000  # real matches were compared


def test_a_cue_pattern_compiles_its_alternation_once_it_is_hot() -> None:
    """Anchored at the start the compiled alternation is faster: after COMPILE_AFTER calls it answers."""
    source = languages.pattern("BOILERPLATE", "ad_label")
    cue = languages.CuePattern(source.pattern, re.IGNORECASE, source._phrases)
    for _ in range(languages.COMPILE_AFTER):
        assert cue.fullmatch("Advertisement")
    assert cue._regex is None
    assert cue.fullmatch("Advertisement") and cue._regex is not None
    assert not cue.fullmatch("An advertisement budget")
