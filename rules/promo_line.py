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
from auditor.phrases import PhraseTable
from auditor.rule import Rule

# Calls to action, written as they open a line; "our"/"us" mark the page speaking to its reader.
CALLS_TO_ACTION = PhraseTable(
    {
        "en": [r"(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the) (?:free )?"
               r"(?:\w+ )?(?:newsletters?|daily|weekly|briefing|alerts?)",
               r"subscribe (?:now|today|here)", r"get (?:our|the) (?:free )?(?:\w+ )?newsletter",
               r"follow us(?: on (?:facebook|twitter|x|instagram|linkedin|telegram|tiktok|youtube|google news))?",
               r"like us on facebook", r"share this (?:article|story|post)", r"(?:like|spread the word)!? "
               r"(?:and|&) share", r"spread the word", r"join (?:us|our community) on",
               r"(?:\d+ ?)?% of readers think this story is (?:fact|fiction)", r"add your two cents",
               r"headline:(?= \S)"],
        "vi": [r"đăng ký nhận (?:bản tin|tin)", r"theo dõi (?:chúng tôi|.{0,20}) trên (?:facebook|zalo|youtube)",
               r"chia sẻ bài viết", r"like và share", r"nhấn theo dõi"],
        "es": [r"suscríbete(?: a(?: nuestro| nuestra)? (?:boletín|newsletter))?", r"suscríbase", r"síguenos en",
               r"comparte (?:esta (?:noticia|nota)|este artículo)", r"recibe (?:nuestro|el) boletín",
               r"regístrate (?:a|en) (?:nuestro|el) (?:boletín|newsletter)"],
        "fr": [r"abonnez-vous(?: à (?:notre|la) newsletter)?", r"inscrivez-vous à (?:notre|la) newsletter",
               r"suivez-nous sur", r"partagez cet article", r"recevez (?:notre|la) newsletter"],
        "de": [r"(?:jetzt )?(?:zum )?newsletter (?:abonnieren|anmelden|bestellen)", r"jetzt abonnieren",
               r"folgen sie uns(?: auf)?", r"artikel teilen", r"melden sie sich (?:hier )?(?:für|zum) "
               r"(?:unseren|den) newsletter an", r"zur anmeldung geht es hier"],
        "id": [r"berlangganan (?:newsletter|buletin)", r"ikuti (?:kami|berita .{0,30}) di",
               r"bagikan artikel ini", r"langganan (?:newsletter|sekarang)", r"dapatkan update berita"],
        "pt": [r"assine (?:nossa|a) newsletter", r"assine (?:já|agora)", r"siga-nos (?:no|nas|em)",
               r"compartilhe (?:esta (?:notícia|matéria)|este artigo)", r"inscreva-se (?:na|em) (?:nossa )?newsletter",
               r"receba (?:nossa|a) newsletter"],
    }
)
# Where a call to action may start: at the start of the line, after an opening bracket or bullet,
# or after the end of a sentence on the same short line ("Spread the word! LIKE and SHARE...").
OPENING = re.compile(r"(?:^|[.!?…]\s+)[\s\[(\-–—•*>📧📩👉]*$")
MAX_LINE_CHARS = 240
MAX_SENTENCES = 3


def check(document: Document) -> Iterator[Hit]:
    for line in document.lines:
        text = line.text
        stripped = text.strip()
        if not stripped or len(stripped) > MAX_LINE_CHARS:
            continue
        match = CALLS_TO_ACTION.search(text)
        if match is None or not OPENING.search(text, 0, match.start):
            continue
        # A long line of several sentences is a paragraph that mentions the phrase.
        if len(re.findall(r"[.!?](?:\s|$)", stripped)) > MAX_SENTENCES:
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
