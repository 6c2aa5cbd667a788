"""Write reports atomically: a reader never sees half a file, an interrupted run leaves none."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable


def write_atomic(path: str, content: str | Iterable[str]) -> None:
    """Write text (a string, or pieces of one) as UTF-8."""
    pieces = (content,) if isinstance(content, str) else content
    write_atomic_bytes(path, (piece.encode("utf-8") for piece in pieces))


def write_atomic_bytes(path: str, content: bytes | Iterable[bytes]) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".audit-", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private (0600); a report is an ordinary file, readable as the umask allows.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as stream:
            for piece in (content,) if isinstance(content, bytes) else content:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
