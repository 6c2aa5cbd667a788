"""`audit --format rdjson`: reviewdog's Diagnostic JSON, validated against reviewdog's published schema."""

from __future__ import annotations

import dataclasses
import json
import os

import pytest
from conftest import ROOT, in_folder, schema_errors, schema_validator

from auditor.formats import render
from auditor.formats.rule_docs import rule_docs_url


@pytest.fixture(scope="module")
def validator():
    return schema_validator("rdjson-DiagnosticResult.json")


@pytest.fixture(scope="module")
def result(corpus_report) -> dict:
    with in_folder(ROOT):
        return json.loads(render(corpus_report, "rdjson"))


def test_corpus_output_is_valid_rdjson(validator, result) -> None:
    assert validator.schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert schema_errors(validator, result) == []


def test_the_schema_rejects_what_it_should(validator, result) -> None:
    # Guards the validation itself: a severity reviewdog does not know must fail.
    broken = json.loads(json.dumps(result))
    broken["diagnostics"][0]["severity"] = "NOTICE"
    assert schema_errors(validator, broken)
    broken = json.loads(json.dumps(result))
    broken["diagnostics"][0]["location"]["range"]["start"]["line"] = "17"
    assert schema_errors(validator, broken)


def test_one_diagnostic_per_finding_with_its_rule_and_docs(corpus_report, result) -> None:
    assert result["source"]["name"] == "provenance-auditor"
    findings = [(a, f) for a in corpus_report.articles for f in a.findings]
    assert len(result["diagnostics"]) == len(findings) > 0
    levels = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
    for diagnostic, (article, finding) in zip(result["diagnostics"], findings):
        assert diagnostic["message"] == finding.message
        assert diagnostic["severity"] == levels[finding.severity]
        assert diagnostic["code"] == {"value": finding.rule, "url": rule_docs_url(finding.rule)}
        assert diagnostic["location"]["path"] == article.path
        assert diagnostic["location"]["range"]["start"]["line"] == finding.line
        assert diagnostic["location"]["range"]["end"]["line"] == finding.end_line


def file_span(path: str, span: dict) -> str:
    """The text a range covers, columns read as UTF-8 byte offsets of the file's lines (end exclusive)."""
    with open(os.path.join(ROOT, path), "rb") as handle:
        lines = handle.read().split(b"\n")
    start, end = span["start"], span["end"]
    if start["line"] == end["line"]:
        return lines[start["line"] - 1][start["column"] - 1 : end["column"] - 1].decode("utf-8")
    return b"\n".join(
        [lines[start["line"] - 1][start["column"] - 1 :], *lines[start["line"] : end["line"] - 1],
         lines[end["line"] - 1][: end["column"] - 1]]
    ).decode("utf-8")


def test_columns_count_utf8_bytes_so_the_range_covers_the_finding(corpus_report, result) -> None:
    findings = [(a, f) for a in corpus_report.articles for f in a.findings]
    for diagnostic, (article, finding) in zip(result["diagnostics"], findings):
        span = diagnostic["location"]["range"]
        assert file_span(article.path, span) == article.text[finding.start : finding.end]
    # 001's glued sentence sits after Vietnamese text on its line: bytes and characters differ there
    (glued,) = [d for d in result["diagnostics"] if d["code"]["value"] == "DB003"]
    assert file_span(glued["location"]["path"], glued["location"]["range"]) == "MỹTại"
    assert glued["location"]["range"]["start"]["column"] > 223  # the character column


def test_without_the_text_ranges_are_whole_lines_never_wrong_columns(validator, corpus_report) -> None:
    # A CLI run that does not keep the texts: lines are still exact, columns are left out.
    textless = dataclasses.replace(
        corpus_report, articles=tuple(dataclasses.replace(a, text="") for a in corpus_report.articles))
    with in_folder(ROOT):
        data = json.loads(render(textless, "rdjson"))
    assert schema_errors(validator, data) == []
    for diagnostic in data["diagnostics"]:
        assert all("column" not in position for position in diagnostic["location"]["range"].values())


def test_read_errors_are_error_diagnostics_on_the_file(validator, corpus_with_unreadable_file) -> None:
    folder, report = corpus_with_unreadable_file
    with in_folder(folder):
        data = json.loads(render(report, "rdjson"))
    assert schema_errors(validator, data) == []
    errors = [d for d in data["diagnostics"] if d["code"]["value"] == "read-error"]
    assert sorted(d["location"]["path"] for d in errors) == ["corpus/empty.txt", "corpus/picture.txt"]
    assert all(d["severity"] == "ERROR" and "range" not in d["location"] for d in errors)
