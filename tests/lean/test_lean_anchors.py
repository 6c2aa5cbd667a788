import pytest

from auditor.lean.anchors import extract_anchors, parse_number


def keys(text, lang=None, kinds=("num", "pct", "year")):
    return [a.key for a in extract_anchors(text, lang) if a.kind in kinds]


@pytest.mark.parametrize("written, lang, expected", [
    ("48,39", "vi", 48.39), ("48.39", "en", 48.39), ("1.234,5", "de", 1234.5), ("1,234.5", "en", 1234.5),
    ("12.000", "vi", 12000), ("12,000", "en", 12000), ("1.234.567", "es", 1234567), ("1.600", "en", 1.6),
    ("1.600", "de", 1600), ("3,35", "vi", 3.35),
])
def test_parse_number_reads_each_locales_separators(written, lang, expected):
    assert parse_number(written, lang) == pytest.approx(expected)


@pytest.mark.parametrize("left, right", [
    ("48,39 tỷ USD", "$48.39 billion"),
    ("3,35 tỷ người dùng", "3.35 billion users"),
    ("5,6 triệu USD", "$5.6 million"),
    ("60 tỷ USD", "$60 billion"),
    ("2.500 millones de euros", "2.5 billion euros"),
    ("2,5 mil millones de dólares", "$2.5 billion"),
    ("2,1 Milliarden Euro", "2.1 billion euros"),
    ("3,2 milliards d'euros", "3.2 billion euros"),
    ("Rp 95 miliar", "Rp 95 billion"),
    ("US$ 1,6 bilhão", "$1.6 billion"),
    ("4,8 milhões de sacas", "4.8 million bags"),
    ("250 ribu ton", "250 thousand tonnes"),
    ("12 nghìn người", "12,000 people"),
])
def test_figures_get_the_same_key_across_languages(left, right):
    assert keys(left) and keys(left) == keys(right)


@pytest.mark.parametrize("text", ["tăng 22%", "up 22 per cent", "um 22 Prozent", "naik 22 persen",
                                  "un 22 por ciento", "22 pour cent", "22 por cento"])
def test_percentages_in_every_language(text):
    assert [(a.kind, a.key) for a in extract_anchors(text) if a.kind == "pct"] == [("pct", "22")]


def test_years_names_and_quotes_with_spans():
    text = 'In 2024 the chief, Dana Whitcombe, said "we are building for the next decade" today.'
    anchors = extract_anchors(text, "en")
    by_kind = {a.kind: a for a in anchors}
    assert by_kind["year"].key == "2024"
    assert {a.key for a in anchors if a.kind == "name"} == {"dana", "whitcombe"}
    quote = by_kind["quote"]
    assert text[quote.start:quote.end] == "we are building for the next decade"
    for anchor in anchors:
        assert 0 <= anchor.start < anchor.end <= len(text)


def test_sentence_initial_words_and_list_numbers_are_not_anchors():
    assert not [a for a in extract_anchors("However, prices rose.\n1. Not much") if a.kind in ("name", "num")]
