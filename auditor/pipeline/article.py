"""One article through the per-document stages: normalise -> rules -> document policy,
and, once the corpus-wide lean stage has scored it, the policy judged after lean.

Worker processes call :func:`audit_document`; the run's main process calls
:func:`finish_article` on every report, lean or not.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from auditor.config import Config
from auditor.document import Document
from auditor.findings import Finding, effective_severity
from auditor.pipeline.engine import cited_sources, run_rules
from auditor.pipeline.normalise import normalise
from auditor.pipeline.policy import UNDECLARED_DERIVATION, document_policy, lean_policy, split_suppressed
from auditor.pipeline.registry import load_rules
from auditor.pipeline.report import ArticleReport
from auditor.rule import Rule


@dataclass(frozen=True)
class Audited:
    """One article through the rules, with its normalised document kept for the lean stage."""

    document: Document
    report: ArticleReport


def audit_document(raw: Document, rules: tuple[Rule, ...], config: Config) -> Audited:
    document = normalise(raw)
    findings, failures = run_rules(document, rules, dict(config.severity))
    sources = cited_sources(findings)
    policy_findings, suppressions = document_policy(
        document, findings, config.require_disclosure, config.min_sources, len(sources), load_rules().rules)
    active = {rule.code for rule in rules}
    policy_findings = [configured_severity(f, config) for f in policy_findings if f.rule in active]
    findings, accepted = split_suppressed(
        sorted(findings + policy_findings, key=lambda f: (f.start, f.end, f.rule)), suppressions)
    report = ArticleReport(
        path=document.path,
        record=document.record,
        format=document.format,
        language=document.language,
        encoding=document.encoding,
        sources=tuple(sources),
        ai_disclosure=any(f.category == "ai-disclosure" for f, _ in accepted) or any(
            f.category == "ai-disclosure" for f in findings),
        findings=tuple(findings),
        suppressed=tuple(accepted),
        suppressions=suppressions,
        rule_failures=tuple((f.rule, f.error) for f in failures),
        text=document.text,
        body_offset=document.body_spans[0][0],
    )
    return Audited(document, report)


def configured_severity(finding: Finding, config: Config) -> Finding:
    """A stage's finding at the severity the config gives its rule or category."""
    severity = effective_severity(finding.rule, finding.category, finding.severity, config.severity)
    return finding if severity == finding.severity else dataclasses.replace(finding, severity=severity)


def finish_article(article: ArticleReport, config: Config, rules: tuple[Rule, ...]) -> ArticleReport:
    """The policy judged after lean (POL002), and inline markers applied to lean's findings."""
    if UNDECLARED_DERIVATION in rules:
        added = [configured_severity(f, config) for f in lean_policy(article, config.lean_declare_above)]
    else:
        added = []
    lean_findings = [configured_severity(f, config) if f.category == "lean" else f for f in article.findings]
    kept, accepted = split_suppressed(lean_findings + added, article.suppressions)
    if not added and not accepted and lean_findings == list(article.findings):
        return article
    return dataclasses.replace(article, findings=tuple(sorted(kept, key=lambda f: (f.start, f.end, f.rule))),
                               suppressed=article.suppressed + tuple(accepted))
