"""audit train: a newsroom's own labelled pairs -> a model folder with its card, used by
audit --model DIR and config ``model =``, refused when the card does not vouch for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import EXIT_ERROR, EXIT_OK, main
from auditor.lean.card import file_sha256, model_paths
from auditor.training.labelled_pairs import PairsFileError, read_pairs_file
from auditor.training.lean import load_texts

TEXTS = Path(__file__).resolve().parents[2] / "training" / "lean" / "texts.jsonl"
FAMILIES = ("f1", "f2", "f3", "f7", "f8")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write_pairs(folder: Path, derived_label=None) -> Path:
    """Files of five stories and a pairs file: each translation and rewrite against its
    source (labelled by its role, or ``derived_label``), each independent article against
    the source (independent). Paths relative to the pairs file."""
    texts = [t for t in load_texts(TEXTS) if t["family"] in FAMILIES]
    (folder / "texts").mkdir()
    for text in texts:
        (folder / "texts" / f"{text['id']}.txt").write_text(text["text"], encoding="utf-8")
    lines = ["article\tsource\tlabel"]
    for text in texts:
        source = f"texts/{text['family']}_src.txt"
        if text["role"] in ("translation", "rewrite"):
            lines.append(f"texts/{text['id']}.txt\t{source}\t{derived_label or text['role']}")
        elif text["role"] == "independent":
            lines.append(f"texts/{text['id']}.txt\t{source}\tindependent\t{text['family']}")
    pairs = folder / "pairs.tsv"
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pairs


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("newsroom")
    pairs = write_pairs(folder, derived_label="partial")
    result = run("train", str(pairs), "--model", str(folder / "model"), "--folds", "3")
    assert result.exit_code == EXIT_OK, result.output
    return folder, pairs, result.output


def test_train_writes_model_and_a_card_that_vouches_for_it(trained):
    folder, pairs, output = trained
    model, card_path = model_paths(folder / "model")
    card = json.loads(card_path.read_text(encoding="utf-8"))
    assert card["model_sha256"] == file_sha256(model)
    assert {"scikit-learn", "numpy", "python"} <= set(card["versions"])
    data = card["training_data"]
    assert data["pairs_file_sha256"] == file_sha256(pairs)
    assert data["pairs"] == sum(data["pairs_per_label"].values()) == len(read_pairs_file(pairs))
    assert set(data["pairs_per_label"]) == {"partial", "independent"}
    cv = card["cross_validation"]["grouped"]
    assert cv["method"] == "StratifiedGroupKFold" and cv["folds"] == 3
    assert 0.0 <= cv["three_class_macro_f1"] <= 1.0
    assert "grouped 3-fold cross-validation" in output and f"macro-F1 {cv['macro_f1']:.3f}" in output


def test_audit_model_and_config_model_use_the_trained_model(trained, tmp_path):
    # the trained model knows only partial and independent: a translation it scores is
    # called partial, where the packaged model calls the same pair a translation
    folder, _pairs, _output = trained
    article, source = folder / "texts" / "f7_tr_vi.txt", folder / "texts" / "f7_src.txt"
    packaged = run("compare", str(article), str(source))
    assert "(translation)" in packaged.output
    config = tmp_path / "audit.cfg"
    config.write_text(f"[audit]\nmodel = {folder / 'model'}\n", encoding="utf-8")
    own = run("compare", str(article), str(source), "--config", str(config), "--format", "json")
    assert own.exit_code == EXIT_OK, own.output
    assert json.loads(own.output)["label"] == "partial"

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in (article, source):
        (corpus / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    report = run(str(corpus), "--model", str(folder / "model"), "--format", "json", "--no-cache", "-j", "1")
    labels = {entry["label"] for a in json.loads(report.output)["articles"] for entry in a["lean"]}
    assert labels == {"partial"}, report.output


def test_a_tampered_model_is_refused_before_the_audit(trained, tmp_path):
    folder, _pairs, _output = trained
    copy = tmp_path / "model"
    copy.mkdir()
    for path in model_paths(folder / "model"):
        (copy / path.name).write_bytes(path.read_bytes())
    with open(model_paths(copy)[0], "ab") as handle:
        handle.write(b"\0")
    (tmp_path / "a.txt").write_text("The council approved the budget on Tuesday.\n", encoding="utf-8")
    result = run(str(tmp_path / "a.txt"), "--model", str(copy))
    assert result.exit_code == EXIT_ERROR
    assert "sha256" in result.output


def test_bad_pairs_files_name_the_line(tmp_path):
    (tmp_path / "a.txt").write_text("One article.\n", encoding="utf-8")
    bad_label = tmp_path / "bad.tsv"
    bad_label.write_text("# comment\na.txt\ta.txt\tcopy\na.txt\ta.txt\tstolen\n", encoding="utf-8")
    with pytest.raises(PairsFileError, match=r"bad.tsv:3: unknown label 'stolen'"):
        read_pairs_file(bad_label)
    short = tmp_path / "short.tsv"
    short.write_text("a.txt\ta.txt\n", encoding="utf-8")
    result = run("train", str(short), "--model", str(tmp_path / "m"))
    assert result.exit_code == EXIT_ERROR and "short.tsv:1: expected article<TAB>source<TAB>label" in result.output
    missing = tmp_path / "missing.tsv"
    missing.write_text("a.txt\tnowhere.txt\tcopy\n", encoding="utf-8")
    result = run("train", str(missing), "--model", str(tmp_path / "m"))
    assert result.exit_code == EXIT_ERROR and "line 1" in result.output and "nowhere.txt" in result.output
    assert not (tmp_path / "m").exists()


def test_sources_joined_and_label_aliases(tmp_path):
    pairs = tmp_path / "p.tsv"
    pairs.write_text("a.txt\tb.txt; c.txt\twholly_derived\na.txt\tb.txt\tnon\tstory-1\n", encoding="utf-8")
    first, second = read_pairs_file(pairs)
    assert first.sources == (tmp_path / "b.txt", tmp_path / "c.txt")
    assert (first.label, first.group) == ("rewrite", "b.txt; c.txt")
    assert (second.label, second.group) == ("independent", "story-1")


def test_pair_cache_keys_name_the_model():
    from auditor.lean.corpus import LeanDoc
    from auditor.run.cache import pair_key

    article, source = LeanDoc("a", "one text", "en", ()), LeanDoc("b", "another text", "en", ())
    assert pair_key(article, source) != pair_key(article, source, "f" * 64)
    assert pair_key(article, source) == pair_key(article, source, "")


def test_the_model_is_chosen_by_grouped_cv_and_the_card_says_which(trained):
    from auditor.lean.model import training_candidates

    folder, _pairs, output = trained
    card = json.loads(model_paths(folder / "model")[1].read_text(encoding="utf-8"))
    selection, cv = card["selection"], card["cross_validation"]["grouped"]
    scores = selection["candidates_grouped_cv_macro_f1"]
    offered = training_candidates({"partial", "independent"})
    # without whole pairs there is no ordinal scale to fit: forest and boosting, both feature sets
    assert set(scores) == set(offered) == {"forest", "boosting", "forest, article-side", "boosting, article-side"}
    assert scores[selection["chosen"]] == max(scores.values())
    assert card["classifier"] == type(offered[selection["chosen"]][-1]).__name__
    assert card["feature_names"] == list(offered[selection["chosen"]][0].fit([["", ""]]).get_feature_names_out())
    assert len(cv["nested_selection"]["chosen_per_fold"]) == cv["folds"] == 3
    assert "inside each training fold" in output and f"chosen on all pairs: {selection['chosen']}" in output
    assert "ordinal" in training_candidates({"rewrite", "partial", "independent"})


def test_the_test_fold_never_takes_part_in_the_choice(monkeypatch):
    """Nested CV: each outer fold's choice sees only that fold's training pairs; the last
    choice (the model written) sees them all."""
    from auditor.training import labelled_pairs

    texts = [t for t in load_texts(TEXTS) if t["family"] in FAMILIES]
    by_id = {t["id"]: t for t in texts}
    rows, labels, groups = [], [], []
    for text in texts:
        if text["role"] in ("translation", "rewrite", "independent"):
            source = by_id[f"{text['family']}_src"]
            rows.append((text["text"], source["text"], text["lang"], source["lang"]))
            labels.append("independent" if text["role"] == "independent" else "partial")
            groups.append(text["family"])
    seen = []
    choose = labelled_pairs.select_candidate

    def spy(candidates, columns, features, y, groups, folds, random_state):
        seen.append(len(y))
        return choose(candidates, columns, features, y, groups, folds, random_state)

    monkeypatch.setattr(labelled_pairs, "select_candidate", spy)
    _pipeline, cv, _selection = labelled_pairs.fit_with_grouped_cv(rows, labels, groups, folds=3)
    assert len(seen) == cv["folds"] + 1
    assert all(n < len(rows) for n in seen[:-1]) and seen[-1] == len(rows)
    assert sum(len(rows) - n for n in seen[:-1]) == len(rows)  # each pair left out of exactly one choice
