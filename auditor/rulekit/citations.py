"""Turn the words of a credit ("CNBC", "Dantri.com.vn", "AFP, EFE y Reuters") into Sources.

Shared by the source-list and citation-footer rules, so both name sources the
same way.
"""

from __future__ import annotations

import re

from auditor.findings import Source
from auditor.rulekit.outlets import DOMAIN, SOCIAL_PLATFORMS, canonical_name, domain_of, name_for_domain

# Words that join several sources in one credit, in the supported languages.
JOINERS = re.compile(
    r"\s*(?:[,;|/+&]|\s(?:and|y|e|et|und|và|dan|com|with|con|avec|mit)\s)\s*", re.IGNORECASE
)
# The same without "/": inside one credit item, "/" separates a person from an agency.
_ITEM_JOINERS = re.compile(r"\s*(?:[,;|+&]|\s(?:and|y|e|et|und|và|dan|com|with|con|avec|mit)\s)\s*", re.IGNORECASE)
# Inside one item, "/" and "via" chain a person to agencies: "Ali Jadallah/Anadolu via Getty Images".
_CHAIN = re.compile(r"\s*/\s*|\s+(?:via|vía|qua|über|melalui)\s+", re.IGNORECASE)
URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
# Leading words that are not part of the name ("the", "from", "de la", "báo" ...).
LEADING_FILLER = re.compile(
    r"^(?:the|from|by|on|at|of|de|del|la|le|les|das|der|die|von|vom|báo|trang|tạp chí|kênh|situs|harian)\s+",
    re.IGNORECASE,
)
TRAILING_NOISE = re.compile(r"[\s.,:;!?()\[\]«»\"'“”‘’*_–—-]+$")
LEADING_NOISE = re.compile(r"^[\s.,:;!?()\[\]«»\"'“”‘’*_>#•·©–—-]+")
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


# What may follow a name in a credit without being part of it: a gloss in brackets (closed or cut), a date or a
# year: "Süddeutsche Zeitung (paid", "AntaraFoto (Oky Lukmansyah)", "TTXVN (Thông tấn xã Việt Nam) - Ảnh tư liệu",
# "Welt 1999", "Süddeutsche Zeitung vom 07.01.2003".
TRAILING_GLOSS = re.compile(
    r"(?<=\w)\s*(?:\([^()\n]{1,40}(?:\)(?:\s+[-–—]\s+[^()\n]{1,30})?)?"
    r"|,?(?:\s+(?:vom|du|del|de|of|on|am|le|el|em))?\s+(?:(?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}))$")


def without_gloss(raw: str) -> str:
    return TRAILING_GLOSS.sub("", raw)


def parse_name(raw: str, role: str = "text") -> Source | None:
    text = LEADING_NOISE.sub("", TRAILING_NOISE.sub("", raw.strip()))
    if canonical_name(text) is None and TRAILING_GLOSS.search(text):
        text = TRAILING_NOISE.sub("", without_gloss(text))
    if canonical_name(text) is None:
        text = LEADING_FILLER.sub("", text).strip()
    if not text:
        return None
    # A known spelling wins over a domain reading ("W.POST" is The Washington Post, not a site "w.post").
    known = canonical_name(text)
    if known is not None:
        return Source(known, domain_of(known), role)
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


# Words that make a name an organisation rather than a person ("Bondy Blog", "NBC News").
ORGANISATION_WORDS = frozenset(
    "news times post press presse prensa imprensa agency agence agencia agência agentur images image photo photos "
    "foto fotos pictures media tv radio online daily journal report reports today network channel magazine "
    "studio studios group blog wire service dienst zeitung rundschau tagblatt nachrichten noticias notícias "
    "diario diário jornal journal revista berita pos harian báo tạp chí đài truyền hình kênh team center centre "
    "laboratory institute university ministry ministerio ministério office department".split()
)
# Words in a "Person/Agency" credit that name neither ("Markus Scholz/dpa/Archivbild").
# Portuguese and Spanish captions credit a picture to no one with "Foto: Reprodução/Redes Sociais", "Foto: Especial",
# "Divulgação" (a press handout), "Cortesía"; Indonesian with "Istimewa".
CREDIT_FILLER = frozenset(
    "archivbild symbolbild archiv archivfoto file handout archivo arquivo ilustrasi illustration screencap "
    "screenshot montage collage minh họa ảnh minh họa pool especial reprodução reproducción divulgação cortesía "
    "cortesia courtesy istimewa nvcc fbnv".split()
) | {"minh họa", "ảnh minh họa", "redes sociais", "redes sociales", "arquivo pessoal", "archivo personal", "tư liệu",
     "ảnh tư liệu"}
# Licences name no one: "Titelbild: Flickr, CC BY 2.0".
LICENCE = re.compile(r"^(?:cc[- ]?(?:by|0)\b|creative commons|public domain|gemeinfrei|dominio público|domínio público)", re.I)
_NAME_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*|[^\W\d_]\.)$")


def is_known(source: Source) -> bool:
    """A source the outlet table knows, or one written as a web domain."""
    return source.domain is not None


def looks_like_person(name: str) -> bool:
    """ "Drew Angerer", "Lê Ánh", "ĐĂNG TÀI" look like people; "Usnews", "NASA JPL", "Bondy Blog" do not.

    Credits name photographers and reporters beside agencies; a person is not an
    outlet.  Two to four name-shaped words, each capitalised (or a Vietnamese
    name in capitals), with no organisation word and not in the outlet table.
    """
    if canonical_name(name) is not None or DOMAIN.fullmatch(name.strip()):
        return False
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w.lower().strip(".,") in ORGANISATION_WORDS for w in words):
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    if all(w.isupper() for w in words):
        # Acronym pairs ("NASA JPL") are organisations; a capitalised name with
        # diacritics ("MỘC LAN" written "MỘC LAN") is a Vietnamese byline.
        return any(not w.isascii() for w in words)
    return all(w[0].isupper() and (len(w) == 2 and w[1] == "." or not w[1:].isupper()) for w in words)


def credit_sources(raw: str, role: str = "text", *, people: bool = False, social: bool = True) -> list[Source]:
    """Sources in a credit that may name people too ("Foto: Markus Scholz/dpa", "NASA JPL, Ed Olsen").

    Each item (split at commas, "and" ...) may be a "Person/Agency" chain: the
    known outlets in the chain are kept, else its last part that is not a person
    or a filler word.  People are dropped unless ``people`` is true; social
    platforms unless ``social`` is true.
    """
    found: list[Source] = []
    for item in _ITEM_JOINERS.split(URL.sub(lambda m: " " + m.group(0).replace("/", "\x00") + " ", raw)):
        parts = [p.replace("\x00", "/") for p in _CHAIN.split(item)]
        chain = [s for p in parts if p.strip() and p.strip().lower() not in CREDIT_FILLER for s in parse_credit(p, role)]
        chain = [s for s in chain if (people or not looks_like_person(s.name)) and not LICENCE.match(s.name)]
        if not social:
            chain = [s for s in chain if s.name not in SOCIAL_PLATFORMS]
        known = [s for s in chain if is_known(s)]
        found += known or chain[-1:]
    return dedupe(found)



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
