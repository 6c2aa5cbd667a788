"""POL001 missing-ai-disclosure: the policy requires an AI-disclosure notice and there is none.

Judged after the document's own rules (stage "policy"), from whether AI001 or AI002 found
a notice. ``require_disclosure = always`` asks it of every article; ``= tagged`` of every
article whose metadata says ``ai_assisted: true`` (a manifest entry, a JSON Lines field).
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.findings import Hit
from auditor.rule import PolicyContext, Rule


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes", "1"))


def check(context: PolicyContext) -> Iterator[Hit]:
    if any(f.category == "ai-disclosure" for f in context.findings):
        return
    tagged = _truthy(context.document.metadata.get("ai_assisted"))
    if context.require_disclosure == "always" or (context.require_disclosure == "tagged" and tagged):
        why = "tagged as AI-assisted" if tagged else "policy requires it of every article"
        yield Hit(0, 0, f"no AI-disclosure notice ({why}): add one, e.g. 'This article was created with AI "
                        "assistance.'")


RULE = Rule(
    code="POL001",
    name="missing-ai-disclosure",
    category="policy",
    severity="error",
    scopes=("corpus",),
    stage="policy",
    summary="The policy requires an AI-disclosure notice (require_disclosure = always, or = tagged for articles "
    "tagged ai_assisted) and the article carries none.",
    rationale="Readers are owed a notice when AI helped write what they read; many newsrooms' standards require it.",
    flagged="An article tagged ai_assisted: true in the manifest, with no notice.",
    not_flagged="The same article ending with 'This article was created with AI assistance.'",
    check=check,
)
