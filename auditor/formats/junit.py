"""JUnit XML, for the test tabs of CI systems: one test case per article.

An article "fails" when it has findings at or above the report's gate
(``fail_on``): one ``<failure>`` per such finding, typed by its rule code.
Findings below the gate, cited sources, AI disclosure and lean go to
``<system-out>`` so the CI page still shows them.  A file that could not be
read is a test case with an ``<error>``.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

from auditor.findings import Finding, severity_rank
from auditor.pipeline.report import ArticleReport, FileError, Report

SUITE_NAME = "provenance-auditor"
# Characters XML 1.0 forbids even when escaped; scraped text does carry them (form feeds, NULs).
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_junit(report: Report) -> str:
    threshold = severity_rank(report.fail_on)
    cases = [_article_case(article, threshold) for article in report.articles]
    cases += [_error_case(error) for error in report.errors]
    # JUnit's `failures` counts <failure> elements, not test cases: an article can fail several times.
    failed = sum(len(case.findall("failure")) for case in cases)
    errored = len(report.errors)

    counts = {"tests": str(len(cases)), "failures": str(failed), "errors": str(errored), "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "fail_on", "value": report.fail_on})
    for warning in report.warnings:
        ET.SubElement(properties, "property", {"name": "warning", "value": warning})
    suite.extend(cases)
    ET.indent(root)
    for element in root.iter():
        element.text = _xml_safe(element.text)
        for key, value in element.attrib.items():
            element.attrib[key] = _xml_safe(value)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _xml_safe(text: str | None) -> str | None:
    return None if text is None else _NOT_XML.sub("\ufffd", text)


def _classname(path: str) -> str:
    """CI tabs group test cases by class: group articles by their folder."""
    folder = os.path.dirname(os.path.normpath(path))
    return folder.replace(os.sep, ".").strip(".") or "."


def _article_case(article: ArticleReport, threshold: int) -> ET.Element:
    case = ET.Element("testcase", {"classname": _classname(article.path), "name": article.display_path})
    below: list[Finding] = []
    for finding in article.findings:
        if severity_rank(finding.severity) >= threshold:
            failure = ET.SubElement(
                case, "failure", {"message": f"{finding.rule} {finding.message}", "type": finding.rule}
            )
            failure.text = _finding_line(article, finding)
        else:
            below.append(finding)
    out = ET.SubElement(case, "system-out")
    out.text = "\n".join(_summary_lines(article, below)) + "\n"
    return case


def _finding_line(article: ArticleReport, finding: Finding) -> str:
    return (
        f"{article.display_path}:{finding.line}:{finding.column}: {finding.rule} [{finding.severity}] "
        f"{finding.message}\n    {finding.excerpt}"
    )


def _summary_lines(article: ArticleReport, below_gate: list[Finding]) -> list[str]:
    sources = ", ".join(
        f"{s.name} ({s.domain})" if s.domain else s.name for s in article.sources
    ) or "none cited"
    lines = [
        f"language: {article.language}",
        f"sources: {sources}",
        f"AI disclosure: {'yes' if article.ai_disclosure else 'no'}",
    ]
    for lean in article.lean:
        name = lean.source or "(uncited)"
        score = "n/a" if lean.score is None else f"{lean.score:.2f}"
        target = f" on {lean.document}" if lean.document else ""
        note = f" — {lean.note}" if lean.note else ""
        lines.append(f"lean {name}{target}: {score} {lean.label}{note}")
    if below_gate:
        lines.append("findings below the gate:")
        lines += [_finding_line(article, finding) for finding in below_gate]
    return lines


def _error_case(error: FileError) -> ET.Element:
    name = f"{error.path}:{error.record}" if error.record is not None else error.path
    case = ET.Element("testcase", {"classname": _classname(error.path), "name": name})
    failure = ET.SubElement(case, "error", {"message": error.error, "type": "read-error"})
    failure.text = f"{name}: {error.error}"
    return case
