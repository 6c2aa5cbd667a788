"""A persistent archive index: MinHash LSH over an archive, so drafts are checked against it
without reading the archive again.

``audit index ARCHIVE_DIR --index PATH`` builds it and, run again, updates it: files whose
sha256 is unchanged are skipped, changed ones re-indexed, vanished ones dropped.
``audit DRAFTS --against PATH`` looks each draft's sketch up in it.

Two stores, one layout (the same sketches, the same LSH bands, the same ranking of
candidates, so the same candidates):

- a file path (the default, embedded): one SQLite file — ``docs`` (key, path, language,
  known-as names, the body text zlib-compressed), ``files`` (path -> sha256) and ``bands``
  (kind, band, value -> document), looked up through an index;
- ``redis://HOST:PORT/DB``: datasketch's ``MinHashLSH`` with its Redis storage for the
  bands, and a Redis hash for the documents, for editors and CI jobs sharing one archive.

Body texts are stored, compressed, in the index (not re-read from the archive's files):
scoring the few candidates of a draft needs them, and the index then works where the
archive folder is not mounted (a CI job) and after the archive has moved.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from auditor.lean.candidates import KINDS, NUM_PERM, Sketch, band_layout, band_values
from auditor.lean.corpus import LeanDoc

THRESHOLD = 0.1  # the in-memory CandidateIndex's default: the same bands
LAYOUT = band_layout(THRESHOLD)


@dataclass(frozen=True)
class IndexEntry:
    """One archive document as the index stores it."""

    key: str
    path: str
    sketch: Sketch
    known_as: tuple[str, ...]
    body: bytes  # zlib-compressed body text


@dataclass(frozen=True)
class UpdateStats:
    added: int
    unchanged: int
    removed: int
    documents: int


def rank(shared: dict[str, int], limit: int | None) -> list[str]:
    """Keys sharing the most bands first (ties by key), at most ``limit``."""
    ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
    return [key for key, _ in (ranked if limit is None else ranked[:limit])]


class Archive:
    """What both stores do; subclasses hold the data."""

    def query(self, item: Sketch, limit: int | None = None) -> list[str]:
        """Archive keys that may be a source of the sketched draft, sorted (``limit`` per kind)."""
        found: set[str] = set()
        for kind in KINDS:
            if getattr(item, kind):
                found.update(rank(self._shared_bands(kind, item.signature(kind)), limit))
        return sorted(found)

    # --- provided by each store ---
    def _shared_bands(self, kind: str, signature: np.ndarray) -> dict[str, int]:
        raise NotImplementedError

    def file_hashes(self) -> dict[str, str]:
        raise NotImplementedError

    def replace_file(self, path: str, sha: str, entries: Sequence[IndexEntry]) -> None:
        raise NotImplementedError

    def remove_file(self, path: str) -> None:
        raise NotImplementedError

    def alias_docs(self) -> list[LeanDoc]:
        """Every document's key, language and names (no text), for citation lookup."""
        raise NotImplementedError

    def texts(self, keys: Iterable[str]) -> dict[str, tuple[bytes, str]]:
        """key -> (compressed body text, language)."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        pass


class ArchiveError(Exception):
    """An archive index that cannot be opened; the message says which and why, for the user."""


class SqliteArchive(Archive):
    def __init__(self, path: str, create: bool = False):
        if not create and not os.path.isfile(path):
            raise ArchiveError(f"{path}: no archive index here (build one: audit index ARCHIVE --index {path})")
        if os.path.isfile(path) and os.path.getsize(path) > 0:
            _check_is_index(path)  # before anything writes to it: it may be someone's own file
        self._db = sqlite3.connect(path, timeout=60)
        self._db.executescript("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, sha256 TEXT);
            CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, key TEXT UNIQUE, path TEXT,
                language TEXT, known_as TEXT, body BLOB);
            CREATE INDEX IF NOT EXISTS docs_path ON docs (path);
            CREATE TABLE IF NOT EXISTS bands (kind INTEGER, band INTEGER, value INTEGER, doc INTEGER);
            CREATE INDEX IF NOT EXISTS bands_lookup ON bands (kind, band, value);
            CREATE INDEX IF NOT EXISTS bands_doc ON bands (doc);
        """)
        layout = json.dumps({"num_perm": NUM_PERM, "threshold": THRESHOLD, "bands": LAYOUT})
        row = self._db.execute("SELECT value FROM meta WHERE name = 'layout'").fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta VALUES ('layout', ?)", (layout,))
            self._db.commit()
        elif row[0] != layout:
            self._db.close()
            raise ArchiveError(f"{path}: built with another LSH layout; rebuild it (delete the file, run audit index)")

    def _shared_bands(self, kind: str, signature: np.ndarray) -> dict[str, int]:
        values = band_values(signature, LAYOUT).view(np.int64).tolist()
        kind_id = KINDS.index(kind)
        shared: dict[int, int] = {}
        for band, value in enumerate(values):
            for (doc,) in self._db.execute(
                    "SELECT doc FROM bands WHERE kind = ? AND band = ? AND value = ?", (kind_id, band, value)):
                shared[doc] = shared.get(doc, 0) + 1
        if not shared:
            return {}
        keys = dict(self._db.execute(
            f"SELECT id, key FROM docs WHERE id IN ({','.join('?' * len(shared))})", list(shared)).fetchall())
        return {keys[doc]: count for doc, count in shared.items()}

    def file_hashes(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT path, sha256 FROM files"))

    def remove_file(self, path: str) -> None:
        ids = [row[0] for row in self._db.execute("SELECT id FROM docs WHERE path = ?", (path,))]
        self._db.executemany("DELETE FROM bands WHERE doc = ?", [(i,) for i in ids])
        self._db.execute("DELETE FROM docs WHERE path = ?", (path,))
        self._db.execute("DELETE FROM files WHERE path = ?", (path,))

    def replace_file(self, path: str, sha: str, entries: Sequence[IndexEntry]) -> None:
        self.remove_file(path)
        self._db.execute("INSERT INTO files VALUES (?, ?)", (path, sha))
        for entry in entries:
            cursor = self._db.execute(
                "INSERT INTO docs (key, path, language, known_as, body) VALUES (?, ?, ?, ?, ?)",
                (entry.key, path, entry.sketch.language, json.dumps(entry.known_as, ensure_ascii=False), entry.body))
            rows = []
            for kind_id, kind in enumerate(KINDS):
                if getattr(entry.sketch, kind):
                    values = band_values(entry.sketch.signature(kind), LAYOUT).view(np.int64).tolist()
                    rows += [(kind_id, band, value, cursor.lastrowid) for band, value in enumerate(values)]
            self._db.executemany("INSERT INTO bands VALUES (?, ?, ?, ?)", rows)

    def commit(self) -> None:
        self._db.commit()

    def alias_docs(self) -> list[LeanDoc]:
        return [LeanDoc(key, "", language, tuple(json.loads(names)))
                for key, language, names in self._db.execute("SELECT key, language, known_as FROM docs ORDER BY id")]

    def texts(self, keys: Iterable[str]) -> dict[str, tuple[bytes, str]]:
        out = {}
        for key in keys:
            row = self._db.execute("SELECT body, language FROM docs WHERE key = ?", (key,)).fetchone()
            if row is not None:
                out[key] = (bytes(row[0]), row[1])
        return out

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    def close(self) -> None:
        self._db.commit()
        self._db.close()


class RedisArchive(Archive):
    """The bands in datasketch's MinHashLSH with Redis storage; documents in Redis hashes."""

    def __init__(self, url: str):
        import redis
        from datasketch import MinHashLSH

        parsed = urlparse(url)
        db = int(parsed.path.strip("/") or 0)
        config = {"host": parsed.hostname or "127.0.0.1", "port": parsed.port or 6379, "db": db}
        self._redis = redis.Redis(**config)
        self._redis.ping()  # fail now, with the server's address in the error, not mid-run
        self._prefix = "provenance-auditor"
        self._lsh = {
            kind: MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, storage_config={
                "type": "redis", "basename": f"{self._prefix}:{kind}".encode(), "redis": config})
            for kind in KINDS
        }
        for lsh in self._lsh.values():
            if [tuple(r) for r in lsh.hashranges] != [tuple(r) for r in LAYOUT]:
                raise ValueError("datasketch chose other LSH bands than the embedded index")

    @staticmethod
    def _minhash(signature: np.ndarray):
        from datasketch import MinHash

        # The scheme (and value type) of the MinHash the signature came from: datasketch's default
        # (auditor.lean.candidates computes that scheme's values itself).
        native = MinHash(num_perm=1)
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=signature.astype(native.hashvalues.dtype),
                       scheme=native.scheme)

    def _shared_bands(self, kind: str, signature: np.ndarray) -> dict[str, int]:
        lsh = self._lsh[kind]
        values = self._minhash(signature).hashvalues  # datasketch hashes bands of its own value type
        shared: dict[str, int] = {}
        for (start, end), table in zip(lsh.hashranges, lsh.hashtables):
            for key in table.get(lsh._H(values[start:end])):
                key = pickle.loads(key) if lsh.prepickle else key
                shared[key] = shared.get(key, 0) + 1
        return shared

    def file_hashes(self) -> dict[str, str]:
        return {k.decode(): v.decode() for k, v in self._redis.hgetall(f"{self._prefix}:files").items()}

    def remove_file(self, path: str) -> None:
        keys = self._redis.smembers(f"{self._prefix}:path:{path}")
        for raw in keys:
            key = raw.decode()
            for lsh in self._lsh.values():
                if key in lsh:
                    lsh.remove(key)
            self._redis.hdel(f"{self._prefix}:docs", key)
        self._redis.delete(f"{self._prefix}:path:{path}")
        self._redis.hdel(f"{self._prefix}:files", path)

    def replace_file(self, path: str, sha: str, entries: Sequence[IndexEntry]) -> None:
        self.remove_file(path)
        for entry in entries:
            for kind in KINDS:
                if getattr(entry.sketch, kind):
                    self._lsh[kind].insert(entry.key, self._minhash(entry.sketch.signature(kind)))
            record = pickle.dumps((entry.sketch.language, entry.known_as, entry.body))
            self._redis.hset(f"{self._prefix}:docs", entry.key, record)
            self._redis.sadd(f"{self._prefix}:path:{path}", entry.key)
        self._redis.hset(f"{self._prefix}:files", path, sha)

    def commit(self) -> None:
        pass

    def alias_docs(self) -> list[LeanDoc]:
        docs = []
        for raw_key, record in sorted(self._redis.hgetall(f"{self._prefix}:docs").items()):
            language, known_as, _ = pickle.loads(record)
            docs.append(LeanDoc(raw_key.decode(), "", language, tuple(known_as)))
        return docs

    def texts(self, keys: Iterable[str]) -> dict[str, tuple[bytes, str]]:
        keys = list(keys)
        out = {}
        for key, record in zip(keys, self._redis.hmget(f"{self._prefix}:docs", keys) if keys else []):
            if record is not None:
                language, _, body = pickle.loads(record)
                out[key] = (body, language)
        return out

    def __len__(self) -> int:
        return self._redis.hlen(f"{self._prefix}:docs")

    def close(self) -> None:
        self._redis.close()


def _check_is_index(path: str) -> None:
    """Refuse a file that is not an index made by ``audit index``, without writing to it."""
    not_index = f"{path}: not an archive index (build one: audit index ARCHIVE --index NEW_FILE)"
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error as exc:
        raise ArchiveError(f"{path}: cannot open: {exc}") from None
    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'layout'").fetchone()
    except sqlite3.Error:
        raise ArchiveError(not_index) from None
    finally:
        db.close()
    if row is None:
        raise ArchiveError(not_index)


def open_archive(location: str, create: bool = False) -> Archive:
    """An archive index: ``redis://HOST:PORT/DB`` or a file path (SQLite, embedded).
    Raises :class:`ArchiveError`, in words, when it cannot be used."""
    if location.startswith("redis://"):
        try:
            import redis
        except ImportError:
            raise ArchiveError(f"{location}: a Redis index needs the redis package "
                               "(pip install 'provenance-auditor[scale]')") from None
        try:
            return RedisArchive(location)
        except redis.exceptions.RedisError as exc:
            raise ArchiveError(f"{location}: cannot reach the Redis server: {exc}") from None
        except ValueError as exc:  # a malformed address (port, database number)
            raise ArchiveError(f"{location}: not a usable address: {exc}") from None
    try:
        return SqliteArchive(location, create=create)
    except sqlite3.Error as exc:
        raise ArchiveError(f"{location}: cannot use as an archive index: {exc}") from None
    except OSError as exc:
        raise ArchiveError(f"{location}: cannot open: {exc.strerror or exc}") from None
