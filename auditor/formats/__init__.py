"""Output formats.  Every format renders the same report object (auditor.report.Report)."""

from __future__ import annotations

from importlib import import_module

from auditor.report import Report

# format name -> "module:function" taking a Report and returning the file's text
RENDERERS = {
    "text": "auditor.render_text:render_text",
    "json": "auditor.report:render_json",
    "sarif": "auditor.formats.sarif:render_sarif",
    "junit": "auditor.formats.junit:render_junit",
    "html": "auditor.formats.html:render_html",
}


def render(report: Report, output_format: str) -> str:
    module_name, function_name = RENDERERS[output_format].split(":")
    return getattr(import_module(module_name), function_name)(report)
