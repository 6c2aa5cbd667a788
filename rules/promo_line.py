"""DB005 promo-line: a newsletter, subscription, social-sharing or injected promo line left in the article.

Pages wrap articles in calls to action ("Sign up for our newsletter", "Follow
us on Facebook", "Share this article", "Newsletter abonnieren") and some
aggregators inject lines of their own ("Headline: ...", "% of readers think
this story is Fact").  Scraped with the text, they end up between paragraphs.
The rule flags such a phrase when it opens a short line (or a sentence of one),
the way a widget label or call to action stands; an article that talks about
newsletters or subscriptions in its sentences is left alone.
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor.document import Document
from auditor.findings import Hit
from auditor.languages import table as cue_table
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later

# Calls to action, written as they open a line; "our"/"us" mark the page speaking to its reader.
CALLS_TO_ACTION = cue_table("BOILERPLATE", "call_to_action")
# Where a call to action may start: at the start of the line, after an opening bracket or bullet,
# or after the end of a sentence on the same short line ("Spread the word! LIKE and SHARE...").
OPENING = compile_later(r"(?:^|[.!?…]\s+)[\s\[(\-–—•*>📧📩👉]*$")
MAX_LINE_CHARS = 240
MAX_SENTENCES = 3


def call_to_action(text: str):
    """The call to action that opens this line (or a sentence of a short one), or None: what
    this rule flags, and what DB006 leaves to it."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_LINE_CHARS:
        return None
    match = CALLS_TO_ACTION.search(text)
    if match is None or not OPENING.search(text, 0, match.start):
        return None
    # A long line of several sentences is a paragraph that mentions the phrase.
    if len(re.findall(r"[.!?](?:\s|$)", stripped)) > MAX_SENTENCES:
        return None
    return match


def check(document: Document) -> Iterator[Hit]:
    for line in document.lines:
        text = line.text
        match = call_to_action(text)
        if match is None:
            continue
        start = line.start + len(text) - len(text.lstrip())
        yield Hit(start, line.start + len(text.rstrip()),
                  f'promo line ("{match.text}") left from the web page: delete the line')


RULE = Rule(
    code="DB005",
    name="promo-line",
    category="debris",
    severity="warning",
    scopes=("body",),
    summary='A newsletter, subscription, social or injected promo line: "Sign up for our newsletter", "Follow us '
    'on Facebook", "Share this article", "Newsletter abonnieren", "Assine nossa newsletter", "Headline: ...".',
    rationale="Calls to action belong to the page the text was scraped from, not to the article; published, "
    "they advertise someone else's newsletter or feed.",
    flagged="The council approved the budget on Tuesday.\nSign up for our newsletter\nWork starts in spring.",
    not_flagged="The paper said more readers sign up for its newsletter than buy the print edition.",
    check=check,
)
