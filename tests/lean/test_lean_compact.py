"""Compact profiles: the same features as the full text profiles, the same bytes in every
process, and a store that gives each document's profile back whole."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.lean.compact import CompactProfile, compact_profile
from auditor.lean.features import COMPACT_FEATURES, compact_features, pair_features
from auditor.lean.store import read_profile, write_profiles
from auditor.lean.text import profile
from auditor.training.lean import load_texts

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def texts():
    seeds = [(path.read_text(encoding="utf-8"), None) for path in CORPUS]
    training = [(t["text"], t["lang"]) for t in load_texts(ROOT / "training" / "lean" / "texts.jsonl")]
    return seeds + training[:12]


def test_compact_features_equal_the_full_profiles_features(texts):
    for (a, a_lang), (s, s_lang) in zip(texts, texts[1:] + texts[:1]):
        full = pair_features(profile(a, a_lang), profile(s, s_lang), paraphrase=False)[:len(COMPACT_FEATURES)]
        assert compact_features(compact_profile(a, a_lang), compact_profile(s, s_lang)) == full


def test_bytes_round_trip_keeps_every_feature(texts):
    profiles = [compact_profile(text, lang) for text, lang in texts]
    back = [CompactProfile.from_bytes(p.to_bytes()) for p in profiles]
    for i in range(len(profiles) - 1):
        assert compact_features(back[i], back[i + 1]) == compact_features(profiles[i], profiles[i + 1])
        assert back[i].to_bytes() == profiles[i].to_bytes()


def test_profile_bytes_do_not_depend_on_the_process():
    # Workers write profiles that other workers compare: hashes must not be Python's
    # per-process string hash.
    text = CORPUS[1].read_text(encoding="utf-8")
    program = ("import sys; from auditor.lean.compact import compact_profile; "
               "sys.stdout.write(compact_profile(sys.stdin.read()).to_bytes().hex())")
    outputs = set()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", program], input=text, capture_output=True, text=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}, check=True, cwd=ROOT)
        outputs.add(done.stdout)
    assert outputs == {compact_profile(text).to_bytes().hex()}


def test_store_gives_each_profile_back(tmp_path, texts):
    profiles = [compact_profile(text, lang) for text, lang in texts[:5]]
    refs = write_profiles(str(tmp_path), profiles)
    assert len({ref.file for ref in refs}) == 1 and not list(tmp_path.glob(".*.tmp"))
    for ref, original in zip(reversed(refs), reversed(profiles)):
        assert read_profile(str(tmp_path), ref).to_bytes() == original.to_bytes()


def test_store_does_not_change_the_report_and_is_removed(tmp_path, monkeypatch):
    import tempfile

    from auditor.api import audit_paths
    from auditor.config import Config
    from auditor.formats.json_report import render_json
    from auditor.run.pool import RunOptions

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with_store = render_json(audit_paths([str(ROOT / "corpus")], Config(), run=RunOptions(jobs=1)))
    assert not list(tmp_path.iterdir()), "the run's profile store was left behind"
    without = render_json(audit_paths([str(ROOT / "corpus")], Config(),
                                      run=RunOptions(jobs=1, profile_store=False)))
    assert with_store == without
    lean = {a["path"][-24:-21]: a["lean"] for a in json.loads(with_store)["articles"]}
    assert lean["000"][0]["label"] == "translation"
