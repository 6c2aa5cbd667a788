"""CK001 cookie-banner-text: consent-banner wording left in the article text.

A banner speaks to the visitor about *this* site ("This website uses cookies",
"By continuing to use this site, you accept ...").  An article *about* cookies
talks about sites, browsers or biscuits in the third person, or quotes a
banner.  So a line counts as banner wording when, outside quotation marks, it
carries two banner signals, or one that opens a sentence together with a
word of the web (site, browsing, experience, advertising ...).  Adjacent
banner lines (blank lines or short button labels such as "Accept" between
them) make one block and one finding.

Banner wording the cue phrases do not know goes to the cookie line model (``auditor/lines``, trained on real
banners and real cookie-policy and news lines, grouped by site): a line that names cookies or asks for
consent, outside quotation marks and outside a cookie policy, is banner wording when the model reads it so.

In HTML, wording inside a consent container (an element whose id/class names
cookie/consent) is left to CK002, which reports the container: one finding per
banner, never two.  The phrase tables here are shared with CK002.
"""

from __future__ import annotations

from typing import Iterator

from auditor.document import CONSENT_CONTAINER, Document, Line
from auditor.findings import Hit
from auditor.languages import inside_quotes, name_of
from auditor.languages import table as cue_table
from auditor.lines import model as line_model
from auditor.lines.gates import COOKIE_STEMS, COOKIE_WORD
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later
from auditor.rulekit.phrases import PhraseMatch, PhraseTable

# Research notes: research/phrases.md, section B (real banner wording, by language).

# The site speaks about its own cookies.
SITE_USES_COOKIES = cue_table("CONSENT", "site_uses")

# The site asks the visitor to accept, or tells them that going on means accepting.
VISITOR_CONSENTS = cue_table("CONSENT", "visitor_consents")

# Words of the web that make "we use cookies" about a website, not a bakery.
WEB_CONTEXT = cue_table("CONSENT", "web_context")

# Consent walls worded as requests ("Please accept cookies to continue", "Bitte akzeptiere die
# Cookies", "Aceptar y continuar") and the choices a consent manager offers ("Con tu permiso",
# "Entscheide selbst, welche ...", "Cho phép lưu ..."), from auditor/languages.
CONSENT_REQUEST = cue_table("CONSENT", "request")
CONSENT_CHOICE = cue_table("CONSENT", "choice")
# Devices and browsers: the site speaks of what it stores on the visitor's machine.
DEVICE_CONTEXT = cue_table("CONSENT", "web")

# Consent buttons as whole lines: a row of two or more, one of them accepting, is a banner's button row.
BUTTON_ACCEPT = cue_table("CONSENT", "button_accept")
BUTTON_OTHER = cue_table("CONSENT", "button_other")
BUTTON_DECORATION = " \t\u00a0[](){}<>*•·|✓✔✕×–—-!"
MIN_BUTTON_ROW = 2

# A cookie policy speaks *about* cookies: what they are, the browser settings that refuse them, the
# policy's own name; its sections are numbered ("5. Cookies"). Wording like a banner's in a policy is
# the policy, unless it asks the visitor to choose (a consent manager inside the policy page).
POLICY = cue_table("CONSENT", "policy")
POLICY_HEADING = cue_table("CONSENT", "policy_heading")  # a banner may link to "our cookie policy": only as a heading
NUMBERED_SECTION = compile_later(r"^\W{0,3}\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")
MAX_HEADING_WORDS = 8

SENTENCE_END = ".!?:;|•·»)]-–—*"
MAX_BANNER_LINE = 900  # longer lines are article paragraphs, not a banner's text
MAX_BUTTON_LINE = 40  # "Accept", "Cookie settings", "Read More": kept inside a block


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


class LearnedMatch(PhraseMatch):
    """A whole line the cookie line model reads as banner wording (no cue phrase of it matched)."""


def banner_line_signals(document: Document, line: Line) -> list[PhraseMatch]:
    """The signals that make a line banner wording; empty when it is not one."""
    if len(line.text) > MAX_BANNER_LINE:
        return []
    return (_cue_signals(document, line) if COOKIE_WORD.search(line.text) else []) or _learned(document, line)


def _learned(document: Document, line: Line) -> list[PhraseMatch]:
    text = line.text.strip()
    if not text or document.in_region(CONSENT_CONTAINER, line.start, line.end) or _policy_text(document, line):
        return []
    if not line_model.passes("cookie-banner", text):
        return []
    start = line.start + len(line.text) - len(line.text.lstrip())
    return [LearnedMatch(document.language, start, start + len(text), text)]


def _cue_signals(document: Document, line: Line) -> list[PhraseMatch]:
    signals = [
        m for m in banner_signals(document.text, line.start, line.end)
        if not inside_quotes(line.text, m.start - line.start)
        and not document.in_region(CONSENT_CONTAINER, m.start, m.end)
    ]
    if signals and _policy_text(document, line) and not any(
            CONSENT_REQUEST.search(document.text, s.start, s.end) or CONSENT_CHOICE.search(document.text, s.start, s.end)
            for s in signals):
        return []
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


def _policy_text(document: Document, line: Line) -> bool:
    """The line is a cookie policy's text: it defines cookies or points to browser settings, or stands under a
    policy heading ("Cookie Policy", "What are cookies?") or a numbered section about cookies ("5. Cookies")."""
    if POLICY.search(document.text, line.start, line.end):
        return True
    if NUMBERED_SECTION.match(line.text):
        return True
    for index in range(line.number - 1, max(-1, line.number - 3), -1):
        above = document.lines[index].text.strip()
        if not above:
            continue
        if len(above.split()) > MAX_HEADING_WORDS or not COOKIE_WORD.search(above):
            return False
        return bool(NUMBERED_SECTION.match(above) or POLICY.search(above) or POLICY_HEADING.search(above))
    return False


def mentions_cookies(text: str) -> bool:
    """A cheap first pass: no cookie word, no banner (most articles stop here)."""
    lowered = text.lower()
    return any(word in lowered for word in COOKIE_STEMS)


def asks_consent(text: str) -> bool:
    """A consent wall may not name cookies ("Accept and read for free")."""
    return any(table.search(text) for table in (CONSENT_REQUEST, CONSENT_CHOICE, VISITOR_CONSENTS))


def _button(text: str) -> str | None:
    """"accept" or "other" when the line is nothing but a consent button's label."""
    label = text.strip(BUTTON_DECORATION)
    if not label or len(label) > MAX_BUTTON_LINE:
        return None
    for kind, table in (("accept", BUTTON_ACCEPT), ("other", BUTTON_OTHER)):
        if table.spans_whole(label):
            return kind
    return None


def button_rows(document: Document) -> dict[int, PhraseMatch]:
    """The lines of consent button rows, by line number: runs of two or more button lines (blank lines between
    them allowed), one of them accepting ("Accept all", "Reject all", "Manage preferences")."""
    rows: dict[int, PhraseMatch] = {}
    run: list[tuple[Line, str]] = []
    for line in (*document.lines, None):
        kind = _button(line.text) if line is not None else None
        if line is not None and kind is None and not line.text.strip():
            continue
        if kind is not None and not document.in_region(CONSENT_CONTAINER, line.start, line.end):
            run.append((line, kind))
            continue
        if len(run) >= MIN_BUTTON_ROW and any(k == "accept" for _, k in run):
            for row_line, _ in run:
                label = row_line.text.strip()
                start = row_line.start + row_line.text.index(label)
                rows[row_line.number] = PhraseMatch(document.language, start, start + len(label), label)
        run = []
    return rows


def check(document: Document) -> Iterator[Hit]:
    # A row needs an accepting button: one automaton pass over the text before any line is looked at.
    rows = button_rows(document) if BUTTON_ACCEPT.search(document.text) else {}
    if not rows and not mentions_cookies(document.text) and not asks_consent(document.text):
        return
    line_model.prime("cookie-banner", (line.text.strip() for line in document.lines
                                       if line.text.strip() and len(line.text) <= MAX_BANNER_LINE))
    block: list[tuple[Line, list[PhraseMatch]]] = []
    gap = 0
    for line in document.lines:
        signals = [rows[line.number]] if line.number in rows else banner_line_signals(document, line)
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
    named = ", ".join(name_of(code) for code in languages)
    learned = any(isinstance(m, LearnedMatch) for _, signals in block for m in signals)
    return Hit(
        start,
        end,
        f"cookie/consent banner text ({named}): remove it before publication",
        data={"languages": languages, "signals": wording, **({"learned": True} if learned else {})},
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
