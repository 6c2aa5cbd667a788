"""``audit clean IN OUT``: copies of the articles with debris and banners taken out.

Never in place: OUT must not be IN, inside it, or hold any input file.  Only findings
of the categories in ``CLEANED_CATEGORIES`` are acted on, each in the way its rule's
problem is undone: a leftover line is deleted, a glued sentence is split, a broken
line is joined.  Plain-text ``audit-ignore`` marker lines are taken out too: they are notes
for editors, not for readers (an HTML or Markdown comment marker is invisible and stays).
Everything else in the file, byte for byte, stays as it was.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from auditor.config import Config
from auditor.document import Document, ReadError
from auditor.findings import Finding, Suppression
from auditor.formats.output import write_atomic, write_atomic_bytes
from auditor.pipeline.article import audit_document, finish_article
from auditor.pipeline.read import MANIFEST_NAME, UnreadableInput, decode, discover, read_bytes, read_file
from auditor.pipeline.registry import active_rules
from auditor.pipeline.report import FileError

CLEANED_CATEGORIES = ("debris", "cookie-banner")
JOIN_RULES = ("DB004",)  # a line broken mid-sentence: join it with the next
SPLIT_RULES = ("DB003",)  # two sentences glued together: put the break back


class CleanError(Exception):
    """The cleaning cannot start (OUT would overwrite input); the message says why."""


@dataclass(frozen=True)
class Cleaned:
    path: str
    output: str
    removed: int  # findings acted on


@dataclass(frozen=True)
class Edit:
    start: int  # offsets in the decoded source string
    end: int
    replacement: str


def output_path(item_path: str, given: str, out_dir: str) -> str:
    if os.path.isdir(given):
        return os.path.join(out_dir, os.path.relpath(item_path, given))
    return os.path.join(out_dir, os.path.basename(item_path))


def check_out_dir(paths: list[str], out_dir: str) -> None:
    out = os.path.realpath(out_dir)
    for given in paths:
        real = os.path.realpath(given)
        if out == real or (os.path.isdir(real) and out.startswith(real + os.sep)):
            raise CleanError(f"{out_dir} is {given} or inside it: clean never writes into the folder it reads")


def clean_paths(paths: list[str], out_dir: str, config: Config) -> tuple[list[Cleaned], list[FileError]]:
    check_out_dir(paths, out_dir)
    rules = active_rules(config)
    cleaned: list[Cleaned] = []
    errors: list[FileError] = []
    for given in paths:
        found = discover([given], config.exclude)
        errors += [FileError(e.path, e.error, e.record) for e in found.errors]
        for item in found.files:
            target = output_path(item.path, given, out_dir)
            if os.path.realpath(target) == os.path.realpath(item.path):
                errors.append(FileError(item.path, "output would overwrite the input; skipped"))
                continue
            try:
                source, _ = decode(read_bytes(item.path, config.max_bytes))
            except UnreadableInput as exc:
                errors.append(FileError(item.path, str(exc)))
                continue
            results = list(read_file(item, config.max_bytes))
            errors += [FileError(r.path, r.error, r.record) for r in results if isinstance(r, ReadError)]
            documents = [r for r in results if isinstance(r, Document)]
            if item.format == "jsonl":
                text, removed = _clean_jsonl(source, documents, rules, config)
            elif documents:
                audited = audit_document(documents[0], rules, config)
                text, removed = clean_source(source, audited.document, finish_article(audited.report).findings,
                                             audited.report.suppressions)
            else:
                continue
            os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
            write_atomic(target, text)
            cleaned.append(Cleaned(item.path, target, removed))
            _copy_manifest(os.path.dirname(item.path), os.path.dirname(target))
    return cleaned, errors


def _copy_manifest(folder: str, target_folder: str) -> None:
    """The folder's manifest travels with the copies: it says what the newsroom knows of them."""
    manifest, copy = os.path.join(folder or ".", MANIFEST_NAME), os.path.join(target_folder or ".", MANIFEST_NAME)
    if os.path.isfile(manifest) and not os.path.exists(copy):
        with open(manifest, "rb") as handle:
            data = handle.read()
        write_atomic_bytes(copy, data)


def _clean_jsonl(source: str, documents: list[Document], rules, config: Config) -> tuple[str, int]:
    lines = source.splitlines(keepends=True)
    removed = 0
    for raw in documents:
        audited = audit_document(raw, rules, config)
        number = raw.record or 0
        record = json.loads(lines[number - 1])
        key = "text" if isinstance(record.get("text"), str) else "html"
        record[key], count = clean_source(record[key], audited.document, finish_article(audited.report).findings,
                                          audited.report.suppressions)
        removed += count
        ending = "\n" if lines[number - 1].endswith("\n") else ""
        lines[number - 1] = json.dumps(record, ensure_ascii=False) + ending
    return "".join(lines), removed


def clean_source(source: str, document: Document, findings: tuple[Finding, ...],
                 suppressions: tuple[Suppression, ...] = ()) -> tuple[str, int]:
    """The source with the cleanable findings undone, and how many were; visible marker
    lines removed."""
    edits: list[Edit] = []
    acted = 0
    for marker in suppressions:
        # An HTML comment has an empty span in the text; a Markdown comment is a line of its own
        # that readers never see.
        text = document.text[marker.marker_start:marker.marker_end]
        if marker.marker_end > marker.marker_start and not text.lstrip().startswith("<!--"):
            edits += _delete_span(source, document, marker.marker_start, marker.marker_end)
    for finding in findings:
        if finding.category not in CLEANED_CATEGORIES:
            continue
        if finding.rule in JOIN_RULES:
            # A hard-wrapped text is one finding that names every broken line end.
            for end in finding.data.get("line_ends", [finding.end]):
                edit = _join_edit(source, document, end)
                edits += [edit] if edit else []
        elif finding.rule in SPLIT_RULES:
            edit = _split_edit(document, finding)
            edits += [edit] if edit else []
        else:
            edits += _delete_edits(source, document, finding)
        acted += 1
    return _apply(source, edits), acted


def _join_edit(source: str, document: Document, text_end: int) -> Edit | None:
    end = document.offsets.to_source(text_end)
    newline = source.find("\n", end)
    if newline < 0:
        return None
    start = newline - 1 if newline > 0 and source[newline - 1] == "\r" else newline
    while start > 0 and source[start - 1] in " \t":
        start -= 1
    stop = newline + 1
    while stop < len(source) and source[stop] in " \t":
        stop += 1
    return Edit(start, stop, " ")


def _split_edit(document: Document, finding: Finding) -> Edit | None:
    text = document.text
    for i in range(finding.start + 1, finding.end):
        if text[i].isupper() and (text[i - 1].islower() or text[i - 1] in ".!?"):
            at = document.offsets.to_source(i)
            return Edit(at, at, " " if text[i - 1] in ".!?" else ". ")
    return None


def _delete_edits(source: str, document: Document, finding: Finding) -> list[Edit]:
    if document.format == "html":
        return [Edit(s, e, "") for s, e in _html_source_ranges(source, document, finding.start, finding.end)]
    return _delete_span(source, document, finding.start, finding.end)


def _delete_span(source: str, document: Document, text_start: int, text_end: int) -> list[Edit]:
    """Delete a span of a text document's source: its whole line when nothing else is on it."""
    start, end = document.offsets.to_source(text_start), document.offsets.to_source(text_end)
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    if source[line_start:start].strip() or source[end:line_end].strip():
        return [Edit(start, end, "")]  # the leftover shares its line with article text
    # The whole line goes, with one line break (the one before it at the end of the file).
    if line_end < len(source):
        return [Edit(line_start, line_end + 1, "")]
    return [Edit(max(0, line_start - 1), line_end, "")]


def _html_source_ranges(source: str, document: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Source ranges of the text pieces a span covers; tags between pieces are kept."""
    starts, sources = document.offsets.text_starts, document.offsets.source_starts
    ranges = []
    for i, piece_start in enumerate(starts):
        piece_end = starts[i + 1] if i + 1 < len(starts) else len(document.text)
        low, high = max(start, piece_start), min(end, piece_end)
        if low >= high:
            continue
        source_start = sources[i] + (low - piece_start)
        markup = source.find("<", sources[i])
        limit = len(source) if markup < 0 else markup
        source_end = min(sources[i] + (high - piece_start), limit)
        if source_start < source_end:
            ranges.append((source_start, source_end))
    return ranges


def _apply(source: str, edits: list[Edit]) -> str:
    result = source
    last_start = len(source) + 1
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > last_start:  # overlapping edits: the later one already took this text
            continue
        result = result[: edit.start] + edit.replacement + result[edit.end :]
        last_start = edit.start
    return result
