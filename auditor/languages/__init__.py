"""Cue words by language, grouped by family and role: one module a language.

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

LANGUAGES = ("en", "vi", "es", "fr", "de", "id", "pt")
# Languages with cue words for some families only: Polish consent banners appear on Polish news sites.
EXTRA_LANGUAGES = ("pl",)
FAMILIES = ("AI_DISCLOSURE", "BOILERPLATE", "CITATION", "CONSENT", "STRUCTURE")


@cache
def _module(language: str):
    return importlib.import_module(f"{__name__}.{language}")


def cues(family: str, role: str) -> dict[str, tuple[str, ...]]:
    """The phrases of one role of one family, by language (languages without any are left out)."""
    found = {}
    for language in LANGUAGES + EXTRA_LANGUAGES:
        phrases = getattr(_module(language), family, {}).get(role, ())
        if phrases:
            found[language] = tuple(phrases)
    return found


@cache
def table(family: str, role: str, *, word_bounded: bool = True, flags: int = re.IGNORECASE) -> PhraseTable:
    """A compiled table of one role's phrases in every language."""
    return PhraseTable(cues(family, role), word_bounded=word_bounded, flags=flags)


@cache
def pattern(family: str, role: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One role's phrases in every language as a single regular expression (for anchored matching)."""
    phrases = [p for items in cues(family, role).values() for p in items]
    spaced = [re.sub(r"(?<![\\\[]) ", r"\\s+", p) for p in phrases]
    return re.compile("|".join(f"(?:{p})" for p in spaced) or r"(?!)", flags)
