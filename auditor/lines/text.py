"""What the line classifiers read, without scikit-learn: text units, their normalised form, shape features.

Kept apart from :mod:`auditor.training.line_features` (the training pipeline) so that scoring a line at run time
imports no scikit-learn (a lone draft's audit stays light; ``tests/test_lone_draft.py``).

A unit is one line of text, or, in a paragraph longer than ``LONG_LINE`` characters, one sentence
of it (a notice glued to the end of a paragraph). Digits are folded to ``0`` so that "5 min read"
and "12 min read" are the same n-grams. ``LineShape`` turns a unit into numbers a linear model
can weigh: its length, its punctuation and separators, its capitals, quotation marks, and one
feature per cue-word role of ``auditor.languages`` (any language's phrase of that role present).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from functools import cache

from auditor.rulekit.phrases import ONE_SPACE, one_space  # noqa: F401 - ONE_SPACE: what one_space stands for

LONG_LINE = 300
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"“«„(\[]?[A-ZÀ-Ỹ0-9])|(?<=[a-zà-ỹ)][.!?])(?=[A-ZÀ-Ỹ])")
DIGITS = re.compile(r"\d")
CUE_FAMILIES = ("AI_DISCLOSURE", "BOILERPLATE", "CITATION", "CONSENT")
# Roles that are grammar for the sentence templates rather than words of a kind.
SKIPPED_ROLES = {"notice_order", "notice_extra", "name_stop", "with_agency", "byline", "from", "via", "modal",
                 "passive", "clause_link", "detection", "negation", "reader", "prohibition", "opinion"}
OPENING_QUOTES = "\"“«„‚"
SEPARATORS = "/|›»>·•"


def units(text: str) -> list[str]:
    """The units of a text a classifier scores: its non-empty lines, long lines cut into sentences."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > LONG_LINE:
            found.extend(s.strip() for s in SENTENCE_SPLIT.split(line) if s.strip())
        else:
            found.append(line)
    return found


def normalise(unit: str) -> str:
    """Lower case, digits folded, spaces squeezed: what the n-gram vectorisers read."""
    return " ".join(DIGITS.sub("0", unit.lower()).split())


# What a compiled str pattern with IGNORECASE reports as its flags (re adds UNICODE).
ROLE_FLAGS = re.IGNORECASE | re.UNICODE


@cache
def cue_role_sources() -> tuple[tuple[str, str, int], ...]:
    """(name, pattern, flags) of each cue-word role: every language's phrases together, as
    ``auditor.languages.pattern`` joins them, between word boundaries. Not compiled: a lone draft compiles only
    the roles its lines need (sixty-nine large alternations took a quarter of a second)."""
    from auditor.languages import EXTRA_LANGUAGES, LANGUAGES, cues, language_module
    from auditor.rulekit.phrases import _flexible_spaces

    roles: set[tuple[str, str]] = set()
    for language in LANGUAGES + EXTRA_LANGUAGES:
        for family in CUE_FAMILIES:
            roles |= {(family, role) for role in getattr(language_module(language), family, {}) if role not in SKIPPED_ROLES}
    sources = []
    for family, role in sorted(roles):
        body = "|".join(f"(?:{_flexible_spaces(p)})" for items in cues(family, role).values() for p in items) or r"(?!)"
        sources.append((f"{family.lower()}.{role}", rf"(?<!\w)(?:{body})(?!\w)", ROLE_FLAGS))
    return tuple(sources)


@cache
def cue_roles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled pattern per cue-word role (training and tests; the rules read ``role_presence``)."""
    return tuple((name, re.compile(source, flags)) for name, source, flags in cue_role_sources())


class RolePresence:
    """Which cue roles have a phrase in a unit: the answer of one ``search`` per role's pattern, found with one
    Aho-Corasick pass over the case-folded unit (the literal prefixes every match of a role's phrases begins with,
    read from each phrase as ``auditor.rulekit.phrases`` reads them), each role's regex tried only where one of
    its prefixes begins. The few phrases without such a prefix ("\\d+ comments", German "\\w*agentur") are
    searched by a pattern of their own, so the rest of their role still goes through the automaton; a unit whose
    lower case moves offsets is searched by every role's regex. Sixty regex passes over every line were most of a
    line model's time. Where a prefix begins, only the phrases it is a prefix of are tried, each compiled on its
    first candidate between the role's boundaries: a role matches at a position exactly when one of its phrases
    does, and compiling whole roles' alternations was most of a one-file audit's start-up."""

    def __init__(self, roles: Sequence[tuple[str, str, int]]):
        from auditor.languages import cues
        from auditor.rulekit.phrases import _automaton_keys, _flexible_spaces, _pattern_prefixes, key_automaton

        self.names = tuple(name for name, _, _ in roles)
        self._sources = tuple((source, flags) for _, source, flags in roles)
        self._compiled: dict[int, re.Pattern[str]] = {}
        # (role index, the pattern of the role's phrases that have no literal prefix, its flags), searched in full
        self.searched: list[tuple[int, str, int]] = []
        # Each prefixed phrase as (role index, its pattern between the role's boundaries, flags), compiled lazily.
        self._phrases: list[tuple[int, str, int]] = []
        self._phrase_compiled: dict[int, re.Pattern[str]] = {}
        # Each role's phrases without a literal prefix, in the role's order, as (place in the role, pattern between
        # the role's boundaries): ``first_matches`` tries them where the automaton cannot say.
        self._unprefixed: dict[int, list[tuple[int, str]]] = {}
        self._place: list[int] = []  # each prefixed phrase's place in its role
        self._unprefixed_compiled: dict[tuple[int, int], re.Pattern[str]] = {}
        prefixes: dict[str, set[int]] = {}
        for index, (name, source, flags) in enumerate(roles):
            family, role = name.split(".", 1)
            phrases = [_flexible_spaces(p) for items in cues(family.upper(), role).values() for p in items]
            if not phrases or not flags & re.IGNORECASE:
                self.searched.append((index, source, flags))
                continue
            unprefixed = []
            for place, phrase in enumerate(phrases):
                found = _pattern_prefixes(phrase, flags)
                if found is None:
                    unprefixed.append(phrase)
                    self._unprefixed.setdefault(index, []).append((place, rf"(?<!\w)(?:{phrase})(?!\w)"))
                    continue
                self._phrases.append((index, rf"(?<!\w)(?:{phrase})(?!\w)", flags))
                self._place.append(place)
                number = len(self._phrases) - 1
                for key in _automaton_keys(phrase, flags):
                    prefixes.setdefault(key, set()).add(number)
            if unprefixed:
                # The role's own pattern, with only these phrases: the same boundaries and flags.
                body = "|".join(f"(?:{phrase})" for phrase in unprefixed)
                self.searched.append((index, rf"(?<!\w)(?:{body})(?!\w)", flags))
        self._searched_compiled: list[tuple[int, re.Pattern[str]]] | None = None
        self.automaton = key_automaton(prefixes)

    def _phrase(self, number: int) -> re.Pattern[str]:
        regex = self._phrase_compiled.get(number)
        if regex is None:
            from auditor.rulekit.phrases import compiled_phrase

            _, source, flags = self._phrases[number]
            regex = self._phrase_compiled[number] = compiled_phrase(source, flags)
        return regex

    def _regex(self, index: int) -> re.Pattern[str]:
        regex = self._compiled.get(index)
        if regex is None:
            source, flags = self._sources[index]
            regex = self._compiled[index] = re.compile(source, flags)
        return regex

    def present(self, unit: str) -> set[str]:
        """The names of the roles with a match anywhere in ``unit``."""
        from auditor.rulekit.phrases import _folded

        folded = _folded(unit) if unit else ""
        if folded is None:
            return {self.names[i] for i in range(len(self.names)) if self._regex(i).search(unit)}
        if self._searched_compiled is None:
            self._searched_compiled = [(index, re.compile(source, flags)) for index, source, flags in self.searched]
        found = {index for index, regex in self._searched_compiled if regex.search(unit)}
        candidates = sorted({(last - length + 1, number)
                             for last, (length, numbers) in self.automaton.iter(one_space(folded))
                             for number in numbers})
        for position, number in candidates:
            index = self._phrases[number][0]
            if index not in found and self._phrase(number).match(unit, position):
                found.add(index)
        return {self.names[index] for index in found}

    def first_matches(self, unit: str, family: str) -> Iterator[str] | None:
        """What ``finditer`` of one alternation of all the family's roles (sorted by name, each role's phrases in
        their order, every one between word boundaries) yields over ``unit``, as matched texts, without compiling
        that alternation: at each position where a phrase can begin, in order and past the last match, the first
        phrase in the alternation's order that matches there is the match. None where that cannot be answered
        so (offsets moved by case folding, a role that is not case-blind, a phrase that may match nothing): the
        caller then compiles the alternation."""
        from auditor.rulekit.phrases import _folded

        plan = self._family_plan(family)
        folded = _folded(unit)
        if plan is None or folded is None:
            return None
        return self._first_matches(unit, folded, *plan)

    @cache  # noqa: B019 - one RolePresence a process (role_presence); a plan a family
    def _family_plan(self, family: str) -> tuple[frozenset[int], re.Pattern[str] | None, tuple[tuple[int, int], ...]] | None:
        """The family's role indexes, a pattern finding every position where one of its phrases without a literal
        prefix matches, and those phrases as (role index, place in the role); None if the family cannot be served."""
        prefix = family.lower() + "."
        roles = frozenset(index for index, name in enumerate(self.names) if name.startswith(prefix))
        if any(index in roles for index, _, _ in self.searched if index not in self._unprefixed):
            return None
        unprefixed = [(index, place, source) for index in sorted(roles & self._unprefixed.keys())
                      for place, source in self._unprefixed[index]]
        if any(_may_be_empty(source) for _, _, source in unprefixed):
            return None
        flags = self._sources[min(roles)][1] if roles else ROLE_FLAGS
        anywhere = (re.compile("(?=(?:{}))".format("|".join(f"(?:{source})" for _, _, source in unprefixed)), flags)
                    if unprefixed else None)
        for index, place, source in unprefixed:
            self._unprefixed_compiled[index, place] = re.compile(source, flags)
        return roles, anywhere, tuple((index, place) for index, place, _ in unprefixed)

    def _first_matches(self, unit: str, folded: str, roles: frozenset[int], anywhere: re.Pattern[str] | None,
                       unprefixed: tuple[tuple[int, int], ...]) -> Iterator[str]:
        # At each position, the phrases that may begin there, by their place in the alternation:
        # (role index, place in the role, phrase number; -1 for a phrase without a prefix).
        candidates: dict[int, set[tuple[int, int, int]]] = {}
        for last, (length, numbers) in self.automaton.iter(one_space(folded)):
            for number in numbers:
                index = self._phrases[number][0]
                if index in roles:
                    candidates.setdefault(last - length + 1, set()).add((index, self._place[number], number))
        if anywhere is not None:
            for match in anywhere.finditer(unit):
                candidates.setdefault(match.start(), set()).update((index, place, -1) for index, place in unprefixed)
        last_end = 0
        for position in sorted(candidates):
            if position < last_end:
                continue
            for index, place, number in sorted(candidates[position]):
                regex = self._phrase(number) if number >= 0 else self._unprefixed_compiled[index, place]
                match = regex.match(unit, position)
                if match is not None:
                    last_end = match.end()
                    yield match.group()
                    break


def _may_be_empty(source: str) -> bool:
    """Whether the pattern has a match of no characters (a zero-width match changes how ``finditer`` moves on)."""
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    return sre_parse.parse(source).getwidth()[0] == 0


@cache
def role_presence() -> RolePresence:
    return RolePresence(cue_role_sources())


SHAPE_NAMES = ("log_chars", "log_words", "words_le_3", "words_le_8", "words_gt_30", "ends_sentence", "ends_colon",
               "label_colon", "opens_bracket", "closes_bracket", "separators", "digit_share", "has_year",
               "capital_share", "upper_share", "has_url", "has_handle", "quote_marks", "opens_quote", "copyright",
               "question", "exclamation", "camel_glue", "dash_lead")


LABEL_COLON = re.compile(r"^[^:\n]{1,30}:\s*\S")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
LINK_LIKE = re.compile(r"https?://|www\.|\.(?:com|org|net|vn|de|fr|es|br|id)\b", re.IGNORECASE)
HANDLE = re.compile(r"(?<!\w)@\w")
COPYRIGHT_C = re.compile(r"\(c\)", re.IGNORECASE)


def camel_glue(unit: str) -> bool:
    """A lower-case letter followed by a capital ("noticiaComentarios"), by the letters' case. Word by word (white
    space is neither), and only in words whose letters after the first are not all lower case, nor all upper: the
    answer of a test of every pair of characters, without one."""
    for word in unit.split():
        if len(word) > 1 and not word[1:].islower() and not word.isupper():
            if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
                return True
    return False


def shape(unit: str) -> list[float]:
    """The shape features of one unit, in the order of ``SHAPE_NAMES``."""
    words = unit.split()
    n_words = len(words) or 1
    letters = list(filter(str.isalpha, unit))
    capitals = sum(1 for w in words if w[:1].isupper())
    return [
        math.log1p(len(unit)) / 6,
        math.log1p(len(words)) / 4,
        float(len(words) <= 3),
        float(len(words) <= 8),
        float(len(words) > 30),
        float(unit.rstrip(" )\"”»'’").endswith((".", "!", "?", "…"))),
        float(unit.endswith(":")),
        float(":" in unit and bool(LABEL_COLON.match(unit))),
        float(unit[:1] in "([{"),
        float(unit[-1:] in ")]}"),
        min(sum(unit.count(s) for s in SEPARATORS), 6) / 6,
        sum(map(str.isdigit, unit)) / max(len(unit), 1),
        float(bool(YEAR.search(unit))),
        capitals / n_words,
        (sum(map(str.isupper, letters)) / len(letters)) if letters else 0.0,
        float(bool(LINK_LIKE.search(unit))),
        float("@" in unit and bool(HANDLE.search(unit))),
        min(sum(unit.count(q) for q in OPENING_QUOTES + "”»'"), 4) / 4,
        float(unit[:1] in OPENING_QUOTES),
        float("©" in unit or bool(COPYRIGHT_C.search(unit))),
        float("?" in unit),
        float("!" in unit),
        float(camel_glue(unit)),
        float(unit[:1] in "-–—•*|"),
    ]


def shape_row(unit: str, roles: Sequence[str]) -> list[float]:
    """A unit's shape features, then one feature per named cue role (1.0 when a phrase of it is present;
    a role no longer in the language files reads as absent)."""
    present = role_presence().present(unit)
    row = shape(unit)
    row.extend(float(name in present) for name in roles)
    return row
