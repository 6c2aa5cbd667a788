"""What the lean stage needs of each document, gathered as the audit round streams in."""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from auditor.lean.results import CitedSource
from auditor.pipeline.read import InputFile
from auditor.run.spill import Shelf

if TYPE_CHECKING:  # a draft audited alone needs neither (nor numpy, which they import)
    from auditor.lean.candidates import Sketch
    from auditor.lean.store import ProfileRef


@dataclass(frozen=True)
class Origin:
    """Where a document came from, so a worker can read it again when it needs it whole."""

    file: InputFile
    record: int | None


@dataclass(frozen=True)
class LeanInput:
    """What the lean stage needs of one document, without the document."""

    key: str
    language: str
    # None for a document alone in its run (nothing to compare it with) and once the lean
    # stage has planned with it
    sketch: Sketch | None
    known_as: tuple[str, ...]
    cited: tuple[CitedSource, ...]
    body: bytes  # the body text, zlib-compressed
    profile: ProfileRef | None = None  # its compact profile in the run's store, where one was written


class LeanItem(NamedTuple):
    """What stays in memory of a lean input once its body and sketch are filed."""

    key: str
    language: str
    known_as: tuple[str, ...]
    cited: tuple[CitedSource, ...]


class LeanInputs:
    """The lean inputs of a run, gathered as they stream in from the workers, in order, with
    little of each kept in memory: its body goes to a file (:class:`auditor.run.spill.Shelf`),
    its sketch into the LSH index and another file (planning reads it back), the names it
    is known by and the sources it cites stay."""

    def __init__(self) -> None:
        self.items: list[LeanItem] = []
        self.bodies = Shelf()  # key -> (compressed body, language)
        self.profiles: dict[str, ProfileRef] = {}
        self._sketches: Shelf | None = Shelf()  # key -> (pickled sketch, "")
        self._index: Any = None  # the CandidateIndex, made with the first sketch
        self._unsketched: list[str] = []  # keys of documents that came without a sketch

    def add(self, item: LeanInput) -> None:
        try:
            self.bodies.add(item.key, item.body, item.language)
        except ValueError:
            raise ValueError("document keys must be unique across articles and sources") from None
        if item.profile is not None:
            self.profiles[item.key] = item.profile
        if item.sketch is None:
            self._unsketched.append(item.key)
        else:
            self._add_sketch(item.sketch)
        self.items.append(LeanItem(item.key, item.language, item.known_as, item.cited))

    def _add_sketch(self, item_sketch: Sketch) -> None:
        from auditor.lean.candidates import CandidateIndex

        if self._sketches is None:
            raise RuntimeError("the lean inputs were planned with: no more sketches")
        if self._index is None:
            self._index = CandidateIndex()
        self._index.add_sketch(item_sketch)
        self._sketches.add(item_sketch.key, pickle.dumps(item_sketch, protocol=pickle.HIGHEST_PROTOCOL), "")

    def indexed(self):
        """The LSH index of every document. A document audited alone (in this run or, from
        the cache, in an earlier one) has no sketch; here it has company, so it gets one."""
        from auditor.lean.candidates import CandidateIndex, sketch

        for key in self._unsketched:
            body, language = self.bodies[key]
            self._add_sketch(sketch(key, zlib.decompress(body).decode("utf-8"), language))
        self._unsketched = []
        if self._index is None:
            self._index = CandidateIndex()
        return self._index

    def sketch_of(self, key: str) -> Sketch:
        assert self._sketches is not None
        return pickle.loads(self._sketches[key][0])

    def planned(self) -> None:
        """Drop the index and the sketches: the plans are made."""
        self._index = self._sketches = None

    def __len__(self) -> int:
        return len(self.items)
