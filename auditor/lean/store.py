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

import os
import uuid
from functools import lru_cache
from typing import NamedTuple

from .compact import CompactProfile

__all__ = ["ProfileRef", "write_profiles", "read_profile"]

LOADED_CACHE = 1024  # decoded profiles per process, with the n-gram sets built for them


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


@lru_cache(maxsize=LOADED_CACHE)
def read_profile(folder: str, ref: ProfileRef) -> CompactProfile:
    with open(os.path.join(folder, ref.file), "rb") as handle:
        handle.seek(ref.offset)
        data = handle.read(ref.length)
    if len(data) != ref.length:
        raise OSError(f"profile store {folder}: {ref.file} is shorter than expected")
    return CompactProfile.from_bytes(data)
