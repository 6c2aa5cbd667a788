"""Languages in one place: which ones the tool supports, their names, and their cue words,
grouped by family and role, one module a language (detection is ``detect.py``).

Rules decide from several signals together (where a line stands, its shape, who speaks); the words
that carry those signals differ by language and live here, one file a language, each with the same
dicts (``AI_DISCLOSURE``, ``BOILERPLATE``, ``CITATION``, ``CONSENT``, ``STRUCTURE``) keyed by role. Adding a language
is adding one such file and its code to ``LANGUAGES``; the rules read every language's cues through
``cues`` and ``table``. Phrases are written in the syntax of ``auditor.rulekit.phrases.PhraseTable``.

Where a cue was seen on a real page, the development set in ``eval/real-wording/`` holds the line.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from auditor.rulekit.phrases import PhraseTable

LANGUAGES = ("en", "vi", "es", "fr", "de", "id", "pt")  # supported: every rule, every family
# Languages with cue words for some families only: Polish consent banners appear on Polish news sites.
EXTRA_LANGUAGES = ("pl",)
# Languages the detector knows only so as not to take them for a supported one (no cue words).
KNOWN_ONLY = ("it", "nl")
# Every language with a file here, in the detector's order (ties go to the first).
DETECTED = LANGUAGES + KNOWN_ONLY + EXTRA_LANGUAGES
# English names, for messages ("a Portuguese cookie banner")
NAMES = {"en": "English", "vi": "Vietnamese", "es": "Spanish", "fr": "French", "de": "German", "id": "Indonesian",
         "pt": "Portuguese", "pl": "Polish"}
# Up to three words between two cues of one phrase ("created with the help of AI")
FEW_WORDS = r"(?:[\w'’-]+ ){0,3}?"
OPENING_QUOTES = "“«„‚"
FAMILIES = ("AI_DISCLOSURE", "BOILERPLATE", "CITATION", "CONSENT", "STRUCTURE")


@cache
def language_module(language: str):
    """The module of one language's words (``auditor/languages/<code>.py``)."""
    return importlib.import_module(f"{__name__}.{language}")


def cues(family: str, role: str) -> dict[str, tuple[str, ...]]:
    """The phrases of one role of one family, by language (languages without any are left out)."""
    found = {}
    for language in LANGUAGES + EXTRA_LANGUAGES:
        phrases = getattr(language_module(language), family, {}).get(role, ())
        if phrases:
            found[language] = tuple(phrases)
    return found


@cache
def table(family: str, role: str, *, word_bounded: bool = True, flags: int = re.IGNORECASE) -> PhraseTable:
    """A compiled table of one role's phrases in every language."""
    return PhraseTable(cues(family, role), word_bounded=word_bounded, flags=flags)


# Anchored calls a role's pattern answers through its automaton before it compiles the alternation: more than
# the lines of a long article, so a lone draft compiles none.
COMPILE_AFTER = 200


class CuePattern:
    """One role's phrases as a regular expression, without compiling it where that can be helped: a rule that builds
    a larger expression from its ``.pattern`` (most of them, at import) does not pay for compiling this one too, and
    ``match``, ``fullmatch`` and ``search`` from the start of a string give the alternation's answer by trying only
    the phrases that may begin where it is asked (each compiled on first use), found by an automaton over the
    phrases' literal prefixes (``auditor.rulekit.phrases``): the first phrase, in the alternation's order, that
    matches at the leftmost such place is what the alternation matches. Compiling whole roles was a tenth of a
    lone draft's audit. Anchored at the start the compiled alternation fails faster (0.5 against 2.5 us a line),
    so ``match`` and ``fullmatch`` compile it once they have been asked ``COMPILE_AFTER`` times; ``search`` is
    three times faster without it and keeps the automaton. Anything else, or a role with a phrase of no literal
    prefix, goes to the compiled alternation."""

    def __init__(self, source: str, flags: int, phrases: tuple[str, ...] = ()):
        self.pattern, self.flags = source, flags
        self._regex: re.Pattern[str] | None = None
        self._phrases = phrases  # the alternation's branches, in order; none: always the compiled alternation
        self._index: tuple | None | bool = False  # see _phrase_automaton; None: the compiled alternation
        self._compiled: dict[int, re.Pattern[str]] = {}
        self._anchored_calls = 0

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern, self.flags)
            # From now on the anchored calls go straight to the compiled pattern (no wrapper a call).
            self.match, self.fullmatch = self._regex.match, self._regex.fullmatch
        return self._regex

    def _automaton(self) -> tuple[object, int, tuple[int, ...], re.Pattern[str] | None] | None:
        if self._index is False:
            self._index = _phrase_automaton(self._phrases, self.flags)
        return self._index  # type: ignore[return-value]

    def _branch(self, number: int) -> re.Pattern[str]:
        regex = self._compiled.get(number)
        if regex is None:
            regex = self._compiled[number] = re.compile(self._phrases[number], self.flags)
        return regex

    def _candidates(self, string: str, at_start: bool) -> dict[int, list[int]] | None:
        """Where a branch may match, each place with its branches in order; None when the automaton cannot say.
        Branches without a literal prefix are candidates at the start, and wherever one of them matches."""
        from auditor.rulekit.phrases import _folded, one_space

        index = self._automaton()
        folded = _folded(string) if index is not None else None
        if folded is None:
            return None
        automaton, longest, unprefixed, anywhere = index  # type: ignore[misc]
        read = one_space(folded[:longest] if at_start else folded)
        found: dict[int, set[int]] = {0: set(unprefixed)} if unprefixed else {}
        for last, (length, numbers) in automaton.iter(read):  # type: ignore[attr-defined]
            start = last - length + 1
            if start == 0 or not at_start:
                found.setdefault(start, set()).update(numbers)
        if anywhere is not None and not at_start:
            for match in anywhere.finditer(string):
                found.setdefault(match.start(), set()).update(unprefixed)
        return {start: sorted(numbers) for start, numbers in found.items()}

    def _at_start(self, string: str, positions: tuple[int, ...]) -> dict[int, list[int]] | None:
        if positions or self._regex is not None:
            return None
        self._anchored_calls += 1
        if self._anchored_calls > COMPILE_AFTER:
            return None
        return self._candidates(string, at_start=True)

    def match(self, string: str, *positions: int) -> re.Match[str] | None:
        candidates = self._at_start(string, positions)
        if candidates is None:
            return self.regex.match(string, *positions)
        return next((m for n in candidates.get(0, ()) if (m := self._branch(n).match(string))), None)

    def fullmatch(self, string: str, *positions: int) -> re.Match[str] | None:
        candidates = self._at_start(string, positions)
        if candidates is None:
            return self.regex.fullmatch(string, *positions)
        return next((m for n in candidates.get(0, ()) if (m := self._branch(n).fullmatch(string))), None)

    def search(self, string: str, *positions: int) -> re.Match[str] | None:
        candidates = None if positions else self._candidates(string, at_start=False)
        if candidates is None:
            return self.regex.search(string, *positions)
        for start in sorted(candidates):
            for number in candidates[start]:
                found = self._branch(number).match(string, start)
                if found is not None:
                    return found
        return None

    def finditer(self, string: str, *positions: int):
        return self.regex.finditer(string, *positions)


def _phrase_automaton(phrases: tuple[str, ...], flags: int
                      ) -> tuple[object, int, tuple[int, ...], re.Pattern[str] | None] | None:
    """An automaton over the phrases' literal prefixes as folded text reads them, each key giving the phrases it may
    begin; the longest key; the phrases without a literal prefix, and a pattern that stops wherever one of them
    matches. None when there is no prefixed phrase."""
    from auditor.rulekit.phrases import _automaton_keys, _pattern_prefixes, key_automaton

    keyed: dict[str, set[int]] = {}
    unprefixed = []
    for number, phrase in enumerate(phrases):
        if _pattern_prefixes(phrase, flags) is None:
            unprefixed.append(number)
            continue
        for key in _automaton_keys(phrase, flags):
            keyed.setdefault(key, set()).add(number)
    if not keyed:
        return None
    automaton = key_automaton(keyed)
    # Zero-width at every place where one of them matches, so finditer stops at each.
    anywhere = (re.compile("(?=(?:{}))".format("|".join(f"(?:{phrases[n]})" for n in unprefixed)), flags)
                if unprefixed else None)
    return automaton, max(map(len, keyed)), tuple(unprefixed), anywhere


@cache
def pattern(family: str, role: str, flags: int = re.IGNORECASE) -> CuePattern:
    """One role's phrases in every language as a single regular expression (for anchored matching)."""
    phrases = [p for items in cues(family, role).values() for p in items]
    spaced = tuple(re.sub(r"(?<![\\\[]) ", r"\\s+", p) for p in phrases)
    return CuePattern("|".join(f"(?:{p})" for p in spaced) or r"(?!)", flags, spaced)


def name_of(code: str) -> str:
    """A language's English name, or its code when it has none here."""
    return NAMES.get(code, code)


def inside_quotes(text: str, position: int) -> bool:
    """Whether ``position`` in a line falls inside an open quotation: a notice or a banner
    quoted in a sentence is reported speech, not the article's own."""
    before = text[:position]
    if before.count('"') % 2 == 1:
        return True
    return sum(before.count(q) for q in OPENING_QUOTES) > sum(before.count(q) for q in "”»")
