"""Inline suppressions: an editor accepts one finding, with a reason, inside the article.

Markdown and HTML (an HTML comment, invisible to readers)::

    <!-- audit-ignore CK001: the banner is quoted on purpose in this media column -->

Plain text (a marker line)::

    audit-ignore DB004: the poem keeps its line breaks

The marker accepts the named rules' findings on the next non-empty line.
``audit-ignore-file CODE[, CODE]: reason`` accepts them anywhere in the article.
A marker without a reason accepts nothing and is itself reported (POL004); so is one that
names no rule's code (a category, a rule's name, a mistyped code: POL005).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.document import Document
from auditor.findings import Finding, Suppression

# Any word list is read as the codes, so that a category or a mistyped code is reported
# (POL005) rather than leaving the marker unread and the line it sits on in the text.
MARKER = re.compile(
    r"^\s*(?:<!--\s*)?audit-ignore(?P<file>-file)?\s+(?P<codes>[\w-]+(?:\s*,\s*[\w-]+)*)"
    r"\s*(?::\s*(?P<reason>.*?))?\s*(?:-->)?\s*$"
)


# The rules about a marker itself: their findings stand on the marker's own line.
MARKER_RULES = ("POL004", "POL005")


def find_suppressions(document: Document) -> tuple[Suppression, ...]:
    lines = document.lines
    found: list[Suppression] = []
    candidates: list[tuple[str, int, int, int]] = []  # (marker text, start, end, first line index after)
    if document.format == "html" and document.markup is not None:
        for offset, comment in document.markup.comments:
            index = next((i for i, line in enumerate(lines) if line.end > offset or line.start >= offset), len(lines))
            candidates.append((comment, offset, offset, index))
    else:
        for i, line in enumerate(lines):
            if "audit-ignore" in line.text:
                candidates.append((line.text, line.start, line.end, i + 1))
    for text, start, end, next_index in candidates:
        match = MARKER.match(text)
        if not match:
            continue
        target = next((line for line in lines[next_index:] if line.text.strip()), None)
        if document.format == "html" and next_index < len(lines) and lines[next_index].start <= start:
            target = lines[next_index]
        found.append(
            Suppression(
                codes=tuple(code.strip() for code in match.group("codes").split(",")),
                reason=(match.group("reason") or "").strip(),
                whole_file=bool(match.group("file")),
                marker_start=start,
                marker_end=end,
                target_start=target.start if target else end,
                target_end=target.end if target else end,
            )
        )
    return tuple(found)


def apply_suppressions(findings: Iterable[Finding], suppressions: tuple[Suppression, ...]
                       ) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """Findings that stand, and the ones an inline marker (with a reason) accepts, each with
    the marker's reason. Applied once to an article's findings, when it is finished."""
    kept: list[Finding] = []
    accepted: list[tuple[Finding, str]] = []
    for finding in findings:
        # The marker's own line is not article text: nothing found on it stands.
        if any(m.marker_start <= finding.start < m.marker_end for m in suppressions if m.marker_end > m.marker_start):
            if finding.rule not in MARKER_RULES:
                continue
        marker = next((m for m in suppressions if m.reason and m.covers(finding.rule, finding.start)), None)
        if marker is None:
            kept.append(finding)
        else:
            accepted.append((finding, marker.reason))
    return kept, accepted
