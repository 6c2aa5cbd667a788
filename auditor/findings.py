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
