"""HTML -> visible text with a map back to the HTML source, regions and markup.

The visible text comes from one pass of the standard library's HTML tokenizer
(the one beautifulsoup4's ``html.parser`` builder uses), because only the
tokenizer knows where each piece of text sat in the file.  ``script``,
``style``, ``noscript``, ``template`` and ``svg`` are skipped here, once, so no
rule ever sees them.  The page's machine-readable metadata (canonical URL,
site name, meta tags, JSON-LD) is read in the same pass: the ``meta``,
``link`` and JSON-LD ``script`` elements, with their attributes as
beautifulsoup4 would give them (the last of a repeated attribute, "" for one
without a value), which is how this was read before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from auditor.document import BODY, BOILERPLATE, CONSENT_CONTAINER, LIST_ITEM, Markup, Region
from auditor.positions import OffsetMap

SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
        "caption", "center", "button",
    }
)  # fmt: skip

# Container names that mark a consent manager.  Bare "cookie"/"consent" words in
# prose never reach this: it reads id and class attributes only.  The anchor
# list follows the container names seen in consent libraries and filter lists
# (research/phrases.md, section B).
CONSENT_ATTR = re.compile(
    r"cookie|consent|gdpr|rgpd|dsgvo|cmp[-_]|onetrust|cookiebot|borlabs|cmplz|didomi|"
    r"usercentrics|quantcast|tarteaucitron|iubenda|privacy[-_]?(?:banner|notice|overlay|popup)|"
    r"data[-_]?protection[-_]?(?:banner|overlay|notice)",
    re.IGNORECASE,
)
BOILERPLATE_TAGS = frozenset({"nav", "aside", "form"})
PAGE_CHROME_TAGS = frozenset({"header", "footer"})  # boilerplate only outside the article
BOILERPLATE_ATTR = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|sidebar|breadcrumbs?|site-?header|site-?footer|masthead|"
    r"share|sharing|social|related|recommend\w*|comments?|teaser\w*|skip-?link)(?:$|[-_\s])",
    re.IGNORECASE,
)
NEVER_BOILERPLATE = frozenset({"html", "body", "main", "article"})
BODY_ATTR = re.compile(r"articleBody|article-body|article__body|story-body|post-content|entry-content", re.I)
WHITESPACE = re.compile(r"\s+")
JSON_LD_TYPE = re.compile(r"ld\+json", re.I)
NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class HtmlText:
    text: str
    offsets: OffsetMap
    regions: tuple[Region, ...]
    markup: Markup


@dataclass
class _Open:
    tag: str
    text_start: int
    consent: str  # label when this element is a consent container
    boilerplate: bool
    body: str  # "", "article", "main", or "articleBody"


class _VisibleText(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.pieces: list[str] = []
        self.length = 0
        self.text_starts: list[int] = []
        self.source_starts: list[int] = []
        self.stack: list[_Open] = []
        self.open_bodies = 0  # elements on the stack that are an article body (article, main, articleBody)
        self.skip_depth = 0
        self.regions: list[Region] = []
        self.body_candidates: list[tuple[str, int, int]] = []
        self.lang: str | None = None
        self.pending_break = False
        self.comments: list[tuple[int, str]] = []
        # metadata, in document order
        self.meta: list[tuple[str, str]] = []
        self.canonical: str | None = None
        self.json_ld_sources: list[str] = []  # each JSON-LD script's text
        self.json_ld_open: list[str] | None = None  # pieces of the JSON-LD script being read

    # -- output -----------------------------------------------------------
    def _source_offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[min(line - 1, len(self.line_starts) - 1)] + column

    def _break(self) -> None:
        if self.length and not self.pieces[-1].endswith("\n"):
            self.pending_break = True

    def _emit(self, text: str, source_offset: int) -> None:
        if self.pending_break:
            self.pieces.append("\n")
            self.length += 1
            self.pending_break = False
        self.text_starts.append(self.length)
        self.source_starts.append(source_offset)
        self.pieces.append(text)
        self.length += len(text)

    # -- metadata -------------------------------------------------------------
    def _metadata(self, tag: str, attrs: list[tuple[str, str | None]], empty: bool) -> None:
        values = {k: v or "" for k, v in attrs}  # the last of a repeated attribute
        if tag == "meta":
            name = values.get("name") or values.get("property") or values.get("itemprop") or values.get("http-equiv")
            content = values.get("content")
            if name is not None and content is not None:
                self.meta.append((name.strip().lower(), content.strip()))
        elif tag == "link":
            if self.canonical is None and values.get("href") and "canonical" in [
                    r.lower() for r in NON_SPACE.findall(values.get("rel", ""))]:
                self.canonical = values["href"].strip()
        elif JSON_LD_TYPE.search(values.get("type", "")):
            if empty:
                self.json_ld_sources.append("")
            else:
                self.json_ld_open = []

    # -- tokenizer callbacks --------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "script"):
            self._metadata(tag, attrs, False)
        if tag == "html" and self.lang is None:
            self.lang = next((v for k, v in attrs if k == "lang" and v), None)
        if tag in VOID_TAGS:
            if tag in ("br", "hr"):
                self._break()
            return
        if tag in SKIPPED_TAGS:
            self.skip_depth += 1
            self.stack.append(_Open(tag, self.length, "", False, ""))
            return
        attr = dict(attrs)
        names = " ".join(v for k, v in attrs if k in ("id", "class") and v)
        inside_body = self.open_bodies > 0
        consent = ""
        if names and CONSENT_ATTR.search(names):
            # A readable label for the container, like a CSS selector: div#cookie-notice.banner
            consent = tag + (f"#{attr['id']}" if attr.get("id") else "")
            consent += "".join(f".{name}" for name in (attr.get("class") or "").split()[:2])
        boilerplate = tag in BOILERPLATE_TAGS or (tag in PAGE_CHROME_TAGS and not inside_body)
        # The page's outer elements carry site-wide classes ("page-header sidebar-open"): never chrome.
        if names and tag not in NEVER_BOILERPLATE and BOILERPLATE_ATTR.search(names) and not BODY_ATTR.search(names):
            boilerplate = True
        body = ""
        if attr.get("itemprop") == "articleBody" or (names and BODY_ATTR.search(names)):
            body = "articleBody"
        elif tag == "main" or attr.get("role") == "main":
            body = "main"
        elif tag == "article":
            body = "article"
        if tag in BLOCK_TAGS:
            self._break()
        self.stack.append(_Open(tag, self.length, consent, boilerplate, body))
        self.open_bodies += bool(body)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self._break()
        elif tag in ("meta", "link", "script"):
            self._metadata(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.json_ld_open is not None:
            self.json_ld_sources.append("".join(self.json_ld_open))
            self.json_ld_open = None
        # Close up to the matching open element; an end tag with no open match is ignored.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                break
        else:
            if tag in ("br", "p"):
                self._break()
            return
        while len(self.stack) > depth:
            self._close(self.stack.pop())

    def _close(self, element: _Open) -> None:
        self.open_bodies -= bool(element.body)
        if element.tag in SKIPPED_TAGS:
            self.skip_depth -= 1
            return
        if element.tag in BLOCK_TAGS:
            self._break()
        end = self.length
        if end > element.text_start:
            if element.consent:
                self.regions.append(Region(CONSENT_CONTAINER, element.text_start, end, element.consent))
            if element.boilerplate:
                self.regions.append(Region(BOILERPLATE, element.text_start, end, element.tag))
            if element.body:
                self.body_candidates.append((element.body, element.text_start, end))
            if element.tag == "li":
                self.regions.append(Region(LIST_ITEM, element.text_start, end, "li"))

    def handle_data(self, data: str) -> None:
        if self.json_ld_open is not None:
            self.json_ld_open.append(data)
        if self.skip_depth or not data:
            return
        source = self._source_offset()
        # Split at raw line breaks so every piece maps to its own source line.
        position = 0
        for raw_line in data.split("\n"):
            collapsed = WHITESPACE.sub(" ", raw_line)
            stripped = collapsed.strip()
            if stripped:
                lead = len(raw_line) - len(raw_line.lstrip())
                needs_space = (
                    self.length
                    and not self.pending_break
                    and not self.pieces[-1].endswith(("\n", " "))
                    and (collapsed[:1] == " " or position > 0)
                )
                self._emit((" " if needs_space else "") + stripped, source + position + lead - (1 if needs_space else 0))
                if collapsed.endswith(" "):
                    self._emit(" ", source + position + len(raw_line) - 1)
            elif collapsed and self.length and not self.pieces[-1].endswith(("\n", " ")):
                self._emit(" ", source + position)
            position += len(raw_line) + 1

    def handle_comment(self, data: str) -> None:
        # Only our own markers are kept: pages carry many comments, none of them text.
        if "audit-ignore" in data and not self.skip_depth:
            self.comments.append((self.length, data.strip()))

    def close_all(self) -> None:
        self.close()
        if self.json_ld_open is not None:  # a JSON-LD script the page never closed
            self.json_ld_sources.append("".join(self.json_ld_open))
            self.json_ld_open = None
        while self.stack:
            self._close(self.stack.pop())


def _choose_body(candidates: list[tuple[str, int, int]]) -> tuple[Region, ...]:
    """The article body: the articleBody element, else main, else the largest article."""
    for kind in ("articleBody", "main", "article"):
        spans = [(s, e) for k, s, e in candidates if k == kind]
        if spans:
            start, end = max(spans, key=lambda span: span[1] - span[0])
            return (Region(BODY, start, end, kind),)
    return ()


def _markup(parser: _VisibleText) -> Markup:
    json_ld: list[object] = []
    errors = 0
    for source in parser.json_ld_sources:
        try:
            json_ld.append(json.loads(source))
        except ValueError:
            errors += 1
    meta = parser.meta
    site_name = next((v for k, v in meta if k in ("og:site_name", "application-name")), None)
    canonical = parser.canonical
    if canonical is None:
        canonical = next((v for k, v in meta if k == "og:url"), None)
    return Markup(
        lang=parser.lang,
        canonical_url=canonical,
        site_name=site_name,
        meta=tuple(meta),
        json_ld=tuple(json_ld),
        json_ld_errors=errors,
        comments=tuple(parser.comments),
    )


def html_to_text(source: str) -> HtmlText:
    parser = _VisibleText(source)
    parser.feed(source)
    parser.close_all()
    text = "".join(parser.pieces)
    regions = tuple(parser.regions) + _choose_body(parser.body_candidates)
    offsets = OffsetMap(tuple(parser.text_starts), tuple(parser.source_starts))
    return HtmlText(text, offsets, regions, _markup(parser))
