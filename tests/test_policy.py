"""Editorial policy, inline suppressions and their effect on the gate."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from auditor.api import audit_paths
from auditor.cli import EXIT_FINDINGS, EXIT_OK, main
from auditor.config import Config, load_config

BANNER = "This website uses cookies. By continuing to use this site, you accept our use of cookies."
ARTICLE = "The council approved the new budget on Tuesday after a long debate.\nWork begins in May.\n"
CORPUS = os.path.join(os.path.dirname(__file__), "..", "corpus")


def audit_text(tmp_path, name: str, text: str, config: Config | None = None, manifest: dict | None = None):
    (tmp_path / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (tmp_path / "manifest.json").write_text(json.dumps({"articles": manifest}))
    report = audit_paths([str(tmp_path / name)] if manifest is None else [str(tmp_path)], config or Config(lean=False))
    return report.articles[0]


def codes(article) -> list[str]:
    return [f.rule for f in article.findings]


def test_inline_marker_with_reason_accepts_exactly_the_named_finding(tmp_path) -> None:
    text = ARTICLE + "Read More\naudit-ignore CK001: quoted on purpose in a column about consent pop-ups\n" + BANNER
    article = audit_text(tmp_path, "a.txt", text)
    assert codes(article) == ["DB001"]  # the leftover stays; the banner is accepted
    ((accepted, reason),) = article.suppressed
    assert accepted.rule == "CK001" and reason.startswith("quoted on purpose")


def test_marker_without_reason_accepts_nothing_and_is_reported(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore CK001\n" + BANNER)
    assert sorted(codes(article)) == ["CK001", "POL004"]
    assert article.suppressed == ()


def test_marker_for_another_rule_accepts_nothing(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore DB004: poem\n" + BANNER)
    assert codes(article) == ["CK001"]


def test_html_comment_marker_and_whole_file_marker(tmp_path) -> None:
    html = (
        "<html><body><article><p>The council approved the new budget on Tuesday after a long debate.</p>"
        "<!-- audit-ignore CK001: reproduced in a story about consent banners -->\n"
        f"<p>{BANNER}</p></article></body></html>"
    )
    article = audit_text(tmp_path, "a.html", html)
    assert "CK001" not in codes(article) and [f.rule for f, _ in article.suppressed] == ["CK001"]
    markdown = "<!-- audit-ignore-file DB001: link labels are part of this how-to -->\n" + ARTICLE + "Read More\n"
    article = audit_text(tmp_path, "b.md", markdown)
    assert codes(article) == [] and [f.rule for f, _ in article.suppressed] == ["DB001"]


def test_disclosure_requirement_always_and_tagged(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE, Config(lean=False, require_disclosure="always"))
    assert codes(article) == ["POL001"] and article.findings[0].severity == "error"
    disclosed = audit_text(tmp_path, "b.txt", ARTICLE + "This article was created with AI assistance.\n",
                           Config(lean=False, require_disclosure="always"))
    assert codes(disclosed) == ["AI001"]
    tagged = tmp_path / "tagged"
    tagged.mkdir()
    article = audit_text(tagged, "a.txt", ARTICLE, Config(lean=False, require_disclosure="tagged"),
                         manifest={"a.txt": {"ai_assisted": True}})
    assert codes(article) == ["POL001"]
    untagged = tmp_path / "untagged"
    untagged.mkdir()
    article = audit_text(untagged, "a.txt", ARTICLE, Config(lean=False, require_disclosure="tagged"), manifest={})
    assert codes(article) == []


def test_minimum_sources(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE, Config(lean=False, min_sources=1))
    assert codes(article) == ["POL003"]
    cited = audit_text(tmp_path, "b.txt", ARTICLE + "Source: Reuters\n", Config(lean=False, min_sources=1))
    assert "POL003" not in codes(cited)


def test_heavy_lean_must_be_declared(tmp_path) -> None:
    report = audit_paths([CORPUS], Config())
    by_key = {os.path.basename(a.path)[:3]: a for a in report.articles}
    assert [f.rule for f in by_key["000"].findings if f.category == "policy"] == ["POL002"]
    assert not [f for key in ("002", "003", "004") for f in by_key[key].findings if f.rule == "POL002"]
    # The same translation, declared as one, passes.
    for name in ("000_61e13a849c1fc201.txt", "001_66b1be0705075d55.txt", "manifest.json"):
        (tmp_path / name).write_bytes(open(os.path.join(CORPUS, name), "rb").read())
    translated = tmp_path / "000_61e13a849c1fc201.txt"
    translated.write_text(translated.read_text(encoding="utf-8") + "\nTranslated and condensed from Dantri.\n",
                          encoding="utf-8")
    report = audit_paths([str(tmp_path)], Config())
    assert not [f for a in report.articles for f in a.findings if f.rule == "POL002"]
    # ...whatever the format: JSON and text reports do not keep the texts, and the declaration
    # used to be looked for in the emptied text, so every declared translation was flagged.
    result = CliRunner().invoke(main, [str(tmp_path), "--no-cache", "--format", "json"])
    assert result.exit_code in (EXIT_OK, EXIT_FINDINGS), result.output
    reported = [f["rule"] for a in json.loads(result.output)["articles"] for f in a["findings"]]
    assert "POL002" not in reported and "SRC001" in reported


def test_policy_in_config_changes_the_exit_code(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert runner.invoke(main, ["--no-lean", "a.txt"]).exit_code == EXIT_OK
        (tmp_path / "audit.cfg").write_text("[audit]\nrequire_disclosure = always\n")
        result = runner.invoke(main, ["--no-lean", "a.txt"])
        assert result.exit_code == EXIT_FINDINGS and "POL001" in result.output
        (tmp_path / "audit.cfg").write_text("[audit]\nrequire_disclosure = always\nseverity = POL001 = warning\n")
        assert runner.invoke(main, ["--no-lean", "a.txt"]).exit_code == EXIT_OK
    finally:
        os.chdir(old)


def test_partial_severity_list_keeps_the_defaults(tmp_path) -> None:
    (tmp_path / "audit.cfg").write_text("[audit]\nseverity = DB004 = info\n")
    config = load_config(folder=str(tmp_path))
    assert config.severity == {"debris": "error", "cookie-banner": "error", "DB004": "info"}


def test_baseline_accepts_exactly_the_recorded_findings(tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE + "Read More\n")
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    first = runner.invoke(main, ["--no-lean", str(folder), "--write-baseline", str(baseline)])
    assert first.exit_code == EXIT_FINDINGS
    recorded = json.loads(baseline.read_text())["findings"]
    assert [entry["rule"] for entry in recorded] == ["DB001"]
    again = runner.invoke(main, ["--no-lean", str(folder), "--baseline", str(baseline), "--format", "json"])
    assert again.exit_code == EXIT_OK
    assert json.loads(again.output)["articles"][0]["baselined"] == 1
    # An edit elsewhere keeps the old finding accepted; a new finding fails the gate.
    (folder / "a.txt").write_text("A new first line.\n" + ARTICLE + "Read More\n" + BANNER)
    edited = runner.invoke(main, ["--no-lean", str(folder), "--baseline", str(baseline), "--format", "json"])
    assert edited.exit_code == EXIT_FINDINGS
    assert [f["rule"] for f in json.loads(edited.output)["articles"][0]["findings"]] == ["CK001"]
    missing = runner.invoke(main, ["--no-lean", str(folder), "--baseline", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "no such baseline" in missing.output


def test_the_readme_config_example_loads(tmp_path) -> None:
    readme = open(os.path.join(os.path.dirname(__file__), "..", "README.md"), encoding="utf-8").read()
    example = readme.split("```ini\n", 1)[1].split("```", 1)[0]
    (tmp_path / "desk").mkdir()
    (tmp_path / "wire-copy").mkdir()  # sources = and model = must name folders that exist
    (tmp_path / "desk" / "lean-model").mkdir()
    (tmp_path / "desk" / "setup.cfg").write_text(example)
    config = load_config(folder=str(tmp_path / "desk"))
    assert config.fail_on == "error" and config.ignore == ("DB004",)
    assert config.lean_declare_above == 0.7 and config.require_disclosure == "never"
    assert config.severity["SRC001"] == "info" and os.path.samefile(config.sources, tmp_path / "wire-copy")
    assert os.path.samefile(config.model, tmp_path / "desk" / "lean-model")
