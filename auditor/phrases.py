"""Phrase rules are data: lists of phrases per language, compiled by one helper.

A phrase is written as it reads, with a little regex where wording varies:
a space matches any run of white space, and matching ignores case.  Adding a
language to a rule is adding lines to its table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PhraseMatch:
    language: str
    start: int
    end: int
    text: str


class PhraseTable:
    """Compiled phrases by language; one alternation per language."""

    def __init__(self, phrases: Mapping[str, Sequence[str]], *, word_bounded: bool = True, flags: int = re.IGNORECASE):
        self.phrases = {language: tuple(items) for language, items in phrases.items()}
        self._compiled: list[tuple[str, re.Pattern[str]]] = []
        for language, items in self.phrases.items():
            if not items:
                continue
            body = "|".join(f"(?:{_flexible_spaces(p)})" for p in items)
            if word_bounded:
                body = rf"(?<!\w)(?:{body})(?!\w)"
            self._compiled.append((language, re.compile(body, flags)))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(language for language, items in self.phrases.items() if items)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        """Matches in text[start:end], by position, each with the language it belongs to."""
        stop = len(text) if end is None else end
        found: list[PhraseMatch] = []
        for language, pattern in self._compiled:
            for match in pattern.finditer(text, start, stop):
                found.append(PhraseMatch(language, match.start(), match.end(), match.group(0)))
        found.sort(key=lambda m: (m.start, -m.end))
        last_end = -1
        for match in found:
            if match.start >= last_end:
                last_end = match.end
                yield match

    def search(self, text: str, start: int = 0, end: int | None = None) -> PhraseMatch | None:
        return next(self.finditer(text, start, end), None)


def _flexible_spaces(phrase: str) -> str:
    # Only literal single spaces become \s+; escaped or bracketed spaces in a pattern stay.
    return re.sub(r"(?<![\\\[]) ", r"\\s+", phrase)
