"""SRC002's tail credits: the last-word shortcut rules out only lines the full scan would rule out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from provenance_rules import citation_footer

from auditor.document import Line

ROOT = Path(__file__).resolve().parent.parent

# Line endings at the shortcut's edges: a credit beginning inside the last word (after ©, at a glued label),
# lower-case outlets and credit words, domains, brackets.
ENDINGS = ("manifestation©AFP", "Reuters©foo", "manhã2025Foto:AFP", "xFoto: AFP", "texte(AFP)", "[Reuters/Kim]",
           "dpa", "(dpa)", "foto: reuters", "vnexpress.net", "ảnh/TTXVN", "via afp", "von dpa", "said the minister")


def _lines() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "eval" / "real-wording").rglob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").iterdir()) if path.is_file()]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    return lines + [f"{line.rstrip(' .')} {ending}" for line in lines[:2000] for ending in ENDINGS[len(line) % 7::7]]


class _NoShortcut:
    """A last-word pattern that finds the empty word: the shortcut never fires."""

    @staticmethod
    def search(text: str) -> re.Match[str]:
        return re.match("", text)  # type: ignore[return-value]


def test_the_last_word_shortcut_changes_no_tail_credit(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [Line(0, 0, len(text), text) for text in _lines()]
    with_shortcut = [citation_footer._tail_credit(line) for line in lines]
    monkeypatch.setattr(citation_footer, "TAIL_LAST_WORD", _NoShortcut())
    without = [citation_footer._tail_credit(line) for line in lines]
    assert sum(hit is not None for hit in without) > 100  # the lines hold credits the form finds
    assert with_shortcut == without
