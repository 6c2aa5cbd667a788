"""The learned signals never turn a quoted notice, an article about AI or one about cookies into a finding.

One case of each per language, written for this test (not in any training file): each is audited as a
plain-text article with every rule on, and AI001/CK001/DB006 must stay silent.
"""

from __future__ import annotations

import pytest

from auditor.api import active_rules, audit_document
from auditor.config import Config
from auditor.document import Document

QUOTED = {
    "en": 'The regional paper now ends its briefs with "This text was produced with AI and checked by an editor."',
    "de": "Die Zeitung schreibt unter ihre Meldungen: „Dieser Text wurde mit Hilfe von KI erstellt.“",
    "fr": "Le site termine ses brèves par « Ce texte a été produit avec l'aide de l'IA ».",
    "es": "El portal cierra sus notas con la frase «Este texto fue generado con IA».",
    "pt": "O portal encerra suas notas com a frase “Este texto foi produzido com IA”.",
    "id": "Portal itu menutup beritanya dengan kalimat “Berita ini dibuat dengan bantuan AI”.",
    "vi": "Trang này ghi ở cuối mỗi tin: “Tin được viết với sự hỗ trợ của AI”.",
}
ABOUT_AI = {
    "en": "Hospitals in the region now use AI to sort X-ray images before a doctor sees them.",
    "de": "Die Stadtwerke setzen künstliche Intelligenz ein, um Lecks im Netz früher zu finden.",
    "fr": "Les agriculteurs de la région testent une IA qui prévoit les gelées tardives.",
    "es": "La universidad usará inteligencia artificial para revisar las solicitudes de becas.",
    "pt": "A prefeitura passou a usar inteligência artificial para organizar as filas dos postos de saúde.",
    "id": "Dinas perhubungan memakai kecerdasan buatan untuk mengatur lampu lalu lintas.",
    "vi": "Bệnh viện tỉnh bắt đầu dùng trí tuệ nhân tạo để đọc phim chụp X-quang.",
}
ABOUT_COOKIES = {
    "en": "The regulator said most news sites still set advertising cookies before readers agree.",
    "de": "Verbraucherschützer kritisieren, dass viele Shops Cookies ohne Zustimmung setzen.",
    "fr": "Selon l'étude, un site sur trois dépose des cookies avant le consentement de l'internaute.",
    "es": "La agencia multó a dos webs por instalar cookies sin el permiso de los usuarios.",
    "pt": "A autoridade multou lojas virtuais que gravavam cookies sem o consentimento dos clientes.",
    "id": "Lembaga itu menemukan banyak situs memasang cookie tanpa persetujuan pengunjung.",
    "vi": "Cơ quan quản lý phát hiện nhiều trang web cài cookie khi chưa có sự đồng ý của người dùng.",
}


def _findings(text: str, language: str) -> list[str]:
    config = Config(lean=False)
    document = Document(path="case.txt", text=text, format="text", metadata={"language": language})
    return [f.rule for f in audit_document(document, active_rules(config), config).report.findings]


@pytest.mark.parametrize("language", sorted(QUOTED))
def test_a_quoted_notice_is_not_a_disclosure(language) -> None:
    assert "AI001" not in _findings(QUOTED[language], language)


@pytest.mark.parametrize("language", sorted(ABOUT_AI))
def test_an_article_about_ai_is_not_a_disclosure(language) -> None:
    assert "AI001" not in _findings(ABOUT_AI[language], language)


@pytest.mark.parametrize("language", sorted(ABOUT_COOKIES))
def test_an_article_about_cookies_is_not_a_banner(language) -> None:
    found = _findings(ABOUT_COOKIES[language], language)
    assert "CK001" not in found and "DB006" not in found
