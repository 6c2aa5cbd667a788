"""The archive index: built and updated by content hash, drafts checked against it without
reading the archive, and the Redis store giving the same candidates as the embedded one."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from auditor.api import audit_paths
from auditor.config import Config
from auditor.lean.candidates import CandidateIndex, sketch
from auditor.run.archive import open_archive
from auditor.run.index_round import update_index
from auditor.run.pool import RunOptions

ONE_JOB = RunOptions(jobs=1)


@pytest.fixture()
def archive_and_drafts(small_corpus, tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(small_corpus, archive)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    originals = sorted(archive.rglob("*.txt"))
    # a straight copy of an archive article, and a new article that copies nothing
    (drafts / "copy.txt").write_text(originals[20].read_text(encoding="utf-8"), encoding="utf-8")
    (drafts / "new.txt").write_text(
        "The harbour board met on Thursday and agreed to dredge the north channel before the spring tides.\n"
        "Work will take six weeks and the ferry keeps its timetable, the board's chair said.\n", encoding="utf-8")
    return archive, drafts, originals[20]


def test_drafts_are_checked_against_the_archive_without_reading_it(archive_and_drafts, tmp_path, monkeypatch) -> None:
    archive, drafts, original = archive_and_drafts
    index = str(tmp_path / "archive.index")
    stats = update_index(open_archive(index, create=True), [str(archive)], Config(), ONE_JOB)
    assert stats.added == 150 and stats.documents == 150
    shutil.rmtree(archive)  # the check must not need the archive's files
    report = audit_paths([str(drafts)], Config(), run=RunOptions(jobs=1, against=index))
    by_name = {os.path.basename(a.path): a for a in report.articles}
    copied = [r for r in by_name["copy.txt"].lean if r.document == str(original)]
    assert copied and copied[0].score >= 0.8 and not copied[0].cited
    assert any(f.rule == "LN001" for f in by_name["copy.txt"].findings)
    assert by_name["new.txt"].lean == ()
    assert str(original) in report.source_texts


def test_update_skips_unchanged_files_and_follows_changes(archive_and_drafts, tmp_path) -> None:
    archive, _, _ = archive_and_drafts
    index = str(tmp_path / "archive.index")
    update_index(open_archive(index, create=True), [str(archive)], Config(), ONE_JOB)
    files = sorted(archive.rglob("*.txt"))
    files[0].write_text("A rewritten article about the harbour, the ferry and the spring tides.\n", encoding="utf-8")
    files[1].unlink()
    store = open_archive(index)
    stats = update_index(store, [str(archive)], Config(), ONE_JOB)
    assert (stats.added, stats.unchanged, stats.removed, stats.documents) == (1, 148, 1, 149)
    assert str(files[1]) not in {d.key for d in store.alias_docs()}
    assert store.query(sketch("q", files[0].read_text(encoding="utf-8"))) == [str(files[0])]


def _query_all(store, texts):
    return [store.query(sketch(f"q{i}", text), limit=8) for i, text in enumerate(texts)]


def test_redis_index_gives_the_same_candidates_as_the_embedded_one(archive_and_drafts, tmp_path) -> None:
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("REDIS_URL is not set in CI: .ci/run starts redis-server and exports it")
        pytest.skip("REDIS_URL is not set: start a redis-server and export REDIS_URL=redis://127.0.0.1:PORT/0")
    archive, drafts, _ = archive_and_drafts
    embedded = open_archive(str(tmp_path / "archive.index"), create=True)
    update_index(embedded, [str(archive)], Config(), ONE_JOB)
    import redis

    db_url = url.rstrip("/").rsplit("/", 1)[0] + "/" + str(1 + uuid.uuid4().int % 14)  # a scratch db
    client = redis.Redis.from_url(db_url)
    client.flushdb()
    try:
        shared = open_archive(db_url)
        update_index(shared, [str(archive)], Config(), ONE_JOB)
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(archive).rglob("*.txt"))[::10]]
        texts += [p.read_text(encoding="utf-8") for p in sorted(Path(drafts).glob("*.txt"))]
        expected = _query_all(embedded, texts)
        assert any(len(c) > 1 for c in expected)  # not a vacuous comparison
        assert _query_all(shared, texts) == expected
        # and the in-memory index of a single run agrees with both
        memory = CandidateIndex()
        for doc in embedded.alias_docs():
            body, language = embedded.texts([doc.key])[doc.key]
            import zlib

            memory.add(doc.key, zlib.decompress(body).decode("utf-8"), language)
        assert [memory.query_sketch(sketch(f"q{i}", t), limit=8) for i, t in enumerate(texts)] == expected
        report = audit_paths([str(drafts)], Config(), run=RunOptions(jobs=1, against=db_url))
        local = audit_paths([str(drafts)], Config(), run=RunOptions(jobs=1, against=str(tmp_path / "archive.index")))
        assert report.articles == local.articles
    finally:
        client.flushdb()
