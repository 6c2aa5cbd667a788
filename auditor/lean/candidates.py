"""Candidate sources by MinHash LSH, so finding them costs about linearly in the corpus.

Each document is reduced to shingles that survive translation — runs of three consecutive
figure/name anchors in reading order (the same in "$48.39 billion ... 22%" and
"48,39 tỷ USD ... 22%") — plus, for the same language, word 3-grams. Shingles carry their
kind as a prefix, so a Vietnamese word 3-gram can never collide with an English one, and
each document is indexed twice: once on anchor shingles (cross-lingual) and once on word
shingles (same language, keyed by language).

A document is first reduced to a :class:`Sketch` (its two MinHash signatures), which is
small, picklable and all the index needs: workers compute sketches, the index holds only
them, and a persistent archive (:mod:`auditor.run.archive`) stores them. The LSH bands are
those datasketch's ``MinHashLSH`` chooses for the threshold; the in-memory index keeps them
as sorted numpy arrays (a few bytes per document and band instead of Python objects).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha1

import numpy as np

from auditor.languages.detect import detect_language

from .anchors import Anchor, extract_anchors
from .compact import matches_in_sorted
from .parts import tokenize

__all__ = ["CandidateIndex", "Sketch", "sketch", "band_layout", "band_values", "KINDS"]

NUM_PERM = 64
_SEED = 1
KINDS = ("anchors", "words")
_EMPTY = np.zeros(0, dtype=np.uint64)


def _anchor_shingles(anchors: Iterable[Anchor]) -> set[bytes]:
    keys = [f"{a.kind}:{a.key}" for a in anchors if a.kind != "quote"]
    keys = [k for i, k in enumerate(keys) if i == 0 or k != keys[i - 1]]
    shingles = {"|".join(keys[i:i + 3]).encode() for i in range(max(0, len(keys) - 2))}
    # single figures too: a short translated passage may carry only two or three of them
    shingles.update(k.encode() for k in keys if k.startswith(("num:", "pct:")))
    return shingles


def _word_shingles(tokens: tuple[str, ...]) -> set[bytes]:
    return {" ".join(gram).encode() for gram in zip(tokens, tokens[1:], tokens[2:])}


# The MinHash of datasketch 2.x (scheme "affine32", its default), computed here in one numpy
# expression per signature: SHA-1's first 4 bytes (little-endian) of each shingle, the
# MurmurHash3 32-bit finalizer, then a * h + b mod 2**32 for NUM_PERM odd a and any b drawn
# by numpy's RandomState(seed), the minimum over the shingles.  The values are those of
# datasketch.MinHash(num_perm=NUM_PERM, seed=1).update_batch(...) (tests/lean/test_sketch.py
# checks it), so sketches saved in archive indexes stay valid, and sketching does not
# import datasketch (and scipy) in every worker.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.RandomState(_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _minhash_values(shingles: set[bytes]) -> np.ndarray:
    """The NUM_PERM MinHash values of a non-empty set of shingles, as uint64."""
    digests = b"".join([sha1(shingle).digest()[:4] for shingle in shingles])
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv ^= hv >> np.uint32(s1)
    hv *= np.uint32(m1)
    hv ^= hv >> np.uint32(s2)
    hv *= np.uint32(m2)
    hv ^= hv >> np.uint32(s3)
    a, b = _permutations()
    return (hv[:, None] * a + b).min(axis=0).astype(np.uint64)


@dataclass(frozen=True)
class Sketch:
    """What the index knows of a document: its language and two MinHash signatures
    (``NUM_PERM`` uint64 values as bytes; empty when the text has no such shingles)."""

    key: str
    language: str
    anchors: bytes
    words: bytes

    def signature(self, kind: str) -> np.ndarray:
        return np.frombuffer(getattr(self, kind), dtype=np.uint64)


def sketch(key: str, text: str, lang: str | None = None, anchors: Iterable[Anchor] | None = None,
           tokens: Iterable[str] | None = None) -> Sketch:
    """The sketch of a text. ``anchors`` and ``tokens``, when the caller already has them
    (``extract_anchors(text, language)`` and ``tokenize(text)``), are not computed again."""
    # Only what the shingles need of a profile (language, anchors, tokens): a sketch is made
    # once per document, and the rest of a full profile would be thrown away.
    language = lang or detect_language(text)
    anchor_shingles = _anchor_shingles(extract_anchors(text, language) if anchors is None else anchors)
    words = _word_shingles(tuple(tokenize(text) if tokens is None else tokens))
    return Sketch(
        key=key,
        language=language,
        anchors=_minhash_values(anchor_shingles).tobytes() if anchor_shingles else b"",
        words=_minhash_values({language.encode() + b":" + w for w in words}).tobytes() if words else b"",
    )


def band_layout(threshold: float) -> list[tuple[int, int]]:
    """The (start, end) permutation ranges of the LSH bands datasketch picks for a threshold."""
    from datasketch import MinHashLSH

    return list(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


_MIX = np.uint64(0x9E3779B97F4A7C15)


def band_values(signature: np.ndarray, layout: list[tuple[int, int]]) -> np.ndarray:
    """One uint64 per band: the band's values mixed (the value itself for one-row bands).
    Equal bands give equal values; unequal ones collide with odds about 2**-64."""
    if all(end - start == 1 for start, end in layout):
        return signature[[start for start, _ in layout]].astype(np.uint64)
    values = np.empty(len(layout), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i, (start, end) in enumerate(layout):
            mixed = np.uint64(0)
            for value in signature[start:end]:
                mixed = mixed * _MIX + value
            values[i] = mixed
    return values


class _SortedBands:
    """Band values of many documents, looked up by binary search.

    When every band value fits in 32 bits (one-row bands hold a MinHash value, which
    datasketch keeps below 2**32), each (document, band) is one uint64 key,
    ``band << 58 | value << 26 | document id``, in one sorted array: a query is two searches
    for all its bands, and the index costs 8 bytes per document and band. The packing is
    exact while there are at most 64 bands and 2**26 documents. Otherwise there is one
    sorted array of values (and one of ids) per band."""

    def __init__(self, n_bands: int):
        self.n_bands = n_bands
        self._pending: list[tuple[int, np.ndarray]] = []
        # the packed keys while everything fits; per-band arrays otherwise
        self._packed: np.ndarray | None = _EMPTY if n_bands <= 1 << _BAND_BITS else None
        self._values: list[np.ndarray] = [_EMPTY] * n_bands if self._packed is None else []
        self._ids: list[np.ndarray] = [_NO_IDS] * n_bands if self._packed is None else []

    def add(self, doc_id: int, values: np.ndarray) -> None:
        self._pending.append((doc_id, values))

    def _settle(self) -> None:
        # Added documents are merged in one sort when the next query comes: many adds and then
        # many queries (a corpus, an archive) cost one sort, not one per add.
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        if self._packed is not None and all(
                doc_id <= _ID_MASK and int(values.max(initial=0)) < _PACKED_LIMIT for doc_id, values in pending):
            self._packed = self._pack(pending)
            return
        if self._packed is not None:  # a value or an id too large to pack: unpack what there is
            keys, self._packed = self._packed, None
            bands = (keys >> _BAND_SHIFT).astype(np.int64)
            self._values = [(keys[bands == band] >> _VALUE_SHIFT) & _LOW for band in range(self.n_bands)]
            self._ids = [(keys[bands == band] & _ID_MASK).astype(np.int64) for band in range(self.n_bands)]
        ids = np.fromiter((doc_id for doc_id, _ in pending), dtype=np.int64, count=len(pending))
        table = np.vstack([values for _, values in pending])
        for band in range(self.n_bands):
            values = np.concatenate([self._values[band], table[:, band]])
            all_ids = np.concatenate([self._ids[band], ids])
            # stable: documents with equal values stay in the order they were added
            order = np.argsort(values, kind="stable")
            self._values[band], self._ids[band] = values[order], all_ids[order]

    def _pack(self, pending: list[tuple[int, np.ndarray]]) -> np.ndarray:
        """The packed keys with the pending documents merged in, built a block at a time so
        that the pending rows are freed as their keys are made."""
        assert self._packed is not None
        keys = np.empty(len(self._packed) + len(pending) * self.n_bands, dtype=np.uint64)
        at = len(self._packed)
        keys[:at] = self._packed
        self._packed = _EMPTY  # the old keys are freed before the new ones are made
        band_bits = np.arange(self.n_bands, dtype=np.uint64)[None, :] << _BAND_SHIFT
        while pending:
            block = pending[:_PACK_BLOCK]
            del pending[:_PACK_BLOCK]
            ids = np.fromiter((doc_id for doc_id, _ in block), dtype=np.uint64, count=len(block))
            table = np.vstack([values for _, values in block])
            made = (band_bits | (table << _VALUE_SHIFT) | ids[:, None]).reshape(-1)
            keys[at:at + len(made)] = made
            at += len(made)
        # Keys are unique (the id is in them), so any sort gives the stable order: equal
        # (band, value) pairs end up by id, which is the order documents were added in.
        keys.sort()
        return keys

    def shared_bands(self, values: np.ndarray) -> dict[int, int]:
        """Document id -> number of bands it shares with ``values``."""
        ids, counts = self.shared_band_arrays(values)
        return dict(zip(ids.tolist(), counts.tolist()))

    def shared_band_arrays(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The ids of the documents sharing a band with ``values`` (sorted) and how many each."""
        self._settle()
        if self._packed is not None:
            # a value that does not fit matches no stored one (all of them fit)
            bands = np.flatnonzero(values < np.uint64(_PACKED_LIMIT)).astype(np.uint64)
            lowest = (bands << _BAND_SHIFT) | (values[bands.astype(np.int64)] << _VALUE_SHIFT)
            positions, _ = matches_in_sorted(self._packed, lowest, lowest | _ID_MASK)
            if not len(positions):
                return _NO_IDS, _NO_IDS
            hits = (self._packed[positions] & _ID_MASK).astype(np.int64)
        else:
            found = []
            for band in range(self.n_bands):
                column = self._values[band]
                left = np.searchsorted(column, values[band], side="left")
                right = np.searchsorted(column, values[band], side="right")
                if right > left:
                    found.append(self._ids[band][left:right])
            if not found:
                return _NO_IDS, _NO_IDS
            hits = np.concatenate(found)
        return np.unique(hits, return_counts=True)


_NO_IDS = np.zeros(0, dtype=np.int64)
_BAND_BITS, _ID_BITS = 6, 26  # with the 32 bits of a value, 64 in all
_BAND_SHIFT = np.uint64(32 + _ID_BITS)
_VALUE_SHIFT = np.uint64(_ID_BITS)
_ID_MASK = np.uint64((1 << _ID_BITS) - 1)
_LOW = np.uint64(0xFFFFFFFF)
_PACKED_LIMIT = 1 << 32
_PACK_BLOCK = 8192  # documents turned into keys at a time


class CandidateIndex:
    """``add(key, text, lang)`` documents, then ``query(text, lang)`` for likely sources.

    ``threshold`` is the Jaccard similarity the LSH bands aim at; it is low because an
    article that reuses a third of a source shares far less than half its shingles.
    """

    def __init__(self, threshold: float = 0.1):
        self.threshold = threshold
        self._layout = band_layout(threshold)
        self._bands = {kind: _SortedBands(len(self._layout)) for kind in KINDS}
        self._keys: list[str] = []
        self._ids: dict[str, int] = {}
        self._ranks: np.ndarray | None = None

    def add(self, key: str, text: str, lang: str | None = None) -> None:
        self.add_sketch(sketch(key, text, lang))

    def add_sketch(self, item: Sketch) -> None:
        if item.key in self._ids:
            raise KeyError(f"{item.key!r} is already in the index")
        doc_id = len(self._keys)
        self._ids[item.key] = doc_id
        self._keys.append(item.key)
        for kind in KINDS:
            if getattr(item, kind):
                self._bands[kind].add(doc_id, band_values(item.signature(kind), self._layout))

    def query(self, text: str, lang: str | None = None) -> list[str]:
        """Keys of indexed documents that may be a source of ``text``, sorted."""
        return self.query_sketch(sketch("", text, lang))

    def query_sketch(self, item: Sketch, limit: int | None = None, exclude: Iterable[str] = ()) -> list[str]:
        """Keys that share a band with the sketch on either kind, sorted.

        ``limit`` bounds the answer for large corpora: per kind, the ``limit`` keys sharing
        the most bands (an estimate of Jaccard similarity; ties by key). Without it every
        colliding key is returned, exactly as ``MinHashLSH.query`` would."""
        excluded = [self._ids[k] for k in exclude if k in self._ids]
        found: set[str] = set()
        for kind in KINDS:
            if not getattr(item, kind):
                continue
            ids, counts = self._bands[kind].shared_band_arrays(band_values(item.signature(kind), self._layout))
            if excluded:
                kept = ~np.isin(ids, excluded)
                ids, counts = ids[kept], counts[kept]
            if limit is not None and len(ids) > limit:
                # most bands first, ties by key: the key's rank among all keys breaks them
                ids = ids[np.lexsort((self._key_ranks()[ids], -counts))[:limit]]
            found.update(self._keys[i] for i in ids.tolist())
        return sorted(found)

    def _key_ranks(self) -> np.ndarray:
        """Each document id's position in the sorted order of all keys (kept until one is added)."""
        if self._ranks is None or len(self._ranks) != len(self._keys):
            ranks = np.empty(len(self._keys), dtype=np.int64)
            ranks[sorted(range(len(self._keys)), key=self._keys.__getitem__)] = np.arange(len(self._keys))
            self._ranks = ranks
        return self._ranks

    def __len__(self) -> int:
        return len(self._keys)
