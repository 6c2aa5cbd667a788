"""A small synthetic corpus (benchmarks/make_corpus.py) shared by the scale tests."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _make_corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def make_corpus():
    return _make_corpus_module().generate


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory, make_corpus) -> str:
    """150 generated articles (with derived copies, some credited, some not), in two folders."""
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    make_corpus(folder, 150, seed=7)
    return str(folder)


@pytest.fixture()
def in_tmp(tmp_path):
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)
