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

from dataclasses import dataclass
from typing import Mapping, Sequence

from .anchors import fold
from .candidates import CandidateIndex
from .score import Evidence, score_pair, score_rows

__all__ = ["LeanDoc", "CitedSource", "LeanEntry", "assess_corpus"]


@dataclass(frozen=True)
class LeanDoc:
    key: str
    text: str
    language: str
    known_as: tuple[str, ...]  # lowercase names/domains, e.g. ("dantri", "dantri.com.vn")


@dataclass(frozen=True)
class CitedSource:
    name: str
    domain: str | None


@dataclass(frozen=True)
class LeanEntry:
    source: str | None  # the cited name, or None for uncited lean
    document: str | None  # key of the resolved document, None when unavailable
    score: float | None
    label: str  # a Lean label, or "unavailable" when no document was found
    evidence: tuple[Evidence, ...]
    cited: bool


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


def assess_corpus(docs: Sequence[LeanDoc], cited: Mapping[str, Sequence[CitedSource]],
                  sources: Sequence[LeanDoc] = (), uncited_threshold: float = 0.6) -> dict[str, list[LeanEntry]]:
    """For each doc key: one entry per cited source, then uncited lean above the threshold."""
    everything = list(docs) + list(sources)
    by_key = {doc.key: doc for doc in everything}
    if len(by_key) != len(everything):
        raise ValueError("document keys must be unique across docs and sources")
    index = CandidateIndex()
    for doc in everything:
        index.add(doc.key, doc.text, doc.language or None)

    report: dict[str, list[LeanEntry]] = {}
    pending_uncited: dict[str, list[str]] = {}
    for article in docs:
        candidates = [k for k in index.query(article.text, article.language or None) if k != article.key]
        candidate_scores = dict(zip(candidates, score_rows(
            [(article.text, by_key[k].text, article.language or None, by_key[k].language or None) for k in candidates])))
        entries: list[LeanEntry] = []
        used: set[str] = set()
        for citation in cited.get(article.key, ()):
            matches = [d.key for d in everything if d.key != article.key and names_match(citation, d.known_as)]
            document = matches[0] if matches else None
            if document is None:
                ranked = sorted((k for k in candidates if k not in used),
                                key=lambda k: (-candidate_scores[k][1], k))
                if ranked and candidate_scores[ranked[0]][1] >= uncited_threshold:
                    document = ranked[0]
            if document is None:
                entries.append(LeanEntry(citation.name, None, None, "unavailable", (), True))
                continue
            used.add(document)
            lean = _score(article, by_key[document])
            entries.append(LeanEntry(citation.name, document, lean.score, lean.label, lean.evidence, True))
        pending_uncited[article.key] = sorted(
            (k for k in candidates if k not in used and candidate_scores[k][1] > uncited_threshold),
            key=lambda k: (-candidate_scores[k][1], k))
        report[article.key] = entries

    # Content similarity has no direction: when B cites A and leans on it, A is the original,
    # so A is not reported as leaning on B without citing it.
    cites = {(key, e.document) for key, entries in report.items() for e in entries if e.document}
    for key, uncited in pending_uncited.items():
        for other in uncited:
            if (other, key) in cites:
                continue
            lean = _score(by_key[key], by_key[other])
            if lean.score > uncited_threshold:
                report[key].append(LeanEntry(None, other, lean.score, lean.label, lean.evidence, False))
    return report


def _score(article: LeanDoc, source: LeanDoc):
    return score_pair(article.text, source.text, article.language or None, source.language or None)
