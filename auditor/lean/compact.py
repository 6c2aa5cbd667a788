"""Compact text profiles: what the pair features and the aligner read of a text, as arrays.

A :class:`~auditor.lean.text.TextProfile` holds its word n-grams as Python tuples and its
character 5-grams as strings: about 400 KB for a 1,500-character article, too much to keep
for every document of a corpus, so a large run used to profile the same candidate text again
in every chunk that scored it. A ``CompactProfile`` holds the same information as 64-bit
hashes in a few numpy arrays — the sorted sets of word 1/3/4/5/8-grams, of the 5/8-grams
outside quotations and of character 5-grams, the 4-grams in reading order, and per sentence
its span, content words and anchors — about 25 KB, which ``to_bytes``/``from_bytes`` write
and read back without copying or rebuilding anything.

Hashes are stable across processes and machines (BLAKE2b of each token; n-grams combine the
token hashes polynomially), so a profile written by one worker compares with one written by
another. Two different n-grams share a hash with odds of about 2**-64: the features computed
from these arrays equal those of the tuple sets (tests/lean/test_lean_reference.py).
"""
from __future__ import annotations

import hashlib
import struct
from functools import cached_property, lru_cache
from typing import NamedTuple

import numpy as np

from auditor.languages.detect import UNDETERMINED, detect_language

from .anchors import Anchor, extract_anchors
from .parts import profile_parts

__all__ = ["CompactProfile", "compact_profile", "build_compact", "same_language_compact", "member_mask",
           "KIND_CODES", "GRAM_KINDS"]

_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: every power of it is invertible mod 2**64
_EMPTY_U64 = np.zeros(0, dtype=np.uint64)
KIND_CODES = ("num", "pct", "year", "name", "quote")
_KIND_INDEX = {kind: i for i, kind in enumerate(KIND_CODES)}
WORD_NS = (1, 3, 4, 5, 8)
UNQUOTED_NS = (5, 8)
# Kinds of n-gram, each hashed with its own salt so that all of a text's n-grams can sit in
# one sorted array and two texts' shared n-grams of every kind be found in one search.
GRAM_KINDS = tuple(f"words{n}" for n in WORD_NS) + ("chars5",)
_SALTS = {kind: np.uint64(salt) for kind, salt in zip(GRAM_KINDS, (
    0x243F6A8885A308D3, 0x13198A2E03707344, 0xA4093822299F31D0, 0x082EFA98EC4E6C89,
    0x452821E638D01377, 0xBE5466CF34E90C6C))}
COMPACT_CACHE = 1024
_FORMAT = 6
# The arrays of a profile, in the order they are written: (name, dtype).
_SCHEMA = (
    ("grams", np.uint64),  # every distinct word 1/3-gram and character 5-gram, salted by kind, sorted
    ("gram_kinds", np.uint8),  # the kind of each (index into GRAM_KINDS)
    ("long_grams", np.uint64),  # the same for word 4/5/8-grams (compared only when a 3-gram is shared)
    ("long_gram_kinds", np.uint8),
    ("gram_counts", np.int64),  # how many distinct n-grams of each kind
    ("unquoted", np.uint64),  # distinct word 5/8-grams outside quotations, salted as words5/words8
    ("unquoted_kinds", np.uint8),
    ("sequence4", np.uint64),  # the word 4-grams in reading order, salted as words4 (tile cover)
    ("sentence_spans", np.int64),  # start, end of each sentence, flattened
    ("sentence_word_counts", np.int64),  # content words of each sentence
    ("sentence_words", np.uint64),  # hashes of each sentence's distinct content words, all sorted
    ("sentence_word_ids", np.int64),  # the sentence of each
    ("anchor_kinds", np.uint8),  # every anchor in reading order: index into KIND_CODES
    ("anchor_keys", np.uint64),  # hash of its key
    ("sentence_anchors", np.uint64),  # each sentence's distinct anchors: hash of the key, kind in the top bits; sorted
    ("sentence_anchor_ids", np.int64),  # the sentence of each
    ("sentence_anchor_kinds", np.uint8),
    ("sentence_anchor_holders", np.int64),  # how many of the text's sentences have that anchor
)
_HEADER = struct.Struct("<BIIQQ" + "Q" * len(_SCHEMA))


def stable_hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


# Token -> stable hash, shared by every profile a process makes: words recur across
# documents, so most are hashed once per process. Cleared when it grows past the bound.
_TOKEN_HASHES: dict[str, int] = {}
_TOKEN_HASHES_BOUND = 500_000


def _hashes(words) -> np.ndarray:
    memo = _TOKEN_HASHES
    if len(memo) > _TOKEN_HASHES_BOUND:
        memo.clear()
    values = [memo.get(word) for word in words]
    for i, value in enumerate(values):
        if value is None:
            values[i] = memo[words[i]] = stable_hash(words[i])
    return np.array(values, dtype=np.uint64)


def _unique(values: np.ndarray) -> np.ndarray:
    """np.unique for the small arrays of one text, without its hashing pass (4x faster here)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


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


def matches_in_sorted(sorted_values: np.ndarray, queries: np.ndarray,
                      upper: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Where ``queries`` occur in ``sorted_values``: the positions of every match, query after
    query, and how many matches each query has. With ``upper``, a query matches the values
    from it to its ``upper`` (inclusive)."""
    left = sorted_values.searchsorted(queries, side="left")
    counts = sorted_values.searchsorted(queries if upper is None else upper, side="right") - left
    # each query's run of equal values starts at its left position: one arange, shifted per run
    positions = np.repeat(left - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
    return positions, counts


def member_mask(values: np.ndarray, sorted_unique: np.ndarray) -> np.ndarray:
    """For each of ``values``, whether it is in ``sorted_unique``."""
    if not len(sorted_unique) or not len(values):
        return np.zeros(len(values), dtype=bool)
    positions = sorted_unique.searchsorted(values)  # the method: np.searchsorted's wrapper costs as much
    positions[positions == len(sorted_unique)] = 0
    return sorted_unique[positions] == values


class AnchorView(NamedTuple):
    sequence: list  # (kind, key hash) of the figures, years and names, in reading order
    figures: list  # the numbers and percentages among them
    keys: frozenset
    figure_keys: frozenset
    names: frozenset
    quotes: frozenset


class CompactProfile:
    """One text's profile as the arrays of ``_SCHEMA`` plus its language, script and length."""

    def __init__(self, language: str, script: str, n_chars: int, n_tokens: int, arrays: dict[str, np.ndarray]):
        self.language = language
        self.script = script  # writing system, compared when a language is undetermined
        self.n_chars = n_chars
        self.n_tokens = n_tokens
        self.arrays = arrays

    def gram_count(self, kind: str) -> int:
        return self._gram_counts[GRAM_KINDS.index(kind)]

    @cached_property
    def _gram_counts(self) -> list[int]:
        return self.arrays["gram_counts"].tolist()

    def unquoted_count(self, n: int) -> int:
        """How many distinct word n-grams (n = 5 or 8) the text has outside quotations."""
        return self._unquoted_counts[GRAM_KINDS.index(f"words{n}")]

    @cached_property
    def _unquoted_counts(self) -> list[int]:
        return np.bincount(self.arrays["unquoted_kinds"], minlength=len(GRAM_KINDS)).tolist()

    @property
    def four_gram_sequence(self) -> np.ndarray:
        return self.arrays["sequence4"]

    @cached_property
    def sentence_spans(self) -> np.ndarray:
        return self.arrays["sentence_spans"].reshape(-1, 2)

    @cached_property
    def anchor_tokens(self) -> tuple[tuple[str, int], ...]:
        """(kind, key hash) of every anchor, in reading order."""
        return tuple(zip((KIND_CODES[k] for k in self.arrays["anchor_kinds"].tolist()),
                         self.arrays["anchor_keys"].tolist()))

    @cached_property
    def anchor_view(self) -> AnchorView:
        """The anchor sequences and sets the pair features compare, made once per profile."""
        seq = [t for t in self.anchor_tokens if t[0] != "quote"]
        figures = [t for t in seq if t[0] in ("num", "pct")]
        return AnchorView(seq, figures, frozenset(seq), frozenset(figures),
                          frozenset(t for t in seq if t[0] == "name"),
                          frozenset(t for t in self.anchor_tokens if t[0] == "quote"))

    def to_bytes(self) -> bytes:
        texts = [s.encode("utf-8", "surrogatepass") for s in (self.language, self.script)]
        arrays = [np.ascontiguousarray(self.arrays[name], dtype=dtype) for name, dtype in _SCHEMA]
        header = _HEADER.pack(_FORMAT, len(texts[0]), len(texts[1]), self.n_chars, self.n_tokens,
                              *(len(a) for a in arrays))
        return b"".join([header, *texts, *(a.tobytes() for a in arrays)])

    @classmethod
    def from_bytes(cls, data: bytes) -> CompactProfile:
        fields = _HEADER.unpack_from(data, 0)
        if fields[0] != _FORMAT:
            raise ValueError(f"compact profile format {fields[0]}, expected {_FORMAT}")
        n_language, n_script, n_chars, n_tokens, *lengths = fields[1:]
        at = _HEADER.size
        language = data[at:at + n_language].decode("utf-8", "surrogatepass")
        at += n_language
        script = data[at:at + n_script].decode("utf-8", "surrogatepass")
        at += n_script
        arrays = {}
        for (name, dtype), count in zip(_SCHEMA, lengths):
            arrays[name] = np.frombuffer(data, dtype=dtype, count=count, offset=at)
            at += count * np.dtype(dtype).itemsize
        return cls(language, script, n_chars, n_tokens, arrays)


def same_language_compact(a: CompactProfile, b: CompactProfile) -> bool:
    """Same language code, or, when either side is undetermined, the same script."""
    if UNDETERMINED in (a.language, b.language):
        return a.script == b.script
    return a.language == b.language


def _runs_windows(values: np.ndarray, runs: list[int], n: int) -> np.ndarray:
    """Hashes of the n-grams inside each run of ``values`` (none spans two runs)."""
    windows = _windows(values, n)
    if len(windows) and len(runs) > 1:
        run_of = np.repeat(np.arange(len(runs)), runs)
        windows = windows[run_of[:len(windows)] == run_of[n - 1:]]
    return windows


def build_compact(text: str, language: str, tokens, anchors: list[Anchor] | tuple[Anchor, ...],
                  sentences: list[tuple[int, int, frozenset[str]]], unquoted_chunks: list[tuple[str, ...]],
                  script: str) -> CompactProfile:
    """A compact profile from what ``text.profile`` computes of a text (its tokens, anchors,
    sentences with their content words, and the token runs outside quotations)."""
    token_hashes = _hashes(tokens)
    unquoted = _hashes([word for chunk in unquoted_chunks for word in chunk])
    runs = [len(chunk) for chunk in unquoted_chunks]
    squashed = " ".join(tokens)
    points = np.frombuffer(squashed.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    sets = {f"words{n}": _unique(token_hashes if n == 1 else _windows(token_hashes, n)) for n in WORD_NS}
    sets["chars5"] = _unique(_windows(_mix(points), 5))
    arrays: dict[str, np.ndarray] = {}
    arrays["grams"], arrays["gram_kinds"] = _salted({k: sets[k] for k in ("words1", "words3", "chars5")})
    arrays["long_grams"], arrays["long_gram_kinds"] = _salted({k: sets[k] for k in ("words4", "words5", "words8")})
    arrays["gram_counts"] = np.array([len(sets[kind]) for kind in GRAM_KINDS], dtype=np.int64)
    arrays["unquoted"], arrays["unquoted_kinds"] = _salted(
        {f"words{n}": _unique(_runs_windows(unquoted, runs, n)) for n in UNQUOTED_NS})
    arrays["sequence4"] = _windows(token_hashes, 4) ^ _SALTS["words4"]
    arrays["sentence_spans"] = np.array([(s, e) for s, e, _ in sentences], dtype=np.int64).reshape(-1)
    arrays["sentence_word_counts"] = np.array([len(words) for _, _, words in sentences], dtype=np.int64)
    arrays["sentence_words"], arrays["sentence_word_ids"] = _by_value(
        _hashes([w for _, _, words in sentences for w in words]),
        np.repeat(np.arange(len(sentences), dtype=np.int64), arrays["sentence_word_counts"]))
    key_hashes = [stable_hash(a.key) for a in anchors]
    arrays["anchor_kinds"] = np.array([_KIND_INDEX[a.kind] for a in anchors], dtype=np.uint8)
    arrays["anchor_keys"] = np.array(key_hashes, dtype=np.uint64)
    # A sentence's anchors are those starting inside it, each (kind, key) once.
    inside: list[tuple[int, int, int]] = []
    cursor = 0
    for index, (start, end, _) in enumerate(sentences):
        while cursor < len(anchors) and anchors[cursor].start < start:
            cursor += 1
        probe, seen = cursor, set()
        while probe < len(anchors) and anchors[probe].start < end:
            token = (_KIND_INDEX[anchors[probe].kind], key_hashes[probe])
            if token not in seen:
                seen.add(token)
                inside.append((index, *token))
            probe += 1
    holders: dict[tuple[int, int], int] = {}
    for _, kind, key in inside:
        holders[kind, key] = holders.get((kind, key), 0) + 1
    kinds = np.array([k for _, k, _ in inside], dtype=np.uint8)
    anchor_tokens = np.array([h for _, _, h in inside], dtype=np.uint64) ^ (kinds.astype(np.uint64) << np.uint64(61))
    order = np.argsort(anchor_tokens, kind="stable")
    arrays["sentence_anchors"] = anchor_tokens[order]
    arrays["sentence_anchor_ids"] = np.array([i for i, _, _ in inside], dtype=np.int64)[order]
    arrays["sentence_anchor_kinds"] = kinds[order]
    arrays["sentence_anchor_holders"] = np.array([holders[k, h] for _, k, h in inside], dtype=np.int64)[order]
    return CompactProfile(language, script, len(text), len(tokens), arrays)


def _by_value(values: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(values, kind="stable")
    return values[order], ids[order]


def _salted(sets: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The sets' values, each salted by its kind, in one sorted array; and each one's kind."""
    values = np.concatenate([_EMPTY_U64] + [values ^ _SALTS[kind] for kind, values in sets.items()])
    kinds = np.concatenate([np.zeros(0, dtype=np.uint8)] + [np.full(len(values), GRAM_KINDS.index(kind), dtype=np.uint8)
                                                             for kind, values in sets.items()])
    order = np.argsort(values, kind="stable")
    return values[order], kinds[order]


@lru_cache(maxsize=COMPACT_CACHE)
def compact_profile(text: str, lang: str | None = None) -> CompactProfile:
    """The compact profile of a text (language: the declared one, else detected)."""
    language = lang or detect_language(text)
    return build_compact(text, language, *profile_parts(text, language, extract_anchors(text, language)))
