"""The public API: audit paths and get a Report.  The CLI is a thin layer over this.

read -> normalise -> rules -> score (lean) -> report.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.config import Config
from auditor.document import Document, ReadError
from auditor.engine import cited_sources, run_rules
from auditor.normalise import normalise
from auditor.read import discover, read_file
from auditor.registry import load_rules, select_rules
from auditor.report import ArticleReport, FileError, Report
from auditor.rule import Rule


@dataclass(frozen=True)
class Audited:
    """One article through the rules, with its normalised document kept for the lean stage."""

    document: Document
    report: ArticleReport


def audit_document(raw: Document, rules: tuple[Rule, ...], config: Config) -> Audited:
    document = normalise(raw)
    findings, failures = run_rules(document, rules, dict(config.severity))
    report = ArticleReport(
        path=document.path,
        record=document.record,
        format=document.format,
        language=document.language,
        encoding=document.encoding,
        sources=tuple(cited_sources(findings)),
        ai_disclosure=any(f.category == "ai-disclosure" for f in findings),
        findings=tuple(findings),
        rule_failures=tuple((f.rule, f.error) for f in failures),
        text=document.text,
        body_offset=document.body_spans[0][0],
    )
    return Audited(document, report)


def active_rules(config: Config) -> tuple[Rule, ...]:
    return select_rules(load_rules(), config.select, config.ignore)


def audit_paths(paths: list[str], config: Config | None = None) -> Report:
    """Audit files and folders; lean is scored across everything read (and config.sources)."""
    config = config or Config()
    rules = active_rules(config)
    found = discover(paths, config.exclude)
    errors = [FileError(e.path, e.error, e.record) for e in found.errors]
    audited: list[Audited] = []
    for item in found.files:
        for result in read_file(item, config.max_bytes):
            if isinstance(result, ReadError):
                errors.append(FileError(result.path, result.error, result.record))
            else:
                audited.append(audit_document(result, rules, config))
    articles = [a.report for a in audited]
    warnings = list(load_rules().load_errors)
    source_texts: dict[str, str] = {}
    if config.lean and audited:
        from auditor.lean.model import ModelIntegrityError
        from auditor.leaning import attach_lean

        try:
            articles, lean_errors, source_texts = attach_lean(audited, config, rules)
            errors.extend(lean_errors)
        except ModelIntegrityError as exc:
            # The rules' findings stand; lean is reported as not scored, never guessed.
            warnings.append(f"lean not scored: {exc}")
    return Report(
        articles=tuple(articles),
        errors=tuple(errors),
        fail_on=config.fail_on,
        rules=tuple(r.code for r in rules),
        skipped_files=found.skipped,
        warnings=tuple(warnings),
        source_texts=source_texts,
    )
