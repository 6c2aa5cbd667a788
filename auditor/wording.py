"""Counts in messages: "1 warning", "2 warnings"."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and ``noun``, the noun in the plural unless the number is one ("2 info" passes plural="info")."""
    return f"{number} {noun if number == 1 else plural if plural is not None else noun + 's'}"


def severity_totals(counts: dict[str, int]) -> str:
    """ "9 errors, 1 warning, 5 info" from ``Report.counts()``."""
    return ", ".join(
        (
            counted(counts["findings_error"], "error"),
            counted(counts["findings_warning"], "warning"),
            counted(counts["findings_info"], "info", "info"),
        )
    )
