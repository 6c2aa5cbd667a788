"""One pass over a text: tokens, n-gram sets, sentences and anchors, cached per text.

Every feature and the aligner read from a ``TextProfile``, so a source compared with many
articles is analysed once.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain

from auditor.languages.detect import UNDETERMINED, detect_language

from .anchors import Anchor, extract_anchors
from .parts import profile_parts, script_of, sentence_parts, tokenize, unquoted_chunks, unquoted_text

__all__ = ["TextProfile", "Sentence", "profile", "profile_parts", "same_language", "script_of", "tokenize"]

_STEM = 5  # skeleton words cut to 5 letters: a cheap stemmer ("payments" ~ "payment", "accountant" ~ "accounting")

# Profiles kept per process. Scoring asks for the same text in runs (an article with each of
# its candidates, a sketch's three reads), so a small cache gets nearly every hit a large one
# would; 4,096 full profiles held hundreds of MB in every worker.
PROFILE_CACHE = 256

@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: frozenset[str]  # folded content words (no stopwords)
    anchors: frozenset[tuple[str, str]]
    _index: int = field(default=-1, repr=False, compare=False)
    _skeletons: _Skeletons | None = field(default=None, repr=False, compare=False)

    @property
    def skeleton(self) -> frozenset[str]:
        """Content words outside quotations that are not names, figures or words found in
        many of the text's sentences: what a paraphrase keeps of the sentence and a
        same-event report (same names, figures and quotes) need not share. Computed for the
        whole text the first time one is asked for: the shipped model does not use them."""
        return self._skeletons.of(self._index) if self._skeletons is not None else frozenset()


class _Skeletons:
    """The skeletons of one text's sentences, computed on first use."""

    __slots__ = ("_parts", "_unquoted", "_values")

    def __init__(self, unquoted: _UnquotedNgrams, parts: list):
        self._unquoted = unquoted  # the text outside quotations comes from here
        self._parts = parts  # (start, end, words, names) per sentence
        self._values: tuple[frozenset[str], ...] | None = None

    def of(self, index: int) -> frozenset[str]:
        if self._values is None:
            unquoted_text = self._unquoted.unquoted_text
            skeletons = []
            for start, end, words, names in self._parts:
                outside_quotes = {w for w in tokenize(unquoted_text[start:end])
                                  if len(w) > 2 and not any(c.isdigit() for c in w)}
                skeletons.append(frozenset(w[:_STEM] for w in (words & outside_quotes) - names))
            common = _common_words(skeletons)
            self._values = tuple(skeleton - common for skeleton in skeletons)
            self._parts = []
        return self._values[index]


class _Ngrams(dict):
    """n -> frozenset of the word n-gram tuples, each built the first time it is asked for
    (n = 1, 3 always; 4, 5, 8 only for pairs that share a word 3-gram)."""

    def __init__(self, tokens: tuple[str, ...]):
        super().__init__()
        self._tokens = tokens

    def __missing__(self, n: int) -> frozenset:
        value = self[n] = _ngrams(self._tokens, n)
        return value


class _UnquotedNgrams(dict):
    """n -> the word n-grams outside quotations, built the first time they are asked for:
    only the article's are compared, so a text scored only as a source never builds them.

    Two reporters at the same hearing write down the same words of the judge: a shared run
    inside quotation marks is weaker evidence of copying than one in the reporter's prose."""

    def __init__(self, text: str, anchors: tuple[Anchor, ...]):
        super().__init__()
        self._text = text
        self._anchors = anchors
        self._outside: list[tuple[str, ...]] | None = None

    @property
    def unquoted_text(self) -> str:
        return unquoted_text(self._text, self._anchors)

    @property
    def chunks(self) -> list[tuple[str, ...]]:
        """The tokens of each run of text between quotations (and line breaks)."""
        if self._outside is None:
            self._outside = unquoted_chunks(self._text, self._anchors)
        return self._outside

    def __missing__(self, n: int) -> frozenset:
        value = self[n] = frozenset(chain.from_iterable(zip(*(chunk[i:] for i in range(n))) for chunk in self.chunks))
        return value


@dataclass(frozen=True)
class TextProfile:
    text: str
    language: str
    tokens: tuple[str, ...]
    word_ngrams: dict  # n -> frozenset of n-gram tuples (n = 1, 3, 4, 5, 8), built on first use
    unquoted_ngrams: dict  # n -> the same outside quotations (n = 5, 8), built on first use
    char_ngrams: frozenset[str]
    sentences: tuple[Sentence, ...]
    anchors: tuple[Anchor, ...]

    @property
    def n_chars(self) -> int:
        return len(self.text)

    @cached_property
    def compact(self):
        """The same profile as arrays (:class:`~auditor.lean.compact.CompactProfile`): what the
        pair features are computed from."""
        from .compact import build_compact

        return build_compact(self.text, self.language, self.tokens, self.anchors,
                             [(x.start, x.end, x.words) for x in self.sentences], self.unquoted_ngrams.chunks,
                             script_of(self.text))

    @cached_property
    def sentence_index(self) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]]]:
        """Content word -> indices of the sentences that have it, and the same for anchors
        (what the aligner looks up when this text is the source); built on first use."""
        by_word: dict[str, list[int]] = defaultdict(list)
        by_anchor: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, sentence in enumerate(self.sentences):
            for word in sentence.words:
                by_word[word].append(index)
            for anchor in sentence.anchors:
                by_anchor[anchor].append(index)
        return dict(by_word), dict(by_anchor)


def same_language(a: TextProfile, b: TextProfile) -> bool:
    """Same language code, or, when either side is undetermined, the same script."""
    if UNDETERMINED in (a.language, b.language):
        return script_of(a.text) == script_of(b.text)
    return a.language == b.language


@lru_cache(maxsize=PROFILE_CACHE)
def profile(text: str, lang: str | None = None) -> TextProfile:
    # A declared language wins; otherwise the project's detector, which says "und" when the
    # text is too short or in a language it does not know (features then compare scripts).
    language = lang or detect_language(text)
    tokens = tuple(tokenize(text))
    ngrams = _Ngrams(tokens)
    squashed = " ".join(tokens)
    chars = frozenset([squashed[i:i + 5] for i in range(max(0, len(squashed) - 4))])
    anchors = tuple(extract_anchors(text, language))
    unquoted_ngrams = _UnquotedNgrams(text, anchors)
    parts = sentence_parts(text, anchors)
    skeletons = _Skeletons(unquoted_ngrams, [(start, end, words, names) for start, end, words, _, names in parts])
    sentences = tuple(Sentence(start, end, words, inside, index, skeletons)
                      for index, (start, end, words, inside, _) in enumerate(parts))
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
