"""SRC002 citation-footer: credit lines, datelines and photo/video credits, and the sources they name.

Forms read, each into {name, domain, role}:

- labelled credits: "SOURCE: CNBC | PHOTO: REUTERS", "Foto: Markus Scholz/dpa", "Ảnh: Reuters.",
  "(Nguồn: AFP)", "Video: YouTube", "Bildquelle: Getty Images";
- lead-in credits: "Via ...", "Originally published at ...", "... appeared first on ...",
  "(Con información de ...)", "(*Com informações da ...)", "Mit Material von ...", "Avec AFP",
  "With reporting by ...", "Photo by ...", "Featured Image via ...", "Ảnh của ...";
- Vietnamese "Theo" credits at the end of an article: "Theo <author>" over an outlet line,
  "Theo <author> / <outlet>", "Theo <author> (<outlet>)", "(theo CNBC)";
- datelines: "Papendal (dpa) –", "(EFE).-", "Reuters.-", "(CNN) --", "JAKARTA, KOMPAS.com –";
- closing agency tags: "(APA/dpa, 1.11.2015)", "(Reuters, APA, red)", "/ AFP e EFE";
- picture credits without a label: "© Julia Steinbrecht (KNA)", a line "Name / Agency";
- known outlets at a line's edge: "ANTARA - …", "Nantes, France | AFP | …", "(Photo, AFP)", "( Ảnh: X (TTXVN) )",
  "…em 20 de janeiro.PATRICK SEMANSKY AP", "Copyright © ANTARA 2020", "© AP Photo / …", "Repórter da Agência
  Brasil"; a bracketed acronym opening the text ("(CLO) Khoảng …"); the linked site of a republication line
  that names none ("publié sur [mon blog](https://…)"); a credit closing a caption line, after a copyright
  sign, a bracket, a glued picture label, a byline word or in capitals ("… 2021 © Name/AFP", "… [Reuters/Name]",
  "… Von dpa | 08.02.2023", "… REUTERS - NAME").

From "Person/Agency" the agency is kept (a known outlet, else the last part); people are never
sources.  Inline attribution ("according to Reuters", "Theo Mark Zuckerberg, ..."), anonymous
sourcing and in-house credits ("red" = Redaktion) are not citations.

Boundary with SRC001 (source-list): a line that starts with a source heading ("Sources:",
"Source: X", "Nguồn:", "Quelle: X", "Video source:") and the list lines under it belong to
SRC001, unless the line carries another role label ("SOURCE: CNBC | PHOTO: REUTERS"), which is a
footer.  This rule skips every line a source list spans, so no line is reported twice.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace

from provenance_rules.source_list import source_lists

from auditor.document import BODY, BOILERPLATE, Document, Line
from auditor.findings import Hit, Source
from auditor.languages import pattern as cue_pattern
from auditor.languages import table as cue_table
from auditor.rule import Rule
from auditor.rulekit.citations import (
    CREDIT_FILLER,
    JOINERS,
    URL,
    credit_sources,
    dedupe,
    is_known,
    looks_like_person,
    parse_credit,
    parse_name,
    without_gloss,
)
from auditor.rulekit.lazy_regex import compile_later
from auditor.rulekit.outlets import (
    ALIASES,
    OUTLETS,
    SOCIAL_PLATFORMS,
    canonical_name,
    name_for_domain,
    registrable_domain,
)
from auditor.rulekit.phrases import PhraseTable

# -- labelled credits: a label, a colon, then the names ---------------------------------------
# (research/phrases.md, section D: "Photo: Screencap/Twitter" nymag.com, "Foto: Sean Gallup/Getty
# Images" freitag.de, "Bildquelle: Getty Images" Lebensmittelpraxis.de, "(Nguồn: AFP)" baoquocte.vn)
LABELS = {role: cue_table("CITATION", f"label_{role}") for role in ("photo", "video", "text")}

# -- lead-in credits: words that introduce the names, no colon ---------------------------------
# Republication lines name a site: people-shaped names are kept ("Personal Liberty").
# (phrases.md D: "This post originally appeared on Grist." salon.com, "originally published on
# coolimba and has been republished here with permission" chocolate.com; issue 14: "is republished
# from", "apareceu primeiro em", "paru dans", "im englischen Original auf", "A lire sur")
REPUBLISHED = cue_table("CITATION", "republished")
REPUBLISHED_LINE = cue_table("CITATION", "republished_line")  # only where a line begins
READ_ON = cue_table("CITATION", "read_on")
# A republication notice that names no outlet is still worth showing.
REPUBLISHED_NO_NAME = cue_table("CITATION", "republished_no_name")
# Agency credits: people named here are reporters, not sources ("Additional reporting by Steve
# Gorman" reuters.com; "(Con información de AFP, EFE y Reuters)" infobae.com; "Mit Material vom
# MDR" forstpraxis.de; "Com informações" campograndenews.com.br).
AGENCY_WITH = cue_table("CITATION", "agency_with")
# "Additional reporting by Steve Gorman in Los Angeles": reporters, with a place; only outlets the
# table knows are taken from these ("With reporting by Reuters").
REPORTING_BY = cue_table("CITATION", "reporting_by")
PHOTO_BY = cue_table("CITATION", "photo_by")
PHOTO_OF = cue_table("CITATION", "photo_of")
VIDEO_BY = cue_table("CITATION", "video_by")
# "via heise online News https://www.heise.de/" (IFTTT footers): only where a line begins.
VIA = cue_table("CITATION", "via_lead")

# Kinds of lead-in: (table, role, people kept as sources, where it may stand, known outlets only)
ANYWHERE, SEGMENT, LINE = "anywhere", "segment", "line"
LEAD_INS = (
    (REPUBLISHED, "text", True, ANYWHERE, False),
    (REPUBLISHED_LINE, "text", True, LINE, False),
    (AGENCY_WITH, "text", False, SEGMENT, False),
    (REPORTING_BY, "text", False, SEGMENT, True),
    (PHOTO_BY, "photo", False, SEGMENT, False),
    (PHOTO_OF, "photo", False, SEGMENT, True),
    (VIDEO_BY, "video", False, SEGMENT, False),
    (VIA, "text", True, LINE, False),
    (READ_ON, "text", False, ANYWHERE, False),
)



def _all_languages(table: PhraseTable, flags: int = re.IGNORECASE) -> PhraseTable:
    """One alternation for every language of a table: a credit's language is not the article's."""
    return PhraseTable({"any": [p for phrases in table.phrases.values() for p in phrases]}, flags=flags)


LABELS_ANY = {role: _all_languages(table) for role, table in LABELS.items()}
_ANY = {id(table): _all_languages(table) for table, *_ in LEAD_INS}
# The same objects as in LEAD_INS_ANY: the lead-in's message is looked up by its table.
LEAD_INS_ANY = tuple((_ANY[id(table)], *rest) for table, *rest in LEAD_INS)
REPUBLISHED_ANY, REPUBLISHED_LINE_ANY, AGENCY_WITH_ANY, REPORTING_BY_ANY, READ_ON_ANY = (
    _ANY[id(t)] for t in (REPUBLISHED, REPUBLISHED_LINE, AGENCY_WITH, REPORTING_BY, READ_ON))
REPUBLICATION_ANY = (REPUBLISHED_ANY, REPUBLISHED_LINE_ANY, READ_ON_ANY)  # lines that name where a text ran
REPUBLISHED_NO_NAME_ANY = _all_languages(REPUBLISHED_NO_NAME)
# Every lead-in phrase in one alternation: one pass over the text finds the few lines worth
# reading closely.  It runs on the lower-cased text, which is much faster than ignoring case.
_LEAD_IN_PHRASES = {"any": [p for table in (*(e[0] for e in LEAD_INS), REPUBLISHED_NO_NAME)
                            for phrases in table.phrases.values() for p in phrases]}
TRIGGERS_LOWER = PhraseTable(_LEAD_IN_PHRASES, flags=0)
TRIGGERS = PhraseTable(_LEAD_IN_PHRASES)  # for the rare text whose lower-casing changes its length
LABEL_REACH = 40  # a label sits right before its colon

# -- structure -----------------------------------------------------------------------------------
# Where a credit may begin: the line start (after a bullet or bracket), after "(", "[", "|", "/",
# "*", or right after the end of a sentence, glued or not ("...tragen.Foto: Swen Pfoertner/Reuters").
SEGMENT_START = compile_later(r"(?:^|[(\[|/*•·]|[.!?…\"”»)])\W{0,2}$")
LINE_START = compile_later(r"^\W{0,3}$")
SHORT_LINE_WORDS = 6  # "Le Monde avec AFP": an agency credit in the middle of a line that is only a credit
# Names run to the end of the segment: a closing bracket, a bar, a semicolon or the end of the line.
LICENCE_TAG = compile_later(r"\s*\(\s*(?:CC[\s-][^)]*|CC0|public domain|dominio público|domínio público|[^)]*licen[cs]\w*[^)]*)\)?\s*$",
                         re.IGNORECASE)
SEGMENT_END = compile_later(r"[)\]|;]|$")  # ";" parts "Reporting by X; Editing by Y"
SENTENCE_BREAK = compile_later(r"(?<![\s(/][A-ZÀ-Ỹ])\.(?:\s|$)|;|\s[-–—]\s")  # "M. Durand / AFP": an initial ends nothing
TITLE_SUFFIX = compile_later(r"\s+(?:dengan judul|with the title|under the title|con el título|com o título)\b.*$", re.I)
TRADEMARK = compile_later(r"[®™©]")

MAX_CREDIT_WORDS = 12

# Vietnamese "Theo" ("according to") as a credit, never as a quote attribution.
THEO_LINE = compile_later(r"^\W{0,3}Theo\s+(?P<who>[^,;:!?\n]{1,60}?)[.\s]*$")
THEO_PAREN = compile_later(r"\(\s*theo\s+(?P<who>[^()\n]{1,50}?)\s*\)", re.I)
THEO_END = compile_later(r"(?:(?<=[.!?…\"”])\s*|/\s*)Theo\s+(?P<who>[^,;:!?/\n]{1,50}?)[.\s]*$")
TAIL_LINES = 4  # "Theo <author>" over the outlet closes an article: within its last non-empty lines

# Datelines.  A parenthesised agency after an optional place, then ".-", a dash, or (for a known
# outlet) the first word glued on: "Papendal (dpa) –" tour-magazin.de, "(CNN)Hurricane ...".
# A second bracket may follow the agency's ("(EFE)(Imágenes: Felipe Borrego).-"). A colon or a full stop after
# the bracket ("SEOUL, September 27 (Reuters):", "Berlin (dpa). Die ...") is a weaker mark: see _datelines.
DATELINE_PAREN = compile_later(
    r"^\W{0,3}(?P<place>(?:[A-ZÀ-Ỹ0-9*][^()\n\"“”!?]{0,80}?)?)\s*\((?P<names>[^()\n]{1,40})\)(?:\([^()\n]{1,60}\))?"
    r"(?:(?P<mark>\s*\.-|\s*[-–—_]{1,2})(?=\s|$|[A-ZÀ-Ỹ])|(?P<weak>\s?:|\.(?=\s+[A-ZÀ-Ỹ]))(?=\s)"
    r"|(?P<glued>\s?(?=[A-ZÀ-Ỹ\"“])))"
)
# A site's name opens the text before a dash: "KOMPAS.com -", "jpnn.com - JAKARTA --", "WahanaNews.co, Jakarta -",
# "MUKOMUKO, bengkulu ekspress.com -". A web address in that place is the outlet by its shape, known or not.
DATELINE_DOMAIN = compile_later(
    r"^\W{0,3}(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’-]{1,30},\s*)?(?P<names>[\w-]+(?: [\w-]+)?(?:\.[A-Za-z]{2,6}){1,3})\.?"
    r"(?:,?\s*[A-ZÀ-Ỹ][\w .'’-]{1,30}?)?\s*[-–—]{1,2}\s*(?=\S)")
# EFE's dated form: "Veracruz (México), 8 dic (EFE).-", "Madrid, 3 ene (EFE) -": a place, a date, then the agency.
DATELINE_DATED = compile_later(
    r"^\W{0,3}[A-ZÀ-Ỹ][^()\n,]{0,40}(?:\s*\([^()\n]{1,30}\))?,\s*\d{1,2}\s+[^\W\d]{3,10}\.?(?:\s+\d{4})?\s*"
    r"\((?P<names>[^()\n]{1,40})\)\s*(?:\.-|[-–—]{1,2})")
DATELINE_DOT = compile_later(r"^\W{0,3}(?P<names>[A-ZÀ-Ỹ][\w&'’]+(?:\s[A-ZÀ-Ỹ][\w&'’]*){0,2})\.-\s")  # "Reuters.- Los"
DATELINE_COMMA = compile_later(r"^\W{0,3}(?P<place>[A-ZÀ-Ỹ][^\n(),.]{0,40}),\s*(?P<names>[\w.-]+(?:\s[\w.-]+)?)\s*[-–—]{1,2}\s")
PLACE_WORDS_MAX = 10
# The outlet first, then the place: "REPUBLIKA.CO.ID, JAKARTA --".
DATELINE_OUTLET_FIRST = compile_later(
    r"^\W{0,3}(?P<names>[A-Za-z0-9-]+(?:\.[A-Za-z]{2,6}){1,3}),\s*[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’-]{1,40}?\s*[-–—_]{1,2}\s")
# An agency written as an acronym in a dateline is an agency even when the table does not know it ("(APS) –").
ACRONYM = compile_later(r"^[A-ZÀ-Ỹ][A-ZÀ-Ỹ0-9&.]{1,7}(?: [A-ZÀ-Ỹ][A-ZÀ-Ỹ0-9&.]{1,9}){0,2}$")
# Picture credits closing a caption: "... Selasa (4/9). FOTO ANTARA/Fanny Octavianus/hp/07.",
# "... 18/10/2018. Reuters/Phil Stewart/File Photo (Ảnh minh họa) -": a known outlet heads the chain.
CAPTION_CHAIN = compile_later(
    r"(?:^|(?<=[.!?…\"”)]))\s*(?:(?:FOTO|PHOTO|Foto|Photo|Ảnh|Imagen|Image)\s+)?"
    r"(?P<chain>[^\s/.,;:()][^/\n.,;:()]{0,30}?(?:\s?/\s?[^/\n()]{1,40}?){1,4})"
    r"\.?(?:\s*\([^()\n]{0,30}\))?\s*[-–—]?\s*$")
# "Derechos de autor Ramon Espinosa (AP)", "Copyright Jane Doe (Reuters)": a person, then the agency.
RIGHTS_PERSON_AGENCY = compile_later(
    r"(?:©|\bcopyright\b|\bderechos de autor\b|\bdireitos autorais\b|\bbildrechte\b|\bhak cipta\b)\s*:?\s*"
    r"(?P<who>[^()\n©]{2,50}?)\s*\((?P<names>[^()\n]{1,30})\)\s*$", re.IGNORECASE)
# Wire copyright lines: "Copyright 2023 The Associated Press. All rights reserved.".
RIGHTS_RESERVED = cue_pattern("CITATION", "rights")
WIRE_COPYRIGHT = compile_later(
    r"(?:\bcopyright\b|©|\(c\))\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?\s*)?"
    r"(?P<names>[^\n©]{2,60}?)[\s.,]+(?=" + RIGHTS_RESERVED.pattern + ")", re.IGNORECASE)
# "The Guardian: <headline>" (a known outlet), "From Grist:" and "[Jane Doe / Grist]".
OUTLET_HEADLINE = compile_later(r"^\W{0,3}(?P<names>[^:\n]{2,40}?)\s?:\s+\S")
FROM_OUTLET = compile_later(r"^\W{0,3}(?:" + cue_pattern("CITATION", "from").pattern
                         + r")\s+(?P<names>[^:\n]{2,40}?)\s?:(?:\s|$)", re.IGNORECASE)
# A caption's credit in brackets, agency first: "(Anadolu Agency/Ali Demir)", "(Foto: Agencia Uno/Juan Pérez)".
# A caption may close on it after any word ("… le 15 novembre 2014 (AFP / Francisco Leong)"); AP's pages repeat
# the agency after it ("(AP Photo/Mike Stewart) AP"). The chain's head must read as an organisation either way.
PAREN_CHAIN = compile_later(r"(?:^|(?<=[.!?…\"”\s]))\s*\((?:©\s*\(?)?(?:(?:FOTO|PHOTO|Foto|Photo|Ảnh|Imagen|Image)\s*:?\s*)?"
                         r"(?P<chain>[^()/\n:]{2,40}?(?:\s?/\s?[^()/\n]{2,40}?){1,3})\)(?:\s+[A-Z]{2,5})?\s*\.?\s*$")
PHOTO_SUFFIX = compile_later(r"\s+(?:photos?|fotos?|images?|pictures?|bild)$", re.IGNORECASE)  # "AP Photo" is AP's credit
DOMAIN_NAME = compile_later(r"[\w-]+(?:\.[a-z]{2,6}){1,3}", re.IGNORECASE)  # "(merdeka.com/Arie Basuki)": a site's credit
ORG_WORD = compile_later(r"(?<!\w)(?:" + cue_pattern("CITATION", "org_word").pattern + r")(?!\w)", re.IGNORECASE)
BRACKET_CREDIT = compile_later(r"^\s*\[(?P<who>[^\[\]/\n]{2,40}?)\s*/\s*(?P<names>[^\[\]\n]{2,40}?)\]\s*$")
# "(RFI, 09/11/2018)" closing a headline: a known outlet and a date in brackets.
CLOSING_TAG_DATED = compile_later(r"\((?P<names>[^()\n,]{2,40}),\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\)\s*$")
# Bylines that name the agency the reporter worked with: "Por Oscar Valero con EFE".
BYLINE_WITH_AGENCY = compile_later(
    r"^\W{0,3}(?:" + cue_pattern("CITATION", "byline").pattern + r")\s+(?P<who>[^,\n]{2,50}?)\s+(?:"
    + cue_pattern("CITATION", "with_agency").pattern + r")\s+(?P<names>[^\n]{2,40}?)[.\s]*$", re.IGNORECASE)
LONE_OUTLET_WORDS = 4
# A byline that names the outlet: "par AFP FR", "Por G1 MA", "Article By Ayla Jean Yackley and Jonny Hogg, Reuters",
# "Deborah Hana Cardoso | Metrópoles". People are never the source; the outlet after them is.
BYLINE_OUTLET = compile_later(r"^\W{0,3}(?:(?:article|texto|texte|text|story|reportagem|reportaje)\s+)?(?:"
                           + cue_pattern("CITATION", "byline").pattern + r")\s+(?P<names>[^\n]{2,80}?)[.\s]*$",
                           re.IGNORECASE)
PERSON_BAR_OUTLET = compile_later(r"^\W{0,3}(?P<who>[A-ZÀ-Ỹ][\w.’'-]+(?: [A-ZÀ-Ỹ][\w.’'-]+){1,3})\s+[|·]\s+"
                               r"(?P<names>[^|·\n]{2,40}?)\s*$")
BYLINE_WORDS_MAX = 14
EDITION_TAG = compile_later(r"^(?P<head>.+?)(?:\s+[A-Z]{2,3})$")  # "AFP FR", "G1 MA": an outlet's edition
# Cheap first passes: words without which a rights line or a newsroom's boilerplate cannot stand.
RIGHTS_WORDS = ("rights", "derechos", "droits", "rechte", "hak cipta", "bản quyền", "direitos")
NEWSROOM_WORDS = ("profit", "independ", "partisan", "lucro", "lucratif", "gemeinnützig", "unabhängig",
                  "spendenfinanziert", "nirlaba", "độc lập", "lợi nhuận")
NEWSROOM_ABOUT = compile_later(r"^\W{0,3}(?P<names>[A-ZÀ-Ỹ0-9][\w&.’'-]*(?: [A-ZÀ-Ỹ0-9&][\w&.’'-]*){0,4})\s+(?:"
                            + cue_pattern("CITATION", "newsroom_about").pattern + r")", re.IGNORECASE)
# Where the names after a lead-in stop: a licence, a date, a "click here", "published on" (issue 14).
NAME_STOP = compile_later(
    r"(?:\s|(?=,))(?:" + cue_pattern("CITATION", "name_stop").pattern + r"|" + cue_pattern("CITATION", "licence").pattern
    + r")(?=\W|$)|[\s,]+(?:on )?(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"\w*\.? \d{1,2},? \d{4})", re.IGNORECASE)
NEWSPAPER_FILLER = compile_later(r"^(?:" + cue_pattern("CITATION", "newspaper_filler").pattern + r")\s+", re.IGNORECASE)
MARKDOWN_LINK = compile_later(r"\[([^\[\]\n]{1,80})\]\((?:https?://|www\.)[^)\s]*\)")
# "by David Hoang on Proof of Concept": the person wrote it, the outlet published it.
PERSON_ON_OUTLET = compile_later(r"^(?P<who>.+?)\s(?:on|at|in|auf|bei|sur|dans|en|em|no|na|di|trên|tại)\s(?P<outlet>.+)$")
# "(Video) - ..." and "(Update) -" open lines too; they are labels, not agencies.
NOT_AGENCY = frozenset(
    "video videos photo photos foto fotos update updated live clip ảnh hình ảnh cập nhật trực tiếp actualizado "
    "vivo en vivo direct aktualisiert eilmeldung breaking opinion analysis opinión análisis".split()
)

# A closing agency tag after the last sentence: "(APA/dpa, 1.11.2015)", "(Reuters, APA, red)",
# "(Agência Brasil)", and Estadão's "/ AFP e EFE".  Every name in it must be a known outlet.
CLOSING_TAG = compile_later(r"(?:^|(?<=[.!?…\"”»]))\s*\((?P<names>[^()\n]{2,60})\)\.?\s*$")
# Brackets that close a line, each naming an outlet: "… marketing (Europa Press) (Hosteltur).", or one after a date:
# "… New York 10/12/2012 (REUTERS)". At least one is known; the others must read as names.
TRAILING_BRACKETS = compile_later(r"(?:\s*\([^()\n]{2,40}\))+\.?\s*$")
# A credit closing a caption after its last sentence, without brackets: "… Tokio. AFP", "… death row. AFP PHOTO",
# "… on March 7. Arab 24 via AP", "… March 18. Omar Sanadiki - Reuters", "… 2019 Reuters/Luc Gnago",
# "… Getty Images". Every part must read as a name and one must be a known outlet; people are dropped.
CLOSING_CHAIN_CHARS = 60
SENTENCE_CLOSERS = '.!?…"”)'
FORBIDDEN_IN_CHAIN = frozenset('()"“”.!?…')
CHAIN_MARKS = ("/", " via ", " vía ", " über ", " qua ", " - ", " – ", " — ")  # a caption's credit line has one
BARE_PARTS = compile_later(r"\s+(?:via|vía|über|qua)\s+|\s+[-–—]\s+|\s*/\s*", re.IGNORECASE)
LEADING_YEAR = compile_later(r"^(?:©\s*)?(?:(?:19|20)\d\d\s+)")
# An agency's sign-off on a line of its own: "-- BERNAMA", "--Antara".
SIGN_OFF = compile_later(r"^\s*[-–—]{1,2}\s*(?P<names>[^\n]{2,40}?)\s*\.?\s*$")
# Editors' initials, then the agency: "als/mes/cte/gud/dpa", "(boy/jpnn)".
INITIALS_TAG = compile_later(r"(?:^|(?<=[.!?…\"”»]))\s*(?P<open>\()?(?:[a-z]{2,4}\s?/\s?)+(?P<names>[a-z][\w.-]{1,20})(?(open)\))\.?\s*$")
NOT_INITIALS = frozenset("or and oder ou atau hoặc und et".split())  # "(and/or)" is no credit
# "© Radio France", "© imago" closing a caption: a known outlet after the sign, no year, no rights.
COPYRIGHT_END = compile_later(r"©\s*(?P<names>[^©()\n\d]{2,40}?)\s*$")
# A press clipping's source line: the outlet and the date it appeared ("FAZ, 08.03.2003", "KOMPAS, 28 April 2017",
# "Revista Veja 05/08/2013", "Nuevo Diario. 27/02/1968. Páginas: 1").
CLIPPING = compile_later(r"^\W{0,3}(?P<names>[^\d\n,.;:]{2,40}?)[,.]?\s+(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\.?\s+[^\W\d]+\s+(?:19|20)\d\d)\b")
# The outlet a reporter's line names under the byline: "Do G1 AC", "Da Agência Brasil".
FROM_OUTLET_LINE = compile_later(r"^\W{0,3}(?:do|da|dos|das|de la|del|from|von|vom|du|de)\s+(?P<names>[^\n]{2,40}?)\s*\.?\s*$", re.I)
CLOSING_SLASH = compile_later(r"(?:^|(?<=[.!?…\"”»)]))\s*/\s*(?P<names>[^/\n]{2,60}?)\s*$")
TAG_PARTS = compile_later(r"\s*(?:[/,;]|\s[-–—]\s|\s(?:e|y|und|et|and|dan|và)\s)\s*", re.I)
DATE_LIKE = compile_later(r"^[\d\s./:-]+$")

LINKED_URL = compile_later(r"https?://(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
LINK_REACH = 160  # the link follows the lead-in within the line's credit, not a paragraph later
PERSON_THEN_AGENCY = compile_later(r"^[^()\n]{2,40}?\s\((?P<agency>[^()\n]{2,20})\)?$")
# Credits at a line's edges that name a known outlet (read from round 5's design lines, eighth session). Only
# known outlets count in these positions: "LEBAK –" and "SEOUL --" open lines the same way and name a place.
# An outlet before a dash or between bars opening the text: "ANTARA - Kapolda …", "Nantes, France | AFP | He …".
OUTLET_OPENER = compile_later(r"^\W{0,3}(?:[^|\n]{2,40}?\s\|\s)?(?P<names>[^\W\d_][^|·\n–—\d-]{0,30}?)\s*(?:-{1,2}|[–—]|\|)\s+"
                           r"(?=(?:\S+\s+){4})")  # a sentence follows, not a menu ("The Guardian - Back to home")
# A picture label and its credit in brackets closing a caption, with the label's own punctuation: "(Photo, AFP)",
# "(Photo : R. Gabalda / AFP)", "( Ảnh: TRÍ DŨNG (TTXVN) )". The agency is the outlet; a photographer is not.
PAREN_LABEL = compile_later(r"\(\s*(?P<label>[^\W\d_]{2,12})\s*[:,]\s*(?P<names>[^()\n]{2,60}?)"
                         r"(?:\s*\((?P<inner>[^()\n]{2,20})\))?\s*\)\.?\s*$")
# A credit in capitals glued to a caption's last full stop: "… em 20 de janeiro.PATRICK SEMANSKY AP",
# "… de São Paulo.NELSON ANTOINE FRAMEPHOTO/ESTADÃO CONTEÚDO".
GLUED_CAPS_CREDIT = compile_later(r"(?<=[^\W_]{2}[.!?])(?P<credit>[A-ZÀ-Ỹ][A-ZÀ-Ỹ'’.-]+(?:[ /][A-ZÀ-Ỹ][A-ZÀ-Ỹ'’.-]*){0,6})\s*$")
# A copyright line of its own naming a known outlet, with or without a year or rights: "Copyright © ANTARA 2020",
# "COPYRIGHT © ANTARA News Jawa Timur 2014"; and a picture's copyright opening a caption: "© AP Photo / Emilio
# Morenatti", "© Sputnik / Ramil Sitdikov / …".
COPYRIGHT_LINE = compile_later(r"^\W{0,3}(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d\d\s+)?"
                            r"(?P<names>[^\n©\d/|·]{2,50}?)(?:,?\s+(?:19|20)\d\d)?[\s.]*$", re.IGNORECASE)
COPYRIGHT_OPENER = compile_later(r"^\W{0,2}©\s*(?P<names>[^/\n©\d]{2,30}?)\s*/\s*\S")
# A reporter's line naming the outlet: "Repórter da Agência Brasil", "Staff writer for The Guardian".
STAFF_OF = compile_later(r"^\W{0,3}(?:" + cue_pattern("CITATION", "staff_of").pattern + r")\s+(?P<names>[^,;\n]{2,40}?)[.\s]*$",
                      re.IGNORECASE)
KNOWN_PREFIX_WORDS = 3  # "ANTARA News Jawa Timur": the outlet is the first words, the edition follows
# Where a credit may begin inside a caption line, with nothing but the credit after it: a copyright sign or an
# opening bracket; a picture label glued to the caption ("…de 2025Foto: …"); a byline word in capitals inside
# the line ("… um Einfluss Von dpa | 08.02.2023"); a run of words in capitals closing the line ("… 17/06/2020
# REUTERS - KIM HONG-JI"); a sentence's end ("… del mundo. fotos Reuters"). Labels and byline words come from
# the language files (CITATION's label_photo and byline).
BYLINE_WORDS = tuple(dict.fromkeys(word for items in cue_table("CITATION", "byline").phrases.values() for word in items))
TAIL_CREDIT_START = compile_later(
    r"©|[(\[]|(?<=[^\W_])(?=(?i:" + cue_pattern("CITATION", "label_photo").pattern + r")\s*:)"
    r"|(?<![^\s])(?=(?:" + "|".join(word[:1].upper() + word[1:] for word in BYLINE_WORDS) + r")\s)"
    r"|(?<=\s)(?=[A-ZÀ-Ỹ]{2,}(?:[\s/|–—-]+[A-ZÀ-Ỹ][A-ZÀ-Ỹ'’.-]*)+\W*$)|(?<=[.!?…])\s")
TAIL_CREDIT_PARTS = compile_later(r"\s*(?:[/|–—©]|\s-\s)\s*")
LISTING_COMMA = compile_later(r",(?!\s*\d)")  # "(AFP, Reuters, AP)" lists outlets; a credit's comma precedes a date
TAIL_CREDIT_WORDS_MAX = 8
TAIL_CREDIT_CHARS = 90  # eight words of a credit: where to look for its start
# A line's last word, as a tail credit's words are cut (white space, "/", "|"), and after an opening bracket (a
# credit holds no bracket, so one that ends the line begins after it).
TAIL_LAST_WORD = compile_later(r"[^\s/|(\[]*$")
# Every word of a known outlet's name, in lower case: the only lower-case words a tail credit may hold besides a
# credit's own words.
OUTLET_NAME_WORDS = frozenset(word.lower() for name in (*OUTLETS, *ALIASES.values()) for word in name.split())
TRAILING_DATE_TIME = compile_later(r"[\s,]+[\d][\d/.:-]*(?:\s+[\d][\d/.:-]*)*$")  # "By AFP 03-07-23 22:18"
IN_HOUSE = frozenset({"red", "red.", "redaktion", "redacción", "redação", "rédaction", "redaksi", "tim redaksi"})

# Picture credits without a label.
COPYRIGHT_AGENCY = compile_later(r"©\s*(?P<who>[^()\n©]{0,50}?)\s*\((?P<names>[^()\n]{1,30})\)")
COPYRIGHT_NOTICE = compile_later(r"\b(?:19|20)\d\d\b|rights|rechte|droits|derechos|direitos|hak cipta|bản quyền", re.I)
BARE_CREDIT = compile_later(r"^\s*[^/\n]{2,40}(?:\s?/\s?[^/\n]{2,40}){1,3}\s*$")
BARE_CREDIT_WORDS_MAX = 8
LINK = compile_later(r"://|www\.|\.[a-z]{2,}/", re.I)  # a bare link is not a credit
# In a credit chain a site may head it: "(merdeka.com/Arie Basuki)" is the site, then its photographer.
CHAIN_LINK = compile_later(r"://|[Ww]{3}\.|\.[a-z]{2,}/(?![A-ZÀ-Ỹ])")
# Words that may stand lower-case inside a name ("Direto das Ruas", "Ministerio de Salud").
NAME_PARTICLES = frozenset("de del da das do dos la las le les el of the and for van von der den du di y e et und".split())


def check(document: Document) -> Iterator[Hit]:
    taken = [(h.start, h.end) for h in source_lists(document)]
    chrome = _Spans(_page_chrome(document))
    lines = document.lines
    line_starts = [line.start for line in lines]
    lowered = document.text.lower()
    triggers = TRIGGERS_LOWER.finditer(lowered) if len(lowered) == len(document.text) else TRIGGERS.finditer(document.text)
    triggered = {bisect_right(line_starts, m.start) - 1 for m in triggers}
    non_empty = [i for i, line in enumerate(lines) if line.text.strip()]
    tail = set(non_empty[-TAIL_LINES:])
    used_next: set[int] = set()
    for index, line in enumerate(lines):
        if index in used_next or not line.text.strip():
            continue
        if any(start < line.end and line.start < end for start, end in taken) or chrome.holds(line):
            continue
        hits = list(_line_hits(line, index in triggered))
        # The edge forms read only what no other form read: they add credits, they do not re-read one.
        hits += [h for h in _edge_credits(line) if not any(h.start < o.end and o.start < h.end for o in hits)]
        lone = _lone_outlet(lines, index)
        if lone is not None:
            hits.append(lone)
        theo = _theo(lines, index, tail, non_empty)
        if theo is not None:
            hit, consumed = theo
            hits.append(hit)
            used_next.update(consumed)
        yield from _merge_segments(line, list(_without_overlaps(hits)))


def _line_hits(line: Line, triggered: bool) -> Iterator[Hit]:
    text = line.text
    if ":" in text:
        yield from _labelled(line)
    if triggered:
        yield from _lead_ins(line)
    if "(" in text[:130] or ".-" in text[:40] or "," in text[:50] or _domain_then_dash(text):
        yield from _datelines(line)
    yield from _closing_tags(line)  # cheap tests inside decide which forms to try
    yield from _structural_credits(line)
    if "/" not in text and "©" not in text:
        return
    copyright_match = COPYRIGHT_AGENCY.search(text) if "©" in text else None
    if copyright_match and not COPYRIGHT_NOTICE.search(text):
        found = [s for s in _agency_parts(copyright_match.group("names"), "photo") if is_known(s)]
        if found:
            yield _hit(line, copyright_match.start(), copyright_match.end(), "picture credit", found)
    if (BARE_CREDIT.match(text) and len(text.split()) <= BARE_CREDIT_WORDS_MAX and not SENTENCE_BREAK.search(text)
            and not LINK.search(text) and not INITIALS_TAG.match(text)):  # "mik/rad/dpa" is an agency's footer
        found = [s for s in credit_sources(text, "photo", social=False) if is_known(s)]
        if found:
            stripped = len(text) - len(text.lstrip())
            yield _hit(line, stripped, len(text.rstrip()), "picture credit", found)


def _labelled(line: Line) -> Iterator[Hit]:
    text = line.text
    previous = 0
    for colon_at in (m.start() for m in re.finditer(":", text)):
        yield from _labels_before(line, colon_at, max(previous, colon_at - LABEL_REACH))
        previous = colon_at + 1


def _labels_before(line: Line, colon_at: int, reach: int) -> Iterator[Hit]:
    text = line.text
    for role, table in LABELS_ANY.items():
        for label in table.finditer(text, reach, colon_at + 1):
            colon = re.match(r"\s?:\s*", text[label.end :])
            if not colon:
                continue
            at_segment_start = bool(SEGMENT_START.search(text[: label.start]))
            # A capitalised picture label may close a caption with no full stop before it
            # ("... ở Hà Nội Video: Hoilaixe"), provided the credit runs to the end of the line.
            names_start = label.end + colon.end()
            names_end = _segment_end(text, names_start)
            raw = text[names_start:names_end]
            # "Foto: Scott Webb | Pexels": a short name after the bar, with no label of its own, continues the
            # credit as the photographer's agency ("SOURCE: CNBC | PHOTO: REUTERS" keeps its two labels).
            if text[names_end : names_end + 1] == "|":
                tail_end = SEGMENT_END.search(text, names_end + 1).start()
                tail = text[names_end + 1 : tail_end].strip(" .")
                if tail and ":" not in tail and len(tail.split()) <= 3 and tail[0].isupper():
                    raw, names_end = f"{raw.strip()} / {tail}", tail_end
            closes_line = not text[names_end:].strip(" .)]")
            if not at_segment_start and not (role != "text" and label.text[0].isupper() and closes_line):
                continue
            found = _agency_in_brackets(raw, role) or _names(raw, role, people=False)
            if found:
                what = {"photo": "photo credit", "video": "video credit", "text": "source credit"}[role]
                yield _hit(line, label.start, _trim_end(text, names_end), what, found)


def _linked_site(text: str, start: int) -> list[Source]:
    """The site a republication line links to when its words name none ("my blog"): the link's domain."""
    match = LINKED_URL.search(text, start, start + LINK_REACH)
    if match is None:
        return []
    domain = registrable_domain(match.group("host"))
    return [Source(name_for_domain(domain, domain), domain, "text")]


def _agency_in_brackets(raw: str, role: str) -> list[Source]:
    """The agency bracketed after the photographer ("Ảnh: TRÍ DŨNG (TTXVN)"): a known outlet or an acronym."""
    match = PERSON_THEN_AGENCY.match(raw.strip())
    if match is None or match.group("agency").strip().lower() in NOT_AGENCY:
        return []
    return [s for s in _agency_parts(match.group("agency"), role) if is_known(s) or ACRONYM.match(s.name)]


def _lead_ins(line: Line) -> Iterator[Hit]:
    text = line.text
    credited = False
    for table, role, people, place, known_only in LEAD_INS_ANY:
        for phrase in table.finditer(text):
            before = text[: phrase.start]
            names_end = _segment_end(text, phrase.end)
            stop = NAME_STOP.search(text, phrase.end, names_end)
            if stop and stop.start() > phrase.end:
                names_end = stop.start()
            if known_only:
                found = [s for s in credit_sources(text[phrase.end : names_end], role) if is_known(s)]
            else:
                found = _names(text[phrase.end : names_end], role, people=people)
            if not found and table in REPUBLICATION_ANY:
                found = _linked_site(text, phrase.end)  # "publié sur [_mon blog_](https://zellwk.com/…)"
            if place == LINE and not LINE_START.search(before):
                continue
            if place == SEGMENT and not SEGMENT_START.search(before):
                # Mid-line only when the whole line is a short credit ("Le Monde avec AFP"),
                # and then only for outlets the table knows.
                closes_line = not text[names_end:].strip(" .)]")
                if not (closes_line and len(text.split()) <= SHORT_LINE_WORDS):
                    continue
                found = [s for s in found if is_known(s)]
            if found:
                credited = True
                what = {REPUBLISHED_ANY: "republication credit", REPUBLISHED_LINE_ANY: "republication credit",
                        AGENCY_WITH_ANY: "agency credit",
                        REPORTING_BY_ANY: "agency credit", READ_ON_ANY: "republication credit"}.get(table, f"{role} credit")
                yield _hit(line, phrase.start, _trim_end(text, names_end), what, found)
    if not credited:
        notice = REPUBLISHED_NO_NAME_ANY.search(text)
        if notice:
            yield Hit(line.start + notice.start, line.start + notice.end,
                      "republication notice: the article is republished (it names no outlet)")


def _datelines(line: Line) -> Iterator[Hit]:
    text = line.text
    match = DATELINE_PAREN.match(text)
    if match and len(match.group("place").split()) <= PLACE_WORDS_MAX and match.group("weak"):
        # After a colon or a full stop only a known outlet, or an acronym after a dated place
        # ("Seoul, September 26 (IANS):"), is an agency: "Angela Merkel (CDU). Sie ..." names a party.
        place = match.group("place").strip()
        dated = any(ch.isdigit() for ch in place)
        found = [s for s in _agency_parts(match.group("names"), "text")
                 if is_known(s) or (dated and ACRONYM.match(s.name) and not looks_like_person(s.name))]
        if found:
            yield _hit(line, match.start("names") - 1, match.end("names") + 1, "dateline", found)
        return
    if match and len(match.group("place").split()) <= PLACE_WORDS_MAX:
        place = match.group("place").strip()
        # "Hannover (dts Nachrichtenagentur) –": an agency word makes the bracket an agency, known or not.
        strong = bool(match.group("mark")) and (".-" in match.group("mark") or not place or _is_caps(place)
                                                or bool(ACRONYM.match(match.group("names").strip()))
                                                or bool(ORG_WORD.search(match.group("names")))
                                                or bool(LOWER_AGENCY.match(match.group("names").strip())))
        # "(CLO) Khoảng thời gian …": an acronym in brackets opening the text, the sentence glued on, is the outlet's
        # dateline; a place never stands in brackets there.
        strong = strong or (match.group("glued") is not None and not place and _agency_acronym(match.group("names")))
        parts = _agency_parts(match.group("names"), "text")
        found = [s for s in parts if is_known(s) or (strong and not looks_like_person(s.name))]
        if not found and strong:
            found = _lower_case_agency(match.group("names"))
        if found:
            yield _hit(line, match.start("names") - 1, match.end("names") + 1, "dateline", found)
        return
    match = DATELINE_DATED.match(text)
    if match:
        found = _agency_parts(match.group("names"), "text")
        if found:
            yield _hit(line, match.start("names") - 1, match.end("names") + 1, "dateline", found)
            return
    match = DATELINE_DOT.match(text)
    if match:
        found = _agency_parts(match.group("names"), "text")
        if found:
            yield _hit(line, match.start("names"), match.end("names") + 2, "dateline", found)
        return
    match = DATELINE_COMMA.match(text)
    if match:
        found = [s for s in _agency_parts(match.group("names"), "text") if is_known(s)]
        if found:
            yield _hit(line, match.start(), match.end("names"), "dateline", found)
            return
    match = DATELINE_OUTLET_FIRST.match(text)
    if match:
        found = [s for s in _agency_parts(match.group("names"), "text") if is_known(s)]
        if found:
            yield _hit(line, match.start("names"), match.end(), "dateline", found)
            return
    match = DATELINE_DOMAIN.match(text) if _domain_then_dash(text) else None
    if match:
        written = match.group("names")
        # "bengkulu ekspress.com": the site's name as the page writes it, its address without the space.
        source = parse_name(written) or Source(written, written.replace(" ", "").lower(), "text")
        if source.name not in SOCIAL_PLATFORMS:
            yield _hit(line, match.start("names"), match.end("names"), "dateline", [source])


def _agency_acronym(names: str) -> bool:
    names = names.strip()
    return bool(ACRONYM.match(names)) and " " not in names and names.lower() not in NOT_AGENCY


def _domain_then_dash(text: str) -> bool:
    """Cheap test for DATELINE_DOMAIN: a dot, then a dash, near the line's start ("KOMPAS.com -")."""
    dot = text.find(".", 0, 60)
    return dot >= 0 and any(text.find(dash, dot, 90) >= 0 for dash in "-–—")


def _structural_credits(line: Line) -> Iterator[Hit]:
    """Credits known by where they stand: a caption's end, a copyright line, a headline's label or brackets."""
    text = line.text
    if "/" in text:
        match = CAPTION_CHAIN.search(text)
        if match and not CHAIN_LINK.search(match.group("chain")):
            head = parse_name(re.split(r"\s?/\s?", match.group("chain"))[0], "photo")
            if head is not None and _organisation(head):
                found = [s for s in credit_sources(match.group("chain"), "photo", social=False) if _organisation(s)]
                if found:
                    yield _hit(line, match.start("chain"), len(text.rstrip()), "picture credit", found)
        match = PAREN_CHAIN.search(text) if "(" in text else None
        if match and not CHAIN_LINK.search(match.group("chain")):
            head = parse_name(PHOTO_SUFFIX.sub("", re.split(r"\s?/\s?", match.group("chain"))[0]), "photo")
            if head is not None and _organisation(head):
                yield _hit(line, match.start("chain"), len(text.rstrip()), "picture credit", [head])
    if "(" in text:
        match = RIGHTS_PERSON_AGENCY.search(text)
        if match:
            found = [s for s in _agency_parts(match.group("names"), "photo")
                     if is_known(s) or ACRONYM.match(s.name)]
            if found:
                yield _hit(line, match.start(), len(text.rstrip()), "picture credit", found)
        match = CLOSING_TAG_DATED.search(text)
        if match:
            source = parse_name(match.group("names"))
            if source is not None and is_known(source):
                yield _hit(line, match.start(), len(text.rstrip()), "agency credit", [source])
    lowered = text.lower()
    if any(word in lowered for word in RIGHTS_WORDS) and RIGHTS_RESERVED.search(text):
        match = WIRE_COPYRIGHT.search(text)
        if match:
            # A wire's copyright names the agency; a site's own footer ("© 2024 Harbor Daily Press") is not a credit.
            found = [s for s in _names(match.group("names"), "text", people=False) if is_known(s)]
            if found:
                yield _hit(line, match.start(), match.end("names"), "wire copyright", found)
    if ":" in text[:45]:
        match = FROM_OUTLET.match(text)
        if match:
            found = _names(match.group("names"), "text", people=False)
            if found:
                yield _hit(line, match.start(), match.end("names"), "credit", found)
        else:
            match = OUTLET_HEADLINE.match(text)
            source = parse_name(match.group("names")) if match else None
            if source is not None and is_known(source) and source.name not in SOCIAL_PLATFORMS:
                yield _hit(line, match.start("names"), match.end("names"), "credit", [source])
    if text.lstrip().startswith("["):
        match = BRACKET_CREDIT.match(text)
        if match:
            found = _names(match.group("names"), "text", people=False)
            if found:
                yield _hit(line, match.start(), len(text.rstrip()), "credit", found)
    match = NEWSROOM_ABOUT.match(text) if any(word in lowered for word in NEWSROOM_WORDS) else None
    if match:
        found = _names(match.group("names"), "text", people=False)
        if found:
            yield _hit(line, match.start("names"), match.end("names"), "newsroom boilerplate", found)
    match = BYLINE_WITH_AGENCY.match(text) if len(text) <= 120 else None
    if match:
        found = [s for s in credit_sources(match.group("names"), "text") if is_known(s)]
        if found:
            yield _hit(line, match.start(), len(text.rstrip()), "agency credit", found)
            return
    if len(text) <= 200 and len(text.split()) <= BYLINE_WORDS_MAX:
        yield from _byline_outlet(line)


def _edge_credits(line: Line) -> Iterator[Hit]:
    """Known outlets where a credit stands at a line's edge: an opening dateline, a picture label in closing
    brackets, a credit glued in capitals to the last full stop, a reporter's staff line, a copyright line, a credit
    closing a caption line."""
    found: list[Hit] = []
    for form in (_outlet_opener, _bracketed_label, _glued_capitals, _staff_line, _copyright_line, _tail_credit):
        hit = form(line)
        # The forms are read in order; a later one does not re-read what an earlier one read.
        if hit is not None and not any(hit.start < other.end and other.start < hit.end for other in found):
            found.append(hit)
            yield hit


def _outlet_opener(line: Line) -> Hit | None:
    head = line.text[:45]
    if not ("-" in head or "–" in head or "—" in head or "|" in head):
        return None
    match = OUTLET_OPENER.match(line.text)
    source = _known_outlet(match.group("names")) if match else None
    if source is None or source.name in SOCIAL_PLATFORMS:
        return None
    return _hit(line, match.start("names"), match.end("names"), "dateline", [source])


def _bracketed_label(line: Line) -> Hit | None:
    tail = line.text.rstrip()
    match = PAREN_LABEL.search(line.text) if tail.endswith((")", ").")) else None
    if match is None or not _is_photo_label(match.group("label")):
        return None
    inner = match.group("inner")
    found = ([s for s in _agency_parts(inner, "photo") if is_known(s) or ACRONYM.match(s.name)] if inner
             else [s for s in credit_sources(match.group("names"), "photo", social=False) if is_known(s)])
    return _hit(line, match.start(), len(tail), "picture credit", found) if found else None


def _glued_capitals(line: Line) -> Hit | None:
    text, tail = line.text, line.text.rstrip()
    match = GLUED_CAPS_CREDIT.search(text) if tail[-1:].isupper() else None
    before = text[match.start() - 2] if match else ""
    if match is None or not (before.islower() or before.isdigit()):  # a caption's last word, then the credit: not "RP.PL"
        return None
    credit = match.group("credit")
    # "FRAMEPHOTO/ESTADÃO CONTEÚDO": after the slash the agency, known or not; else a known outlet ends it.
    found = ([s for s in [parse_name(credit.rpartition("/")[2], "photo")] if s is not None] if "/" in credit
             else [replace(s, role="photo") for s, _ in [_known_suffix(credit)] if s is not None])
    return _hit(line, match.start("credit"), len(tail), "picture credit", found) if found else None


def _staff_line(line: Line) -> Hit | None:
    match = STAFF_OF.match(line.text) if len(line.text) <= 80 else None
    source = _known_outlet(match.group("names")) if match else None
    return _hit(line, match.start("names"), match.end("names"), "byline credit", [source]) if source else None


def _copyright_line(line: Line) -> Hit | None:
    text = line.text
    if not ("©" in text[:20] or text.lstrip()[:9].lower() == "copyright"):
        return None
    match = COPYRIGHT_LINE.match(text) or COPYRIGHT_OPENER.match(text)
    names = match.group("names").strip() if match else ""
    source = _known_prefix(PHOTO_SUFFIX.sub("", names)) if match else None
    if source is None:
        return None
    # "© AP Photo / …" credits a picture; a copyright line of its own credits the text.
    role = "photo" if PHOTO_SUFFIX.search(names) or match.re is COPYRIGHT_OPENER else "text"
    return _hit(line, match.start("names"), match.end("names"), "copyright credit", [replace(source, role=role)])


def _tail_credit(line: Line) -> Hit | None:
    """A known outlet in a credit that closes a caption line: "… 2021 © Seyllou/AFP", "… [Reuters/Kim Hong Ji]",
    "… (BELGA PHOTO DIRK WAEM)", "… 2025Foto: Mauro Pimentel/AFP", "… Von dpa | 08.02.2023, 12:13 Uhr".
    The credit is the text after the earliest place a credit may begin (TAIL_CREDIT_START) that holds names
    only: no word in lower case but a known outlet's or a credit's own words, no list of outlets, at most
    TAIL_CREDIT_WORDS_MAX words. A sentence that names an outlet ("according to Reuters") has lower-case words."""
    text = line.text.rstrip()
    # Every candidate credit ends with the line's last word: one in lower case that no credit may hold rules the
    # line out before the start pattern scans it (most lines end a sentence in lower case). Not when a credit may
    # begin inside the word (after ©, or at a picture label glued to a caption: "2025Foto:AFP") or it may be a domain.
    last = TAIL_LAST_WORD.search(text.rstrip(" .)]")).group()
    if (last[:1].islower() and not any(mark in last for mark in ".©:") and not _credit_word(last)
            and last.lower() not in OUTLET_NAME_WORDS):
        return None
    for start in TAIL_CREDIT_START.finditer(text, max(0, len(text) - TAIL_CREDIT_CHARS)):
        rest = text[start.end():]
        tail = rest.strip(" .)]")
        words = tail.replace("/", " ").replace("|", " ").split()
        if not words or len(words) > TAIL_CREDIT_WORDS_MAX or "(" in tail or "[" in tail:
            continue
        if LISTING_COMMA.search(tail):
            continue
        if start.group(0) == "(" and len(words) == 1 and text[:start.start()].rstrip()[-1:].isalpha():
            continue  # "… de l'Agence France Presse (AFP).": the name's abbreviation, not a credit
        parts = [p for p in TAIL_CREDIT_PARTS.split(tail) if p and not p[0].isdigit()]
        found = []
        for part in parts:
            named = [w for w in part.split() if not _credit_word(w)]
            source = (_known_outlet(" ".join(named)) or _known_end(named, first=True)[0]
                      or _known_end(named, first=False)[0])
            if source is not None and source.name not in SOCIAL_PLATFORMS:
                found.append(source)
        outlet_words = {w.lower() for source in found for w in source.name.split()}
        if not found or any(w[:1].islower() and not _credit_word(w) and w.lower() not in outlet_words
                            for w in words if not w[:1].isdigit()):
            continue
        byline = start.group(0) == "" and tail.split()[0].lower() in BYLINE_WORDS
        role = "text" if byline else "photo"
        begin = start.end() + len(rest) - len(rest.lstrip(" .)]"))
        return _hit(line, begin, begin + len(tail), "byline credit" if byline else "picture credit",
                    [replace(source, role=role) for source in found])
    return None


def _credit_word(word: str) -> bool:
    """A credit's own word besides names: a picture label ("Foto:", "PHOTO") or a byline word ("Von")."""
    word = word.strip(":")
    return word.lower() in BYLINE_WORDS or _is_photo_label(word)


def _is_photo_label(word: str) -> bool:
    return any(m.start == 0 and m.end == len(word) for m in LABELS_ANY["photo"].finditer(word))


def _known_prefix(raw: str) -> Source | None:
    """The known outlet the first words of a name are ("ANTARA News Jawa Timur" -> Antara)."""
    return _known_end(raw.split(), first=True)[0]


def _known_suffix(raw: str) -> tuple[Source | None, str]:
    """The known outlet the last words of a credit are, and the words before them ("PATRICK SEMANSKY AP" -> AP,
    "PATRICK SEMANSKY")."""
    source, rest = _known_end(raw.split(), first=False)
    return source, rest if source is not None else raw


def _known_end(words: list[str], *, first: bool) -> tuple[Source | None, str]:
    """The longest run of up to KNOWN_PREFIX_WORDS words at one end that is a known outlet (not a share
    platform), and the other words."""
    for count in range(min(len(words), KNOWN_PREFIX_WORDS), 0, -1):
        part, rest = (words[:count], words[count:]) if first else (words[-count:], words[:-count])
        source = _known_outlet(" ".join(part))
        if source is not None and source.name not in SOCIAL_PLATFORMS:
            return source, " ".join(rest)
    return None, ""


def _byline_outlet(line: Line) -> Iterator[Hit]:
    """The outlet a byline names: alone ("par AFP FR"), after the reporters ("By A and B, Reuters") or after a
    bar ("Deborah Hana Cardoso | Metrópoles"). A byline of people only names no source."""
    text = line.text
    match = BYLINE_OUTLET.match(text)
    if match:
        names = match.group("names")
        whole = _known_outlet(names) or _known_outlet(TRAILING_DATE_TIME.sub("", names))
        if whole is None and len(names.split()) > 1:  # "By JIM SALTER Associated Press": the reporter, then the outlet
            outlet, rest = _known_suffix(names)
            whole = outlet if rest and looks_like_person(rest.strip(" ,").title()) else None
        if whole is not None:
            yield _hit(line, match.start(), len(text.rstrip()), "byline credit", [whole])
            return
        head, _, last = names.rpartition(",")
        outlet = _known_outlet(last) if head else None
        if outlet is not None and all(looks_like_person(p) for p in JOINERS.split(head) if p.strip()):
            yield _hit(line, match.start(), len(text.rstrip()), "byline credit", [outlet])
            return
    match = FROM_OUTLET_LINE.match(text) or (CLIPPING.match(text) if any(c.isdigit() for c in text) else None)
    if match:
        source = _known_outlet(match.group("names"))
        if source is not None:
            yield _hit(line, match.start("names"), match.end("names"), "byline credit", [source])
            return
    match = PERSON_BAR_OUTLET.match(text) if "|" in text or "·" in text else None
    if match and looks_like_person(match.group("who")):
        source = parse_name(match.group("names"))
        if source is not None and source.name not in SOCIAL_PLATFORMS and not _reads_as_phrase(source.name) \
                and len(source.name.split()) <= 3:
            yield _hit(line, match.start("names"), match.end("names"), "byline credit", [source])


def _known_outlet(raw: str) -> Source | None:
    """A known outlet, or a known outlet's edition ("AFP FR", "G1 MA")."""
    source = parse_name(raw.strip())
    if source is not None and is_known(source):
        return source
    edition = EDITION_TAG.match(raw.strip())
    source = parse_name(edition.group("head")) if edition else None
    return source if source is not None and is_known(source) else None


def _lone_outlet(lines: tuple[Line, ...], index: int) -> Hit | None:
    """A known outlet standing alone on a line under a headline or date: "Reuters"."""
    line = lines[index]
    bare = line.text.strip().strip(" .:-–—")
    if index == 0 or not bare or len(bare.split()) > LONE_OUTLET_WORDS:
        return None
    name = canonical_name(bare)
    if name is None or name in SOCIAL_PLATFORMS:
        return None
    source = parse_name(bare)
    if source is None:
        return None
    start = line.text.index(bare)
    return _hit(line, start, start + len(bare), "credit", [source])


def _closing_tags(line: Line) -> Iterator[Hit]:
    """Credits that close a line: agency tags in brackets or after a slash, editors' initials, sign-offs, a bare
    credit after the last sentence, a caption's credit line, a copyright sign before a known outlet."""
    text = line.text
    tail = text.rstrip()
    bracket_last = tail.rstrip(".").endswith(")")
    if bracket_last or "/" in text[-70:]:
        hits = list(_bracketed_tags(line))
        yield from hits
        if hits:
            return
    if bracket_last:
        match = TRAILING_BRACKETS.search(text)
        if match:
            names = re.findall(r"\(([^()\n]{2,40})\)", match.group(0))
            sources = [parse_name(n) for n in names]
            known = [s for s in sources if s is not None and is_known(s)]
            # One bracket after a word glosses it ("de la Agencia France-Presse (AFP)"); after a date it credits.
            after_date = text[: match.start()].rstrip()[-1:].isdigit()
            if known and all(s is not None for s in sources) and (len(names) > 1 or after_date):
                yield _hit(line, match.start() + len(match.group(0)) - len(match.group(0).lstrip()), len(tail),
                           "agency credit", known)
                return
    match = INITIALS_TAG.search(text) if "/" in text[-40:] else None
    if match and match.group("names").lower() not in NOT_INITIALS:
        source = parse_name(match.group("names")) or Source(match.group("names"), None, "text")
        yield _hit(line, match.start("names"), len(tail), "agency credit", [source])
        return
    match = SIGN_OFF.match(text) if text.lstrip()[:1] in "-–—" else None
    if match:
        source = _known_outlet(match.group("names"))
        if source is not None or (ACRONYM.match(match.group("names")) and len(match.group("names")) >= 3):
            yield _hit(line, match.start("names"), match.end("names"),
                       "agency credit", [source or Source(match.group("names"), None, "text")])
            return
    closing = _closing_chain(tail)
    if closing is not None:
        chain_start, chain = closing
        found = _bare_chain(chain)
        if found:
            role = "photo" if PHOTO_SUFFIX.search(chain) else "text"
            yield _hit(line, chain_start, len(tail), "closing credit", [Source(s.name, s.domain, role) for s in found])
            return
    stripped = text.strip()
    if (len(stripped) <= 120 and any(mark in stripped for mark in CHAIN_MARKS)
            and len(stripped.split()) <= BARE_CREDIT_WORDS_MAX and BARE_PARTS.search(stripped) and not LINK.search(stripped)):
        found = _bare_chain(stripped)  # a caption's credit on the line under it: "2019 Reuters/Luc Gnago"
        if found:
            start = len(text) - len(text.lstrip())
            yield _hit(line, start, len(tail), "picture credit", [Source(s.name, s.domain, "photo") for s in found])
            return
    match = COPYRIGHT_END.search(text) if "©" in text else None
    if match:
        source = _known_outlet(match.group("names"))
        if source is not None:
            yield _hit(line, match.start(), len(tail), "picture credit", [Source(source.name, source.domain, "photo")])


def _closing_chain(tail: str) -> tuple[int, str] | None:
    """What follows a line's last sentence, when it is short enough to be a credit: ("… Tokio. AFP" -> "AFP").
    Found with string search, not a regular expression: it is asked of every line."""
    body = tail.rstrip(" .")
    last_word = body[body.rfind(" ") + 1 :].lstrip("-–—©")
    if not (last_word[:1].isupper() or last_word[:1].isdigit()):
        return None  # a credit ends on a name ("AFP", "Getty Images"); prose ends on a lower-case word
    end = max(body.rfind(mark) for mark in SENTENCE_CLOSERS)
    if end < 0 or len(body) - end > CLOSING_CHAIN_CHARS or not body[end + 1 : end + 2].isspace():
        return None
    rest = body[end + 1 :]
    chain = rest.lstrip().lstrip("©-–—").lstrip()
    if not 2 <= len(chain) <= CLOSING_CHAIN_CHARS or any(ch in FORBIDDEN_IN_CHAIN for ch in chain):
        return None
    return len(body) - len(chain), chain


def _bare_chain(chain: str) -> list[Source]:
    """The known outlets in an unbracketed closing credit, when every part of it reads as a name."""
    parts = [LEADING_YEAR.sub("", p).strip() for p in BARE_PARTS.split(chain.strip())]
    if not parts or any(not p for p in parts):
        return []
    found = []
    for part in parts:
        bare = PHOTO_SUFFIX.sub("", part).strip()
        if len(bare.split()) > 4 or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_PARTICLES
                                             for w in bare.split()):
            return []
        source = _known_outlet(bare)
        if source is not None and source.name not in SOCIAL_PLATFORMS:  # "Facebook / Twitter / Email": a share bar
            found.append(source)
    return dedupe(found)


def _bracketed_tags(line: Line) -> Iterator[Hit]:
    text = line.text
    for pattern in (CLOSING_TAG, CLOSING_SLASH):
        match = pattern.search(text)
        if not match:
            continue
        parts = [p for p in TAG_PARTS.split(match.group("names").strip(" *")) if p]
        parts = [p for p in parts if p.lower() not in IN_HOUSE and not DATE_LIKE.match(p)]
        sources = [parse_name(p) for p in parts]
        # Strict: one name that is not a known outlet and the brackets are ordinary prose.
        if parts and all(s is not None and is_known(s) for s in sources):
            start = match.start("names") - (1 if pattern is CLOSING_TAG else 0)
            start = text.rfind("/", 0, start + 1) if pattern is CLOSING_SLASH else start
            yield _hit(line, start, len(text.rstrip()), "agency credit", [s for s in sources if s])
            return


def _theo(lines: tuple[Line, ...], index: int, tail: set[int], non_empty: list[int]
          ) -> tuple[Hit, tuple[int, ...]] | None:
    """A Vietnamese "Theo" credit on this line, and the following lines it consumed."""
    line = lines[index]
    text = line.text
    if "heo" not in text:
        return None
    paren = THEO_PAREN.search(text)
    if paren:
        found = _theo_outlet(paren.group("who"))
        if found:
            return _hit(line, paren.start(), paren.end(), "credit", found), ()
    whole = THEO_LINE.match(text)
    if whole and len(whole.group("who").split()) <= 8:
        who = whole.group("who")
        if "/" in who or "(" in who:
            found = _theo_outlet(who)
        elif index in tail:
            # "Theo <author>" over a last line naming the outlet (Dantri's convention).
            following = [i for i in non_empty if i > index]
            if len(following) == 1 and _outlet_line(lines[following[0]].text):
                outlet = lines[following[0]]
                found = _names(outlet.text, "text", people=False)
                if found:
                    hit = Hit(line.start + text.index("Theo"), outlet.end, _message("credit", found),
                              sources=tuple(found))
                    return hit, (following[0],)
            found = _theo_outlet(who)
        else:
            found = [s for s in _theo_outlet(who) if is_known(s)]
        if found:
            return _hit(line, text.index("Theo"), len(text.rstrip()), "credit", found), ()
        return None
    end = THEO_END.search(text)
    if end and index in tail:
        found = _theo_outlet(end.group("who"))
        if found:
            return _hit(line, end.start() + end.group(0).index("Theo"), len(text.rstrip()), "credit", found), ()
    return None


def _theo_outlet(who: str) -> list[Source]:
    """The outlet in "Theo ..." words: the bracketed or last "/" part; a lone name if not a person."""
    inner = re.search(r"\(([^()]+)\)", who)
    if inner:
        return _names(inner.group(1), "text", people=False)
    if "/" in who:
        return _names(who.rsplit("/", 1)[1], "text", people=True)
    return _names(who, "text", people=False)


def _outlet_line(text: str) -> bool:
    """A short closing line that can only be a name: no sentence, no colon, a capital first."""
    stripped = text.strip()
    return (0 < len(stripped) <= 50 and len(stripped.split()) <= 7 and stripped[0].isupper()
            and not re.search(r"[:;!?]|[.,]\s", stripped))


def _page_chrome(document: Document) -> list[tuple[int, int]]:
    """Boilerplate that no article body sits inside: navigation and teasers credit other stories.

    Some pages mark their whole <body> element as boilerplate around the article, so a
    boilerplate region that encloses a body region is not chrome for what is in that body.
    """
    bodies = [(r.start, r.end) for r in document.regions if r.kind == BODY]
    chrome = []
    for region in document.regions_of(BOILERPLATE):
        inner = [(s, e) for s, e in bodies if region.start <= s and e <= region.end]
        if not inner:
            chrome.append((region.start, region.end))
        else:  # only the parts outside the bodies it holds
            edge = region.start
            for s, e in sorted(inner):
                if edge < s:
                    chrome.append((edge, s))
                edge = max(edge, e)
            if edge < region.end:
                chrome.append((edge, region.end))
    return chrome


class _Spans:
    """Merged spans of text, and a quick test whether a line lies inside one."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def holds(self, line: Line) -> bool:
        i = bisect_right(self.starts, line.start) - 1
        return i >= 0 and line.end <= self.ends[i]


# -- shared pieces -------------------------------------------------------------------------------
def _segment_end(text: str, start: int) -> int:
    end = SEGMENT_END.search(text, start).start()
    while text[end : end + 1] == "]" and "[" in text[start:end]:
        # The close of a Markdown link's label: the credit runs on past the link ("publié sur [Blog X](https://…)").
        link = MARKDOWN_LINK.match(text, text.rfind("[", start, end))
        if link is None:
            break
        end = SEGMENT_END.search(text, link.end()).start()
    words = text[start:end].split()
    if len(words) > MAX_CREDIT_WORDS or re.search(r"\.\s+\S", text[start:end]):
        cut = SENTENCE_BREAK.search(text, start, end)
        if cut:
            end = cut.start()
    return end


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t.":
        end -= 1
    return end


def _names(raw: str, role: str, *, people: bool) -> list[Source]:
    """Sources in the words after a credit's label; nothing unless every word belongs to a name."""
    raw = TITLE_SUFFIX.sub("", TRADEMARK.sub("", MARKDOWN_LINK.sub(r"\1", raw))).strip(" .*_")
    raw = LICENCE_TAG.sub("", raw).strip(" .")  # "Jojo Bombardo via Flickr (CC BY-ND 2.0)": the licence is no name
    # A gloss or a date after the name: "Süddeutsche Zeitung (paid", "AntaraFoto (Oky Lukmansyah)", "Welt 1999",
    # "TTXVN (Thông tấn xã Việt Nam) - Ảnh tư liệu".
    raw = without_gloss(raw).strip(" .")
    # "André Dib Local: Corumbá-MS Data: 05/2017": a field list; the name is what precedes the next label.
    raw = re.split(r"\s[^\W\d_]+\s?:\s", raw, maxsplit=1)[0].strip(" .")
    raw = NEWSPAPER_FILLER.sub("", raw)
    on = PERSON_ON_OUTLET.match(raw)
    if on and looks_like_person(on.group("who").strip()):
        raw = on.group("outlet").strip(" .")
    if not raw or len(raw.split()) > MAX_CREDIT_WORDS:
        return []
    # "Avec Reuters, nous avons signé" is a sentence, not a credit: every item must read as a name.
    items = [i.strip() for i in JOINERS.split(URL.sub(" ", raw))]
    if any(i and i.lower() not in CREDIT_FILLER and parse_name(i) is None for i in items):
        return []
    found = parse_credit(raw, role) if people else credit_sources(raw, role)
    return [s for s in found if s.name.lower() not in NOT_AGENCY and (is_known(s) or not _reads_as_phrase(s.name))]


def _reads_as_phrase(name: str) -> bool:
    """ "The 20-second hand wash" is a title after "VIDEO:", not a name: lower-case words in it."""
    lower = [w for w in name.split()[1:] if w[:1].islower() and w.lower() not in NAME_PARTICLES]
    return len(lower) >= 2


def _agency_parts(raw: str, role: str) -> list[Source]:
    """Agencies in a dateline or tag: "dpa/lno" -> dpa, "CNA/EWTN News" -> both, "red" dropped."""
    found = []
    for part in re.split(r"\s*[/,]\s*", raw):
        if part.lower() in IN_HOUSE or part.lower() in NOT_AGENCY or any(ch.isdigit() for ch in part):
            continue
        source = parse_name(part, role)
        if source is not None and source.name not in SOCIAL_PLATFORMS:
            found.append(source)
    return dedupe(found)


LOWER_AGENCY = compile_later(r"^[a-zäöü]{2,4}(?: [A-ZÄÖÜ][\w-]+){0,2}$")  # "dts Nachrichtenagentur", "ots", "epd"


def _lower_case_agency(raw: str) -> list[Source]:
    """German agencies write their short names in lower case ("(dts Nachrichtenagentur) –", "(ots) -"); in a
    dateline's brackets, before its dash, such a name is the agency even when the table does not know it."""
    name = raw.strip()
    if not LOWER_AGENCY.match(name) or name.lower() in IN_HOUSE or name.lower() in NOT_AGENCY:
        return []
    return [Source(name, None, "text")]


def _organisation(source: Source) -> bool:
    """An outlet the table knows, or a name written as an organisation's: an acronym ("EPA", "KNA") or a name
    with an agency word ("Anadolu Agency", "Agencia Uno"). The agency is the credit; the photographer is not."""
    return is_known(source) or bool(ACRONYM.match(source.name)) or bool(DOMAIN_NAME.fullmatch(source.name)) or (
        bool(ORG_WORD.search(source.name)) and not looks_like_person(source.name))


def _is_caps(place: str) -> bool:
    letters = [ch for ch in place if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _hit(line: Line, start: int, end: int, what: str, sources: list[Source]) -> Hit:
    return Hit(line.start + start, line.start + end, _message(what, sources), sources=tuple(sources))


def _message(what: str, sources: list[Source]) -> str:
    named = ", ".join(f"{s.name} ({s.role})" if s.role != "text" else s.name for s in sources)
    return f"{what} names {named}"


def _merge_segments(line: Line, hits: list[Hit]) -> Iterator[Hit]:
    """Credits side by side on one line ("SOURCE: CNBC | PHOTO: REUTERS") are one footer."""
    if len(hits) < 2:
        yield from hits
        return
    group = [hits[0]]
    for hit in hits[1:]:
        gap = line.text[group[-1].end - line.start : hit.start - line.start]
        if re.fullmatch(r"[\s|·•,;/.–—-]*", gap):
            group.append(hit)
            continue
        yield _joined(group)
        group = [hit]
    yield _joined(group)


def _joined(group: list[Hit]) -> Hit:
    if len(group) == 1:
        return group[0]
    sources = dedupe([s for h in group for s in h.sources])
    return Hit(group[0].start, group[-1].end, _message("footer", sources), sources=tuple(sources))


def _without_overlaps(hits: list[Hit]) -> Iterator[Hit]:
    """One hit per stretch of text: the earliest, then the longest."""
    last_end = -1
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if hit.start >= last_end:
            last_end = hit.end
            yield hit


RULE = Rule(
    code="SRC002",
    name="citation-footer",
    category="citation-footer",
    severity="info",
    scopes=("text",),
    summary="Citation footers and credits — \"SOURCE: CNBC | PHOTO: REUTERS\", \"Via ...\", \"Originally published "
    "at ...\", \"(Con información de AFP)\", \"Theo ... / <outlet>\", datelines such as \"Papendal (dpa) –\" or "
    "\"(EFE).-\", photo and video credits — with each cited source and its role (text, photo, video).",
    rationale="Credits are how an article says whose reporting, pictures and video it carries; an editor checks "
    "them before publication, and lean is scored against the text sources they name.",
    flagged="Shares of the company rose 4% on Thursday.\nSOURCE: CNBC | PHOTO: REUTERS",
    not_flagged="Sources familiar with the matter told Reuters the deal was close, according to CNBC.",
    check=check,
)
