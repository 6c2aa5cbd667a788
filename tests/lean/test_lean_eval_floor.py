"""Floors on the public text-reuse corpora: a floor is raised when the model improves, never lowered."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT.parent / "shared" / "eval"

# measured with `python scripts/eval_lean.py` (model, by label), floors set a little below
FLOORS = {
    "meter": {"binary_accuracy": 0.64, "macro_f1": 0.51},  # measured 0.657 / 0.522
    "counter-urdu": {"binary_accuracy": 0.69, "macro_f1": 0.50},  # measured 0.712 / 0.518
    "clough-stevenson": {"binary_accuracy": 0.92, "macro_f1": 0.59},  # measured 0.937 / 0.612
}


@pytest.fixture(scope="module")
def eval_module():
    if not EVAL_DIR.is_dir():
        pytest.skip(f"evaluation corpora not present at {EVAL_DIR} (../shared/eval relative to the repo root)")
    spec = importlib.util.spec_from_file_location("eval_lean", ROOT / "scripts" / "eval_lean.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_eval_floor(eval_module, corpus):
    evaluated = eval_module.evaluate(corpus, EVAL_DIR)
    confusion = evaluated["confusion_by_label"]
    assert sum(map(sum, confusion)) == evaluated["n"]
    diagonal = sum(confusion[i][i] for i in range(len(confusion)))
    assert abs(diagonal / evaluated["n"] - evaluated["by_label"]["accuracy"]) < 1e-9
    result = evaluated["by_label"]
    for metric, floor in FLOORS[corpus].items():
        assert result[metric] >= floor, f"{corpus} {metric} {result[metric]:.3f} fell below floor {floor}"
