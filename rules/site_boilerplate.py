"""DB006 site-boilerplate: the page's own furniture copied into the article text.

News pages surround an article with lines that belong to the site: ad labels ("Advertisement",
"PUBLICIDAD", "Anzeige"), paywall and one-device notices ("To continue reading, subscribe",
"Berlangganan untuk lanjutkan membaca"), share/print/read-aloud toolbars ("Compartir esta
noticiaComentarios", "Drucken"), breadcrumbs ("Home > Blog > ...", items ending in "/" or ">"),
reading-time lines ("14 min read", "Lesezeit: 12 Minuten"), "you are here" and skip-link labels,
"Was this article helpful?" widgets, tag labels ("Tags: ..."), media-player leftovers ("No media
source currently available", "0:00 0:01:16"), reaction counters ("Happy / 0 %") and staff lines
glued to the text ("...MKReporter: Aininadhirah").

A line counts only when its shape is the furniture's: the cue is the whole line (toolbars, ad
labels, widgets, reading times), or opens a short line (paywall, skip-link, contact and tag
lines), or the line is a chain of short items joined by breadcrumb separators. A sentence that
talks about paywalls, advertising or sharing is article text and is left alone. Cue words per
language live in ``auditor/languages``. A short line no cue names still counts when the debris line
model (``auditor/lines``) scores it above its card's threshold and the line has a mark of furniture
(a count, a separator, a label's colon, capitals, glued words, a boilerplate cue word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from provenance_rules.link_leftover import link_label
from provenance_rules.promo_line import call_to_action
from provenance_rules.section_label import page_label

from auditor.document import Document, Line
from auditor.findings import Hit
from auditor.languages import cues, pattern, table
from auditor.lines import model as line_model
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later

WHOLE_LINE = {role: pattern("BOILERPLATE", role) for role in ("ad_label", "feedback", "reading_time", "media_player",
                                                              "furniture_line", "theme_line")}
LINE_OPENING = {role: pattern("BOILERPLATE", role) for role in ("paywall", "location", "contact", "promo", "tag_label",
                                                                  "media_player", "reading_time", "theme_opening")}
TOOLBAR_WORD = pattern("BOILERPLATE", "toolbar").pattern
TOOLBAR_LINE = compile_later(rf"(?:(?:{TOOLBAR_WORD})(?:\s*[|·•/,:]\s*|\s+|$))+", re.IGNORECASE)
# A capitalised staff label glued to the word before it: "MKReporter: Aininadhirah", "...iniEditor: X".
STAFF_ROLES = [p for phrases in cues("BOILERPLATE", "staff_role").values() for p in phrases]
GLUED_STAFF = compile_later(r"[^\W\d_](?:" + "|".join(p[0].upper() + p[1:] for p in STAFF_ROLES) + r")\s?:\s*\S")
HOME = compile_later(r"^(?:home|inicio|início|accueil|startseite|beranda|trang chủ|portada|página inicial|"
                  r"[\w-]+(?:\.[\w-]+)+)$", re.IGNORECASE)
SEPARATOR = "[>›»/]"
BREADCRUMB_LINE = compile_later(rf"^(?P<first>[^>›»/\n]{{1,40}}?)\s*(?:{SEPARATOR}\s*[^>›»/\n]{{1,90}}?\s*){{2,}}$")
CRUMB_PIECE = compile_later(rf"^(?:{SEPARATOR}\s*)?[^>›»/.!?]{{0,60}}?\s*{SEPARATOR}$|^{SEPARATOR}\s*[^>›»/]{{1,90}}$")
LIST_MARK = compile_later(r"^\s*(?:\d{1,2}[.)]|[•·*-])?\s*")
TIMECODES = compile_later(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?){1,}$")
PERCENT_ONLY = compile_later(r"^\d{1,3}\s?%$")
# "Subscribe to read: what that little button really means" is a headline about paywalls, not a paywall.
HEADLINE_AFTER = compile_later(r"\s*:\s*\w+(?:\s+\w+){2,}")
MAX_OPENING_WORDS = 30
# Cues that count anywhere in a line of furniture's length: an appeal to donate, a browser notice.
# A browser notice opens its sentence ("To play this video you need to enable JavaScript" aside, advice to
# "update your browser" in an article about a bug is prose).
ANYWHERE = {role: table("BOILERPLATE", role) for role in ("appeal", "browser_notice")}  # one automaton each
SENTENCE_OPENS = compile_later(r"(?:^|[.!?:]\s+)\W*$")
# A URL slug or a file name left alone on a line ("o-que-nao-pode-faltar", "imagen_reciclaje"): lower-case ASCII
# words joined by two or more hyphens, or by an underscore; no prose is written so.
SLUG = compile_later(r"[a-z0-9]+(?:(?:-[a-z0-9]+){2,}|(?:_[a-z0-9]+)+)")
# Page furniture that opens a line ("Lire aussi : <headline>", "Page 2 of 5", "Mostrando postagens com marcador …")
# is a label and a link or a count: short, and not a sentence of the article.
FURNITURE_OPENING = pattern("BOILERPLATE", "furniture_opening")
MAX_FURNITURE_WORDS = 14
MAX_LINE_CHARS = 300
MAX_CRUMB_WORDS = 25
WIDGET_REACH = 6


def _bare(text: str) -> str:
    return LIST_MARK.sub("", text).strip().strip(" .:!–—-")


def _kind(text: str) -> str | None:
    """What furniture one line is, or None."""
    if len(text) > MAX_LINE_CHARS:
        return None  # a paragraph, not furniture
    bare = _bare(text)
    if not bare:
        return None
    words = len(bare.split())
    for role, cue in WHOLE_LINE.items():
        if cue.fullmatch(bare) or cue.fullmatch(bare.rstrip("?")):
            return role
    if words <= 8 and pattern("BOILERPLATE", "reading_time").search(bare) and any(c.isdigit() for c in bare):
        return "reading_time"
    if TOOLBAR_LINE.fullmatch(_unglued(bare)):
        return "toolbar"
    if words <= MAX_OPENING_WORDS:
        for role, cue in LINE_OPENING.items():
            opening = cue.match(bare)
            if opening and not (role == "paywall" and HEADLINE_AFTER.match(bare, opening.end())):
                return role
    if words <= MAX_FURNITURE_WORDS and FURNITURE_OPENING.match(bare) and not _ends_sentence(text):
        return "furniture"
    if TIMECODES.match(bare):
        return "media_player"
    for role, cue in ANYWHERE.items():
        found = cue.search(bare)
        if found and (role != "browser_notice" or "javascript" in bare.lower()
                      or SENTENCE_OPENS.search(bare[: found.start])):
            return role
    if SLUG.fullmatch(bare):
        return "slug"
    if ":" in text and GLUED_STAFF.search(text):  # the colon first: the search tries every letter of the line
        return "staff_line"
    crumb = BREADCRUMB_LINE.match(bare)
    if crumb and words <= MAX_CRUMB_WORDS and HOME.match(crumb.group("first").strip()):
        return "breadcrumb"
    return None


def _unglued(text: str) -> str:
    """A space where a lower-case letter runs into a capital ("noticiaComentarios"). By the letters' case, not by
    ranges: "À-Ỹ" also holds lower-case letters ("réseaux"). Word by word: a word whose letters after the first
    are all lower case has nothing glued, and most words are such (a per-character pass over every line was
    this rule's largest cost)."""
    words = text.split(" ")
    for index, word in enumerate(words):
        rest = word[1:]
        if rest.lower() != rest:
            words[index] = "".join(" " + c if i and c.isupper() and word[i - 1].islower() else c
                                   for i, c in enumerate(word))
    return " ".join(words)


def _ends_sentence(text: str) -> bool:
    """A full stop closes an article sentence; furniture ends on a word, a count or an ellipsis."""
    stripped = text.rstrip()
    return stripped.endswith(".") and not stripped.endswith("...") and not stripped.endswith("…")


MESSAGES = {
    "ad_label": "ad label", "feedback": "feedback widget", "reading_time": "reading-time line",
    "media_player": "media-player leftover", "paywall": "paywall notice", "location": "skip-link or "
    "'you are here' label", "contact": "newsroom contact line", "promo": "site promo", "tag_label": "tag list",
    "toolbar": "share/print toolbar", "staff_line": "staff line glued to the text", "breadcrumb": "breadcrumb trail",
    "reactions": "reaction counter", "furniture_line": "page furniture", "furniture": "page furniture",
    "learned": "page furniture, as the line model reads it", "appeal": "donation or membership appeal",
    "browser_notice": "browser or JavaScript notice", "slug": "URL slug or file name",
    "theme_line": "blog theme's widget or navigation", "theme_opening": "blog theme's comment-form or post notice",
}


def check(document: Document) -> Iterator[Hit]:
    lines = document.lines
    line_model.prime("debris", (LIST_MARK.sub("", line.text).strip() for line in lines if line.text.strip()))
    used: set[int] = set()
    for index, line in enumerate(lines):
        if index in used or not line.text.strip():
            continue
        block = _breadcrumb_block(lines, index) or _reaction_block(lines, index)
        if block:
            kind, last = block
            used.update(range(index, last + 1))
            yield _hit(line, lines[last], kind)
            continue
        kind = _kind(line.text) or _learned(line.text)
        if kind:
            yield _hit(line, line, kind)


def _learned(text: str) -> str | None:
    """A short line, not a sentence of the article, that the line model (auditor/lines) reads as site furniture,
    when no cue above named it."""
    line = LIST_MARK.sub("", text).strip()
    # Furniture is a whole line of its shape, not a sentence cut out of a paragraph; the model's answer was primed
    # for the document, so it is asked before the checks below.
    if not line_model.heard("debris", line) or not line_model.passes("debris", line):
        return None
    bare = _bare(text)
    opening = LINE_OPENING["paywall"].match(bare)
    if opening and HEADLINE_AFTER.match(bare, opening.end()):
        return None  # a headline about paywalls, as in _kind
    if call_to_action(text) is not None or link_label(text) or page_label(text):
        return None  # a newsletter or share prompt (DB005), a link label (DB001), a page label (DB002): reported once
    return "learned"


def _breadcrumb_block(lines: tuple[Line, ...], index: int) -> tuple[str, int] | None:
    """Breadcrumb items on lines of their own: "• Home /", "• /", "2. » Luận Văn" (blank lines between)."""
    first = lines[index].text
    if len(first) > 80 or not (re.search(SEPARATOR, first) or HOME.match(_bare(first))):
        return None
    pieces, last, gaps = [], index, 0
    for position in range(index, min(len(lines), index + 12)):
        bare = _bare(lines[position].text) if lines[position].text.strip() else ""
        if not lines[position].text.strip():
            gaps += 1
            if gaps > 1:
                break
            continue
        gaps = 0
        piece = LIST_MARK.sub("", lines[position].text).strip()
        if CRUMB_PIECE.match(piece) or (not pieces and HOME.match(bare)):
            pieces.append(piece)
            last = position
            continue
        if pieces and len(bare.split()) <= 12 and not re.search(r"[.!?]$", bare):
            pieces.append(piece)  # the last crumb: the page's own title
            last = position
        break
    separators = sum(len(re.findall(SEPARATOR, p)) for p in pieces)
    if len(pieces) >= 2 and separators >= 1 and HOME.match(_bare(re.sub(SEPARATOR, " ", pieces[0])).strip()):
        return "breadcrumb", last
    return None


def _reaction_block(lines: tuple[Line, ...], index: int) -> tuple[str, int] | None:
    """Counters of a reaction widget: two or more "0 %" lines a few lines apart."""
    if len(lines[index].text.split()) > 2:
        return None
    counters = [p for p in range(index, min(len(lines), index + WIDGET_REACH))
                if PERCENT_ONLY.match(lines[p].text.strip())]
    if len(counters) >= 2 and all(len(lines[p].text.split()) <= 2 for p in range(index, counters[-1] + 1)):
        return "reactions", counters[-1]
    return None


def _hit(first: Line, last: Line, kind: str) -> Hit:
    start = first.start + len(first.text) - len(first.text.lstrip())
    return Hit(start, last.start + len(last.text.rstrip()),
               f"site boilerplate ({MESSAGES[kind]}) copied with the article: delete it")


RULE = Rule(
    code="DB006",
    name="site-boilerplate",
    category="debris",
    severity="warning",
    scopes=("body",),
    summary='The page\'s own furniture left in the text: ad labels ("Advertisement", "PUBLICIDAD"), paywall notices '
    '("To continue reading, subscribe"), share/print toolbars, breadcrumbs ("Home > World > ..."), reading-time '
    'lines ("5 min read", "Lesezeit: 3 Minuten"), skip links, "Was this article helpful?", tag labels, '
    "media-player leftovers and staff lines glued to the text.",
    rationale="These lines belong to the site the text was copied from; published, they tell readers the article "
    "was scraped, and they break the text between paragraphs.",
    flagged="The harbour board met on Monday.\nAdvertisement\nIt approved the new fees.",
    not_flagged="Print advertising revenue fell 8% as more readers subscribe to read the paper online.",
    check=check,
)
