"""Rule documentation, generated from each rule's own metadata."""

from __future__ import annotations

import json
from urllib.parse import quote

from auditor.rule import Rule

# Where docs/rules.md is published.  The project declares no public address yet (setup.cfg has
# no url), so this placeholder, like docs/workflow.md's, is the one place to set it: SARIF
# helpUri, rdjson code URLs and the HTML report's rule links all come from rule_docs_url().
RULES_PAGE_URL = "https://example.org/your-fork/provenance-auditor/blob/main/docs/rules.md"


def rule_docs_url(code: str) -> str:
    """The rule's section of the rules page: render_rules gives each rule a ``## CODE`` heading,
    whose anchor on a rendered Markdown page is the lower-cased code."""
    return f"{RULES_PAGE_URL}#{quote(code.lower(), safe='')}"


def rule_record(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity,
        "scopes": list(rule.scopes),
        "languages": list(rule.languages),
        "summary": rule.summary,
        "rationale": rule.rationale,
        "flagged": rule.flagged,
        "not_flagged": rule.not_flagged,
    }


def render_rules(rules: tuple[Rule, ...], output_format: str = "text", effective: dict[str, str] | None = None,
                 policy: str = "") -> str:
    """The rules' documentation. ``effective``: code -> the severity the current policy (named
    by ``policy``) gives it, shown beside the default in text and JSON; the Markdown page is
    the rules' own documentation and shows defaults only."""
    effective = effective or {}
    if output_format == "json":
        records = [{**rule_record(r), **({"effective_severity": effective[r.code]} if r.code in effective else {})}
                   for r in rules]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        parts = ["# Rules\n", "Generated from the rules' own metadata by `audit rules --format markdown`.\n"]
        parts.append("| code | name | category | default severity |\n|---|---|---|---|")
        parts += [f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.category} | {r.severity} |" for r in rules]
        for r in rules:
            parts.append(
                f"\n## {r.code}\n\n**{r.name}** — {r.category}, default severity {r.severity}; "
                f"reads: {', '.join(r.scopes)}; languages: {', '.join(r.languages)}.\n\n"
                f"**What it detects.** {r.summary}\n\n**Why it matters.** {r.rationale}\n\n"
                f"**Flagged:**\n\n```\n{r.flagged}\n```\n\n**Not flagged:**\n\n```\n{r.not_flagged}\n```"
            )
        return "\n".join(parts) + "\n"
    lines = []
    for r in rules:
        severity = effective.get(r.code, r.severity)
        shown = severity if severity == r.severity else f"{severity} under {policy or 'this policy'}; default {r.severity}"
        lines.append(f"{r.code}  {r.name}  [{r.category}, {shown}]")
        lines.append(f"    {r.summary}")
        lines.append(f"    Why: {r.rationale}")
        lines.append(f"    Flagged:     {_one_line(r.flagged)}")
        lines.append(f"    Not flagged: {_one_line(r.not_flagged)}")
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ⏎ ".join(part for part in text.splitlines() if part.strip())
