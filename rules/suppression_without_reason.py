"""POL004 suppression-without-reason: an inline ``audit-ignore`` marker that gives no reason.

Judged after the document's own rules (stage "policy"), from the document's markers. Such a
marker accepts nothing until it says why (see auditor/pipeline/suppress.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.findings import Hit
from auditor.rule import PolicyContext, Rule


def check(context: PolicyContext) -> Iterator[Hit]:
    for marker in context.suppressions:
        if not marker.reason:
            yield Hit(marker.marker_start, marker.marker_end,
                      f"audit-ignore {', '.join(marker.codes)} has no reason, so it accepts nothing: add ': why'")


RULE = Rule(
    code="POL004",
    name="suppression-without-reason",
    category="policy",
    severity="warning",
    scopes=("corpus",),
    stage="policy",
    summary="An inline audit-ignore marker gives no reason; it accepts nothing until it does.",
    rationale="An accepted finding must say why, so the next editor can judge whether it still holds.",
    flagged="audit-ignore CK001",
    not_flagged="audit-ignore CK001: the banner is quoted on purpose in a column about consent pop-ups",
    check=check,
)
