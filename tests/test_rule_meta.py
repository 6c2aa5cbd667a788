"""Every rule is documented by its metadata and covered by fixtures (a meta-test, as proselint has)."""

from __future__ import annotations

import os

import pytest
from rule_cases import fixture_path, load_cases

from auditor.pipeline.engine import run_rules
from auditor.pipeline.normalise import normalise
from auditor.pipeline.read import document_from_string
from auditor.pipeline.registry import load_rules

RULE_SET = load_rules()
# Rules of the policy and lean stages judge what other stages found: tested by test_policy and the lean tests.
RULES = tuple(r for r in RULE_SET.rules if r.stage == "document")
ABOUT_TOPIC = {"cookie-banner": "cookie", "ai-disclosure": "ai"}


def test_every_registered_rule_loads() -> None:
    assert RULE_SET.load_errors == ()
    assert len(RULES) >= 11


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule) -> None:
    for field in ("name", "summary", "rationale", "flagged", "not_flagged"):
        assert getattr(rule, field).strip(), f"{rule.code} lacks {field}"
    assert rule.summary != rule.rationale
    module = __import__(rule.check.__module__, fromlist=["_"])
    assert (module.__doc__ or "").strip(), f"{rule.code}: module has no docstring"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_documented_examples_behave_as_documented(rule) -> None:
    flagged = normalise(document_from_string(rule.flagged, rule.flagged_format))
    clean = normalise(document_from_string(rule.not_flagged, rule.flagged_format))
    assert run_rules(flagged, (rule,))[0], f"{rule.code}: its 'flagged' example is not flagged"
    assert not run_rules(clean, (rule,))[0], f"{rule.code}: its 'not flagged' example is flagged"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_fixtures_for_every_language(rule) -> None:
    assert os.path.exists(fixture_path(rule.code)), f"{rule.code} has no fixture file"
    cases = load_cases(rule.code)
    kinds = {c.kind for c in cases}
    assert {"flagged", "not-flagged", "smoke"} <= kinds, f"{rule.code}: missing case kinds {kinds}"
    for language in rule.languages:
        flagged = [c for c in cases if c.language == language and c.kind == "flagged"]
        negative = [c for c in cases if c.language == language and c.kind != "flagged"]
        assert flagged, f"{rule.code}: no flagged case in {language}"
        assert negative, f"{rule.code}: no not-flagged case in {language}"
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), f"{rule.code}: duplicate case names"
    topic = ABOUT_TOPIC.get(rule.category)
    if topic:
        about = [c for c in cases if c.kind != "flagged" and c.name.startswith(f"about_{topic}")]
        assert about, f"{rule.code}: needs not-flagged cases named about_{topic}* (articles about {topic})"


def test_every_kind_of_site_boilerplate_has_a_message() -> None:
    """DB006 names the kind of furniture it found; a kind without a message would make the rule raise."""
    from provenance_rules import site_boilerplate as rule

    kinds = {*rule.WHOLE_LINE, *rule.LINE_OPENING, *rule.ANYWHERE, "toolbar", "furniture", "slug", "staff_line",
             "breadcrumb", "reactions", "learned"}
    assert kinds <= set(rule.MESSAGES)
