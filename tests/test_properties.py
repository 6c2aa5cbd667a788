"""Property-based tests: any bytes or text in, a report out, and every finding's position is sound.

CI runs the default profile (a few hundred examples per property). A longer fuzz run:

    HYPOTHESIS_PROFILE=fuzz pytest tests/test_properties.py
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.pipeline.engine import run_rules
from auditor.pipeline.normalise import normalise
from auditor.pipeline.read import UnreadableInput, decode, document_from_string
from auditor.pipeline.registry import load_rules

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

RULES = load_rules().rules
LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Pieces that exercise the rules and the HTML reader, mixed with arbitrary text.
PIECES = [
    "<p>", "</p>", "<div class='cookie-banner'>", "<div id=consent>", "</div>", "<article>", "</article>",
    "<script>", "</script>", "<br>", "<nav>", "</nav>", "<!-- audit-ignore CK001: reason -->", "&amp;", "&#x1F600;",
    "Read More", "READ SOURCE", "Sources:", "Nguồn: VnExpress", "SOURCE: CNBC | PHOTO: REUTERS",
    "This website uses cookies. By continuing to use this site, you accept our use of cookies.",
    "This article was created with AI assistance.", "của MỹTại buổi", "Android", "\n", "\r\n", " ", "\t",
    "Theo Reuters", "(AFP)", "Foto: dpa", "48,39 tỷ USD", "o\u0302\u0300",
]
article_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=40).map("".join)


def check_findings(document) -> None:
    findings, failures = run_rules(document, RULES)
    assert failures == []
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(document.text)
        assert finding.line >= 1 and finding.column >= 1
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column)


@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except UnreadableInput as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and encoding
    check_findings(normalise(document_from_string(text, "text")))


@given(article_text, st.sampled_from(["text", "markdown", "html"]))
def test_any_text_in_any_format_gives_sound_findings(text: str, fmt: str) -> None:
    check_findings(normalise(document_from_string(text, fmt)))


@given(article_text)
def test_plain_text_positions_match_the_file(text: str) -> None:
    document = normalise(document_from_string(text, "text"))
    if document.text != text:  # NFC changed it: positions are checked on the original below
        return
    breaks = [m.end() for m in LINE_BREAK.finditer(text)]
    for offset in range(0, len(text) + 1, max(1, len(text) // 7)):
        line, column = document.line_column(offset)
        # A line ends after "\n", "\r\n" or a lone "\r" (old Mac files).
        assert line == 1 + sum(1 for end in breaks if end <= offset)
        line_start = max([0] + [end for end in breaks if end <= offset])
        assert column == offset - line_start + 1


@given(article_text)
def test_html_positions_point_into_the_source(text: str) -> None:
    document = normalise(document_from_string(text, "html"))
    lines_in_source = 1 + len(LINE_BREAK.findall(text))
    for offset in range(0, len(document.text), max(1, len(document.text) // 5)):
        line, column = document.line_column(offset)
        assert 1 <= line <= lines_in_source
        assert column >= 1


SPANS = st.tuples(st.sampled_from(["body", "boilerplate"]), st.integers(0, 60), st.integers(0, 30))


@given(st.lists(SPANS, max_size=8), st.lists(st.tuples(st.sampled_from(["body", "boilerplate", "list-item"]),
                                                       st.integers(-5, 80), st.integers(0, 25)), max_size=20))
def test_in_region_is_whether_a_region_of_the_kind_holds_the_span(regions, spans) -> None:
    from auditor.document import Document, Region

    document = Document("x.txt", "t" * 100, "text", regions=tuple(Region(k, s, s + n) for k, s, n in regions))
    for kind, start, length in spans:
        expected = any(r.start <= start and start + length <= r.end for r in document.regions if r.kind == kind)
        assert document.in_region(kind, start, start + length) == expected
