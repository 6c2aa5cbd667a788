"""LN001 uncited-lean: the article leans heavily on another document of the audit that it
does not cite — a near-duplicate, a rewrite or a translation without credit.

Judged once the corpus-wide lean stage has scored the article (stage "lean"): lean reports
such a document as an uncited result, and this rule places the finding on the first
aligned passage (the body's start when there is none). The document is read again only for
an article with an uncited result.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.findings import Hit
from auditor.rule import LeanContext, Rule


def check(context: LeanContext) -> Iterator[Hit]:
    uncited = [lean for lean in context.lean if not lean.cited]
    if not uncited:
        return
    document = context.document
    # Evidence spans are offsets into the body text; the body's first span starts it.
    body_start = document.body_spans[0][0]
    for lean in uncited:
        if lean.evidence:
            start, end = lean.evidence[0].article_span
            start, end = min(body_start + start, len(document.text)), min(body_start + end, len(document.text))
        else:
            start, end = body_start, body_start
        yield Hit(start, end, f"near-duplicate of {lean.document} (lean {lean.score:.2f}, {lean.label}) "
                              "which it does not cite: name the source or check the copy")


RULE = Rule(
    code="LN001",
    name="uncited-lean",
    category="lean",
    severity="warning",
    scopes=("corpus",),
    stage="lean",
    summary="An article leans heavily (score above 0.6) on another document in the audit that it does not cite: "
    "a near-duplicate, a rewrite or a translation without credit.",
    rationale="Publishing another outlet's work without naming it is the provenance failure editors most need "
    "to catch. Without publication dates the direction is unknown, so it is reported as a near-duplicate.",
    flagged="Two files in the audit, one a translation of the other, and neither names the other as a source.",
    not_flagged="Two articles on the same story, with the same names and figures, written independently.",
    check=check,
)
