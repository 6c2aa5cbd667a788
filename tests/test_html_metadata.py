"""The page metadata read in the text pass equals what beautifulsoup4 read in a second parse.

`reference_markup` is how auditor.pipeline.html_text read a page's metadata before (its own
beautifulsoup4 parse, kept here as the definition); the single pass must give the same
Markup on the rule fixtures, the sample corpus, the saved pages of the evaluation set
when it is there, and random pages.
"""

from __future__ import annotations

import glob
import json
import os
import re
import warnings

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.document import Markup
from auditor.pipeline.html_text import html_to_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL_PAGES = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval", "cookie-banners-html", "pages"))


def reference_markup(source: str, lang: str | None, comments: tuple[tuple[int, str], ...]) -> Markup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(source, "html.parser", parse_only=SoupStrainer(["meta", "link", "script"]))
    meta: list[tuple[str, str]] = []
    for tag in soup.find_all("meta"):
        name = tag.get("name") or tag.get("property") or tag.get("itemprop") or tag.get("http-equiv")
        content = tag.get("content")
        if isinstance(name, str) and isinstance(content, str):
            meta.append((name.strip().lower(), content.strip()))
    canonical = None
    for tag in soup.find_all("link"):
        rel = tag.get("rel") or []
        rel_values = rel if isinstance(rel, list) else str(rel).split()
        if "canonical" in [r.lower() for r in rel_values] and tag.get("href"):
            canonical = str(tag.get("href")).strip()
            break
    json_ld: list[object] = []
    errors = 0
    for tag in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        try:
            json_ld.append(json.loads(tag.string or ""))
        except ValueError:
            errors += 1
    site_name = next((v for k, v in meta if k in ("og:site_name", "application-name")), None)
    if canonical is None:
        canonical = next((v for k, v in meta if k == "og:url"), None)
    return Markup(lang=lang, canonical_url=canonical, site_name=site_name, meta=tuple(meta),
                  json_ld=tuple(json_ld), json_ld_errors=errors, comments=comments)


def assert_same_markup(source: str) -> None:
    markup = html_to_text(source).markup
    assert markup == reference_markup(source, markup.lang, markup.comments)


def _pages() -> list[str]:
    paths = sorted(glob.glob(os.path.join(ROOT, "corpus", "*.htm*")))
    paths += sorted(glob.glob(os.path.join(ROOT, "tests", "**", "*.htm*"), recursive=True))
    paths += sorted(glob.glob(os.path.join(EVAL_PAGES, "*")))
    pages = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            pages.append(handle.read())
    return pages


def test_same_metadata_on_saved_pages() -> None:
    pages = _pages()
    if os.path.isdir(EVAL_PAGES):
        assert len(pages) >= 80
        # the pages carry what is compared: meta tags, a canonical link and JSON-LD
        assert sum(bool(html_to_text(p).markup.json_ld) for p in pages) >= 10
    for page in pages:
        assert_same_markup(page)


PIECES = [
    "<meta name='description' content=' A page '>", "<meta property=og:site_name content=Site>",
    "<meta content=x>", "<meta name content>", "<META NAME=Robots CONTENT=noindex/>",
    "<meta name=a name=b content=c>", "<meta http-equiv='' content=d>", "<meta itemprop=x content=''>",
    "<link rel=canonical href=' https://a.example/x '>", "<link rel='Alternate CANONICAL' href=/b/>",
    "<link rel=canonical href>", "<link rel=canonical href=/c>", "<meta property=og:url content=/u>",
    "<script type='application/ld+json'>", "<script type=application/LD+JSON />", "<script>", "</script>",
    '{"@type": "NewsArticle", "headline": "x</p>"}', "{not json", "<p>", "</p>", "<svg>", "</svg>",
    "<template>", "</template>", "<html lang=vi>", "<!-- c -->", "&amp;", "\n", " ", "<noscript>", "</noscript>",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30).map("".join))
def test_same_metadata_on_random_pages(source: str) -> None:
    assert_same_markup(source)


@pytest.mark.parametrize("source", [
    "<script type=application/ld+json>{\"a\": 1}",  # never closed
    "<script type=application/ld+json></script><script type=application/ld+json>[1]</script>",
])
def test_same_metadata_on_odd_scripts(source: str) -> None:
    assert_same_markup(source)
