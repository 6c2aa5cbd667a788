"""The temporary folder a run keeps its lean profiles in, and the ones killed runs left behind.

A run removes its folder when it ends, on an error, Ctrl-C or SIGTERM. A run killed outright
(SIGKILL: the kernel's out-of-memory killer, a CI runner's hard timeout) cannot, and the
folder can be gigabytes (~27 KB an article, docs/scale.md). So each folder is named after
the machine and the process that made it, and a run, before making its own, removes those
of this machine whose process is gone and that nothing has written to for a while (a
process of the same number in another PID namespace that shares the folder would still be
writing at first; the wait makes taking its folder unlikely).
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import tempfile
import time

__all__ = ["PREFIX", "make_run_folder", "remove_abandoned"]

PREFIX = "audit-profiles-"
ABANDONED_AFTER = 600.0  # seconds without a write before a dead run's folder is removed


def _host() -> str:
    # only characters that are safe in a file name, and no "-" (it separates the parts)
    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())[:64] or "host"


def make_run_folder(parent: str | None = None) -> str:
    """A new folder for this run: ``audit-profiles-<host>-<pid>-<random>``."""
    return tempfile.mkdtemp(prefix=f"{PREFIX}{_host()}-{os.getpid()}-", dir=parent)


def remove_abandoned(parent: str | None = None, now: float | None = None) -> list[str]:
    """Remove this machine's run folders whose process has ended and that were last written
    ``ABANDONED_AFTER`` seconds ago or more; return their paths. Folders of other machines,
    of live processes, of other users and of older versions (no process in the name) stay."""
    parent = parent or tempfile.gettempdir()
    now = time.time() if now is None else now
    pattern = re.compile(rf"{re.escape(PREFIX)}{re.escape(_host())}-(\d+)-")
    removed = []
    try:
        names = os.listdir(parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.match(name)
        if not match or int(match.group(1)) == os.getpid():
            continue
        path = os.path.join(parent, name)
        try:
            status = os.lstat(path)  # not followed: a link is not a run's folder
        except OSError:
            continue
        if (not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid()
                or now - status.st_mtime < ABANDONED_AFTER or _alive(int(match.group(1)))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, another user's
        return True
    except OverflowError:
        return False
    return True
