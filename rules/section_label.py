"""DB002 section-label: a stray section name ("Android", "Thế giới") or ad label ("Publicidad") left as a line.

Scraped pages keep the breadcrumb or section name above the headline, and the
"Advertisement" label of an ad slot between paragraphs.  A heading inside the
article looks the same (a short line without punctuation), so the rule does
not guess from shape alone: it knows the vocabulary of section names and ad
labels, and flags a section name only among the first lines of the article,
and an ad label anywhere.
"""

from __future__ import annotations

from typing import Iterator

from auditor.document import Document
from auditor.findings import Hit
from auditor.languages import table as cue_table
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later

# Names of the desks and sections news sites file articles under (breadcrumbs, kickers).
SECTIONS = cue_table("BOILERPLATE", "section")
# Labels of ad slots: debris wherever they stand alone.
AD_LABELS = cue_table("BOILERPLATE", "section_ad_label")
# Breadcrumb separators: "Tech › Android", "World / Asia".
SEPARATOR = compile_later(r"\s*(?:[›>»/|·•]|&gt;)\s*")
# Whether there is a separator at all, asked first: SEPARATOR opens with \s* and is tried at every position.
SEPARATOR_MARK = compile_later(r"[›>»/|·•]|&gt;")
# Decoration an ad slot label may carry: "- Advertisement -", "[ Anzeige ]".
DECORATION = " \t\u00a0-–—_[]()*•·|:"
MAX_LABEL_WORDS = 3
# A section label sits above the headline: only the first lines of the body are candidates.
LEADING_LINES = 3


def _is_section_label(text: str) -> bool:
    parts = [p for p in SEPARATOR.split(text) if p] if SEPARATOR_MARK.search(text) else [text]
    return bool(parts) and len(text.split()) <= MAX_LABEL_WORDS * len(parts) and all(
        SECTIONS.spans_whole(p) for p in parts
    )


def page_label(text: str) -> bool:
    """The line is nothing but an ad label or section labels ("Android", "News | Tech"): what this rule reports
    (where the line stands decides whether it does)."""
    stripped = text.strip(DECORATION)
    return bool(stripped) and ((len(stripped.split()) <= MAX_LABEL_WORDS and AD_LABELS.spans_whole(stripped))
                               or _is_section_label(stripped))


def check(document: Document) -> Iterator[Hit]:
    body_start = document.body_spans[0][0]
    leading = 0  # non-blank lines seen since the body began
    lines = document.lines
    for index, line in enumerate(lines):
        if line.end <= body_start:
            continue
        stripped = line.text.strip(DECORATION)
        if not stripped:
            continue
        leading += 1
        offset = line.start + line.text.index(stripped)
        if len(stripped.split()) <= MAX_LABEL_WORDS and AD_LABELS.spans_whole(stripped):
            yield Hit(offset, offset + len(stripped),
                      f'ad label "{stripped}" left from the page between paragraphs: delete the line')
            continue
        # A section label comes before the headline, so something must follow it.
        has_next = any(other.text.strip() for other in lines[index + 1 : index + 3])
        if leading <= LEADING_LINES and has_next and _is_section_label(stripped) and _before_headline(lines, index, body_start):
            yield Hit(offset, offset + len(stripped),
                      f'section label "{stripped}" left above the article: delete the line')


def _before_headline(lines, index: int, body_start: int) -> bool:
    """Every non-blank body line before this one is itself a section label (labels stack: "News", "Tech")."""
    for earlier in lines[:index]:
        if earlier.end <= body_start:
            continue
        text = earlier.text.strip(DECORATION)
        if text and not _is_section_label(text):
            return False
    return True


RULE = Rule(
    code="DB002",
    name="section-label",
    category="debris",
    severity="warning",
    scopes=("body",),
    summary='A stray section name ("Android", "Thế giới", "Deportes", "Wirtschaft") above the headline, or an ad '
    'label ("Advertisement", "Publicidad", "Anzeige", "Quảng cáo", "Iklan") on its own line.',
    rationale="The page's navigation or ad slot was scraped with the article; published, the label reads as "
    "a fragment and shows the text was copied from a web page.",
    flagged="Android\n\nMeta will keep investing millions in AI after DeepSeek's arrival",
    not_flagged="Future Prospects\nDeepSeek has shown that AI can succeed without massive resources.",
    check=check,
)
