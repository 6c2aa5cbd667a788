"""The public API: audit paths and get a Report.  The CLI is a thin layer over this.

read -> normalise -> rules -> score (lean) -> report.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable

from auditor.config import Config
from auditor.pipeline.article import Audited, audit_document, finish_article
from auditor.pipeline.read import discover
from auditor.pipeline.registry import active_rules, load_rules
from auditor.pipeline.report import FileError, Report
from auditor.run.audit_round import audit_files
from auditor.run.cache import open_cache
from auditor.run.lean_inputs import LeanInputs, Origin
from auditor.run.pool import AUDIT_CHUNK, RunOptions, chunks, run_chunks
from auditor.run.run_folder import make_run_folder, remove_abandoned
from auditor.run.spill import Articles

__all__ = ["audit_paths", "audit_document", "finish_article", "active_rules", "Audited", "RunOptions"]


def audit_paths(paths: list[str], config: Config | None = None,
                progress: Callable[[int, int], None] | None = None, run: RunOptions | None = None,
                stdin_name: str | None = None) -> Report:
    """Audit files and folders; lean is scored across everything read (and config.sources,
    and the archive ``run.against`` names).

    ``progress(done, total)`` is called as files are audited (the CLI draws a bar with it).
    ``run`` says how to run: workers, backend, cache, archive (:class:`RunOptions`).
    A path ``-`` is one article read from standard input, shown as ``stdin_name``.
    """
    config = config or Config()
    run = run or RunOptions()
    if config.lean and run.profile_store and run.profile_dir is None and run.backend != "dask":
        # One store of compact profiles for the run (auditor.lean.store); Dask workers may
        # be other machines, which do not see this one's temporary folder: they profile texts.
        remove_abandoned()  # what runs killed outright (SIGKILL) left in the temporary folder
        store = make_run_folder()
        try:
            return audit_paths(paths, config, progress, dataclasses.replace(run, profile_dir=store), stdin_name)
        finally:
            shutil.rmtree(store, ignore_errors=True)
    rules = active_rules(config)
    found = discover(paths, config.exclude, stdin_name, config.max_bytes)
    errors = [FileError(e.path, e.error, e.record) for e in found.errors]
    warnings = list(load_rules().load_errors)
    articles = Articles()  # the reports, on disk past the first few thousand
    lean_inputs = LeanInputs()  # bodies and sketches filed as they come
    origins: list[Origin] = []
    cache = open_cache(run.cache_dir, config, rules) if run.cache_dir else None
    fresh: list[tuple[str, list]] = []
    # Results stream in, in input order; only the compressed lean inputs stay in memory.
    done = 0
    # One draft, nothing to compare it with (the pre-commit case): no sketch, no profile,
    # and so no datasketch, which costs more to import than auditing the draft.
    alone = (len(found.files) == 1 and found.files[0].format != "jsonl"
             and not config.sources and not run.against)
    for key, results, from_cache in run_chunks(audit_files, chunks(found.files, AUDIT_CHUNK), run, config,
                                                run.cache_dir, os.getcwd(), run.profile_dir, alone,
                                                n_chunks=-(-len(found.files) // AUDIT_CHUNK)):
        done += 1
        if progress is not None:
            progress(done, len(found.files))
        if cache is not None and key and not from_cache:
            fresh.append((key, results))
            if len(fresh) >= 256:
                cache.put_many(fresh)
                fresh = []
        for result in results:
            if isinstance(result, FileError):
                errors.append(result)
                continue
            articles.append(result.report if run.keep_texts else dataclasses.replace(result.report, text=""))
            # the run's own InputFile, not the copy that came back with the result
            origins.append(Origin(found.files[done - 1], result.origin.record))
            if result.lean is not None:
                lean_inputs.add(result.lean)
    if cache is not None:
        cache.put_many(fresh)
        cache.close()
    source_texts: dict[str, str] = {}
    if config.lean and len(lean_inputs):
        from auditor.lean import ModelIntegrityError
        from auditor.run.lean_round import lean_stage

        try:
            articles, lean_errors, source_texts = lean_stage(articles, lean_inputs, origins, rules, config, run)
            errors.extend(lean_errors)
        except ModelIntegrityError as exc:
            # The rules' findings stand; lean is reported as not scored, never guessed.
            warnings.append(f"lean not scored: {exc}")
    return Report(
        articles=Articles(finish_article(article) for article in articles),
        errors=tuple(errors),
        fail_on=config.fail_on,
        rules=tuple(r.code for r in rules),
        skipped_files=found.skipped,
        warnings=tuple(warnings),
        source_texts=source_texts,
    )
