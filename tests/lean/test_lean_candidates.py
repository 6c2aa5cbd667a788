import json
from pathlib import Path

from auditor.lean.candidates import CandidateIndex
from auditor.lean.corpus import CitedSource, names_match

TEXTS = Path(__file__).resolve().parents[2] / "training" / "lean" / "texts.jsonl"


def test_translation_and_rewrite_are_found_and_strangers_mostly_not():
    records = [json.loads(line) for line in TEXTS.read_text(encoding="utf-8").splitlines()]
    index = CandidateIndex()
    for record in records:
        if record["role"] == "source":
            index.add(record["id"], record["text"], record["lang"])
    derived = [r for r in records if r["role"] in ("translation", "rewrite")]
    found = sum(r["family"] + "_src" in index.query(r["text"], r["lang"]) for r in derived)
    assert found == len(derived)
    proposed = sum(len(index.query(r["text"], r["lang"])) for r in derived)
    assert proposed < 2.5 * len(derived)


def test_names_match_domains_and_outlet_names():
    assert names_match(CitedSource("Dantri", "dantri.com.vn"), ("dantri.com.vn",))
    assert names_match(CitedSource("Dantri", None), ("dantri.com.vn",))
    assert names_match(CitedSource("Dân trí", None), ("dantri",))
    assert names_match(CitedSource("Yahoo", "finance.yahoo.com"), ("www.yahoo.com",))
    assert not names_match(CitedSource("CNBC", None), ("dantri", "dantri.com.vn"))
    assert not names_match(CitedSource("CNN.com", "cnn.com"), ("cnbc.com",))
