"""Counts in messages: "1 warning", "2 warnings"."""

from __future__ import annotations


def noun_for(number: int, noun: str, plural: str | None = None) -> str:
    """``noun``, in the plural (``plural``, or ``noun`` + "s") unless ``number`` is one."""
    return noun if number == 1 else plural if plural is not None else noun + "s"


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and its noun: "1 warning", "2 warnings" ("2 info" passes plural="info")."""
    return f"{number} {noun_for(number, noun, plural)}"


def severity_totals(counts: dict[str, int]) -> str:
    """ "9 errors, 1 warning, 5 info" from ``Report.counts()``."""
    return ", ".join(
        (
            counted(counts["findings_error"], "error"),
            counted(counts["findings_warning"], "warning"),
            counted(counts["findings_info"], "info", "info"),
        )
    )
