"""Compact text profiles: what the pair features and the aligner read of a text, as arrays.

A :class:`~auditor.lean.text.TextProfile` holds its word n-grams as Python tuples and its
character 5-grams as strings: about 400 KB for a 1,500-character article, too much to keep
for every document of a corpus, so a large run used to profile the same candidate text again
in every chunk that scored it. A ``CompactProfile`` keeps the same information as 64-bit
hashes in numpy arrays — the tokens, the tokens outside quotations, the text its character
n-grams come from, the sentences' spans, content words and anchors — about 8 KB, which
``to_bytes``/``from_bytes`` write and read without copying. The n-gram sets are derived from
the token hashes on first use (a few vectorised operations).

Hashes are stable across processes and machines (BLAKE2b of each token; n-grams combine the
token hashes polynomially), so a profile written by one worker compares with one written by
another. Two different n-grams share a hash with odds of about 2**-64: the features computed
from these arrays equal those of the tuple sets (tests/lean/test_lean_reference.py).
"""
from __future__ import annotations

import hashlib
import struct
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from auditor.language import UNDETERMINED, detect_language

from .anchors import Anchor, extract_anchors

__all__ = ["CompactProfile", "CompactSentence", "compact_profile", "build_compact", "same_language_compact"]

_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: every power of it is invertible mod 2**64
_EMPTY_U64 = np.zeros(0, dtype=np.uint64)
KIND_CODES = ("num", "pct", "year", "name", "quote")
_KIND_INDEX = {kind: i for i, kind in enumerate(KIND_CODES)}
COMPACT_CACHE = 4096  # compact profiles are small (arrays, ~8 KB and their lazily built sets)
_FORMAT = 1


def stable_hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def _hashes(words, memo: dict[str, int]) -> np.ndarray:
    out = np.empty(len(words), dtype=np.uint64)
    for i, word in enumerate(words):
        value = memo.get(word)
        if value is None:
            value = memo[word] = stable_hash(word)
        out[i] = value
    return out


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, elementwise: spreads small code points over 64 bits."""
    z = values.astype(np.uint64)
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def _windows(values: np.ndarray, n: int) -> np.ndarray:
    """Hash of every run of ``n`` consecutive values, in order (polynomial in the values)."""
    count = len(values) - n + 1
    if count <= 0:
        return _EMPTY_U64
    out = values[:count].copy()
    with np.errstate(over="ignore"):
        for k in range(1, n):
            out = out * _MULTIPLIER + values[k:k + count]
    return out


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of unique values have in common."""
    if not len(a) or not len(b):
        return 0
    if len(a) > len(b):
        a, b = b, a
    positions = np.searchsorted(b, a)
    positions[positions == len(b)] = 0
    return int(np.count_nonzero(b[positions] == a))


def member_mask(values: np.ndarray, sorted_unique: np.ndarray) -> np.ndarray:
    """For each of ``values``, whether it is in ``sorted_unique``."""
    if not len(sorted_unique) or not len(values):
        return np.zeros(len(values), dtype=bool)
    positions = np.searchsorted(sorted_unique, values)
    positions[positions == len(sorted_unique)] = 0
    return sorted_unique[positions] == values


@dataclass(frozen=True)
class CompactSentence:
    """A sentence as the aligner reads it (the same fields as ``text.Sentence``, hashed)."""

    start: int
    end: int
    words: frozenset[int]  # hashes of the folded content words (no stopwords, no numbers)
    anchors: frozenset[tuple[str, int]]  # (kind, hash of the key)


class CompactProfile:
    """The arrays of one text's profile; sets and indexes derived from them on first use."""

    def __init__(self, language: str, script: str, n_chars: int, tokens: np.ndarray, unquoted: np.ndarray,
                 unquoted_runs: np.ndarray, squashed: str, sentence_spans: np.ndarray,
                 sentence_word_counts: np.ndarray, sentence_words: np.ndarray, anchor_kinds: np.ndarray,
                 anchor_keys: np.ndarray, anchor_starts: np.ndarray):
        self.language = language
        self.script = script  # writing system, compared when a language is undetermined
        self.n_chars = n_chars
        self.tokens = tokens  # hash of each token, in order
        self.unquoted = unquoted  # hash of each token outside quotations, in order
        self.unquoted_runs = unquoted_runs  # lengths of the runs of ``unquoted`` between quotations
        self.squashed = squashed  # the tokens joined by spaces: where character n-grams come from
        self.sentence_spans = sentence_spans  # (n, 2) int64: [start, end) of each sentence
        self.sentence_word_counts = sentence_word_counts  # content words per sentence
        self.sentence_words = sentence_words  # their hashes, sentence after sentence
        self.anchor_kinds = anchor_kinds  # index into KIND_CODES, in reading order
        self.anchor_keys = anchor_keys  # hash of each anchor's key
        self.anchor_starts = anchor_starts  # character offset of each anchor

    # -- n-gram sets (sorted unique hashes) ----------------------------------------------
    @cached_property
    def _word_sets(self) -> dict[int, np.ndarray]:
        return {}

    def word_ngrams(self, n: int) -> np.ndarray:
        found = self._word_sets.get(n)
        if found is None:
            found = self._word_sets[n] = np.unique(self.tokens if n == 1 else _windows(self.tokens, n))
        return found

    @cached_property
    def _unquoted_sets(self) -> dict[int, np.ndarray]:
        return {}

    def unquoted_ngrams(self, n: int) -> np.ndarray:
        """Word n-grams of the text outside quotations: none spans a quotation."""
        found = self._unquoted_sets.get(n)
        if found is None:
            windows = _windows(self.unquoted, n)
            if len(windows) and len(self.unquoted_runs) > 1:
                run_of = np.repeat(np.arange(len(self.unquoted_runs)), self.unquoted_runs)
                windows = windows[run_of[: len(windows)] == run_of[n - 1:]]
            found = self._unquoted_sets[n] = np.unique(windows)
        return found

    @cached_property
    def char_ngrams(self) -> np.ndarray:
        points = np.frombuffer(self.squashed.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        return np.unique(_windows(_mix(points), 5))

    @cached_property
    def four_gram_sequence(self) -> np.ndarray:
        return _windows(self.tokens, 4)

    # -- anchors ---------------------------------------------------------------------------
    @cached_property
    def anchor_tokens(self) -> tuple[tuple[str, int], ...]:
        return tuple(zip((KIND_CODES[k] for k in self.anchor_kinds.tolist()), self.anchor_keys.tolist()))

    # -- sentences, as the aligner reads them ------------------------------------------------
    @cached_property
    def sentences(self) -> tuple[CompactSentence, ...]:
        tokens = self.anchor_tokens
        starts = self.anchor_starts
        words = self.sentence_words.tolist()
        out, offset = [], 0
        for (start, end), count in zip(self.sentence_spans.tolist(), self.sentence_word_counts.tolist()):
            first, last = np.searchsorted(starts, [start, end]).tolist()
            out.append(CompactSentence(start, end, frozenset(words[offset:offset + count]),
                                       frozenset(tokens[first:last])))
            offset += count
        return tuple(out)

    @cached_property
    def sentence_index(self) -> tuple[dict[int, list[int]], dict[tuple[str, int], list[int]]]:
        by_word: dict[int, list[int]] = defaultdict(list)
        by_anchor: dict[tuple[str, int], list[int]] = defaultdict(list)
        for index, sentence in enumerate(self.sentences):
            for word in sentence.words:
                by_word[word].append(index)
            for anchor in sentence.anchors:
                by_anchor[anchor].append(index)
        return dict(by_word), dict(by_anchor)

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    # -- bytes -------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        language, script, squashed = (s.encode("utf-8", "surrogatepass") for s in (self.language, self.script,
                                                                                   self.squashed))
        arrays = (self.tokens, self.unquoted, self.unquoted_runs.astype(np.int64),
                  self.sentence_spans.astype(np.int64).reshape(-1), self.sentence_word_counts.astype(np.int64),
                  self.sentence_words, self.anchor_keys, self.anchor_starts.astype(np.int64),
                  self.anchor_kinds.astype(np.uint8))
        header = struct.pack("<B3IQ9Q", _FORMAT, len(language), len(script), len(squashed), self.n_chars,
                             *(len(a) for a in arrays))
        return b"".join([header, language, script, squashed, *(a.tobytes() for a in arrays)])

    @classmethod
    def from_bytes(cls, data: bytes) -> CompactProfile:
        header = struct.Struct("<B3IQ9Q")
        fields = header.unpack_from(data, 0)
        if fields[0] != _FORMAT:
            raise ValueError(f"compact profile format {fields[0]}, expected {_FORMAT}")
        n_language, n_script, n_squashed, n_chars, *lengths = fields[1:]
        at = header.size
        language = data[at:at + n_language].decode("utf-8", "surrogatepass")
        at += n_language
        script = data[at:at + n_script].decode("utf-8", "surrogatepass")
        at += n_script
        squashed = data[at:at + n_squashed].decode("utf-8", "surrogatepass")
        at += n_squashed
        arrays = []
        for count, dtype in zip(lengths, (np.uint64, np.uint64, np.int64, np.int64, np.int64, np.uint64, np.uint64,
                                          np.int64, np.uint8)):
            size = count * np.dtype(dtype).itemsize
            arrays.append(np.frombuffer(data, dtype=dtype, count=count, offset=at))
            at += size
        tokens, unquoted, runs, spans, word_counts, words, keys, starts, kinds = arrays
        return cls(language, script, n_chars, tokens, unquoted, runs, squashed, spans.reshape(-1, 2),
                   word_counts, words, kinds, keys, starts)


def same_language_compact(a: CompactProfile, b: CompactProfile) -> bool:
    """Same language code, or, when either side is undetermined, the same script."""
    if UNDETERMINED in (a.language, b.language):
        return a.script == b.script
    return a.language == b.language


def build_compact(text: str, language: str, tokens, anchors: list[Anchor] | tuple[Anchor, ...],
                  sentences: list[tuple[int, int, frozenset[str]]], unquoted_chunks: list[tuple[str, ...]],
                  script: str) -> CompactProfile:
    """A compact profile from what ``text.profile`` computes of a text (its tokens, anchors,
    sentences with their content words, and the token runs outside quotations)."""
    memo: dict[str, int] = {}
    token_hashes = _hashes(tokens, memo)
    unquoted = [word for chunk in unquoted_chunks for word in chunk]
    sentence_words = [word for _, _, words in sentences for word in sorted(words)]
    kinds = np.fromiter((_KIND_INDEX[a.kind] for a in anchors), dtype=np.uint8, count=len(anchors))
    keys = np.fromiter((stable_hash(a.key) for a in anchors), dtype=np.uint64, count=len(anchors))
    return CompactProfile(
        language=language,
        script=script,
        n_chars=len(text),
        tokens=token_hashes,
        unquoted=_hashes(unquoted, memo),
        unquoted_runs=np.array([len(chunk) for chunk in unquoted_chunks], dtype=np.int64),
        squashed=" ".join(tokens),
        sentence_spans=np.array([(s, e) for s, e, _ in sentences], dtype=np.int64).reshape(-1, 2),
        sentence_word_counts=np.array([len(words) for _, _, words in sentences], dtype=np.int64),
        sentence_words=_hashes(sentence_words, memo),
        anchor_kinds=kinds,
        anchor_keys=keys,
        anchor_starts=np.fromiter((a.start for a in anchors), dtype=np.int64, count=len(anchors)),
    )


@lru_cache(maxsize=COMPACT_CACHE)
def compact_profile(text: str, lang: str | None = None) -> CompactProfile:
    """The compact profile of a text (language: the declared one, else detected)."""
    from .text import profile_parts

    language = lang or detect_language(text)
    return build_compact(text, language, *profile_parts(text, language, extract_anchors(text, language)))
