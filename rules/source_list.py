"""SRC001 source-list: a "Sources:" heading and the outlets listed under it.

Boundary with SRC002 (citation-footer): SRC001 owns every line that *starts*
with a source heading ("Sources:", "Source: X", "Nguồn:", "Quellen:", a role
qualified one such as "Video source:" or "Nguồn ảnh:") and the list lines under
it.  A line that also carries another role label ("SOURCE: CNBC | PHOTO:
REUTERS") is a footer and belongs to SRC002, as does every other credit form
(datelines, "Via", "Theo", photo credits, "(Reuters, APA)").  SRC002 asks
``source_lists`` which lines are taken, so no line is reported twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.document import Document
from auditor.findings import Hit, Source
from auditor.languages import table as cue_table
from auditor.rule import Rule
from auditor.rulekit.citations import dedupe, is_known, parse_credit
from auditor.rulekit.lazy_regex import compile_later

# Headings that introduce a list of sources, by language.  The colon is required:
# "Sources say..." in prose is not a list.
HEADINGS = cue_table("CITATION", "source_heading")
HEADING_LINE = compile_later(r"^\W{0,3}(?P<label>.+?)\s*:\s*(?P<rest>.*)$")
# A heading may say what kind of material it lists: "VIDEO Source:", "Nguồn ảnh:", "Fuente de la imagen:".
ROLE_PREFIX = compile_later(r"^(?P<word>video|vídeo|photo|photos|image|images|foto|fotos|bild|ảnh|gambar)\s+", re.I)
ROLE_SUFFIX = compile_later(
    r"\s+(?:(?:de|da|do|del|des|du)\s+(?:la\s+|las\s+|l')?)?(?P<word>video|vídeo|vidéo|ảnh|hình ảnh|foto|fotos|"
    r"imagen|imágenes|imagem|image|images|bild|gambar)$",
    re.I,
)
ROLES_BY_WORD = {"video": "video", "vídeo": "video", "vidéo": "video"}  # every other role word means a picture
BYLINE = compile_later(r"^by\s", re.I)  # "By Karen Boggs / Rob Gutro" under "Contacts and sources:" names authors
# A role label after a bar ("| PHOTO: ...") makes the line a citation footer, not a list.
ROLE_SEGMENT = compile_later(r"\|\s*(?:photo|foto|ảnh|video|image|imagen|bild|gambar)\b", re.IGNORECASE)
MAX_ITEM_CHARS = 100
MAX_ITEMS = 20


def check(document: Document) -> Iterator[Hit]:
    yield from source_lists(document)


def source_lists(document: Document) -> Iterator[Hit]:
    """The source lists in a document; each hit spans its heading and the items it took."""
    lines = document.lines
    for index, line in enumerate(lines):
        match = HEADING_LINE.match(line.text) if ":" in line.text else None  # a lazy scan for the colon otherwise
        if not match or ROLE_SEGMENT.search(line.text):
            continue
        label, role = _role_of(match.group("label"))
        heading = HEADINGS.search(label)
        if heading is None or heading.start != 0 or heading.end != len(label):
            continue
        sources: list[Source] = []
        end = line.end
        rest = match.group("rest").strip()
        if rest:
            sources += parse_credit(rest, role)
        else:
            blank_before = False
            for item in lines[index + 1 : index + 1 + MAX_ITEMS]:
                entry = item.text.strip()
                if not entry:
                    blank_before = True
                    continue
                if len(entry) > MAX_ITEM_CHARS:
                    break
                if BYLINE.match(entry):
                    continue
                found = parse_credit(entry.lstrip("-•*· "), role)
                # After a blank line only an unmistakable item (a known outlet, a domain or
                # a URL) continues the list: a short paragraph could otherwise pass as a name.
                if not found or (sources and blank_before and not all(is_known(s) for s in found)):
                    break
                sources += found
                end = item.end
                blank_before = False
        if sources:
            listed = dedupe(sources)
            names = ", ".join(s.name for s in listed)
            kind = "source list" if role == "text" else f"{role} source list"
            yield Hit(line.start + len(line.text) - len(line.text.lstrip()), end,
                      f"{kind} names {len(listed)} source{'s' if len(listed) != 1 else ''}: {names}",
                      sources=tuple(listed))


def _role_of(label: str) -> tuple[str, str]:
    """The heading without its role word, and the role ("VIDEO Source" -> ("Source", "video"))."""
    for pattern in (ROLE_PREFIX, ROLE_SUFFIX):
        qualified = pattern.search(label)
        if qualified:
            word = qualified.group("word").lower()
            return pattern.sub("", label, count=1), ROLES_BY_WORD.get(word, "photo")
    return label, "text"


RULE = Rule(
    code="SRC001",
    name="source-list",
    category="source-list",
    severity="info",
    scopes=("text",),
    summary='A heading such as "Sources:", "Sources for this article include:", "Nguồn:", "Fuentes:" or '
    '"Quellen:" and the outlets listed after it (same line or following lines), extracted as sources.',
    rationale="An editor needs to know what an article says it is based on: the list is the article's own "
    "account of its provenance, and lean is scored against the sources it names.",
    flagged="The company reported record revenue.\nSources:\nDantri.com.vn",
    not_flagged="Sources familiar with the matter said the deal was close.",
    check=check,
)
