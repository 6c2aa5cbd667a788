"""Stage 5: the report object every output format renders from (its JSON form is
:mod:`auditor.formats.json_report`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor.findings import Finding, Source, severity_rank
from auditor.lean.results import LeanResult


@dataclass(frozen=True)
class ArticleReport:
    path: str
    format: str
    language: str
    encoding: str
    sources: tuple[Source, ...]
    ai_disclosure: bool
    findings: tuple[Finding, ...]
    record: int | None = None
    lean: tuple[LeanResult, ...] = ()
    rule_failures: tuple[tuple[str, str], ...] = ()
    # Findings an inline marker accepted, each with the marker's reason; they do not fail the gate.
    suppressed: tuple[tuple[Finding, str], ...] = ()
    baselined: int = 0  # findings the --baseline file accepted (left out of ``findings``)
    baselined_findings: tuple[Finding, ...] = ()  # those findings, for formats that list accepted ones (SARIF)
    # The inline markers, kept so findings added after lean can be accepted too.
    suppressions: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    # The audited text, for formats that show it (HTML); not part of the JSON report.
    text: str = field(default="", repr=False, compare=False)
    body_offset: int = 0  # where the body starts in ``text``: lean evidence spans count from here

    @property
    def display_path(self) -> str:
        return f"{self.path}:{self.record}" if self.record is not None else self.path


@dataclass(frozen=True)
class FileError:
    path: str
    error: str
    record: int | None = None


@dataclass(frozen=True)
class Report:
    articles: Sequence[ArticleReport]  # a tuple, or auditor.run.spill.Articles for a run's reports
    errors: tuple[FileError, ...]
    fail_on: str = "error"
    rules: tuple[str, ...] = ()
    skipped_files: int = 0
    warnings: tuple[str, ...] = field(default=())  # run-level notes: rule packs that failed to load...
    # Texts of documents from a --sources folder that lean resolved to (path -> body text), for the HTML view.
    source_texts: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def failing_findings(self) -> list[tuple[ArticleReport, Finding]]:
        threshold = severity_rank(self.fail_on)
        return [(a, f) for a in self.articles for f in a.findings if severity_rank(f.severity) >= threshold]

    def article_fails(self, article: ArticleReport) -> bool:
        """Whether this article has a finding at or above the gate's severity."""
        threshold = severity_rank(self.fail_on)
        return any(severity_rank(f.severity) >= threshold for f in article.findings)

    def counts(self) -> dict[str, int]:
        by_severity = {"error": 0, "warning": 0, "info": 0}
        for article in self.articles:
            for finding in article.findings:
                by_severity[finding.severity] += 1
        return {
            "articles": len(self.articles),
            "articles_with_findings": sum(
                1 for a in self.articles if any(f.severity != "info" for f in a.findings)
            ),
            "errors_in_input": len(self.errors),
            "skipped_files": self.skipped_files,
            **{f"findings_{k}": v for k, v in by_severity.items()},
            "failing": len(self.failing_findings()),
        }
