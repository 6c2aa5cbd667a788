"""POL003 too-few-sources: the article cites fewer sources than the policy's ``min_sources``.

Judged after the document's own rules (stage "policy"), from the sources the source-list,
footer and credit rules extracted.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.findings import Hit
from auditor.rule import PolicyContext, Rule


def check(context: PolicyContext) -> Iterator[Hit]:
    count = context.source_count
    if count < context.min_sources:
        yield Hit(0, 0, f"cites {count} source{'s' if count != 1 else ''}; the policy asks for at least "
                        f"{context.min_sources}")


RULE = Rule(
    code="POL003",
    name="too-few-sources",
    category="policy",
    severity="error",
    scopes=("corpus",),
    stage="policy",
    summary="The article cites fewer sources than the policy's min_sources.",
    rationale="A desk may require every piece to name what it is based on.",
    flagged="With min_sources = 1, an article with no source list, footer or credit.",
    not_flagged="With min_sources = 1, an article ending with 'Source: Reuters'.",
    check=check,
)
