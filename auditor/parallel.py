"""Run the pipeline over many files in parallel, with bounded memory, through joblib.

The work goes out in three rounds, each a list of chunks handed to joblib (one task per
chunk of files or articles, so process start-up and pickling do not dominate):

1. **audit**: read, normalise and run the rules on each file; return its report and what
   lean needs of it — a :class:`~auditor.lean.candidates.Sketch` (two MinHash signatures),
   the names it is known by, the sources it cites and its body text (kept compressed).
   The main process files each report, body and sketch as it arrives (:class:`LeanInputs`,
   :mod:`auditor.spill`) and adds the sketch to the LSH index.
2. **score**: the main process plans, per article, which documents to score (LSH
   candidates and documents its citations name);
   workers score those pairs with the classifier, a batch per chunk.
3. **evidence**: the main process resolves citations and uncited lean from the scores
   alone (:func:`auditor.lean.corpus.choose`); workers align the chosen pairs (the
   evidence) and make the LN001 findings, re-reading only the articles that need one.

Results come back in input order whatever the number of workers or the backend, so the
report is the same byte for byte. Full texts are dropped from the reports unless asked
for (the HTML format shows them). Results of rounds 1 and 2 are cached by content
(:mod:`auditor.cache`) when a cache folder is given.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from joblib import Parallel, delayed, parallel_config

from auditor.config import Config
from auditor.document import ReadError
from auditor.findings import Finding
from auditor.lean.candidates import Sketch
from auditor.lean.corpus import CitedSource, LeanDoc
from auditor.lean.store import ProfileRef
from auditor.read import InputFile
from auditor.report import ArticleReport, FileError, LeanResult
from auditor.spill import Articles, Shelf

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
    against: str | None = None  # an archive index (auditor.archive) to check drafts against
    keep_texts: bool = True  # keep each article's full text in its report (the HTML format shows it)
    max_candidates: int | None = MAX_CANDIDATES
    profile_store: bool = True  # keep compact profiles on disk for the run (off: profile texts where needed)
    profile_dir: str | None = None  # the run's store of compact profiles (auditor.lean.store), set by the API


@dataclass(frozen=True)
class Origin:
    """Where a document came from, so a worker can read it again when it needs it whole."""

    file: InputFile
    record: int | None


@dataclass(frozen=True)
class LeanInput:
    """What the lean stage needs of one document, without the document."""

    key: str
    language: str
    # None for a document alone in its run (nothing to compare it with) and once the lean
    # stage has planned with it
    sketch: Sketch | None
    known_as: tuple[str, ...]
    cited: tuple[CitedSource, ...]
    body: bytes  # the body text, zlib-compressed
    profile: ProfileRef | None = None  # its compact profile in the run's store, where one was written


class LeanItem(NamedTuple):
    """What stays in memory of a lean input once its body and sketch are filed."""

    key: str
    language: str
    known_as: tuple[str, ...]
    cited: tuple[CitedSource, ...]


class LeanInputs:
    """The lean inputs of a run, gathered as they stream in from the workers, in order, with
    little of each kept in memory: its body goes to a file (:class:`auditor.spill.Shelf`),
    its sketch into the LSH index and another file (planning reads it back), the names it
    is known by and the sources it cites stay."""

    def __init__(self) -> None:
        self.items: list[LeanItem] = []
        self.bodies = Shelf()  # key -> (compressed body, language)
        self.profiles: dict[str, ProfileRef] = {}
        self._sketches: Shelf | None = Shelf()  # key -> (pickled sketch, "")
        self._index: Any = None  # the CandidateIndex, made with the first sketch
        self._unsketched: list[str] = []  # keys of documents that came without a sketch

    def add(self, item: LeanInput) -> None:
        try:
            self.bodies.add(item.key, item.body, item.language)
        except ValueError:
            raise ValueError("document keys must be unique across articles and sources") from None
        if item.profile is not None:
            self.profiles[item.key] = item.profile
        if item.sketch is None:
            self._unsketched.append(item.key)
        else:
            self._add_sketch(item.sketch)
        self.items.append(LeanItem(item.key, item.language, item.known_as, item.cited))

    def _add_sketch(self, item_sketch: Sketch) -> None:
        from auditor.lean.candidates import CandidateIndex

        if self._sketches is None:
            raise RuntimeError("the lean inputs were planned with: no more sketches")
        if self._index is None:
            self._index = CandidateIndex()
        self._index.add_sketch(item_sketch)
        self._sketches.add(item_sketch.key, pickle.dumps(item_sketch, protocol=pickle.HIGHEST_PROTOCOL), "")

    def indexed(self):
        """The LSH index of every document. A document audited alone (in this run or, from
        the cache, in an earlier one) has no sketch; here it has company, so it gets one."""
        from auditor.lean.candidates import CandidateIndex, sketch

        for key in self._unsketched:
            body, language = self.bodies[key]
            self._add_sketch(sketch(key, zlib.decompress(body).decode("utf-8"), language))
        self._unsketched = []
        if self._index is None:
            self._index = CandidateIndex()
        return self._index

    def sketch_of(self, key: str) -> Sketch:
        assert self._sketches is not None
        return pickle.loads(self._sketches[key][0])

    def planned(self) -> None:
        """Drop the index and the sketches: the plans are made."""
        self._index = self._sketches = None

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class AuditResult:
    """One document through the rules: its report and its lean input (None without lean)."""

    report: ArticleReport
    lean: LeanInput | None
    origin: Origin


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
    if options.backend == "dask" and options.jobs != 1:
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
    if jobs == 1 or (n_chunks is not None and n_chunks <= 1):
        # One chunk or one job: starting workers would cost more than it saves.
        for chunk in work:
            yield from function(chunk, *args)
        return
    with parallel_config(backend=options.backend, n_jobs=jobs):
        for result in Parallel(return_as="generator")(delayed(function)(chunk, *args) for chunk in work):
            yield from result


# --- round 1: read, normalise, rules -------------------------------------------------------


def _enter(cwd: str) -> None:
    """Work from the folder the audit was started in: paths stay as the user gave them, and a
    reused worker process may have been started from another folder."""
    if os.getcwd() != cwd:
        os.chdir(cwd)


def audit_files(files: Sequence[InputFile], config: Config, cache_dir: str | None,
                cwd: str, profile_dir: str | None = None, alone: bool = False
                ) -> list[tuple[str | None, list[AuditResult | FileError], bool]]:
    """For each file: its cache key, what came out of it, and whether that came from the cache.
    With ``profile_dir``, the compact profile of every document audited (not of those found
    in the cache) is written to the run's store, one file for the chunk. ``alone``: the run
    has one document and nothing to compare it with, so it gets no sketch and no profile."""
    from auditor.api import active_rules, audit_document
    from auditor.cache import file_key, open_cache
    from auditor.read import UnreadableInput, input_bytes, read_file

    _enter(cwd)
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
    from auditor.language import detect_language
    from auditor.lean.anchors import extract_anchors
    from auditor.lean.candidates import sketch
    from auditor.lean.compact import build_compact
    from auditor.lean.text import profile_parts, tokenize
    from auditor.leaning import document_key, known_as

    key = document_key(document)
    body = document.body_text
    language = document.language or detect_language(body)
    cited = () if report is None else tuple(
        CitedSource(s.name, s.domain) for s in report.sources if s.role in ("text", "data"))
    compact = signatures = None
    if want_profile or want_sketch:
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
    _enter(cwd)
    from auditor.normalise import normalise
    from auditor.read import read_file

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


# --- rounds 2 and 3: score, then evidence --------------------------------------------------


@dataclass(frozen=True)
class ScoreTask:
    plan: Any  # auditor.lean.corpus.Plan
    texts: dict[str, tuple[bytes, str]]  # key -> (compressed body, language) of the article and the documents to score
    profiles: dict[str, ProfileRef]  # key -> its compact profile in the run's store, for those that have one


PairScores = dict[tuple[str, str], tuple[str, float]]


def score_tasks(tasks: Sequence[ScoreTask], cache_dir: str | None,
                profile_dir: str | None = None, model_dir: str | None = None
                ) -> list[tuple[PairScores, list[tuple[str, Any]]]]:
    """Each task's pair scores, and the (cache key, score) of those not found in the cache.
    ``model_dir``: the lean model folder of ``audit --model`` (None: the packaged model)."""
    from auditor.cache import open_pair_cache, pair_key
    from auditor.lean.card import model_identity
    from auditor.lean.corpus import score_plans

    cache = open_pair_cache(cache_dir, readonly=True)
    found: list[PairScores] = []
    missing_plans = []
    keys: dict[tuple[str, str], str] = {}
    texts: dict[str, tuple[bytes, str]] = {}
    refs: dict[str, ProfileRef] = {}
    for task in tasks:
        texts.update(task.texts)
        refs.update(task.profiles)
    text_of = _texts(texts)
    model = model_identity(model_dir) if cache is not None else ""
    for task in tasks:
        plan, scores = task.plan, {}
        if cache is not None:
            for other in plan.to_score():
                keys[plan.key, other] = pair_key(text_of(plan.key), text_of(other), model)
                hit = cache.get(keys[plan.key, other])
                if hit is not None:
                    scores[plan.key, other] = hit
        found.append(scores)
        missing_plans.append(dataclasses.replace(
            plan, candidates=tuple(k for k in plan.candidates if (plan.key, k) not in scores),
            citations=tuple((c, None if d is None or (plan.key, d) in scores else d) for c, d in plan.citations)))
    # One classifier call for the whole chunk: its cost is mostly per call (300 trees), not per row.
    new = score_plans(missing_plans, text_of, _profiles(refs, profile_dir, text_of), model_dir)
    if cache is not None:
        cache.close()
    out = []
    for scores, plan in zip(found, missing_plans):
        fresh = {pair: new[pair] for pair in ((plan.key, k) for k in plan.to_score())}
        scores.update(fresh)
        out.append((scores, [(keys[pair], value) for pair, value in fresh.items()] if cache is not None else []))
    return out


def _score_chunk(chunk: Sequence[Any], number: int, plans: Sequence[Any], position: dict[str, int],
                 texts: Mapping[str, tuple[bytes, str]], refs: dict[str, ProfileRef], size: int) -> list[ScoreTask]:
    """The score tasks of one chunk of plans. Chance candidates are mostly mutual (A is B's
    candidate when B is A's), and a text's profile costs several times a pair's features:
    both directions of such a pair are scored in the first chunk that needs either, so the
    other text is profiled once for the two, not once in each article's chunk. ``position``:
    each article's place in ``plans``, cut in chunks of ``size``."""
    from auditor.lean.corpus import Plan

    tasks = []
    for plan in chunk:
        mine, reverse = [], []
        for other in plan.to_score():
            at = position.get(other)
            elsewhere = None if at is None else at // size
            if elsewhere is not None and elsewhere != number and plans[at].wants(plan.key):
                if elsewhere < number:
                    continue  # scored, both ways, in the other's (earlier) chunk
                reverse.append(other)
            mine.append(other)
        keys = (plan.key, *mine)
        tasks.append(ScoreTask(dataclasses.replace(plan, candidates=tuple(mine), citations=()),
                               {k: texts[k] for k in keys}, {k: refs[k] for k in keys if k in refs}))
        tasks += [ScoreTask(Plan(other, (plan.key,), ()), {k: texts[k] for k in (other, plan.key)},
                            {k: refs[k] for k in (other, plan.key) if k in refs})
                  for other in reverse]
    return tasks


def _profiles(refs: dict[str, ProfileRef], profile_dir: str | None, text_of: Callable[[str], LeanDoc]):
    """key -> compact profile: read from the run's store where the document has one there,
    else made from its text (cached documents, --against archive texts, Dask workers)."""
    from auditor.lean import embed
    from auditor.lean.compact import compact_profile
    from auditor.lean.store import read_profile

    embed.use_store(profile_dir)  # an embedding model's vectors live beside the profiles

    def profile_of(key: str):
        ref = refs.get(key)
        if ref is not None and profile_dir is not None:
            return read_profile(profile_dir, ref)
        doc = text_of(key)
        return compact_profile(doc.text, doc.language or None)

    return profile_of


def _texts(texts: dict[str, tuple[bytes, str]]) -> Callable[[str], LeanDoc]:
    decoded: dict[str, LeanDoc] = {}

    def text_of(key: str) -> LeanDoc:
        if key not in decoded:
            body, language = texts[key]
            decoded[key] = LeanDoc(key, zlib.decompress(body).decode("utf-8"), language, ())
        return decoded[key]

    return text_of


@dataclass(frozen=True)
class EvidenceTask:
    key: str
    choices: tuple[Any, ...]  # auditor.lean.corpus.Choice
    scores: dict[tuple[str, str], tuple[str, float]]
    texts: dict[str, tuple[bytes, str]]
    profiles: dict[str, ProfileRef]
    origin: Origin | None  # to re-read the article for LN001 findings; None when none is wanted
    config: Config


def evidence_tasks(tasks: Sequence[EvidenceTask], cwd: str, profile_dir: str | None = None,
                   cache_dir: str | None = None) -> list[tuple[tuple[LeanResult, ...], tuple[Finding, ...], list]]:
    """Each task's lean results and LN001 findings, and the (cache key, spans) of the
    alignments not found in the cache (the main process writes them)."""
    from auditor.cache import open_evidence_cache
    from auditor.lean.corpus import entry_for
    from auditor.leaning import lean_result, uncited_finding

    _enter(cwd)
    cache = open_evidence_cache(cache_dir, readonly=True)
    out = []
    for task in tasks:
        text_of = _texts(task.texts)
        profile_of = _profiles(task.profiles, profile_dir, text_of)
        fresh: list[tuple[str, Any]] = []
        spans_of = _cached_spans(cache, fresh, text_of, profile_of) if cache is not None else None
        article = text_of(task.key)
        results = tuple(lean_result(entry_for(c, article, task.scores, text_of, profile_of, spans_of))
                        for c in task.choices)
        findings: tuple[Finding, ...] = ()
        uncited = [r for r in results if not r.cited]
        if uncited and task.origin is not None:
            document = _reread(task.origin, task.config)
            findings = tuple(uncited_finding(document, r) for r in uncited)
        out.append((results, findings, fresh))
    if cache is not None:
        cache.close()
    return out


def _cached_spans(cache, fresh: list, text_of: Callable[[str], LeanDoc], profile_of):
    """spans_of(article_key, source_key) for ``with_evidence``: from the cache, else aligned
    (and added to ``fresh``). An unchanged corpus then needs no profile at all."""
    from auditor.cache import pair_key
    from auditor.lean.corpus import aligned_spans

    def spans_of(article_key: str, source_key: str):
        article, source = text_of(article_key), text_of(source_key)
        key = pair_key(article, source)
        hit = cache.get(key)
        if hit is not None:
            return hit
        spans = aligned_spans(article, source, profile_of)
        fresh.append((key, spans))
        return spans

    return spans_of


def _reread(origin: Origin, config: Config):
    from auditor.normalise import normalise
    from auditor.read import read_file

    for result in read_file(origin.file, config.max_bytes):
        if not isinstance(result, ReadError) and result.record == origin.record:
            return normalise(result)
    raise RuntimeError(f"{origin.file.path} changed during the audit: cannot place its lean finding")


# --- the lean stage ------------------------------------------------------------------------


def lean_stage(articles: Sequence[ArticleReport], inputs: LeanInputs, origins: list[Origin], rules,
               config: Config, run: RunOptions) -> tuple[Articles, list[FileError], dict[str, str]]:
    """Reports with lean (and LN001 findings), read errors of the sources folder, and the
    body texts of the sources-folder or archive documents some article leans on.
    ``inputs`` (the articles' lean inputs, in order) is consumed: the sources folder's
    documents are added to it and its index and sketches are dropped once planned."""
    from auditor.cache import open_evidence_cache, open_pair_cache
    from auditor.lean.corpus import AliasIndex, choose, plan_article, worth_keeping
    from auditor.leaning import UNCITED_LEAN
    from auditor.read import discover

    if len(articles) != len(inputs):
        raise ValueError("every audited article needs its lean input")
    errors: list[FileError] = []
    article_keys = [item.key for item in inputs.items]
    if config.sources:
        found = discover([config.sources], config.exclude)
        errors += [FileError(e.path, e.error, e.record) for e in found.errors]
        for result in run_chunks(read_sources, chunks(found.files, AUDIT_CHUNK), run, config, os.getcwd(),
                                 run.profile_dir, n_chunks=-(-len(found.files) // AUDIT_CHUNK)):
            if isinstance(result, FileError):
                errors.append(result)
            else:
                inputs.add(result)
    texts, refs = inputs.bodies, inputs.profiles
    index = None  # a document alone needs none (and its band layout loads datasketch)
    if len(inputs) > 1 or run.against:
        index = inputs.indexed()
    alias_docs = [LeanDoc(item.key, "", item.language, item.known_as) for item in inputs.items]
    archive = None
    if run.against:
        from auditor.archive import open_archive

        archive = open_archive(run.against)
        alias_docs += [doc for doc in archive.alias_docs() if doc.key not in texts]
    aliases = AliasIndex(alias_docs)
    plans = []
    for item in inputs.items[:len(article_keys)]:
        candidates: list[str] = []
        if index is not None:
            item_sketch = inputs.sketch_of(item.key)
            candidates = index.query_sketch(item_sketch, limit=run.max_candidates, exclude=(item.key,))
            if archive is not None:
                candidates = sorted(set(candidates) | set(archive.query(item_sketch, limit=run.max_candidates)))
        plans.append(plan_article(item.key, candidates, item.cited, aliases))
    # The plans are made: the index, the aliases and the sketches are not needed again.
    del index, aliases, alias_docs
    inputs.planned()
    if archive is not None:
        wanted = {k for plan in plans for k in plan.to_score() if k not in texts}
        texts.update(archive.texts(sorted(wanted)))
        archive.close()

    scores: PairScores = {}
    pair_cache = open_pair_cache(run.cache_dir) if run.cache_dir else None
    position = {plan.key: i for i, plan in enumerate(plans)}
    score_work = (_score_chunk(chunk, number, plans, position, texts, refs, SCORE_CHUNK)
                  for number, chunk in enumerate(chunks(plans, SCORE_CHUNK)))
    for chunk_scores, fresh in run_chunks(score_tasks, score_work, run, run.cache_dir, run.profile_dir,
                                          os.path.abspath(config.model) if config.model else None,
                                          n_chunks=-(-len(plans) // SCORE_CHUNK)):
        # Only what choose() can use is kept: at 100,000 articles all 1.5 million pair scores
        # would hold ~400 MB, and nearly all are chance collisions below the threshold.
        scores.update((pair, value) for pair, value in chunk_scores.items()
                      if worth_keeping(plans[position[pair[0]]], pair[1], value[1]))
        if pair_cache is not None and fresh:
            pair_cache.put_many(fresh)
    if pair_cache is not None:
        pair_cache.close()

    choices = choose(plans, scores)
    wants_findings = UNCITED_LEAN in rules
    positions = [i for i, key in enumerate(article_keys) if choices[key]]

    def evidence_work():
        for chunk in chunks(positions, SCORE_CHUNK):
            tasks = []
            for i in chunk:
                key = article_keys[i]
                chosen = tuple(choices[key])
                documents = {c.document for c in chosen if c.document}
                keys = (key, *documents)
                tasks.append(EvidenceTask(
                    key, chosen, {(key, d): scores[key, d] for d in documents},
                    {k: texts[k] for k in keys}, {k: refs[k] for k in keys if k in refs},
                    origins[i] if wants_findings and any(not c.cited for c in chosen) else None, config))
            yield tasks

    # The reports with lean, merged in order as the evidence comes back: neither the
    # reports nor their evidence are ever all in memory (auditor.spill).
    reports = Articles()
    own = set(article_keys)
    used: set[str] = set()
    unchanged = iter(articles)
    evidence_cache = open_evidence_cache(run.cache_dir) if run.cache_dir else None
    for i, (lean, findings, fresh) in zip(positions, run_chunks(evidence_tasks, evidence_work(), run, os.getcwd(),
                                                                 run.profile_dir, run.cache_dir,
                                                                 n_chunks=-(-len(positions) // SCORE_CHUNK))):
        while len(reports) < i:
            reports.append(next(unchanged))
        article = next(unchanged)
        reports.append(dataclasses.replace(article, lean=lean, findings=article.findings + findings))
        used.update(r.document for r in lean if r.document and r.document not in own)
        if evidence_cache is not None and fresh:
            evidence_cache.put_many(fresh)
    if evidence_cache is not None:
        evidence_cache.close()
    for article in unchanged:
        reports.append(article)
    source_texts = {key: zlib.decompress(texts[key][0]).decode("utf-8") for key in sorted(used)}
    return reports, errors, source_texts
