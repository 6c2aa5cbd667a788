"""The same audit on a Dask cluster through joblib's Dask backend gives the same report."""

from __future__ import annotations

import pytest

from auditor.api import audit_paths
from auditor.config import Config
from auditor.formats.json_report import render_json
from auditor.run.pool import RunOptions

distributed = pytest.importorskip("distributed", reason="dask[distributed] is in the [scale] and [test] extras")


def test_report_on_a_local_dask_cluster_equals_the_single_process_report(small_corpus) -> None:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        on_cluster = audit_paths([small_corpus], Config(),
                                 run=RunOptions(backend="dask", scheduler=cluster.scheduler_address))
    alone = audit_paths([small_corpus], Config(), run=RunOptions(jobs=1))
    assert render_json(on_cluster) == render_json(alone)
    assert any(a.lean for a in alone.articles)
