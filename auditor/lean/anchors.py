"""Language-independent anchors: the parts of a text that survive translation.

A translator rewrites every word but keeps the figures, the years, the names and (in the
same language) the quotations. An anchor is one such item with a canonical key that is equal
across languages and locales, and the character span ``[start, end)`` where it was read:

* ``("num", "4.839e+10")`` for "$48.39 billion", "48,39 tỷ USD", "48,39 Milliarden Dollar";
* ``("pct", "22")`` for "22%", "22 per cent", "22 Prozent", "22 persen";
* ``("year", "2024")`` for a four-digit year 1900-2099 with no scale word;
* ``("name", "zuckerberg")`` for a capitalised word that does not open a sentence;
* ``("quote", "...")`` for a quotation of at least three words (same-language evidence only).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Anchor", "extract_anchors", "parse_number", "fold"]


@dataclass(frozen=True)
class Anchor:
    kind: str  # "num" | "pct" | "year" | "name" | "quote"
    key: str
    start: int
    end: int

    @property
    def token(self) -> tuple[str, str]:
        return (self.kind, self.key)


def _fold_slow(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _FoldTable(dict):
    """Code point -> its folded form, filled on first use (a ``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_slow(chr(code))
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lowercase and strip diacritics ("Quốc" -> "quoc"); đ has no decomposition.

    Folded one character at a time through a table, which gives the same string as folding
    the whole text: lowercasing is per character except for the Greek capital sigma (final
    form at a word's end, so such texts take the slow path), NFKD decomposes each character
    on its own, and canonical reordering only moves combining marks, which are dropped."""
    if text.isascii():
        return text.lower()
    if "Σ" in text:
        return _fold_slow(text)
    return text.translate(_FOLD)


# Scale words, longest first so "mil millones" wins over "mil" and "nghìn tỷ" over "nghìn".
# Spanish "billón", French "billion(s)" and German "Billion(en)" are 10**12 (long scale);
# English "billion" is 10**9. The English reading is kept for the bare word "billion".
_SCALES: list[tuple[str, float]] = sorted(
    [
        ("nghìn tỷ", 1e12), ("ngàn tỷ", 1e12), ("trillion", 1e12), ("trillions", 1e12),
        ("billones", 1e12), ("billón", 1e12), ("billion", 1e9), ("billions", 1e9),
        ("billionen", 1e12), ("triliun", 1e12), ("trilhões", 1e12), ("trilhão", 1e12),
        ("bn", 1e9), ("tỷ", 1e9), ("tỉ", 1e9), ("mil millones", 1e9), ("milliard", 1e9),
        ("milliards", 1e9), ("milliarde", 1e9), ("milliarden", 1e9), ("mrd.", 1e9), ("mrd", 1e9),
        ("miliar", 1e9), ("bilhões", 1e9), ("bilhão", 1e9), ("bilioes", 1e9),
        ("million", 1e6), ("millions", 1e6), ("mn", 1e6), ("m", 1e6), ("triệu", 1e6),
        ("millones", 1e6), ("millón", 1e6), ("millon", 1e6), ("millionen", 1e6), ("mio.", 1e6),
        ("mio", 1e6), ("juta", 1e6), ("milhões", 1e6), ("milhão", 1e6),
        ("thousand", 1e3), ("nghìn", 1e3), ("ngàn", 1e3), ("mil", 1e3), ("mille", 1e3),
        ("tausend", 1e3), ("ribu", 1e3), ("k", 1e3),
    ],
    key=lambda item: -len(item[0]),
)
_SCALE_PATTERN = "|".join(re.escape(word) for word, _ in _SCALES)
_SCALE_VALUE = {word: value for word, value in _SCALES}
_PERCENT_WORDS = (
    r"%|per\s?cent|percent|por\s?ciento|pour\s?cent|prozent|persen|por\s?cento|phần\s?trăm"
)
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
    r"(?:\s?(?P<pct>" + _PERCENT_WORDS + r")|\s?(?P<scale>" + _SCALE_PATTERN + r")(?![\w]))?",
    re.IGNORECASE,
)
_SENTENCE_OPENER = re.compile(r"(^|[.!?…:;\n]\s*|[\"“«„]\s*|^\s*[-•*]\s*)$")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
_QUOTE = re.compile(r"[\"“«„”]([^\"“”«»„\n]{8,400})[\"”»“]")
# Capitalised words that are not names: currency codes, roman numerals, and the function
# words a headline or a list item may capitalise mid-line.
_NOT_NAMES = {
    "usd", "eur", "vnd", "gbp", "us$", "rp", "r$", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii",
    "the", "a", "an", "and", "of", "in", "on", "for", "to", "with", "by", "at", "from",
    "i", "el", "la", "los", "las", "le", "les", "der", "die", "das", "und", "de", "des", "da",
    "do", "dos", "di", "du", "o", "os", "as", "e", "et", "y", "il", "quý", "sau", "theo",
}


def parse_number(digits: str, lang: str | None = None) -> float | None:
    """Read a number written with any locale's separators.

    Rules: with both "." and "," the last one is the decimal mark (1.234,5 / 1,234.5);
    a mark repeated is a thousands separator (1.234.567); a single mark followed by exactly
    three digits is a thousands separator (1.600 / 1,600) unless the language is English
    and the mark is "." (then 1.600 is one point six); otherwise it is the decimal mark
    (48,39 / 48.39).
    """
    text = digits.replace("\u00a0", "").replace(" ", "")
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "." in text or "," in text:
        mark = "." if "." in text else ","
        head, _, tail = text.rpartition(mark)
        if text.count(mark) > 1:
            text = text.replace(mark, "")
        elif len(tail) == 3 and not (lang == "en" and mark == "."):
            text = head + tail
        else:
            text = head + "." + tail
    try:
        return float(text)
    except ValueError:
        return None


def _number_key(value: float) -> str:
    return f"{value:.4g}" if value >= 1e5 else f"{value:g}"


def _is_sentence_start(text: str, start: int) -> bool:
    window = text[max(0, start - 4):start]
    return bool(_SENTENCE_OPENER.search(window)) or start == 0


def _number_anchors(text: str, lang: str | None) -> list[Anchor]:
    anchors = []
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group(1), lang)
        if value is None:
            continue
        scale_word = match.group("scale")
        if match.group("pct"):
            anchors.append(Anchor("pct", f"{value:g}", match.start(), match.end()))
            continue
        if scale_word:
            scale = _SCALE_VALUE.get(scale_word.lower())
            # a lone "m"/"k" after a number is often a unit (metres); only read it directly
            # after a currency sign
            if scale_word.lower() in {"m", "k"} and text[max(0, match.start() - 1):match.start()] not in "$€£":
                scale = None
            if scale:
                anchors.append(Anchor("num", _number_key(value * scale), match.start(), match.end()))
                continue
        end = match.start() + len(match.group(1))
        if value.is_integer() and 1900 <= value <= 2099 and "." not in match.group(1) and "," not in match.group(1):
            anchors.append(Anchor("year", f"{value:g}", match.start(), end))
        elif value >= 10 or not value.is_integer():
            # bare small integers ("3 months", list numbering "1.") say little
            anchors.append(Anchor("num", _number_key(value), match.start(), end))
    return anchors


def _name_anchors(text: str) -> list[Anchor]:
    anchors = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if not word[0].isupper():
            continue
        folded = fold(word.strip("'’-"))
        if len(folded) < 2 or folded in _NOT_NAMES:
            continue
        inner_caps = any(ch.isupper() for ch in word[1:])
        if _is_sentence_start(text, match.start()) and not inner_caps:
            continue
        anchors.append(Anchor("name", folded, match.start(), match.end()))
    return anchors


def _quote_anchors(text: str) -> list[Anchor]:
    anchors = []
    for match in _QUOTE.finditer(text):
        words = re.findall(r"\w+", fold(match.group(1)))
        if len(words) >= 3:
            anchors.append(Anchor("quote", " ".join(words), match.start(1), match.end(1)))
    return anchors


def extract_anchors(text: str, lang: str | None = None) -> list[Anchor]:
    """All anchors of ``text`` in reading order (by start offset)."""
    numbers = _number_anchors(text, lang)
    # a scale word read as part of a figure ("Millionen") is not also a name
    taken = {pos for anchor in numbers for pos in range(anchor.start, anchor.end)}
    names = [anchor for anchor in _name_anchors(text) if anchor.start not in taken]
    anchors = numbers + names + _quote_anchors(text)
    anchors.sort(key=lambda anchor: (anchor.start, anchor.kind))
    return anchors
