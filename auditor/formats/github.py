"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Syntax from GitHub's documentation, "Workflow commands for GitHub Actions"
(docs.github.com/en/actions/reference/workflow-commands-for-github-actions):
``::error file={name},line={line},col={col},endLine={endLine},endColumn={endColumn},title={title}::{message}``,
with ``warning`` and ``notice`` for the other levels.  Escaping follows the runner's own
toolkit (actions/toolkit, packages/core/src/command.ts): in the message ("data") ``%``,
CR and LF become ``%25``, ``%0D``, ``%0A``; in a property value ``:`` and ``,`` also become
``%3A`` and ``%2C``, since they would otherwise end the value.
"""

from __future__ import annotations

from auditor.pipeline.report import Report

# severity -> workflow command
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + rendered if rendered else ''}::{escape_data(message)}"


def render_github(report: Report) -> str:
    lines = []
    for article in report.articles:
        for finding in article.findings:
            message = finding.message
            if article.record is not None:
                message = f"record {article.record}: {message}"
            lines.append(
                command(
                    COMMANDS[finding.severity],
                    message,
                    file=article.path,
                    line=finding.line,
                    col=finding.column,
                    endLine=finding.end_line,
                    endColumn=max(finding.end_column, 1),
                    title=f"{finding.rule} {finding.name}",
                )
            )
    for error in report.errors:
        where = f"record {error.record}: " if error.record is not None else ""
        lines.append(command("error", f"{where}not audited: {error.error}", file=error.path))
    lines += [command("warning", warning) for warning in report.warnings]
    return "".join(line + "\n" for line in lines)
