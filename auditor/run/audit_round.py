"""Round 1 of a run: read, normalise and run the rules on each file, in a worker.

Each file's report comes back with its lean input (:mod:`auditor.run.lean_inputs`): a
:class:`~auditor.lean.candidates.Sketch` (two MinHash signatures), the names it is known
by, the sources it cites and its body text (kept compressed). Full texts go back too; the
main process drops them from the reports unless the format shows them. Results are cached
by content (:mod:`auditor.run.cache`) when a cache folder is given.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.config import Config
from auditor.document import ReadError
from auditor.lean.results import CitedSource
from auditor.pipeline.read import InputFile
from auditor.pipeline.report import ArticleReport, FileError
from auditor.run.lean_inputs import LeanInput, Origin
from auditor.run.pool import enter_folder


@dataclass(frozen=True)
class AuditResult:
    """One document through the rules: its report and its lean input (None without lean)."""

    report: ArticleReport
    lean: LeanInput | None
    origin: Origin


def audit_files(files: Sequence[InputFile], config: Config, cache_dir: str | None,
                cwd: str, profile_dir: str | None = None, alone: bool = False
                ) -> list[tuple[str | None, list[AuditResult | FileError], bool]]:
    """For each file: its cache key, what came out of it, and whether that came from the cache.
    With ``profile_dir``, the compact profile of every document audited (not of those found
    in the cache) is written to the run's store, one file for the chunk. ``alone``: the run
    has one document and nothing to compare it with, so it gets no sketch and no profile."""
    from auditor.pipeline.article import audit_document
    from auditor.pipeline.read import UnreadableInput, input_bytes, read_file
    from auditor.pipeline.registry import active_rules
    from auditor.run.cache import file_key, open_cache

    enter_folder(cwd)
    rules = active_rules(config)
    cache = open_cache(cache_dir, config, rules, readonly=True)
    out = []
    profiles: list = []  # (position in out, position in its results, compact profile)
    for item in files:
        key = None
        if cache is not None:
            try:
                key = file_key(input_bytes(item, config.max_bytes), item)
            except UnreadableInput:
                key = None
            hit = cache.get(key) if key else None
            if hit is not None:
                out.append((key, [_restamp(result, item) for result in hit], True))
                continue
        results: list[AuditResult | FileError] = []
        for document in read_file(item, config.max_bytes):
            if isinstance(document, ReadError):
                results.append(FileError(document.path, document.error, document.record))
                continue
            audited = audit_document(document, rules, config)
            lean = None
            if config.lean:
                lean, compact = _lean_input(audited.document, audited.report,
                                            want_profile=profile_dir is not None and not alone, want_sketch=not alone)
                if compact is not None:
                    profiles.append((len(out), len(results), compact))
            # The full text goes back even when this run's format does not show it: the main
            # process caches what it receives, and a later HTML run must find the text there
            # (the main process drops it from the report when the format does not need it).
            results.append(AuditResult(audited.report, lean, Origin(item, document.record)))
        out.append((key, results, False))
    if cache is not None:
        cache.close()
    if profiles:
        from auditor.lean.store import write_profiles

        for (file_at, result_at, _), ref in zip(profiles, write_profiles(profile_dir, [p for _, _, p in profiles])):
            result = out[file_at][1][result_at]
            out[file_at][1][result_at] = dataclasses.replace(result, lean=dataclasses.replace(result.lean, profile=ref))
    return out


def _restamp(result: AuditResult | FileError, item: InputFile) -> AuditResult | FileError:
    """A cached result, keyed by content, given the path it has in this run."""
    if isinstance(result, FileError):
        return dataclasses.replace(result, path=item.path)
    report = dataclasses.replace(result.report, path=item.path)
    lean = result.lean
    if lean is not None:
        key = f"{item.path}:{report.record}" if report.record is not None else item.path
        # the profile it had lived in another run's store
        sketch = None if lean.sketch is None else dataclasses.replace(lean.sketch, key=key)
        lean = dataclasses.replace(lean, key=key, sketch=sketch, profile=None)
    return AuditResult(report, lean, Origin(item, report.record))


def _lean_input(document, report: ArticleReport | None, want_profile: bool, want_sketch: bool = True):
    """What lean needs of a document, and its compact profile (or None) for the run's store.
    The sketch and the profile share the anchors and tokens, computed once."""
    from auditor.languages.detect import detect_language
    from auditor.pipeline.leaning import document_key, known_as

    key = document_key(document)
    body = document.body_text
    language = document.language or detect_language(body)
    cited = () if report is None else tuple(
        CitedSource(s.name, s.domain) for s in report.sources if s.role in ("text", "data"))
    compact = signatures = None
    if want_profile or want_sketch:  # a draft alone needs neither (nor numpy, which they import)
        from auditor.lean.anchors import extract_anchors
        from auditor.lean.candidates import sketch
        from auditor.lean.compact import build_compact
        from auditor.lean.parts import profile_parts, tokenize

        anchors = extract_anchors(body, language)
        if want_profile:
            parts = profile_parts(body, language, anchors)
            tokens = parts[0]
            compact = build_compact(body, language, *parts)
        else:
            tokens = tokenize(body)
        if want_sketch:
            signatures = sketch(key, body, language, anchors=anchors, tokens=tokens)
    lean = LeanInput(key=key, language=language, sketch=signatures, known_as=known_as(document), cited=cited,
                     body=zlib.compress(body.encode("utf-8"), 1))
    return lean, compact


def read_sources(files: Sequence[InputFile], config: Config, cwd: str,
                 profile_dir: str | None = None) -> list[LeanInput | FileError]:
    """Documents of a --sources folder: read and normalised for lean, not audited."""
    enter_folder(cwd)
    from auditor.pipeline.normalise import normalise
    from auditor.pipeline.read import read_file

    out: list[LeanInput | FileError] = []
    profiles: list = []
    for item in files:
        for result in read_file(item, config.max_bytes):
            if isinstance(result, ReadError):
                out.append(FileError(result.path, result.error, result.record))
                continue
            lean, compact = _lean_input(normalise(result), None, want_profile=profile_dir is not None)
            if compact is not None:
                profiles.append((len(out), compact))
            out.append(lean)
    if profiles:
        from auditor.lean.store import write_profiles

        for (at, _), ref in zip(profiles, write_profiles(profile_dir, [p for _, p in profiles])):
            out[at] = dataclasses.replace(out[at], profile=ref)
    return out
