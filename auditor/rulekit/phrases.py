"""Phrase rules are data: lists of phrases per language, compiled by one helper.

A phrase is written as it reads, with a little regex where wording varies:
a space matches any run of white space, and matching ignores case.  Adding a
language to a rule is adding lines to its table.

How a table matches (the results are those of one regex alternation per
language, run with ``finditer``): every phrase must begin with one of a few
literal strings (its *prefixes*, read from the parsed pattern: "read more"
begins with "read", "(?:photo|foto) by" with "photo" or "foto").  One
Aho-Corasick automaton per table finds all prefixes of all languages in one
pass over the case-folded text, and the language's compiled regex is tried
only at those positions, in order, as ``finditer`` would have tried every
position.  The folding is the one the regex engine uses for IGNORECASE (simple
lowercase, plus the few characters it treats as equal to another, like "ſ" and
"s"), so a position the automaton misses is one where the regex cannot match.
A language whose phrases have no literal prefix, or a text whose lowercase
changes its length ("İ"), goes through the regex alone.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# One prefix set per phrase stays small: beyond this many strings the prefix stops growing.
MAX_PREFIXES = 512
# Building a table's automaton costs about as much as a few dozen regex passes over an
# article: a table is matched by its regex alone until it has been asked this many times,
# so a draft audited alone (the pre-commit case) starts as fast as before.
AUTOMATON_AFTER = 64
_FOLDABLE_FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class PhraseMatch:
    language: str
    start: int
    end: int
    text: str


class PhraseTable:
    """Compiled phrases by language; one alternation per language.

    Compilation waits for the first match, so a rule that is not selected costs nothing. Until the
    AUTOMATON_AFTER-th call a table compiles no alternation: a small automaton over its phrases' shipped
    prefixes says where a phrase may begin, and only those phrases are tried there, each compiled on first use
    (``_first_phase``); a lone draft's audit spent a tenth of its time compiling alternations it then ran over a
    few dozen lines. From then on the languages' alternations are compiled and their own automaton serves them.
    """

    def __init__(self, phrases: Mapping[str, Sequence[str]], *, word_bounded: bool = True, flags: int = re.IGNORECASE):
        self.phrases = {language: tuple(items) for language, items in phrases.items()}
        self._word_bounded = word_bounded
        self._flags = flags
        self._compiled: list[tuple[str, re.Pattern[str]]] | None = None
        self._automaton: object | None = None
        self._calls = 0  # the automaton is built after AUTOMATON_AFTER calls
        self._unprefixed: tuple[int, ...] = ()  # languages (indexes into _compiled) the automaton cannot serve
        self._fold = bool(flags & re.IGNORECASE)
        self._phased: _PhraseAutomaton | None | bool = False  # the first phase's automaton; None: not served so

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(language for language, items in self.phrases.items() if items)

    def _compile(self) -> list[tuple[str, re.Pattern[str]]]:
        compiled: list[tuple[str, re.Pattern[str]]] = []
        for language, items in self.phrases.items():
            if not items:
                continue
            body = "|".join(f"(?:{_flexible_spaces(p)})" for p in items)
            if self._word_bounded:
                body = rf"(?<!\w)(?:{body})(?!\w)"
            compiled.append((language, re.compile(body, self._flags)))
        self._unprefixed = tuple(range(len(compiled)))  # the regex alone, until the automaton is built
        self._compiled = compiled
        return compiled

    def _build_automaton(self) -> None:
        prefixes: dict[str, set[int]] = {}
        unprefixed: list[int] = []
        simple_flags = not (self._flags & ~_FOLDABLE_FLAGS)
        languages = [language for language, items in self.phrases.items() if items]
        for index, language in enumerate(languages):
            spaced = [_flexible_spaces(p) for p in self.phrases[language]]
            found = _language_prefixes(spaced, self._flags) if simple_flags else None
            if found is None:
                unprefixed.append(index)
                continue
            for key in (_fold_literals(sorted(found)) if self._fold else found):
                prefixes.setdefault(key, set()).add(index)
        if prefixes:
            self._automaton = key_automaton(prefixes)  # one pass over the text finds every prefix of every language
        self._unprefixed = tuple(unprefixed)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        """Matches in text[start:end], by position, each with the language it belongs to."""
        # Bounds past the text are clamped, as the regex engine clamps them; the automaton must never be asked to
        # read past the end (a caller's ``end`` of a line's start + 40 once made it read memory beyond the text).
        stop = len(text) if end is None or end > len(text) else end
        start = max(start, 0)
        if self._calls < AUTOMATON_AFTER - 1 and self._compiled is None:
            if self._phased is False:
                self._phased = _PhraseAutomaton.of(self)
            found = self._phased.finditer(text, start, stop) if self._phased is not None else None
            if found is not None:
                self._calls += 1
                return _merged(self.languages, found)
        compiled = self._compiled if self._compiled is not None else self._compile()
        if self._calls < AUTOMATON_AFTER:
            self._calls += 1
            if self._calls == AUTOMATON_AFTER:
                self._build_automaton()
        return self._finditer(compiled, text, start, stop)

    def _finditer(self, compiled: list[tuple[str, re.Pattern[str]]], text: str, start: int, stop: int
                  ) -> Iterator[PhraseMatch]:
        searched = _folded(text) if self._fold and self._automaton is not None else text
        hits: set[tuple[int, int]] = set()
        if searched is not None and self._automaton is not None and stop > start:
            word_bounded = self._word_bounded
            for last, (length, indexes) in self._automaton.iter(searched, start, stop):  # type: ignore[attr-defined]
                begin = last - length + 1
                # For a word-bounded table a place right after a word character is left out: the alternation's
                # leading (?<!\w) fails there whatever follows (it looks before ``start`` too), and such places
                # ("a " inside "data ") are most of the keys found. \w on a str pattern is isalnum() or "_".
                if word_bounded and begin and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
                    continue
                for index in indexes:
                    hits.add((begin, index))
            if not hits and not self._unprefixed:
                return iter(())  # two calls in three: no phrase can begin anywhere in the text
        found: list[tuple[int, int, int, str]] = []  # (start, -end, language index, matched text)
        regex_only = range(len(compiled)) if searched is None else self._unprefixed
        for index in regex_only:
            for match in compiled[index][1].finditer(text, start, stop):
                found.append((match.start(), -match.end(), index, match.group(0)))
        if hits:
            # What finditer does, at the only positions where a match can begin, each language
            # apart (no match is empty: every phrase begins with a non-empty literal).
            last_end = [-1] * len(compiled)
            for position, index in sorted(hits):
                if position < last_end[index]:
                    continue
                match = compiled[index][1].match(text, position, stop)
                if match is not None:
                    last_end[index] = match.end()
                    found.append((position, -last_end[index], index, match.group(0)))
        if not found:
            return iter(())
        return _merged([language for language, _ in compiled], found)

    def search(self, text: str, start: int = 0, end: int | None = None) -> PhraseMatch | None:
        return next(self.finditer(text, start, end), None)

    def spans_whole(self, text: str) -> bool:
        """Whether the first phrase found is all of ``text`` (a label that is the whole line)."""
        match = self.search(text)
        return match is not None and match.start == 0 and match.end == len(text)


def key_automaton(keyed: Mapping[str, Iterable[int]]) -> object:
    """A C Aho-Corasick automaton whose keys give (their length, the sorted numbers they stand for): what every
    prefix automaton here reads, an end position and a key's length giving where the key begins."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key, numbers in keyed.items():
        automaton.add_word(key, (len(key), tuple(sorted(numbers))))
    automaton.make_automaton()
    return automaton


def _merged(languages: Sequence[str], found: list[tuple[int, int, int, str]]) -> Iterator[PhraseMatch]:
    """The languages' matches (start, -end, language index, text) as one table's: by position, the longest first;
    between languages, the table's order (as the languages' matches were merged before)."""
    found.sort()
    last_end_all = -1
    for match_start, negative_end, index, matched in found:
        if match_start >= last_end_all:
            last_end_all = -negative_end
            yield PhraseMatch(languages[index], match_start, last_end_all, matched)


class _PhraseAutomaton:
    """A table's first phase: each language's ``finditer`` answered without its alternation. At each place where one
    of a language's phrases may begin (its literal prefixes, folded, white space as one space, from the shipped
    table), past that language's last match, the first of its phrases, in the alternation's order, that matches
    there is the alternation's match there."""

    def __init__(self, automaton: object, phrases: list[tuple[int, str]], flags: int):
        self.automaton = automaton
        self.phrases = phrases  # (language index, the phrase between the table's boundaries), in table order
        self.flags = flags

    @classmethod
    def of(cls, table: PhraseTable) -> _PhraseAutomaton | None:
        """None when a phrase has no literal prefix (its language would need the alternation) or flags other than
        case and Unicode are set."""
        if table._flags & ~_FOLDABLE_FLAGS:
            return None
        keyed: dict[str, set[int]] = {}
        phrases: list[tuple[int, str]] = []
        for index, language in enumerate(table.languages):
            for phrase in table.phrases[language]:
                spaced = _flexible_spaces(phrase)
                if _pattern_prefixes(spaced, table._flags) is None:
                    return None
                phrases.append((index, rf"(?<!\w)(?:{spaced})(?!\w)" if table._word_bounded else f"(?:{spaced})"))
                for key in _automaton_keys(spaced, table._flags):
                    keyed.setdefault(key, set()).add(len(phrases) - 1)
        return cls(key_automaton(keyed) if keyed else None, phrases, table._flags)

    def finditer(self, text: str, start: int, stop: int) -> list[tuple[int, int, int, str]] | None:
        """Every language's matches in text[start:stop] as (start, -end, language index, text); None when case
        folding moves the text's offsets."""
        folded = _folded(text)
        if folded is None:
            return None
        if self.automaton is None or stop <= start:
            return []
        candidates: dict[int, set[int]] = {}
        for last, (length, numbers) in self.automaton.iter(one_space(folded[start:stop])):  # type: ignore[attr-defined]
            candidates.setdefault(start + last - length + 1, set()).update(numbers)
        found: list[tuple[int, int, int, str]] = []
        last_end: dict[int, int] = {}
        for position in sorted(candidates):
            tried: set[int] = set()  # languages matched at this place
            for number in sorted(candidates[position]):
                index, source = self.phrases[number]
                if index in tried or position < last_end.get(index, -1):
                    continue
                match = compiled_phrase(source, self.flags).match(text, position, stop)
                if match is not None:
                    tried.add(index)
                    last_end[index] = match.end()
                    found.append((position, -match.end(), index, match.group(0)))
        return found


def compiled_phrase(source: str, flags: int) -> re.Pattern[str]:
    """One phrase's pattern, compiled once a process: the phrase tables' first phase and the line models' role
    presence try many of the same phrases."""
    flags = int(flags)  # plain integers: a RegexFlag's "|" and "&" cost a microsecond each, tens of thousands a run
    if not flags & _ASCII_OR_LOCALE:
        flags |= _UNICODE  # the same pattern for a str, and one entry
    return _compiled_phrase(source, flags)


_ASCII_OR_LOCALE = int(re.ASCII | re.LOCALE)
_UNICODE = int(re.UNICODE)


@cache
def _compiled_phrase(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


def _flexible_spaces(phrase: str) -> str:
    # Only literal single spaces become \s+; escaped or bracketed spaces in a pattern stay.
    return re.sub(r"(?<![\\\[]) ", r"\\s+", phrase)


# -- case folding as the regex engine does it ------------------------------------------------

def _equivalent_characters() -> dict[str, str]:
    """Lowercase characters that IGNORECASE treats as one ("ſ" and "s"), each -> its group's first."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        from sre_compile import _ignorecase_fixes as _EXTRA_CASES  # type: ignore[attr-defined]
    table: dict[str, str] = {}
    for lower, others in _EXTRA_CASES.items():
        table[chr(lower)] = chr(min(lower, *others))
    return table


_EQUIVALENT = _equivalent_characters()
_EQUIVALENT_TABLE = str.maketrans({k: v for k, v in _EQUIVALENT.items() if k != v})
_EQUIVALENT_CHARS = re.compile("[" + "".join(re.escape(k) for k, v in _EQUIVALENT.items() if k != v) + "]")
_last_folded: tuple[str, str | None] = ("", "")


def _folded(text: str) -> str | None:
    """The text with each character replaced by what IGNORECASE compares it as; None if that
    would move offsets.  The last text is remembered: rules ask several tables about one text."""
    global _last_folded
    if _last_folded[0] is text:
        return _last_folded[1]
    folded: str | None = text.lower()
    # str.lower() is the simple lowercase the regex engine uses except for "İ" (two characters)
    # and a final "Σ" (ς, which the engine treats as σ, as the table below does).
    if len(folded) != len(text):  # type: ignore[arg-type]
        folded = None
    elif not folded.isascii() and _EQUIVALENT_CHARS.search(folded):  # type: ignore[arg-type,union-attr]
        folded = folded.translate(_EQUIVALENT_TABLE)  # type: ignore[union-attr]
    _last_folded = (text, folded)
    return folded


def _fold_literals(literals: list[str]) -> list[str]:
    """_fold_literal of each, in one pass over them all where lower-casing keeps the lengths."""
    joined = "\x00".join(literals)
    folded = _folded(joined)
    if folded is None or "\x00" in "".join(literals):
        return [_fold_literal(literal) for literal in literals]
    return folded.split("\x00")


def _fold_literal(literal: str) -> str:
    import _sre

    out = []
    for ch in literal:
        lower = chr(_sre.unicode_tolower(ord(ch)))
        out.append(_EQUIVALENT.get(lower, lower))
    return "".join(out)


# White space as one character in the automaton's keys and in the text it reads (the same length, so the same
# offsets): "\\s" gives a two-word phrase six keys ("artikel\\t", "artikel\\n", …) and a three-word one thirty-six;
# a key now begins wherever one of its variants did, and the phrase's regex still decides.
ONE_SPACE = str.maketrans({character: " " for character in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
                           "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029"
                           "\u202f\u205f\u3000"})
_OTHER_SPACE = re.compile("[" + re.escape("".join(map(chr, ONE_SPACE))) + "]")


def one_space(text: str) -> str:
    """``text.translate(ONE_SPACE)``, by one regex pass (five times faster)."""
    return _OTHER_SPACE.sub(" ", text)


# -- literal prefixes of a pattern ----------------------------------------------------------

def _language_prefixes(patterns: Sequence[str], flags: int) -> set[str] | None:
    """Strings one of which begins every match of any of the patterns; None if some pattern has none."""
    found: set[str] = set()
    for pattern in patterns:
        prefixes = _pattern_prefixes(pattern, flags)
        if prefixes is None:
            return None
        found |= prefixes
    return found


# Each cue phrase's prefixes as derived below, written by ``python scripts/build_prefix_table.py`` and shipped
# with the package: reading them is far cheaper than parsing two thousand patterns when a lone draft starts.
# A phrase missing from the file (a language file changed since) is parsed; tests/test_phrases.py checks that
# every entry is what the derivation gives and that every cue phrase has one.
PREFIX_TABLE = Path(__file__).with_name("prefixes.json")


@cache
def _shipped_table() -> dict:
    """The shipped table, when it was written by this Python's regex parser (another may parse differently)."""
    try:
        with PREFIX_TABLE.open(encoding="utf-8") as handle:
            shipped = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(shipped, dict) or shipped.get("python") != python_version():
        return {}
    return shipped


def _shipped_prefixes() -> dict[str, list[str] | None]:
    return _shipped_table().get("prefixes", {})


def python_version() -> str:
    return "{}.{}".format(*sys.version_info[:2])


def prefix_key(pattern: str, flags: int) -> str:
    # A str pattern is matched as Unicode unless told ASCII (or LOCALE): IGNORECASE and IGNORECASE | UNICODE are
    # one pattern, with one entry.
    flags = int(flags)
    if not flags & _ASCII_OR_LOCALE:
        flags |= _UNICODE
    return f"{flags}:{pattern}"


def _automaton_keys(pattern: str, flags: int) -> frozenset[str]:
    """A prefixed pattern's prefixes as an automaton over folded text with white space as one space reads them
    (``automaton_keys``): shipped beside the prefixes, as folding two thousand phrases' prefixes costs a
    starting process more than reading them."""
    found = _shipped_table().get("automaton_keys", {}).get(prefix_key(pattern, flags))
    return frozenset(found) if found is not None else automaton_keys(pattern, flags)


def automaton_keys(pattern: str, flags: int) -> frozenset[str]:
    prefixes = _pattern_prefixes(pattern, flags)
    if prefixes is None:
        raise ValueError(f"no literal prefix: {pattern!r}")
    return frozenset(one_space("\x00".join(_fold_literals(sorted(prefixes)))).split("\x00"))


@cache
def _pattern_prefixes(pattern: str, flags: int) -> frozenset[str] | None:
    # Cached: several tables share phrases (a rule's table and its all-languages copy).
    shipped = _shipped_prefixes()
    key = prefix_key(pattern, flags)
    if key in shipped:
        found = shipped[key]
        return None if found is None else frozenset(found)
    return derive_prefixes(pattern, flags)


def derive_prefixes(pattern: str, flags: int) -> frozenset[str] | None:
    """Strings one of which begins every match of the pattern, read from its parse; None if it has no literal start."""
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & ~(_FOLDABLE_FLAGS | re.UNICODE) or (parsed.state.flags ^ flags) & re.IGNORECASE:
        return None  # inline flags change how the pattern compares characters
    prefixes = _sequence_prefixes(list(parsed), sre_parse)
    if prefixes is None or any(not string for string, _ in prefixes):
        return None
    return frozenset(string for string, _ in prefixes)


# A prefix set is a set of (string, complete): complete when the part read so far matches
# exactly that string, so what follows may extend it.  Every match of the part begins with
# one of the strings (an over-approximation is safe: the regex confirms each candidate).
Prefixes = set[tuple[str, bool]]


def _sequence_prefixes(items: list, sre: object) -> Prefixes | None:
    """The prefixes of a parsed sequence; None when its start is no literal."""
    if not items:
        return {("", True)}
    (op, value), rest = items[0], items[1:]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] == 0:  # type: ignore[attr-defined,index]
        # An optional part: the match begins with it (when it may occur once) or with what follows.
        with_it = _followed_by(_sequence_prefixes(list(value[2]), sre), rest, sre) if value[1] == 1 else None  # type: ignore[index]
        without = _sequence_prefixes(rest, sre)
        if with_it is None or without is None or len(with_it) + len(without) > MAX_PREFIXES:
            return None
        return with_it | without
    return _followed_by(_item_prefixes(op, value, sre), rest, sre)


def _followed_by(first: Prefixes | None, rest: list, sre: object) -> Prefixes | None:
    if first is None:
        return None
    if not rest or not any(complete for _, complete in first):
        return first
    following = _sequence_prefixes(rest, sre)
    if following is None or len(first) * len(following) > MAX_PREFIXES:
        return {(string, False) for string, _ in first}
    out: Prefixes = set()
    for string, complete in first:
        if complete:
            out.update((string + more, more_complete) for more, more_complete in following)
        else:
            out.add((string, False))
    return out


def _item_prefixes(op: object, value: object, sre: object) -> Prefixes | None:
    c = sre  # the parser module re-exports the opcode constants
    if op == c.LITERAL:  # type: ignore[attr-defined]
        return {(chr(value), True)}  # type: ignore[arg-type]
    if op == c.IN:  # type: ignore[attr-defined]
        chars: set[str] = set()
        for kind, code in value:  # type: ignore[attr-defined]
            if kind == c.LITERAL:  # type: ignore[attr-defined]
                chars.add(chr(code))
            elif kind == c.CATEGORY and code == c.CATEGORY_SPACE:  # type: ignore[attr-defined]
                chars.update(_spaces())
            else:
                return None
        return {(ch, True) for ch in chars}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # type: ignore[attr-defined]
        return {("", True)}  # zero width: the match begins with what follows
    if op == c.SUBPATTERN:  # type: ignore[attr-defined]
        _, add_flags, del_flags, sub = value  # type: ignore[misc]
        if add_flags or del_flags:
            return None
        return _sequence_prefixes(list(sub), sre)
    if op == c.BRANCH:  # type: ignore[attr-defined]
        out: Prefixes = set()
        for alternative in value[1]:  # type: ignore[index]
            found = _sequence_prefixes(list(alternative), sre)
            if found is None:
                return None
            out |= found
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):  # type: ignore[attr-defined]
        low, high, sub = value  # type: ignore[misc]
        found = _sequence_prefixes(list(sub), sre)
        if found is None:
            return None
        return found if low == high == 1 else {(string, False) for string, _ in found}
    return None


_space_characters: str | None = None


def _spaces() -> str:
    """Every character \\s matches (none lies above U+3000; a test checks it)."""
    global _space_characters
    if _space_characters is None:
        space = re.compile(r"\s")
        _space_characters = "".join(ch for ch in map(chr, range(0x3001)) if space.match(ch))
    return _space_characters
