"""What a run holds for every document, kept on disk: its reports and its body texts.

At 100,000 articles the reports alone (findings, sources, lean evidence) take several
hundred megabytes as Python objects, and the compressed bodies about a hundred more; every
output format reads the reports one after another, and the lean stage needs a few bodies
at a time, so nothing needs them all in memory at once. :class:`Articles` keeps the first
``KEEP_IN_MEMORY`` reports as they are (a draft or a small folder never touches the disk)
and pickles the rest into an unnamed temporary file; a :class:`Shelf` writes every body (or
sketch) to one. The operating system removes such a file when its object goes away, however the run
ends.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from auditor.report import ArticleReport

__all__ = ["Articles", "Shelf", "KEEP_IN_MEMORY"]

# Reports kept as objects before the rest goes to disk: a few megabytes at most.
KEEP_IN_MEMORY = 2000
_WRITE_BUFFER = 1 << 20  # bytes gathered before one write
_READ_BLOCK = 1 << 20  # bytes read at a time when going through the file in order


class Articles(Sequence[ArticleReport]):
    """An append-only sequence of article reports, equal to any sequence of the same reports."""

    def __init__(self, reports: Iterable[ArticleReport] = (), keep_in_memory: int | None = None):
        self._limit = KEEP_IN_MEMORY if keep_in_memory is None else keep_in_memory
        self._held: list[ArticleReport] = []
        self._file: Any = None  # the temporary file, opened on the first report past the limit
        self._ends: list[int] = []  # where each spilled report's pickle ends in the file
        self._pending = bytearray()  # pickles not yet written
        self._written = 0  # bytes in the file
        for report in reports:
            self.append(report)

    def append(self, report: ArticleReport) -> None:
        if len(self._held) < self._limit:
            self._held.append(report)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="audit-reports-")
        self._pending += pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        self._ends.append(self._written + len(self._pending))
        if len(self._pending) >= _WRITE_BUFFER:
            self._flush()

    @property
    def on_disk(self) -> int:
        """How many of the reports are in the file rather than in memory."""
        return len(self._ends)

    def _flush(self) -> None:
        if self._pending:
            os.pwrite(self._file.fileno(), self._pending, self._written)
            self._written += len(self._pending)
            self._pending = bytearray()

    def _span(self, spilled: int) -> tuple[int, int]:
        return (self._ends[spilled - 1] if spilled else 0), self._ends[spilled]

    def __len__(self) -> int:
        return len(self._held) + len(self._ends)

    @overload
    def __getitem__(self, index: int) -> ArticleReport: ...
    @overload
    def __getitem__(self, index: slice) -> list[ArticleReport]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("article index out of range")
        if index < len(self._held):
            return self._held[index]
        self._flush()
        start, end = self._span(index - len(self._held))
        return pickle.loads(os.pread(self._file.fileno(), end - start, start))

    def __iter__(self) -> Iterator[ArticleReport]:
        yield from list(self._held)
        # Positional reads: several iterations (and appends) may be under way at once.
        count = len(self._ends)
        self._flush()
        at = 0
        while at < count:
            start = self._span(at)[0]
            last = at
            while last + 1 < count and self._ends[last + 1] - start <= _READ_BLOCK:
                last += 1
            block = os.pread(self._file.fileno(), self._ends[last] - start, start)
            for i in range(at, last + 1):
                begin, end = self._span(i)
                yield pickle.loads(block[begin - start:end - start])
            at = last + 1

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # mutable: appends change it

    def __repr__(self) -> str:
        return f"Articles({len(self)} reports, {self.on_disk} on disk)"


class Shelf(Mapping[str, tuple[bytes, str]]):
    """Document key -> (bytes, a short label), the bytes in a temporary file: a run's
    compressed bodies (labelled with their language) or its pickled sketches. In memory: a
    position and the label per key (about 150 bytes, against about a kilobyte for a news
    article's compressed body or its sketch)."""

    def __init__(self) -> None:
        self._file: Any = None  # opened on the first write
        self._position: dict[str, int] = {}
        self._ends = array("q")
        self._labels: list[str] = []
        self._pending = bytearray()
        self._written = 0

    def add(self, key: str, data: bytes, label: str) -> None:
        if key in self._position:
            raise ValueError(f"document key {key!r} given twice")
        self._position[key] = len(self._ends)
        self._pending += data
        self._ends.append(self._written + len(self._pending))
        self._labels.append(label)
        if len(self._pending) >= _WRITE_BUFFER:
            self._flush()

    def update(self, items: Mapping[str, tuple[bytes, str]]) -> None:
        for key, (data, label) in items.items():
            self.add(key, data, label)

    def _flush(self) -> None:
        if self._pending:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="audit-shelf-")
            os.pwrite(self._file.fileno(), self._pending, self._written)
            self._written += len(self._pending)
            self._pending = bytearray()

    def __getitem__(self, key: str) -> tuple[bytes, str]:
        at = self._position[key]
        start = self._ends[at - 1] if at else 0
        if self._ends[at] == start:
            return b"", self._labels[at]
        if self._ends[at] > self._written:
            self._flush()
        return os.pread(self._file.fileno(), self._ends[at] - start, start), self._labels[at]

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)
