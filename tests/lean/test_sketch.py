"""Sketches are datasketch's MinHash values, computed without datasketch.

auditor.lean.candidates computes the MinHash of datasketch 2.x (scheme "affine32", seed 1)
in numpy; saved archive indexes hold sketches made by datasketch itself, so the values
must be the same, bit for bit.
"""

from __future__ import annotations

import glob
import os

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.lean.candidates import NUM_PERM, _minhash_values, sketch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def datasketch_values(shingles: set[bytes]) -> np.ndarray:
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch(sorted(shingles))
    return signature.hashvalues.astype(np.uint64)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.binary(max_size=30), min_size=1, max_size=300))
def test_same_values_as_datasketch(shingles: set[bytes]) -> None:
    assert np.array_equal(_minhash_values(shingles), datasketch_values(shingles))


def test_sketches_of_the_sample_corpus_are_datasketch_minhashes() -> None:
    from auditor.lean.anchors import extract_anchors
    from auditor.lean.candidates import _anchor_shingles, _word_shingles
    from auditor.lean.text import tokenize

    paths = sorted(glob.glob(os.path.join(ROOT, "corpus", "*.txt")))
    assert paths
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        made = sketch("k", text, "en")
        anchors = _anchor_shingles(extract_anchors(text, "en"))
        words = {b"en:" + w for w in _word_shingles(tuple(tokenize(text)))}
        assert made.anchors == datasketch_values(anchors).tobytes()
        assert made.words == datasketch_values(words).tobytes()
        assert len(made.words) == NUM_PERM * 8
