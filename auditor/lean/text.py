"""One pass over a text: tokens, n-gram sets, sentences and anchors, cached per text.

Every feature and the aligner read from a ``TextProfile``, so a source compared with many
articles is analysed once.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from auditor.language import FUNCTION_WORDS, UNDETERMINED, detect_language

from .anchors import Anchor, extract_anchors, fold

__all__ = ["TextProfile", "Sentence", "profile", "same_language", "script_of", "tokenize"]

_STEM = 5  # skeleton words cut to 5 letters: a cheap stemmer ("payments" ~ "payment", "accountant" ~ "accounting")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’)]*\s+(?=[\"“«„(\[]?[^\W\d_a-z])|\n+")

# Sentence words leave out function words of every language we know, so that sentences are
# matched on content; the list is the project's language detector's.
ALL_STOPWORDS = frozenset(fold(w) for words in FUNCTION_WORDS.values() for w in words)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def script_of(text: str) -> str:
    """The writing system most of the text's letters belong to ("LATIN", "ARABIC", ...), or "".

    Used where the language cannot be told (too short, or not one the detector knows): two
    such texts in the same script are taken as the same language for comparison purposes."""
    counts: dict[str, int] = {}
    for ch in text[:4000]:
        if ch.isalpha():
            script = unicodedata.name(ch, "").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return max(sorted(counts), key=counts.__getitem__) if counts else ""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: frozenset[str]  # folded content words (no stopwords)
    anchors: frozenset[tuple[str, str]]
    # content words outside quotations that are not names, figures or words found in many of
    # the text's sentences: what a paraphrase keeps of the sentence and a same-event report
    # (same names, figures and quotes) need not share
    skeleton: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TextProfile:
    text: str
    language: str
    tokens: tuple[str, ...]
    word_ngrams: dict  # n -> frozenset of n-gram tuples (n = 1, 3, 4, 5, 8)
    unquoted_ngrams: dict  # n -> the same outside quotations (n = 5, 8)
    char_ngrams: frozenset[str]
    sentences: tuple[Sentence, ...]
    anchors: tuple[Anchor, ...]

    @property
    def n_chars(self) -> int:
        return len(self.text)


def same_language(a: TextProfile, b: TextProfile) -> bool:
    """Same language code, or, when either side is undetermined, the same script."""
    if UNDETERMINED in (a.language, b.language):
        return script_of(a.text) == script_of(b.text)
    return a.language == b.language


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
    # A declared language wins; otherwise the project's detector, which says "und" when the
    # text is too short or in a language it does not know (features then compare scripts).
    language = lang or detect_language(text)
    tokens = tuple(tokenize(text))
    ngrams = {n: _ngrams(tokens, n) for n in (1, 3, 4, 5, 8)}
    squashed = " ".join(tokens)
    chars = frozenset(squashed[i:i + 5] for i in range(max(0, len(squashed) - 4)))
    anchors = tuple(extract_anchors(text, language))
    # Two reporters at the same hearing write down the same words of the judge: a shared run
    # inside quotation marks is weaker evidence of copying than one in the reporter's prose.
    unquoted = list(text)
    for anchor in anchors:
        if anchor.kind == "quote":
            unquoted[anchor.start:anchor.end] = "\n" * (anchor.end - anchor.start)
    outside = [tuple(tokenize(chunk)) for chunk in "".join(unquoted).split("\n")]
    unquoted_ngrams = {n: frozenset().union(*(_ngrams(chunk, n) for chunk in outside)) for n in (5, 8)}
    unquoted_text = "".join(unquoted)
    spans = _split_sentences(text)
    parts = []
    cursor = 0
    for start, end in spans:
        words = frozenset(w for w in tokenize(text[start:end]) if w not in ALL_STOPWORDS and not w.isdigit())
        inside = []
        while cursor < len(anchors) and anchors[cursor].start < start:
            cursor += 1
        probe = cursor
        while probe < len(anchors) and anchors[probe].start < end:
            inside.append(anchors[probe].token)
            probe += 1
        names = {key for kind, key in inside if kind == "name"}
        outside_quotes = {w for w in tokenize(unquoted_text[start:end])
                          if len(w) > 2 and not any(c.isdigit() for c in w)}
        skeleton = frozenset(w[:_STEM] for w in (words & outside_quotes) - names)
        parts.append((start, end, words, frozenset(inside), skeleton))
    common = _common_words([part[4] for part in parts])
    sentences = tuple(Sentence(start, end, words, inside, skeleton - common)
                      for start, end, words, inside, skeleton in parts)
    return TextProfile(text, language, tokens, ngrams, unquoted_ngrams, chars, sentences, anchors)


def _common_words(sentence_words: list[frozenset]) -> frozenset:
    """Words in at least half of a text's sentences (at least 3): function words of a
    language the stopword lists do not cover (Urdu) and the story's own topic words."""
    if len(sentence_words) < 3:
        return frozenset()
    counts: dict[str, int] = {}
    for words in sentence_words:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    limit = max(3, len(sentence_words) / 2)
    return frozenset(word for word, n in counts.items() if n >= limit)


def _ngrams(tokens: tuple[str, ...], n: int) -> frozenset:
    return frozenset(zip(*(tokens[i:] for i in range(n))))
