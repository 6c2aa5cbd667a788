"""POL002 undeclared-derivation: the article leans on one source at or above
``lean_declare_above`` (0.7 by default) but does not say it is a translation or a rewrite.

Judged once the corpus-wide lean stage has scored the article (stage "lean"). The
declaration is looked for in the whole text ("Translated from…", "Dịch từ…"); the document
is read again only for an article that leans that heavily.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.findings import Hit
from auditor.rule import LeanContext, Rule
from auditor.rulekit.phrases import PhraseTable

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


def declares_derivation(text: str) -> bool:
    return DECLARATIONS.search(text) is not None


def check(context: LeanContext) -> Iterator[Hit]:
    threshold = context.lean_declare_above
    if threshold is None:
        return
    heavy = [lean for lean in context.lean if lean.score is not None and lean.score >= threshold]
    if not heavy or declares_derivation(context.document.text):
        return
    for lean in heavy:
        yield Hit(0, 0, f"leans {lean.score:.2f} ({lean.label}) on {lean.source or lean.document} but does not "
                        f"say it is a translation or rewrite: add e.g. 'Translated from {lean.source or 'the original'}.'")


RULE = Rule(
    code="POL002",
    name="undeclared-derivation",
    category="policy",
    severity="warning",
    scopes=("corpus",),
    stage="lean",
    summary="The article leans on one source at or above lean_declare_above (0.7 by default) but does not say it is "
    "a translation, adaptation or rewrite of it.",
    rationale="A translation or rewrite presented as original reporting misleads readers about who did the work.",
    flagged="A condensed English translation of a Vietnamese article that only lists the outlet under 'Sources:'.",
    not_flagged="The same translation with the line 'Translated and condensed from Dantri.'",
    check=check,
)
