"""Every rule against its fixture cases: `pytest -k SRC001` runs one rule's cases."""

from __future__ import annotations

import pytest
from rule_cases import RuleCase, all_cases

from auditor.pipeline.engine import run_rules
from auditor.pipeline.normalise import normalise
from auditor.pipeline.read import document_from_string
from auditor.pipeline.registry import load_rules

RULES = load_rules().by_code()
CASES = all_cases()


def findings_for(case: RuleCase):
    rule = RULES[case.code]
    document = normalise(document_from_string(case.text, case.format, path=f"<{case.id}>"))
    findings, failures = run_rules(document, (rule,))
    assert not failures, failures
    return document, findings


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: RuleCase) -> None:
    document, findings = findings_for(case)
    if case.kind != "flagged":
        assert findings == [], f"{case.id} should not be flagged, got {[f.excerpt for f in findings]}"
        return
    assert len(findings) == len(case.expect), (
        f"{case.id}: expected {len(case.expect)} finding(s), got {[(f.line, f.excerpt) for f in findings]}"
    )
    for finding, expected in zip(findings, case.expect):
        if "line" in expected:
            assert finding.line == expected["line"], (finding.line, finding.excerpt)
        if "column" in expected:
            assert finding.column == expected["column"], (finding.column, finding.excerpt)
        if "excerpt" in expected:
            assert expected["excerpt"] in finding.excerpt, finding.excerpt
        if "sources" in expected:
            got = [s.as_dict() for s in finding.sources]
            want = [{"domain": None, "role": "text", **s} for s in expected["sources"]]
            assert got == want
        # The finding's span is the text it claims to be.
        spanned = " ".join(document.text[finding.start : finding.end].split())
        assert spanned.startswith(finding.excerpt.rstrip("…"))
