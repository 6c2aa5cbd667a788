"""Turn the words of a credit ("CNBC", "Dantri.com.vn", "AFP, EFE y Reuters") into Sources.

Shared by the source-list and citation-footer rules, so both name sources the
same way.
"""

from __future__ import annotations

import re

from auditor.findings import Source
from auditor.outlets import DOMAIN, canonical_name, domain_of, name_for_domain

# Words that join several sources in one credit, in the supported languages.
JOINERS = re.compile(
    r"\s*(?:[,;|/+&]|\s(?:and|y|e|et|und|và|dan|com|with|con|avec|mit)\s)\s*", re.IGNORECASE
)
URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
# Leading words that are not part of the name ("the", "from", "de la", "báo" ...).
LEADING_FILLER = re.compile(
    r"^(?:the|from|by|on|at|of|de|del|la|le|les|das|der|die|von|vom|báo|trang|tạp chí|kênh|situs|harian)\s+",
    re.IGNORECASE,
)
TRAILING_NOISE = re.compile(r"[\s.,:;!?()\[\]«»\"'“”‘’*_–—-]+$")
LEADING_NOISE = re.compile(r"^[\s.,:;!?()\[\]«»\"'“”‘’*_>#•·–—-]+")
MAX_NAME_WORDS = 6


def parse_credit(raw: str, role: str = "text") -> list[Source]:
    """Sources named in one credit; each part becomes a source when it looks like a name."""
    sources: list[Source] = []
    for url in URL.findall(raw):
        source = parse_name(url, role)
        if source:
            sources.append(source)
    remainder = URL.sub(" ", raw)
    for part in JOINERS.split(remainder):
        source = parse_name(part, role)
        if source:
            sources.append(source)
    return dedupe(sources)


def parse_name(raw: str, role: str = "text") -> Source | None:
    text = LEADING_NOISE.sub("", TRAILING_NOISE.sub("", raw.strip()))
    if canonical_name(text) is None:
        text = LEADING_FILLER.sub("", text).strip()
    if not text:
        return None
    domain_match = DOMAIN.fullmatch(text) or (DOMAIN.match(text) if text.lower().startswith(("http", "www.")) else None)
    if domain_match:
        written = domain_match.group(1)
        domain = written.lower()
        return Source(name_for_domain(domain, written), domain, role)
    words = text.split()
    if len(words) > MAX_NAME_WORDS or not any(ch.isalpha() for ch in text):
        return None
    # A name starts with a capital or a digit (dpa and epd are the exceptions the table knows).
    canonical = canonical_name(text)
    if canonical is None and not (text[0].isupper() or text[0].isdigit()):
        return None
    name = canonical or text
    return Source(name, domain_of(name), role)


def dedupe(sources: list[Source]) -> list[Source]:
    """Keep the first of each (name, role); a later domain fills an earlier gap."""
    by_key: dict[tuple[str, str], Source] = {}
    for source in sources:
        key = (source.name.lower(), source.role)
        known = by_key.get(key)
        if known is None:
            by_key[key] = source
        elif known.domain is None and source.domain:
            by_key[key] = Source(known.name, source.domain, known.role)
    return list(by_key.values())
