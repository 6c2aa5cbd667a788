"""DB003 glued-sentence: two sentences run together by scraping ("...của MỹTại buổi...", "the end.The next").

When a scraper drops the markup between two blocks (a paragraph break, a
caption, a link box) it can leave the end of one sentence touching the start
of the next: a lowercase letter followed at once by a capital, or a full stop
followed at once by a capital.  Brand names are written the same way
("DeepSeek", "iPhone", "LinkedIn"), so a case change alone proves nothing.  The
rule flags it only where the right-hand word is one that starts sentences (a
capitalised function word of a supported language: "Tại", "The", "Der", "El")
or a scraped label ("Foto", "Abstract"), or where the left-hand part is a
whole lowercase word; and a full stop only after a lowercase word, never in
URLs, e-mail addresses, domains, hashtags, code, abbreviations or numbers.
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor.document import Document
from auditor.findings import Hit
from auditor.languages.detect import FUNCTION_WORDS, SUPPORTED
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later


def _letters(predicate) -> str:
    # Latin letters with their accents, Latin Extended-B and the Vietnamese block.
    codepoints = [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]
    return "".join(re.escape(chr(c)) for c in codepoints if predicate(chr(c)))


LOWER = _letters(str.islower)
UPPER = _letters(str.isupper)

# Words that open a sentence: the function words of each supported language, and common openers.
OPENERS = frozenset().union(*(FUNCTION_WORDS[code] for code in SUPPORTED)) | frozenset(
    """i he she we they you this these those there here but so if when while after before however meanwhile
    yet also then now today yesterday according
    ông bà anh chị tôi chúng họ theo trước sau tuy nhiên ngoài đây hiện
    él ella ellos nosotros según sin pero también además este esta estos hoy ayer
    il elle ils nous on mais selon aussi cependant ainsi
    er sie wir ich man aber doch dies diese dieser heute laut
    dia ia mereka kami namun sementara menurut selain saat
    ele ela eles nós mas segundo também além hoje ontem""".split()
)
# Words scraped from captions and link boxes that end up glued to the text around them.
LABELS = frozenset(
    """abstract foto photo fotos photos video vídeo source quelle fuente fonte nguồn sumber ảnh bild image imagen
    gambar credit credits advertisement anzeige publicidad share teilen compartir""".split()
)
# Camel-cased names whose right-hand part happens to be a function word.
KNOWN_NAMES = frozenset("linkedin checkin login logon signin signon plugin addon builtin popup setup".split())
# Abbreviations that take a full stop and may be written without the space after it.
ABBREVIATIONS = frozenset(
    """etc prof dr mr mrs ms jr sr st inc ltd corp co dept vs approx min max no nr bzw vgl ca evtl ggf usw sog
    dll dsb sra sr dña av pág núm tel fig""".split()
)

# Both begin with what they look for, not with a look-behind: a pattern that opens with a character
# class is scanned for it in C, one that opens with a look-behind is tried at every position.
# CASE_CHANGE matches the lower-case letter; the boundary is its end.
CASE_CHANGE = compile_later(rf"[{LOWER}](?=[{UPPER}])")
STOP_THEN_CAPITAL = compile_later(rf"[.!?](?<=[{LOWER}]{{2}}[.!?])(?=[{UPPER}](?:[{LOWER}]|\s))")
TOKEN_EDGE = compile_later(r"\s")
WORD_BEFORE = compile_later(rf"[{UPPER}{LOWER}]+$")
WORD_AFTER = compile_later(rf"[{UPPER}][{LOWER}]*")
# Tokens that are not prose: URLs, e-mail, hashtags and handles, paths, code.
NOT_PROSE = compile_later(r"://|www\.|@|^#|[/\\_=<>{}();`]|\.(?:com|net|org|gov|edu|io|vn|de|es|fr|id|br|pt|uk|co)\b",
                       re.IGNORECASE)
# A whole lowercase word on the left of a case change ("endThe") is evidence by itself, if long enough.
MIN_LOWER_WORD = 4
MIN_RIGHT_WORD = 3


def _token(text: str, position: int) -> tuple[int, int]:
    """The run of non-space characters around a position."""
    start = position
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = position
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def check(document: Document) -> Iterator[Hit]:
    text = document.text
    seen: set[int] = set()
    for match in CASE_CHANGE.finditer(text):
        hit = _case_change(text, match.end())
        if hit is not None and hit.start not in seen:
            seen.add(hit.start)
            yield hit
    for match in STOP_THEN_CAPITAL.finditer(text):
        hit = _stop_then_capital(text, match.start())
        if hit is not None and hit.start not in seen:
            seen.add(hit.start)
            yield hit


def _case_change(text: str, boundary: int) -> Hit | None:
    token_start, token_end = _token(text, boundary)
    token = text[token_start:token_end]
    if NOT_PROSE.search(token):
        return None
    left = WORD_BEFORE.search(text, token_start, boundary)
    right = WORD_AFTER.match(text, boundary, token_end)
    if left is None or right is None:
        return None
    left_word, right_word = left.group(0), right.group(0)
    if right.end() < token_end and text[right.end()].isupper():
        return None  # "OpenAI", "McKinsey's" ... an acronym or a further capital: a name, not a sentence start
    if (left_word + right_word).lower() in KNOWN_NAMES or len(left_word) < 2:
        return None  # "iPhone", "eBay"
    stands_alone = right.end() < len(text) and (right.end() == token_end or not text[right.end()].isalpha())
    # A one-letter opener ("...ontemO governo") only after a whole lowercase word: "vitaminA" is rarer than prose.
    opener = stands_alone and right_word.lower() in OPENERS and (
        len(right_word) >= 2 or (left_word.islower() and len(left_word) >= MIN_LOWER_WORD))
    label = left_word.lower() in LABELS or right_word.lower() in LABELS
    lowercase_word = left_word.islower() and len(left_word) >= MIN_LOWER_WORD and len(right_word) >= MIN_RIGHT_WORD
    if not (opener or label or lowercase_word):
        return None
    return Hit(left.start(), right.end(),
               f'"{left_word}{right_word}": two sentences are glued together; add the missing full stop '
               "and space (or line break) between them")


def _stop_then_capital(text: str, stop: int) -> Hit | None:
    token_start, token_end = _token(text, stop)
    token = text[token_start:token_end]
    if NOT_PROSE.search(token) or token.count(".") > 1:
        return None  # a domain ("Finance.Yahoo.com"), an abbreviation chain ("U.S.A"), a path
    left = WORD_BEFORE.search(text, token_start, stop)
    right = WORD_AFTER.match(text, stop + 1, token_end)
    if left is None or right is None:
        return None
    if left.group(0).lower() in ABBREVIATIONS:
        return None
    return Hit(left.start(), right.end(),
               f'"{text[left.start():right.end()]}": the next sentence starts without a space; add a space '
               "(or a line break) after the full stop")


RULE = Rule(
    code="DB003",
    name="glued-sentence",
    category="debris",
    severity="warning",
    scopes=("body",),
    summary='Two sentences run together with no space or punctuation between them ("...của MỹTại buổi...", '
    '"AbstractScientific", "the end.The next").',
    rationale="The text reads wrongly where a scraper dropped a paragraph break or a caption boundary; an editor "
    "has to split the sentences before publication.",
    flagged="Ông tin rằng đó phải là một tiêu chuẩn của MỹTại buổi họp, ông cũng khen ngợi Tổng thống.",
    not_flagged="DeepSeek and OpenAI models run on iPhone and MacBook; see Finance.Yahoo.com or e.g. LinkedIn.",
    check=check,
)
