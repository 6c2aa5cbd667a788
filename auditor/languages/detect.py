"""Which language an article is written in.

A small, deterministic detector: the share of a text's words that are common
function words of each language, with Vietnamese letters as extra evidence.
Function words are what separates these languages best on article-length
text, and a word list needs no model file.  Languages the tool supports fully
come first; a few others are known so that they are not mistaken for one of
those.
"""

from __future__ import annotations

import re
from collections import Counter

from auditor.languages import DETECTED, LANGUAGES, language_module

UNDETERMINED = "und"
SUPPORTED = LANGUAGES

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(language_module(code).FUNCTION_WORDS.split()) for code in DETECTED
}

VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 4


def detect_language(text: str, declared: str | None = None) -> str:
    """ISO 639-1 code of the text's language, or ``declared`` when the text says too little."""
    sample = text[:20000]
    # Each word counted once, then each language's few function words looked up in the
    # counts: a dozen lookups a language instead of a pass over the text for each.
    counts = Counter(map(str.lower, WORD.findall(sample)))
    n_words = sum(counts.values())
    declared_code = _primary_subtag(declared)
    if n_words < MIN_WORDS:
        return declared_code or UNDETERMINED
    scores = {}
    for language, vocabulary in FUNCTION_WORDS.items():
        scores[language] = sum(counts[w] for w in vocabulary if w in counts) / n_words
    vietnamese_letters = len(VIETNAMESE_LETTERS.findall(sample))
    # Vietnamese shares no function words with the others, and its letters are unmistakable.
    scores["vi"] += min(0.3, vietnamese_letters / max(1, len(sample)) * 5)
    best = max(scores, key=lambda code: (scores[code], code == declared_code))
    if scores[best] < 0.04:
        return declared_code or UNDETERMINED
    runner_up = max(score for code, score in scores.items() if code != best)
    if declared_code in scores and scores[best] - runner_up < 0.01 and scores[declared_code] >= runner_up:
        return declared_code
    return best


def _primary_subtag(tag: str | None) -> str | None:
    if not tag:
        return None
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
