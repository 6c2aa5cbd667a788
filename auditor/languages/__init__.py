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


class CuePattern:
    """One role's phrases as a regular expression, compiled the first time it matches: a rule that builds a larger
    expression from its ``.pattern`` (most of them, at import) does not pay for compiling this one too, and an
    audit of one draft compiles only the roles its lines reach."""

    __slots__ = ("pattern", "flags", "_regex")

    def __init__(self, source: str, flags: int):
        self.pattern, self.flags = source, flags
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern, self.flags)
        return self._regex

    def match(self, string: str, *positions: int) -> re.Match[str] | None:
        return self.regex.match(string, *positions)

    def fullmatch(self, string: str, *positions: int) -> re.Match[str] | None:
        return self.regex.fullmatch(string, *positions)

    def search(self, string: str, *positions: int) -> re.Match[str] | None:
        return self.regex.search(string, *positions)

    def finditer(self, string: str, *positions: int):
        return self.regex.finditer(string, *positions)


@cache
def pattern(family: str, role: str, flags: int = re.IGNORECASE) -> CuePattern:
    """One role's phrases in every language as a single regular expression (for anchored matching)."""
    phrases = [p for items in cues(family, role).values() for p in items]
    spaced = [re.sub(r"(?<![\\\[]) ", r"\\s+", p) for p in phrases]
    return CuePattern("|".join(f"(?:{p})" for p in spaced) or r"(?!)", flags)


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
