"""One pass over a text: tokens, n-gram sets, sentences and anchors, cached per text.

Every feature and the aligner read from a ``TextProfile``, so a source compared with many
articles is analysed once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anchors import Anchor, extract_anchors, fold

__all__ = ["TextProfile", "Sentence", "profile", "detect_language", "tokenize"]

_TOKEN = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’)]*\s+(?=[\"“«„(\[]?[^\W\d_a-z])|\n+")

# A few very frequent function words per language; enough to tell the seven apart.
_STOPWORDS = {
    "en": "the and of to in is that for was with on as by are it from has have said this which",
    "vi": "và của là có được trong các những cho với không người đã này một khi để cũng từ",
    "es": "el la de que y en los las del se por un una con para es su al lo como más fue",
    "fr": "le la les de des et est du un une que dans pour qui sur au par pas avec ont été",
    "de": "der die das und ist den dem des nicht ein eine mit sich auf für von zu im auch wird",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada ke adalah juga oleh telah",
    "pt": "o a os as de do da dos das que e em um uma para com não por no na mais foi ao",
}
_STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
ALL_STOPWORDS = frozenset().union(*_STOPWORD_SETS.values())


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def detect_language(text: str) -> str:
    """Best guess among en/vi/es/fr/de/id/pt by function words; "ur" for Arabic script."""
    sample = text[:4000]
    if sum(1 for ch in sample if "\u0600" <= ch <= "\u06ff") > len(sample) * 0.3:
        return "ur"
    words = re.findall(r"\w+", sample.lower())
    if not words:
        return "und"
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORD_SETS.items()}
    best = max(sorted(counts), key=lambda lang: counts[lang])
    return best if counts[best] >= 2 else "und"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: frozenset[str]  # folded content words (no stopwords)
    anchors: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class TextProfile:
    text: str
    language: str
    tokens: tuple[str, ...]
    word_ngrams: dict  # n -> frozenset of n-gram tuples (n = 1, 3, 4, 5)
    char_ngrams: frozenset[str]
    sentences: tuple[Sentence, ...]
    anchors: tuple[Anchor, ...]

    @property
    def n_chars(self) -> int:
        return len(self.text)


def _split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


@lru_cache(maxsize=4096)
def profile(text: str, lang: str | None = None) -> TextProfile:
    language = lang or detect_language(text)
    tokens = tuple(tokenize(text))
    ngrams = {n: frozenset(zip(*(tokens[i:] for i in range(n)))) for n in (1, 3, 4, 5)}
    squashed = " ".join(tokens)
    chars = frozenset(squashed[i:i + 5] for i in range(max(0, len(squashed) - 4)))
    anchors = tuple(extract_anchors(text, language))
    sentences = []
    cursor = 0
    for start, end in _split_sentences(text):
        words = frozenset(w for w in tokenize(text[start:end]) if w not in ALL_STOPWORDS and not w.isdigit())
        inside = []
        while cursor < len(anchors) and anchors[cursor].start < start:
            cursor += 1
        probe = cursor
        while probe < len(anchors) and anchors[probe].start < end:
            inside.append(anchors[probe].token)
            probe += 1
        sentences.append(Sentence(start, end, words, frozenset(inside)))
    return TextProfile(text, language, tokens, ngrams, chars, tuple(sentences), anchors)
