"""Reading: formats, encodings, positions back to the file, and bad input."""

from __future__ import annotations

import json
import os
import unicodedata

import pytest

from auditor.document import BODY, BOILERPLATE, CONSENT_CONTAINER, Document
from auditor.pipeline.normalise import normalise
from auditor.pipeline.read import discover, read_file


def read_all(path: str) -> list:
    found = discover([path])
    results = list(found.errors)
    for item in found.files:
        results += list(read_file(item))
    return results


def only_document(path: str) -> Document:
    results = read_all(path)
    assert len(results) == 1 and isinstance(results[0], Document), results
    return normalise(results[0])


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_plain_text_positions_are_lines_and_columns(tmp_path) -> None:
    path = write(tmp_path, "a.txt", b"first line\nsecond line here\r\nthird")
    document = only_document(path)
    assert document.line_column(document.text.index("here")) == (2, 13)
    assert document.line_column(document.text.index("third")) == (3, 1)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "Café society – “quoted” and naïve résumé, déjà vu for the café owners in Zürich."),
        ("utf-16", "Doanh thu của Meta tăng 22% so với cùng kỳ năm ngoái, đạt 48,39 tỷ USD."),
        ("utf-8-sig", "A UTF-8 file that starts with a byte-order mark."),
        ("cp1258", "Thành phố Hồ Chí Minh có nhiều người dân sống ở đây và làm việc."),
    ],
)
def test_encodings_are_detected_not_assumed(tmp_path, encoding: str, text: str) -> None:
    path = write(tmp_path, "a.txt", encode_as(text, encoding))
    document = only_document(path)
    # Windows-1258 writes tone marks as combining characters: NFC brings the letters back.
    assert document.text.strip() == text


def encode_as(text: str, encoding: str) -> bytes:
    if encoding != "cp1258":
        return text.encode(encoding)
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:  # a letter with a tone mark: base letter, then the mark
            decomposed = unicodedata.normalize("NFD", ch)
            tone = next(m for m in decomposed if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", decomposed.replace(tone, "", 1))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"abc\x00\x01\x02def" * 10, "NUL bytes"),
        (b"   \n\t\n", "only white space"),
    ],
)
def test_bad_files_become_clear_errors(tmp_path, data: bytes, message: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    results = read_all(path)
    assert len(results) == 1 and not isinstance(results[0], Document)
    assert message in results[0].error


def test_folder_named_like_a_file_and_missing_path(tmp_path) -> None:
    (tmp_path / "x.html").mkdir()
    (tmp_path / "x.html" / "inner.txt").write_text("An article inside a folder whose name ends in .html.")
    results = read_all(str(tmp_path))
    assert [type(r).__name__ for r in results] == ["Document"]
    missing = read_all(str(tmp_path / "nope.txt"))
    assert "no such file" in missing[0].error


def test_size_limit_is_reported_without_reading(tmp_path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 1000)
    found = discover([path])
    result = list(read_file(found.files[0], max_bytes=100))
    assert "over the limit" in result[0].error


HTML = """<!doctype html>
<html lang="de">
<head><title>T</title>
<link rel="canonical" href="https://www.example.de/artikel">
<meta property="og:site_name" content="Beispiel">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>
</head>
<body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article>
<h1>Die Überschrift</h1>
<p>Erster Absatz mit <b>fettem</b> Text.</p>
<p>Quelle: dpa</p>
</article>
<div id="cookie-consent"><p>Wir verwenden Cookies.</p></div>
<script>document.write("never text")</script>
</body>
</html>
"""


def test_html_visible_text_regions_markup_and_positions(tmp_path) -> None:
    path = write(tmp_path, "page.html", HTML.encode())
    document = only_document(path)
    assert "never text" not in document.text and "<b>" not in document.text
    assert "Erster Absatz mit fettem Text." in document.text
    assert document.markup.canonical_url == "https://www.example.de/artikel"
    assert document.markup.site_name == "Beispiel"
    assert document.markup.json_ld[0]["@type"] == "NewsArticle"
    assert document.language == "de"
    # Positions are those of the HTML file.
    assert document.line_column(document.text.index("Quelle")) == (13, 4)
    assert document.line_column(document.text.index("fettem")) == (12, 25)
    kinds = {r.kind: document.text[r.start : r.end] for r in document.regions}
    assert "Wir verwenden Cookies." in kinds[CONSENT_CONTAINER]
    assert "Politik" in kinds[BOILERPLATE]
    assert "Quelle: dpa" in kinds[BODY] and "Politik" not in kinds[BODY]


def test_jsonl_records_with_exact_columns_and_a_broken_line(tmp_path) -> None:
    good = {"url": "https://dantri.com.vn/x.htm", "text": "Line one.\nSources:\nDantri.com.vn \u00e9"}
    lines = [json.dumps(good), "{not json", json.dumps({"html": "<p>Hello <b>there</b> world.</p>"})]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines).encode())
    results = read_all(path)
    first, broken, third = results
    assert isinstance(first, Document) and first.record == 1
    assert first.metadata["url"] == "https://dantri.com.vn/x.htm"
    raw = lines[0]
    offset = first.text.index("Dantri")
    line, column = first.line_column(offset)
    assert line == 1 and raw[column - 1 : column - 1 + 6] == "Dantri"
    assert broken.record == 2 and "not valid JSON" in broken.error
    assert third.format == "html" and "Hello there world." in third.text
    line, column = third.line_column(third.text.index("there"))
    assert line == 3 and lines[2][column - 1 : column + 4] == "there"


def test_nfc_normalisation_keeps_positions(tmp_path) -> None:
    decomposed = "Tin tức\nNguo\u0302\u0300n: VnExpress"  # "Nguồn" typed with combining marks
    path = write(tmp_path, "vi.txt", decomposed.encode())
    document = only_document(path)
    assert "Nguồn" in document.text
    assert document.line_column(document.text.index("VnExpress")) == (2, 10)


def test_manifest_metadata_reaches_the_document(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Một bài báo tiếng Việt về kinh tế của thành phố.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"articles": {"a.txt": {"outlet": "Dantri"}}}))
    document = only_document(str(tmp_path))
    assert document.metadata["outlet"] == "Dantri"
    assert document.language == "vi"


def test_input_files_are_not_modified(tmp_path) -> None:
    path = write(tmp_path, "a.txt", b"Some article text that stays as it is.\n")
    before = (os.stat(path).st_mtime_ns, open(path, "rb").read())
    read_all(str(tmp_path))
    assert (os.stat(path).st_mtime_ns, open(path, "rb").read()) == before
