"""A result cache, so a second run over unchanged files does not analyse them again.

One SQLite file, ``results.sqlite``, in a folder the user chooses (``.audit-cache/`` by
default; ``--cache-dir``, ``--no-cache``). It can be moved with its folder, or deleted at
any time: it only ever saves work. Two tables:

- ``files``: what the rules and the lean sketch made of one file, keyed by the sha256 of
  the file's bytes, its format and manifest entry, and a fingerprint of the run — the tool
  version, the source of the tool and its rules, the model card, the active rules and
  every setting. Paths are not part of the key: a cached result is given the path the file
  has in the run that finds it, so renaming or moving files keeps the cache.
- ``pairs``: the lean classifier's (label, score) for an (article, source) pair of body
  texts, keyed by both texts, their languages and the fingerprint of the code and model;
  and, under keys of their own, the aligned spans (the evidence) of the pairs reported.

Values are zlib-compressed pickles. Pickle runs code on load, so the cache is trusted like
the user's own files: do not load a cache folder someone else gives you. Workers open the
file read-only; only the main process writes (SQLite in WAL mode lets them overlap).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.config import Config
from auditor.pipeline.read import InputFile

DEFAULT_CACHE_DIR = ".audit-cache"
DB_NAME = "results.sqlite"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the tool's version, its source, its rules' source and the lean model card:
    results made by other code are never served."""
    import auditor

    digest = hashlib.sha256(__version__.encode())
    roots = [Path(auditor.__file__).parent]
    try:
        import provenance_rules

        roots.append(Path(provenance_rules.__file__).parent)
    except ImportError:  # the rules are not installed: the registry reports it
        pass
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def run_fingerprint(config: Config, rule_codes: Iterable[str]) -> str:
    settings = {
        "select": config.select, "ignore": config.ignore, "fail_on": config.fail_on,
        "severity": sorted(dict(config.severity).items()), "exclude": config.exclude,
        "max_bytes": config.max_bytes, "lean": config.lean, "rules": sorted(rule_codes),
        # Settings added to Config later are covered too: any field but where it came from.
        "other": sorted((k, repr(v)) for k, v in vars(config).items() if k not in (
            "select", "ignore", "fail_on", "severity", "exclude", "max_bytes", "lean", "source_file", "file_keys")),
    }
    blob = json.dumps(settings, sort_keys=True, default=repr).encode()
    return hashlib.sha256(code_fingerprint().encode() + blob).hexdigest()


def file_key(data: bytes, item: InputFile) -> str:
    digest = hashlib.sha256(data)
    digest.update(b"\0" + item.format.encode() + b"\0")
    digest.update(json.dumps(dict(item.manifest), sort_keys=True, default=repr).encode())
    return digest.hexdigest()


def pair_key(article, source, model: str = "") -> str:
    """Key of an (article, source) pair of LeanDocs: both texts and languages, and ``model``,
    the sha256 of a model other than the packaged one (``auditor.lean.card.model_identity``)."""
    digest = hashlib.sha256(code_fingerprint().encode() + model.encode())
    for doc in (article, source):
        digest.update(b"\0" + (doc.language or "").encode() + b"\0")
        digest.update(hashlib.sha256(doc.text.encode("utf-8")).digest())
    return digest.hexdigest()


# The Cache Directory Tagging convention (https://bford.info/cachedir/): backup tools skip it.
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is provenance auditor's result cache.\n"


def make_cache_folder(folder: str) -> None:
    """The cache folder, made so that git never sees it: it is usually created inside the
    newsroom's own repository, where a committed cache would change on every run (pre-commit
    would report "files were modified by this hook")."""
    os.makedirs(folder, exist_ok=True)
    for name, text in ((".gitignore", "# made by provenance auditor: the result cache is never committed\n*\n"),
                       ("CACHEDIR.TAG", CACHEDIR_TAG)):
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            try:
                with open(path, "x", encoding="utf-8") as handle:
                    handle.write(text)
            except FileExistsError:  # another process made it first
                pass


class ResultCache:
    """One table of the cache file: ``get(key)`` and ``put_many([(key, value)])``."""

    def __init__(self, folder: str, table: str, namespace: str, readonly: bool = False):
        self.table = table
        self.namespace = namespace
        path = os.path.join(folder, DB_NAME)
        if readonly:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        else:
            make_cache_folder(folder)
            self._db = sqlite3.connect(path, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            for name in ("files", "pairs"):
                self._db.execute(f"CREATE TABLE IF NOT EXISTS {name} (key TEXT PRIMARY KEY, value BLOB)")
            self._db.commit()

    def _key(self, key: str) -> str:
        return hashlib.sha256((self.namespace + key).encode()).hexdigest()

    def get(self, key: str) -> Any | None:
        try:
            row = self._db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (self._key(key),)).fetchone()
        except sqlite3.Error:  # a cache that cannot be read is a cache miss
            return None
        if row is None:
            return None
        try:
            return pickle.loads(zlib.decompress(row[0]))
        except Exception:  # written by another version of a class: recompute
            return None

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        rows = [(self._key(k), zlib.compress(pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL), 1)) for k, v in items]
        if rows:
            self._db.executemany(f"INSERT OR REPLACE INTO {self.table} (key, value) VALUES (?, ?)", rows)
            self._db.commit()

    def close(self) -> None:
        self._db.close()


def _open(folder: str | None, table: str, namespace: str, readonly: bool) -> ResultCache | None:
    if not folder:
        return None
    if readonly and not os.path.isfile(os.path.join(folder, DB_NAME)):
        return None
    try:
        return ResultCache(folder, table, namespace, readonly)
    except sqlite3.Error:
        if readonly:
            return None  # e.g. a Dask worker on another machine: it just computes
        raise


def open_cache(folder: str | None, config: Config, rules, readonly: bool = False) -> ResultCache | None:
    """The per-file results cache for this configuration and rule set, or None without a folder."""
    return _open(folder, "files", run_fingerprint(config, (r.code for r in rules)), readonly)


def open_pair_cache(folder: str | None, readonly: bool = False) -> ResultCache | None:
    return _open(folder, "pairs", "", readonly)


def open_evidence_cache(folder: str | None, readonly: bool = False) -> ResultCache | None:
    """The aligned spans of (article, source) pairs, keyed like the pair scores."""
    return _open(folder, "pairs", "evidence:", readonly)
