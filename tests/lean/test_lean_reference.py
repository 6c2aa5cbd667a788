"""Speed work on auditor.lean must not change results: the features, scores and sketches of
our own 909 training pairs stay those of the reference (benchmarks/feature_reference.py)."""
import importlib.util
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("feature_reference", ROOT / "benchmarks" / "feature_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_features_scores_and_sketches_equal_the_reference():
    reference = _module()
    with np.load(reference.REFERENCE) as stored:
        assert reference.differences(dict(stored), reference.compute()) == []
