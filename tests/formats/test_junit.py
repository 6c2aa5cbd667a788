"""`audit --format junit`: one test case per article, a failure per finding at or above the gate."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from conftest import ROOT, in_folder

from auditor.findings import severity_rank
from auditor.formats import render


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
    assert int(suite.get("failures")) == sum(1 for a in corpus_report.articles if a.findings)


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
