"""`audit --format html`: structure and escaping, checked without a browser (see test_html_browser.py for one)."""

from __future__ import annotations

import html.parser
import re

import pytest
from conftest import ROOT, in_folder

from auditor.formats import render
from auditor.formats.html import Highlight, highlight


class MarkCoverage(html.parser.HTMLParser):
    """Which mark ids cover each character of the text, and whether the tags nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.covering: list[frozenset[str]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        assert tag == "mark"
        self.open.append(dict(attrs)["data-id"])

    def handle_endtag(self, tag):
        assert tag == "mark" and self.open, "a </mark> without its <mark>"
        self.open.pop()

    def handle_data(self, data):
        self.text += data
        self.covering += [frozenset(self.open)] * len(data)


def coverage(text: str, spans: list[tuple[int, int, str]]) -> MarkCoverage:
    marks = [Highlight(s, e, "m", (("data-id", name),)) for s, e, name in spans]
    parser = MarkCoverage()
    parser.feed(highlight(text, marks))
    parser.close()
    assert parser.open == [], "unclosed marks"
    return parser


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 5, "a"), (3, 9, "b")],  # crossing: b must be split or a closed early
        [(2, 8, "a"), (3, 5, "b"), (4, 10, "c")],  # nested inside, then crossing out
        [(0, 10, "a"), (0, 10, "b")],  # identical spans nest
        [(4, 4, "empty"), (8, 30, "past-the-end"), (-3, 2, "before-start")],  # clamped or dropped
    ],
)
def test_overlapping_highlights_nest_and_cover_exactly_their_characters(spans) -> None:
    text = "0123456789ab"
    parsed = coverage(text, spans)
    assert parsed.text == text
    for position in range(len(text)):
        expected = {name for start, end, name in spans if max(start, 0) <= position < min(end, len(text))}
        assert parsed.covering[position] == expected, position


def test_split_marks_keep_their_identity_and_number_once() -> None:
    marks = [
        Highlight(0, 6, "evidence", (("data-pair", "p1"),), (("data-n", "1"),)),
        Highlight(3, 9, "evidence", (("data-pair", "p2"),), (("data-n", "2"),)),
    ]
    out = highlight("abcdefghij", marks)
    assert out.count('data-pair="p2"') == 2  # split in two where p1 ends
    assert out.count('data-n="2"') == 1
    assert 'class="evidence continued" data-pair="p2"' in out


PLANTED = (
    "Planted headline\n\n"
    'Body with <script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2"> and '
    '<a href="javascript:window.__pwned=3">a link</a> and <style>body{display:none}</style>.\n'
    "The closing tag </script><script>window.__pwned=4</script> tries to break out of the data block.\n"
    "This website uses cookies. By continuing to use this site, you accept our use of cookies. "
    "<img src=x onerror=\"window.__pwned=5\">\n"
)


@pytest.fixture(scope="module")
def planted_html(tmp_path_factory) -> str:
    from auditor.api import audit_paths
    from auditor.config import Config

    folder = tmp_path_factory.mktemp("planted")
    (folder / "hostile.txt").write_text(PLANTED, encoding="utf-8")
    with in_folder(str(folder)):
        report = audit_paths(["hostile.txt"], Config(lean=False))
        return render(report, "html")


def test_article_markup_is_shown_as_text_never_as_markup(planted_html) -> None:
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in planted_html
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in planted_html
    assert "javascript:" not in re.sub(r"&lt;a href=&quot;javascript:", "", planted_html)
    scripts = re.findall(r"<script\b[^>]*>", planted_html)
    assert scripts == ['<script type="application/json" id="report-data">', "<script>"]
    assert "<img" not in planted_html and "<style>body" not in planted_html


def test_data_block_cannot_be_closed_by_article_text(planted_html) -> None:
    block = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', planted_html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "cookies" in block  # the banner finding's excerpt is in there, escaped


def test_content_security_policy_allows_only_the_reports_own_script(planted_html) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', planted_html).group(1)
    policy = policy.replace("&#x27;", "'")
    assert "default-src 'none'" in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+';", policy)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_corpus_report_has_summary_highlights_and_side_by_side(corpus_report) -> None:
    with in_folder(ROOT):
        page = render(corpus_report, "html")
    assert page.count('<tr class="') == len(corpus_report.articles)
    assert 'data-finding="' in page and "mark class=\"finding sev-" in page
    assert re.search(r'class="side-by-side" data-article="corpus/000_[^"]+" data-document="corpus/001_', page)
    with in_folder(ROOT):
        assert render(corpus_report, "html") == page  # same input, same file
