"""The shape of a rule: metadata beside a check function.

A rule module in ``rules/`` defines ``RULE = Rule(...)`` and registers it under
the ``provenance_auditor.rules`` entry point group, exactly as a third-party
rule pack would.  ``audit rules`` and docs/rules.md are generated from these
fields, so they are the rule's documentation.

A rule's ``stage`` says when it is judged and so what its check is given:

- ``"document"``: ``check(document)``, one normalised :class:`Document`, by the rules engine;
- ``"policy"``: ``check(PolicyContext)``, after the document's own rules, from what they found;
- ``"lean"``: ``check(LeanContext)``, once the corpus-wide lean stage has scored the article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from auditor.document import Document
from auditor.findings import SEVERITIES, Finding, Hit, Suppression
from auditor.languages import LANGUAGES

if TYPE_CHECKING:
    from auditor.lean.results import LeanResult

CATEGORIES = ("source-list", "citation-footer", "ai-disclosure", "cookie-banner", "debris", "structure", "lean",
              "policy")
# "corpus": judged across documents by a later stage (lean), not by a check on one document.
SCOPES = ("text", "body", "tail", "markup", "consent-container", "corpus")
STAGES = ("document", "policy", "lean")


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
    check: Callable[[Any], Iterable[Hit]]  # given what its stage hands it (see the module's docstring)
    languages: tuple[str, ...] = LANGUAGES
    flagged_format: str = "text"  # format of the examples: "text" or "html"
    stage: str = "document"

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: severity {self.severity!r} is not one of {SEVERITIES}")
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.code}: category {self.category!r} is not one of {CATEGORIES}")
        unknown = set(self.scopes) - set(SCOPES)
        if unknown:
            raise ValueError(f"{self.code}: unknown scopes {sorted(unknown)}")
        if self.stage not in STAGES:
            raise ValueError(f"{self.code}: stage {self.stage!r} is not one of {STAGES}")


@dataclass(frozen=True)
class PolicyContext:
    """What a "policy" rule judges one document from: the findings of its document rules
    (before any inline marker accepts one), the sources they extracted, its markers, and
    the policy's settings."""

    document: Document
    findings: tuple[Finding, ...]
    source_count: int
    suppressions: tuple[Suppression, ...]
    require_disclosure: str  # never | always | tagged
    min_sources: int
    known_rules: tuple[Rule, ...]  # every registered rule, active or not


@dataclass(frozen=True)
class LeanContext:
    """What a "lean" rule judges one article from: its lean results and its document, read
    again only if a rule asks for it (most articles need no finding, and so no re-read)."""

    lean: tuple[LeanResult, ...]
    lean_declare_above: float | None
    read_document: Callable[[], Document] = field(repr=False)
    _document: list[Document] = field(default_factory=list, repr=False, compare=False)

    @property
    def document(self) -> Document:
        if not self._document:
            self._document.append(self.read_document())
        return self._document[0]
