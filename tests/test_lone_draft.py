"""One draft audited on its own (the pre-commit case) has nothing to be compared with: it
gets no MinHash sketch and no profile, so the run loads neither datasketch nor
scikit-learn, nor joblib's pool, nor (for a text draft) the HTML reader, and its citations are still
reported, as not available.
(numpy may load: the line models AI001 and DB006 read score a draft's candidate lines with it.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_PROBE = """
import json, sys
from auditor.api import audit_paths
from auditor.run.pool import RunOptions
from auditor.formats.json_report import render_json
report = json.loads(render_json(audit_paths(sys.argv[1:], run=RunOptions(jobs=1))))
probed = ("datasketch", "sklearn", "scipy", "joblib", "numpy", "auditor.pipeline.html_text")
print(json.dumps({"loaded": sorted(m for m in probed if m in sys.modules),
                  "lean": [[e["source"], e["document"], e["label"]] for a in report["articles"] for e in a["lean"]]}))
"""


def _probe(*paths: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE, *paths], capture_output=True, text=True, cwd=ROOT,
                          check=True, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_lone_draft_loads_no_lean_library_and_still_reports_its_citations():
    draft = sorted((ROOT / "corpus").glob("004_*.txt"))
    if not draft:
        pytest.skip("sample article 004 not in corpus/")
    result = _probe(str(draft[0].relative_to(ROOT)))
    assert set(result["loaded"]) <= {"numpy"}
    assert [source for source, _, _ in result["lean"]] == ["UNZ", "CNN", "Axios", "Yahoo Finance"]
    assert all(document is None and label == "unavailable" for _, document, label in result["lean"])


def test_two_drafts_are_compared():
    drafts = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "corpus").glob("00[01]_*.txt"))]
    if len(drafts) != 2:
        pytest.skip("sample articles 000 and 001 not in corpus/")
    result = _probe(*drafts)
    assert {"datasketch", "numpy"} <= set(result["loaded"])
    # 000 (cites Dân trí, which nothing here names) is found by content to lean on 001
    assert [(document, label) for _, document, label in result["lean"]] == [(drafts[1], "translation")]
