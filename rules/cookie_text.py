"""CK001 cookie-banner-text: consent-banner wording left in the article text.

A banner speaks to the visitor about *this* site ("This website uses cookies",
"By continuing to use this site, you accept ...").  An article *about* cookies
talks about sites, browsers or biscuits in the third person, or quotes a
banner.  So a line counts as banner wording when, outside quotation marks, it
carries two banner signals, or one that opens a sentence together with a
word of the web (site, browsing, experience, advertising ...).  Adjacent
banner lines (blank lines or short button labels such as "Accept" between
them) make one block and one finding.

In HTML, wording inside a consent container (an element whose id/class names
cookie/consent) is left to CK002, which reports the container: one finding per
banner, never two.  The phrase tables here are shared with CK002.
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor.document import CONSENT_CONTAINER, Document, Line
from auditor.findings import Hit
from auditor.languages import table as cue_table
from auditor.phrases import PhraseMatch, PhraseTable
from auditor.rule import Rule

# Research notes: research/phrases.md, section B (real banner wording, by language).
_FEW_WORDS = r"(?:[\w'’-]+ ){0,3}?"

# The site speaks about its own cookies.
SITE_USES_COOKIES = PhraseTable(
    {
        "en": [
            rf"(?:this|our) (?:web ?)?(?:site|page|portal|service) (?:uses|is using|employs|stores|places) {_FEW_WORDS}cookies?",
            rf"we(?: and our (?:\w+ )?(?:partners|vendors|advertisers))? (?:use|are using|place|store|set) {_FEW_WORDS}cookies",
            r"we(?:'d| would) like to (?:use|set|store) (?:\w+ )?cookies",
            r"cookies help us (?:deliver|provide|improve|give)",
            r"(?:privacy|data protection) (?:&|and) cookies:",
        ],
        "de": [
            rf"(?:diese|unsere) (?:web|internet)?(?:site|seite|webseite|website|internetseite|homepage) "
            rf"(?:verwendet|benutzt|nutzt|setzt) {_FEW_WORDS}['\"‚„]?cookies",
            rf"wir (?:verwenden|nutzen|benutzen|setzen) {_FEW_WORDS}cookies",
            rf"(?:verwenden|nutzen|benutzen|setzen|müssen|möchten) wir {_FEW_WORDS}cookies",
            rf"(?:auf )?(?:dieser|unserer) (?:web|internet)?(?:seite|website|webseite|homepage) (?:werden|wird) "
            rf"{_FEW_WORDS}cookies",
            r"(?:die )?auf (?:dieser|unserer) (?:web|internet)?(?:seite|website|webseite) (?:verwendeten|eingesetzten|"
            r"genutzten) cookies",
            r"cookies erleichtern die bereitstellung",
        ],
        "es": [
            rf"(?:utilizamos|usamos|empleamos) {_FEW_WORDS}cookies",
            rf"(?:este|nuestro|el) (?:sitio|portal|sitio web|web|página web|página) (?:web )?(?:utiliza|usa|emplea) {_FEW_WORDS}cookies",
        ],
        "fr": [
            rf"nous utilisons {_FEW_WORDS}(?:des |les )?(?:cookies|traceurs)",
            rf"(?:ce|notre) site (?:web |internet )?utilise {_FEW_WORDS}(?:des |les )?(?:cookies|traceurs)",
        ],
        "pt": [
            rf"(?:este|esse|o nosso|nosso|o) (?:site|portal|sítio)(?: web)? (?:utiliza|usa) {_FEW_WORDS}cookies",
            rf"(?:nós )?(?:utilizamos|usamos) {_FEW_WORDS}cookies",
        ],
        "vi": [
            r"(?:trang web|website|trang|web) (?:này|của chúng tôi) (?:có )?sử dụng (?:các )?cookies?",
            r"chúng tôi sử dụng (?:các )?cookies?",
        ],
        "id": [
            rf"(?:situs|website|laman)(?: web)? (?:ini|kami) menggunakan {_FEW_WORDS}cookies?",
            rf"kami menggunakan {_FEW_WORDS}cookies?",
        ],
        # Polish: outside the claimed languages, but the same banners appear on Polish news sites.
        "pl": [
            rf"(?:strona|serwis|witryna|nasze strony|nasza strona|nasz serwis)(?: internetowa| internetowy)? "
            rf"(?:korzysta z|korzystają z|używa|używają|wykorzystuje|wykorzystują|stosuje|stosują) "
            rf"{_FEW_WORDS}(?:plików cookies?|pliki cookies?|ciasteczek|ciasteczka|cookies?)",
            rf"używamy {_FEW_WORDS}(?:plików cookies?|pliki cookies?|ciasteczek|ciasteczka|cookies?)",
            r"na naszych stronach (?:używamy|wykorzystujemy|stosujemy)",
        ],
    }
)

# The site asks the visitor to accept, or tells them that going on means accepting.
VISITOR_CONSENTS = PhraseTable(
    {
        "en": [
            r"by (?:continuing|using|browsing|clicking|choosing|closing|visiting|staying)",
            r"if you continue (?:to )?(?:use|using|browse|browsing|visit)",
            r"you (?:accept|agree to|consent to|are giving consent to|are agreeing to) (?:our |the |their |its |this )?"
            r"(?:use|placement|storing|storage|cookie|cookies)",
            r"you agree to (?:their|its|this) use",
            r"accept (?:all )?cookies",
            r"we(?:'ll| will) assume (?:that )?you(?:'re| are) (?:ok|okay|happy|fine)",
            r"continu(?:ed|ous) (?:usage|use) of (?:the|this|our) (?:web)?site",
        ],
        "de": [
            rf"stimmen sie {_FEW_WORDS}(?:\w+ )?zu",
            rf"stimmst du {_FEW_WORDS}(?:\w+ )?zu",
            rf"erklären sie sich {_FEW_WORDS}einverstanden",
            r"(?:wenn|indem) (?:du|sie) (?:mit dem besuch )?(?:die |diese |der |unsere )?(?:website|seite|webseite)? ?"
            r"(?:weiterhin |weiter )?(?:nutzt|nutzen|besuchst|besuchen|fortfahren)",
            r"mit der (?:weiteren )?nutzung (?:der|dieser|unserer) (?:website|seite|webseite|dienste|internetseite)",
            r"durch (?:die )?nutzung unserer (?:website|seite|webseite|dienste)",
            r"(?:alle |nur notwendige )?cookies akzeptieren",
            r"von (?:deinem|ihrem) einverständnis aus",
            r"akzeptieren sie die verwendung von cookies",
        ],
        "es": [
            r"si (?:continúa|continúas|continua|sigue|sigues) navegando",
            r"(?:acepta|aceptas) (?:su|el|nuestro) uso",
            r"acepto el uso de (?:las )?cookies",
            r"aceptar (?:todas )?(?:las )?cookies",
            r"al (?:continuar|seguir) (?:navegando|en este sitio|utilizando)",
            r"consideramos que (?:usted )?acepta",
        ],
        "fr": [
            r"en poursuivant (?:votre )?navigation",
            r"en continuant (?:à|de) (?:naviguer|utiliser)",
            r"vous acceptez (?:l'|l’|que|le dépôt|nos)",
            r"accepter (?:tous )?les cookies",
            r"tout accepter",
        ],
        "pt": [
            r"se (?:você )?continuar (?:a navegar|a navegação|navegando|a utilizar)",
            r"ao (?:continuar|aceitar|utilizar|usar|navegar|clicar)",
            r"(?:você )?(?:aceita|concorda com) (?:o uso|a utilização|a nossa|nossa)",
            r"aceitar (?:todos )?(?:os )?cookies",
        ],
        "vi": [
            r"nếu bạn tiếp tục (?:truy cập|sử dụng)",
            r"bằng cách (?:sử dụng|tiếp tục|nhấp)",
            r"bạn (?:đã )?đồng ý (?:với )?(?:việc )?(?:sử dụng|đặt|chính sách)",
            r"cho phép tất cả (?:các )?cookies?",
            r"chấp nhận (?:tất cả )?(?:các )?cookies?",
        ],
        "id": [
            r"dengan (?:melanjutkan|menggunakan (?:situs|website|laman)|mengklik)",
            r"anda (?:menyetujui|setuju dengan) (?:penggunaan|kebijakan)",
            r"terima (?:semua )?cookies?",
        ],
        "pl": [
            r"korzystając ze? (?:strony|serwisu|witryny)",
            r"(?:zgadzasz|zgadza pan|zgadza pani) się na",
            r"wyrażasz zgodę",
            r"klikając",
            r"akceptuję",
        ],
    }
)

# Words of the web that make "we use cookies" about a website, not a bakery.
WEB_CONTEXT = PhraseTable(
    {
        "en": [r"(?:web)?sites?", r"brows\w+", r"experience", r"services?", r"traffic", r"analy[sz]\w*",
               r"advertis\w*", r"ads", r"personali[sz]\w*", r"preferences", r"partners", r"third[- ]part\w+",
               r"consent", r"privacy", r"tracking", r"navigation", r"visits?"],
        "de": [r"\w*(?:seite|website)\w*", r"nutzer\w*", r"dienste?", r"service", r"analyse\w*", r"werbung",
               r"anzeigen", r"datenschutz\w*", r"einverständnis", r"personalisier\w*"],
        "es": [r"sitio", r"web", r"navegación", r"navegando", r"servicios?", r"publicidad", r"experiencia",
               r"preferencias", r"terceros", r"estadística\w*", r"privacidad"],
        "fr": [r"site", r"navigation", r"expérience", r"services?", r"publicité\w*", r"audience", r"partenaires",
               r"tiers", r"confidentialité", r"consentement"],
        "pt": [r"site", r"navegação", r"experiência", r"serviços?", r"publicidade", r"terceiros", r"privacidade"],
        "vi": [r"trang web", r"website", r"trải nghiệm", r"truy cập", r"dịch vụ", r"quảng cáo", r"quyền riêng tư"],
        "id": [r"situs", r"website", r"pengalaman", r"layanan", r"iklan", r"privasi", r"kebijakan"],
        "pl": [r"stron\w*", r"serwis\w*", r"korzystanie", r"reklam\w*", r"przeglądar\w*", r"prywatności"],
    }
)

# Consent walls worded as requests ("Please accept cookies to continue", "Bitte akzeptiere die
# Cookies", "Aceptar y continuar") and the choices a consent manager offers ("Con tu permiso",
# "Entscheide selbst, welche ...", "Cho phép lưu ..."), from auditor/languages.
CONSENT_REQUEST = cue_table("CONSENT", "request")
CONSENT_CHOICE = cue_table("CONSENT", "choice")
# Devices and browsers: the site speaks of what it stores on the visitor's machine.
DEVICE_CONTEXT = cue_table("CONSENT", "web")

COOKIE_STEMS = ("cookie", "traceur", "ciasteczk")
COOKIE_WORD = re.compile("|".join(COOKIE_STEMS), re.IGNORECASE)
SENTENCE_END = ".!?:;|•·»)]-–—*"
OPENING_QUOTES = "“«„‚"
CLOSING_QUOTES = "”»“‘’"
MAX_BANNER_LINE = 900  # longer lines are article paragraphs, not a banner's text
MAX_BUTTON_LINE = 40  # "Accept", "Cookie settings", "Read More": kept inside a block
LANGUAGE_NAMES = {"en": "English", "de": "German", "es": "Spanish", "fr": "French", "pt": "Portuguese",
                  "vi": "Vietnamese", "id": "Indonesian", "pl": "Polish"}


def inside_quotes(text: str, position: int) -> bool:
    """Whether ``position`` in a line falls inside an open quotation (a quoted banner is reported speech)."""
    before = text[:position]
    if before.count('"') % 2 == 1:
        return True
    opened = sum(before.count(q) for q in OPENING_QUOTES)
    closed = sum(before.count(q) for q in "”»")
    return opened > closed


def banner_signals(text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch]:
    """Every banner signal in text[start:end], by position."""
    found = (list(SITE_USES_COOKIES.finditer(text, start, end)) + list(VISITOR_CONSENTS.finditer(text, start, end))
             + list(CONSENT_REQUEST.finditer(text, start, end)) + list(CONSENT_CHOICE.finditer(text, start, end)))
    return sorted(found, key=lambda m: m.start)


def _web_context(text: str, start: int, end: int, signal: PhraseMatch) -> bool:
    """A word of the web near the signal, or in it: "This website uses cookies" names the site itself."""
    return any(table.search(text, a, b) for table in (WEB_CONTEXT, DEVICE_CONTEXT)
               for a, b in ((start, signal.start), (signal.end, end), (signal.start, signal.end)))


def _opens_sentence(line_text: str, offset: int) -> bool:
    """Only a label, a bullet or sentence punctuation precedes the signal in its line."""
    before = line_text[:offset].rstrip()
    return not before or before[-1] in SENTENCE_END or not any(c.isalnum() for c in before)


def banner_line_signals(document: Document, line: Line) -> list[PhraseMatch]:
    """The signals that make a line banner wording; empty when it is not one."""
    if len(line.text) > MAX_BANNER_LINE or not COOKIE_WORD.search(line.text):
        return []
    signals = [
        m for m in banner_signals(document.text, line.start, line.end)
        if not inside_quotes(line.text, m.start - line.start)
        and not document.in_region(CONSENT_CONTAINER, m.start, m.end)
    ]
    if len(signals) >= 2:
        return signals
    # A request to accept cookies is addressed to the visitor on its own ("Please accept cookies to continue").
    if any(s.text and CONSENT_REQUEST.search(document.text, s.start, s.end) for s in signals):
        return signals
    if len(signals) == 1:
        signal = signals[0]
        opening = _opens_sentence(line.text, signal.start - line.start)
        if opening and _web_context(document.text, line.start, line.end, signal):
            return signals
    return []


def mentions_cookies(text: str) -> bool:
    """A cheap first pass: no cookie word, no banner (most articles stop here)."""
    lowered = text.lower()
    return any(word in lowered for word in COOKIE_STEMS)


def check(document: Document) -> Iterator[Hit]:
    if not mentions_cookies(document.text):
        return
    block: list[tuple[Line, list[PhraseMatch]]] = []
    gap = 0
    for line in document.lines:
        signals = banner_line_signals(document, line)
        if signals:
            block.append((line, signals))
            gap = 0
            continue
        if block and (not line.text.strip() or len(line.text.strip()) <= MAX_BUTTON_LINE) and gap < 2:
            gap += 1
            continue
        if block:
            yield _hit(block, document.language)
            block = []
        gap = 0
    if block:
        yield _hit(block, document.language)


_SIGNAL_TABLES = (SITE_USES_COOKIES, VISITOR_CONSENTS, CONSENT_REQUEST, CONSENT_CHOICE)
_ONE_LANGUAGE: dict[str, list[PhraseTable]] = {}


def _signal_language(signal: PhraseMatch, article_language: str) -> str:
    """The article's language when the signal's wording is also its wording ("utilizamos cookies" is es and pt)."""
    if signal.language == article_language:
        return signal.language
    if article_language not in _ONE_LANGUAGE:
        _ONE_LANGUAGE[article_language] = [PhraseTable({article_language: t.phrases[article_language]})
                                           for t in _SIGNAL_TABLES if t.phrases.get(article_language)]
    for table in _ONE_LANGUAGE[article_language]:
        match = table.search(signal.text)
        if match is not None and match.start == 0 and match.end == len(signal.text):
            return article_language
    return signal.language


def _hit(block: list[tuple[Line, list[PhraseMatch]]], article_language: str = "und") -> Hit:
    first, last = block[0][0], block[-1][0]
    start = first.start + len(first.text) - len(first.text.lstrip())
    end = last.start + len(last.text.rstrip())
    languages = sorted({_signal_language(m, article_language) for _, signals in block for m in signals})
    wording = [m.text for _, signals in block for m in signals]
    named = ", ".join(LANGUAGE_NAMES.get(code, code) for code in languages)
    return Hit(
        start,
        end,
        f"cookie/consent banner text ({named}): remove it before publication",
        data={"languages": languages, "signals": wording},
    )


RULE = Rule(
    code="CK001",
    name="cookie-banner-text",
    category="cookie-banner",
    severity="error",
    scopes=("text",),
    summary='Cookie/consent banner wording addressed to the visitor ("This website uses cookies. By continuing '
    'to use this site, you accept ...", "Wir verwenden Cookies ...", "Nous utilisons des cookies ...") left in '
    "the article text; one finding per banner block.",
    rationale="A banner scraped along with the article is debris that readers see as a publishing error; "
    "articles about cookies, browsers or baking are not banners and are left alone.",
    flagged="The council approved the budget.\nThis website uses cookies. By continuing to use this site, "
    "you accept our use of cookies.",
    not_flagged="Regulators found that many websites still drop tracking cookies before visitors accept them.",
    check=check,
)
