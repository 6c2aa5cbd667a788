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
can be selected, ignored, given another severity and suppressed like any other. Their
rules live in ``rules/`` like every other rule; this stage runs the active ones whose stage
is "policy" (POL001, POL003-POL005) on what the document's rules found. POL002 is judged
with lean (:mod:`auditor.pipeline.leaning`).
"""

from __future__ import annotations

from collections.abc import Mapping

from auditor.config import Config
from auditor.document import Document
from auditor.findings import Finding, Suppression
from auditor.pipeline.engine import RuleFailure, judge
from auditor.rule import PolicyContext, Rule


def judge_policy(document: Document, findings: list[Finding], source_count: int,
                 suppressions: tuple[Suppression, ...], config: Config, rules: tuple[Rule, ...],
                 known_rules: tuple[Rule, ...], severity_overrides: Mapping[str, str]
                 ) -> tuple[list[Finding], list[RuleFailure]]:
    """The findings of the active policy rules on one document, and the rules that failed on
    it. ``findings``: its document rules' findings, before any marker accepts one;
    ``known_rules``: every registered rule."""
    context = PolicyContext(document, tuple(findings), source_count, suppressions, config.require_disclosure,
                            config.min_sources, known_rules)
    return judge(rules, "policy", context, lambda: document, severity_overrides)
