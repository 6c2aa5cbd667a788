"""The plain data that flows between pipeline stages."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from auditor.positions import LinePositions, OffsetMap

# Region kinds a reader may mark.  Rules declare which of them they read.
BODY = "body"  # the article text proper (main/article element; whole text for plain files)
BOILERPLATE = "boilerplate"  # navigation, page header/footer, sidebars
CONSENT_CONTAINER = "consent-container"  # an HTML element whose id/class names cookie/consent
LIST_ITEM = "list-item"  # an HTML <li>: its text carries no bullet mark of its own


@dataclass(frozen=True)
class Region:
    kind: str
    start: int
    end: int
    label: str = ""  # where it came from, e.g. "div#cookie-notice"


@dataclass(frozen=True)
class Line:
    """One line of the text, without its line break."""

    number: int  # 0-based index among the text's lines
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Markup:
    """Machine-readable facts an HTML page states about itself."""

    lang: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # (name or property, content), lower-cased names
    json_ld: tuple[Any, ...] = ()  # parsed JSON-LD objects
    json_ld_errors: int = 0
    comments: tuple[tuple[int, str], ...] = ()  # (text offset where it stood, comment text)


@dataclass(frozen=True)
class Document:
    """An article as the rules see it: text, language, regions and metadata.

    ``text`` is what the rules read (visible text for HTML).  ``offsets`` and
    ``positions`` take an offset in ``text`` back to the file.
    """

    path: str
    text: str
    format: str  # "text", "markdown", "html", "jsonl"
    language: str = "und"
    regions: tuple[Region, ...] = ()
    markup: Markup | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)  # manifest / JSONL fields
    record: int | None = None  # line of the record in a JSON Lines file
    encoding: str = "utf-8"
    offsets: OffsetMap = field(default_factory=OffsetMap, repr=False, compare=False)
    positions: LinePositions | None = field(default=None, repr=False, compare=False)

    def line_column(self, offset: int) -> tuple[int, int]:
        source_offset = self.offsets.to_source(offset)
        if self.positions is None:
            return 1, source_offset + 1
        return self.positions.line_column(source_offset)

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        lines = []
        start = 0
        for number, chunk in enumerate(self.text.splitlines(keepends=True)):
            body = chunk.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
            lines.append(Line(number, start, start + len(body), body))
            start += len(chunk)
        return tuple(lines)

    def regions_of(self, kind: str) -> tuple[Region, ...]:
        return tuple(r for r in self.regions if r.kind == kind)

    def in_region(self, kind: str, start: int, end: int) -> bool:
        """Whether a region of the kind holds all of [start, end)."""
        index = self._region_index.get(kind)
        if index is None:
            return False
        starts, furthest_ends = index
        before = bisect_right(starts, start)  # the regions that begin at or before ``start``
        return before > 0 and furthest_ends[before - 1] >= end

    @cached_property
    def _region_index(self) -> dict[str, tuple[list[int], list[int]]]:
        """Per kind, the regions' starts in order and the furthest end among the regions up to each: one of
        them holds a span exactly when the furthest end of those beginning at or before it reaches the span's
        end. An HTML page has hundreds of regions and the rules ask about thousands of spans."""
        by_kind: dict[str, list[tuple[int, int]]] = {}
        for region in self.regions:
            by_kind.setdefault(region.kind, []).append((region.start, region.end))
        index = {}
        for kind, spans in by_kind.items():
            spans.sort()
            furthest, ends = -1, []
            for _, end in spans:
                furthest = max(furthest, end)
                ends.append(furthest)
            index[kind] = ([start for start, _ in spans], ends)
        return index

    @cached_property
    def body_spans(self) -> tuple[tuple[int, int], ...]:
        """Spans of the article body: the marked body regions, else all the text."""
        spans = tuple((r.start, r.end) for r in self.regions if r.kind == BODY)
        return spans or ((0, len(self.text)),)

    def in_body(self, start: int, end: int) -> bool:
        if self.in_region(BOILERPLATE, start, end):
            return False
        return any(s <= start and end <= e for s, e in self.body_spans)

    @cached_property
    def body_text(self) -> str:
        return "\n".join(self.text[s:e] for s, e in self.body_spans)


@dataclass(frozen=True)
class ReadError:
    """A file (or record) that could not be audited, and why, in words for the user."""

    path: str
    error: str
    record: int | None = None
