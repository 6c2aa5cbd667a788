"""The HTML report in a real headless Chromium: highlights, the side-by-side view, clicks, and no planted script runs.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) and
Selenium.  Without them the test fails in CI (``CI=true``) and is skipped locally.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from conftest import ROOT, in_folder

from auditor.api import audit_paths
from auditor.config import Config
from auditor.formats import render
from auditor.formats.output import write_atomic

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)

# A planted article: markup that must stay text, and a cookie banner so some of it lands in a finding.
PLANTED_NAME = "999_planted.txt"
PLANTED = (
    "Planted: markup inside an article\n\n"
    "Body text with <script>window.__pwned=1</script> inline.\n"
    'An image <img src=x onerror="window.__pwned=2"> and a <a href="javascript:window.__pwned=3">link</a>.\n'
    "<style>body { display: none }</style> and a closing tag </script><script>window.__pwned=4</script>.\n"
    "This website uses cookies. By continuing to use this site, you accept our use of cookies. "
    '<img src=x onerror="window.__pwned=5">\n'
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def browser_unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"the HTML report's browser test needs headless Chromium in CI, but {reason}", pytrace=False)
    pytest.skip(f"headless Chromium unavailable: {reason}")


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        browser_unavailable("selenium is not installed (pip install -e '.[test]')")
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        browser_unavailable("chromium or chromedriver is not on PATH (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="audit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    try:
        # An explicit driver path: Selenium must not try to download one.
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except WebDriverException as exc:
        shutil.rmtree(profile, ignore_errors=True)
        browser_unavailable(f"Chromium did not start: {exc.msg or exc}")
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def report_page(tmp_path_factory, browser):
    """The corpus (with lean) plus the planted article, written with -o's atomic writer and opened via file://."""
    folder = tmp_path_factory.mktemp("html-report")
    shutil.copytree(os.path.join(ROOT, "corpus"), folder / "corpus")
    (folder / "corpus" / PLANTED_NAME).write_text(PLANTED, encoding="utf-8")
    with in_folder(str(folder)):
        report = audit_paths(["corpus"], Config())
        write_atomic("report.html", render(report, "html"))
    browser.get((folder / "report.html").as_uri())
    return browser


def section(page, name_prefix: str):
    return page.find_element("css selector", f'section.article[data-path^="corpus/{name_prefix}"]')


def marks_by_rule(page, name_prefix: str, rule: str):
    return [
        mark
        for mark in section(page, name_prefix).find_elements("css selector", "div.text > mark.finding, div.text mark.finding")
        if mark.get_attribute("title").startswith(rule + " ")
    ]


def test_planted_script_never_runs(report_page) -> None:
    page = report_page
    assert page.execute_script("return typeof window.__pwned") == "undefined"
    assert page.execute_script("return document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.execute_script("return document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
    assert page.execute_script("return document.scripts.length") == 2  # the data block and the report's own
    planted = section(page, PLANTED_NAME[:3]).find_element("css selector", "div.text").text
    assert "<script>window.__pwned=1</script>" in planted
    assert '<img src=x onerror="window.__pwned=2">' in planted
    assert page.find_element("tag name", "body").is_displayed()  # the planted <style> did not hide the page


def test_findings_are_highlighted_in_place(report_page) -> None:
    page = report_page
    (banner,) = {m.get_attribute("data-finding"): m for m in marks_by_rule(page, "002", "CK001")}.values()
    assert "This website uses cookies" in banner.text
    assert "sev-error" in banner.get_attribute("class")
    (notice,) = {m.get_attribute("data-finding"): m for m in marks_by_rule(page, "003", "AI001")}.values()
    assert notice.text.strip() == "This article was created with AI assistance."
    assert marks_by_rule(page, PLANTED_NAME[:3], "CK001"), "the planted cookie banner is highlighted too"


PAIR_TEXTS = """
const view = arguments[0], side = arguments[1];
const texts = {};
view.querySelectorAll('.pane[data-side="' + side + '"] mark.evidence').forEach(m => {
  const id = m.getAttribute('data-pair');
  texts[id] = (texts[id] || '') + m.textContent;
});
return texts;
"""


def test_000_beside_001_with_aligned_passages(report_page) -> None:
    page = report_page
    view = page.find_element(
        "css selector", '.side-by-side[data-article$="000_61e13a849c1fc201.txt"][data-document$="001_66b1be0705075d55.txt"]'
    )
    article_side = page.execute_script(PAIR_TEXTS, view, "article")
    source_side = page.execute_script(PAIR_TEXTS, view, "source")
    assert len(article_side) >= 3
    assert set(article_side) == set(source_side), "every aligned passage is highlighted on both sides"
    (revenue,) = [pair for pair, text in article_side.items() if "48.39" in text]
    assert "48,39" in source_side[revenue]
    colours = page.execute_script(
        "return Array.from(arguments[0].querySelectorAll('mark.evidence[data-pair=\"' + arguments[1] + '\"]'))"
        ".map(m => getComputedStyle(m).backgroundColor)",
        view,
        revenue,
    )
    assert len(set(colours)) == 1, "the same colour on both sides"


def test_clicking_a_passage_scrolls_to_its_counterpart(report_page) -> None:
    page = report_page
    view = page.find_element("css selector", '.side-by-side[data-article$="000_61e13a849c1fc201.txt"]')
    article_marks = view.find_elements("css selector", '.pane[data-side="article"] mark.evidence')
    revenue = next(m for m in article_marks if "48.39" in m.text)
    pair = revenue.get_attribute("data-pair")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", revenue)
    revenue.click()
    counterpart_visible = page.execute_script(
        """
        const target = arguments[0].querySelector('.pane[data-side="source"] mark.evidence[data-pair="' + arguments[1] + '"]');
        const pane = target.closest('.text').getBoundingClientRect(), box = target.getBoundingClientRect();
        return [target.classList.contains('active'), box.bottom > pane.top && box.top < pane.bottom, target.textContent];
        """,
        view,
        pair,
    )
    assert counterpart_visible[0] and counterpart_visible[1], counterpart_visible


def test_clicking_a_finding_opens_its_details(report_page) -> None:
    page = report_page
    banner = marks_by_rule(page, "002", "CK001")[0]
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", banner)
    banner.click()
    details = page.find_element("id", "details")
    assert details.is_displayed()
    assert "CK001" in details.text and "cookie" in details.text.lower()
    page.find_element("id", "details-close").click()
    assert not details.is_displayed()


def visible_articles(page) -> list[str]:
    """Paths of the article sections a reader can see, and a check that their table rows agree."""
    shown = page.execute_script(
        "return Array.from(document.querySelectorAll('section.article'))"
        ".filter(s => s.offsetParent !== null).map(s => s.getAttribute('data-path'))"
    )
    rows = page.execute_script(
        "return Array.from(document.querySelectorAll('#summary tbody tr'))"
        ".filter(r => r.offsetParent !== null).map(r => r.querySelector('a').textContent)"
    )
    assert sorted(rows) == sorted(shown), "the summary table shows the same articles as the page"
    return shown


def reset_filters(page) -> None:
    page.find_element("id", "filter-reset").click()
    assert len(visible_articles(page)) == len(page.find_elements("css selector", "section.article"))


def test_verdict_banner_is_at_the_top_with_the_totals(report_page) -> None:
    page = report_page
    banner = page.find_element("id", "verdict")
    assert banner.is_displayed()
    assert banner.text.startswith("FAILED")
    tops = page.execute_script(
        "return ['verdict', 'summary'].map(id => document.getElementById(id).getBoundingClientRect().top)"
        ".concat([document.querySelector('section.article').getBoundingClientRect().top])"
    )
    assert tops == sorted(tops), "banner above the summary table above the articles"
    assert "errors" in banner.text and "1 warning" in banner.text and "info" in banner.text
    assert page.find_element("id", "legend").is_displayed()
    colour = page.execute_script("return getComputedStyle(arguments[0]).backgroundColor", banner)
    assert colour == "rgb(251, 211, 208)"  # the error wash, not the pass green


def test_failing_articles_are_listed_first(report_page) -> None:
    order = visible_articles(report_page)
    assert order[-1].endswith("000_61e13a849c1fc201.txt")  # only a warning: passes the gate
    assert set(order[:-1]) == {p for p in order if not p.endswith("000_61e13a849c1fc201.txt")}


def test_severity_filter_hides_other_findings_and_articles(report_page) -> None:
    page = report_page
    for name in ("error", "info"):
        page.find_element("css selector", f'#filters input[value="{name}"]').click()  # leave only warnings
    shown = visible_articles(page)
    assert [p.rsplit("/", 1)[-1] for p in shown] == ["000_61e13a849c1fc201.txt"]  # the only warning (POL002)
    items = page.find_elements("css selector", "section.article ol.findings > li")
    assert {i.get_attribute("class") for i in items if i.is_displayed()} == {"sev-warning"}
    cookie = marks_by_rule(page, "002", "CK001")[0]
    assert "filtered" in cookie.get_attribute("class")
    assert page.find_element("id", "filter-status").text.startswith("Showing 1 of 6")
    reset_filters(page)
    assert "filtered" not in cookie.get_attribute("class")


def test_rule_and_category_filters(report_page) -> None:
    from selenium.webdriver.support.ui import Select

    page = report_page
    Select(page.find_element("id", "filter-rule")).select_by_value("CK001")
    assert sorted(p.rsplit("/", 1)[-1][:3] for p in visible_articles(page)) == ["002", "999"]
    reset_filters(page)
    Select(page.find_element("id", "filter-category")).select_by_value("ai-disclosure")
    assert [p.rsplit("/", 1)[-1][:3] for p in visible_articles(page)] == ["003"]
    (notice,) = [li for li in section(page, "003").find_elements("css selector", "ol.findings > li") if li.is_displayed()]
    assert "AI001" in notice.text
    reset_filters(page)


def test_text_search_finds_the_article_case_insensitively(report_page) -> None:
    page = report_page
    box = page.find_element("id", "filter-text")
    box.send_keys("planted: MARKUP")
    assert [p.rsplit("/", 1)[-1] for p in visible_articles(page)] == [PLANTED_NAME]
    box.send_keys(" that no article contains")
    assert visible_articles(page) == []
    assert page.find_element("id", "filter-status").text.startswith("Showing 0 of 6")
    reset_filters(page)


def test_clicking_a_bar_of_the_chart_filters_by_its_rule(report_page) -> None:
    page = report_page
    bar = page.find_element("css selector", '#rule-chart g.bar[data-rule="DB004"]')
    assert bar.get_attribute("data-count") == "4"
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar)
    bar.find_element("css selector", "rect").click()
    assert page.find_element("id", "filter-rule").get_attribute("value") == "DB004"
    assert [p.rsplit("/", 1)[-1][:3] for p in visible_articles(page)] == ["004"]
    reset_filters(page)


def test_a_finding_links_to_its_rule_docs_and_says_how_to_accept_it(report_page) -> None:
    from auditor.formats.rule_docs import rule_docs_url

    page = report_page
    item = next(li for li in section(page, "002").find_elements("css selector", "ol.findings > li") if "CK001" in li.text)
    link = item.find_element("css selector", "a.rule-doc")
    assert link.get_attribute("href") == rule_docs_url("CK001") and link.is_displayed()
    assert item.find_element("css selector", ".accept code").text == "audit-ignore CK001: reason"
    banner = marks_by_rule(page, "002", "CK001")[0]
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", banner)
    banner.click()
    details = page.find_element("id", "details")
    assert "audit-ignore CK001: reason" in details.text
    assert details.find_element("css selector", "a.rule-doc").get_attribute("href") == rule_docs_url("CK001")
    page.find_element("id", "details-close").click()
