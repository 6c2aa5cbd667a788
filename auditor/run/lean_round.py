"""Rounds 2 and 3 of a run, and the lean stage that plans and merges them.

2. **score**: the main process plans, per article, which documents to score (LSH
   candidates and documents its citations name); workers score those pairs with the
   classifier, a batch per chunk.
3. **evidence**: the main process resolves citations and uncited lean from the scores
   alone (:func:`auditor.lean.corpus.choose`); workers align the chosen pairs (the
   evidence) and run the lean-stage rules (LN001, POL002), re-reading an article only when one reports.
"""

from __future__ import annotations

import dataclasses
import os
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditor.config import Config
from auditor.document import ReadError
from auditor.findings import Finding
from auditor.lean.corpus import LeanDoc
from auditor.lean.results import LeanResult
from auditor.pipeline.report import ArticleReport, FileError
from auditor.rule import Rule
from auditor.run.audit_round import read_sources
from auditor.run.lean_inputs import LeanInputs, Origin
from auditor.run.pool import AUDIT_CHUNK, SCORE_CHUNK, RunOptions, chunks, enter_folder, run_chunks
from auditor.run.spill import Articles

if TYPE_CHECKING:  # the store (and numpy) is imported where profiles are read: a draft alone reads none
    from auditor.lean.store import ProfileRef


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
    from auditor.lean.card import model_identity
    from auditor.lean.corpus import score_plans
    from auditor.run.cache import open_pair_cache, pair_key

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
    else made from its text (cached documents, --against archive texts, Dask workers).
    Imported on first use: an article whose lean is only "unavailable" needs no profile."""

    def profile_of(key: str):
        from auditor.lean import embed
        from auditor.lean.compact import compact_profile
        from auditor.lean.store import read_profile

        embed.use_store(profile_dir)  # an embedding model's vectors live beside the profiles
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
    origin: Origin  # to re-read the article, should a lean-stage rule find something in it
    config: Config
    rules: tuple[Rule, ...]  # the active lean-stage rules (LN001, POL002)


def evidence_tasks(tasks: Sequence[EvidenceTask], cwd: str, profile_dir: str | None = None,
                   cache_dir: str | None = None
                   ) -> list[tuple[tuple[LeanResult, ...], tuple[Finding, ...], tuple[tuple[str, str], ...], list]]:
    """Each task's lean results, the findings of the lean-stage rules and those that failed
    on it, and the (cache key, spans) of the alignments not found in the cache (the main
    process writes them)."""
    from auditor.lean.corpus import entry_for
    from auditor.pipeline.leaning import judge_lean, lean_result
    from auditor.run.cache import open_evidence_cache

    enter_folder(cwd)
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
        findings, failures = judge_lean(results, task.config, task.rules,
                                        lambda origin=task.origin, config=task.config: _reread(origin, config))
        out.append((results, tuple(findings), tuple((f.rule, f.error) for f in failures), fresh))
    if cache is not None:
        cache.close()
    return out


def _cached_spans(cache, fresh: list, text_of: Callable[[str], LeanDoc], profile_of):
    """spans_of(article_key, source_key) for ``with_evidence``: from the cache, else aligned
    (and added to ``fresh``). An unchanged corpus then needs no profile at all."""
    from auditor.lean.corpus import aligned_spans
    from auditor.run.cache import pair_key

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
    from auditor.pipeline.normalise import normalise
    from auditor.pipeline.read import read_file

    for result in read_file(origin.file, config.max_bytes):
        if not isinstance(result, ReadError) and result.record == origin.record:
            return normalise(result)
    raise RuntimeError(f"{origin.file.path} changed during the audit: cannot place its lean finding")


def lean_stage(articles: Sequence[ArticleReport], inputs: LeanInputs, origins: list[Origin], rules,
               config: Config, run: RunOptions) -> tuple[Articles, list[FileError], dict[str, str]]:
    """Reports with lean (and the lean-stage rules' findings), read errors of the sources folder, and the
    body texts of the sources-folder or archive documents some article leans on.
    ``inputs`` (the articles' lean inputs, in order) is consumed: the sources folder's
    documents are added to it and its index and sketches are dropped once planned."""
    from auditor.lean.corpus import AliasIndex, choose, plan_article, worth_keeping
    from auditor.pipeline.read import discover
    from auditor.run.cache import open_evidence_cache, open_pair_cache

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
        from auditor.run.archive import open_archive

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
    lean_rules = tuple(rule for rule in rules if rule.stage == "lean")
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
                    origins[i], config, lean_rules))
            yield tasks

    # The reports with lean, merged in order as the evidence comes back: neither the
    # reports nor their evidence are ever all in memory (auditor.run.spill).
    reports = Articles()
    own = set(article_keys)
    used: set[str] = set()
    unchanged = iter(articles)
    evidence_cache = open_evidence_cache(run.cache_dir) if run.cache_dir else None
    for i, (lean, findings, failures, fresh) in zip(positions, run_chunks(evidence_tasks, evidence_work(), run, os.getcwd(),
                                                                 run.profile_dir, run.cache_dir,
                                                                 n_chunks=-(-len(positions) // SCORE_CHUNK))):
        while len(reports) < i:
            reports.append(next(unchanged))
        article = next(unchanged)
        reports.append(dataclasses.replace(article, lean=lean, findings=article.findings + findings,
                                           rule_failures=article.rule_failures + failures))
        used.update(r.document for r in lean if r.document and r.document not in own)
        if evidence_cache is not None and fresh:
            evidence_cache.put_many(fresh)
    if evidence_cache is not None:
        evidence_cache.close()
    for article in unchanged:
        reports.append(article)
    source_texts = {key: zlib.decompress(texts[key][0]).decode("utf-8") for key in sorted(used)}
    return reports, errors, source_texts
