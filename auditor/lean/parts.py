"""The parts a text's profiles are built from: tokens, sentences with their content words,
token runs outside quotations, and the text's script.

Both profiles of a text are made of these: the :class:`~auditor.lean.text.TextProfile`
(sets, for the aligner) and the :class:`~auditor.lean.compact.CompactProfile` (arrays, for
the pair features and the run's profile store). Neither profile module imports the other
to get them.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from auditor.languages.detect import FUNCTION_WORDS

from .anchors import Anchor, fold

__all__ = ["ALL_STOPWORDS", "profile_parts", "script_of", "sentence_parts", "tokenize", "unquoted_chunks", "unquoted_text"]

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
    for ch, n in Counter(text[:4000]).items():
        script = _SCRIPT.get(ch, _UNSEEN)
        if script is _UNSEEN:
            script = _SCRIPT[ch] = unicodedata.name(ch, "").split(" ")[0] if ch.isalpha() else None
        if script is not None:
            counts[script] = counts.get(script, 0) + n
    return max(sorted(counts), key=counts.__getitem__) if counts else ""


_SCRIPT: dict[str, str | None] = {}  # character -> its script's name (None: not a letter), filled on use
_UNSEEN = object()


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


def unquoted_text(text: str, anchors) -> str:
    """The text with every quotation's words replaced by line breaks (offsets kept)."""
    unquoted = list(text)
    for anchor in anchors:
        if anchor.kind == "quote":
            unquoted[anchor.start:anchor.end] = "\n" * (anchor.end - anchor.start)
    return "".join(unquoted)


def unquoted_chunks(text: str, anchors) -> list[tuple[str, ...]]:
    return [tuple(tokenize(chunk)) for chunk in unquoted_text(text, anchors).split("\n") if chunk]


def sentence_parts(text: str, anchors) -> list[tuple[int, int, frozenset[str], frozenset, set[str]]]:
    """(start, end, content words, anchor tokens, name keys) of each sentence."""
    parts = []
    cursor = 0
    n_anchors = len(anchors)
    for start, end in _split_sentences(text):
        words = frozenset([w for w in tokenize(text[start:end]) if w not in ALL_STOPWORDS and not w.isdigit()])
        while cursor < n_anchors and anchors[cursor].start < start:
            cursor += 1
        probe = cursor
        while probe < n_anchors and anchors[probe].start < end:
            probe += 1
        inside = [anchor.token for anchor in anchors[cursor:probe]]
        parts.append((start, end, words, frozenset(inside), {key for kind, key in inside if kind == "name"}))
    return parts


def profile_parts(text: str, language: str, anchors: list[Anchor] | tuple[Anchor, ...]):
    """What a compact profile is built from: (tokens, anchors, sentences as (start, end,
    content words), token runs outside quotations, script)."""
    sentences = [(start, end, words) for start, end, words, _, _ in sentence_parts(text, anchors)]
    return tokenize(text), anchors, sentences, unquoted_chunks(text, anchors), script_of(text)
