"""DB002 section-label: a stray section name ("Android", "Thế giới") or ad label ("Publicidad") left as a line.

Scraped pages keep the breadcrumb or section name above the headline, and the
"Advertisement" label of an ad slot between paragraphs.  A heading inside the
article looks the same (a short line without punctuation), so the rule does
not guess from shape alone: it knows the vocabulary of section names and ad
labels, and flags a section name only among the first lines of the article,
and an ad label anywhere.
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor.document import Document
from auditor.findings import Hit
from auditor.phrases import PhraseTable
from auditor.rule import Rule

# Names of the desks and sections news sites file articles under (breadcrumbs, kickers).
SECTIONS = PhraseTable(
    {
        "en": [r"news", r"(?:world|local|national|business|tech|technology|science|health|sports?|politics|opinion)"
               r"(?: news)?", r"entertainment", r"culture", r"lifestyle", r"economy", r"markets", r"finance",
               r"travel", r"android", r"ios", r"apple", r"google", r"mobile", r"gaming", r"gadgets", r"reviews?",
               r"u\.?s\.?", r"europe", r"asia", r"breaking(?: news)?", r"top stories", r"editorial"],
        "vi": [r"thế giới", r"thời sự", r"kinh doanh", r"kinh tế", r"xã hội", r"pháp luật", r"giải trí",
               r"thể thao", r"công nghệ", r"sức khỏe", r"sức khoẻ", r"giáo dục", r"văn hóa", r"văn hoá", r"du lịch",
               r"đời sống", r"khoa học", r"số hóa", r"xe", r"bất động sản", r"tin tức", r"tin nóng", r"chính trị"],
        "es": [r"deportes", r"economía", r"política", r"internacional", r"nacional", r"tecnología", r"cultura",
               r"sociedad", r"opinión", r"salud", r"ciencia", r"mundo", r"espectáculos", r"noticias", r"negocios",
               r"méxico", r"españa", r"actualidad"],
        "fr": [r"économie", r"politique", r"international", r"société", r"sports?", r"culture", r"sciences?",
               r"santé", r"monde", r"france", r"tech", r"actualités?", r"faits divers", r"idées", r"planète"],
        "de": [r"wirtschaft", r"politik", r"sport", r"kultur", r"wissenschaft", r"panorama", r"inland", r"ausland",
               r"digital", r"gesundheit", r"meinung", r"nachrichten", r"web", r"international"],
        "id": [r"teknologi", r"ekonomi", r"politik", r"olahraga", r"hiburan", r"nasional", r"internasional",
               r"kesehatan", r"gaya hidup", r"bisnis", r"otomotif", r"berita", r"regional", r"megapolitan"],
        "pt": [r"economia", r"política", r"esportes?", r"mundo", r"internacional", r"tecnologia", r"saúde",
               r"ciência", r"cultura", r"brasil", r"entretenimento", r"notícias", r"cotidiano", r"poder", r"mercado"],
    }
)
# Labels of ad slots: debris wherever they stand alone.
AD_LABELS = PhraseTable(
    {
        "en": [r"advertisement", r"advertising", r"sponsored(?: content)?", r"paid content", r"promoted"],
        "vi": [r"quảng cáo", r"nội dung tài trợ"],
        "es": [r"publicidad", r"anuncio", r"contenido patrocinado", r"patrocinado"],
        "fr": [r"publicité", r"contenu sponsorisé", r"sponsorisé"],
        "de": [r"anzeige", r"werbung", r"gesponsert"],
        "id": [r"iklan", r"advertorial", r"konten bersponsor"],
        "pt": [r"publicidade", r"anúncio", r"conteúdo patrocinado", r"patrocinado"],
    }
)
# Breadcrumb separators: "Tech › Android", "World / Asia".
SEPARATOR = re.compile(r"\s*(?:[›>»/|·•]|&gt;)\s*")
# Decoration an ad slot label may carry: "- Advertisement -", "[ Anzeige ]".
DECORATION = " \t\u00a0-–—_[]()*•·|:"
MAX_LABEL_WORDS = 3
# A section label sits above the headline: only the first lines of the body are candidates.
LEADING_LINES = 3


def _whole(table: PhraseTable, text: str) -> bool:
    match = table.search(text)
    return match is not None and match.start == 0 and match.end == len(text)


def _is_section_label(text: str) -> bool:
    parts = [p for p in SEPARATOR.split(text) if p]
    return bool(parts) and len(text.split()) <= MAX_LABEL_WORDS * len(parts) and all(
        _whole(SECTIONS, p) for p in parts
    )


def check(document: Document) -> Iterator[Hit]:
    body_start = document.body_spans[0][0]
    leading = 0  # non-blank lines seen since the body began
    lines = document.lines
    for index, line in enumerate(lines):
        if line.end <= body_start:
            continue
        stripped = line.text.strip(DECORATION)
        if not stripped:
            continue
        leading += 1
        offset = line.start + line.text.index(stripped)
        if len(stripped.split()) <= MAX_LABEL_WORDS and _whole(AD_LABELS, stripped):
            yield Hit(offset, offset + len(stripped),
                      f'ad label "{stripped}" left from the page between paragraphs: delete the line')
            continue
        # A section label comes before the headline, so something must follow it.
        has_next = any(other.text.strip() for other in lines[index + 1 : index + 3])
        if leading <= LEADING_LINES and has_next and _is_section_label(stripped) and _before_headline(lines, index, body_start):
            yield Hit(offset, offset + len(stripped),
                      f'section label "{stripped}" left above the article: delete the line')


def _before_headline(lines, index: int, body_start: int) -> bool:
    """Every non-blank body line before this one is itself a section label (labels stack: "News", "Tech")."""
    for earlier in lines[:index]:
        if earlier.end <= body_start:
            continue
        text = earlier.text.strip(DECORATION)
        if text and not _is_section_label(text):
            return False
    return True


RULE = Rule(
    code="DB002",
    name="section-label",
    category="debris",
    severity="warning",
    scopes=("body",),
    summary='A stray section name ("Android", "Thế giới", "Deportes", "Wirtschaft") above the headline, or an ad '
    'label ("Advertisement", "Publicidad", "Anzeige", "Quảng cáo", "Iklan") on its own line.',
    rationale="The page's navigation or ad slot was scraped with the article; published, the label reads as "
    "a fragment and shows the text was copied from a web page.",
    flagged="Android\n\nMeta will keep investing millions in AI after DeepSeek's arrival",
    not_flagged="Future Prospects\nDeepSeek has shown that AI can succeed without massive resources.",
    check=check,
)
