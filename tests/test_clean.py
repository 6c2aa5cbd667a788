"""audit clean: cleaned copies elsewhere, inputs untouched."""

from __future__ import annotations

import hashlib
import os
import shutil

from click.testing import CliRunner

from auditor.cli import EXIT_ERROR, EXIT_OK, main

CORPUS = os.path.join(os.path.dirname(__file__), "..", "corpus")


def snapshot(folder: str) -> dict[str, tuple[str, int]]:
    result = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        with open(path, "rb") as handle:
            result[name] = (hashlib.sha256(handle.read()).hexdigest(), os.stat(path).st_mtime_ns)
    return result


def test_clean_corpus_writes_copies_without_debris_and_leaves_corpus_identical(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    before = snapshot(str(corpus))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(corpus), str(out)])
    assert result.exit_code == EXIT_OK, result.output
    assert snapshot(str(corpus)) == before
    cleaned = {name[:3]: (out / name).read_text(encoding="utf-8") for name in os.listdir(out) if name.endswith(".txt")}
    assert "uses cookies" not in cleaned["002"] and "READ SOURCE" not in cleaned["002"]
    assert not cleaned["002"].startswith("Android")
    assert "Read More" not in cleaned["003"] and cleaned["003"].rstrip().endswith("created with AI assistance.")
    assert "MỹTại" not in cleaned["001"] and "Mỹ. Tại" in cleaned["001"]
    assert "founded by Liang Wenfeng, has quickly risen" in cleaned["004"]
    # What is not debris is kept: sources, disclosure, the text itself.
    assert "SOURCE: CNBC | PHOTO: REUTERS" in cleaned["003"]
    assert cleaned["000"] == (corpus / "000_61e13a849c1fc201.txt").read_text(encoding="utf-8")
    assert (out / "manifest.json").read_bytes() == (corpus / "manifest.json").read_bytes()
    # The copies audit clean of debris and banners.
    audit = CliRunner().invoke(main, ["--no-lean", str(out)])
    assert audit.exit_code == EXIT_OK, audit.output


def test_clean_never_writes_into_its_input(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    before = snapshot(str(corpus))
    for target in (corpus, corpus / "cleaned"):
        result = CliRunner().invoke(main, ["clean", str(corpus), str(target)])
        assert result.exit_code == EXIT_ERROR and "never writes into" in result.output
    assert snapshot(str(corpus)) == before


def test_clean_html_keeps_markup_and_removes_the_banner_text(tmp_path) -> None:
    page = tmp_path / "in" / "a.html"
    page.parent.mkdir()
    page.write_text(
        "<html><body><article><p>The council approved the budget on Tuesday after a long debate.</p></article>"
        '<div class="cookie-notice"><p>This website uses cookies. By continuing to use this site, you accept '
        "our use of cookies.</p></div></body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["clean", str(page.parent), str(tmp_path / "out")])
    assert result.exit_code == EXIT_OK, result.output
    cleaned = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    assert "uses cookies" not in cleaned
    assert '<div class="cookie-notice"><p></p></div>' in cleaned and "approved the budget" in cleaned
