"""Stage 3: run the selected rules over one normalised document, and make findings.

Every finding of every stage is made by :func:`make_finding`, which gives it the severity
the config sets for its rule (:func:`auditor.findings.effective_severity`): the one place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from auditor.document import BODY, CONSENT_CONTAINER, Document
from auditor.findings import Finding, Hit, Source, effective_severity, severity_rank
from auditor.rule import Rule

EXCERPT_LIMIT = 160


@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised on a document: reported, and the other rules still run."""

    rule: str
    error: str


def run_rules(document: Document, rules: tuple[Rule, ...], severity_overrides: Mapping[str, str] | None = None
              ) -> tuple[list[Finding], list[RuleFailure]]:
    findings, failures = judge(rules, "document", document, lambda: document, severity_overrides)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings, failures


def judge(rules: tuple[Rule, ...], stage: str, given: object, document_of: Callable[[], Document],
          severity_overrides: Mapping[str, str] | None = None) -> tuple[list[Finding], list[RuleFailure]]:
    """The findings of the rules of one stage, each given what that stage hands its rules
    (a Document, a PolicyContext, a LeanContext). ``document_of()`` is the document the hits
    are offsets into; it is called only when a rule reports something. A rule that raises or
    reports outside the text is a failure on this document, and the other rules still run."""
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    for rule in rules:
        if rule.stage != stage:
            continue
        try:
            hits = list(rule.check(given))
            if not hits:
                continue
            document = document_of()
            hits = [h for h in hits if _in_scope(document, rule, h)]
        except Exception as exc:  # one faulty rule must not sink the article
            failures.append(RuleFailure(rule.code, f"{type(exc).__name__}: {exc}"))
            continue
        findings.extend(make_finding(document, rule, hit, severity_overrides) for hit in hits)
    return findings, failures


def _in_scope(document: Document, rule: Rule, hit: Hit) -> bool:
    """Whether the hit falls where the rule may report: anywhere for a rule reading the whole
    text, the markup or the text's tail; in the body for a body rule (never in the header or
    the footer it was not given); in a consent container for a rule reading those."""
    if not 0 <= hit.start <= hit.end <= len(document.text):
        raise ValueError(f"hit span {hit.start}..{hit.end} outside the text (length {len(document.text)})")
    if rule.stage != "document":  # a policy or lean rule judges the whole article
        return True
    return any(SCOPE_REACH[scope](document, hit) for scope in rule.scopes if scope in SCOPE_REACH)


# Where each scope lets a document rule report (the "corpus" scope is read by later stages).
SCOPE_REACH = {
    "text": lambda document, hit: True,
    "markup": lambda document, hit: True,
    "tail": lambda document, hit: True,
    BODY: lambda document, hit: document.in_body(hit.start, hit.end),
    CONSENT_CONTAINER: lambda document, hit: document.in_region(CONSENT_CONTAINER, hit.start, hit.end),
}


def make_finding(document: Document, rule: Rule, hit: Hit, severity_overrides: Mapping[str, str] | None = None
                 ) -> Finding:
    """A rule's hit as a finding, placed in the document, at the severity the config gives it."""
    severity = effective_severity(rule.code, rule.category, rule.severity, severity_overrides or {})
    line, column = document.line_column(hit.start)
    # The end position is that of the last character, plus one column: an exclusive end, like SARIF's.
    end_line, end_column = document.line_column(max(hit.start, hit.end - 1))
    if hit.end > hit.start:
        end_column += 1
    excerpt = " ".join(document.text[hit.start : hit.end].split())
    if len(excerpt) > EXCERPT_LIMIT:
        excerpt = excerpt[: EXCERPT_LIMIT - 1] + "…"
    return Finding(
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=severity,
        message=hit.message,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        excerpt=excerpt,
        sources=hit.sources,
        data=dict(hit.data),
    )


def cited_sources(findings: list[Finding]) -> list[Source]:
    """Every source the findings extracted, once each, in the order of the text."""
    seen: set[tuple[str, str]] = set()
    sources: list[Source] = []
    for finding in findings:
        for source in finding.sources:
            key = (source.name.lower(), source.role)
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources


def worst_severity(findings: list[Finding]) -> str | None:
    return max((f.severity for f in findings), key=severity_rank, default=None)


__all__ = ["run_rules", "cited_sources", "worst_severity", "RuleFailure", "BODY"]
