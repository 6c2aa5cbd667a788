"""``audit train``: lean trained on a newsroom's own labelled pairs.

A pairs file is tab-separated, one pair a line: ``article<TAB>source<TAB>label`` and, as a
fourth column, optionally a *group* (the story). The source may name several files,
separated by ``;`` (an agency's stories of the day, compared with one newspaper story);
their texts are joined. Paths are relative to the pairs file's folder. Lines that are blank
or start with ``#`` are skipped, and so is a first line reading ``article source label``.

Labels are lean's own (copy, rewrite, translation, partial, independent), or the
three-class scheme of text-reuse corpora: ``wholly``/``wholly_derived`` (taken as rewrite:
the article as a whole is derived), ``partially``/``partially_derived`` (partial),
``non``/``non_derived`` (independent).

The pipeline is the shipped one (``model.build_pipeline``). Its cross-validation is grouped:
no group is in training and test at once (the group defaults to the source field, so all
versions of one story against one source stay together); variants of one story are
near-duplicates, and a model tested on a story it was trained on is measured too kindly.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from auditor.lean.card import model_paths

LABELS = ("copy", "rewrite", "translation", "partial", "independent")
WHOLE_LABELS = ("copy", "rewrite", "translation")
LABEL_ALIASES = {
    "wholly": "rewrite", "wholly_derived": "rewrite",
    "partially": "partial", "partially_derived": "partial",
    "non": "independent", "non_derived": "independent",
}


class PairsFileError(ValueError):
    """A pairs file that cannot be trained on; the message names the file and line."""


@dataclass(frozen=True)
class LabelledPair:
    article: Path
    sources: tuple[Path, ...]
    label: str
    group: str
    line: int


def read_pairs_file(path: str | Path) -> list[LabelledPair]:
    """The pairs of a pairs file, checked line by line (PairsFileError names the line)."""
    path = Path(path)
    base = path.parent
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise PairsFileError(f"{path}: cannot read: {error}") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("\t")]
        if not pairs and len(parts) >= 3 and [p.lower() for p in parts[:3]] == ["article", "source", "label"]:
            continue
        if len(parts) not in (3, 4) or not all(parts):
            raise PairsFileError(f"{path}:{number}: expected article<TAB>source<TAB>label[<TAB>group]")
        label = LABEL_ALIASES.get(parts[2].lower(), parts[2].lower())
        if label not in LABELS:
            raise PairsFileError(f"{path}:{number}: unknown label {parts[2]!r} (one of {', '.join(LABELS)}, "
                                 f"or {', '.join(LABEL_ALIASES)})")
        sources = tuple(base / s.strip() for s in parts[1].split(";") if s.strip())
        group = parts[3] if len(parts) == 4 else parts[1]
        pairs.append(LabelledPair(base / parts[0], sources, label, group, number))
    if not pairs:
        raise PairsFileError(f"{path}: no pairs in it")
    return pairs


def pair_rows(pairs: list[LabelledPair], read_body: Callable[[Path], tuple[str, str | None]]):
    """(article, source, article language, source language) rows, and the sha256 of all
    texts in order (what the card names as the training data). ``read_body(path)`` gives a
    file's body text and language, or raises an error whose message says why it cannot."""
    cache: dict[Path, tuple[str, str | None]] = {}
    texts = hashlib.sha256()

    def body(path: Path, pair: LabelledPair) -> tuple[str, str | None]:
        if path not in cache:
            try:
                cache[path] = read_body(path)
            except Exception as error:  # unreadable, not text, no article in it: the line says which
                raise PairsFileError(f"line {pair.line}: {error}") from None
        return cache[path]

    rows = []
    for pair in pairs:
        article, article_lang = body(pair.article, pair)
        bodies = [body(s, pair) for s in pair.sources]
        source = "\n\n".join(text for text, _ in bodies)
        languages = {lang for _, lang in bodies if lang}
        source_lang = languages.pop() if len(languages) == 1 else None
        for text in (article, source):
            texts.update(hashlib.sha256(text.encode("utf-8")).digest())
        rows.append((article, source, article_lang or "", source_lang or ""))
    return rows, texts.hexdigest()


def _scores(gold, predicted) -> dict:
    from sklearn.metrics import accuracy_score, f1_score

    def three(labels):
        return ["whole" if label in WHOLE_LABELS else label for label in labels]

    def binary(labels):
        return [label != "independent" for label in labels]

    return {
        "accuracy": round(float(accuracy_score(gold, predicted)), 4),
        "macro_f1": round(float(f1_score(gold, predicted, average="macro", labels=sorted(set(gold)))), 4),
        "three_class_accuracy": round(float(accuracy_score(three(gold), three(predicted))), 4),
        "three_class_macro_f1": round(float(f1_score(three(gold), three(predicted), average="macro",
                                                     labels=sorted(set(three(gold))))), 4),
        "binary_accuracy": round(float(accuracy_score(binary(gold), binary(predicted))), 4),
        "binary_macro_f1": round(float(f1_score(binary(gold), binary(predicted), average="macro")), 4),
    }


def _macro_f1(gold, predicted) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, average="macro", labels=sorted(set(gold))))


def _grouped_predictions(classifier, features, y, groups, folds: int, random_state: int):
    """Out-of-fold predictions of ``classifier`` under StratifiedGroupKFold."""
    import numpy as np
    from sklearn.base import clone
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(min(folds, len(set(groups))), shuffle=True, random_state=random_state)
    predicted = np.empty(len(y), dtype=object)
    for train_index, test_index in splitter.split(features, y, groups):
        model = clone(classifier).fit(features[train_index], y[train_index])
        predicted[test_index] = model.predict(features[test_index])
    return predicted


def select_candidate(candidates: dict, columns: dict, features, y, groups, folds: int, random_state: int):
    """The name of the candidate with the best grouped-CV macro-F1 on these pairs (the first
    one wins ties), and every candidate's figure. ``columns[name]``: its feature columns."""
    scores = {}
    for name, pipeline in candidates.items():
        predicted = _grouped_predictions(pipeline[-1], features[:, columns[name]], y, groups, folds, random_state)
        scores[name] = round(_macro_f1(list(y), list(predicted)), 4)
    best = max(scores.values())
    return next(name for name, score in scores.items() if score == best), scores


def fit_with_grouped_cv(rows, labels, groups, folds: int = 5, random_state: int = 0, select: bool = True):
    """A pipeline fitted on all rows, and its grouped cross-validated scores
    (``StratifiedGroupKFold``: no group in training and test at once).

    With ``select`` the pipeline is chosen among ``model.training_candidates`` by grouped CV
    on the pairs, and the figures are *nested*: in each outer fold the choice is made again
    by grouped CV on that fold's training pairs alone, so the test fold neither trains nor
    chooses the model it measures. Without it, the shipped pipeline."""
    from threadpoolctl import threadpool_limits

    # Gradient boosting's OpenMP threads, on a machine busy with other work, spin against
    # each other: one fit took 74 s instead of 8 s on two loaded cores. One thread each.
    with threadpool_limits(1):
        return _fit_with_grouped_cv(rows, labels, groups, folds, random_state, select)


def _fit_with_grouped_cv(rows, labels, groups, folds, random_state, select):
    import numpy as np
    from sklearn.base import clone

    from auditor.lean.model import build_pipeline, training_candidates

    X = np.array(rows, dtype=object)
    y = np.array(labels, dtype=object)
    groups = np.array(groups, dtype=object)
    n_groups = len(set(groups))
    if n_groups < 2:
        raise PairsFileError("cross-validation needs pairs of at least two groups (stories or sources)")
    candidates = training_candidates(set(labels), random_state) if select else {"forest": build_pipeline(random_state)}
    # the features learn nothing from the data: the widest set is computed once, for every
    # candidate (its columns picked by name), every fold and the final fit
    full = build_pipeline(random_state).named_steps["features"].fit(X)
    features = full.transform(X)
    names = list(full.get_feature_names_out())
    columns = {name: [names.index(f) for f in p.named_steps["features"].fit(X[:1]).get_feature_names_out()]
               for name, p in candidates.items()}
    folds = min(folds, n_groups)
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(folds, shuffle=True, random_state=random_state)
    predicted = np.empty(len(y), dtype=object)
    chosen_per_fold = []
    for train_index, test_index in splitter.split(features, y, groups):
        name = "forest"
        if len(candidates) > 1 and len(set(groups[train_index])) >= 2:
            name, _ = select_candidate(candidates, columns, features[train_index], y[train_index],
                                       groups[train_index], folds, random_state)
        chosen_per_fold.append(name)
        model = clone(candidates[name][-1]).fit(features[train_index][:, columns[name]], y[train_index])
        predicted[test_index] = model.predict(features[test_index][:, columns[name]])
    chosen, scores = ("forest", {}) if len(candidates) == 1 else select_candidate(
        candidates, columns, features, y, groups, folds, random_state)
    pipeline = candidates[chosen]
    pipeline.named_steps["features"].fit(X[:1])
    pipeline.named_steps["classifier"].fit(features[:, columns[chosen]], y)
    cv = {"method": "StratifiedGroupKFold", "folds": folds, "groups": n_groups, "random_state": random_state,
          **_scores(list(y), list(predicted))}
    if len(candidates) > 1:
        cv["nested_selection"] = {"chosen_per_fold": chosen_per_fold}
    selection = {"chosen": chosen, "candidates_grouped_cv_macro_f1": scores}
    return pipeline, cv, selection


def train_from_pairs_file(pairs_file: str | Path, model_dir: str | Path,
                          read_body: Callable[[Path], tuple[str, str | None]], folds: int = 5,
                          select: bool = True) -> dict:
    """Read the pairs, cross-validate, fit, write ``model_dir``'s model and card; the card."""
    from auditor.lean.model import save_model

    pairs_file = Path(pairs_file)
    pairs = read_pairs_file(pairs_file)
    rows, texts_sha256 = pair_rows(pairs, read_body)
    labels = [p.label for p in pairs]
    pipeline, cv, selection = fit_with_grouped_cv(rows, labels, [p.group for p in pairs], folds, select=select)
    card = {
        "name": "auditor.lean pair classifier, trained by audit train",
        "labels": list(pipeline.classes_),
        "feature_names": list(pipeline.named_steps["features"].get_feature_names_out()),
        "training_data": {"pairs_file": pairs_file.name, "pairs_file_sha256": _sha256(pairs_file),
                          "texts_sha256": texts_sha256, "pairs": len(pairs),
                          "pairs_per_label": dict(sorted(Counter(labels).items())),
                          "groups": cv["groups"]},
        "classifier": type(pipeline.named_steps["classifier"]).__name__,
        "cross_validation": {"grouped": cv},
        "selection": selection,
    }
    model_path, card_path = model_paths(model_dir)
    return save_model(pipeline, card, model_path, card_path)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _selection_lines(selection: dict | None, cv: dict) -> list[str]:
    if not selection or not selection.get("candidates_grouped_cv_macro_f1"):
        return []
    per_fold = " | ".join(cv.get("nested_selection", {}).get("chosen_per_fold", []))
    figures = " | ".join(f"{name} {score:.3f}" for name, score in selection["candidates_grouped_cv_macro_f1"].items())
    return [f"model chosen by grouped CV inside each training fold (the figures above are nested): {per_fold}",
            f"chosen on all pairs: {selection['chosen']} (grouped CV macro-F1: {figures})"]


def summary(card: dict, model_dir: str | Path) -> str:
    """What ``audit train`` prints: the data, the grouped CV figures, where the model is."""
    data, cv = card["training_data"], card["cross_validation"]["grouped"]
    per_label = ", ".join(f"{label} {n}" for label, n in data["pairs_per_label"].items())
    return "\n".join([
        f"trained on {data['pairs']} pairs ({per_label}) in {data['groups']} groups",
        f"grouped {cv['folds']}-fold cross-validation (no group in training and test at once), "
        "measured on these pairs only:",
        f"  labels:                          accuracy {cv['accuracy']:.3f}  macro-F1 {cv['macro_f1']:.3f}",
        f"  whole / partial / independent:   accuracy {cv['three_class_accuracy']:.3f}  "
        f"macro-F1 {cv['three_class_macro_f1']:.3f}",
        f"  derived / independent:           accuracy {cv['binary_accuracy']:.3f}  "
        f"macro-F1 {cv['binary_macro_f1']:.3f}",
        *_selection_lines(card.get("selection"), cv),
        f"wrote {model_paths(model_dir)[0]} (sha256 {card['model_sha256'][:16]}...) and its card; "
        f"use it with: audit --model {model_dir} PATH...",
    ]) + "\n"
