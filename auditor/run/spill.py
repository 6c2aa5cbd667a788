"""What a run holds for every document, kept on disk: its reports and its body texts.

At 100,000 articles the reports alone (findings, sources, lean evidence) take several
hundred megabytes as Python objects, and the compressed bodies about a hundred more; every
output format reads the reports one after another, and the lean stage needs a few bodies
at a time, so nothing needs them all in memory at once. :class:`Articles` keeps the first
``KEEP_IN_MEMORY`` reports as they are (a draft or a small folder never touches the disk)
and pickles the rest into an unnamed temporary file; a :class:`Shelf` writes every body (or
sketch) to one. The operating system removes such a file when its object goes away,
however the run ends.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from auditor.pipeline.report import ArticleReport

__all__ = ["Articles", "Shelf", "KEEP_IN_MEMORY"]

# Reports kept as objects before the rest goes to disk: a few megabytes at most.
KEEP_IN_MEMORY = 2000
_WRITE_BUFFER = 1 << 20  # bytes gathered before one write
_READ_BLOCK = 1 << 20  # bytes read at a time when going through the file in order


class _Records:
    """Byte strings appended to an unnamed temporary file (opened with the first write),
    read back by number with positioned reads, so several readers and the writer never
    share a file position."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._file: Any = None
        self._ends = array("q")  # where each record ends in the file
        self._pending = bytearray()  # records not yet written
        self._written = 0  # bytes in the file

    def append(self, data: bytes) -> None:
        self._pending += data
        self._ends.append(self._written + len(self._pending))
        if len(self._pending) >= _WRITE_BUFFER:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix=self._prefix)
            os.pwrite(self._file.fileno(), self._pending, self._written)
            self._written += len(self._pending)
            self._pending = bytearray()

    def _start(self, number: int) -> int:
        return self._ends[number - 1] if number else 0

    def _read(self, start: int, end: int) -> bytes:
        if end == start:
            return b""
        if end > self._written:
            self._flush()
        return os.pread(self._file.fileno(), end - start, start)

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, number: int) -> bytes:
        return self._read(self._start(number), self._ends[number])

    def __iter__(self) -> Iterator[bytes]:
        """The records there are now, in order, a block of about ``_READ_BLOCK`` bytes a read."""
        count, at = len(self._ends), 0
        while at < count:
            start = self._start(at)
            last = at
            while last + 1 < count and self._ends[last + 1] - start <= _READ_BLOCK:
                last += 1
            block = self._read(start, self._ends[last])
            for number in range(at, last + 1):
                yield block[self._start(number) - start:self._ends[number] - start]
            at = last + 1


class Articles(Sequence[ArticleReport]):
    """An append-only sequence of article reports, equal to any sequence of the same reports."""

    def __init__(self, reports: Iterable[ArticleReport] = (), keep_in_memory: int | None = None):
        self._limit = KEEP_IN_MEMORY if keep_in_memory is None else keep_in_memory
        self._held: list[ArticleReport] = []
        self._spilled = _Records("audit-reports-")  # the pickles of the reports past the limit
        for report in reports:
            self.append(report)

    def append(self, report: ArticleReport) -> None:
        if len(self._held) < self._limit:
            self._held.append(report)
        else:
            self._spilled.append(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))

    @property
    def on_disk(self) -> int:
        """How many of the reports are in the file rather than in memory."""
        return len(self._spilled)

    def __len__(self) -> int:
        return len(self._held) + len(self._spilled)

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
        return pickle.loads(self._spilled[index - len(self._held)])

    def __iter__(self) -> Iterator[ArticleReport]:
        # a copy of what is held: appends may come while an iteration is under way
        yield from list(self._held)
        for data in self._spilled:
            yield pickle.loads(data)

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
        self._records = _Records("audit-shelf-")
        self._position: dict[str, int] = {}
        self._labels: list[str] = []

    def add(self, key: str, data: bytes, label: str) -> None:
        if key in self._position:
            raise ValueError(f"document key {key!r} given twice")
        self._position[key] = len(self._records)
        self._records.append(data)
        self._labels.append(label)

    def update(self, items: Mapping[str, tuple[bytes, str]]) -> None:
        for key, (data, label) in items.items():
            self.add(key, data, label)

    def __getitem__(self, key: str) -> tuple[bytes, str]:
        at = self._position[key]
        return self._records[at], self._labels[at]

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)
