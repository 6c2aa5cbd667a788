"""Candidate sources by MinHash LSH, so finding them costs about linearly in the corpus.

Each document is reduced to shingles that survive translation — runs of three consecutive
figure/name anchors in reading order (the same in "$48.39 billion ... 22%" and
"48,39 tỷ USD ... 22%") — plus, for the same language, word 3-grams. Shingles carry their
kind as a prefix, so a Vietnamese word 3-gram can never collide with an English one, and
each document is indexed twice: once on anchor shingles (cross-lingual) and once on word
shingles (same language, keyed by language).
"""
from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from .text import profile

__all__ = ["CandidateIndex"]

NUM_PERM = 64
_SEED = 1


def _anchor_shingles(text: str, lang: str | None) -> set[bytes]:
    keys = [f"{a.kind}:{a.key}" for a in profile(text, lang).anchors if a.kind != "quote"]
    keys = [k for i, k in enumerate(keys) if i == 0 or k != keys[i - 1]]
    shingles = {"|".join(keys[i:i + 3]).encode() for i in range(max(0, len(keys) - 2))}
    # single figures too: a short translated passage may carry only two or three of them
    shingles.update(k.encode() for k in keys if k.startswith(("num:", "pct:")))
    return shingles


def _word_shingles(text: str, lang: str | None) -> set[bytes]:
    return {" ".join(gram).encode() for gram in profile(text, lang).word_ngrams[3]}


def _minhash(shingles: set[bytes]) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=_SEED)
    signature.update_batch(sorted(shingles))
    return signature


class CandidateIndex:
    """``add(key, text, lang)`` documents, then ``query(text, lang)`` for likely sources.

    ``threshold`` is the Jaccard similarity the LSH bands aim at; it is low because an
    article that reuses a third of a source shares far less than half its shingles.
    """

    def __init__(self, threshold: float = 0.1):
        self.threshold = threshold
        self._anchors = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._words = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._languages: dict[str, str] = {}

    def add(self, key: str, text: str, lang: str | None = None) -> None:
        if key in self._languages:
            raise KeyError(f"{key!r} is already in the index")
        language = profile(text, lang).language
        self._languages[key] = language
        anchors = _anchor_shingles(text, lang)
        if anchors:
            self._anchors.insert(key, _minhash(anchors))
        words = _word_shingles(text, lang)
        if words:
            self._words.insert(key, _minhash({language.encode() + b":" + w for w in words}))

    def query(self, text: str, lang: str | None = None) -> list[str]:
        """Keys of indexed documents that may be a source of ``text``, sorted."""
        language = profile(text, lang).language
        found: set[str] = set()
        anchors = _anchor_shingles(text, lang)
        if anchors:
            found.update(self._anchors.query(_minhash(anchors)))
        words = _word_shingles(text, lang)
        if words:
            found.update(self._words.query(_minhash({language.encode() + b":" + w for w in words})))
        return sorted(found)

    def __len__(self) -> int:
        return len(self._languages)
