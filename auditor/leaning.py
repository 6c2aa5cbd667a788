"""Stage 4: score how much each article leans on the sources it cites (and on ones it does not).

This module only adapts plain data: audited documents -> :mod:`auditor.lean`
inputs, and its answers -> report entries.  The scoring itself lives in
:mod:`auditor.lean`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from auditor.config import Config
from auditor.document import Document, ReadError
from auditor.normalise import normalise
from auditor.outlets import name_for_domain, registrable_domain
from auditor.read import discover, read_file
from auditor.report import ArticleReport, EvidencePair, FileError, LeanResult

if TYPE_CHECKING:
    from auditor.api import Audited


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


def _host(value: str) -> str:
    value = value.strip()
    parsed = urlparse(value if "//" in value else "//" + value)
    return (parsed.hostname or "").lower().removeprefix("www.")


def lean_doc(document: Document):
    from auditor.lean.corpus import LeanDoc

    return LeanDoc(key=_key(document), text=document.body_text, language=document.language, known_as=known_as(document))


def _key(document: Document) -> str:
    return f"{document.path}:{document.record}" if document.record is not None else document.path


def read_sources_folder(folder: str, config: Config) -> tuple[list[Document], list[FileError]]:
    documents: list[Document] = []
    errors: list[FileError] = []
    found = discover([folder], config.exclude)
    errors += [FileError(e.path, e.error, e.record) for e in found.errors]
    for item in found.files:
        for result in read_file(item, config.max_bytes):
            if isinstance(result, ReadError):
                errors.append(FileError(result.path, result.error, result.record))
            else:
                documents.append(normalise(result))
    return documents, errors


def attach_lean(audited: list[Audited], config: Config) -> tuple[list[ArticleReport], list[FileError]]:
    from auditor.lean.corpus import CitedSource, assess_corpus

    extra, errors = read_sources_folder(config.sources, config) if config.sources else ([], [])
    docs = [lean_doc(a.document) for a in audited]
    cited = {
        _key(a.document): [CitedSource(s.name, s.domain) for s in a.report.sources if s.role in ("text", "data")]
        for a in audited
    }
    entries = assess_corpus(docs, cited, [lean_doc(d) for d in extra])
    reports = []
    for item in audited:
        results = tuple(_lean_result(e) for e in entries.get(_key(item.document), []))
        reports.append(dataclasses.replace(item.report, lean=results))
    return reports, errors


def _lean_result(entry) -> LeanResult:
    note = ""
    if entry.label == "unavailable":
        note = f"{entry.source}: source text not available"
    elif not entry.cited:
        note = f"near-duplicate of {entry.document}: leans on a document it does not cite"
    return LeanResult(
        source=entry.source,
        document=entry.document,
        score=entry.score,
        label=entry.label,
        evidence=tuple(
            EvidencePair(tuple(e.article_span), tuple(e.source_span), e.article_text, e.source_text)
            for e in entry.evidence
        ),
        cited=entry.cited,
        note=note,
    )
