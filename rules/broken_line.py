"""DB004 broken-line: a sentence broken across two lines ("...founded by Liang Wenfeng, has" / "quickly risen...").

Scraping and copy-paste put line breaks inside sentences.  A break is flagged
where the line stops without closing its sentence and the sentence plainly
goes on: the next line continues in lowercase, the line ends on a comma or on
a word that cannot end a sentence ("the", "of", "has", "của", "der"), or a
paragraph stops mid-sentence before a line that is prose, not a heading.
Headings, list items, bullets, short verse-like lines and lines that end on a
colon ("Sources:") are left alone, and so are Markdown files, where a line
break inside a paragraph is normal.
"""

from __future__ import annotations

from typing import Iterator

from auditor.document import Document, Line
from auditor.findings import Hit
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later

# Words after which a sentence cannot stop: articles, prepositions, conjunctions, auxiliaries.
DANGLING = frozenset(
    """the a an of and or to for with by from in on at into than that which whose its their his her our your
    has have had is are was were be been will would can could should must not but as if because
    của và các những là cho với để từ trong khi mà thì đã sẽ đang được bị một
    el la los las un una de del al y o que en con por para su sus es fue ha han como pero sin sobre entre
    le les des du un une et ou à au aux en que qui dont par pour sur dans avec est sont a ont mais ce cette ses leur
    der die das den dem des ein eine einen einem einer und oder zu mit von für auf im in an ist sind hat haben
    wird wurde dass als bei nach aus zum zur vom beim am ins
    yang dan di dari ke untuk dengan pada oleh dalam bahwa atau adalah akan telah ini itu para
    o os as um uma do da dos das e ou em no na nos nas que para com por pelo pela ao aos seu sua é foi""".split()
)
# One-letter function words; other single letters at a line end are labels or initials.
ONE_LETTER_DANGLING = frozenset("a o e y à".split())
CLOSED = tuple(".!?…:;\"“”‘’«»)]}>*|")
BULLET = compile_later(r"^\s*(?:[-*•·–—▪►◦+>#]|\d{1,3}[.)]|[a-z][.)]\s|\(\w{1,3}\))\s*")
LAST_WORD = compile_later(r"(\w+)\W*$")
SENTENCE_INSIDE = compile_later(r"\w[.!?][\"”’)]?\s+[\"“]?\w")
MIN_BROKEN_WORDS = 3
MIN_BROKEN_CHARS = 40  # shorter lines are labels, names or verse
MIN_PARAGRAPH_CHARS = 80
MIN_PROSE_WORDS = 8
PARAGRAPH_STOPS = "a paragraph stops mid-sentence"
WORD = compile_later(r"[^\W\d_]+")
TAIL_CHARS = 40  # how much of the broken line the finding spans
HARD_WRAP_MIN_BREAKS = 6
HARD_WRAP_SHARE = 0.5  # of the prose lines


def check(document: Document) -> Iterator[Hit]:
    if document.format == "markdown":
        return
    hits = list(_breaks(document))
    prose_lines = sum(1 for line in document.lines if len(line.text.strip()) >= MIN_BROKEN_CHARS)
    if len(hits) >= HARD_WRAP_MIN_BREAKS and len(hits) >= HARD_WRAP_SHARE * prose_lines:
        # A hard-wrapped text (an e-mail, a terminal copy) breaks nearly every line: one finding, not fifty.
        first = hits[0]
        yield Hit(first.start, first.end,
                  f"the text is hard-wrapped: {len(hits)} lines break mid-sentence; unwrap each paragraph into one line",
                  data={"line_ends": [hit.end for hit in hits]})
        return
    yield from hits


def _breaks(document: Document) -> Iterator[Hit]:
    lines = document.lines
    lowercase_words: set[str] | None = None  # built on first need: most articles never need it
    for line, following in zip(lines, lines[1:]):
        reason = _broken(line, following)
        if reason == PARAGRAPH_STOPS:
            if lowercase_words is None:
                lowercase_words = {w for w in WORD.findall(document.text) if w.islower()}
            if not _capital_is_a_name(following.text, lowercase_words):
                reason = None
        if reason:
            text = line.text.rstrip()
            cut = max(0, len(text) - TAIL_CHARS)
            space = text.find(" ", cut)
            start = line.start + (space + 1 if 0 <= space < len(text) - 1 and cut > 0 else cut)
            yield Hit(start, line.start + len(text),
                      f"the line breaks mid-sentence ({reason}): join it with the next line")


def _broken(line: Line, following: Line) -> str | None:
    text, next_text = line.text.strip(), following.text.strip()
    if not text or not next_text or BULLET.match(line.text) or BULLET.match(following.text):
        return None
    if text.endswith(CLOSED) or len(text.split()) < MIN_BROKEN_WORDS or len(text) < MIN_BROKEN_CHARS:
        return None
    first = next_text[0]
    if not first.isalnum():
        return None  # a quotation, a bracket: the next line opens something new
    if first.islower():
        return "the next line continues in lowercase"
    if text.endswith(","):
        return "the line ends on a comma"
    last = LAST_WORD.search(text)
    if last is not None and text.endswith(last.group(1)):
        word = last.group(1)
        # Function words are lowercase mid-sentence; "Plan A" or "OR" are something else.
        if word.islower() and word in DANGLING and (len(word) > 1 or word in ONE_LETTER_DANGLING):
            return f'the line ends on "{last.group(1)}"'
    # A paragraph (several sentences) that stops mid-sentence, then more prose: not a heading after it.
    if (len(text) >= MIN_PARAGRAPH_CHARS and SENTENCE_INSIDE.search(text)
            and len(next_text.split()) >= MIN_PROSE_WORDS and next_text.endswith((".", "!", "?", "…", "”", '"'))):
        return PARAGRAPH_STOPS
    return None


def _capital_is_a_name(next_line: str, lowercase_words: set[str]) -> bool:
    """The next line's capital belongs to a name ("DeepSeek more accessible..."), not to a new sentence.

    A word the article also writes in lowercase ("Depuis", "The") is capitalised because a sentence
    starts there; a name keeps its capital everywhere, so it may well continue the sentence before.
    """
    first = WORD.match(next_line.strip())
    return first is not None and first.group(0).lower() not in lowercase_words


RULE = Rule(
    code="DB004",
    name="broken-line",
    category="debris",
    severity="warning",
    scopes=("body",),
    summary="A line that stops mid-sentence and goes on in the next line: it continues in lowercase, or the "
    'line ends on a comma or a word such as "the", "has", "of", "của", "der".',
    rationale="A hard line break inside a sentence breaks the paragraph in print and on the web; an editor "
    "has to join the lines before publication.",
    flagged="DeepSeek, a Chinese AI startup founded in Hangzhou, has\nquickly risen to the top of the charts.",
    not_flagged="The rise of DeepSeek\nDeepSeek has quickly risen to the top of the charts.",
    check=check,
)
