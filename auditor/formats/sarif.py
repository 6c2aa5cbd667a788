"""SARIF 2.1.0, for code-scanning UIs: findings shown on the article's own lines.

One run per report.  Rules come from the rules' own metadata (the same fields
``audit rules`` prints).  What SARIF has no place for — an article's cited sources,
its AI disclosure, its lean on sources — goes into property bags: per article on
the artifact, per run for the summary.  Output is deterministic: no timestamps,
no machine names, stable order.

Findings an editor accepted are results too, marked as suppressed (SARIF 2.1.0 §3.35,
``suppressions``), so code-scanning UIs show them as dismissed instead of losing them:
an ``audit-ignore`` marker in the article is kind ``inSource`` with the marker's reason as
justification, a ``--baseline`` file kind ``external``.  They never fail the gate.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from typing import Any
from urllib.parse import quote

from auditor import __version__
from auditor.findings import Finding, severity_rank
from auditor.formats.json_report import finding_dict, lean_dict
from auditor.formats.rule_docs import rule_docs_url
from auditor.pipeline.report import ArticleReport, FileError, Report
from auditor.rule import Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "provenance-auditor"
# Where SARIF consumers resolve relative artifact URIs: the folder the audit ran in
# (GitHub code scanning maps %SRCROOT% to the repository checkout).
URI_BASE_ID = "%SRCROOT%"
# Used when the installed distribution declares no home page of its own.
FALLBACK_INFORMATION_URI = "https://pypi.org/project/provenance-auditor/"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASELINE_JUSTIFICATION = "accepted by the --baseline file"


def _accepted(article: ArticleReport) -> list[tuple[Finding, dict[str, str]]]:
    """The article's accepted findings, each with its SARIF suppression."""
    accepted = [(finding, {"kind": "inSource", "status": "accepted", "justification": reason})
                for finding, reason in article.suppressed]
    accepted += [(finding, {"kind": "external", "status": "accepted", "justification": BASELINE_JUSTIFICATION})
                 for finding in article.baselined_findings]
    return accepted


def _all_findings(report: Report):
    for article in report.articles:
        yield from article.findings
        yield from (finding for finding, _ in _accepted(article))


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"


def sarif_log(report: Report) -> dict[str, Any]:
    rules = _rules_for(report)
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    artifacts, artifact_index = _artifacts(report)
    threshold = severity_rank(report.fail_on)
    results = [
        _result(article, finding, rule_index, artifact_index, threshold)
        for article in report.articles
        for finding in article.findings
    ]
    # accepted findings after the open ones, so the open results keep their order
    results += [
        _result(article, finding, rule_index, artifact_index, threshold, suppression)
        for article in report.articles
        for finding, suppression in _accepted(article)
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": information_uri(),
                "rules": rules,
            }
        },
        "invocations": [_invocation(report, artifact_index)],
        "originalUriBaseIds": {URI_BASE_ID: {"uri": _base_uri()}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",  # finding columns count characters, not UTF-16 units
        "properties": {
            "failOn": report.fail_on,
            "summary": report.counts(),
            "articles": [_article_properties(article) for article in report.articles],
        },
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def _rules_for(report: Report) -> list[dict[str, Any]]:
    """Descriptors for every rule that ran, plus any rule a finding names that the registry lacks."""
    from auditor.pipeline.registry import load_rules

    known = load_rules().by_code()
    codes = set(report.rules) | {f.rule for f in _all_findings(report)}
    descriptors = []
    for code in sorted(codes):
        rule = known.get(code)
        descriptors.append(_rule_descriptor(rule) if rule else _unknown_rule_descriptor(code, report))
    return descriptors


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    help_text = (
        f"{rule.summary}\n\nWhy it matters: {rule.rationale}\n\n"
        f"Flagged:\n{_indent(rule.flagged)}\n\nNot flagged:\n{_indent(rule.not_flagged)}"
    )
    help_markdown = (
        f"{rule.summary}\n\n**Why it matters.** {rule.rationale}\n\n"
        f"**Flagged:**\n\n```\n{rule.flagged}\n```\n\n**Not flagged:**\n\n```\n{rule.not_flagged}\n```"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text, "markdown": help_markdown},
        "helpUri": rule_docs_url(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "category": rule.category,
            "tags": [rule.category],
            "scopes": list(rule.scopes),
            "languages": list(rule.languages),
        },
    }


def _unknown_rule_descriptor(code: str, report: Report) -> dict[str, Any]:
    # A finding from a rule the registry no longer lists (a pack that failed to load
    # after the audit, a stage rule): describe it from the finding itself.
    sample = next(f for f in _all_findings(report) if f.rule == code)
    return {
        "id": code,
        "name": sample.name,
        "shortDescription": {"text": sample.name},
        "defaultConfiguration": {"level": LEVELS[sample.severity]},
        "properties": {"category": sample.category, "tags": [sample.category]},
    }


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def _result(
    article: ArticleReport,
    finding: Finding,
    rule_index: dict[str, int],
    artifact_index: dict[str, int],
    threshold: int,
    suppression: dict[str, str] | None = None,
) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "category": finding.category,
        "severity": finding.severity,
        "failsGate": suppression is None and severity_rank(finding.severity) >= threshold,
        "excerpt": finding.excerpt,
        "offsets": [finding.start, finding.end],
    }
    if article.record is not None:
        properties["record"] = article.record
    details = finding_dict(finding)
    if "sources" in details:
        properties["sources"] = details["sources"]
    if "data" in details:
        properties["data"] = details["data"]
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact_location(article.path, artifact_index),
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": finding.end_line,
                        "endColumn": max(finding.end_column, 1),
                    },
                }
            }
        ],
        "fingerprints": {"provenanceAuditor/v1": _fingerprint(article, finding)},
        # an empty list says "not suppressed"; absent would mean "not known" (SARIF §3.27.23)
        "suppressions": [suppression] if suppression else [],
        "properties": properties,
    }


def _fingerprint(article: ArticleReport, finding: Finding) -> str:
    """Identity that survives edits elsewhere in the article: rule, article and matched text, not line numbers."""
    key = "\x1f".join((finding.rule, article.display_path, " ".join(finding.excerpt.split())))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _artifacts(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One artifact per file (a JSON Lines file holds many articles but is one artifact)."""
    paths: list[str] = []
    formats: dict[str, str] = {}
    encodings: dict[str, str] = {}
    for article in report.articles:
        if article.path not in formats:
            paths.append(article.path)
            formats[article.path] = article.format
            encodings[article.path] = article.encoding
    for error in report.errors:
        if error.path not in formats and error.path not in paths:
            paths.append(error.path)
    index = {path: position for position, path in enumerate(paths)}
    artifacts = []
    for path in paths:
        artifact: dict[str, Any] = {"location": _uri(path), "roles": ["analysisTarget"]}
        if path in encodings:
            artifact["encoding"] = encodings[path]
            artifact["properties"] = {"format": formats[path]}
        artifacts.append(artifact)
    return artifacts, index


def _artifact_location(path: str, artifact_index: dict[str, int]) -> dict[str, Any]:
    return {**_uri(path), "index": artifact_index[path]}


def _uri(path: str) -> dict[str, Any]:
    """A relative URI under %SRCROOT% where the path lies under the working folder, else an absolute file URI."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.getcwd())
    if relative == os.pardir or relative.startswith(os.pardir + os.sep) or os.path.isabs(relative):
        return {"uri": "file://" + quote(absolute.replace(os.sep, "/"))}
    return {"uri": quote(relative.replace(os.sep, "/")), "uriBaseId": URI_BASE_ID}


def _base_uri() -> str:
    return "file://" + quote(os.getcwd().replace(os.sep, "/").rstrip("/")) + "/"


def _invocation(report: Report, artifact_index: dict[str, int]) -> dict[str, Any]:
    invocation: dict[str, Any] = {
        # Files that could not be read leave the analysis incomplete: say so.
        "executionSuccessful": not report.errors,
        "toolExecutionNotifications": [_read_error(error, artifact_index) for error in report.errors],
    }
    if report.warnings:
        invocation["toolConfigurationNotifications"] = [
            {"level": "warning", "message": {"text": warning}} for warning in report.warnings
        ]
    return invocation


def _read_error(error: FileError, artifact_index: dict[str, int]) -> dict[str, Any]:
    where = f"{error.path}:{error.record}" if error.record is not None else error.path
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": f"{where}: {error.error}"},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(error.path, artifact_index)}}],
        "descriptor": {"id": "read-error"},
    }
    if error.record is not None:
        notification["properties"] = {"record": error.record}
    return notification


def _article_properties(article: ArticleReport) -> dict[str, Any]:
    data: dict[str, Any] = {"path": article.display_path, "language": article.language}
    data["sources"] = [source.as_dict() for source in article.sources]
    data["aiDisclosure"] = article.ai_disclosure
    data["lean"] = [lean_dict(entry) for entry in article.lean]
    return data


def information_uri() -> str:
    try:
        meta = metadata.metadata(TOOL_NAME)
    except metadata.PackageNotFoundError:
        return FALLBACK_INFORMATION_URI
    home = meta.get("Home-page")
    if home and home.lower() != "unknown":
        return home
    return FALLBACK_INFORMATION_URI
