"""The phrase automaton finds exactly what one regex alternation per language finds.

`reference_finditer` is the matcher PhraseTable had before the automaton (kept here as the
definition of what a table matches): every table of every rule and of the policy is run
by both, over the rule fixtures, the sample corpus, the evaluation texts when they are
there, and random texts built from the phrases themselves.
"""

from __future__ import annotations

import glob
import importlib
import os
import pkgutil
import re
from functools import cache

import provenance_rules
import pytest
import tomllib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import auditor.rulekit.phrases as phrases_module
from auditor.rulekit.phrases import (
    _EQUIVALENT,
    AUTOMATON_AFTER,
    PhraseMatch,
    PhraseTable,
    _flexible_spaces,
    _fold_literal,
    _folded,
    _spaces,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL_DIR = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))


@cache
def _reference_patterns(table: PhraseTable) -> list[tuple[str, re.Pattern[str]]]:
    compiled = []
    for language, items in table.phrases.items():
        if not items:
            continue
        body = "|".join(f"(?:{_flexible_spaces(p)})" for p in items)
        if table._word_bounded:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        compiled.append((language, re.compile(body, table._flags)))
    return compiled


def reference_finditer(table: PhraseTable, text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch]:
    stop = len(text) if end is None else end
    found = [PhraseMatch(language, m.start(), m.end(), m.group(0))
             for language, pattern in _reference_patterns(table) for m in pattern.finditer(text, start, stop)]
    found.sort(key=lambda m: (m.start, -m.end))
    kept, last_end = [], -1
    for match in found:
        if match.start >= last_end:
            last_end = match.end
            kept.append(match)
    return kept


def _all_tables() -> list[tuple[str, PhraseTable]]:
    # every rule's tables (POL002's declarations among them), and the cue tables they read
    modules = [importlib.import_module(f"provenance_rules.{m.name}") for m in pkgutil.iter_modules(provenance_rules.__path__)]
    tables = []
    for module in modules:
        for name, value in vars(module).items():
            values = value.items() if isinstance(value, dict) else [("", value)]
            for key, table in values:
                if isinstance(table, PhraseTable):
                    tables.append((f"{module.__name__}.{name}{f'[{key}]' if key else ''}", table))
    return tables


TABLES = _all_tables()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _texts() -> list[str]:
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "rules", "*.toml"))):
        with open(path, "rb") as handle:
            texts += _strings(tomllib.load(handle))
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "*.txt"))):
        with open(path, encoding="utf-8") as handle:
            texts.append(handle.read())
    return texts


def assert_same(table: PhraseTable, text: str, start: int = 0, end: int | None = None) -> None:
    assert list(table.finditer(text, start, end)) == reference_finditer(table, text, start, end)
    assert table.search(text, start, end) == next(iter(reference_finditer(table, text, start, end)), None)


def test_every_table_is_found_and_gets_its_automaton() -> None:
    assert len(TABLES) >= 25
    assert any(table._flags == 0 for _, table in TABLES)  # the lower-cased trigger table
    for _, table in TABLES:
        for _ in range(AUTOMATON_AFTER):
            list(table.finditer("warm up"))
    # every table but those whose every language has a phrase with no literal start
    assert sum(table._automaton is None for _, table in TABLES) <= 1
    assert sum(len(table._unprefixed) for _, table in TABLES) <= 4


def test_a_tables_first_phase_matches_as_the_regex(monkeypatch) -> None:
    """Before its AUTOMATON_AFTER-th call a table compiles no alternation; a fresh copy of every table, kept in that
    phase, must find what the regex finds on the fixtures, the sample corpus and the real-wording design lines, over
    whole texts and windows of them."""
    import json

    monkeypatch.setattr(phrases_module, "AUTOMATON_AFTER", 10**9)
    texts = _texts()
    with open(os.path.join(ROOT, "eval", "real-wording", "lines.jsonl"), encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle if line.strip()]
    texts += ["İstanbul: read more", "ſponsored by", "Read\u2003more\tnow", ""]
    served = found = 0
    for _, table in TABLES:
        fresh = PhraseTable(table.phrases, word_bounded=table._word_bounded, flags=table._flags)
        for text in texts:
            assert_same(fresh, text)
            window = (len(text) // 4, len(text) - 7) if len(text) > 40 else (0, len(text))
            assert_same(fresh, text, *window)
            found += len(reference_finditer(table, text))
        served += isinstance(fresh._phased, phrases_module._PhraseAutomaton)  # answered without an alternation
    assert served >= len(TABLES) - 4  # the tables with a phrase of no literal start compile theirs
    assert found > 3000


@pytest.mark.parametrize("name,table", TABLES, ids=[name for name, _ in TABLES])
def test_same_matches_as_the_regex_on_fixtures_and_the_sample_corpus(name: str, table: PhraseTable) -> None:
    for text in _texts():
        assert_same(table, text)
        for line in re.finditer(r"[^\n]+", text):  # the rules ask about lines of a longer text
            assert_same(table, text, line.start(), line.end())
        # and about windows that may reach past the text's end, which the regex engine clamps
        assert_same(table, text, max(0, len(text) - 30), len(text) + 40)


@pytest.mark.skipif(not os.path.isdir(EVAL_DIR), reason=f"no evaluation data at {EVAL_DIR}")
def test_same_matches_as_the_regex_on_the_evaluation_texts() -> None:
    from auditor.pipeline.html_text import html_to_text

    texts = []
    for folder in ("real-articles/articles", "cookie-banners-html/pages"):
        for path in sorted(glob.glob(os.path.join(EVAL_DIR, folder, "*"))):
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
            texts.append(html_to_text(text).text if folder.startswith("cookie") else text)
    assert len(texts) >= 100
    for text in texts:
        for _, table in TABLES:
            assert list(table.finditer(text)) == reference_finditer(table, text)


def _pieces() -> list[str]:
    """Words of the phrases, in several cases, with the characters case folding is subtle about."""
    words: set[str] = set()
    for _, table in TABLES:
        for items in table.phrases.values():
            for phrase in items:
                words.update(w for w in re.findall(r"[^\W\d_]+|[’'%©:.]", phrase) if w)
    pieces = sorted(words)
    pieces += [w.upper() for w in pieces[::3]] + [w.title() for w in pieces[1::3]]
    return pieces + ["İ", "ſ", "K", "Σ", "ς", "ı", "ß", "µ", "ﬅ", "x", "1", "_"]


SEPARATORS = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "", "-", ". ", ", ", ": ", "\u3000", "\r\n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_pieces()), SEPARATORS), min_size=1, max_size=30), st.data())
def test_same_matches_as_the_regex_on_texts_made_of_the_phrases(words, data) -> None:
    text = "".join(word + separator for word, separator in words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for _, table in TABLES:
        assert_same(table, text)
        assert_same(table, text, start, end)


def test_space_characters_are_all_below_u3000() -> None:
    space = re.compile(r"\s")
    assert [c for c in range(0x3001, 0x110000) if space.match(chr(c))] == []
    assert set(" \t\n\r\x0b\x0c\u00a0\u2003\u3000") <= set(_spaces())


def test_folding_agrees_with_the_regex_engine() -> None:
    # Whatever the regex engine matches case-insensitively, folding maps to the same string.
    cased = [chr(c) for c in range(0x110000)
             if not 0xD800 <= c < 0xE000 and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c))]
    assert len(cased) > 2000
    for ch in cased:
        pattern = re.compile(re.escape(ch), re.IGNORECASE)
        variants = {ch, ch.lower(), ch.upper(), ch.title(), ch.casefold()}
        group = _EQUIVALENT.get(ch.lower())
        variants |= {other for other, first in _EQUIVALENT.items() if group and first == group}
        variants |= {v.upper() for v in list(variants)}
        for variant in variants:
            if len(variant) != 1 or not pattern.fullmatch(variant):
                continue
            folded = _folded(variant)
            assert folded is None or folded == _fold_literal(ch), (ch, variant)
    assert _folded("İstanbul") is None  # lower-casing would move the offsets: the regex alone is used
    assert _folded("ſ") == _fold_literal("s") == "s"


def test_the_shipped_prefix_table_is_what_the_derivation_gives_for_every_cue_phrase() -> None:
    """auditor/rulekit/prefixes.json spares a starting process the parse of every phrase; a stale entry would
    make the automaton skip where a phrase begins. Regenerate it with python scripts/build_prefix_table.py."""
    import json
    import sys

    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    from build_prefix_table import wanted

    from auditor.rulekit.phrases import PREFIX_TABLE, automaton_keys, derive_prefixes, prefix_key, python_version

    with PREFIX_TABLE.open(encoding="utf-8") as handle:
        shipped = json.load(handle)
    if shipped["python"] != python_version():
        pytest.skip(f"the table was written by Python {shipped['python']}; this one parses phrases itself")
    entries = shipped["prefixes"]
    needed = {prefix_key(phrase, flags) for phrase, flags in wanted()}
    assert needed <= set(entries), sorted(needed - set(entries))[:5]
    for key, prefixes in entries.items():
        flags, pattern = key.split(":", 1)
        derived = derive_prefixes(pattern, int(flags))
        assert (None if derived is None else sorted(derived)) == prefixes, key
    assert sum(prefixes is None for prefixes in entries.values()) < len(entries) / 10
    # The same prefixes folded for the role presence's automaton, for every phrase that has them.
    keys = shipped["automaton_keys"]
    assert set(keys) == {key for key, prefixes in entries.items() if prefixes is not None}
    for key, folded in keys.items():
        flags, pattern = key.split(":", 1)
        assert sorted(automaton_keys(pattern, int(flags))) == folded, key


def test_a_word_character_to_the_regex_engine_is_isalnum_or_the_underscore() -> None:
    # The steady-state matcher skips places right after a word character without asking the regex (its leading
    # (?<!\w) would fail there): that is exact only if \w on a str is exactly this, for every code point.
    word = re.compile(r"\w")
    differ = [code for code in range(0x110000)
              if bool(word.fullmatch(chr(code))) != (chr(code).isalnum() or chr(code) == "_")]
    assert differ == []
