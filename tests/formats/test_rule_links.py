"""Every format links a finding to its rule's section of docs/rules.md through one helper."""

from __future__ import annotations

import os
import re

from conftest import ROOT

from auditor.formats.rule_docs import RULES_PAGE_URL, rule_docs_url
from auditor.pipeline.registry import load_rules
from auditor.wording import counted, severity_totals


def test_every_rule_link_lands_on_a_heading_of_the_rules_page() -> None:
    with open(os.path.join(ROOT, "docs", "rules.md"), encoding="utf-8") as handle:
        headings = re.findall(r"^## (\S+)$", handle.read(), re.M)
    # GitHub-style anchors: a heading's text lower-cased
    anchors = {heading.lower() for heading in headings}
    for rule in load_rules().rules:
        url = rule_docs_url(rule.code)
        page, _, anchor = url.partition("#")
        assert page == RULES_PAGE_URL and page.endswith("docs/rules.md")
        assert anchor in anchors, rule.code


def test_counts_take_the_plural_only_when_not_one() -> None:
    assert [counted(n, "warning") for n in (0, 1, 2)] == ["0 warnings", "1 warning", "2 warnings"]
    assert counted(1, "info", "info") == "1 info" and counted(3, "info", "info") == "3 info"
    totals = {"findings_error": 1, "findings_warning": 2, "findings_info": 1}
    assert severity_totals(totals) == "1 error, 2 warnings, 1 info"
