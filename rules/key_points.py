"""STR001 key-points-list: a summary list of bullet points ("Key points", "Điểm chính") heading the article.

Rewritten and syndicated stories often open with a box of key points above the
text, and publishers that have summaries machine-written say so in their notice
("The Key Points at the top of this article were created with the assistance of
AI"). The list is not debris: it is reported so that an editor checks every point
against the article beneath it and, where a tool wrote it, that the article says
so.

A list counts when it is labelled as a summary ("Key points:", "Puntos clave",
"Das Wichtigste in Kürze"...) and has at least two points, or, unlabelled, when it
opens the article (after the headline and at most one more line), has at least
three points that read as sentences, and prose follows it; a list that a sentence
introduces ("Residents must:") is that sentence's, not a summary. Lists further down
without such a label — steps, names, a source list at the end — are left alone.
In HTML the points are the ``<li>`` elements, which carry no bullet mark.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.document import LIST_ITEM, Document, Line
from auditor.findings import Hit
from auditor.languages import table as cue_table
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later

# Headings that announce a summary of the story's points.
SUMMARY_LABELS = cue_table("STRUCTURE", "summary_label")
# A bullet or list number at the start of a line: "- ", "• ", "1. ", "2) ".
BULLET = compile_later(r"^\s*(?:[-*•▪►◦‣–—]|\d{1,2}[.)])\s+(?=\S)")
LABEL_DECORATION = " \t\u00a0#*_:：-–—|[]()"
MAX_LABEL_WORDS = 6
LEADING_LINES = 2  # non-blank body lines that may stand above an unlabelled list: headline, standfirst
MIN_LABELLED_POINTS = 2
MIN_UNLABELLED_POINTS = 3
MIN_POINT_WORDS = 6  # shorter bullets are tags, names or navigation, not statements
MIN_PROSE_WORDS = 15  # the article that must follow an unlabelled list
WORD = compile_later(r"\w+")


def check(document: Document) -> Iterator[Hit]:
    body_start, body_end = document.body_spans[0][0], document.body_spans[-1][1]
    lines = [line for line in document.lines
             if line.text.strip() and line.end > body_start and line.start < body_end]
    items = [_is_point(document, line) for line in lines]
    index = 0
    while index < len(lines):
        if not items[index]:
            index += 1
            continue
        end = index
        while end < len(lines) and items[end]:
            end += 1
        points = lines[index:end]
        label = lines[index - 1] if index > 0 and _is_summary_label(lines[index - 1].text) else None
        if label is not None and len(points) >= MIN_LABELLED_POINTS:
            yield _hit(label, points, f'"{label.text.strip(LABEL_DECORATION)}"')
        elif (label is None and index <= LEADING_LINES and len(points) >= MIN_UNLABELLED_POINTS
              and not (index > 0 and lines[index - 1].text.rstrip().endswith((":", "：")))
              and all(_words(p.text) >= MIN_POINT_WORDS for p in points)
              and end < len(lines) and _words(lines[end].text) >= MIN_PROSE_WORDS):
            yield _hit(points[0], points, "")
        index = end


def _is_point(document: Document, line: Line) -> bool:
    if BULLET.match(line.text):
        return True
    return document.format == "html" and document.in_region(LIST_ITEM, line.start + _indent(line), line.end)


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _is_summary_label(text: str) -> bool:
    stripped = text.strip(LABEL_DECORATION)
    if not stripped or len(stripped.split()) > MAX_LABEL_WORDS:
        return False
    match = SUMMARY_LABELS.search(stripped)
    return match is not None and match.start == 0 and match.end == len(stripped)


def _words(text: str) -> int:
    return len(WORD.findall(BULLET.sub("", text)))


def _hit(first: Line, points: list[Line], label: str) -> Hit:
    start = first.start + _indent(first)
    named = f" under {label}" if label else " at the top of the article"
    return Hit(start, points[-1].end,
               f"key-points list of {len(points)} points{named}: check every point against the article; "
               "if a tool wrote the summary, the article must say so")


RULE = Rule(
    code="STR001",
    name="key-points-list",
    category="structure",
    severity="info",
    scopes=("body",),
    summary='A summary list of bullet points heading the article ("Key points", "Điểm chính", "Puntos clave", '
    '"L\'essentiel", "Das Wichtigste in Kürze", "Poin penting", "Pontos-chave"), labelled or opening the text.',
    rationale="A key-points box restates the story in a few claims that readers take as the article's; rewrites "
    "and syndicated copy add them, and some are machine-written (publishers that do so disclose it). Each point "
    "must be supported by the text below it, and a summary a tool wrote needs an AI notice.",
    flagged="DeepSeek shakes up Silicon Valley\n"
    "- DeepSeek R1, a Chinese AI model, has outperformed rival models on several tests.\n"
    "- The model was trained for $6 million, far less than its American competitors spent.\n"
    "- Meta's $60 billion AI investment shows the pressure on U.S. companies to respond.\n"
    "China's DeepSeek R1 has sent shockwaves through Silicon Valley, challenging the long-standing "
    "dominance of U.S. tech giants like OpenAI and Meta.",
    not_flagged="Residents who want the heating grant must do three things before the deadline:\n"
    "1. Fill in the form at the town hall or on the council's website.\n"
    "2. Attach a copy of the last tax statement and a recent energy bill.\n"
    "3. Send both by post or hand them in before 30 June at the latest.\n"
    "The council expects about 4,000 applications and will pay the first grants in September.",
    check=check,
)
