"""The editorial policy: what fails the gate beyond the rules' own findings.

Set in the project's config (see README, "Editorial policy"):

- ``require_disclosure = never | always | tagged``: every article, or every article whose
  metadata tags it as AI-assisted (``ai_assisted: true`` in the manifest or a JSON Lines
  record), must carry an AI-disclosure notice (POL001).
- ``lean_declare_above = 0.7`` (default): an article that leans on one source at or above this score
  must say it is a translation or a rewrite ("Translated from…", "Dịch từ…") (POL002).
  ``none`` turns it off.
- ``min_sources = N``: an article must cite at least N sources (POL003).
- Inline suppressions need a reason; one without is reported (POL004) and accepts nothing.

Policy findings are ordinary findings (category ``policy``) with their own codes, so they
can be selected, ignored, given another severity and suppressed like any other.
"""

from __future__ import annotations

from collections.abc import Iterable

from auditor.document import Document
from auditor.findings import Finding, Hit
from auditor.pipeline.engine import make_finding
from auditor.pipeline.report import ArticleReport
from auditor.pipeline.suppress import Suppression, find_suppressions
from auditor.rule import Rule, judged_by_a_later_stage
from auditor.rulekit.phrases import PhraseTable


def _policy_rule(code: str, name: str, severity: str, summary: str, rationale: str, flagged: str,
                 not_flagged: str) -> Rule:
    return Rule(code=code, name=name, category="policy", severity=severity, scopes=("corpus",), summary=summary,
                rationale=rationale, flagged=flagged, not_flagged=not_flagged, check=judged_by_a_later_stage)


MISSING_DISCLOSURE = _policy_rule(
    "POL001", "missing-ai-disclosure", "error",
    "The policy requires an AI-disclosure notice (require_disclosure = always, or = tagged for articles "
    "tagged ai_assisted) and the article carries none.",
    "Readers are owed a notice when AI helped write what they read; many newsrooms' standards require it.",
    "An article tagged ai_assisted: true in the manifest, with no notice.",
    "The same article ending with 'This article was created with AI assistance.'",
)
UNDECLARED_DERIVATION = _policy_rule(
    "POL002", "undeclared-derivation", "warning",
    "The article leans on one source at or above lean_declare_above (0.7 by default) but does not say it is "
    "a translation, adaptation or rewrite of it.",
    "A translation or rewrite presented as original reporting misleads readers about who did the work.",
    "A condensed English translation of a Vietnamese article that only lists the outlet under 'Sources:'.",
    "The same translation with the line 'Translated and condensed from Dantri.'",
)
TOO_FEW_SOURCES = _policy_rule(
    "POL003", "too-few-sources", "error",
    "The article cites fewer sources than the policy's min_sources.",
    "A desk may require every piece to name what it is based on.",
    "With min_sources = 1, an article with no source list, footer or credit.",
    "With min_sources = 1, an article ending with 'Source: Reuters'.",
)
SUPPRESSION_WITHOUT_REASON = _policy_rule(
    "POL004", "suppression-without-reason", "warning",
    "An inline audit-ignore marker gives no reason; it accepts nothing until it does.",
    "An accepted finding must say why, so the next editor can judge whether it still holds.",
    "audit-ignore CK001",
    "audit-ignore CK001: the banner is quoted on purpose in a column about consent pop-ups",
)
SUPPRESSION_OF_NO_RULE = _policy_rule(
    "POL005", "suppression-names-no-rule", "warning",
    "An inline audit-ignore marker names something that is not a rule code (a category, a rule's name, a "
    "mistyped or unknown code); that name accepts nothing.",
    "A marker that silently accepts nothing leaves the editor believing a finding was dealt with.",
    "audit-ignore cookie-banner: quoted on purpose",
    "audit-ignore CK001: quoted on purpose",
)
POLICY_RULES = (MISSING_DISCLOSURE, UNDECLARED_DERIVATION, TOO_FEW_SOURCES, SUPPRESSION_WITHOUT_REASON,
                SUPPRESSION_OF_NO_RULE)

# How an article says it is a translation or a rewrite of another.
DECLARATIONS = PhraseTable(
    {
        "en": [r"translated (?:and \w+ )?(?:from|by)", r"(?:adapted|condensed|rewritten|abridged) from",
               r"a (?:translation|rewrite|summary) of", r"this (?:article|story) is based on", r"republished from",
               r"originally (?:published|appeared)"],
        "vi": [r"dịch từ", r"lược dịch", r"biên dịch", r"bài dịch", r"theo bản gốc", r"tổng hợp từ"],
        "es": [r"traducido (?:del|de la|de)", r"adaptado de", r"traducción de", r"publicado originalmente"],
        "fr": [r"traduit (?:de|du|par)", r"adapté de", r"traduction de", r"publié à l'origine"],
        "de": [r"übersetzt (?:aus|von)", r"übersetzung (?:aus|von)", r"bearbeitet nach", r"zuerst erschienen"],
        "id": [r"diterjemahkan dari", r"disadur dari", r"terjemahan dari", r"pertama kali (?:terbit|dimuat)"],
        "pt": [r"traduzido (?:do|da|de)", r"adaptado (?:do|da|de)", r"tradução de", r"publicado originalmente"],
    }
)  # fmt: skip


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes", "1"))


def document_policy(document: Document, findings: list[Finding], require_disclosure: str, min_sources: int,
                    source_count: int, known_rules: Iterable[Rule] = ()) -> tuple[list[Finding], tuple[Suppression, ...]]:
    """Policy findings judged on one document, and the document's inline suppressions.
    ``known_rules``: every registered rule, to tell a marker that names no rule (POL005)."""
    suppressions = find_suppressions(document)
    added: list[Finding] = []
    has_disclosure = any(f.category == "ai-disclosure" for f in findings)
    tagged = _truthy(document.metadata.get("ai_assisted"))
    if not has_disclosure and (require_disclosure == "always" or (require_disclosure == "tagged" and tagged)):
        why = "tagged as AI-assisted" if tagged else "policy requires it of every article"
        added.append(make_finding(document, MISSING_DISCLOSURE, MISSING_DISCLOSURE.severity, Hit(
            0, 0, f"no AI-disclosure notice ({why}): add one, e.g. 'This article was created with AI assistance.'")))
    if source_count < min_sources:
        added.append(make_finding(document, TOO_FEW_SOURCES, TOO_FEW_SOURCES.severity, Hit(
            0, 0, f"cites {source_count} source{'s' if source_count != 1 else ''}; the policy asks for at least "
            f"{min_sources}")))
    for marker in suppressions:
        if not marker.reason:
            added.append(make_finding(document, SUPPRESSION_WITHOUT_REASON, SUPPRESSION_WITHOUT_REASON.severity, Hit(
                marker.marker_start, marker.marker_end,
                f"audit-ignore {', '.join(marker.codes)} has no reason, so it accepts nothing: add ': why'")))
    known = tuple(known_rules)
    codes = {rule.code for rule in known}
    for marker in suppressions:
        for name in marker.codes:
            if name.upper() in codes:
                continue
            added.append(make_finding(document, SUPPRESSION_OF_NO_RULE, SUPPRESSION_OF_NO_RULE.severity, Hit(
                marker.marker_start, marker.marker_end, _no_rule_message(name, known))))
    return added, suppressions


def _no_rule_message(name: str, rules: tuple[Rule, ...]) -> str:
    named = [r.code for r in rules if name.lower() in (r.category, r.name)]
    if named:
        return (f"audit-ignore names {name!r}, not a rule code, so it accepts nothing: name the code"
                f"{'s' if len(named) > 1 else ''} ({', '.join(named)})")
    return f"audit-ignore names {name!r}, which no rule has as its code, so it accepts nothing (see: audit rules)"


def declares_derivation(text: str) -> bool:
    return DECLARATIONS.search(text) is not None


def lean_policy(report: ArticleReport, threshold: float | None) -> list[Finding]:
    """POL002 findings for one article, judged after lean; they concern the whole article."""
    if threshold is None or declares_derivation(report.text):
        return []
    heavy = [lean for lean in report.lean if lean.score is not None and lean.score >= threshold]
    return [
        Finding(
            rule=UNDECLARED_DERIVATION.code, name=UNDECLARED_DERIVATION.name, category="policy",
            severity=UNDECLARED_DERIVATION.severity, start=0, end=0, line=1, column=1, end_line=1, end_column=1,
            excerpt="",
            message=(f"leans {lean.score:.2f} ({lean.label}) on {lean.source or lean.document} but does not say it "
                     f"is a translation or rewrite: add e.g. 'Translated from {lean.source or 'the original'}.'"),
        )
        for lean in heavy
    ]


def split_suppressed(findings: Iterable[Finding], suppressions: tuple[Suppression, ...]
                     ) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """Findings that stand, and the ones an inline marker (with a reason) accepts."""
    kept: list[Finding] = []
    accepted: list[tuple[Finding, str]] = []
    for finding in findings:
        # The marker's own line is not article text: nothing found on it stands.
        if any(m.marker_start <= finding.start < m.marker_end for m in suppressions if m.marker_end > m.marker_start):
            if finding.rule not in (SUPPRESSION_WITHOUT_REASON.code, SUPPRESSION_OF_NO_RULE.code):
                continue
        marker = next((m for m in suppressions if m.reason and m.covers(finding.rule, finding.start)), None)
        if marker is None:
            kept.append(finding)
        else:
            accepted.append((finding, marker.reason))
    return kept, accepted

