"""`audit --format github`: one workflow-command annotation per finding, escaped as the runner reads them."""

from __future__ import annotations

import dataclasses
import re

from click.testing import CliRunner
from conftest import ROOT, in_folder

from auditor.cli import main
from auditor.findings import Finding
from auditor.formats import render
from auditor.formats.github import escape_data, escape_property
from auditor.pipeline.report import ArticleReport, FileError, Report

# ::command key=value,key=value::message — values and message hold no raw ':' ',' CR LF (escaped)
ANNOTATION = re.compile(r"^::(?P<command>error|warning|notice)(?: (?P<properties>[^:]*))?::(?P<message>[^\r\n]*)$")


def unescape(text: str) -> str:
    """What the runner decodes: %0D, %0A, %3A, %2C, then %25 last (so an escaped '%' stays itself)."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = ANNOTATION.match(line)
    assert match, line
    properties = {}
    for pair in (match.group("properties") or "").split(","):
        if pair:
            key, _, value = pair.partition("=")
            properties[key] = unescape(value)
    return match.group("command"), properties, unescape(match.group("message"))


def test_one_annotation_per_finding_on_the_findings_own_lines(corpus_report) -> None:
    with in_folder(ROOT):
        lines = render(corpus_report, "github").splitlines()
    findings = [(a, f) for a in corpus_report.articles for f in a.findings]
    assert len(lines) == len(findings) > 0
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for line, (article, finding) in zip(lines, findings):
        command, properties, message = parse(line)
        assert command == levels[finding.severity]
        assert properties == {
            "file": article.path, "line": str(finding.line), "col": str(finding.column),
            "endLine": str(finding.end_line), "endColumn": str(max(finding.end_column, 1)),
            "title": f"{finding.rule} {finding.name}",
        }
        assert message == finding.message
    assert {parse(line)[0] for line in lines} == {"error", "warning", "notice"}


def test_cli_prints_the_annotations_and_keeps_the_gates_exit_code() -> None:
    with in_folder(ROOT):
        result = CliRunner().invoke(main, ["corpus/", "--format", "github", "--no-cache"], catch_exceptions=False)
    assert result.exit_code == 1  # 002's cookie banner still fails the gate
    cookie = [line for line in result.stdout.splitlines() if "title=CK001 " in line]
    assert len(cookie) == 1 and cookie[0].startswith("::error file=corpus/002_93b12c723ebc2ca0.txt,line=32,col=1,")


def test_escaping_of_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext%3A a%2C b"
    assert escape_property("%0A") == "%250A"  # an already-escaped look-alike stays literal


def test_hostile_text_cannot_end_a_property_or_start_a_new_command() -> None:
    hostile = Finding(rule="CK001", name="cookie-banner-text", category="debris", severity="error",
                      message='quoted "a, b: c" 100%\n::error::forged', start=0, end=3, line=2, column=3,
                      end_line=2, end_column=0, excerpt="x")
    article = ArticleReport(path="desk/a,b:c%.txt", format="text", language="en", encoding="utf-8", sources=(),
                            ai_disclosure=False, findings=(hostile,))
    (line,) = render(Report(articles=(article,), errors=()), "github").splitlines()
    command, properties, message = parse(line)
    assert command == "error"
    assert properties["file"] == "desk/a,b:c%.txt" and properties["line"] == "2" and properties["col"] == "3"
    assert properties["endColumn"] == "1"  # a zero end column (an empty span) is still a valid column
    assert message == hostile.message
    # one line: the forged command stays inside the message, never at the start of a line the runner reads
    assert line.endswith("100%25%0A::error::forged")


def test_read_errors_records_and_warnings(corpus_report) -> None:
    record = dataclasses.replace(corpus_report.articles[2], path="feed.jsonl", record=7)
    report = Report(articles=(record,), errors=(FileError("corpus/empty.txt", "no text: the file holds only white space"),
                                                FileError("feed.jsonl", 'line 3: "text" has no visible text', record=3)),
                    warnings=("rule pack x failed to load",))
    lines = render(report, "github").splitlines()
    parsed = [parse(line) for line in lines]
    assert all(message.startswith("record 7: ") for _, _, message in parsed[: len(record.findings)])
    assert parsed[-3] == ("error", {"file": "corpus/empty.txt"}, "not audited: no text: the file holds only white space")
    assert parsed[-2] == ("error", {"file": "feed.jsonl"}, 'record 3: not audited: line 3: "text" has no visible text')
    assert lines[-1] == "::warning::rule pack x failed to load"
