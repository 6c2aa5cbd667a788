"""What rules report: hits inside the engine, findings and sources outside it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")
ROLES = ("text", "photo", "video", "data")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def effective_severity(code: str, category: str, default: str, overrides: Mapping[str, str]) -> str:
    """The severity the policy gives a rule: its code's override, else its category's, else
    the rule's own default. The one place this is decided (rules, stages and `audit rules`)."""
    return overrides.get(code, overrides.get(category, default))


@dataclass(frozen=True)
class Source:
    """A cited source, as structured data."""

    name: str
    domain: str | None = None
    role: str = "text"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "domain": self.domain, "role": self.role}


@dataclass(frozen=True)
class Hit:
    """What a rule's check yields: a span of ``Document.text`` and what it means."""

    start: int
    end: int
    message: str
    sources: tuple[Source, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    sources: tuple[Source, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Suppression:
    """An inline ``audit-ignore`` marker (see auditor/pipeline/suppress.py): what it names, why,
    and which span of the text it accepts findings in."""

    codes: tuple[str, ...]  # as written: a code, or what a mistaken marker names instead
    reason: str
    whole_file: bool
    marker_start: int  # span of the marker in the text (empty for HTML comments)
    marker_end: int
    target_start: int  # the span whose findings it accepts
    target_end: int

    def covers(self, rule: str, start: int) -> bool:
        return rule in (code.upper() for code in self.codes) and (self.whole_file or self.target_start <= start < self.target_end)
