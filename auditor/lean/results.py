"""What lean is asked and answers, as plain data: a cited source, the aligned passages
(evidence), a pair's score, and a report's lean entry. Light on purpose: the report and the rules import these types without
the scoring machinery (scikit-learn) behind them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CitedSource:
    """A source an article cites, as lean looks it up among the run's documents."""

    name: str
    domain: str | None


@dataclass(frozen=True)
class Evidence:
    """One aligned passage: an article sentence and the source sentence it derives from."""

    article_span: tuple[int, int]  # [start, end) into the article's body text
    source_span: tuple[int, int]  # [start, end) into the source's body text
    article_text: str
    source_text: str


@dataclass(frozen=True)
class Lean:
    """How much one text leans on another (``score.score_pair``)."""

    score: float  # in [0, 1]: share of the article derived from the source (see score.py's bands)
    label: str  # "copy" | "rewrite" | "translation" | "partial" | "independent"
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class LeanResult:
    """One lean entry of an article's report: a cited source resolved (or not) to a document
    of the run, or a document the article leans on without citing it."""

    source: str | None  # the cited name; None for an uncited lean
    document: str | None  # key of the document the source resolved to; None when unavailable
    score: float | None
    label: str  # a Lean label, or "unavailable" when no document was found
    evidence: tuple[Evidence, ...] = ()
    cited: bool = True
    note: str = ""
