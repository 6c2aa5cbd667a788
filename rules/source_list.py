"""SRC001 source-list: a "Sources:" heading and the outlets listed under it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.citations import dedupe, parse_credit
from auditor.document import Document
from auditor.findings import Hit, Source
from auditor.phrases import PhraseTable
from auditor.rule import Rule

# Headings that introduce a list of sources, by language.  The colon is required:
# "Sources say..." in prose is not a list.
HEADINGS = PhraseTable(
    {
        "en": [r"sources?(?: for this (?:article|story|report))?(?: include)?", r"references", r"contacts and sources"],
        "vi": [r"nguồn(?: tham khảo| tin| bài)?", r"tài liệu tham khảo"],
        "es": [r"fuentes?(?: consultadas)?", r"referencias"],
        "fr": [r"sources?", r"références"],
        "de": [r"quellen?(?:angaben)?", r"verwendete quellen"],
        "id": [r"sumber(?: berita| artikel| referensi)?", r"referensi"],
        "pt": [r"fontes?(?: consultadas)?", r"referências"],
    }
)
HEADING_LINE = re.compile(r"^\W{0,3}(?P<label>.+?)\s*:\s*(?P<rest>.*)$")
# A role label after a bar ("| PHOTO: ...") makes the line a citation footer, not a list.
ROLE_SEGMENT = re.compile(r"\|\s*(?:photo|foto|ảnh|video|image|imagen|bild|gambar)\b", re.IGNORECASE)
MAX_ITEM_CHARS = 100
MAX_ITEMS = 20


def check(document: Document) -> Iterator[Hit]:
    lines = document.lines
    for index, line in enumerate(lines):
        match = HEADING_LINE.match(line.text)
        if not match or ROLE_SEGMENT.search(line.text):
            continue
        label = match.group("label")
        heading = HEADINGS.search(label)
        if heading is None or heading.start != 0 or heading.end != len(label):
            continue
        sources: list[Source] = []
        end = line.end
        rest = match.group("rest").strip()
        if rest:
            sources += parse_credit(rest)
        else:
            for item in lines[index + 1 : index + 1 + MAX_ITEMS]:
                entry = item.text.strip()
                if not entry:
                    if sources:
                        break
                    continue
                if len(entry) > MAX_ITEM_CHARS:
                    break
                found = parse_credit(entry.lstrip("-•*· "))
                if not found:
                    break
                sources += found
                end = item.end
        if sources:
            listed = dedupe(sources)
            names = ", ".join(s.name for s in listed)
            yield Hit(line.start + len(line.text) - len(line.text.lstrip()), end,
                      f"source list names {len(listed)} source{'s' if len(listed) != 1 else ''}: {names}",
                      sources=tuple(listed))


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
