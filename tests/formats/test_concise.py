"""`audit --format concise`: `path:line:col: CODE message`, one line per finding."""

from __future__ import annotations

import re

from conftest import ROOT, in_folder

from auditor.formats import render

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<rule>[A-Z]+\d+) (?P<message>.+)$")


def test_one_parseable_line_per_finding(corpus_report) -> None:
    with in_folder(ROOT):
        lines = render(corpus_report, "concise").splitlines()
    findings = [(a, f) for a in corpus_report.articles for f in a.findings]
    assert len(lines) == len(findings) > 0
    for line, (article, finding) in zip(lines, findings):
        match = LINE.match(line)
        assert match, line
        assert match.group("path") == article.path
        assert (int(match.group("line")), int(match.group("column"))) == (finding.line, finding.column)
        assert match.group("rule") == finding.rule and match.group("message") == finding.message
    assert "corpus/002_93b12c723ebc2ca0.txt:32:1: CK001 cookie/consent banner text" in lines[5]


def test_read_errors_get_their_own_lines(corpus_with_unreadable_file) -> None:
    folder, report = corpus_with_unreadable_file
    with in_folder(folder):
        lines = render(report, "concise").splitlines()
    errors = sorted(line for line in lines if not LINE.match(line))
    assert [line.split(": error: ")[0] for line in errors] == ["corpus/empty.txt", "corpus/picture.txt"]
