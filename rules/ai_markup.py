"""AI002 ai-disclosure-markup: machine-readable markers that a page was made with AI.

Reads the page's markup, never its prose: JSON-LD ``digitalSourceType``
values and meta tags.  The values come from the IPTC NewsCodes vocabulary
"Digital Source Type" (http://cv.iptc.org/newscodes/digitalsourcetype/) and
its schema.org mirror (``IPTCDigitalSourceEnumeration``, e.g.
``https://schema.org/TrainedAlgorithmicMediaDigitalSource``).  Only the values
that mean generated or composited by an algorithm count (trainedAlgorithmicMedia,
compositeWithTrainedAlgorithmicMedia, algorithmicMedia, compositeSynthetic);
``digitalCapture`` or ``humanEdits`` are not AI.  A meta tag whose name says AI
generation ("ai-generated", "ai_disclosure") with a true-like value counts too.

A marker has no place in the visible text, so the finding spans the first
character of the text (an empty span at offset 0 for an empty text); the
message says where the marker was found.  Text documents have no markup and
yield nothing.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from auditor.document import Document
from auditor.findings import Hit
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later

# IPTC digital source type codes that mean "made by an algorithm", matched at the end
# of a URI or as a bare code, with or without schema.org's "DigitalSource" suffix.
AI_SOURCE_TYPES = ("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "algorithmicMedia",
                   "compositeSynthetic")
AI_SOURCE_TYPE = compile_later(
    r"(?:^|[/#:])(" + "|".join(AI_SOURCE_TYPES) + r")(?:DigitalSource)?/?$", re.IGNORECASE
)
SOURCE_TYPE_KEY = compile_later(r"(?:^|[:.])digitalsourcetype$", re.IGNORECASE)
# Meta names that declare AI generation outright, e.g. <meta name="ai-generated" content="true">.
AI_META_NAME = compile_later(r"(?:^|[-_:.])ai[-_]?(?:generated|generation|assisted|disclosure|content)$", re.IGNORECASE)
TRUE_LIKE = compile_later(r"^(?:true|yes|1|ai[-_ ]?generated|ai[-_ ]?assisted|generated|assisted)$", re.IGNORECASE)


def _source_type_values(node: Any) -> Iterator[str]:
    """Every value given for a digitalSourceType key anywhere in a JSON-LD tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and SOURCE_TYPE_KEY.search(key):
                yield from _strings(value)
            else:
                yield from _source_type_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from _source_type_values(item)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in ("@id", "url", "@value", "name"):
            if isinstance(value.get(key), str):
                yield value[key]
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _ai_code(value: str) -> str | None:
    match = AI_SOURCE_TYPE.search(value.strip())
    if match is None:
        return None
    return next(code for code in AI_SOURCE_TYPES if code.lower() == match.group(1).lower())


def check(document: Document) -> Iterator[Hit]:
    markup = document.markup
    if markup is None:
        return
    span_end = min(1, len(document.text))
    seen: set[tuple[str, str]] = set()
    for value in (v for obj in markup.json_ld for v in _source_type_values(obj)):
        code = _ai_code(value)
        if code and ("json-ld", code) not in seen:
            seen.add(("json-ld", code))
            yield Hit(0, span_end, f"AI marker in the page's JSON-LD: digitalSourceType {code} (IPTC)",
                      data={"where": "json-ld", "field": "digitalSourceType", "value": value, "code": code})
    for name, content in markup.meta:
        code = _ai_code(content) if SOURCE_TYPE_KEY.search(name) or "digitalsourcetype" in content.lower() else None
        if code and ("meta", code) not in seen:
            seen.add(("meta", code))
            yield Hit(0, span_end, f'AI marker in a meta tag: <meta name="{name}"> says {code} (IPTC)',
                      data={"where": "meta", "field": name, "value": content, "code": code})
        elif AI_META_NAME.search(name) and TRUE_LIKE.match(content.strip()) and ("meta", name) not in seen:
            seen.add(("meta", name))
            yield Hit(0, span_end, f'AI marker in a meta tag: <meta name="{name}" content="{content}">',
                      data={"where": "meta", "field": name, "value": content})


RULE = Rule(
    code="AI002",
    name="ai-disclosure-markup",
    category="ai-disclosure",
    severity="info",
    scopes=("markup",),
    summary="Machine-readable AI markers in an HTML page: IPTC digital source type values such as "
    "trainedAlgorithmicMedia in JSON-LD digitalSourceType or meta tags, and meta tags such as ai-generated=true.",
    rationale="A page that declares itself AI-generated in its metadata makes a provenance claim the editor must "
    "see, whether or not the visible text carries a notice.",
    flagged='<html><head><script type="application/ld+json">{"@type": "NewsArticle", "digitalSourceType": '
    '"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}</script></head>'
    "<body><p>Rates were left unchanged.</p></body></html>",
    not_flagged='<html><head><script type="application/ld+json">{"@type": "NewsArticle", "digitalSourceType": '
    '"http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}</script></head>'
    "<body><p>How newsrooms label AI-generated images.</p></body></html>",
    flagged_format="html",
    check=check,
)
