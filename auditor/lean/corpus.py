"""Lean across a corpus: resolve each cited source to a document, score it, and report
documents an article leans on without citing them.

Resolution, per article and cited source, in order:

1. metadata — the cited name or domain equals one of a document's ``known_as`` entries
   (lowercase, accents and "www." ignored), or a name equals a domain's first label
   ("Dantri" ~ "dantri.com.vn"), or one domain is a subdomain of the other;
2. content — the candidate index (MinHash LSH) proposes documents; the best-scoring one is
   taken if its score reaches ``uncited_threshold`` (an article does not lean that much on
   a document by chance);
3. otherwise the source is ``unavailable``: named, but not in the corpus or ``sources``.

An article is never scored against itself. ``sources`` are extra documents (a ``--sources``
folder) that can be leaned on but are not audited.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .anchors import fold
from .results import CitedSource, Evidence, Lean, LeanResult

if TYPE_CHECKING:
    from .compact import CompactProfile

__all__ = ["LeanDoc", "LeanResult", "assess_corpus", "AliasIndex", "Plan", "Choice",
           "plan_article", "choose", "worth_keeping", "score_plans", "entry_for", "aligned_spans",
           "UNCITED_THRESHOLD"]


@dataclass(frozen=True)
class LeanDoc:
    key: str
    text: str
    language: str
    known_as: tuple[str, ...]  # lowercase names/domains, e.g. ("dantri", "dantri.com.vn")


def _norm(value: str) -> str:
    value = fold(value.strip()).rstrip("/")
    for prefix in ("https://", "http://"):
        if value.startswith(prefix):
            value = value[len(prefix):].split("/", 1)[0]
    return value[4:] if value.startswith("www.") else value


def _squash(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum())


def names_match(cited: CitedSource, known_as: Sequence[str]) -> bool:
    wanted = {_norm(x) for x in (cited.name, cited.domain or "") if x and x.strip()}
    wanted_squashed = {_squash(x) for x in wanted if "." not in x}
    for alias in (_norm(a) for a in known_as if a and a.strip()):
        if alias in wanted:
            return True
        if "." in alias:
            if _squash(alias.split(".", 1)[0]) in wanted_squashed:
                return True
            if any("." in w and (alias.endswith("." + w) or w.endswith("." + alias)) for w in wanted):
                return True
        elif _squash(alias) in wanted_squashed:
            return True
    return False


class AliasIndex:
    """``names_match`` against many documents at once: the first document (in the given
    order) whose ``known_as`` matches a citation, found by lookups instead of a scan."""

    def __init__(self, docs: Sequence[LeanDoc]):
        self._exact: dict[str, list[int]] = {}  # normalised alias -> positions
        self._squashed: dict[str, list[int]] = {}  # squashed name / first domain label -> positions
        self._parents: dict[str, list[int]] = {}  # "example.com" -> positions of its subdomains' aliases
        self.keys = [doc.key for doc in docs]
        for position, doc in enumerate(docs):
            for alias in (_norm(a) for a in doc.known_as if a and a.strip()):
                self._exact.setdefault(alias, []).append(position)
                if "." in alias:
                    self._squashed.setdefault(_squash(alias.split(".", 1)[0]), []).append(position)
                    labels = alias.split(".")
                    for i in range(1, len(labels)):
                        self._parents.setdefault(".".join(labels[i:]), []).append(position)
                else:
                    self._squashed.setdefault(_squash(alias), []).append(position)

    def first_match(self, cited: CitedSource, exclude: str | None = None) -> str | None:
        wanted = {_norm(x) for x in (cited.name, cited.domain or "") if x and x.strip()}
        positions: set[int] = set()
        for value in wanted:
            positions.update(self._exact.get(value, ()))
            if "." in value:
                positions.update(self._parents.get(value, ()))  # an alias is a subdomain of it
                labels = value.split(".")
                for i in range(1, len(labels)):  # an alias is a parent domain of it
                    parent = ".".join(labels[i:])
                    positions.update(p for p in self._exact.get(parent, ()) if "." in parent)
            else:
                positions.update(self._squashed.get(_squash(value), ()))
        for position in sorted(positions):
            if self.keys[position] != exclude:
                return self.keys[position]
        return None


@dataclass(frozen=True)
class Plan:
    """What to score for one article: its LSH candidates and the documents its citations
    name (``None`` where no document is known by that name)."""

    key: str
    candidates: tuple[str, ...]
    citations: tuple[tuple[CitedSource, str | None], ...]

    def to_score(self) -> list[str]:
        return sorted(set(self.candidates) | {d for _, d in self.citations if d})

    def wants(self, key: str) -> bool:
        """Whether ``key`` is among :meth:`to_score` (without building it)."""
        return key in self.candidates or any(d == key for _, d in self.citations)


@dataclass(frozen=True)
class Choice:
    """A lean entry before its evidence: which document, for which citation (None: uncited)."""

    source: str | None
    document: str | None
    cited: bool


def plan_article(key: str, candidates: Sequence[str], citations: Sequence[CitedSource], aliases: AliasIndex) -> Plan:
    return Plan(key, tuple(k for k in candidates if k != key),
                tuple((c, aliases.first_match(c, exclude=key)) for c in citations))


UNCITED_THRESHOLD = 0.6  # a candidate scoring below this is never chosen (by content or as uncited lean)


def worth_keeping(plan: Plan, other: str, score: float, uncited_threshold: float = UNCITED_THRESHOLD) -> bool:
    """Whether ``choose`` can need the pair's score: a document a citation names, or a
    candidate that reaches the threshold. The others (most of a large corpus's pairs, chance
    LSH collisions) can be dropped as they are scored."""
    return score >= uncited_threshold or any(d == other for _, d in plan.citations)


def choose(plans: Sequence[Plan], scores: Mapping[tuple[str, str], tuple[str, float]],
           uncited_threshold: float = UNCITED_THRESHOLD) -> dict[str, list[Choice]]:
    """Resolve every article's citations and uncited lean from the pairs' (label, score).

    Only the scores are needed here, not the texts, so this runs once over the whole corpus
    while the scoring itself can be spread over processes. A candidate missing from
    ``scores`` counts as scoring below the threshold (see ``worth_keeping``)."""
    report: dict[str, list[Choice]] = {}
    pending_uncited: dict[str, list[str]] = {}
    for plan in plans:
        score_of = {k: scores[plan.key, k][1] for k in plan.candidates if (plan.key, k) in scores}
        choices: list[Choice] = []
        used: set[str] = set()
        for citation, document in plan.citations:
            if document is None:
                ranked = sorted((k for k in score_of if k not in used), key=lambda k: (-score_of[k], k))
                if ranked and score_of[ranked[0]] >= uncited_threshold:
                    document = ranked[0]
            if document is None:
                choices.append(Choice(citation.name, None, True))
                continue
            used.add(document)
            choices.append(Choice(citation.name, document, True))
        pending_uncited[plan.key] = sorted(
            (k for k in score_of if k not in used and score_of[k] > uncited_threshold),
            key=lambda k: (-score_of[k], k))
        report[plan.key] = choices

    # Content similarity has no direction: when B cites A and leans on it, A is the original,
    # so A is not reported as leaning on B without citing it.
    cites = {(key, c.document) for key, choices in report.items() for c in choices if c.document}
    for key, uncited in pending_uncited.items():
        report[key].extend(Choice(None, other, False) for other in uncited if (other, key) not in cites)
    return report


def score_plans(plans: Sequence[Plan], text_of: Callable[[str], LeanDoc],
                profile_of: Callable[[str], CompactProfile] | None = None,
                model_dir: str | None = None) -> dict[tuple[str, str], tuple[str, float]]:
    """(label, score) of every pair the plans name, in one batch per call (the classifier's
    cost is mostly per call, not per row). ``profile_of(key)`` gives a document's compact
    profile where one was made already (:mod:`auditor.lean.store`); by default, and for a
    model that needs the texts themselves, profiles are made from ``text_of``. ``model_dir``:
    a model folder ``audit train`` wrote (None: the packaged model)."""
    pairs = _both_ways_adjacent([(plan.key, other) for plan in plans for other in plan.to_score()])
    if not pairs:
        return {}  # without loading the model (and scikit-learn): a lone draft often has nothing to score
    from .model import model_at
    from .score import compact_scoring, score_profiles, score_rows

    pipeline, _card = model_at(model_dir)
    if compact_scoring(pipeline):
        profile_of = profile_of or (lambda key: _profile_of_doc(text_of(key)))
        return dict(zip(pairs, score_profiles([(profile_of(key), profile_of(other)) for key, other in pairs],
                                              pipeline)))
    rows = []
    for key, other in pairs:
        article, source = text_of(key), text_of(other)
        rows.append((article.text, source.text, article.language or None, source.language or None))
    return dict(zip(pairs, score_rows(rows, pipeline)))


def _profile_of_doc(doc: LeanDoc) -> CompactProfile:
    from .compact import compact_profile

    return compact_profile(doc.text, doc.language or None)


def _both_ways_adjacent(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs, each (b, a) moved up to just after its (a, b): the profile of b, computed
    for the first, is still in the (small) profile cache for the second."""
    wanted = set(pairs)
    done: set[tuple[str, str]] = set()
    ordered = []
    for key, other in pairs:
        for pair in ((key, other), (other, key)):
            if pair in wanted and pair not in done:
                done.add(pair)
                ordered.append(pair)
    return ordered


def with_evidence(article: LeanDoc, source: LeanDoc, label: str, score: float,
                  profile_of: Callable[[str], CompactProfile] | None = None,
                  spans_of: Callable[[str, str], Sequence[tuple[tuple[int, int], tuple[int, int]]]] | None = None) -> Lean:
    """The Lean ``score_pair`` gives, from a (label, score) already computed: only the
    alignment (the evidence) is left to do. ``spans_of(article_key, source_key)``, where
    given, supplies the aligned spans (e.g. from a cache) instead of aligning."""
    if spans_of is not None:
        spans = spans_of(article.key, source.key)
    else:
        spans = aligned_spans(article, source, profile_of)
    evidence = tuple(Evidence(a_span, s_span, article.text[a_span[0]:a_span[1]], source.text[s_span[0]:s_span[1]])
                     for a_span, s_span in spans)
    return Lean(score, label, evidence)


def aligned_spans(article: LeanDoc, source: LeanDoc, profile_of: Callable[[str], CompactProfile] | None = None
                  ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """[start, end) of each aligned article sentence and its source sentence."""
    from .align import align_sentences

    profile_of = profile_of or (lambda key: _profile_of_doc(article if key == article.key else source))
    return [(p.article_span, p.source_span) for p in align_sentences(profile_of(article.key), profile_of(source.key))]


def entry_for(choice: Choice, article: LeanDoc, scores: Mapping[tuple[str, str], tuple[str, float]],
              text_of: Callable[[str], LeanDoc], profile_of: Callable[[str], CompactProfile] | None = None,
              spans_of: Callable[[str, str], Sequence[tuple[tuple[int, int], tuple[int, int]]]] | None = None
              ) -> LeanResult:
    if choice.document is None:
        return LeanResult(choice.source, None, None, "unavailable", (), True)
    label, score = scores[article.key, choice.document]
    lean = with_evidence(article, text_of(choice.document), label, score, profile_of, spans_of)
    return LeanResult(choice.source, choice.document, lean.score, lean.label, lean.evidence, choice.cited)


def assess_corpus(docs: Sequence[LeanDoc], cited: Mapping[str, Sequence[CitedSource]],
                  sources: Sequence[LeanDoc] = (), uncited_threshold: float = UNCITED_THRESHOLD,
                  max_candidates: int | None = None) -> dict[str, list[LeanResult]]:
    """For each doc key: one entry per cited source, then uncited lean above the threshold.

    ``max_candidates`` bounds, per article and shingle kind, the LSH candidates scored (the
    ones sharing the most bands); ``None`` scores every candidate."""
    everything = list(docs) + list(sources)
    by_key = {doc.key: doc for doc in everything}
    if len(by_key) != len(everything):
        raise ValueError("document keys must be unique across docs and sources")
    from .candidates import CandidateIndex, sketch

    index = CandidateIndex()
    sketches = {doc.key: sketch(doc.key, doc.text, doc.language or None) for doc in everything}
    for doc in everything:
        index.add_sketch(sketches[doc.key])
    aliases = AliasIndex(everything)
    plans = [plan_article(a.key, index.query_sketch(sketches[a.key], limit=max_candidates, exclude=(a.key,)),
                          cited.get(a.key, ()), aliases) for a in docs]
    scores = score_plans(plans, by_key.__getitem__)
    choices = choose(plans, scores, uncited_threshold)
    return {a.key: [entry_for(c, a, scores, by_key.__getitem__) for c in choices[a.key]] for a in docs}
