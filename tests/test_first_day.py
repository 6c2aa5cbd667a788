"""What a newsroom touches on its first day: each case here was broken once (issue 13) and
has a test that failed before its fix."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner
from test_policy import ARTICLE, BANNER, audit_text, codes

from auditor.cli import EXIT_OK, main
from auditor.config import Config

CORPUS = os.path.join(os.path.dirname(__file__), "..", "corpus")


# --- inline markers that name no rule -------------------------------------------------------

def test_marker_naming_a_category_accepts_nothing_and_says_which_codes_to_name(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore cookie-banner: quoted on purpose\n" + BANNER)
    assert sorted(codes(article)) == ["CK001", "POL005"]
    (finding,) = [f for f in article.findings if f.rule == "POL005"]
    assert "'cookie-banner'" in finding.message and "CK001, CK002" in finding.message
    assert article.suppressed == ()


def test_marker_naming_an_unknown_code_is_reported(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore CK999: quoted on purpose\n" + BANNER)
    assert sorted(codes(article)) == ["CK001", "POL005"]
    assert "'CK999'" in next(f.message for f in article.findings if f.rule == "POL005")


def test_marker_with_a_known_and_an_unknown_code_accepts_the_known_one(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore CK001, CK999: quoted on purpose\n" + BANNER)
    assert codes(article) == ["POL005"]
    assert [f.rule for f, _ in article.suppressed] == ["CK001"]


def test_lower_case_code_still_accepts(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore ck001: quoted on purpose\n" + BANNER)
    assert codes(article) == [] and [f.rule for f, _ in article.suppressed] == ["CK001"]


def test_pol005_can_be_ignored_like_any_rule(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore CK999: x\n" + BANNER,
                         Config(lean=False, ignore=("POL005",)))
    assert codes(article) == ["CK001"]


# --- audit clean takes plain-text markers out ------------------------------------------------

def test_clean_removes_plain_text_marker_lines_but_keeps_comment_markers(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE + "audit-ignore CK001: quoted on purpose\n" + BANNER + "\nThe end.\n",
                               encoding="utf-8")
    (src / "b.md").write_text("<!-- audit-ignore-file DB001: a how-to -->\n" + ARTICLE + "Read More\n",
                              encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), str(out)])
    assert result.exit_code == EXIT_OK, result.output
    cleaned = (out / "a.txt").read_text(encoding="utf-8")
    assert "audit-ignore" not in cleaned
    # the accepted banner is kept (an editor accepted it) and everything else is intact
    assert cleaned == ARTICLE + BANNER + "\nThe end.\n"
    assert (out / "b.md").read_text(encoding="utf-8").startswith("<!-- audit-ignore-file DB001: a how-to -->\n")


# --- the cache folder, compare, config, nothing to audit, standard input -------------------

def _cli(*args: str, input: str | bytes | None = None, cwd: str | None = None):
    """The real console script in a subprocess: a traceback would show on stderr."""
    import subprocess
    import sys

    script = os.path.join(os.path.dirname(sys.executable), "audit")
    command = [script] if os.path.exists(script) else [sys.executable, "-c",
                                                      "from auditor.cli import entry_point; entry_point()"]
    # a Dask scheduler that is down is given up on after 3 s rather than dask's 30
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"}
    return subprocess.run([*command, *args], input=input.encode() if isinstance(input, str) else input,
                          capture_output=True, cwd=cwd, timeout=120, env=env)


def test_compare_refuses_a_folder_and_a_jsonl_of_several_records(tmp_path) -> None:
    article = os.path.join(CORPUS, "000_61e13a849c1fc201.txt")
    result = CliRunner().invoke(main, ["compare", CORPUS, article])
    assert result.exit_code == 2 and "is a folder" in result.output
    records = tmp_path / "two.jsonl"
    records.write_text('{"text": "The council met on Tuesday."}\n{"text": "The mayor spoke on Monday."}\n')
    result = CliRunner().invoke(main, ["compare", str(records), article])
    assert result.exit_code == 2 and "holds 2 records" in result.output


def test_compare_pairs_prints_text_in_text_format(tmp_path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"{CORPUS}/000_61e13a849c1fc201.txt\t{CORPUS}/001_66b1be0705075d55.txt\nbroken line\n")
    result = CliRunner().invoke(main, ["compare", "--pairs", str(pairs), "--format", "text"])
    first, second = result.output.splitlines()
    assert " leans on " in first and "(translation)" in first and not first.startswith("{")
    assert second == "line 2: error: expected article<TAB>source"
    result = CliRunner().invoke(main, ["compare", "--pairs", str(pairs), "--format", "json"])
    line = json.loads(result.output.splitlines()[0])
    # a report's lean entry (formats.json_report.lean_dict), the article added, the evidence left out
    assert set(line) == {"article", "source", "document", "score", "label", "cited", "note"}
    assert line["label"] == "translation" and line["source"].endswith("001_66b1be0705075d55.txt")
    whole = CliRunner().invoke(main, ["compare", f"{CORPUS}/000_61e13a849c1fc201.txt",
                                      f"{CORPUS}/001_66b1be0705075d55.txt", "--format", "json"])
    entry = json.loads(whole.output)
    assert entry["score"] == line["score"] and entry["evidence"] and set(entry["evidence"][0]) == {
        "article_span", "source_span", "article_text", "source_text"}


def test_sources_in_the_config_file_must_exist_and_are_read_from_the_file_folder(tmp_path) -> None:
    from auditor.config import ConfigError, load_config

    (tmp_path / "audit.cfg").write_text("[audit]\nsources = ../nope\n")
    try:
        load_config(folder=str(tmp_path))
    except ConfigError as exc:
        assert "sources = '../nope'" in str(exc) and "audit.cfg" in str(exc)
    else:
        raise AssertionError("a missing sources folder was accepted")
    (tmp_path / "wire").mkdir()
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "audit.cfg").write_text("[audit]\nsources = ../wire\n")
    config = load_config(folder=str(tmp_path / "desk"))
    assert os.path.samefile(config.sources, tmp_path / "wire")


def test_config_is_found_upward_from_the_audited_paths(tmp_path) -> None:
    (tmp_path / "audit.cfg").write_text("[audit]\nfail_on = warning\n")
    (tmp_path / "desk" / "today").mkdir(parents=True)
    (tmp_path / "desk" / "today" / "a.txt").write_text(ARTICLE + "Read More\n")
    result = _cli("--no-cache", "--no-lean", str(tmp_path / "desk"), "--show-settings", cwd="/")
    assert result.returncode == 0
    assert f"fail_on            = warning    # {tmp_path / 'audit.cfg'} [audit]" in result.stdout.decode()


def test_a_folder_without_articles_or_everything_excluded_is_an_error_not_a_pass(tmp_path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = _cli("--no-cache", str(tmp_path / "notes"))
    assert result.returncode == 2 and b"nothing to audit" in result.stderr and b"passed." not in result.stdout
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(ARTICLE)
    (tmp_path / "audit.cfg").write_text("[audit]\nexclude = *.txt\n")
    result = _cli("--no-cache", str(tmp_path / "drafts"))
    assert result.returncode == 2 and b"nothing to audit" in result.stderr


def test_an_unreadable_path_does_not_say_the_gate_passed(tmp_path) -> None:
    result = _cli("--no-cache", str(tmp_path / "nonexistent"))
    assert result.returncode == 2
    assert b"passed." not in result.stdout and b"not passed: 1 input could not be read" in result.stdout


def test_a_self_referencing_symbolic_link_is_reported(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.symlink("loop", tmp_path / "loop")
    os.symlink("me.txt", tmp_path / "me.txt")
    from auditor.api import audit_paths

    report = audit_paths([str(tmp_path)], Config(lean=False))
    errors = {os.path.basename(e.path): e.error for e in report.errors}
    assert set(errors) == {"loop", "me.txt"} and all("symbolic link loop" in e for e in errors.values())
    assert len(report.articles) == 1


def test_standard_input_is_one_article_shown_under_its_given_name(tmp_path) -> None:
    text = ARTICLE + "Read More\n"
    result = _cli("--no-cache", "-", "--stdin-filename", "desk/today.md", input=text)
    out = result.stdout.decode()
    assert result.returncode == 1 and out.startswith("desk/today.md  [en, markdown]") and "DB001" in out
    result = _cli("--no-cache", "/dev/stdin", "--format", "json", input=text)
    import json

    (article,) = json.loads(result.stdout)["articles"]
    assert article["path"] == "-" and article["format"] == "text"
    assert result.returncode == 1
    empty = _cli("--no-cache", "-", input="")
    assert empty.returncode == 2 and b"empty input" in empty.stdout


def test_exit_zero_statistics_and_quiet(tmp_path) -> None:
    result = _cli("--no-cache", "--no-lean", CORPUS, "--exit-zero", "--statistics", "--quiet")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "002_93b12c723ebc2ca0.txt" in out and "000_61e13a849c1fc201.txt" not in out  # 000 passes the gate
    assert "\n4  DB004  broken-line\n" in out and "\n1  CK001  cookie-banner-text\n" in out
    assert "5 articles audited" in out


def test_writing_the_report_and_the_baseline_is_said_on_stderr(tmp_path) -> None:
    report, baseline = tmp_path / "r.json", tmp_path / "b.json"
    result = _cli("--no-cache", "--no-lean", CORPUS, "--format", "json", "-o", str(report),
                  "--write-baseline", str(baseline))
    assert result.stdout == b"" and report.exists() and baseline.exists()
    assert f"wrote the json report to {report}".encode() in result.stderr
    assert f"wrote the baseline to {baseline}".encode() in result.stderr


def test_rules_show_the_severity_of_the_current_policy(tmp_path) -> None:
    (tmp_path / "audit.cfg").write_text("[audit]\nseverity = DB001 = info\n")
    out = _cli("rules", "DB001", "DB002", "--config", str(tmp_path / "audit.cfg")).stdout.decode()
    assert f"DB001  link-leftover  [debris, info under {tmp_path / 'audit.cfg'} [audit]; default warning]" in out
    # the category default of the same policy still applies to the rule the file did not name
    assert "DB002  section-label  [debris, error under" in out


def test_rule_pluralisation_in_the_summary(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE + "Read More\n")
    out = _cli("--no-cache", "--no-lean", str(tmp_path / "a.txt")).stdout.decode()
    assert "1 article audited" in out and "findings: 1 error, 0 warnings, 0 info." in out
    assert "FAILED, 1 finding at or above error." in out


# --- no traceback from any subcommand, whatever it is given -----------------------------------

def _bad_invocations(tmp_path) -> dict[str, list[list[str]]]:
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE)
    not_index = tmp_path / "some.json"
    not_index.write_text('{"a": 1}')
    bad_config = tmp_path / "bad.cfg"
    bad_config.write_text("[audit]\nsources = ../nope\n")
    missing, unreachable = str(tmp_path / "nope"), "redis://127.0.0.1:1/0"
    return {
        "check": [[missing], [str(folder), "--against", unreachable], [str(folder), "--against", str(not_index)],
                  [str(folder), "--write-baseline", "/no/such/dir/b.json"], [str(folder), "-o", "/no/such/dir/r.json"],
                  [str(folder), "--baseline", missing], [str(folder), "--config", missing],
                  [str(folder), "--config", str(bad_config)], [str(folder), "--sources", missing],
                  [str(folder), "--select", "NOPE123"], [str(folder), "--cache-dir", str(not_index)],
                  [str(folder), "--backend", "dask", "--scheduler", "tcp://127.0.0.1:1"],
                  [str(folder), "--model", missing], [str(folder), "--model", str(folder)]],
        "index": [[missing, "--index", str(tmp_path / "i.idx")], [str(folder), "--index", unreachable],
                  [str(folder), "--index", str(tmp_path / "j.idx"), "--backend", "dask", "--scheduler",
                   "tcp://127.0.0.1:1"],
                  [str(folder), "--index", str(not_index)], [str(folder), "--index", "/no/such/dir/i.idx"]],
        "rules": [["NOPE123"], ["--config", missing]],
        "train": [[missing, "--model", str(tmp_path / "m")], [str(not_index), "--model", str(tmp_path / "m")],
                  [str(folder / "a.txt"), "--model", "/no/such/dir/m"]],
        "clean": [[missing, str(tmp_path / "out")], [str(folder), str(folder / "inside")]],
        "compare": [[missing, str(folder / "a.txt")], [str(folder), str(folder / "a.txt")],
                    ["--pairs", missing], [str(folder / "a.txt"), missing]],
    }


def test_every_subcommand_fails_in_words_on_bad_paths_and_unreachable_servers(tmp_path) -> None:
    cases = _bad_invocations(tmp_path)
    assert set(cases) == set(main.commands), "each subcommand needs its bad-input cases here"
    for command, invocations in cases.items():
        for args in invocations:
            result = _cli(command, "--no-cache", *args) if command == "check" else _cli(command, *args)
            stderr = result.stderr.decode()
            assert "Traceback" not in stderr, (command, args, stderr)
            assert result.returncode == 2, (command, args, result.returncode, stderr, result.stdout[-300:])
            # said in words: on stderr, or as the report's error line for that path
            assert "error" in (stderr + result.stdout.decode()).lower(), (command, args)
