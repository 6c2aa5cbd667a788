"""POL005 suppression-names-no-rule: an ``audit-ignore`` marker naming something that is not
a rule code (a category, a rule's name, a mistyped or unknown code).

Judged after the document's own rules (stage "policy"), against every registered rule,
selected or not: a marker for a rule this run does not select is still a real marker.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.findings import Hit
from auditor.rule import PolicyContext, Rule


def check(context: PolicyContext) -> Iterator[Hit]:
    codes = {rule.code for rule in context.known_rules}
    for marker in context.suppressions:
        for name in marker.codes:
            if name.upper() not in codes:
                yield Hit(marker.marker_start, marker.marker_end, _message(name, context.known_rules))


def _message(name: str, rules: tuple[Rule, ...]) -> str:
    named = [r.code for r in rules if name.lower() in (r.category, r.name)]
    if named:
        return (f"audit-ignore names {name!r}, not a rule code, so it accepts nothing: name the code"
                f"{'s' if len(named) > 1 else ''} ({', '.join(named)})")
    return f"audit-ignore names {name!r}, which no rule has as its code, so it accepts nothing (see: audit rules)"


RULE = Rule(
    code="POL005",
    name="suppression-names-no-rule",
    category="policy",
    severity="warning",
    scopes=("corpus",),
    stage="policy",
    summary="An inline audit-ignore marker names something that is not a rule code (a category, a rule's name, a "
    "mistyped or unknown code); that name accepts nothing.",
    rationale="A marker that silently accepts nothing leaves the editor believing a finding was dealt with.",
    flagged="audit-ignore cookie-banner: quoted on purpose",
    not_flagged="audit-ignore CK001: quoted on purpose",
    check=check,
)
