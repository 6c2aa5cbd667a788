"""A self-contained HTML report an editor opens in a browser.

One file, no external requests: a verdict banner with the totals, a legend for the
colours, findings per rule as a small bar chart, filters (severity, rule, category, a
text search), a summary table, then each article — failing ones first — with its
findings highlighted in place (hover for the message, click for the details, a link to
the rule's documentation and the marker that accepts the finding), and for each source
an article leans on, the two texts side by side with the aligned passages highlighted in
the same colour and number on both sides.

Safety model (article text is untrusted):
- every piece of article, source and finding text is escaped with
  ``html.escape(quote=True)`` and only ever placed in element content or quoted
  attributes — never in a URL, an event handler or a style;
- the data the script needs is embedded as JSON in a ``type="application/json"``
  block with ``<``, ``>`` and ``&`` escaped, so no text can close the block;
- a Content-Security-Policy meta allows only the report's own script and style,
  by their SHA-256 hashes: a script that slipped through the escaping still would not run;
- the script writes article text with ``textContent`` only, never ``innerHTML``;
- the only links are to the rules' documentation, built by ``rule_docs_url`` from a
  constant, never from article text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from auditor import __version__
from auditor.findings import SEVERITIES, severity_rank
from auditor.formats.rule_docs import rule_docs_url
from auditor.lean.results import LeanResult
from auditor.pipeline.report import ArticleReport, Report
from auditor.wording import counted, noun_for, severity_totals

EVIDENCE_COLOURS = 8  # passage groups cycle through this many colours (classes pg0..pg7)


def escape(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Highlight:
    """A span of text to wrap in ``<mark>``: ``attributes`` are already-escaped name/value pairs."""

    start: int
    end: int
    css_class: str
    attributes: tuple[tuple[str, str], ...]
    first_attributes: tuple[tuple[str, str], ...] = ()  # only on the first piece when a mark is split


def highlight(text: str, highlights: Sequence[Highlight]) -> str:
    """Escape ``text`` and wrap each highlight in ``<mark>``, splitting marks that overlap so tags nest.

    Between two consecutive boundaries the set of covering highlights is constant; the
    open marks form a stack ordered by (start, longest first).  At each boundary the
    marks above the first one that changed are closed and the wanted ones reopened, so
    a mark that crosses another's end is split into pieces with the same attributes.
    """
    spans = []
    for order, item in enumerate(highlights):
        start, end = max(0, item.start), min(len(text), item.end)
        if start < end:
            spans.append((start, end, order, item))
    boundaries = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    out: list[str] = []
    stack: list[tuple[int, int, int, Highlight]] = []
    opened: set[int] = set()
    for left, right in zip(boundaries, boundaries[1:]):
        wanted = sorted((s for s in spans if s[0] <= left and right <= s[1]), key=lambda s: (s[0], -s[1], s[2]))
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        for _ in range(len(stack) - keep):
            stack.pop()
            out.append("</mark>")
        for span in wanted[keep:]:
            out.append(_open_mark(span[3], first=span[2] not in opened))
            opened.add(span[2])
            stack.append(span)
        out.append(escape(text[left:right]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _open_mark(item: Highlight, first: bool) -> str:
    attributes = item.attributes + (item.first_attributes if first else ())
    css_class = item.css_class + ("" if first else " continued")
    rendered = "".join(f' {name}="{value}"' for name, value in attributes)
    return f'<mark class="{css_class}"{rendered}>'


def render_html(report: Report) -> str:
    rules = _rule_texts()
    documents = _document_bodies(report)
    data: dict[str, Any] = {"findings": {}}
    order = _failing_first(report)
    sections = [_article_section(report, index, report.articles[index], documents, rules, data) for index in order]
    body = "\n".join(
        [
            '<header class="top"><h1>Provenance audit</h1>'
            f'<p class="meta">{counted(len(report.articles), "article")} · gate fails on '
            f"<b>{escape(report.fail_on)}</b> and above · provenance-auditor {escape(__version__)}</p></header>",
            _verdict_banner(report),
            _overview(report, rules),
            _filters(report),
            _summary_table(report, order),
            _errors_block(report),
            *sections,
            '<aside id="details" hidden aria-live="polite"><button type="button" id="details-close" '
            'aria-label="Close">×</button><div id="details-body"></div></aside>',
        ]
    )
    data_json = _json_for_html(data)
    script_hash = _csp_hash(SCRIPT)
    style_hash = _csp_hash(STYLE)
    policy = (
        "default-src 'none'; "
        f"script-src '{script_hash}'; style-src '{style_hash}'; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Provenance audit</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
        f'<script type="application/json" id="report-data">{data_json}</script>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _failing_first(report: Report) -> list[int]:
    """Article indexes, those that fail the gate first, each group in the run's order."""
    return sorted(range(len(report.articles)), key=lambda index: not report.article_fails(report.articles[index]))


def _verdict_banner(report: Report) -> str:
    counts = report.counts()
    failing_articles = sum(1 for article in report.articles if report.article_fails(article))
    accepted = sum(len(a.suppressed) + a.baselined for a in report.articles)
    reasons = []
    if counts["failing"]:
        reasons.append(f"{counted(counts['failing'], 'finding')} at or above {escape(report.fail_on)} "
                       f"in {counted(failing_articles, 'article')}")
    if report.errors:
        reasons.append(f"{counted(len(report.errors), 'file')} could not be read")
    if not report.articles and not report.errors:
        reasons.append("nothing was audited")  # as the command line says, and exits 2
    passed = not reasons
    totals = [counted(counts["articles"], "article") + " audited", severity_totals(counts)]
    if accepted:
        totals.append(f"{accepted} accepted")
    if counts["skipped_files"]:
        totals.append(f"{counted(counts['skipped_files'], 'file')} skipped")
    verdict = "PASSED" if passed else "FAILED"
    why = f"gate: fail on {escape(report.fail_on)} and above" if passed else "; ".join(reasons)
    badges = "".join(
        f'<span class="count sev-{name}" data-severity="{name}"><b>{counts["findings_" + name]}</b> '
        f'{noun_for(counts["findings_" + name], name, "info" if name == "info" else None)}</span>'
        for name in reversed(SEVERITIES)
    )
    return (
        f'<section id="verdict" class="verdict {"passed" if passed else "failed"}" role="status" '
        f'data-verdict="{verdict}"><p class="word">{verdict}</p>'
        f'<p class="why">{why}</p><p class="badges">{badges}</p>'
        f'<p class="totals">{escape(" · ".join(totals))}</p></section>'
    )


def _overview(report: Report, rules: dict[str, dict[str, str]]) -> str:
    return f'<section class="overview">{_legend()}{_rule_chart(report, rules)}</section>'


def _legend() -> str:
    swatches = "".join(
        f'<li><mark class="finding sev-{name} swatch">{label}</mark> {text}</li>'
        for name, label, text in (
            ("error", "error", "fails the gate at the default setting (--fail-on error)"),
            ("warning", "warning", "needs an editor's look; fails the gate with --fail-on warning"),
            ("info", "info", "a note: sources, disclosures, lists found"),
        )
    )
    return (
        '<div class="legend" id="legend"><h2>Legend</h2><ul>'
        f"{swatches}"
        '<li><span class="swatch row-fails"></span> an article that fails the gate (listed first)</li>'
        '<li><mark class="evidence pg0 swatch" data-n="1">passage</mark><mark class="evidence pg1 swatch" data-n="2">'
        "passage</mark> aligned passages of an article and its source: same number and colour on both sides</li>"
        "</ul></div>"
    )


CHART_LABEL_WIDTH = 70
CHART_BAR_WIDTH = 260
CHART_ROW = 22


def _rule_chart(report: Report, rules: dict[str, dict[str, str]]) -> str:
    """Open findings per rule as horizontal bars, coloured by the strongest severity among them."""
    per_rule: dict[str, list[str]] = {}
    for article in report.articles:
        for finding in article.findings:
            per_rule.setdefault(finding.rule, []).append(finding.severity)
    if not per_rule:
        return '<div class="chart" id="rule-chart"><h2>Findings per rule</h2><p class="none">No findings.</p></div>'
    ranked = sorted(per_rule.items(), key=lambda item: (-len(item[1]), item[0]))
    most = len(ranked[0][1])
    width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 40
    height = CHART_ROW * len(ranked)
    bars = []
    for row, (code, severities) in enumerate(ranked):
        strongest = max(severities, key=severity_rank)
        y = row * CHART_ROW
        bar = max(2, round(CHART_BAR_WIDTH * len(severities) / most))
        name = rules.get(code, {}).get("name", "")
        bars.append(
            f'<g class="bar sev-{escape(strongest)}" data-rule="{escape(code)}" data-count="{len(severities)}" '
            f'tabindex="0" role="button"><title>{escape(code)} {escape(name)}: '
            f"{counted(len(severities), 'finding')} (click to show only these)</title>"
            f'<text x="0" y="{y + 15}">{escape(code)}</text>'
            f'<rect x="{CHART_LABEL_WIDTH}" y="{y + 4}" width="{bar}" height="14" rx="2"></rect>'
            f'<text x="{CHART_LABEL_WIDTH + bar + 6}" y="{y + 15}">{len(severities)}</text></g>'
        )
    return (
        '<div class="chart" id="rule-chart"><h2>Findings per rule</h2>'
        f'<svg role="img" aria-label="open findings per rule" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{"".join(bars)}</svg></div>'
    )


def _filters(report: Report) -> str:
    findings = [f for a in report.articles for f in a.findings]
    rule_codes = sorted({f.rule for f in findings})
    categories = sorted({f.category for f in findings})
    severity_boxes = "".join(
        f'<label class="sev-{name}"><input type="checkbox" name="severity" value="{name}" checked> {name}</label>'
        for name in reversed(SEVERITIES)
    )
    rule_options = "".join(f'<option value="{escape(code)}">{escape(code)}</option>' for code in rule_codes)
    category_options = "".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in categories)
    return (
        '<section class="filters" id="filters" aria-label="Filters"><h2>Filter</h2>'
        f'<fieldset><legend>Severity</legend>{severity_boxes}</fieldset>'
        f'<label>Rule <select id="filter-rule"><option value="">all rules</option>{rule_options}</select></label>'
        f'<label>Category <select id="filter-category"><option value="">all categories</option>{category_options}'
        "</select></label>"
        '<label>Search <input type="search" id="filter-text" placeholder="text, path or message"></label>'
        '<button type="button" id="filter-reset">Show all</button>'
        f'<p id="filter-status" aria-live="polite">Showing all {counted(len(report.articles), "article")}.</p>'
        "</section>"
    )


def _accept_marker(article: ArticleReport, code: str) -> str:
    """The marker an editor puts in the article to accept a finding (see auditor/pipeline/suppress.py)."""
    marker = f"audit-ignore {code}: reason"
    return marker if article.format == "text" else f"<!-- {marker} -->"


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _json_for_html(data: Any) -> str:
    """JSON that cannot end its <script> block or open a comment: escape <, > and & as JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _rule_texts() -> dict[str, dict[str, str]]:
    from auditor.pipeline.registry import load_rules

    return {rule.code: {"name": rule.name, "summary": rule.summary, "rationale": rule.rationale}
            for rule in load_rules().rules}


def _document_bodies(report: Report) -> dict[str, str]:
    """Body text of every document a lean entry can name: articles of this run and --sources documents."""
    bodies = dict(report.source_texts)
    for article in report.articles:
        bodies[article.display_path] = article.text[article.body_offset:]
    return bodies


def _severity_counts(article: ArticleReport) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in article.findings:
        counts[finding.severity] += 1
    return counts


def _strongest_lean(article: ArticleReport) -> LeanResult | None:
    scored = [entry for entry in article.lean if entry.score is not None]
    return max(scored, key=lambda entry: entry.score) if scored else None


def _summary_table(report: Report, order: list[int]) -> str:
    rows = []
    for index in order:
        article = report.articles[index]
        counts = _severity_counts(article)
        sources = ", ".join(escape(s.name) + (f" <small>({escape(s.role)})</small>" if s.role != "text" else "")
                            for s in article.sources) or '<span class="none">none cited</span>'
        lean = _strongest_lean(article)
        if lean is not None:
            on = escape(lean.source or "uncited: " + (lean.document or "?"))
            lean_cell = f'<span class="score">{lean.score:.2f}</span> {escape(lean.label)} <small>on {on}</small>'
        elif article.lean:
            lean_cell = '<span class="none">not scored</span>'
        else:
            lean_cell = '<span class="none">—</span>'
        failing = report.article_fails(article)
        severity_cells = "".join(
            f'<td class="num sev-{name}{" zero" if not counts[name] else ""}">{counts[name]}</td>'
            for name in reversed(SEVERITIES)
        )
        rows.append(
            f'<tr class="{"fails" if failing else "passes"}" data-index="{index}">'
            f'<td><a href="#article-{index}">{escape(article.display_path)}</a></td>'
            f"<td>{escape(article.language)}</td><td>{sources}</td>"
            f'<td>{"yes" if article.ai_disclosure else "no"}</td><td>{lean_cell}</td>{severity_cells}</tr>'
        )
    return (
        '<section class="summary"><h2>Summary</h2><table id="summary">'
        "<thead><tr><th>Article</th><th>Language</th><th>Sources</th><th>AI disclosure</th><th>Lean</th>"
        '<th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _errors_block(report: Report) -> str:
    if not report.errors and not report.warnings:
        return ""
    items = [
        f"<li><b>{escape(e.path)}{'' if e.record is None else ':' + str(e.record)}</b>: {escape(e.error)}</li>"
        for e in report.errors
    ]
    items += [f"<li>{escape(w)}</li>" for w in report.warnings]
    return f'<section class="errors"><h2>Not audited / run warnings</h2><ul>{"".join(items)}</ul></section>'


def _article_section(
    report: Report,
    index: int,
    article: ArticleReport,
    documents: dict[str, str],
    rules: dict[str, dict[str, str]],
    data: dict[str, Any],
) -> str:
    prefix = f"a{index}"
    marks = []
    items = []
    for number, finding in enumerate(article.findings):
        finding_id = f"{prefix}-f{number}"
        rule = rules.get(finding.rule, {})
        accept = _accept_marker(article, finding.rule)
        docs = rule_docs_url(finding.rule)
        data["findings"][finding_id] = {
            "rule": finding.rule, "name": finding.name, "severity": finding.severity,
            "category": finding.category, "message": finding.message, "excerpt": finding.excerpt,
            "line": finding.line, "column": finding.column, "path": article.display_path,
            "summary": rule.get("summary", ""), "rationale": rule.get("rationale", ""),
            "docs": docs, "accept": accept,
        }
        title = f"{finding.rule} {finding.name} ({finding.severity}): {finding.message}"
        marks.append(
            Highlight(
                finding.start, finding.end, f"finding sev-{escape(finding.severity)}",
                (("data-finding", finding_id), ("title", escape(title)), ("tabindex", "0")),
                (("id", finding_id),),
            )
        )
        items.append(
            f'<li class="sev-{escape(finding.severity)}" data-finding="{finding_id}">'
            f'<button type="button" class="goto" data-finding="{finding_id}">'
            f"<b>{escape(finding.rule)}</b> {escape(finding.severity)} · line {finding.line}:{finding.column}</button> "
            f'{escape(finding.message)} <a class="rule-doc" href="{escape(docs)}" target="_blank" '
            f'rel="noopener noreferrer">{escape(finding.rule)} documentation</a>'
            f'<span class="accept">accept it: <code>{escape(accept)}</code></span></li>'
        )
    counts = _severity_counts(article)
    sources = ", ".join(
        escape(s.name) + (f" ({escape(s.domain)})" if s.domain else "") + (f" — {escape(s.role)}" if s.role != "text" else "")
        for s in article.sources
    ) or "none cited"
    findings_list = f'<ol class="findings">{"".join(items)}</ol>' if items else '<p class="none">No findings.</p>'
    accepted = [(f.rule, f.line, f"audit-ignore: {reason}") for f, reason in article.suppressed]
    accepted += [(f.rule, f.line, "the baseline file") for f in article.baselined_findings]
    if accepted:
        findings_list += '<p class="accepted">Accepted: ' + "; ".join(
            f"{escape(code)} line {line} ({escape(how)})" for code, line, how in accepted) + "</p>"
    lean_blocks = "".join(
        _lean_block(prefix, number, article, entry, documents) for number, entry in enumerate(article.lean)
    )
    return (
        f'<section class="article{" fails" if report.article_fails(article) else ""}" id="article-{index}" '
        f'data-index="{index}" data-path="{escape(article.display_path)}">'
        f"<h2>{escape(article.display_path)}</h2>"
        f'<p class="meta">language <b>{escape(article.language)}</b> · format {escape(article.format)} · '
        f'encoding {escape(article.encoding)} · AI disclosure <b>{"yes" if article.ai_disclosure else "no"}</b> · '
        f"sources: {sources} · findings: {counted(counts['error'], 'error')}, {counted(counts['warning'], 'warning')}, "
        f"{counted(counts['info'], 'info', 'info')}</p>"
        f"{findings_list}"
        f'<div class="text" lang="{escape(article.language)}">{highlight(article.text, marks)}</div>'
        f"{lean_blocks}</section>"
    )


def _lean_block(prefix: str, number: int, article: ArticleReport, lean: LeanResult, documents: dict[str, str]) -> str:
    name = lean.source or "uncited source"
    score = "not scored" if lean.score is None else f"{lean.score:.2f}"
    heading = (
        f'<h3>Lean on {escape(name)}{" (not cited)" if not lean.cited else ""}: '
        f'<span class="score">{escape(score)}</span> {escape(lean.label)}</h3>'
    )
    note = f'<p class="note">{escape(lean.note)}</p>' if lean.note else ""
    source_text = documents.get(lean.document) if lean.document else None
    if not lean.document or not lean.evidence:
        return f'<div class="lean">{heading}{note}</div>'
    if source_text is None:
        missing = f'<p class="note">The text of {escape(lean.document)} is not in this report.</p>'
        return f'<div class="lean">{heading}{note}{missing}</div>'
    lean_id = f"{prefix}-l{number}"
    article_marks, source_marks, groups = _evidence_marks(lean_id, lean)
    body = article.text[article.body_offset:]
    return (
        f'<div class="lean" id="{lean_id}">{heading}{note}'
        f'<p class="hint">{groups} aligned passage groups: the same number and colour on both sides; '
        "click a passage to jump to its counterpart.</p>"
        f'<div class="side-by-side" data-article="{escape(article.display_path)}" data-document="{escape(lean.document)}">'
        f'<div class="pane" data-side="article"><h4>This article · {escape(article.display_path)}</h4>'
        f'<div class="text" lang="{escape(article.language)}">{highlight(body, article_marks)}</div></div>'
        f'<div class="pane" data-side="source"><h4>Source · {escape(lean.document)}</h4>'
        f'<div class="text">{highlight(source_text, source_marks)}</div></div>'
        "</div></div>"
    )


def _evidence_marks(lean_id: str, lean: LeanResult) -> tuple[list[Highlight], list[Highlight], int]:
    """Group evidence pairs that share a span (one sentence aligned to two), one mark per distinct span.

    A group is a connected set of pairs, so every mark in it gets the same number and
    colour on both sides, and clicking any of them finds its counterparts.
    """
    pairs = lean.evidence
    parent = list(range(len(pairs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for side in ("article_span", "source_span"):
        first_with: dict[tuple[int, int], int] = {}
        for i, pair in enumerate(pairs):
            span = getattr(pair, side)
            if span in first_with:
                parent[root(i)] = root(first_with[span])
            else:
                first_with[span] = i
    group_number: dict[int, int] = {}
    for i in range(len(pairs)):
        group_number.setdefault(root(i), len(group_number) + 1)

    def marks(side: str, spans: Iterable[tuple[tuple[int, int], int]]) -> list[Highlight]:
        seen: dict[tuple[int, int], int] = {}
        for span, i in spans:
            seen.setdefault(span, i)
        out = []
        for (start, end), i in sorted(seen.items()):
            number = group_number[root(i)]
            out.append(
                Highlight(
                    start, end, f"evidence pg{(number - 1) % EVIDENCE_COLOURS}",
                    (("data-pair", f"{lean_id}-g{number}"), ("data-side", side), ("data-n", str(number)),
                     ("title", f"aligned passage {number}"), ("tabindex", "0")),
                )
            )
        return out

    article_marks = marks("article", ((p.article_span, i) for i, p in enumerate(pairs)))
    source_marks = marks("source", ((p.source_span, i) for i, p in enumerate(pairs)))
    return article_marks, source_marks, len(group_number)


STYLE = """
:root { --ink:#1d2430; --muted:#5b6575; --line:#d9dee7; --paper:#ffffff; --wash:#f5f7fa;
  --error:#fbd3d0; --error-ink:#a1160a; --warning:#fde9b6; --warning-ink:#8a5a00; --info:#d8e8fb; --info-ink:#1f4f8a; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--wash); }
header.top, section { max-width: 1200px; margin: 0 auto; padding: 12px 24px; }
header.top h1 { margin: 16px 0 0; font-size: 26px; }
.meta { color: var(--muted); margin: 4px 0 12px; }
section.summary, section.article, section.errors { background: var(--paper); border: 1px solid var(--line);
  border-radius: 8px; margin-top: 16px; margin-bottom: 16px; }
h2 { font-size: 19px; margin: 8px 0; word-break: break-all; }
h3 { font-size: 16px; margin: 18px 0 4px; }
h4 { font-size: 13px; margin: 0 0 6px; color: var(--muted); font-weight: 600; word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--wash); font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #b4bac4; }
td.sev-error:not(.zero) { color: var(--error-ink); font-weight: 700; }
td.sev-warning:not(.zero) { color: var(--warning-ink); font-weight: 700; }
tr.fails td:first-child { border-left: 4px solid var(--error-ink); }
tr.passes td:first-child { border-left: 4px solid transparent; }
.none { color: var(--muted); }
.score { font-weight: 700; font-variant-numeric: tabular-nums; }
ol.findings { padding-left: 22px; margin: 6px 0 12px; }
ol.findings li { margin: 2px 0; }
button.goto { font: inherit; border: 1px solid var(--line); background: var(--wash); border-radius: 4px;
  padding: 0 6px; cursor: pointer; }
li.sev-error button.goto { border-color: var(--error-ink); }
li.sev-warning button.goto { border-color: var(--warning-ink); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.6 Georgia, "Times New Roman", serif;
  background: #fffdf8; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
mark { color: inherit; border-radius: 3px; cursor: pointer; }
mark.finding.sev-error { background: var(--error); box-shadow: inset 0 -2px var(--error-ink); }
mark.finding.sev-warning { background: var(--warning); box-shadow: inset 0 -2px var(--warning-ink); }
mark.finding.sev-info { background: var(--info); box-shadow: inset 0 -2px var(--info-ink); }
mark.finding .finding { outline: 1px dashed var(--muted); }
mark.selected { outline: 2px solid var(--ink); }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.side-by-side .text { max-height: 70vh; overflow: auto; font-size: 14px; }
mark.evidence::before { content: attr(data-n); font: 700 10px/1 system-ui, sans-serif; vertical-align: super;
  margin-right: 2px; padding: 1px 3px; border-radius: 6px; background: var(--ink); color: #fff; }
mark.evidence.continued::before { content: none; }
mark.pg0 { background: #cdeccf; } mark.pg1 { background: #d6e4fb; } mark.pg2 { background: #fbdcc4; }
mark.pg3 { background: #eed7f6; } mark.pg4 { background: #f8f0b5; } mark.pg5 { background: #c9eeee; }
mark.pg6 { background: #f7d3df; } mark.pg7 { background: #e1e3c9; }
mark.active { outline: 3px solid var(--ink); }
.lean .note, .lean .hint { color: var(--muted); margin: 2px 0 8px; }
aside#details { position: fixed; right: 16px; bottom: 16px; width: min(420px, calc(100vw - 32px)); max-height: 60vh;
  overflow: auto; background: var(--paper); border: 1px solid var(--ink); border-radius: 8px; padding: 12px 16px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); }
aside#details h3 { margin-top: 0; }
aside#details dt { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; margin-top: 6px; }
aside#details dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
#details-close { float: right; font-size: 20px; border: 0; background: none; cursor: pointer; }
section.verdict { margin-top: 16px; border-radius: 8px; border: 2px solid; }
section.verdict.failed { background: var(--error); border-color: var(--error-ink); }
section.verdict.passed { background: #d3f0d8; border-color: #17692b; }
.verdict .word { font: 800 28px/1.1 system-ui, sans-serif; letter-spacing: .04em; margin: 4px 0; }
.verdict.failed .word { color: var(--error-ink); }
.verdict.passed .word { color: #17692b; }
.verdict .why { font-weight: 600; margin: 2px 0 6px; }
.verdict .badges .count { display: inline-block; margin-right: 8px; padding: 1px 8px; border-radius: 10px;
  background: var(--paper); border: 1px solid var(--line); }
.count.sev-error b { color: var(--error-ink); } .count.sev-warning b { color: var(--warning-ink); }
.count.sev-info b { color: var(--info-ink); }
.verdict .totals { color: var(--muted); margin: 4px 0; }
section.overview { display: flex; flex-wrap: wrap; gap: 24px; background: var(--paper); border: 1px solid var(--line);
  border-radius: 8px; margin-top: 16px; }
.legend ul { list-style: none; padding: 0; margin: 4px 0; }
.legend li { margin: 4px 0; }
.swatch { display: inline-block; padding: 0 6px; margin-right: 4px; }
span.swatch.row-fails { width: 14px; height: 1.1em; vertical-align: middle; border-left: 4px solid var(--error-ink);
  background: var(--wash); }
.chart svg { display: block; font: 12px system-ui, sans-serif; }
.chart g.bar { cursor: pointer; }
.chart g.bar rect { fill: var(--info-ink); }
.chart g.bar.sev-error rect { fill: var(--error-ink); }
.chart g.bar.sev-warning rect { fill: var(--warning-ink); }
.chart g.bar text { fill: var(--ink); }
.chart g.bar:focus rect, .chart g.bar:hover rect { opacity: .75; }
section.filters { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; margin-top: 16px;
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
section.filters h2 { margin: 0; }
section.filters fieldset { border: 0; padding: 0; margin: 0; display: inline-flex; gap: 10px; }
section.filters legend { float: left; margin-right: 6px; font-weight: 600; }
section.filters select, section.filters input, section.filters button { font: inherit; }
#filter-status { flex-basis: 100%; margin: 0; color: var(--muted); }
section.article.fails { border-left: 4px solid var(--error-ink); }
mark.finding.filtered { background: none; box-shadow: none; }
a.rule-doc { font-size: 13px; margin-left: 6px; }
.accept { display: block; font-size: 13px; color: var(--muted); }
.accept code, aside#details code { background: var(--wash); border: 1px solid var(--line); border-radius: 3px;
  padding: 0 4px; color: var(--ink); }
p.accepted { color: var(--muted); font-size: 14px; }
@media (max-width: 800px) { .side-by-side { grid-template-columns: 1fr; } }
"""

SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var panel = document.getElementById("details");
  var panelBody = document.getElementById("details-body");

  function clearClass(name) {
    document.querySelectorAll("." + name).forEach(function (el) { el.classList.remove(name); });
  }

  function addField(list, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    var term = document.createElement("dt");
    term.textContent = label;
    var detail = document.createElement("dd");
    detail.textContent = String(value);
    list.appendChild(term);
    list.appendChild(detail);
  }

  function showFinding(id, scroll) {
    var finding = data.findings[id];
    if (!finding) { return; }
    panelBody.replaceChildren();
    var heading = document.createElement("h3");
    heading.textContent = finding.rule + " \\u00b7 " + finding.name;
    panelBody.appendChild(heading);
    var list = document.createElement("dl");
    addField(list, "Severity", finding.severity);
    addField(list, "Category", finding.category);
    addField(list, "Where", finding.path + ", line " + finding.line + ", column " + finding.column);
    addField(list, "Message", finding.message);
    addField(list, "Matched text", finding.excerpt);
    addField(list, "What the rule detects", finding.summary);
    addField(list, "Why it matters", finding.rationale);
    addField(list, "To accept it, put this line above it in the article", finding.accept);
    panelBody.appendChild(list);
    var docs = document.createElement("a");
    docs.className = "rule-doc";
    docs.href = finding.docs;
    docs.target = "_blank";
    docs.rel = "noopener noreferrer";
    docs.textContent = finding.rule + " documentation";
    panelBody.appendChild(docs);
    panel.hidden = false;
    clearClass("selected");
    var pieces = document.querySelectorAll('mark.finding[data-finding="' + CSS.escape(id) + '"]');
    pieces.forEach(function (piece) { piece.classList.add("selected"); });
    if (scroll && pieces.length) { pieces[0].scrollIntoView({ block: "center" }); }
  }

  function jumpToCounterpart(mark) {
    var pair = mark.getAttribute("data-pair");
    var other = mark.getAttribute("data-side") === "article" ? "source" : "article";
    var selector = 'mark.evidence[data-pair="' + CSS.escape(pair) + '"]';
    var targets = document.querySelectorAll(selector + '[data-side="' + other + '"]');
    clearClass("active");
    document.querySelectorAll(selector).forEach(function (el) { el.classList.add("active"); });
    if (targets.length) { scrollWithinPane(targets[0]); }
  }

  // Scroll only the other pane, a third of the way down, so the passage just clicked stays put.
  function scrollWithinPane(target) {
    var pane = target.closest(".text");
    if (!pane) { target.scrollIntoView({ block: "center" }); return; }
    var offset = target.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    pane.scrollTop += offset - pane.clientHeight / 3;
  }

  function activate(target) {
    if (target.closest("#legend")) { return false; }  // the legend's sample colours are not findings
    var goto = target.closest("button.goto");
    if (goto) { showFinding(goto.getAttribute("data-finding"), true); return true; }
    var evidence = target.closest("mark.evidence");
    if (evidence) { jumpToCounterpart(evidence); return true; }
    var finding = target.closest("mark.finding");
    if (finding) { showFinding(finding.getAttribute("data-finding"), false); return true; }
    return false;
  }

  // --- filters: severity, rule, category and a text search over each article ---
  var severityBoxes = Array.from(document.querySelectorAll('#filters input[name="severity"]'));
  var ruleSelect = document.getElementById("filter-rule");
  var categorySelect = document.getElementById("filter-category");
  var searchBox = document.getElementById("filter-text");
  var filterStatus = document.getElementById("filter-status");
  var sections = Array.from(document.querySelectorAll("section.article"));
  var searchable = null;  // each article's text, lower-cased, read on the first search

  function applyFilters() {
    var severities = {};
    severityBoxes.forEach(function (box) { severities[box.value] = box.checked; });
    var rule = ruleSelect.value, category = categorySelect.value;
    var query = searchBox.value.trim().toLowerCase();
    var narrowed = rule !== "" || category !== "" || severityBoxes.some(function (box) { return !box.checked; });
    function matches(id) {
      var finding = data.findings[id];
      return !!finding && severities[finding.severity] && (rule === "" || finding.rule === rule)
        && (category === "" || finding.category === category);
    }
    if (query && searchable === null) {
      searchable = sections.map(function (section) { return section.textContent.toLowerCase(); });
    }
    var shown = 0;
    sections.forEach(function (section, position) {
      var anyFinding = false;
      section.querySelectorAll("ol.findings > li").forEach(function (item) {
        var ok = matches(item.getAttribute("data-finding"));
        item.hidden = !ok;
        anyFinding = anyFinding || ok;
      });
      section.querySelectorAll("mark.finding").forEach(function (mark) {
        mark.classList.toggle("filtered", !matches(mark.getAttribute("data-finding")));
      });
      var visible = (!narrowed || anyFinding) && (query === "" || searchable[position].indexOf(query) !== -1);
      section.hidden = !visible;
      var row = document.querySelector('#summary tr[data-index="' + section.getAttribute("data-index") + '"]');
      if (row) { row.hidden = !visible; }
      if (visible) { shown += 1; }
    });
    var total = sections.length;
    filterStatus.textContent = (!narrowed && query === "")
      ? "Showing all " + total + (total === 1 ? " article." : " articles.")
      : "Showing " + shown + " of " + total + (total === 1 ? " article" : " articles") + " that match.";
  }

  function resetFilters() {
    severityBoxes.forEach(function (box) { box.checked = true; });
    ruleSelect.value = "";
    categorySelect.value = "";
    searchBox.value = "";
    applyFilters();
  }

  function filterByRule(bar) {
    ruleSelect.value = bar.getAttribute("data-rule");
    applyFilters();
    document.getElementById("filters").scrollIntoView({ block: "start" });
  }

  severityBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
  ruleSelect.addEventListener("change", applyFilters);
  categorySelect.addEventListener("change", applyFilters);
  searchBox.addEventListener("input", applyFilters);

  document.addEventListener("click", function (event) {
    if (event.target.closest("#details-close")) { panel.hidden = true; clearClass("selected"); return; }
    if (event.target.closest("#filter-reset")) { resetFilters(); return; }
    var bar = event.target.closest("#rule-chart g.bar");
    if (bar) { filterByRule(bar); return; }
    activate(event.target);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { panel.hidden = true; clearClass("selected"); return; }
    if ((event.key === "Enter" || event.key === " ") && event.target.matches && event.target.matches("mark")) {
      if (activate(event.target)) { event.preventDefault(); }
    }
    if ((event.key === "Enter" || event.key === " ") && event.target.closest && event.target.closest("#rule-chart g.bar")) {
      filterByRule(event.target.closest("#rule-chart g.bar"));
      event.preventDefault();
    }
  });
})();
"""
