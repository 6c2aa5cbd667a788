"""A run's compact profiles on disk: made once per document, read by every pair that needs it.

The candidates of a large corpus form a random graph (chance LSH collisions), so no order of
the work lets a per-process cache keep the profiles a chunk of articles needs: without a
store, a text was profiled again in nearly every chunk that scored it. Instead, the worker
that reads a document writes its :class:`~auditor.lean.compact.CompactProfile` (about 8 KB)
into a file of its chunk, in a folder that lives for one run; the workers that score pairs
read the few kilobytes back, which costs a small fraction of profiling the text again.

Files are written whole and renamed into place, so a reader never sees half a file. The
folder is the caller's to create and remove (``auditor.api`` uses a temporary folder).
"""
from __future__ import annotations

import mmap
import os
import uuid
from functools import lru_cache
from typing import NamedTuple

from .compact import CompactProfile

__all__ = ["ProfileRef", "write_profiles", "read_profile"]

LOADED_CACHE = 1024  # decoded profiles per process
MAPPED_FILES = 256  # chunk files kept mapped per process (the OS pages them in and out)


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
    """The profile ``ref`` points to in ``folder``. Files stay mapped for the run; the first
    read from another run's folder lets the previous run's mappings go."""
    global _folder
    if folder != _folder:
        _decoded.cache_clear()
        _mapped.cache_clear()
        _folder = folder
    return _decoded(folder, ref)


_folder: str | None = None


@lru_cache(maxsize=LOADED_CACHE)
def _decoded(folder: str, ref: ProfileRef) -> CompactProfile:
    mapped = _mapped(os.path.join(folder, ref.file))
    if ref.offset + ref.length > len(mapped):
        raise OSError(f"profile store {folder}: {ref.file} is shorter than expected")
    # The arrays are views into the mapped file: nothing is copied or rebuilt.
    return CompactProfile.from_bytes(memoryview(mapped)[ref.offset:ref.offset + ref.length])


@lru_cache(maxsize=MAPPED_FILES)
def _mapped(path: str) -> mmap.mmap:
    # Files are never changed once renamed into place; a mapping outlives its descriptor.
    with open(path, "rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
