"""A run's compact profiles on disk: made once per document, read by every pair that needs it.

The candidates of a large corpus form a random graph (chance LSH collisions), so no order of
the work lets a per-process cache keep the profiles a chunk of articles needs: without a
store, a text was profiled again in nearly every chunk that scored it. Instead, the worker
that reads a document writes its :class:`~auditor.lean.compact.CompactProfile` (about 8 KB)
into a file of its chunk, in a folder that lives for one run; the workers that score pairs
read those bytes back, which costs a small fraction of profiling the text again.

Files are written whole and renamed into place, so a reader never sees half a file. The
folder is the caller's to create and remove (``auditor.api`` uses a temporary folder).
"""
from __future__ import annotations

import os
import uuid
from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

from .compact import CompactProfile

__all__ = ["ProfileRef", "write_profiles", "read_profile"]

LOADED_CACHE = 1024  # decoded profiles per process
OPEN_FILES = 64  # chunk files kept open per process


class ProfileRef(NamedTuple):
    file: str  # name of the file inside the run's folder
    offset: int
    length: int


def write_profiles(folder: str, profiles: list[CompactProfile]) -> list[ProfileRef]:
    """Write the profiles of one chunk into a new file of ``folder``; where each one is."""
    name = f"{uuid.uuid4().hex}.profiles"
    refs, blobs, offset = [], [], 0
    for item in profiles:
        blob = item.to_bytes()
        refs.append(ProfileRef(name, offset, len(blob)))
        blobs.append(blob)
        offset += len(blob)
    temporary = os.path.join(folder, f".{name}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(b"".join(blobs))
    os.replace(temporary, os.path.join(folder, name))
    return refs


def read_profile(folder: str, ref: ProfileRef) -> CompactProfile:
    """The profile ``ref`` points to in ``folder``. The first read from another run's folder
    lets the previous run's open files and decoded profiles go."""
    global _folder
    if folder != _folder:
        _decoded.cache_clear()
        while _open_files:
            os.close(_open_files.popitem(last=False)[1])
        _folder = folder
    return _decoded(folder, ref)


_folder: str | None = None
_open_files: OrderedDict[str, int] = OrderedDict()  # path -> descriptor, least recently used first


@lru_cache(maxsize=LOADED_CACHE)
def _decoded(folder: str, ref: ProfileRef) -> CompactProfile:
    data = os.pread(_descriptor(os.path.join(folder, ref.file)), ref.length, ref.offset)
    if len(data) != ref.length:
        raise OSError(f"profile store {folder}: {ref.file} is shorter than expected")
    return CompactProfile.from_bytes(data)


def _descriptor(path: str) -> int:
    # Reads are positioned (pread): no seek, and one descriptor per file for the run.
    fd = _open_files.pop(path, None)
    if fd is None:
        fd = os.open(path, os.O_RDONLY)
        if len(_open_files) >= OPEN_FILES:
            os.close(_open_files.popitem(last=False)[1])
    _open_files[path] = fd
    return fd
