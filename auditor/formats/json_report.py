"""The JSON report: the one wire form of a report, versioned (``REPORT_VERSION``) and
documented in docs/report-format.md. Fields are only ever added within a major version.
SARIF's property bags and ``audit compare --format json`` reuse its pieces."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from auditor import __version__
from auditor.findings import Finding
from auditor.lean.results import LeanResult
from auditor.pipeline.report import ArticleReport, Report

REPORT_VERSION = "1.0"


def finding_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "name": finding.name,
        "category": finding.category,
        "severity": finding.severity,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "start": finding.start,
        "end": finding.end,
        "message": finding.message,
        "excerpt": finding.excerpt,
    }
    if finding.sources:
        data["sources"] = [s.as_dict() for s in finding.sources]
    if finding.data:
        data["data"] = dict(finding.data)
    return data


def lean_dict(lean: LeanResult) -> dict[str, Any]:
    return {
        "source": lean.source,
        "document": lean.document,
        "score": None if lean.score is None else round(lean.score, 4),
        "label": lean.label,
        "cited": lean.cited,
        "note": lean.note,
        "evidence": [
            {
                "article_span": list(e.article_span),
                "source_span": list(e.source_span),
                "article_text": e.article_text,
                "source_text": e.source_text,
            }
            for e in lean.evidence
        ],
    }


def article_dict(article: ArticleReport) -> dict[str, Any]:
    data: dict[str, Any] = {"path": article.path}
    if article.record is not None:
        data["record"] = article.record
    data.update(
        {
            "format": article.format,
            "language": article.language,
            "encoding": article.encoding,
            "sources": [s.as_dict() for s in article.sources],
            "ai_disclosure": article.ai_disclosure,
            "findings": [finding_dict(f) for f in article.findings],
            "lean": [lean_dict(entry) for entry in article.lean],
        }
    )
    if article.suppressed:
        data["suppressed"] = [{**finding_dict(f), "reason": reason} for f, reason in article.suppressed]
    if article.baselined:
        data["baselined"] = article.baselined
    if article.rule_failures:
        data["rule_failures"] = [{"rule": r, "error": e} for r, e in article.rule_failures]
    return data


def report_dict(report: Report, with_articles: bool = True) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "provenance-auditor", "version": __version__},
        "fail_on": report.fail_on,
        "rules": list(report.rules),
        "articles": [article_dict(a) for a in report.articles] if with_articles else [],
        "errors": [
            {"path": e.path, "error": e.error, **({"record": e.record} if e.record is not None else {})}
            for e in report.errors
        ],
        "warnings": list(report.warnings),
        "summary": report.counts(),
    }


def render_json(report: Report) -> str:
    return "".join(iter_json(report))


_ARTICLES_HERE = "\u2063articles\u2063"  # stands in for the articles while the rest is dumped


def iter_json(report: Report) -> Iterator[str]:
    """The JSON report in pieces, one article at a time: the text ``json.dumps`` gives for
    ``report_dict(report)`` with indent 2, without ever holding all of it (at 100,000
    articles the whole report is a few hundred MB of text and more as Python objects)."""
    top = report_dict(report, with_articles=False)
    if not report.articles:
        yield json.dumps(top, ensure_ascii=False, indent=2) + "\n"
        return
    top["articles"] = [_ARTICLES_HERE]
    # Nothing before the articles (version, tool, fail_on, rules) can hold the marker.
    head, _, tail = json.dumps(top, ensure_ascii=False, indent=2).partition(
        f"\n    {json.dumps(_ARTICLES_HERE, ensure_ascii=False)}\n")
    yield head + "\n"
    for number, article in enumerate(report.articles):
        # JSON strings hold no raw line breaks, so re-indenting by lines is exact
        text = json.dumps(article_dict(article), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("    " if number == 0 else ",\n    ") + text
    yield "\n" + tail + "\n"
