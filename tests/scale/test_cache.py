"""The result cache: a second run over unchanged files reuses the first run's work and gives the same report."""

from __future__ import annotations

import shutil

from auditor.api import audit_paths
from auditor.config import Config
from auditor.formats.json_report import render_json
from auditor.run.cache import DB_NAME, open_cache
from auditor.run.pool import RunOptions


def _count_calls(monkeypatch, module, name):
    """Record the first argument of every call to module.name."""
    calls = []
    original = getattr(module, name)

    def counting(*args, **kwargs):
        calls.append(args[0] if args else None)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_second_run_reads_results_from_the_cache_and_reports_the_same(small_corpus, tmp_path, monkeypatch) -> None:
    import auditor.api
    import auditor.lean.compact
    import auditor.lean.corpus
    import auditor.lean.score
    import auditor.pipeline.article

    cache = str(tmp_path / "cache")
    run = RunOptions(jobs=1, cache_dir=cache)
    counted = ("score_profiles", "aligned_spans", "build_compact")
    home = {"score_profiles": auditor.lean.score, "aligned_spans": auditor.lean.corpus, "build_compact": auditor.lean.compact}
    first_calls = {name: _count_calls(monkeypatch, home[name], name) for name in counted}
    first = render_json(audit_paths([small_corpus], Config(), run=run))
    assert all(first_calls.values()), first_calls.keys()  # the first run did score, align and profile
    monkeypatch.undo()
    ruled = _count_calls(monkeypatch, auditor.pipeline.article, "audit_document")
    calls = {name: _count_calls(monkeypatch, home[name], name) for name in counted}
    second = render_json(audit_paths([small_corpus], Config(), run=run))
    assert second == first
    assert ruled == []  # no file was read and ruled again
    assert sum(len(pairs) for pairs in calls["score_profiles"]) == 0  # no pair was scored again
    assert calls["aligned_spans"] == []  # the evidence came from the cache too
    assert calls["build_compact"] == []  # so no text was profiled
    assert render_json(audit_paths([small_corpus], Config(), run=RunOptions(jobs=1))) == first


def test_a_changed_file_is_analysed_again_and_moved_files_keep_their_results(small_corpus, tmp_path, monkeypatch) -> None:
    import auditor.api
    import auditor.pipeline.article

    corpus = tmp_path / "copy"
    shutil.copytree(small_corpus, corpus)
    cache = str(tmp_path / "cache")
    run = RunOptions(jobs=1, cache_dir=cache)
    audit_paths([str(corpus)], Config(lean=False), run=run)
    changed = sorted(corpus.rglob("*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThis website uses cookies. Accept all cookies.\n",
                       encoding="utf-8")
    moved = corpus.parent / "moved"
    corpus.rename(moved)
    ruled = _count_calls(monkeypatch, auditor.pipeline.article, "audit_document")
    report = audit_paths([str(moved)], Config(lean=False), run=run)
    assert len(ruled) == 1
    assert all(a.path.startswith(str(moved)) for a in report.articles)
    assert render_json(report) == render_json(audit_paths([str(moved)], Config(lean=False), run=RunOptions(jobs=1)))


def test_other_settings_do_not_share_results(small_corpus, tmp_path) -> None:
    cache = str(tmp_path / "cache")
    audit_paths([small_corpus], Config(lean=False), run=RunOptions(jobs=1, cache_dir=cache))
    assert (tmp_path / "cache" / DB_NAME).exists()
    strict = Config(lean=False, severity={"debris": "error"})
    from auditor.api import active_rules

    assert open_cache(cache, strict, active_rules(strict)).namespace != open_cache(
        cache, Config(lean=False), active_rules(Config(lean=False))).namespace
    report = audit_paths([small_corpus], strict, run=RunOptions(jobs=1, cache_dir=cache))
    assert render_json(report) == render_json(audit_paths([small_corpus], strict, run=RunOptions(jobs=1)))


def test_a_draft_cached_alone_is_sketched_when_it_has_company(small_corpus, tmp_path) -> None:
    """A file audited on its own is cached without a MinHash sketch (it had nothing to be
    compared with); audited later with the rest of the corpus, from that cache, it is
    sketched then, and the report is the one a run without a cache gives."""
    import json

    reference = render_json(audit_paths([small_corpus], Config(), run=RunOptions(jobs=1)))
    # an article whose lean was found by content only: without its sketch it would be lost
    found = [a["path"] for a in json.loads(reference)["articles"] if any(not e["cited"] for e in a["lean"])]
    assert found
    cache = str(tmp_path / "cache")
    audit_paths([found[0]], Config(), run=RunOptions(jobs=1, cache_dir=cache))
    assert render_json(audit_paths([small_corpus], Config(), run=RunOptions(jobs=1, cache_dir=cache))) == reference
