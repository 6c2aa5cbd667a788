"""One line per finding, ``path:line:col: CODE message``, as ruff and flake8 print them.

Editors, ``grep`` and errorformat-style parsers read it as is.  Lines and columns are the
file's own (a JSON Lines record's findings point into its line of the file), so the path
is always the file.  Unreadable files get ``path: error: ...`` and run warnings
``warning: ...``, as in the text report.
"""

from __future__ import annotations

from auditor.pipeline.report import Report


def render_concise(report: Report) -> str:
    lines = [
        f"{article.path}:{finding.line}:{finding.column}: {finding.rule} {_one_line(finding.message)}"
        for article in report.articles
        for finding in article.findings
    ]
    for error in report.errors:
        where = f"{error.path}:{error.record}" if error.record is not None else error.path
        lines.append(f"{where}: error: {_one_line(error.error)}")
    lines += [f"warning: {_one_line(warning)}" for warning in report.warnings]
    return "".join(line + "\n" for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
