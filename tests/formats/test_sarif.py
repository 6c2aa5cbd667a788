"""`audit --format sarif`: valid SARIF 2.1.0 that code-scanning UIs can place on the article's lines."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT, in_folder, schema_errors, schema_validator

from auditor.formats import render
from auditor.pipeline.registry import load_rules


@pytest.fixture(scope="module")
def validator():
    # No check_schema: the published file's `language` pattern "^(?i)..." puts an inline flag
    # after "^", which Python's re rejects.  We emit no `language`, so that pattern never runs.
    return schema_validator("sarif-schema-2.1.0.json", check_schema=False)


@pytest.fixture(scope="module")
def sarif_text(corpus_report) -> str:
    with in_folder(ROOT):
        return render(corpus_report, "sarif")


@pytest.fixture(scope="module")
def run(sarif_text) -> dict:
    (only_run,) = json.loads(sarif_text)["runs"]
    return only_run


def test_corpus_report_is_valid_sarif(validator, sarif_text) -> None:
    log = json.loads(sarif_text)
    assert log["version"] == "2.1.0"
    assert schema_errors(validator, log) == []


def test_the_schema_rejects_what_it_should(validator, sarif_text) -> None:
    # Guards the validation itself: a level SARIF does not know must fail, or the test above proves nothing.
    log = json.loads(sarif_text)
    log["runs"][0]["results"][0]["level"] = "info"
    assert schema_errors(validator, log)


def test_output_is_deterministic(corpus_report, sarif_text) -> None:
    with in_folder(ROOT):
        assert render(corpus_report, "sarif") == sarif_text


def test_driver_describes_every_rule_from_its_metadata(run) -> None:
    driver = run["tool"]["driver"]
    assert driver["name"] == "provenance-auditor" and driver["version"] and driver["informationUri"].startswith("http")
    known = load_rules().by_code()
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor in driver["rules"]:
        rule = known.get(descriptor["id"])
        if rule is None:
            continue
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert rule.flagged.splitlines()[0].strip() in descriptor["help"]["text"]
        assert rule.not_flagged.splitlines()[0].strip() in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == levels[rule.severity]
        assert descriptor["properties"]["category"] == rule.category
    assert [d["id"] for d in driver["rules"]] == sorted(d["id"] for d in driver["rules"])


def test_results_point_at_the_findings_on_the_articles_lines(corpus_report, run) -> None:
    rules = run["tool"]["driver"]["rules"]
    findings = [(a, f) for a in corpus_report.articles for f in a.findings]
    assert len(run["results"]) == len(findings) > 0
    for result, (article, finding) in zip(run["results"], findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == article.path
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert run["artifacts"][location["artifactLocation"]["index"]]["location"]["uri"] == article.path
        assert location["region"] == {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
        }


def test_cookie_banner_in_002_is_an_error_on_its_last_line(run) -> None:
    (banner,) = [
        r for r in run["results"]
        if r["ruleId"] == "CK001" and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("corpus/002_")
    ]
    assert banner["level"] == "error"
    with open(os.path.join(ROOT, "corpus", "002_93b12c723ebc2ca0.txt"), encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    region = banner["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == len(lines)
    assert "cookies" in lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1]


def test_sources_ai_disclosure_and_lean_ride_along_as_properties(corpus_report, run) -> None:
    articles = {os.path.basename(a["path"])[:3]: a for a in run["properties"]["articles"]}
    assert articles["003"]["aiDisclosure"] is True
    assert {(s["name"], s["role"]) for s in articles["003"]["sources"]} >= {("CNBC", "text"), ("Reuters", "photo")}
    (dantri,) = [entry for entry in articles["000"]["lean"] if entry["source"] == "Dantri"]
    assert dantri["document"].endswith("001_66b1be0705075d55.txt")
    (expected,) = [e for a in corpus_report.articles if "000_" in a.path for e in a.lean if e.source == "Dantri"]
    assert dantri["score"] == round(expected.score, 4) and dantri["label"] == expected.label
    assert len(dantri["evidence"]) == len(expected.evidence) > 0
    assert run["properties"]["summary"]["articles"] == 5


def test_read_errors_are_tool_execution_notifications(validator, corpus_with_unreadable_file) -> None:
    folder, report = corpus_with_unreadable_file
    with in_folder(folder):
        log = json.loads(render(report, "sarif"))
    assert schema_errors(validator, log) == []
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert sorted(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes) == [
        "corpus/empty.txt",
        "corpus/picture.txt",
    ]
    assert all(n["level"] == "error" and n["message"]["text"] for n in notes)


def test_clean_run_is_successful(run) -> None:
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["invocations"][0]["toolExecutionNotifications"] == []


def test_every_known_rule_links_to_its_docs_section(run) -> None:
    from auditor.formats.rule_docs import rule_docs_url

    known = load_rules().by_code()
    described = [d for d in run["tool"]["driver"]["rules"] if d["id"] in known]
    assert described
    assert all(d["helpUri"] == rule_docs_url(d["id"]) for d in described)


BANNER = "This website uses cookies. By continuing to use this site, you accept our use of cookies."
REASON = "the banner is quoted on purpose in this media column"


@pytest.fixture(scope="module")
def accepted_log(tmp_path_factory) -> dict:
    """One finding accepted by an inline marker, the rest of the corpus's by a baseline file."""
    from auditor.api import audit_paths
    from auditor.baseline import apply_baseline, baseline_text
    from auditor.config import Config

    folder = tmp_path_factory.mktemp("accepted")
    (folder / "quoted.txt").write_text(
        "The council approved the new budget on Tuesday after a long debate.\n\n"
        f"audit-ignore CK001: {REASON}\n{BANNER}\n", encoding="utf-8")
    (folder / "leftover.txt").write_text(
        "The council approved the new budget on Tuesday after a long debate.\n\nRead More\n", encoding="utf-8")
    with in_folder(str(folder)):
        report = audit_paths(["quoted.txt", "leftover.txt"], Config(lean=False))
        accepted = frozenset(entry["fingerprint"] for entry in json.loads(baseline_text(report))["findings"])
        return json.loads(render(apply_baseline(report, accepted), "sarif"))


def test_accepted_findings_are_suppressed_results_not_dropped(validator, accepted_log) -> None:
    assert schema_errors(validator, accepted_log) == []
    results = accepted_log["runs"][0]["results"]
    suppressed = [r for r in results if r["suppressions"]]
    assert suppressed and all(not r["properties"]["failsGate"] for r in suppressed)
    (inline,) = [r for r in suppressed if r["suppressions"][0]["kind"] == "inSource"]
    assert inline["ruleId"] == "CK001"
    assert inline["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": REASON}]
    assert inline["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    external = [r for r in suppressed if r["suppressions"][0]["kind"] == "external"]
    assert "DB001" in {r["ruleId"] for r in external}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "leftover.txt" for r in external)
    # everything the baseline accepted is an error or warning; what is left open is below it
    assert all(r["level"] == "note" for r in results if not r["suppressions"])


def test_the_schema_rejects_an_unknown_suppression_kind(validator, accepted_log) -> None:
    log = json.loads(json.dumps(accepted_log))
    next(r for r in log["runs"][0]["results"] if r["suppressions"])["suppressions"][0]["kind"] = "inline"
    assert schema_errors(validator, log)
