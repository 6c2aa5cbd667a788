"""Rules of every stage are judged the same way: a rule that raises, or reports outside the
text, fails on that article only and the other rules still run; the lean stage reads an
article again only when one of its rules reports on it."""

from __future__ import annotations

from auditor.config import Config
from auditor.findings import Hit
from auditor.lean.results import LeanResult
from auditor.pipeline.article import audit_document, finish_article
from auditor.pipeline.leaning import judge_lean
from auditor.pipeline.normalise import normalise
from auditor.pipeline.read import document_from_string
from auditor.pipeline.registry import active_rules, load_rules
from auditor.rule import Rule

BANNER = ("The council approved the budget on Tuesday.\n"
          "This website uses cookies. By continuing to use this site, you accept our use of cookies.\n")


def boom(given):
    raise RuntimeError(f"boom on a {type(given).__name__}")


def far_away(given):
    yield Hit(0, 10 ** 6, "a span past the end of the text")


def stage_rule(code: str, stage: str, check) -> Rule:
    return Rule(code=code, name=f"test-{code.lower()}", category="debris", severity="warning",
                scopes=("text",) if stage == "document" else ("corpus",), stage=stage, summary="a test rule",
                rationale="it fails on purpose", flagged="anything", not_flagged="nothing", check=check)


def test_a_failing_document_or_policy_rule_is_reported_and_the_others_still_run() -> None:
    config = Config(lean=False)
    rules = active_rules(config) + (stage_rule("XT1", "document", boom), stage_rule("XT2", "policy", boom),
                                    stage_rule("XT3", "document", far_away))
    report = finish_article(audit_document(document_from_string(BANNER, "text"), rules, config).report)
    failures = dict(report.rule_failures)
    assert failures["XT1"] == "RuntimeError: boom on a Document"
    assert failures["XT2"] == "RuntimeError: boom on a PolicyContext"
    assert failures["XT3"].startswith("ValueError: hit span 0..1000000 outside the text")
    assert "CK001" in [f.rule for f in report.findings]


def test_lean_rules_read_the_article_again_only_to_report_on_it() -> None:
    rules = load_rules().by_code()
    lean_rules = (rules["LN001"], rules["POL002"], stage_rule("XT4", "lean", boom))
    reads: list[int] = []

    def read_again():
        reads.append(1)
        return normalise(document_from_string(BANNER, "text"))

    cited_light = (LeanResult("Reuters", "a.txt", 0.2, "independent", cited=True),)
    findings, failures = judge_lean(cited_light, Config(), lean_rules, read_again)
    assert findings == [] and reads == []  # nothing uncited, nothing above lean_declare_above
    assert [(f.rule, f.error) for f in failures] == [("XT4", "RuntimeError: boom on a LeanContext")]

    uncited_heavy = (LeanResult(None, "b.txt", 0.95, "copy", cited=False),)
    findings, _ = judge_lean(uncited_heavy, Config(), lean_rules, read_again)
    assert sorted(f.rule for f in findings) == ["LN001", "POL002"]
    assert reads == [1]  # read once, for both rules


def test_finishing_an_article_twice_changes_nothing() -> None:
    first, banner = BANNER.splitlines()
    text = f"{first}\n<!-- audit-ignore CK001: quoted on purpose -->\n{banner}\n"
    config = Config(lean=False)
    once = finish_article(audit_document(document_from_string(text, "markdown"), active_rules(config), config).report)
    assert [f.rule for f, _ in once.suppressed] == ["CK001"]
    assert finish_article(once) == once
