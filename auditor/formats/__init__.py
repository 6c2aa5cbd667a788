"""Output formats.  Every format renders the same report object (auditor.pipeline.report.Report)."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module

from auditor.pipeline.report import Report

# format name -> "module:function" taking a Report and returning the file's text
RENDERERS = {
    "text": "auditor.formats.text:render_text",
    "json": "auditor.formats.json_report:render_json",
    "sarif": "auditor.formats.sarif:render_sarif",
    "junit": "auditor.formats.junit:render_junit",
    "html": "auditor.formats.html:render_html",
    "github": "auditor.formats.github:render_github",
    "concise": "auditor.formats.concise:render_concise",
    "rdjson": "auditor.formats.rdjson:render_rdjson",
}


# Formats that read the articles' own texts (ArticleReport.text): a run rendering one keeps them.
# rdjson counts columns in UTF-8 bytes, and only the line's text says how many bytes a column is.
NEEDS_TEXTS = frozenset({"html", "rdjson"})


# formats that can also be written piece by piece: "module:function" returning the text in pieces
STREAMERS = {
    "json": "auditor.formats.json_report:iter_json",
}


def _function(spec: str):
    module_name, function_name = spec.split(":")
    return getattr(import_module(module_name), function_name)


def render(report: Report, output_format: str) -> str:
    return _function(RENDERERS[output_format])(report)


def render_pieces(report: Report, output_format: str) -> Iterable[str]:
    """The same text as ``render``, in pieces where the format allows (a large corpus's JSON
    report need not be held whole)."""
    if output_format in STREAMERS:
        return _function(STREAMERS[output_format])(report)
    return (render(report, output_format),)
