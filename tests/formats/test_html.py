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


class PageStructure(html.parser.HTMLParser):
    """The parts of the report page the new features put there: banner, chart bars, sections, links, markers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.verdict: dict[str, str] = {}
        self.verdict_text = ""
        self.bars: list[dict[str, str]] = []
        self.sections: list[dict[str, str]] = []
        self.rows: list[str] = []
        self.hrefs: list[str] = []
        self.finding_items: list[dict[str, str]] = []  # data-finding, docs link, accept marker
        self._in_verdict = False
        self._depth = 0
        self._code: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id") == "verdict":
            self.verdict, self._in_verdict = attributes, True
        if tag == "section":
            self._depth += 1
            if "article" in attributes.get("class", "").split():
                self.sections.append(attributes)
        if tag == "g" and "bar" in attributes.get("class", "").split():
            self.bars.append(attributes)
        if tag == "tr" and "data-index" in attributes:
            self.rows.append(attributes["data-index"])
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"])
            if "rule-doc" in attributes.get("class", "") and self.finding_items:
                self.finding_items[-1]["docs"] = attributes["href"]
        if tag == "li" and "data-finding" in attributes:
            self.finding_items.append({"id": attributes["data-finding"], "accept": ""})
        if tag == "code" and self.finding_items:
            self._code = self.finding_items[-1]

    def handle_endtag(self, tag):
        if tag == "section":
            self._depth -= 1
            self._in_verdict = False
        if tag == "code":
            self._code = None

    def handle_data(self, data):
        if self._in_verdict:
            self.verdict_text += data
        if self._code is not None:
            self._code["accept"] += data


def structure(page: str) -> PageStructure:
    parser = PageStructure()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def corpus_page(corpus_report) -> str:
    with in_folder(ROOT):
        return render(corpus_report, "html")


def test_verdict_banner_gives_the_gate_and_totals(corpus_report, corpus_page) -> None:
    page = structure(corpus_page)
    counts = corpus_report.counts()
    assert counts["failing"] > 0 and counts["findings_warning"] == 1
    assert page.verdict["data-verdict"] == "FAILED" and "failed" in page.verdict["class"]
    text = " ".join(page.verdict_text.split())
    assert text.startswith("FAILED")
    failing_articles = sum(1 for a in corpus_report.articles if any(f.severity == "error" for f in a.findings))
    assert f"{counts['failing']} findings at or above error in {failing_articles} articles" in text
    assert f"{counts['findings_error']} errors, 1 warning, {counts['findings_info']} info" in text
    assert "1 warnings" not in corpus_page


def test_verdict_passes_on_a_clean_article_and_fails_on_an_unreadable_file(tmp_path) -> None:
    from auditor.api import audit_paths
    from auditor.config import Config
    from auditor.pipeline.report import FileError, Report

    (tmp_path / "clean.txt").write_text(
        "The council approved the new budget on Tuesday after a long debate.\nWork begins in May.\n", encoding="utf-8")
    with in_folder(str(tmp_path)):
        clean = audit_paths(["clean.txt"], Config(lean=False))
    assert not clean.failing_findings()
    page = structure(render(clean, "html"))
    assert page.verdict["data-verdict"] == "PASSED" and "1 article audited" in page.verdict_text
    unreadable = Report(articles=(), errors=(FileError("picture.txt", "binary file"),))
    page = structure(render(unreadable, "html"))
    assert page.verdict["data-verdict"] == "FAILED" and "1 file could not be read" in page.verdict_text
    page = structure(render(Report(articles=(), errors=()), "html"))
    assert page.verdict["data-verdict"] == "FAILED" and "nothing was audited" in page.verdict_text


def test_failing_articles_come_first_in_the_table_and_the_page(corpus_report, corpus_page) -> None:
    page = structure(corpus_page)
    fails = [any(f.severity == "error" for f in a.findings) for a in corpus_report.articles]
    order = [int(s["data-index"]) for s in page.sections]
    assert sorted(order) == list(range(len(corpus_report.articles)))
    assert [fails[i] for i in order] == sorted(fails, reverse=True)  # all failing, then all passing
    assert fails[0] is False and order[-1] == 0  # 000 only has a warning: it moves to the end
    assert [int(i) for i in page.rows] == order


def test_chart_counts_open_findings_per_rule(corpus_report, corpus_page) -> None:
    from collections import Counter

    expected = Counter(f.rule for a in corpus_report.articles for f in a.findings)
    bars = structure(corpus_page).bars
    assert {b["data-rule"]: int(b["data-count"]) for b in bars} == dict(expected)
    assert [int(b["data-count"]) for b in bars] == sorted(expected.values(), reverse=True)
    widths = {code: int(w) for code, w in re.findall(r'data-rule="(\w+)".*?<rect [^>]*width="(\d+)"', corpus_page)}
    assert "<title>CK001 cookie-banner-text: 1 finding (click" in corpus_page
    assert "<title>DB004 broken-line: 4 findings (click" in corpus_page
    biggest = max(expected, key=lambda code: (expected[code], code))
    for code, count in expected.items():
        assert abs(widths[code] - widths[biggest] * count / expected[biggest]) <= 2, code


def test_each_finding_links_to_its_rule_and_shows_its_accept_marker(corpus_report, corpus_page) -> None:
    from auditor.formats.rule_docs import rule_docs_url

    items = structure(corpus_page).finding_items
    findings = {f"a{i}-f{n}": f for i, a in enumerate(corpus_report.articles) for n, f in enumerate(a.findings)}
    assert sorted(item["id"] for item in items) == sorted(findings)
    for item in items:
        finding = findings[item["id"]]
        assert item["docs"] == rule_docs_url(finding.rule)
        assert item["accept"] == f"audit-ignore {finding.rule}: reason"  # the corpus is plain text


def test_markdown_and_html_articles_are_told_the_comment_form(tmp_path) -> None:
    from auditor.api import audit_paths
    from auditor.config import Config

    banner = "This website uses cookies. By continuing to use this site, you accept our use of cookies."
    (tmp_path / "story.md").write_text(f"# Budget\n\nThe council approved the budget.\n\n{banner}\n", encoding="utf-8")
    with in_folder(str(tmp_path)):
        page = render(audit_paths(["story.md"], Config(lean=False)), "html")
    (item,) = [i for i in structure(page).finding_items if i["accept"].startswith("<!--")]
    assert item["accept"] == "<!-- audit-ignore CK001: reason -->"
    assert "&lt;!-- audit-ignore CK001: reason --&gt;" in page  # escaped, not a real comment


def test_the_only_links_are_in_page_anchors_and_rule_docs(planted_html, corpus_page) -> None:
    from auditor.formats.rule_docs import RULES_PAGE_URL

    for page in (planted_html, corpus_page):
        hrefs = structure(page).hrefs
        assert hrefs and all(h.startswith("#article-") or h.startswith(RULES_PAGE_URL + "#") for h in hrefs)


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_the_marker_shown_really_accepts_the_finding(tmp_path, name) -> None:
    from auditor.api import audit_paths
    from auditor.config import Config

    banner = "This website uses cookies. By continuing to use this site, you accept our use of cookies."
    body = "The council approved the new budget on Tuesday after a long debate.\n\n"
    (tmp_path / name).write_text(body + banner + "\n", encoding="utf-8")
    with in_folder(str(tmp_path)):
        report = audit_paths([name], Config(lean=False))
        (item,) = [i for i in structure(render(report, "html")).finding_items if "CK001" in i["accept"]]
        marker = item["accept"].replace("reason", "quoted on purpose")
        (tmp_path / name).write_text(body + marker + "\n" + banner + "\n", encoding="utf-8")
        accepted = audit_paths([name], Config(lean=False))
    (article,) = accepted.articles
    assert "CK001" not in [f.rule for f in article.findings]
    assert [(f.rule, reason) for f, reason in article.suppressed] == [("CK001", "quoted on purpose")]


def test_accepted_findings_are_listed_and_counted_not_highlighted(tmp_path) -> None:
    from auditor.api import audit_paths
    from auditor.config import Config

    banner = "This website uses cookies. By continuing to use this site, you accept our use of cookies."
    (tmp_path / "quoted.txt").write_text(
        "The council approved the new budget on Tuesday after a long debate.\n\n"
        f"audit-ignore CK001: quoted in a media column\n{banner}\n", encoding="utf-8")
    with in_folder(str(tmp_path)):
        page = render(audit_paths(["quoted.txt"], Config(lean=False)), "html")
    parsed = structure(page)
    assert parsed.verdict["data-verdict"] == "PASSED" and "1 accepted" in parsed.verdict_text
    assert "Accepted: CK001 line 4 (audit-ignore: quoted in a media column)" in page
    assert not [item for item in parsed.finding_items if "CK001" in item["accept"]]
