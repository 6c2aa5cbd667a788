"""`audit --format junit`: one test case per article, a failure per finding at or above the gate."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from conftest import ROOT, in_folder

from auditor.findings import Finding, severity_rank
from auditor.formats import render
from auditor.pipeline.report import ArticleReport, FileError, Report


def parse(report) -> ET.Element:
    with in_folder(ROOT):
        return ET.fromstring(render(report, "junit").encode("utf-8"))


def test_one_suite_and_one_test_case_per_article(corpus_report) -> None:
    root = parse(corpus_report)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [a.display_path for a in corpus_report.articles]
    assert {c.get("classname") for c in cases} == {"corpus"}
    assert suite.get("tests") == "5"


def test_failures_are_the_findings_at_or_above_the_gate(corpus_report) -> None:
    cases = {c.get("name"): c for c in parse(corpus_report).iter("testcase")}
    threshold = severity_rank(corpus_report.fail_on)
    for article in corpus_report.articles:
        case = cases[article.display_path]
        gate = [f for f in article.findings if severity_rank(f.severity) >= threshold]
        failures = case.findall("failure")
        assert [f.get("type") for f in failures] == [f.rule for f in gate]
        for element, finding in zip(failures, gate):
            assert f":{finding.line}:{finding.column}:" in element.text
            assert finding.message in element.get("message")
        below = [f for f in article.findings if f not in gate]
        out = case.findtext("system-out")
        assert all(f"{finding.rule} [{finding.severity}]" in out for finding in below)
    cookie = [f for f in cases[next(n for n in cases if "002_" in n)].findall("failure") if f.get("type") == "CK001"]
    assert len(cookie) == 1 and "cookies" in cookie[0].text


def test_lowering_the_gate_turns_notes_into_failures(corpus_report) -> None:
    strict = dataclasses.replace(corpus_report, fail_on="info")
    cases = {c.get("name"): c for c in parse(strict).iter("testcase")}
    article_003 = next(a for a in corpus_report.articles if "003_" in a.path)
    assert "AI001" in [f.get("type") for f in cases[article_003.display_path].findall("failure")]
    suite = parse(strict).find("testsuite")
    assert int(suite.get("failures")) == sum(len(a.findings) for a in corpus_report.articles)


def test_sources_disclosure_and_lean_are_shown_in_system_out(corpus_report) -> None:
    cases = {c.get("name"): c for c in parse(corpus_report).iter("testcase")}
    out_000 = next(c for n, c in cases.items() if "000_" in n).findtext("system-out")
    assert "Dantri (dantri.com.vn)" in out_000 and "001_66b1be0705075d55.txt" in out_000
    out_003 = next(c for n, c in cases.items() if "003_" in n).findtext("system-out")
    assert "AI disclosure: yes" in out_003


def test_read_errors_are_error_test_cases(corpus_with_unreadable_file) -> None:
    folder, report = corpus_with_unreadable_file
    with in_folder(folder):
        root = ET.fromstring(render(report, "junit").encode("utf-8"))
    errors = {c.get("name"): c.find("error") for c in root.iter("testcase") if c.find("error") is not None}
    assert set(errors) == {"corpus/empty.txt", "corpus/picture.txt"}
    assert root.find("testsuite").get("errors") == "2"
    assert root.find("testsuite").get("tests") == str(len(report.articles) + 2)


def assert_failure_counts_match_elements(root: ET.Element) -> int:
    suite = root.find("testsuite")
    elements = len(suite.findall("testcase/failure"))
    assert int(suite.get("failures")) == elements
    assert int(root.get("failures")) == elements
    return elements


def test_failures_attribute_counts_failure_elements_on_the_corpus(corpus_report) -> None:
    elements = assert_failure_counts_match_elements(parse(corpus_report))
    # 002 alone fails three times (DB002, DB001, CK001): more failures than failing articles
    assert elements == len(corpus_report.failing_findings()) > sum(
        1 for a in corpus_report.articles if any(f.severity == "error" for f in a.findings))


def finding(rule: str, severity: str, line: int) -> Finding:
    return Finding(rule=rule, name="synthetic", category="debris", severity=severity, message=f"{rule} here",
                   start=0, end=4, line=line, column=1, end_line=line, end_column=5, excerpt="text")


def test_failures_attribute_counts_failure_elements_on_a_synthetic_report() -> None:
    article = ArticleReport(path="desk/a.txt", format="text", language="en", encoding="utf-8", sources=(),
                            ai_disclosure=False,
                            findings=(finding("CK001", "error", 1), finding("DB001", "error", 2),
                                      finding("DB004", "warning", 3), finding("AI001", "info", 4)))
    clean = ArticleReport(path="desk/b.txt", format="text", language="en", encoding="utf-8", sources=(),
                          ai_disclosure=False, findings=())
    report = Report(articles=(article, clean), errors=(FileError("desk/c.txt", "binary file"),), fail_on="warning")
    root = parse(report)
    assert assert_failure_counts_match_elements(root) == 3  # two errors and the warning; the info is below the gate
    assert root.get("tests") == "3" and root.get("errors") == "1"
