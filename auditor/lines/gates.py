"""Which units a line model is heard on at all: the shape a family's lines must have before a score counts.

The same gates serve training (a threshold is chosen on the out-of-fold scores of gated units only,
so it is the threshold of the signal the rules use) and the rules (``auditor.lines.model.passes``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

OPENING_QUOTES = "\"“«„‚'‘"
MAX_NOTICE_WORDS = 30
# "AI researchers", "AI companies": the AI names a field or a trade here, not a tool that made the text.
AI_AS_MODIFIER = re.compile(r"\s+(?:researchers?|experts?|companies|company|firms?|start-?ups?|industry|policy|"
                            r"regulation|ethics|safety|labs?|act|law|scientists?|specialists?)\b", re.IGNORECASE)
MAX_FURNITURE_WORDS = 20
MAX_FURNITURE_CHARS = 160
MAX_SENTENCE_FURNITURE_WORDS = 8


@cache
def _ai_term() -> re.Pattern[str]:
    from auditor.languages import pattern

    notice_ai = pattern("AI_DISCLOSURE", "notice_ai")
    return re.compile(rf"(?<!\w)(?:{notice_ai.pattern}|(?:AI|KI|IA)(?=-\w)|Gemini|Copilot|Claude|Midjourney|DeepL|NotebookLM|Perplexity|Grok|DeepSeek|"
                      rf"DALL[-·]?E|Stable Diffusion|Firefly|Meta AI|Kandinsky|ElevenLabs|Ideogram|Leonardo\.ai)(?!\w)",
                      notice_ai.flags)


@cache
def _table(role: str):
    from auditor.languages import table

    return table("AI_DISCLOSURE", role)


def inside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    if before.count('"') % 2 == 1:
        return True
    return sum(before.count(q) for q in "“«„") > sum(before.count(q) for q in "”»")


def ai_notice(unit: str) -> bool:
    """Names AI (or an AI tool) outside quotation marks, is notice-sized, asks nothing, and has no modal, reporting or time-clause
    cue ("written before ChatGPT was released" dates the text; it does not disclose)."""
    unit = unit.strip()
    if not unit or len(unit.split()) > MAX_NOTICE_WORDS or "?" in unit or unit[0] in OPENING_QUOTES:
        return False
    ai = next((m for m in _ai_term().finditer(unit) if not AI_AS_MODIFIER.match(unit, m.end())), None)
    if ai is None or inside_quotes(unit, ai.start()):
        return False
    return all(_table(role).search(unit) is None for role in ("modal", "reported", "time_clause"))


@cache
def _furniture_cue() -> re.Pattern[str]:
    from auditor.languages import EXTRA_LANGUAGES, LANGUAGES, language_module, pattern

    roles = sorted({role for language in LANGUAGES + EXTRA_LANGUAGES
                    for role in getattr(language_module(language), "BOILERPLATE", {})})
    return re.compile("|".join(f"(?:(?<!\\w)(?:{pattern('BOILERPLATE', role).pattern})(?!\\w))" for role in roles),
                      re.IGNORECASE)


# Marks of page furniture in a line's form: a count or a date, separators, a label's colon, words glued
# without a space, a link, words in capitals, a trailing ellipsis.
FURNITURE_FORM = re.compile(r"\d|[|/›»>·•:@]|www\.|\.\.\.$|…$")


def glued(text: str) -> bool:
    """A lower-case letter runs into a capital ("noticiaComentarios"), by the letters' case. White space is neither,
    so this is ``camel_glue``'s question, which skips the words that cannot answer it (a pass over every pair of
    characters was the furniture gate's largest cost on a page's hundreds of short lines)."""
    from auditor.lines.text import camel_glue

    return camel_glue(text)


def capitals(text: str) -> bool:
    """A word of two letters or more in capitals ("ADVERTISEMENT", "PUBLICIDAD")."""
    return any(len(word) > 1 and word.isupper() for word in re.findall(r"[^\W\d_]+", text))


def furniture(unit: str) -> bool:
    """Short, not a whole sentence of the article, and with a mark of furniture in its form or a boilerplate
    cue word: a plain short line in sentence case ("A shift in power") is a sub-heading as often as not."""
    words = len(unit.split())
    if not unit.strip() or len(unit) > MAX_FURNITURE_CHARS or words > MAX_FURNITURE_WORDS:
        return False
    stripped = unit.rstrip()
    ends_sentence = stripped.endswith(".") and not stripped.endswith(("...", "…"))
    if words > MAX_SENTENCE_FURNITURE_WORDS and ends_sentence:
        return False
    # A cue of one or two letters ("in" for LinkedIn in a toolbar) is no evidence on its own.
    return bool(FURNITURE_FORM.search(stripped) or glued(stripped) or capitals(stripped)
                or any(len(cue) > 2 for cue in furniture_cues(stripped)))


def furniture_cues(unit: str) -> Iterator[str]:
    """The boilerplate cue words in a unit, as ``finditer`` of the one alternation of every boilerplate role gives
    them (a short cue can hide a longer one at the same place). Found by the cue roles' automaton, which compiles
    only the phrases that may begin somewhere in the unit: compiling the whole alternation was a tenth of a lone
    draft's audit."""
    from auditor.lines.text import role_presence

    found = role_presence().first_matches(unit, "BOILERPLATE")
    return found if found is not None else (match.group() for match in _furniture_cue().finditer(unit))


# A banner names cookies, or asks the visitor to accept or choose (a consent wall: "Accept and read for free").
COOKIE_STEMS = ("cookie", "traceur", "ciasteczk", "kuki")  # CK001 reads the same stems
COOKIE_WORD = re.compile("|".join(COOKIE_STEMS), re.IGNORECASE)
CONSENT_ROLES = ("request", "choice", "visitor_consents", "site_uses")


def _consent_cue(unit: str) -> int | None:
    """Where the first consent cue of the unit begins (the tables CK001 reads, one automaton each)."""
    from auditor.languages import table

    starts = [m.start for m in (table("CONSENT", role).search(unit) for role in CONSENT_ROLES) if m is not None]
    return min(starts) if starts else None


def consent_line(unit: str) -> bool:
    """Names cookies or asks for consent, outside quotation marks."""
    unit = unit.strip()
    if not unit or unit[0] in OPENING_QUOTES:
        return False
    cookie = COOKIE_WORD.search(unit)
    start = cookie.start() if cookie else _consent_cue(unit)
    return start is not None and not inside_quotes(unit, start)


GATES = {"ai-disclosure": ai_notice, "debris": furniture, "cookie-banner": consent_line}
