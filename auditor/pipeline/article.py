"""One article through the per-document stages: normalise -> rules -> policy; and, once the
corpus-wide lean stage has added its findings, the finished article.

Worker processes call :func:`audit_document`; the run's main process calls
:func:`finish_article` on every report, lean or not, once: that is where the article's
inline markers are applied to all its findings, whichever stage made them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from auditor.config import Config
from auditor.document import Document
from auditor.pipeline.engine import cited_sources, run_rules
from auditor.pipeline.normalise import normalise
from auditor.pipeline.policy import judge_policy
from auditor.pipeline.registry import load_rules
from auditor.pipeline.report import ArticleReport
from auditor.pipeline.suppress import apply_suppressions, find_suppressions
from auditor.rule import Rule


@dataclass(frozen=True)
class Audited:
    """One article through the rules, with its normalised document kept for the lean stage."""

    document: Document
    report: ArticleReport  # not finished: its markers are not applied yet (finish_article)


def audit_document(raw: Document, rules: tuple[Rule, ...], config: Config) -> Audited:
    document = normalise(raw)
    overrides = dict(config.severity)
    findings, failures = run_rules(document, rules, overrides)
    sources = cited_sources(findings)
    suppressions = find_suppressions(document)
    policy_findings, policy_failures = judge_policy(document, findings, len(sources), suppressions, config, rules,
                                                    load_rules().rules, overrides)
    findings += policy_findings
    failures += policy_failures
    report = ArticleReport(
        path=document.path,
        record=document.record,
        format=document.format,
        language=document.language,
        encoding=document.encoding,
        sources=tuple(sources),
        ai_disclosure=False,  # decided when finished, from the findings that stand or were accepted
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.end, f.rule))),
        suppressions=suppressions,
        rule_failures=tuple((f.rule, f.error) for f in failures),
        text=document.text,
        body_offset=document.body_spans[0][0],
    )
    return Audited(document, report)


def finish_article(article: ArticleReport) -> ArticleReport:
    """The article's inline markers applied to its findings (the rules', the policy's and
    lean's): those that stand, in text order, and those accepted, with the marker's reason."""
    kept, accepted = apply_suppressions(article.findings, article.suppressions)
    suppressed = article.suppressed + tuple(accepted)  # finishing a finished article changes nothing
    return dataclasses.replace(
        article,
        findings=tuple(sorted(kept, key=lambda f: (f.start, f.end, f.rule))),
        suppressed=suppressed,
        ai_disclosure=any(f.category == "ai-disclosure" for f in kept) or any(
            f.category == "ai-disclosure" for f, _ in suppressed),
    )
