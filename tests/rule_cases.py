"""Load rule fixture files: tests/fixtures/rules/<CODE>.toml, one file per rule.

Each file holds named cases::

    [[case]]
    name = "en_sources_heading"      # unique in the file; pytest id is CODE-name
    language = "en"                  # the language the case exercises
    format = "text"                  # "text" (default), "markdown" or "html"
    kind = "flagged"                 # "flagged", "not-flagged" or "smoke" (plain prose, nothing to flag)
    text = '''...'''
    [[case.expect]]                  # for flagged cases: one table per finding, in text order
    line = 3                         # optional: 1-based line of the finding's start
    excerpt = "Sources:"             # optional: a substring of the finding's excerpt
    sources = [{name = "Dantri", domain = "dantri.com.vn", role = "text"}]  # optional, exact list

A not-flagged or smoke case must produce no finding from the rule.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import tomllib

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "rules")
KINDS = ("flagged", "not-flagged", "smoke")


@dataclass(frozen=True)
class RuleCase:
    code: str
    name: str
    language: str
    kind: str
    text: str
    format: str = "text"
    expect: tuple[dict[str, Any], ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.code}-{self.name}"


def fixture_path(code: str) -> str:
    return os.path.join(FIXTURES, f"{code}.toml")


def load_cases(code: str) -> list[RuleCase]:
    with open(fixture_path(code), "rb") as handle:
        data = tomllib.load(handle)
    cases = []
    for raw in data.get("case", []):
        kind = raw.get("kind", "flagged" if raw.get("expect") else "not-flagged")
        if kind not in KINDS:
            raise ValueError(f"{code}: case {raw.get('name')}: kind must be one of {KINDS}")
        cases.append(
            RuleCase(
                code=code,
                name=raw["name"],
                language=raw["language"],
                kind=kind,
                text=raw["text"],
                format=raw.get("format", "text"),
                expect=tuple(raw.get("expect", ())),
            )
        )
    return cases


def all_cases() -> list[RuleCase]:
    cases: list[RuleCase] = []
    for name in sorted(os.listdir(FIXTURES)):
        if name.endswith(".toml"):
            cases += load_cases(name[: -len(".toml")])
    return cases
