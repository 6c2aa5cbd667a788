"""The index round of ``audit index``: sketch the archive's new and changed files in the
worker pool and file them in an archive store (:mod:`auditor.run.archive`)."""

from __future__ import annotations

import hashlib
import os

from auditor.pipeline.read import UnreadableInput, discover, read_bytes
from auditor.pipeline.report import FileError
from auditor.run.archive import Archive, IndexEntry, UpdateStats
from auditor.run.audit_round import read_sources
from auditor.run.pool import AUDIT_CHUNK, chunks, enter_folder, run_chunks


def index_files(items, config, cwd: str, known: dict[str, str]) -> list[tuple[str, str | None, list[IndexEntry]]]:
    """For each file: (path, sha256, entries); sha256 None and no entries when unchanged
    since ``known`` (path -> sha256) or unreadable."""
    enter_folder(cwd)
    out = []
    for item in items:
        try:
            sha = hashlib.sha256(read_bytes(item.path, config.max_bytes)).hexdigest()
        except UnreadableInput:
            out.append((item.path, None, []))
            continue
        if known.get(item.path) == sha:
            out.append((item.path, None, []))
            continue
        entries = [IndexEntry(r.key, item.path, r.sketch, r.known_as, r.body)
                   for r in read_sources([item], config, cwd) if not isinstance(r, FileError)]
        out.append((item.path, sha, entries))
    return out


def update_index(archive: Archive, paths: list[str], config, run) -> UpdateStats:
    """Index the article files under ``paths``: new and changed files by content hash; files
    indexed before under these folders that are gone are removed."""
    found = discover(paths, config.exclude)
    known = archive.file_hashes()
    added = unchanged = 0
    seen = set()
    # One task per chunk of files; the known hashes travel with their chunk only.
    work = [[(chunk, {i.path: known[i.path] for i in chunk if i.path in known})]
            for chunk in chunks(found.files, AUDIT_CHUNK)]
    results = run_chunks(_index_chunk, work, run, config, os.getcwd(), n_chunks=len(work))
    for path, sha, entries in results:
        seen.add(path)
        if sha is None:
            unchanged += path in known
            continue
        archive.replace_file(path, sha, entries)
        added += 1
        if added % 500 == 0:
            archive.commit()
    roots = [os.path.normpath(p) for p in paths]
    gone = [p for p in known if p not in seen and any(
        os.path.normpath(p) == r or os.path.normpath(p).startswith(r + os.sep) for r in roots)]
    for path in gone:
        archive.remove_file(path)
    archive.commit()
    return UpdateStats(added, unchanged, len(gone), len(archive))


def _index_chunk(work, config, cwd):
    (items, known), = work
    return index_files(items, config, cwd, known)
