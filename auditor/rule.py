"""The shape of a rule: metadata beside a check function.

A rule module in ``rules/`` defines ``RULE = Rule(...)`` and registers it under
the ``provenance_auditor.rules`` entry point group, exactly as a third-party
rule pack would.  ``audit rules`` and docs/rules.md are generated from these
fields, so they are the rule's documentation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from auditor.document import Document
from auditor.findings import SEVERITIES, Hit

CATEGORIES = ("source-list", "citation-footer", "ai-disclosure", "cookie-banner", "debris", "structure", "lean",
              "policy")
# "corpus": judged across documents by a later stage (lean), not by a check on one document.
SCOPES = ("text", "body", "tail", "markup", "consent-container", "corpus")


@dataclass(frozen=True)
class Rule:
    code: str  # stable, e.g. "SRC001"
    name: str  # readable, kebab-case, e.g. "source-list"
    category: str
    severity: str  # default; config may override
    scopes: tuple[str, ...]  # which parts of a Document it reads
    summary: str  # one line: what it detects
    rationale: str  # why it matters to an editor
    flagged: str  # an example the rule flags
    not_flagged: str  # a similar example it must leave alone
    check: Callable[[Document], Iterable[Hit]]
    languages: tuple[str, ...] = ("en", "vi", "es", "fr", "de", "id", "pt")
    flagged_format: str = "text"  # format of the examples: "text" or "html"

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: severity {self.severity!r} is not one of {SEVERITIES}")
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.code}: category {self.category!r} is not one of {CATEGORIES}")
        unknown = set(self.scopes) - set(SCOPES)
        if unknown:
            raise ValueError(f"{self.code}: unknown scopes {sorted(unknown)}")


def judged_by_a_later_stage(document: Document) -> Iterable[Hit]:
    """The check of a rule with scope "corpus": its stage (lean, policy) reports it, with evidence."""
    return ()
