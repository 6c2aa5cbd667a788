"""The command line's scale options: --jobs, the cache folder, audit index and --against."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import EXIT_ERROR, EXIT_OK, main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_index_then_against_finds_the_copied_article(small_corpus, tmp_path, in_tmp) -> None:
    index = str(tmp_path / "archive.index")
    built = run("index", small_corpus, "--index", index, "--jobs", "1")
    assert built.exit_code == EXIT_OK, built.output
    assert "150 file(s) indexed, 0 unchanged" in built.output
    again = run("index", small_corpus, "--index", index, "--jobs", "1")
    assert "0 file(s) indexed, 150 unchanged" in again.output
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    source = sorted(Path(small_corpus).rglob("*.txt"))[5]
    shutil.copy(source, drafts / "draft.txt")
    result = run("--format", "json", "--jobs", "1", "--against", index, str(drafts))
    report = json.loads(result.output)
    lean = report["articles"][0]["lean"]
    assert any(entry["document"] == str(source) and entry["score"] >= 0.8 for entry in lean)


def test_against_a_missing_index_is_an_error_in_words(tmp_path, in_tmp) -> None:
    (tmp_path / "a.txt").write_text("The council met on Tuesday and approved the budget for the coming year.\n")
    result = CliRunner().invoke(main, ["--against", str(tmp_path / "nothing.index"), str(tmp_path / "a.txt")])
    assert result.exit_code == EXIT_ERROR
    assert "no archive index there" in result.output


def test_cache_folder_is_created_where_asked_and_no_cache_leaves_none(small_corpus, tmp_path, in_tmp) -> None:
    first = run("--no-lean", "--format", "json", "--jobs", "2", "--cache-dir", str(tmp_path / "c"), small_corpus)
    assert (tmp_path / "c").is_dir()
    second = run("--no-lean", "--format", "json", "--jobs", "1", "--cache-dir", str(tmp_path / "c"), small_corpus)
    assert first.output == second.output
    run("--no-lean", "--no-cache", small_corpus)
    assert not (tmp_path / ".audit-cache").exists()
    run("--no-lean", small_corpus)
    assert (tmp_path / ".audit-cache").is_dir()
