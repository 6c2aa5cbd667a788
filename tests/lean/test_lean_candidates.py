import json
from pathlib import Path

from auditor.lean.candidates import CandidateIndex
from auditor.lean.corpus import names_match
from auditor.lean.results import CitedSource

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


def test_band_lookups_count_shared_bands_exactly_in_both_layouts():
    # One-row bands are packed as band << 32 | value; a value that does not fit switches the
    # index to one array per band. Both must count what a plain comparison counts.
    import numpy as np

    from auditor.lean.candidates import _SortedBands

    rng = np.random.default_rng(3)
    n_bands = 16
    rows = rng.integers(0, 40, size=(300, n_bands), dtype=np.uint64)  # small values: many collisions
    rows[:, 5] += np.uint64(1 << 31)
    queries = [rows[7], rows[200], rng.integers(0, 40, n_bands, dtype=np.uint64)]
    packed, unpacked = _SortedBands(n_bands), _SortedBands(n_bands)
    for doc_id, row in enumerate(rows[:150]):
        packed.add(doc_id, row)
        unpacked.add(doc_id, row)
    packed.shared_band_arrays(queries[0])  # settled, packed: the rest is merged in later
    unpacked.shared_band_arrays(queries[0])
    for doc_id, row in enumerate(rows[150:], start=150):
        packed.add(doc_id, row)
        unpacked.add(doc_id, row)
    big = rows[0].copy()
    big[3] = np.uint64(1 << 40)
    unpacked.add(len(rows), big)  # does not fit: what was packed is unpacked
    for query in queries:
        expected = {doc_id: int((row == query).sum()) for doc_id, row in enumerate(rows) if (row == query).any()}
        assert packed.shared_bands(query) == expected
        got = unpacked.shared_bands(query)
        got.pop(len(rows), None)
        assert got == expected
    assert packed._packed is not None and unpacked._packed is None


def test_an_id_too_large_to_pack_unpacks_the_index_and_keeps_its_answers():
    import numpy as np

    from auditor.lean.candidates import _SortedBands

    rows = np.random.default_rng(5).integers(0, 30, size=(200, 8), dtype=np.uint64)
    bands = _SortedBands(8)
    for doc_id, row in enumerate(rows):
        bands.add(doc_id, row)
    expected = {doc_id: int((row == rows[3]).sum()) for doc_id, row in enumerate(rows) if (row == rows[3]).any()}
    assert bands.shared_bands(rows[3]) == expected and bands._packed is not None
    far = 1 << 26  # one past the ids a packed key holds
    bands.add(far, rows[3])
    assert bands.shared_bands(rows[3]) == {**expected, far: 8} and bands._packed is None
