"""The worker pool every round of a run goes through, and how a run is to be run.

A run goes out in rounds, each a list of chunks handed to joblib (one task per chunk of
files or articles, so process start-up and pickling do not dominate):

1. **audit** (:mod:`auditor.run.audit_round`): read, normalise and run the rules on each
   file; return its report and what lean needs of it (:mod:`auditor.run.lean_inputs`).
2. **score** and 3. **evidence** (:mod:`auditor.run.lean_round`): score the planned pairs
   with the classifier, then align the chosen ones and run the lean-stage rules.
4. **index** (:mod:`auditor.run.index_round`, ``audit index``): sketch archive files into
   an archive store (:mod:`auditor.run.archive`).

Results come back in input order whatever the number of workers or the backend, so the
report is the same byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Articles per task: large enough that a task's cost dwarfs sending it, small enough that
# two workers stay busy to the end and a chunk's results are a few megabytes at most.
AUDIT_CHUNK = 64
SCORE_CHUNK = 64
# Per article and shingle kind, the LSH candidates scored: the ones sharing the most bands.
# In a large corpus the 0.1 threshold lets chance collisions grow with the corpus; the
# bound keeps the pairs scored per article constant (see docs/scale.md for what it costs).
MAX_CANDIDATES = 8



@dataclass(frozen=True)
class RunOptions:
    """How to run an audit (not what to audit: that is :class:`auditor.config.Config`)."""

    jobs: int | None = None  # worker processes; None: all cores; 1: in this process
    backend: str = "loky"  # a joblib backend: "loky" (processes), "threading", or "dask"
    scheduler: str | None = None  # the Dask scheduler's address, for backend="dask"
    cache_dir: str | None = None  # folder of the result cache; None: no cache
    against: str | None = None  # an archive index (auditor.run.archive) to check drafts against
    keep_texts: bool = True  # keep each article's full text in its report (the HTML format shows it)
    max_candidates: int | None = MAX_CANDIDATES
    profile_store: bool = True  # keep compact profiles on disk for the run (off: profile texts where needed)
    profile_dir: str | None = None  # the run's store of compact profiles (auditor.lean.store), set by the API



def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class RunError(Exception):
    """The run cannot go on (its cluster cannot be reached); the message says why, for the user."""


def run_chunks(function: Callable[..., list[R]], work: Iterable[Sequence[Any]], options: RunOptions,
               *args: Any, n_chunks: int | None = None) -> Iterator[R]:
    """``function(chunk, *args)`` for every chunk, in parallel, yielding the results in order.

    ``work`` is consumed lazily (joblib dispatches a few chunks ahead), so a generator of
    chunks that carry texts never has them all in memory at once."""
    jobs = options.jobs or os.cpu_count() or 1
    on_dask = options.backend == "dask" and options.jobs != 1
    if not on_dask and (jobs == 1 or (n_chunks is not None and n_chunks <= 1)):
        # One chunk or one job: starting workers would cost more than it saves (and a draft
        # audited alone does not import joblib at all).
        for chunk in work:
            yield from function(chunk, *args)
        return
    from joblib import Parallel, delayed, parallel_config

    if on_dask:
        from distributed import Client

        try:
            client = Client(options.scheduler) if options.scheduler else Client(processes=False)
        except OSError as exc:  # a scheduler that is down or unreachable: say so, in words
            raise RunError(f"--scheduler {options.scheduler}: cannot reach the Dask scheduler: {exc}") from None
        try:
            with parallel_config(backend="dask", n_jobs=-1):
                results = Parallel()(delayed(function)(chunk, *args) for chunk in work)
        finally:
            client.close()
        for result in results:
            yield from result
        return
    with parallel_config(backend=options.backend, n_jobs=jobs):
        for result in Parallel(return_as="generator")(delayed(function)(chunk, *args) for chunk in work):
            yield from result


def enter_folder(cwd: str) -> None:
    """Work from the folder the audit was started in: paths stay as the user gave them, and a
    reused worker process may have been started from another folder."""
    if os.getcwd() != cwd:
        os.chdir(cwd)
