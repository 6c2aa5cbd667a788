"""DB001 link-leftover: a "Read More" / "Xem thêm" / "Leia mais" link label left behind by scraping.

Scrapers keep the visible text of links and drop the links, so an article can
end with "READ SOURCE" or carry "[Read more]" after a paragraph, "Lee también
<headline>" between paragraphs, or a caption glued to "- LEIA MAIS".  The rule
flags the label when it is alone on its line (with punctuation, arrows or
brackets around it), closes a paragraph, introduces a related headline, or
(written in capitals) follows a dash inside a line.  A sentence that uses the
same words ("I read more books this year") is left alone.
"""

from __future__ import annotations

from typing import Iterator

from auditor.document import Document
from auditor.findings import Hit
from auditor.languages import table as cue_table
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later

# Labels of links that lead on to the rest of a story or to its source.
MORE_LABELS = cue_table("BOILERPLATE", "more_label")
# Labels of "related story" boxes: alone on a line, or followed by the headline they linked to.
RELATED_LABELS = cue_table("BOILERPLATE", "related_label")
# What may surround a label on its own line: brackets, arrows, bullets, ellipses, punctuation.
DECORATION = " \t\u00a0[](){}<>«»‹›→⇒➔►▶▸»>|•·*-–—:.…!\"“”'’"
# What may follow a label that closes a paragraph: "... [Read more]", "... Read more »", "( leia mais... )".
TRAILING_TAIL = compile_later(r"[\s.…\])»›→>]*")
TRAILING_WINDOW = 60
# An all-capitals label after a dash or bar inside a line: "... de São Paulo - LEIA MAIS Peritos ...".
# The dash first, then the look-behind for the space before it: a pattern that opens with a look-behind is
# tried at every position of the line.
INLINE_DASH = compile_later(r"[-–—|](?<=\s[-–—|])[ \u00a0]+(?P<words>\S+(?:[ \u00a0]\S+){0,3})")
# A "+ Headline" teaser glued after a sentence: the "+" marks a related link ("... Coreia. + EUA punem ...").
TEASER = compile_later(r"(?<=[.!?”\"])[ \u00a0]+\+[ \u00a0]+(?P<word>\w+)")
MAX_HEADLINE_WORDS = 20
MAX_LABEL_CHARS = 40  # the longest label, with room to spare: longer lines are not a bare label
MAX_RELATED_LINE = 200


def _is_label(text: str) -> bool:
    """All of ``text`` is one link label, a "read more" or a related-article one."""
    return MORE_LABELS.spans_whole(text) or RELATED_LABELS.spans_whole(text)


def link_label(text: str) -> bool:
    """The line is nothing but a link label ("READ SOURCE", "Read more"): what this rule reports."""
    stripped = text.strip(DECORATION)
    return bool(stripped) and len(stripped) <= MAX_LABEL_CHARS and _is_label(stripped)


def check(document: Document) -> Iterator[Hit]:
    for line in document.lines:
        stripped = line.text.strip(DECORATION)
        if not stripped:
            continue
        offset = line.start + line.text.index(stripped)
        if link_label(stripped):
            yield Hit(offset, offset + len(stripped),
                      f'link label "{stripped}" left from scraping, alone on its line: delete the line')
            continue
        # Only the first characters can hold the label of a related-headline line.
        related = RELATED_LABELS.search(stripped, 0, MAX_LABEL_CHARS) if len(stripped) <= MAX_RELATED_LINE else None
        if related is not None and related.start == 0 and _introduces_headline(stripped, related.end):
            yield Hit(offset, offset + len(stripped),
                      f'"{related.text}" and the related headline after it are a link box left from scraping: '
                      "delete the line")
            continue
        yield from _trailing(line.text, line.start)
        for match in INLINE_DASH.finditer(line.text):
            label = _capitals_prefix(match.group("words"))
            if label and _is_label(label):
                start = line.start + match.start("words")
                yield Hit(start, start + len(label), f'link label "{label}" glued into the text: delete it')
        for match in TEASER.finditer(line.text) if "+" in line.text else ():  # the search tries every space
            if match.group("word")[0].isupper():
                start = line.start + match.start() + match.group(0).index("+")
                yield Hit(start, line.start + match.end(),
                          'a "+ headline" related-link teaser is glued into the text: delete the teaser')


def _capitals_prefix(words: str) -> str:
    """The leading words written wholly in capitals ("LEIA MAIS" of "LEIA MAIS Peritos da")."""
    kept = []
    for word in words.split():
        if not word.isupper():
            break
        kept.append(word)
    return " ".join(kept)


def _introduces_headline(line: str, label_end: int) -> bool:
    """The rest of the line reads as a linked headline: short, starts with a capital, no closing period."""
    rest = line[label_end:]
    colon = rest.lstrip().startswith(":")
    rest = rest.lstrip(" \t\u00a0:-–—»›>")
    if not rest or not rest[0].isupper():
        return False
    words = rest.split()
    if len(words) > MAX_HEADLINE_WORDS or rest.rstrip().endswith("."):
        return False
    # Without a colon the label must be followed straight by a capitalised headline, e.g. "Lee también Félix ...".
    return colon or len(words) >= 2


def _trailing(text: str, line_start: int) -> Iterator[Hit]:
    body = text.rstrip()
    last = None
    for found in MORE_LABELS.finditer(body, max(0, len(body) - TRAILING_WINDOW)):
        last = found
    if last is None or last.start == 0 or not TRAILING_TAIL.fullmatch(body, last.end):
        return
    before = body[: last.start].rstrip(" \t\u00a0")
    start = last.start
    bracketed = before.endswith(("[", "("))
    if bracketed:
        start = len(before) - 1
        before = before[:-1].rstrip()
    # "... and I read more" is a sentence; a label closes one: after an end mark or inside brackets.
    if not before or not (bracketed or before.endswith((".", "!", "?", "…", '"', "”", "’", ")"))):
        return
    start += line_start
    yield Hit(start, line_start + len(body), f'link label "{last.text}" left at the end of a paragraph: delete it')


RULE = Rule(
    code="DB001",
    name="link-leftover",
    category="debris",
    severity="warning",
    scopes=("body",),
    summary='A link label left by scraping: "Read More", "READ SOURCE", "Xem thêm", "Leer más", "Lire la suite", '
    '"Weiterlesen", "Baca juga", "Leia mais" alone on a line, after a paragraph, or before a related headline.',
    rationale="The label pointed to a link that no longer exists; printed, it tells readers the text was "
    "copied from somewhere and leads nowhere.",
    flagged="Meta will keep investing in AI, its chief executive said.\nREAD SOURCE",
    not_flagged="Since the pandemic I read more books than ever, she said.",
    check=check,
)
