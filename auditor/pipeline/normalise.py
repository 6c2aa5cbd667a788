"""Stage 2: bring a raw document to the form every rule can rely on.

- Unicode NFC, so that a Vietnamese "ộ" typed as o + two combining marks matches
  the phrase lists (the offset map keeps positions exact).
- A language code for every article.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from bisect import bisect_right

from auditor.document import Document
from auditor.languages.detect import detect_language
from auditor.positions import OffsetMap


def normalise(document: Document) -> Document:
    text, nfc_map = to_nfc(document.text)
    offsets = nfc_map.then(document.offsets) if nfc_map.text_starts else document.offsets
    regions = document.regions
    if nfc_map.text_starts:
        back = _inverse(nfc_map, len(text))
        regions = tuple(dataclasses.replace(r, start=back(r.start), end=back(r.end)) for r in regions)
    declared = (
        document.metadata.get("language")
        or (document.markup.lang if document.markup else None)
    )
    language = detect_language(_body(text, regions), declared)
    return dataclasses.replace(document, text=text, offsets=offsets, regions=regions, language=language)


def _body(text: str, regions) -> str:
    bodies = [text[r.start : r.end] for r in regions if r.kind == "body"]
    return "\n".join(bodies) if bodies else text


def to_nfc(text: str) -> tuple[str, OffsetMap]:
    """NFC text and the map from its offsets to the original's (identity when unchanged)."""
    if unicodedata.is_normalized("NFC", text):
        return text, OffsetMap()
    pieces: list[str] = []
    text_starts: list[int] = []
    source_starts: list[int] = []
    length = 0
    start = 0
    # Normalise cluster by cluster (a base character and its combining marks),
    # recording where each cluster starts on both sides.
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            cluster = unicodedata.normalize("NFC", text[start:i])
            text_starts.append(length)
            source_starts.append(start)
            pieces.append(cluster)
            length += len(cluster)
            start = i
    return "".join(pieces), OffsetMap(tuple(text_starts), tuple(source_starts))


def _inverse(mapping: OffsetMap, length: int):
    source_starts = mapping.source_starts
    text_starts = mapping.text_starts

    def back(source_offset: int) -> int:
        i = bisect_right(source_starts, source_offset) - 1
        if i < 0:
            return 0
        return min(length, text_starts[i] + (source_offset - source_starts[i]))

    return back
