"""Shared inputs for the format tests: the sample corpus audited once, with lean, from the repository root."""

from __future__ import annotations

import contextlib
import json
import os
import shutil

import jsonschema
import pytest

from auditor.api import audit_paths
from auditor.config import Config
from auditor.pipeline.report import Report

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def schema_validator(file_name: str, check_schema: bool = True) -> jsonschema.Validator:
    """A validator for a published schema kept in this folder (sources in SCHEMA_SOURCE.md)."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), file_name), encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    if check_schema:
        validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def schema_errors(validator: jsonschema.Validator, data: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


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
