"""CK002 cookie-banner-markup: an HTML consent container whose text asks for cookie consent.

The HTML reader marks consent containers: elements whose id or class names a
cookie banner or consent manager (``div#cookie-notice``, ``.cmplz-...``,
``#onetrust-banner``).  The container is strong evidence on its own, so one
banner signal of CK001's tables (shared, not copied) and the word "cookie" in
its text are enough; so are the cookie word and two words of the web (CK001's
context table), for wording the phrase tables do not cover.  Nested containers make one finding, for the outermost.

CK001 leaves wording inside consent containers to this rule, so one banner is
reported once.  An empty container, or one that only links to a cookie
policy, is not a banner.  Script content never reaches the text, so a consent
manager configured only in ``<script>`` is not reported.
"""

from __future__ import annotations

from typing import Iterator

from provenance_rules.cookie_text import COOKIE_WORD, WEB_CONTEXT, banner_signals, mentions_cookies

from auditor.document import CONSENT_CONTAINER, Document, Region
from auditor.findings import Hit
from auditor.languages import name_of
from auditor.rule import Rule

# Inside a consent container, the cookie word with this many distinct words of the
# web is wording about the visitor's cookies even when no banner phrase matched
# (glued inline text such as "usuarioEste sitio web utiliza cookies").
MIN_CONTEXT_WORDS = 2


def outermost(regions: tuple[Region, ...]) -> list[Region]:
    """Regions not contained in another one, by position."""
    kept: list[Region] = []
    for region in sorted(regions, key=lambda r: (r.start, -r.end)):
        if kept and region.end <= kept[-1].end:
            continue
        kept.append(region)
    return kept


def check(document: Document) -> Iterator[Hit]:
    text = document.text
    if not document.regions_of(CONSENT_CONTAINER) or not mentions_cookies(text):
        return
    for region in outermost(document.regions_of(CONSENT_CONTAINER)):
        if not COOKIE_WORD.search(text, region.start, region.end):
            continue
        signals = banner_signals(text, region.start, region.end)
        if not signals:
            context = {m.text.lower() for m in WEB_CONTEXT.finditer(text, region.start, region.end)}
            if len(context) < MIN_CONTEXT_WORDS:
                continue
        # Trim the container's leading and trailing white space from the span.
        start = region.start + len(text[region.start : region.end]) - len(text[region.start : region.end].lstrip())
        end = region.start + len(text[region.start : region.end].rstrip())
        languages = sorted({m.language for m in signals}) or sorted(
            {m.language for m in WEB_CONTEXT.finditer(text, region.start, region.end)}
        )
        named = ", ".join(name_of(code) for code in languages)
        yield Hit(
            start,
            end,
            f"cookie/consent banner in the page markup ({region.label or 'consent container'}, {named}): "
            "remove the container before publication",
            data={"container": region.label, "languages": languages, "signals": [m.text for m in signals]},
        )


RULE = Rule(
    code="CK002",
    name="cookie-banner-markup",
    category="cookie-banner",
    severity="error",
    scopes=("consent-container",),
    summary="An HTML consent container (an element whose id/class names a cookie banner or consent manager) "
    'whose text asks for cookie consent ("We use cookies ... Accept all").',
    rationale="A consent banner saved with the page ends up in the published article; naming the container "
    "tells the pipeline engineer which element to strip.",
    flagged='<html><body><article><p>The council approved the budget.</p></article>'
    '<div id="cookie-notice"><p>We use cookies to improve your experience. By continuing to browse, '
    "you agree to our use of cookies.</p><button>Accept</button></div></body></html>",
    not_flagged='<html><body><article><p>Regulators say many websites still set tracking cookies before '
    'visitors agree.</p></article><div class="cookie-notice"></div></body></html>',
    flagged_format="html",
    check=check,
)
