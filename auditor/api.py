"""The public API: audit paths and get a Report.  The CLI is a thin layer over this.

read -> normalise -> rules -> score (lean) -> report.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass

from auditor.cache import open_cache
from auditor.config import Config
from auditor.document import Document
from auditor.engine import cited_sources, run_rules
from auditor.findings import Finding, effective_severity
from auditor.normalise import normalise
from auditor.parallel import AUDIT_CHUNK, LeanInputs, Origin, RunOptions, audit_files, chunks, run_chunks
from auditor.policy import UNDECLARED_DERIVATION, document_policy, lean_policy, split_suppressed
from auditor.read import discover
from auditor.registry import load_rules, select_rules
from auditor.report import ArticleReport, FileError, Report
from auditor.rule import Rule
from auditor.run_folder import make_run_folder, remove_abandoned
from auditor.spill import Articles

__all__ = ["audit_paths", "audit_document", "active_rules", "Audited", "RunOptions"]


@dataclass(frozen=True)
class Audited:
    """One article through the rules, with its normalised document kept for the lean stage."""

    document: Document
    report: ArticleReport


def audit_document(raw: Document, rules: tuple[Rule, ...], config: Config) -> Audited:
    document = normalise(raw)
    findings, failures = run_rules(document, rules, dict(config.severity))
    sources = cited_sources(findings)
    policy_findings, suppressions = document_policy(
        document, findings, config.require_disclosure, config.min_sources, len(sources), load_rules().rules)
    active = {rule.code for rule in rules}
    policy_findings = [configured_severity(f, config) for f in policy_findings if f.rule in active]
    findings, accepted = split_suppressed(
        sorted(findings + policy_findings, key=lambda f: (f.start, f.end, f.rule)), suppressions)
    report = ArticleReport(
        path=document.path,
        record=document.record,
        format=document.format,
        language=document.language,
        encoding=document.encoding,
        sources=tuple(sources),
        ai_disclosure=any(f.category == "ai-disclosure" for f, _ in accepted) or any(
            f.category == "ai-disclosure" for f in findings),
        findings=tuple(findings),
        suppressed=tuple(accepted),
        suppressions=suppressions,
        rule_failures=tuple((f.rule, f.error) for f in failures),
        text=document.text,
        body_offset=document.body_spans[0][0],
    )
    return Audited(document, report)


def configured_severity(finding: Finding, config: Config) -> Finding:
    """A stage's finding at the severity the config gives its rule or category."""
    severity = effective_severity(finding.rule, finding.category, finding.severity, config.severity)
    return finding if severity == finding.severity else dataclasses.replace(finding, severity=severity)


def finish_policy(article: ArticleReport, config: Config, rules: tuple[Rule, ...]) -> ArticleReport:
    """The policy judged after lean (POL002), and inline markers applied to lean's findings."""
    if UNDECLARED_DERIVATION in rules:
        added = [configured_severity(f, config) for f in lean_policy(article, config.lean_declare_above)]
    else:
        added = []
    lean_findings = [configured_severity(f, config) if f.category == "lean" else f for f in article.findings]
    kept, accepted = split_suppressed(lean_findings + added, article.suppressions)
    if not added and not accepted and lean_findings == list(article.findings):
        return article
    return dataclasses.replace(article, findings=tuple(sorted(kept, key=lambda f: (f.start, f.end, f.rule))),
                               suppressed=article.suppressed + tuple(accepted))


def active_rules(config: Config) -> tuple[Rule, ...]:
    return select_rules(load_rules(), config.select, config.ignore)


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
        from auditor.parallel import lean_stage

        try:
            articles, lean_errors, source_texts = lean_stage(articles, lean_inputs, origins, rules, config, run)
            errors.extend(lean_errors)
        except ModelIntegrityError as exc:
            # The rules' findings stand; lean is reported as not scored, never guessed.
            warnings.append(f"lean not scored: {exc}")
    return Report(
        articles=Articles(finish_policy(article, config, rules) for article in articles),
        errors=tuple(errors),
        fail_on=config.fail_on,
        rules=tuple(r.code for r in rules),
        skipped_files=found.skipped,
        warnings=tuple(warnings),
        source_texts=source_texts,
    )
