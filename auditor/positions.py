"""Map offsets in an article's text back to line and column of the file it came from.

Two layers, because text rarely equals the file: an :class:`OffsetMap` takes an
offset in the audited text to an offset in the decoded source string (identity
for plain text; piecewise for HTML, where tags and collapsed white space are
gone), and a :class:`LinePositions` takes a source offset to a 1-based line and
column (columns count characters, not bytes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map: text offset -> source offset.

    ``text_starts[i]`` in the text corresponds to ``source_starts[i]`` in the
    source; inside a piece, offsets advance together.  An empty map is the
    identity.
    """

    text_starts: tuple[int, ...] = ()
    source_starts: tuple[int, ...] = ()

    def to_source(self, offset: int) -> int:
        if not self.text_starts:
            return offset
        i = bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return self.source_starts[0]
        return self.source_starts[i] + (offset - self.text_starts[i])

    def then(self, other: OffsetMap) -> OffsetMap:
        """The map ``self`` followed by ``other`` (text -> mid -> source)."""
        if not self.text_starts:
            return other
        if not other.text_starts:
            return self
        # Break points of both maps, expressed in this map's text offsets.
        points = set(self.text_starts)
        inverse_starts = list(self.source_starts)
        for mid_start in other.text_starts:
            i = bisect_right(inverse_starts, mid_start) - 1
            if i >= 0:
                points.add(self.text_starts[i] + mid_start - self.source_starts[i])
        text_starts = tuple(sorted(points))
        return OffsetMap(text_starts, tuple(other.to_source(self.to_source(t)) for t in text_starts))


class LinePositions:
    """1-based (line, column) of offsets in a source string."""

    def __init__(self, source: str, first_line: int = 1, column_map: Sequence[int] | None = None):
        # A line ends at "\n", "\r\n" or a lone "\r".
        self._line_starts = [0, *(match.end() for match in LINE_BREAK.finditer(source))]
        self._first_line = first_line
        # For a JSON Lines record the source is a decoded string field: each of
        # its characters sits at a known column of the raw line.
        self._column_map = column_map
        self._length = len(source)

    def line_column(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        if self._column_map is not None:
            index = min(offset, len(self._column_map) - 1)
            return self._first_line, (self._column_map[index] + 1 if index >= 0 else 1)
        i = bisect_right(self._line_starts, offset) - 1
        return self._first_line + i, offset - self._line_starts[i] + 1
