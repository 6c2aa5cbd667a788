"""The audit command: exit codes, formats, selection, subcommands and paths that share their names."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from auditor.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, main

CLEAN = "The council approved the new budget on Tuesday after a long debate.\nWork begins in May.\n"
BANNER = CLEAN + "This website uses cookies. By continuing to use this site, you accept our use of cookies."


def run(*args: str, cwd: str | None = None):
    runner = CliRunner()
    if cwd:
        old = os.getcwd()
        os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        if cwd:
            os.chdir(old)


def test_clean_article_exits_0(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run("--no-lean", str(tmp_path))
    assert result.exit_code == EXIT_OK, result.output
    assert "Gate (fail on error): passed." in result.output


def test_cookie_banner_fails_the_gate_and_fail_on_moves_it(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(BANNER)
    result = run("--no-lean", str(tmp_path))
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert "CK001" in result.output
    ignored = run("--no-lean", "--ignore", "cookie-banner", str(tmp_path))
    assert ignored.exit_code == EXIT_OK, ignored.output


def test_input_error_exits_2_and_the_run_goes_on(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    result = run("--no-lean", "--format", "json", str(tmp_path))
    assert result.exit_code == EXIT_ERROR
    report = json.loads(result.output)
    assert [os.path.basename(a["path"]) for a in report["articles"]] == ["a.txt"]
    errors = {os.path.basename(e["path"]): e["error"] for e in report["errors"]}
    assert "empty file" in errors["b.txt"] and "JPEG" in errors["c.txt"]


def test_json_report_shape(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Meta said revenue grew 22%.\nSOURCE: CNBC | PHOTO: REUTERS\n")
    result = run("--no-lean", "--format", "json", str(tmp_path / "a.txt"))
    report = json.loads(result.output)
    assert report["version"] == "1.0"
    article = report["articles"][0]
    assert article["path"] == str(tmp_path / "a.txt")
    assert set(article) >= {"path", "language", "sources", "ai_disclosure", "findings"}
    assert {"name": "CNBC", "domain": "cnbc.com", "role": "text"} in article["sources"]
    finding = article["findings"][0]
    assert set(finding) >= {"rule", "category", "severity", "line", "column", "end_line", "end_column",
                            "message", "excerpt"}
    assert finding["line"] == 2 and finding["column"] == 1


def test_output_file_is_written_whole(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    result = run("--no-lean", "--format", "json", "-o", str(out), str(tmp_path / "a.txt"))
    assert result.exit_code == EXIT_OK
    assert json.loads(out.read_text())["articles"]
    assert os.listdir(out.parent) == ["report.json"]


def test_rules_subcommand_lists_every_rule_from_metadata() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for code in ("SRC001", "SRC002", "AI001", "AI002", "CK001", "CK002", "DB001", "DB002", "DB003", "DB004", "DB005"):
        assert code in result.output
    markdown = run("rules", "--format", "markdown", "CK001")
    assert "## CK001" in markdown.output and "**Why it matters.**" in markdown.output


def test_a_folder_named_like_a_subcommand_is_audited_when_written_as_a_path(tmp_path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.txt").write_text(BANNER)
    as_path = run("--no-lean", "rules/", cwd=str(tmp_path))
    assert as_path.exit_code == EXIT_FINDINGS and "CK001" in as_path.output
    dotted = run("--no-lean", "./rules", cwd=str(tmp_path))
    assert dotted.exit_code == EXIT_FINDINGS
    (folder / "module.py").write_text("print('not an article')\n")
    skipped = run("--no-lean", "rules/", cwd=str(tmp_path))
    assert "1 file skipped: not an article format" in skipped.output
    bare = run("rules", cwd=str(tmp_path))
    assert bare.exit_code == 0 and "SRC001  source-list" in bare.output


def test_unknown_selector_and_bad_config_are_usage_errors(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run("--select", "NOPE999", str(tmp_path))
    assert result.exit_code == EXIT_ERROR
    (tmp_path / "audit.cfg").write_text("[audit]\nfail_on = sometimes\n")
    bad = run(str(tmp_path / "a.txt"), cwd=str(tmp_path))
    assert bad.exit_code == EXIT_ERROR
    assert "fail_on" in bad.output


def test_config_file_sets_severity_and_fail_on(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Line one of a draft.\nRead More\n")
    # Debris fails the gate by default.
    assert run("--no-lean", str(tmp_path / "a.txt"), cwd=str(tmp_path)).exit_code == EXIT_FINDINGS
    (tmp_path / "audit.cfg").write_text("[audit]\nseverity = debris = warning\n")
    assert run("--no-lean", str(tmp_path / "a.txt"), cwd=str(tmp_path)).exit_code == EXIT_OK
    (tmp_path / "audit.cfg").write_text("[audit]\nseverity = debris = warning\nfail_on = warning\n")
    assert run("--no-lean", str(tmp_path / "a.txt"), cwd=str(tmp_path)).exit_code == EXIT_FINDINGS


@pytest.mark.skipif(shutil.which("audit") is None, reason="console script not installed")
def test_console_script_is_installed() -> None:
    import subprocess

    out = subprocess.run(["audit", "--version"], capture_output=True, text=True, check=True)
    assert "audit" in out.stdout


def test_report_files_are_readable_as_the_umask_allows(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        run("--no-lean", "--format", "json", "-o", str(out), str(tmp_path / "a.txt"))
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_json_report_written_piece_by_piece_is_the_whole_report_dumped_at_once(tmp_path) -> None:
    """The JSON report is written one article at a time (a large corpus's report is never held
    whole); the text is exactly what one ``json.dumps`` of the whole report gives, for the
    sample corpus (lean, evidence, non-ASCII), with an unreadable file, and with no article."""
    from pathlib import Path

    from auditor.api import audit_paths
    from auditor.formats.json_report import iter_json, report_dict
    from auditor.run.pool import RunOptions

    corpus = tmp_path / "corpus"
    shutil.copytree(Path(__file__).resolve().parents[1] / "corpus", corpus)
    (corpus / "empty.txt").write_text("")
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "empty.txt").write_text("")
    for folder in (corpus, tmp_path / "nothing"):
        report = audit_paths([str(folder)], run=RunOptions(jobs=1))
        whole = json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
        assert len(list(iter_json(report))) == (len(report.articles) + 2 if report.articles else 1)
        out = tmp_path / f"{folder.name}.json"
        result = run("--format", "json", "--no-cache", "--jobs", "1", "-o", str(out), str(folder))
        assert result.exit_code in (EXIT_FINDINGS, EXIT_ERROR)
        assert out.read_text(encoding="utf-8") == whole
        assert run("--format", "json", "--no-cache", "--jobs", "1", str(folder)).output == whole
