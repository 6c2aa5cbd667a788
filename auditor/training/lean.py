"""From the hand-written texts in ``training/lean/texts.jsonl`` to labelled pairs and a model.

Every text belongs to a *family* (one story): a ``source``, its ``translation``s and
``rewrite``s (derived), hand-written ``partial`` articles (a few source sentences inside
much new reporting), and ``independent`` articles on the same story with the same names,
figures and quotes of the same people that were written without it (the hard negatives). Pairs are built from the
families with a fixed seed, so the same texts always give the same pairs:

* copy: a text against itself, verbatim, with boilerplate added, or with its last
  paragraph cut;
* rewrite: a hand-written rewrite against its source (both directions, and condensed; for
  the news families a newspaper version of agency copy — headline, byline, trimmed,
  reordered — and a heavy paraphrase), two rewrites of one source against each other, and a
  mechanical light edit (sentences dropped, words deleted) against its original;
* translation: a translation against its source (both directions), two translations of one
  source against each other, a translation against a rewrite in another language, and a
  condensed (paragraphs dropped) or boilerplated translation against the source;
* partial: a hand-written partial article against its source (also with boilerplate); the
  newspaper version of the agency copy (or the agency copy lightly edited) interleaved with
  the partial article's own reporting or with an independent report of the same event (a
  rewritten agency story padded with new material); an
  independent article or another story with one or two paragraphs of the source (or of its
  translation) spliced in, against the source;
* independent: every independent article against every derived and partial text of its
  story, the same with its sentences shuffled, and texts of different stories against each
  other;
* several candidates: a news agency files more than one story a day and a newspaper story is
  compared with all of them, so each hand-written rewrite, partial and independent article is
  also paired, with its label, against its source followed by the source of another story.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

LABELS = ("copy", "rewrite", "translation", "partial", "independent")
DERIVED_ROLES = ("source", "translation", "rewrite")
SEED = 20240611

_BOILERPLATE = {
    "en": ("Subscribe to our newsletter for the latest updates.", "Share this article"),
    "vi": ("Đăng ký nhận bản tin để cập nhật tin mới nhất.", "Chia sẻ bài viết"),
    "es": ("Suscríbase a nuestro boletín para recibir las últimas noticias.", "Compartir"),
    "fr": ("Abonnez-vous à notre lettre d'information.", "Partager cet article"),
    "de": ("Abonnieren Sie unseren Newsletter.", "Artikel teilen"),
    "id": ("Ikuti berita terbaru kami di media sosial.", "Bagikan artikel ini"),
    "pt": ("Assine nossa newsletter para receber as últimas notícias.", "Compartilhe"),
    "ur": ("تازہ ترین خبروں کے لیے ہمارا نیوز لیٹر حاصل کریں۔", "یہ خبر شیئر کریں"),
}


class Candidate(NamedTuple):
    """A training choice for ``compare_candidates``: the texts files it trains on (by file
    name) and the model's options (those of ``model.build_pipeline``)."""
    files: tuple[str, ...]
    use_paraphrase: bool = False
    use_source_side: bool = True
    ordinal: bool = False
    use_embeddings: bool = False


@dataclass(frozen=True)
class Pair:
    article: str
    source: str
    article_lang: str
    source_lang: str
    label: str
    how: str  # which construction made the pair, for the README's counts
    family: str = ""  # the story, so that cross-validation can keep a story out of training


def load_texts(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?۔؟])\s+", text.replace("\n\n", " ")) if s]  # ۔ ؟ end Urdu sentences


def _with_boilerplate(text: str, lang: str) -> str:
    header, footer = _BOILERPLATE.get(lang, _BOILERPLATE["en"])
    return f"{text}\n\n{header}\n{footer}"


def _condensed(text: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    if len(paragraphs) < 3:
        return text
    dropped = set(rng.sample(range(1, len(paragraphs)), k=max(1, len(paragraphs) // 3)))
    return "\n\n".join(p for i, p in enumerate(paragraphs) if i not in dropped)


def _light_edit(text: str, rng: random.Random) -> str:
    kept = []
    for i, sentence in enumerate(_sentences(text)):
        if i and rng.random() < 0.2:
            continue
        words = sentence.split()
        words = [w for w in words if rng.random() > 0.12] or words
        kept.append(" ".join(words))
    return " ".join(kept)


def _shuffled(text: str, rng: random.Random) -> str:
    sentences = _sentences(text)
    rng.shuffle(sentences)
    return " ".join(sentences)


def _splice(host: str, guest: str, rng: random.Random) -> str:
    host_parts, guest_parts = _paragraphs(host), _paragraphs(guest)
    take = 1 if len(guest_parts) < 4 else 2
    start = rng.randrange(0, len(guest_parts) - take + 1)
    at = rng.randrange(1, len(host_parts) + 1)
    return "\n\n".join(host_parts[:at] + guest_parts[start:start + take] + host_parts[at:])


def _light_edit_paragraphs(text: str, rng: random.Random) -> str:
    return "\n\n".join(_light_edit(p, rng) for p in _paragraphs(text))


def _own_paragraphs(text: str, source: str) -> list[str]:
    """The paragraphs of ``text`` that share no run of four words with ``source``."""
    def runs(t: str) -> set:
        words = re.findall(r"\w+", t.lower())
        return set(zip(words, words[1:], words[2:], words[3:]))
    taken = runs(source)
    return [p for p in _paragraphs(text) if not runs(p) & taken]


def _interleave(first: list[str], second: list[str], rng: random.Random) -> str:
    """Both lists in their own order, merged at random positions; ``first`` leads."""
    merged, i, j = [first[0]], 1, 0
    while i < len(first) or j < len(second):
        if j >= len(second) or (i < len(first) and rng.random() < 0.5):
            merged.append(first[i])
            i += 1
        else:
            merged.append(second[j])
            j += 1
    return "\n\n".join(merged)


def build_pairs(texts: list[dict], seed: int = SEED) -> list[Pair]:
    rng = random.Random(seed)
    families: dict[str, list[dict]] = {}
    for record in texts:
        families.setdefault(record["family"], []).append(record)
    pairs: list[Pair] = []

    def add(article: dict | str, source: dict, label: str, how: str, article_lang: str | None = None):
        if isinstance(article, dict):
            article_lang, article = article["lang"], article["text"]
        pairs.append(Pair(article, source["text"], article_lang, source["lang"], label, how, source["family"]))

    names = sorted(families)
    for family in names:
        members = families[family]
        source = next(m for m in members if m["role"] == "source")
        translations = [m for m in members if m["role"] == "translation"]
        rewrites = [m for m in members if m["role"] == "rewrite"]
        independents = [m for m in members if m["role"] == "independent"]
        partials = [m for m in members if m["role"] == "partial"]
        news = bool(partials)  # a news family: agency copy, newspaper versions, independent reports
        derived = [source] + translations + rewrites

        for text in derived:
            add(text["text"], text, "copy", "verbatim", text["lang"])
            add(_with_boilerplate(text["text"], text["lang"]), text, "copy", "boilerplate", text["lang"])
            paragraphs = _paragraphs(text["text"])
            add("\n\n".join(paragraphs[:-1]), text, "copy", "last paragraph cut", text["lang"])

        for rewrite in rewrites:
            add(rewrite, source, "rewrite", "hand rewrite")
            add(source, rewrite, "rewrite", "hand rewrite, reversed")
            if not news:
                continue
            # paraphrase-derived pairs as many as the same-story independent ones they resemble
            add(_condensed(rewrite["text"], rng), source, "rewrite", "condensed rewrite", rewrite["lang"])
            for other in rewrites:
                if other["id"] < rewrite["id"] and other["lang"] == rewrite["lang"]:
                    add(rewrite, other, "rewrite", "two rewrites of one source")
        for text in [source] + translations:
            add(_light_edit(text["text"], rng), text, "rewrite", "light edit", text["lang"])

        for translation in translations:
            add(translation, source, "translation", "hand translation")
            add(source, translation, "translation", "hand translation, reversed")
            add(_condensed(translation["text"], rng), source, "translation", "condensed translation", translation["lang"])
            add(_with_boilerplate(translation["text"], translation["lang"]), source, "translation",
                "translation with boilerplate", translation["lang"])
            for rewrite in rewrites:
                add(translation, rewrite, "translation", "translation vs rewrite")
            for other in translations:
                if other["id"] < translation["id"]:
                    add(translation, other, "translation", "two translations of one source")

        others = [m for f in names if f != family for m in families[f] if m["role"] in DERIVED_ROLES]
        for partial in partials:
            add(partial, source, "partial", "hand-written partial")
            add(_with_boilerplate(partial["text"], partial["lang"]), source, "partial",
                "hand-written partial with boilerplate", partial["lang"])
            # the agency story, rewritten or lightly edited, padded with the reporter's own
            # paragraphs or with paragraphs of an independent report of the same event
            reporting = [_own_paragraphs(partial["text"], source["text"])]
            reporting += [_paragraphs(m["text"])[1:] for m in independents if m["lang"] == partial["lang"]]
            agency = [_paragraphs(m["text"]) for m in rewrites if m["lang"] == partial["lang"]]
            if source["lang"] == partial["lang"]:
                agency.append(_paragraphs(_light_edit_paragraphs(source["text"], rng)))
            for copied in agency:
                for own in reporting:
                    if own and copied:
                        add(_interleave(copied, own, rng), source, "partial",
                            "agency copy interleaved with other reporting", partial["lang"])
        # several agency candidates joined, as a newspaper story is compared with a day's wire
        other_sources = [m for m in others if m["role"] == "source"]
        for text, label in ([(t, "rewrite") for t in rewrites] + [(t, "partial") for t in partials]
                            + [(t, "independent") for t in independents] if news else []):
            extra = rng.choice(other_sources)
            joined = dict(source, text=f"{source['text']}\n\n{extra['text']}")
            add(text, joined, label, "against its source and another story's source")
        for independent in independents:
            for text in derived + partials:
                add(independent, text, "independent", "same story, written independently")
            add(_shuffled(independent["text"], rng), source, "independent", "same story, shuffled")
            same_language = [t for t in derived if t["lang"] == independent["lang"]]
            for guest in same_language:
                spliced = _splice(independent["text"], guest["text"], rng)
                add(spliced, source, "partial", "paragraphs spliced into same-story article", independent["lang"])
                if guest is not source:
                    add(spliced, guest, "partial", "paragraphs spliced into same-story article", independent["lang"])
            host = rng.choice(others)
            add(_splice(host["text"], source["text"], rng), source, "partial",
                "source paragraphs spliced into another story", source["lang"])
        for translation in translations:
            # the article's own story with a translated passage of the source dropped in
            hosts = [m for m in others if m["lang"] == translation["lang"]]
            if hosts:
                host = rng.choice(hosts)
                add(_splice(host["text"], translation["text"], rng), source, "partial",
                    "translated paragraphs spliced into another story", translation["lang"])
        for text in derived:
            stranger = rng.choice(others)
            add(stranger, text, "independent", "different story")
    return pairs


def pairs_to_xy(pairs: list[Pair]):
    import numpy as np

    X = np.array([[p.article, p.source, p.article_lang, p.source_lang] for p in pairs], dtype=object)
    y = np.array([p.label for p in pairs], dtype=object)
    return X, y


def cross_validate(pairs: list[Pair], folds: int = 5, random_state: int = 0, use_paraphrase: bool = False,
                   use_source_side: bool = True, ordinal: bool = False, use_embeddings: bool = False,
                   lazy_embeddings: bool = False, embedding_set: str = "margin") -> dict:
    """Stratified k-fold on pairs, and the same grouped by story (no story in train and test
    at once), which is the honest figure: variants of one text are near-duplicates."""
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, cross_val_predict

    from auditor.lean.model import build_pipeline

    X, y = pairs_to_xy(pairs)
    groups = np.array([p.family for p in pairs])
    binary = np.where(y == "independent", "independent", "derived")
    scores = {}
    for name, splitter, kwargs in (
        ("stratified_kfold", StratifiedKFold(folds, shuffle=True, random_state=random_state), {}),
        ("stratified_group_kfold_by_story",
         StratifiedGroupKFold(min(folds, len(set(groups))), shuffle=True, random_state=random_state),
         {"groups": groups}),
    ):
        pipeline = build_pipeline(random_state, use_paraphrase=use_paraphrase, use_source_side=use_source_side,
                                  ordinal=ordinal, use_embeddings=use_embeddings, lazy_embeddings=lazy_embeddings,
                                  embedding_set=embedding_set)
        predicted = cross_val_predict(pipeline, X, y, cv=splitter, **kwargs)
        predicted_binary = np.where(predicted == "independent", "independent", "derived")
        scores[name] = {
            "folds": splitter.get_n_splits(),
            "accuracy": round(float(accuracy_score(y, predicted)), 4),
            "macro_f1": round(float(f1_score(y, predicted, average="macro")), 4),
            "binary_accuracy": round(float(accuracy_score(binary, predicted_binary)), 4),
            "binary_macro_f1": round(float(f1_score(binary, predicted_binary, average="macro")), 4),
        }
    return scores


def padded_sources(pairs: list[Pair], texts: list[dict], extra: int = 3, seed: int = 7):
    """The pairs' (article, source, languages) rows with each source followed by the sources
    of ``extra`` other stories (in the source's language where there are enough): a source
    that is a day's wire or a page with other stories on it. The label stays the same, as the
    article took no more and no less from the padded source than from the bare one."""
    rng = random.Random(seed)
    sources = [r for r in texts if r["role"] == "source"]
    X, _y = pairs_to_xy(pairs)
    for row, pair in zip(X, pairs):
        others = [r for r in sources if r["family"] != pair.family]
        same_language = [r for r in others if r["lang"] == pair.source_lang]
        pool = same_language if len(same_language) >= extra else others
        row[1] = "\n\n".join([pair.source] + [r["text"] for r in rng.sample(pool, min(extra, len(pool)))])
    return X


def compare_candidates(texts_paths: list[Path], candidates: dict[str, Candidate],
                       folds: int = 5, seeds: tuple[int, ...] = (0, 1, 2, 3, 4), padded: bool = False) -> dict:
    """Grouped cross-validation of several training choices on one pool of pairs.

    The pool is every pair built from all ``texts_paths`` together; folds are grouped by
    story (``StratifiedGroupKFold``), so no story is in training and test at once. Each
    candidate ``name -> Candidate`` (files by file name, model options) is trained, in each
    fold, only on the training-fold pairs whose texts all come from its files, and is scored
    on the whole test fold: a candidate that leaves the news families out is still tested on
    them (a plain ``(files, use_paraphrase)`` tuple is taken as a Candidate too).
    Reported per candidate as mean and standard deviation over ``seeds`` (fold
    shuffles): macro-F1 over the five labels, binary (derived vs independent) macro-F1,
    macro-F1 on the news-family stories, on the Urdu stories (``urdu.jsonl``) and on the
    others, the share of heavy-paraphrase pairs (``_rw2_`` texts against their source) and of
    paraphrased partial articles (``_ppart_`` against their source) called derived, and the
    share of same-story independent pairs called independent (NaN where the pool has none).
    With ``padded``, the same models also score the test folds with every source padded by
    three other stories' sources (``padded_sources``): macro-F1 and binary macro-F1 there."""
    import numpy as np
    from sklearn.base import clone
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold

    from auditor.lean.features import PairFeatures
    from auditor.lean.model import build_pipeline

    by_file = {Path(p).name: load_texts(p) for p in texts_paths}
    texts = [record for records in by_file.values() for record in records]
    pairs = build_pairs(texts)
    X, y = pairs_to_xy(pairs)
    embeddings = any(Candidate(*c).use_embeddings for c in candidates.values())
    features = PairFeatures(use_paraphrase=not embeddings, use_embeddings=embeddings).fit(X)
    F = features.transform(X)  # the features learn nothing: compute them once for all candidates
    F_padded = features.transform(padded_sources(pairs, texts)) if padded else None
    names = list(features.get_feature_names_out())
    groups = np.array([p.family for p in pairs])
    origin = {r["text"]: name for name, records in by_file.items() for r in records}
    # a pair belongs to the files its hand-written texts come from (constructions embed them)
    pair_files = [{name for text, name in origin.items() if text in p.article or text in p.source}
                  for p in pairs]
    def stories_of(name: str) -> np.ndarray:
        families = {r["family"] for r in by_file.get(name, ())}
        return np.array([p.family in families for p in pairs])
    news, urdu = stories_of("news_families.jsonl"), stories_of("urdu.jsonl")
    other = ~news & ~urdu
    heavy = {r["text"] for r in texts if "_rw2_" in r["id"]}
    is_heavy = np.array([p.article in heavy and p.how == "hand rewrite" for p in pairs])
    paraphrased_part = {r["text"] for r in texts if "_ppart_" in r["id"]}
    is_paraphrased_part = np.array([p.article in paraphrased_part and p.how == "hand-written partial" for p in pairs])
    is_same_story = np.array([p.how.startswith("same story") for p in pairs])
    report = {"pairs": len(pairs), "heavy_paraphrase_pairs": int(is_heavy.sum()),
              "paraphrased_partial_pairs": int(is_paraphrased_part.sum()),
              "same_story_independent_pairs": int(is_same_story.sum()), "candidates": {}}

    def story_f1(mask, predicted):
        return f1_score(y[mask], predicted[mask], average="macro", labels=sorted(set(y[mask]))) if mask.any() else np.nan

    def share(mask, values):
        return values[mask].mean() if mask.any() else np.nan
    gold_derived = y != "independent"
    for name, candidate in candidates.items():
        candidate = Candidate(*candidate)
        allowed = np.array([bool(f) and f <= set(candidate.files) for f in pair_files])
        pipeline = build_pipeline(use_paraphrase=candidate.use_paraphrase, use_source_side=candidate.use_source_side,
                                  ordinal=candidate.ordinal, use_embeddings=candidate.use_embeddings)
        columns = [names.index(n) for n in pipeline.named_steps["features"].fit(X[:1]).get_feature_names_out()]
        classifier = pipeline.named_steps["classifier"]
        runs = []
        for seed in seeds:
            predicted = np.empty(len(y), dtype=object)
            predicted_padded = np.empty(len(y), dtype=object)
            for train_index, test_index in StratifiedGroupKFold(folds, shuffle=True, random_state=seed).split(F, y, groups):
                train_index = train_index[allowed[train_index]]
                model = clone(classifier).fit(F[train_index][:, columns], y[train_index])
                predicted[test_index] = model.predict(F[test_index][:, columns])
                if padded:
                    predicted_padded[test_index] = model.predict(F_padded[test_index][:, columns])
            derived = predicted != "independent"
            run = [f1_score(y, predicted, average="macro"),
                   f1_score(gold_derived, derived, average="macro"),
                   story_f1(news, predicted), story_f1(other, predicted), story_f1(urdu, predicted),
                   share(is_heavy, derived), share(is_paraphrased_part, derived),
                   share(is_same_story, ~derived)]
            if padded:
                run += [f1_score(y, predicted_padded, average="macro"),
                        f1_score(gold_derived, predicted_padded != "independent", average="macro")]
            runs.append(run)
        mean, std = np.mean(runs, axis=0), np.std(runs, axis=0)
        keys = ("macro_f1", "binary_macro_f1", "macro_f1_news_stories", "macro_f1_other_stories",
                "macro_f1_urdu_stories", "heavy_paraphrase_called_derived",
                "paraphrased_partial_called_derived", "same_story_called_independent",
                "macro_f1_padded_sources", "binary_macro_f1_padded_sources")
        report["candidates"][name] = {k: [round(float(m), 3), round(float(s), 3)] for k, m, s in zip(keys, mean, std)}
    return report


def train(texts_path: Path, random_state: int = 0, folds: int = 5, also: tuple[Path, ...] = (),
          use_paraphrase: bool = False, use_source_side: bool = True, ordinal: bool = False,
          use_embeddings: bool = False, lazy_embeddings: bool = False, embedding_set: str = "margin"):
    """Pairs, cross-validated scores and the pipeline fitted on all pairs, plus its card.
    ``also``: further texts files (e.g. ``news_families.jsonl``) trained on together."""
    from collections import Counter

    from auditor.lean.model import build_pipeline

    texts = load_texts(texts_path) + [record for path in also for record in load_texts(path)]
    pairs = build_pairs(texts)
    cv_scores = cross_validate(pairs, folds, random_state, use_paraphrase, use_source_side, ordinal, use_embeddings,
                               lazy_embeddings, embedding_set)
    X, y = pairs_to_xy(pairs)
    pipeline = build_pipeline(random_state, use_paraphrase=use_paraphrase, use_source_side=use_source_side,
                              ordinal=ordinal, use_embeddings=use_embeddings, lazy_embeddings=lazy_embeddings,
                              embedding_set=embedding_set).fit(X, y)
    lazy = hasattr(pipeline, "embedded_")
    card = {
        "name": "auditor.lean pair classifier",
        "labels": list(pipeline.classes_),
        "feature_names": pipeline.feature_names() if lazy else list(pipeline.named_steps["features"].get_feature_names_out()),
        "training_data": {"path": "training/lean/texts.jsonl", "sha256": digest(texts_path),
                          "also": [{"path": f"training/lean/{Path(p).name}", "sha256": digest(p)} for p in also],
                          "texts": len(texts), "pairs": len(pairs),
                          "pairs_per_label": dict(sorted(Counter(p.label for p in pairs).items())),
                          "pair_seed": SEED},
        "classifier": type(pipeline).__name__ if lazy else type(pipeline.named_steps["classifier"]).__name__,
        "cross_validation": cv_scores,
        "random_state": random_state,
    }
    return pipeline, card, pairs
