"""Reports past the first few thousand go to a temporary file (auditor.run.spill) and come back
the same, in order: a run that spills reports exactly what one that does not reports."""

from __future__ import annotations

import dataclasses

import pytest

import auditor.run.spill
from auditor.api import audit_paths
from auditor.baseline import apply_baseline, baseline_text
from auditor.config import Config
from auditor.findings import Source
from auditor.formats.json_report import render_json
from auditor.pipeline.report import ArticleReport
from auditor.run.pool import RunOptions
from auditor.run.spill import Articles


def _report(number: int) -> ArticleReport:
    return ArticleReport(path=f"a/{number:05d}.txt", format="text", language="en", encoding="utf-8",
                         sources=(Source(name=f"Outlet {number}", domain=None, role="text"),),
                         ai_disclosure=number % 2 == 0, findings=(), text="x" * (number % 300))


def test_reports_past_the_limit_are_on_disk_and_come_back_in_order() -> None:
    reports = [_report(n) for n in range(700)]
    articles = Articles(reports, keep_in_memory=10)
    assert len(articles) == 700 and articles.on_disk == 690
    assert list(articles) == reports and [a.text for a in articles] == [r.text for r in reports]
    assert articles[0] == reports[0] and articles[10] == reports[10] and articles[-1] == reports[-1]
    assert articles[5:15] == reports[5:15]
    assert articles == reports and articles == tuple(reports)
    assert articles != reports[:-1]
    with pytest.raises(IndexError):
        articles[700]


def test_reading_while_appending_and_nested_iteration() -> None:
    articles = Articles(keep_in_memory=2)
    seen = []
    for n in range(50):
        articles.append(_report(n))
        seen.append(articles[n])  # read back before the write buffer is full
    assert seen == [_report(n) for n in range(50)]
    pairs = [(a.path, b.path) for a in articles for b in articles if a is not b and a.path < b.path]
    assert len(pairs) == 50 * 49 // 2


def test_a_large_report_spans_several_read_blocks(monkeypatch) -> None:
    monkeypatch.setattr(auditor.run.spill, "_READ_BLOCK", 512)
    monkeypatch.setattr(auditor.run.spill, "_WRITE_BUFFER", 700)
    reports = [dataclasses.replace(_report(n), text="y" * (n * 37)) for n in range(60)]
    # (a report's text does not take part in its equality: compare it on its own)
    assert [(a, a.text) for a in Articles(reports, keep_in_memory=0)] == [(r, r.text) for r in reports]


def test_an_audit_whose_reports_spill_reports_the_same(small_corpus, monkeypatch, tmp_path) -> None:
    run = RunOptions(jobs=1)
    held = audit_paths([small_corpus], Config(), run=run)
    monkeypatch.setattr(auditor.run.spill, "KEEP_IN_MEMORY", 7)
    spilled = audit_paths([small_corpus], Config(), run=run)
    assert spilled.articles.on_disk == len(spilled.articles) - 7 > 100
    assert held.articles.on_disk == 0
    assert render_json(spilled) == render_json(held)
    assert any(article.lean for article in spilled.articles)  # lean results were merged into spilled reports
    # a baseline of everything accepts everything, spilled or not
    (tmp_path / "b.json").write_text(baseline_text(spilled))
    from auditor.baseline import load_baseline

    quiet = apply_baseline(spilled, load_baseline(str(tmp_path / "b.json")))
    assert not any(f.severity != "info" for a in quiet.articles for f in a.findings)
    assert render_json(apply_baseline(held, load_baseline(str(tmp_path / "b.json")))) == render_json(quiet)


def test_a_shelf_gives_back_what_was_filed() -> None:
    from auditor.run.spill import Shelf

    shelf = Shelf()
    items = {f"doc{n}": (bytes([n % 256]) * (n * 53 % 4000), f"l{n % 3}") for n in range(400)}
    for key, (data, label) in items.items():
        shelf.add(key, data, label)
    assert shelf["doc3"] == items["doc3"]  # read before everything is written
    shelf.update({"late": (b"", "en")})
    assert dict(shelf) == {**items, "late": (b"", "en")} and len(shelf) == 401 and "doc399" in shelf
    with pytest.raises(ValueError, match="doc7"):
        shelf.add("doc7", b"again", "en")
