"""Shared inputs for the format tests: the sample corpus audited once, with lean, from the repository root."""

from __future__ import annotations

import contextlib
import os
import shutil

import pytest

from auditor.api import audit_paths
from auditor.config import Config
from auditor.report import Report

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@contextlib.contextmanager
def in_folder(folder: str):
    """Run from ``folder``: reports name files relative to where the audit runs, as in CI."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.fixture(scope="session")
def corpus_report() -> Report:
    with in_folder(ROOT):
        report = audit_paths(["corpus"], Config())
    assert not report.errors, report.errors
    return report


@pytest.fixture(scope="session")
def corpus_with_unreadable_file(tmp_path_factory) -> tuple[str, Report]:
    """The corpus plus an empty file and a binary one: both become per-file errors while the run goes on."""
    folder = tmp_path_factory.mktemp("workspace")
    shutil.copytree(os.path.join(ROOT, "corpus"), folder / "corpus")
    (folder / "corpus" / "empty.txt").write_text("", encoding="utf-8")
    (folder / "corpus" / "picture.txt").write_bytes(bytes(range(256)) * 8)
    with in_folder(str(folder)):
        report = audit_paths(["corpus"], Config(lean=False))
    return str(folder), report
