"""The cache never changes a report: every format, after a cached run in any other format,
is byte for byte what a run without the cache writes."""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from auditor.cli import FORMATS, main

CORPUS = os.path.join(os.path.dirname(__file__), "..", "corpus")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache-formats") / "corpus"
    shutil.copytree(CORPUS, folder)
    return str(folder)


def _report(corpus: str, output_format: str, *cache: str) -> str:
    result = CliRunner().invoke(main, ["check", corpus, "--format", output_format, "--jobs", "1", *cache])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(scope="module")
def uncached(corpus) -> dict[str, str]:
    return {name: _report(corpus, name, "--no-cache") for name in FORMATS}


@pytest.mark.parametrize("first", FORMATS)
def test_every_format_after_a_cached_run_of_another_is_unchanged(corpus, uncached, first, tmp_path) -> None:
    cache_dir = str(tmp_path / "cache")
    assert _report(corpus, first, "--cache-dir", cache_dir) == uncached[first]
    for second in FORMATS:
        if second != first:
            assert _report(corpus, second, "--cache-dir", cache_dir) == uncached[second], (first, second)


def test_html_report_after_a_text_run_shows_the_articles(corpus, tmp_path) -> None:
    cache_dir = str(tmp_path / "cache")
    _report(corpus, "text", "--cache-dir", cache_dir)
    html = _report(corpus, "html", "--cache-dir", cache_dir)
    # the article pane holds the text (this was empty when the text run cached reports without it)
    assert "Meta" in html and "3.35" in html


def test_cache_folder_is_ignored_by_git_and_tagged(corpus, tmp_path) -> None:
    cache_dir = tmp_path / "cache"
    _report(corpus, "text", "--cache-dir", str(cache_dir))
    assert (cache_dir / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cache_dir / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
