"""Stage 1: find article files, read their bytes, decode them, and build raw documents.

Nothing here judges content.  Every failure becomes a :class:`ReadError` with
words a user can act on, and the run goes on.  Files are opened read-only and
never written.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from typing import Any

from auditor.document import Document, ReadError
from auditor.languages.detect import VIETNAMESE_LETTERS
from auditor.positions import LinePositions

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MANIFEST_NAME = "manifest.json"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class UnreadableInput(Exception):
    """A file that cannot be audited; the message says why, for the user."""


STDIN_PATHS = ("-", "/dev/stdin")  # the article comes from standard input (a pipe, an editor)


@dataclass(frozen=True)
class InputFile:
    path: str  # as the user will see it: the given path joined with the relative name
    format: str
    manifest: Mapping[str, Any] = field(default_factory=dict)
    data: bytes | None = None  # the bytes themselves when they came from standard input, not a file


@dataclass
class Discovery:
    files: list[InputFile] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    skipped: int = 0  # files in folders whose type is not an article format
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)  # read once per run, by path


def discover(paths: list[str], exclude: tuple[str, ...] = (), stdin_name: str | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES) -> Discovery:
    """Expand paths (files and folders, recursively) into article files, in a stable order.
    ``-`` (or ``/dev/stdin``) is one article read from standard input, shown as
    ``stdin_name`` (its extension gives the format; plain text without one)."""
    found = Discovery()
    seen: set[str] = set()
    for given in paths:
        if given in STDIN_PATHS:
            _add_stdin(stdin_name or "-", found, max_bytes)
        elif os.path.isdir(given):
            _walk(given, found, seen, exclude)
        elif os.path.exists(given) or os.path.islink(given):
            fmt = FORMATS.get(os.path.splitext(given)[1].lower(), "text")
            manifest = _manifest_for(os.path.dirname(given) or ".", found)
            _add(InputFile(given, fmt, manifest.get(os.path.basename(given), {})), found, seen)
        else:
            found.errors.append(ReadError(given, "no such file or folder"))
    return found


def _add_stdin(name: str, found: Discovery, max_bytes: int) -> None:
    import sys

    if any(item.data is not None for item in found.files):
        found.errors.append(ReadError(name, "standard input given twice; it holds one article"))
        return
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        found.errors.append(ReadError(name, f"standard input is over the limit of {max_bytes:,} bytes "
                                            "(max_bytes in the config); not read"))
        return
    fmt = FORMATS.get(os.path.splitext(name)[1].lower(), "text")
    found.files.append(InputFile(name, fmt, {}, data))


def _walk(root: str, found: Discovery, seen: set[str], exclude: tuple[str, ...]) -> None:
    visited_dirs: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=lambda e: found.errors.append(
        ReadError(getattr(e, "filename", None) or root, f"cannot list folder: {e.strerror or e}"))):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in visited_dirs:
            dirs[:] = []
            continue
        visited_dirs.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        manifest = _manifest_for(folder, found)
        for name in sorted(files):
            path = os.path.join(folder, name)
            if any(_matches(path, pattern) for pattern in exclude):
                continue
            fmt = FORMATS.get(os.path.splitext(name)[1].lower())
            if fmt is None and _is_link_loop(path):
                found.errors.append(ReadError(path, f"symbolic link loop ({name} -> {os.readlink(path)}): "
                                                    "it leads back to itself; not read"))
                continue
            if fmt is None or name.startswith("."):
                found.skipped += name != MANIFEST_NAME
                continue
            _add(InputFile(path, fmt, manifest.get(name, {})), found, seen)


def _is_link_loop(path: str) -> bool:
    import errno

    if not os.path.islink(path):
        return False
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _matches(path: str, pattern: str) -> bool:
    return fnmatch(path, pattern) or fnmatch(os.path.basename(path), pattern)


def _add(item: InputFile, found: Discovery, seen: set[str]) -> None:
    key = os.path.realpath(item.path)
    if key not in seen:
        seen.add(key)
        found.files.append(item)


def _manifest_for(folder: str, found: Discovery) -> dict[str, Any]:
    """The per-file metadata a folder's manifest.json records (see docs/manifest.md)."""
    path = os.path.join(folder, MANIFEST_NAME)
    if path in found.manifests:
        return found.manifests[path]
    entries: dict[str, Any] = {}
    if os.path.isfile(path):
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            articles = data.get("articles", {}) if isinstance(data, dict) else {}
            if not isinstance(articles, dict):
                raise ValueError('"articles" must be an object keyed by file name')
            entries = {k: v for k, v in articles.items() if isinstance(v, dict)}
        except (OSError, ValueError) as exc:
            found.errors.append(ReadError(path, f"manifest ignored: {exc}"))
    found.manifests[path] = entries
    return entries


def read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        if os.path.isdir(path):
            raise UnreadableInput("is a folder, not a file (its name ends like an article file)")
        size = os.path.getsize(path)
        if size > max_bytes:
            raise UnreadableInput(
                f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_bytes in the config); not read"
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableInput(f"broken symbolic link (to {os.readlink(path)})") from None
        raise UnreadableInput("file disappeared before it could be read") from None
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except OSError as exc:
        if isinstance(exc, UnreadableInput):
            raise
        if _is_link_loop(path):
            raise UnreadableInput(f"symbolic link loop (to {os.readlink(path)}): it leads back to itself") from None
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from None
    if not data:
        raise UnreadableInput("empty file: nothing to audit")
    return data


def input_bytes(item: InputFile, max_bytes: int) -> bytes:
    """The bytes of an input: the file's, or those read from standard input."""
    if item.data is None:
        return read_bytes(item.path, max_bytes)
    if not item.data.strip():
        raise UnreadableInput("empty input: nothing to audit" if not item.data else "no text: only white space")
    return item.data


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes as text, detecting the encoding; raise UnreadableInput for non-text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from None
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise UnreadableInput(f"binary file: looks like {kind}, not text")
    head = data[:8192]
    if b"\x00" in head:
        raise UnreadableInput("binary file: contains NUL bytes, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return _best_legacy_decoding(data)


# Letters the supported languages write; used to choose between legacy code pages
# that all decode the same bytes without error (cp1252 and cp1257 do, for French).
_EXPECTED_LETTERS = frozenset(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžčćđŕěřůąęłńśźżőűğışÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒŠŽČĆĐŘĄĘŁŃŚŹŻŐŰĞİŞ"
    "ăâđêôơưĂÂĐÊÔƠƯ–—‘’“”„…€«»°·•©®™§¶"
)
_INNER_CAPITAL = re.compile(r"(?<=[a-zà-ÿ])[À-ÞĀ-Ž](?=[a-zà-ÿ])")
LEGACY_ENCODINGS = ("cp1252", "cp1258", "cp1250", "iso-8859-15")


def _plausibility(text: str) -> float:
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    unusual = sum(1 for ch in text if ord(ch) > 127 and ch not in _EXPECTED_LETTERS and not unicodedata.combining(ch))
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    # Mojibake puts capitals inside lower-case words ("nhiêÌu"); real words rarely do.
    inner_capitals = len(_INNER_CAPITAL.findall(text))
    # Composed Vietnamese letters only come out of the right code page.
    vietnamese = len(VIETNAMESE_LETTERS.findall(text))
    return (vietnamese - unusual - 5 * controls - 2 * inner_capitals) / max(1, len(text))


def _best_legacy_decoding(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8: rare, and slow to import

    candidates: dict[str, str] = {}
    guess = from_bytes(data).best()
    if guess is not None:
        candidates[guess.encoding] = str(guess)
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates.setdefault(encoding, data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise UnreadableInput("not valid UTF-8 and no other text encoding fits: binary or corrupt")
    encoding = max(candidates, key=lambda e: _plausibility(candidates[e]))
    if _plausibility(candidates[encoding]) < -0.2:
        raise UnreadableInput("not valid UTF-8 and no text encoding gives readable text: binary or corrupt")
    return candidates[encoding], encoding


def read_file(item: InputFile, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Documents (several for JSON Lines) or errors for one input file."""
    try:
        data = input_bytes(item, max_bytes)
        declared = None
        if item.format == "html":
            match = META_CHARSET.search(data[:4096])
            declared = match.group(1).decode("ascii", "replace") if match else None
        text, encoding = decode(data, declared)
    except UnreadableInput as exc:
        yield ReadError(item.path, str(exc))
        return
    if item.format == "jsonl":
        yield from _read_jsonl(item, text, encoding)
        return
    if not text.strip():
        yield ReadError(item.path, "no text: the file holds only white space")
        return
    document = _document(item.path, item.format, text, encoding, dict(item.manifest), LinePositions(text))
    if not document.text.strip():
        yield ReadError(item.path, "no visible text: the page holds only scripts, styles or markup")
        return
    yield document


def _document(path: str, fmt: str, source: str, encoding: str, metadata: dict[str, Any],
              positions: LinePositions, record: int | None = None) -> Document:
    if fmt == "html":
        from auditor.pipeline.html_text import html_to_text  # only for pages: a text or Markdown draft skips it

        page = html_to_text(source)
        return Document(path=path, text=page.text, format=fmt, regions=page.regions, markup=page.markup,
                        metadata=metadata, record=record, encoding=encoding, offsets=page.offsets,
                        positions=positions)
    return Document(path=path, text=source, format=fmt, metadata=metadata, record=record,
                    encoding=encoding, positions=positions)


JSONL_FIELDS = ("url", "outlet", "published", "language", "id", "title")


def _read_jsonl(item: InputFile, text: str, encoding: str) -> Iterator[Document | ReadError]:
    any_record = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        any_record = True
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield ReadError(item.path, f"line {number}: not valid JSON ({exc})", record=number)
            continue
        if not isinstance(record, dict):
            yield ReadError(item.path, f"line {number}: a record must be a JSON object", record=number)
            continue
        key = "text" if isinstance(record.get("text"), str) else "html" if isinstance(record.get("html"), str) else None
        if key is None:
            yield ReadError(item.path, f'line {number}: record has no "text" or "html" string', record=number)
            continue
        body = record[key]
        if not body.strip():
            yield ReadError(item.path, f'line {number}: "{key}" is empty', record=number)
            continue
        metadata = {**item.manifest, **{k: record[k] for k in JSONL_FIELDS if isinstance(record.get(k), str)}}
        columns = json_string_columns(line, key, body)
        document = _document(item.path, "html" if key == "html" else "text", body, encoding, metadata,
                             LinePositions(body, first_line=number, column_map=columns), record=number)
        if not document.text.strip():
            yield ReadError(item.path, f'line {number}: "{key}" has no visible text', record=number)
            continue
        yield document
    if not any_record:
        yield ReadError(item.path, "empty file: no records")




def json_string_columns(line: str, key: str, value: str) -> list[int]:
    """For each character of a record's string field, its 0-based column in the raw line.

    Falls back to the column where the value starts when the raw string cannot
    be found again (an escaped key, say).
    """
    match = re.search(r'"' + re.escape(key) + r'"\s*:\s*"', line)
    if not match:
        return [0] * (len(value) + 1)
    columns: list[int] = []
    i = match.end()
    while i < len(line) and line[i] != '"':
        if line[i] == "\\" and i + 1 < len(line):
            if line[i + 1] == "u":
                code = int(line[i + 2 : i + 6], 16) if re.fullmatch(r"[0-9a-fA-F]{4}", line[i + 2 : i + 6]) else 0
                if 0xD800 <= code < 0xDC00 and line[i + 6 : i + 8] == "\\u":
                    columns.append(i)
                    i += 12
                    continue
                columns.append(i)
                i += 6
            else:
                columns.append(i)
                i += 2
        else:
            columns.append(i)
            i += 1
    columns.append(i)
    if len(columns) != len(value) + 1:
        return [match.end()] * (len(value) + 1)
    return columns


def document_from_string(source: str, fmt: str = "text", path: str = "<string>",
                         metadata: dict[str, Any] | None = None) -> Document:
    """A raw document from text already in memory (tests, fixtures, the API)."""
    return _document(path, fmt, source, "utf-8", dict(metadata or {}), LinePositions(source))
