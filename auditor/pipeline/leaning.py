"""Stage 4 glue: what a document is known by, lean answers as report entries, the lean-stage
rules (LN001, POL002), compare.

The corpus-wide scoring runs in :mod:`auditor.run.lean_round`; the scoring itself lives in
:mod:`auditor.lean`.  This module only adapts plain data between them and the report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from urllib.parse import urlparse

from auditor.config import Config
from auditor.document import Document, ReadError
from auditor.findings import Finding
from auditor.lean.results import LeanResult
from auditor.pipeline.engine import RuleFailure, judge
from auditor.pipeline.normalise import normalise
from auditor.pipeline.read import discover, read_file
from auditor.rule import LeanContext, Rule
from auditor.rulekit.outlets import name_for_domain, registrable_domain


def known_as(document: Document) -> tuple[str, ...]:
    """Lower-case names and domains a document is known by, from its metadata."""
    names: list[str] = []
    hosts: list[str] = []
    meta = document.metadata
    for key in ("outlet", "site", "site_name", "name"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            names.append(value.strip())
    for key in ("domain", "url"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            hosts.append(_host(value))
    if document.markup is not None:
        if document.markup.site_name:
            names.append(document.markup.site_name)
        if document.markup.canonical_url:
            hosts.append(_host(document.markup.canonical_url))
    result: list[str] = []
    for host in filter(None, hosts):
        domain = registrable_domain(host)
        result += [host, domain, name_for_domain(domain, domain)]
    result += names
    seen: dict[str, None] = {}
    for item in result:
        seen.setdefault(item.lower().removeprefix("www."), None)
    return tuple(seen)


def document_key(document: Document) -> str:
    """How lean names a document: its path, with the record's line for JSON Lines."""
    return f"{document.path}:{document.record}" if document.record is not None else document.path


def _host(value: str) -> str:
    value = value.strip()
    parsed = urlparse(value if "//" in value else "//" + value)
    return (parsed.hostname or "").lower().removeprefix("www.")


def judge_lean(lean: tuple[LeanResult, ...], config: Config, rules: tuple[Rule, ...],
               read_document: Callable[[], Document]) -> tuple[list[Finding], list[RuleFailure]]:
    """The findings of the active lean-stage rules (LN001, POL002) on one article's lean
    results, and the rules that failed on it. ``read_document`` reads the article again; it
    is called only if a rule needs it."""
    context = LeanContext(lean, config.lean_declare_above, read_document)
    return judge(rules, "lean", context, lambda: context.document, dict(config.severity))


def compare_paths(article_path: str, source_path: str, config: Config) -> LeanResult:
    """Score one pair of files, as a report's lean entry (``audit compare``): the source is
    named by its path, and counts as cited (the user named it)."""
    from auditor.lean.score import score_pair

    article = _read_one(article_path, config)
    source = _read_one(source_path, config)
    pipeline = None
    if config.model:
        from auditor.lean.model import model_at

        pipeline, _card = model_at(config.model)
    lean = score_pair(article.body_text, source.body_text, article.language, source.language, pipeline)
    return LeanResult(source=source_path, document=source_path, score=lean.score, label=lean.label,
                      evidence=lean.evidence)


def body_and_language(path, config: Config) -> tuple[str, str | None]:
    """A file's body text and language as an audit reads them (for ``audit train``)."""
    document = _read_one(str(path), config)
    return document.body_text, document.language


class CompareInputError(Exception):
    """A file given to compare that cannot be read; the message says which and why."""


def _read_one(path: str, config: Config) -> Document:
    """The one article in ``path``. A folder or a JSON Lines file of several records is refused:
    scoring only its first article would be a silent wrong answer."""
    import os

    if os.path.isdir(path):
        raise CompareInputError(f"{path}: is a folder; compare takes one article file on each side "
                                f"(to score every article of a folder against each other: audit {path})")
    found = discover([path], config.exclude)
    if found.errors:
        raise CompareInputError(f"{path}: {found.errors[0].error}")
    documents: list[Document] = []
    for item in found.files:
        for result in read_file(item, config.max_bytes):
            if isinstance(result, ReadError):
                where = f"{path} line {result.record}" if result.record is not None else path
                raise CompareInputError(f"{where}: {result.error}")
            documents.append(result)
    if len(documents) > 1:
        raise CompareInputError(f"{path}: holds {len(documents)} records; compare takes one article on each side "
                                f"(to score them all: audit {path})")
    if not documents:
        raise CompareInputError(f"{path}: no article in it")
    return normalise(documents[0])


def lean_result(entry: LeanResult) -> LeanResult:
    """A lean entry with the note the report shows beside it."""
    note = ""
    if entry.label == "unavailable":
        note = (f"{entry.source}: source text not available (to score it: its text in a --sources folder "
                f"whose manifest.json names the outlet)")
    elif not entry.cited:
        note = f"near-duplicate of {entry.document}: leans on a document it does not cite"
    return dataclasses.replace(entry, note=note)
