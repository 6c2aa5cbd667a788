"""The readable report: grouped by article, then a summary."""

from __future__ import annotations

from auditor.pipeline.report import ArticleReport, Report
from auditor.wording import counted, severity_totals

SEVERITY_MARK = {"error": "E", "warning": "W", "info": "I"}


def _sources_line(article: ArticleReport) -> str:
    if not article.sources:
        return "none cited"
    parts = []
    for source in article.sources:
        text = source.name + (f" ({source.domain})" if source.domain else "")
        parts.append(text + (f" [{source.role}]" if source.role != "text" else ""))
    return ", ".join(parts)


def render_article(article: ArticleReport) -> list[str]:
    lines = [f"{article.display_path}  [{article.language}, {article.format}]"]
    lines.append(f"  sources: {_sources_line(article)}")
    lines.append(f"  AI disclosure: {'yes' if article.ai_disclosure else 'no'}")
    for lean in article.lean:
        if lean.label == "unavailable":
            lines.append(f"  lean: {lean.note or lean.source + ': source text not available'}")
            continue
        who = lean.source or "(uncited)"
        lines.append(f"  lean: {who} -> {lean.document}: {lean.score:.2f} {lean.label}"
                     + ("" if lean.cited else "  (uncited: near-duplicate)"))
        for pair in lean.evidence[:3]:
            lines.append(f"      \u201c{_clip(pair.article_text)}\u201d")
            lines.append(f"    ~ \u201c{_clip(pair.source_text)}\u201d")
    for finding in article.findings:
        lines.append(
            f"  {finding.line}:{finding.column}: {SEVERITY_MARK[finding.severity]} {finding.rule} "
            f"[{finding.category}] {finding.message}"
        )
        if finding.excerpt:
            lines.append(f"      | {_clip(finding.excerpt, 100)}")
    for finding, reason in article.suppressed:
        lines.append(f"  {finding.line}:{finding.column}: accepted {finding.rule} (audit-ignore: {reason})")
    if article.baselined:
        lines.append(f"  {article.baselined} finding{'s' if article.baselined != 1 else ''} accepted by the baseline")
    for rule, error in article.rule_failures:
        lines.append(f"  rule {rule} failed on this article: {error}")
    return lines


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(report: Report, only_failing: bool = False) -> str:
    """The readable report; ``only_failing`` lists only the articles that fail the gate
    (the summary still counts them all)."""
    out: list[str] = []
    for article in report.articles:
        if only_failing and not report.article_fails(article):
            continue
        out += render_article(article)
        out.append("")
    for error in report.errors:
        where = f"{error.path}:{error.record}" if error.record is not None else error.path
        out.append(f"{where}: error: {error.error}")
    for warning in report.warnings:
        out.append(f"warning: {warning}")
    if report.errors or report.warnings:
        out.append("")
    counts = report.counts()
    if counts["skipped_files"]:
        out.append(f"{counted(counts['skipped_files'], 'file')} skipped: not an article format (.txt, .md, .html, .jsonl ...)")
    out.append(
        f"{counted(counts['articles'], 'article')} audited, {counts['errors_in_input']} could not be read; "
        f"findings: {severity_totals(counts)}."
    )
    failing = counts["failing"]
    if failing:
        verdict = f"FAILED, {counted(failing, 'finding')} at or above {report.fail_on}."
    elif counts["errors_in_input"]:
        verdict = f"not passed: {counted(counts['errors_in_input'], 'input')} could not be read (see the errors above)."
    elif not counts["articles"]:
        verdict = "not passed: nothing was audited."
    else:
        verdict = "passed."
    out.append(f"Gate (fail on {report.fail_on}): {verdict}")
    return "\n".join(out) + "\n"
