"""Baselines: accept the findings a corpus has today, so that only new ones fail the gate.

``audit PATH --write-baseline audit-baseline.json`` records every finding that is not
``info``; ``audit PATH --baseline audit-baseline.json`` leaves those out of the gate.
A finding is recognised by its article, rule and matched text (and which occurrence of
that text it is), not by its line: editing elsewhere in the article does not revive it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter

from auditor.findings import Finding
from auditor.pipeline.report import ArticleReport, Report
from auditor.run.spill import Articles

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used; the message says which and why."""


def fingerprints(article: ArticleReport) -> list[tuple[Finding, str]]:
    seen: Counter[tuple[str, str]] = Counter()
    result = []
    for finding in article.findings:
        key = (finding.rule, " ".join(finding.excerpt.split()))
        seen[key] += 1
        digest = hashlib.sha256(
            "\x1f".join((article.display_path, key[0], key[1], str(seen[key]))).encode("utf-8")
        ).hexdigest()[:20]
        result.append((finding, digest))
    return result


def baseline_text(report: Report) -> str:
    entries = [
        {"path": article.display_path, "rule": finding.rule, "excerpt": finding.excerpt, "fingerprint": digest}
        for article in report.articles
        for finding, digest in fingerprints(article)
        if finding.severity != "info"
    ]
    return json.dumps({"version": BASELINE_VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str) -> frozenset[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a baseline file: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a version {BASELINE_VERSION} baseline file")
    return frozenset(str(entry.get("fingerprint")) for entry in data["findings"] if isinstance(entry, dict))


def apply_baseline(report: Report, accepted: frozenset[str]) -> Report:
    articles = Articles()
    for article in report.articles:
        marked = fingerprints(article)
        dropped = tuple(finding for finding, digest in marked if digest in accepted)
        if dropped:
            kept = tuple(finding for finding, digest in marked if digest not in accepted)
            article = dataclasses.replace(article, findings=kept, baselined=len(dropped), baselined_findings=dropped)
        articles.append(article)
    return dataclasses.replace(report, articles=articles)
