"""reviewdog's Diagnostic JSON (rdjson), for ``reviewdog -f=rdjson``: PR review comments from any CI.

Fields as reviewdog's published schema defines them (reviewdog/reviewdog,
proto/rdf/jsonschema/DiagnosticResult.json; a copy is in tests/formats/): one
``DiagnosticResult`` naming its ``source``, one ``Diagnostic`` per finding with
``message``, ``location`` (``path`` and an end-exclusive ``range``), ``severity``
(ERROR / WARNING / INFO) and ``code`` (the rule code and its documentation URL).

rdjson columns count UTF-8 bytes, findings count characters.  The byte column needs the
line's text before the position: it is taken from the audited text where that text is the
file's own (plain text and Markdown files, when the report kept the texts) and the finding's
position checks out against it.  Otherwise the range is given by lines only, which rdjson
reads as whole lines — never a wrong column.
"""

from __future__ import annotations

import json
from typing import Any

from auditor.findings import Finding
from auditor.formats.rule_docs import rule_docs_url
from auditor.formats.sarif import TOOL_NAME, information_uri
from auditor.pipeline.report import ArticleReport, Report
from auditor.positions import LinePositions

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
# formats whose audited text is the decoded file itself, offset for offset
_VERBATIM_FORMATS = ("text", "markdown")


def render_rdjson(report: Report) -> str:
    return json.dumps(diagnostic_result(report), ensure_ascii=False, indent=2) + "\n"


def diagnostic_result(report: Report) -> dict[str, Any]:
    diagnostics = [_diagnostic(article, finding) for article in report.articles for finding in article.findings]
    for error in report.errors:
        where = f"record {error.record}: " if error.record is not None else ""
        diagnostics.append({
            "message": f"{where}not audited: {error.error}",
            "location": {"path": error.path},
            "severity": "ERROR",
            "code": {"value": "read-error"},
        })
    return {"source": {"name": TOOL_NAME, "url": information_uri()}, "diagnostics": diagnostics}


def _diagnostic(article: ArticleReport, finding: Finding) -> dict[str, Any]:
    message = finding.message if article.record is None else f"record {article.record}: {finding.message}"
    return {
        "message": message,
        "location": {"path": article.path, "range": _range(article, finding)},
        "severity": SEVERITIES[finding.severity],
        "code": {"value": finding.rule, "url": rule_docs_url(finding.rule)},
    }


def _range(article: ArticleReport, finding: Finding) -> dict[str, Any]:
    if _text_is_the_files(article, finding):
        text = article.text
        return {
            "start": {"line": finding.line, "column": _utf8_column(text, finding.start, finding.column)},
            "end": {"line": finding.end_line, "column": _utf8_column(text, finding.end, finding.end_column)},
        }
    return {"start": {"line": finding.line}, "end": {"line": finding.end_line}}


def _text_is_the_files(article: ArticleReport, finding: Finding) -> bool:
    if article.format not in _VERBATIM_FORMATS or article.record is not None or not article.text:
        return False
    # NFC normalisation can shorten a line; then positions in the text differ from the file's.
    positions = LinePositions(article.text)
    return (positions.line_column(finding.start) == (finding.line, finding.column)
            and positions.line_column(finding.end) == (finding.end_line, finding.end_column))


def _utf8_column(text: str, offset: int, column: int) -> int:
    """1-based UTF-8 byte column of ``offset``, whose character column is ``column``."""
    return len(text[offset - (column - 1):offset].encode("utf-8")) + 1
