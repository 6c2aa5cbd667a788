"""AI001 ai-disclosure-notice: a notice that this article was made with AI.

A disclosure is a statement about *this* article: a self-reference ("this
article", "dieser Text", "bài viết này"), a creation verb ("was created",
"wurde ... erstellt", "fue elaborado") and the AI that did it, linked by
"with", "by", "using" ("with AI assistance", "mit KI", "por inteligencia
artificial").  An article that talks about AI ("the company uses AI
assistance in its products") has no self-reference and is left alone.  Short
stand-alone labels ("Story produced with AI assistance", "(Thực hiện với sự hỗ
trợ của các AI)") count only as a whole short line.  A notice inside quotation
marks is reported speech (an article quoting another outlet's notice).  A notice-sized line that
names AI outside quotes, with no modal, reporting or time-clause cue, also counts when the AI-notice
line model (``auditor/lines``) scores it above its card's threshold.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from auditor.document import Document, Line
from auditor.findings import Hit
from auditor.languages import FEW_WORDS, LANGUAGES, cues, inside_quotes, name_of
from auditor.languages import pattern as cue_pattern
from auditor.languages import table as cue_table
from auditor.lines import model as line_model
from auditor.rule import Rule
from auditor.rulekit.lazy_regex import compile_later
from auditor.rulekit.phrases import PhraseMatch, PhraseTable

# Research notes: research/phrases.md, section C (publishers' and template wording).
_SAME_SENTENCE = r"[^.!?\n]{0,40}?"


def _notice(self_ref: str, verb: str, link: str, ai: str) -> str:
    """Self-reference, then the creation verb, then the AI it was made with (subject-verb-object order)."""
    return rf"{self_ref}{_SAME_SENTENCE}\b{verb}\b(?: [\w-]+ly| and [\w-]+){{0,2}} {link} {FEW_WORDS}{ai}"


def _part(language: str, role: str) -> str:
    return "|".join(cues("AI_DISCLOSURE", f"notice_{role}").get(language, ()))


# AI tools by name, the generators and translators among them (issue 14; the collected lines name them): a
# notice names one as often as it says "AI".
AI_TOOLS = (r"ChatGPT|Chat ?GPT|ChatGBT|GPT-?\d[\w.]*|Claude|Gemini|Copilot|Midjourney|DALL[-·]?E(?:[ -]?\d)?|"
            r"Stable Diffusion|Perplexity|Grok|Mistral(?: AI)?|DeepSeek|Jasper(?:\.ai| AI)|DeepL(?:\.com)?|"
            r"Google (?:Translate|Traductor|Tradutor|Übersetzer|Dịch)|Adobe Firefly|Leonardo\.ai|Ideogram|ElevenLabs|"
            r"NotebookLM")
# Some tools' names are also first names ("par Claude Martin", "with the help of Gemini Lopez"): a capitalised word
# after the name makes it a person's.
NOT_A_SURNAME = r"(?!\s+(?-i:[A-ZÀ-Ỹ][a-zà-ỹ]))"


def _language_notices(language: str) -> list[str]:
    """A language's sentence templates, from its cue file (auditor/languages/<code>.py)."""
    self_ref, verb, link, ai = (_part(language, role) for role in ("self", "verb", "link", "ai"))
    extra = list(cues("AI_DISCLOSURE", "notice_extra").get(language, ()))
    named = f"(?:{ai}|{AI_TOOLS})" if ai else f"(?:{AI_TOOLS})"
    extra += [p.replace("<AI>", named) for p in cues("AI_DISCLOSURE", "notice_request").get(language, ())]
    if not (self_ref and verb and link and ai):
        return extra
    if "ai-before-verb" in cues("AI_DISCLOSURE", "notice_order").get(language, ()):
        # German: the AI comes before the participle ("wurde mit KI erstellt").
        template = (rf"(?:{self_ref}){_SAME_SENTENCE}\b(?:wurde|ist|wird)\b{_SAME_SENTENCE}\b{link} {FEW_WORDS}"
                    rf"{ai}{_SAME_SENTENCE}\b{verb}")
    else:
        template = _notice(self_ref, verb, link, ai)
    return [template, *extra]


NOTICES = PhraseTable({language: _language_notices(language) for language in LANGUAGES})

# Labels without a self-reference: a disclosure only as a short line of their own
# ("Story produced with AI assistance", "(Thực hiện với sự hỗ trợ của các AI)").
LABELS = cue_table("AI_DISCLOSURE", "label_line")
LABEL_LINE = compile_later(r"^[\W_]{0,4}(?:(?:note|disclosure|hinweis|nota|remarque|catatan|ghi chú)\s*:\s*)?", re.I)
# Every notice and label names its AI with one of these.  Acronyms count in capitals
# and as whole words; words are found in the lower-cased text, because plain string
# search keeps this first pass fast.
AI_ACRONYM = compile_later(r"AI|A\.I\.|KI|IA|LLM|GPT")
AI_WORDS = ("chatgpt", "chat gpt", "intelig", "intellig", "automat", "trí tuệ nhân tạo", "kecerdasan buatan",
            "language model", "machine learning", "notebooklm", "copilot", "gemini", "claude", "openai", "anthropic",
            "codex", "sprachmodell", "modelo de lenguaje", "modèle de langage", "midjourney", "dall-e", "dall·e",
            "stable diffusion", "adobe firefly", "deepseek", "elevenlabs", "ideogram", "leonardo.ai",
            "bing image creator", "deepl", "google translate", "google traductor", "google tradutor", "google übersetzer",
            "google dịch", "perplexity", "grok", "mistral", "jasper", "chatgbt")  # looked up in the lower-cased text; the tools AI_TERM names
BRACKETED = compile_later(r"\([^)]*\)")
LABEL_CONTINUATION = compile_later(r"\W*(?:and|und|y|et|e|dan|và|reviewed|geprüft|revisado|revu|revisto)\b", re.I)
MAX_LABEL_LINE = 120
SENTENCE_BREAK = compile_later(r"[.!?:]\s+")
MAX_NOTICE_LINE = 600  # a notice sits in a short paragraph or line, not deep in a long one


def _label(document: Document, line: Line) -> PhraseMatch | None:
    text = line.text.strip()
    if not text or len(text) > MAX_LABEL_LINE:
        return None
    lead = line.start + len(line.text) - len(line.text.lstrip())
    prefix = LABEL_LINE.match(text)
    start = lead + (prefix.end() if prefix else 0)
    match = LABELS.search(document.text, start, line.end)
    if match is None:
        return None
    if match.start == start and document.text[start - 1 : start] == "(":
        return PhraseMatch(match.language, start - 1, match.end, document.text[start - 1 : match.end])
    named = document.text[start : match.start]
    if match.start != start and _names_the_made(named):
        # "Résultat généré par intelligence artificielle", "Imagen generada por IA": the noun is part of the label.
        match = PhraseMatch(match.language, start, match.end, document.text[start : match.end])
    if match.start != start:
        # A byline may carry the label in brackets: "PHƯƠNG MAI (Thực hiện với sự hỗ trợ của các AI)".
        opened = document.text.rfind("(", start, match.start)
        if opened < 0 or document.text[opened + 1 : match.start].strip():
            return None
        if not re.match(r"[\s.]*\)", document.text[match.end : line.end]):
            return None
        return PhraseMatch(match.language, opened, match.end, document.text[opened : match.end])
    # The label must be the whole line, give or take a bracketed gloss, closing punctuation
    # and what the editors did after it ("... and reviewed by ...").
    rest = BRACKETED.sub("", document.text[match.end : line.end])
    # A footer's next item after a separator ("… inteligência artificial · © 2026 …") is not part of the label.
    rest = re.split(r"\s[·•|]\s", rest, maxsplit=1)[0]
    if re.search(r"[^\W_]", rest) and not LABEL_CONTINUATION.match(rest):
        return None
    return match


def _names_the_made(words: str) -> bool:
    """One capitalised noun before a label ("Résultat" généré par IA): what was made, not a negation."""
    word = words.strip()
    return (len(word) >= 4 and word[:1].isupper() and word.isalpha() and NEGATION.fullmatch(word) is None)


def _lines_naming_ai(document: Document) -> Iterator[Line]:
    """Lines that name AI at all: the only ones the phrase tables need to read (keeps the rule fast)."""
    lines = document.lines
    starts = [line.start for line in lines]
    text = document.text
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    positions = [p for word in AI_WORDS for p in _occurrences(lowered, word)]
    positions += [m.start() for m in AI_ACRONYM.finditer(text) if _whole_word(text, m.start(), m.end())]
    for index in sorted({bisect_right(starts, position) - 1 for position in positions}):
        yield lines[index]


def _occurrences(text: str, word: str) -> Iterator[int]:
    position = text.find(word)
    while position >= 0:
        yield position
        position = text.find(word, position + len(word))


def _whole_word(text: str, start: int, end: int) -> bool:
    return not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalpha())


# -- the notice by its signals, when no template matched -------------------------------------------
# A notice is a statement about this text: an AI term, a creation or assistance cue before it
# ("written with the help of", "contou com auxílio de", "với sự hỗ trợ của"), and who made the text —
# the text itself as subject ("Bản dịch này", "Este README"), a label-like opening ("Written with",
# "Resumo criado por", "Được thực hiện"), a label or heading above ("Generative AI Disclosure"), or
# the author as the user of the AI ("the author used ChatGPT"). Generic, hypothetical and quoted
# wording is not a notice: a modal or conditional cue, a question, quotation marks, or a line that
# introduces someone else's wording ("Suggested disclosure wording:").
# "Artificial intelligence" spelled out in each language (AI_TERM and ASSISTED name it the same way).
AI_SPELLED_OUT = (r"artificial intelligence|intelligence artificielle|inteligencia artificial|inteligência artificial|"
                  r"künstliche[rn]? intelligenz|kecerdasan buatan|trí tuệ nhân tạo")
AI_TERM = compile_later(
    r"(?:(?<![\w-])(?:AI|A\.I\.|KI|IA|LLMs?|GPT-?\d[\w.]*|ChatGPT|Gemini|Copilot|NotebookLM|OpenAI(?: Codex)?|Codex|"
    r"Claude(?:\.ai)?|Anthropic|Midjourney|DALL[-·]E(?:[ -]?\d)?|Stable Diffusion|Adobe Firefly|DeepSeek|ElevenLabs|"
    r"Ideogram|Leonardo\.ai|Bing Image Creator|DeepL(?:\.com)?|Google (?:Translate|Traductor|Tradutor|Übersetzer|Dịch)|"
    r"Grok|ChatGBT|Jasper\.ai)(?![\w-])"
    rf"|{AI_SPELLED_OUT}|language models?|sprachmodell\w*|"
    r"modelos? de lenguaje|modèles? de langage)"
    # "input from AI researchers", "KI-Experten": people and organisations are not the AI that wrote.
    r"(?![ -](?:researchers?|experts?|experten|compan(?:y|ies)|firms?|start-?ups?|industry|policy|regulation|ethics|"
    r"safety|labs?|act|law|scientists?|specialists?|engineers?|developers?|team|forscher\w*|unternehmen))",
    re.IGNORECASE,
)
# Between the creation cue and the AI: a word that makes the AI its agent or instrument ("written
# with", "generado por", "com auxílio de"), and none that makes it a mere point in time or a topic
# ("written before ChatGPT", "a text about AI").
AGENT_LINK = compile_later(r"(?<!\w)(?:relied (?:up)?on|counted on|leaned on|contou com|contó con|a compté sur|"
                        r"setzte auf|with|by|using|via|through|from|of|thanks to|con|por|mediante|de|del|avec|par|"
                        r"grâce à|d['’]|mit|von|durch|com|pelo|pela|d[aeo]s?|dengan|oleh|bằng|bởi|của|nhờ|entre|"
                        r"usando|utilizando|en utilisant|mithilfe|menggunakan|memakai|sử dụng|dùng|"
                        r"e|y|and|und|et|dan|và)(?!\w)", re.IGNORECASE)
TIME_OR_TOPIC = compile_later(r"(?<!\w)(?:before|after|about|since|until|sobre|antes|después|depois|avant|après|vor|"
                           r"nach|über|seit|sebelum|sesudah|tentang|trước|sau|về)(?!\w)", re.IGNORECASE)
AI_COMPOUND = compile_later(
    r"(?<![\w-])(?:AI|KI|IA)[- ](?:generated|assisted|written|created|(?:generiert|gestützt|erstellt)(?:e[snmr]?)?|"
    r"assistée?|générée?|generad[oa]|gerad[oa]|asistid[oa]|assistid[oa]|dibuat)(?![\w-])", re.IGNORECASE)
SELF = cue_table("AI_DISCLOSURE", "self")
OPENING = cue_table("AI_DISCLOSURE", "opening")
MODAL = cue_table("AI_DISCLOSURE", "modal")
NOTICE_LABEL = cue_pattern("AI_DISCLOSURE", "label")
REPORTED = cue_table("AI_DISCLOSURE", "reported")
HELPED = cue_table("AI_DISCLOSURE", "helped")
PEN_NAME = cue_table("AI_DISCLOSURE", "pen_name")
# "<the content> was written with AI": a passive auxiliary in the few words before the creation cue.
PASSIVE = compile_later(rf"(?<!\w)(?:{cue_pattern('AI_DISCLOSURE', 'passive').pattern})(?!\w)", re.IGNORECASE)
# Short words, read in the sentence's own language only ("du" is German "you" and French "of the").
CLAUSE_LINK = cue_table("AI_DISCLOSURE", "clause_link")
READER = cue_table("AI_DISCLOSURE", "reader")
NEGATION = compile_later(rf"(?:{cue_pattern('AI_DISCLOSURE', 'negation').pattern})", re.IGNORECASE)
# A negation before the AI in the same sentence denies it ("Este texto não foi escrito por IA", "no utilizamos
# inteligencia artificial para redactar"): a denial or a promise, not a notice.
NEGATED = compile_later(rf"(?<!\w)(?:{cue_pattern('AI_DISCLOSURE', 'negation').pattern}|n['’]t|ne|n['’])(?!\w)", re.IGNORECASE)
DETECTION = compile_later(rf"(?<!\w)(?:{cue_pattern('AI_DISCLOSURE', 'detection').pattern})(?!\w)", re.IGNORECASE)
PROHIBITION = cue_table("AI_DISCLOSURE", "prohibition")
OPINION = cue_table("AI_DISCLOSURE", "opinion")
LIST_NUMBER = compile_later(r"\d{1,3}[.)]\W*")
# An aside between dashes or brackets ("Der gesamte Inhalt – von den Artikeln bis zu den Features – wurde …").
ASIDE = compile_later(r"\s[–—-]\s[^–—]*?\s[–—-]\s|\([^)]*\)")
MAX_SUBJECT_WORDS = 12
MAX_SUBJECT_CHARS = 60  # Vietnamese words are syllables: the subject's length is counted in characters too
# A byline that declares its writer an AI: "Klara Indernach (KI)", "News Desk (AI)".
AI_BYLINE = compile_later(r"^\W{0,3}[A-ZÀ-Ỹ][\w.’'-]+(?: [A-ZÀ-Ỹ][\w.’'-]+){0,3} \((?:KI|AI|IA)\)\W{0,3}$")
SEGMENT_BREAK = compile_later(r"[.!?:]+(?=\s|\*|$)\s*")
NUMBERED_HEADING = compile_later(r"^\W{0,3}\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")
CUE_REACH_WORDS = 12  # the creation cue stands within this many words before the AI it names
USER_REACH_WORDS = 4  # "the author used ChatGPT", "we used generative AI tools"
HEADING_WORDS = 10
SHORT_LABEL_WORDS = 8
# German puts the participle after the AI ("mit KI erstellt"): there the cue may follow it.
CUE_AFTER_AI = frozenset({"de", "vi"})


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentence-like segments of a line: split after full stops, question marks and colons."""
    spans, start = [], 0
    for match in SEGMENT_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _links_agent(between: str) -> bool:
    return bool(AGENT_LINK.search(between)) and not TIME_OR_TOPIC.search(between)


def _heading_above(document: Document, line: Line) -> str:
    """The previous non-empty line when it is short: a heading or label over the notice."""
    for index in range(line.number - 1, max(-1, line.number - 3), -1):
        above = document.lines[index].text.strip()
        if above:
            return above if len(above.split()) <= HEADING_WORDS else ""
    return ""


_LABEL_PHRASE = compile_later(rf"(?:[\w'’-]+ ){{0,4}}?(?:{NOTICE_LABEL.pattern})(?: [\w'’-]+){{0,4}}", re.IGNORECASE)


def _anchored(role: str) -> list[tuple[str, re.Pattern[str]]]:
    """One role's cues per language, to try at one position only (cheaper than searching on)."""
    compiled = []
    for language, phrases in cues("AI_DISCLOSURE", role).items():
        body = "|".join(re.sub(r"(?<![\\\[]) ", r"\\s+", p) for p in phrases)
        # Markdown emphasis ("_This project was …_") is not part of a word: only letters and digits are.
        compiled.append((language, re.compile(rf"(?<![^\W_])(?:{body})(?!\w)", re.IGNORECASE)))
    return compiled


SELF_AT = _anchored("self")
OPENING_AT = _anchored("opening")
USER_IN = _anchored("user")
# One alternation of every language's creation cues: which language says "created" does not matter.
MADE_ANY = compile_later(rf"(?<![^\W_])(?:{cue_pattern('AI_DISCLOSURE', 'made').pattern})(?!\w)", re.IGNORECASE)


def _user_cue(sentence: str, start: int, ai_start: int) -> PhraseMatch | None:
    """The author, publisher or "we" using the AI, a few words before it."""
    for language, regex in USER_IN:
        for match in regex.finditer(sentence, start, ai_start):
            if _words_between(sentence, match.end(), ai_start) <= USER_REACH_WORDS:
                return PhraseMatch(language, match.start(), match.end(), match.group(0))
    return None


def _match_at(compiled: list[tuple[str, re.Pattern[str]]], text: str, position: int) -> PhraseMatch | None:
    """The longest cue that starts exactly at ``position`` (the first language wins a tie)."""
    best = None
    for language, regex in compiled:
        match = regex.match(text, position)
        if match and (best is None or match.end() > best.end):
            best = PhraseMatch(language, match.start(), match.end(), match.group(0))
    return best


def _in_language(table: PhraseTable, text: str, language: str, start: int = 0, end: int | None = None) -> bool:
    """Whether a phrase of ``language`` in the table stands in ``text[start:end]``."""
    return any(m.language == language for m in table.finditer(text, start, len(text) if end is None else end))


def _passive_subject(sentence: str, lead: int, cue: re.Match[str], ai_start: int, language: str) -> bool:
    """The sentence opens with a short noun phrase and a passive creation verb ("Ce dossier a été rédigé avec
    l'aide de l'IA", "Ringkasan dan analisis dibuat menggunakan AI", "Hệ thống được phát triển với sự hỗ trợ
    của AI"): the thing made is this text's own, whatever it is called. No clause opens before the verb
    ("informs the user that the avatar was generated by AI" reports) and no comma leads in from elsewhere."""
    # German and Vietnamese may put the verb after the AI ("wurde mit Unterstützung von KI erstellt").
    before = ASIDE.sub(" ", sentence[lead : min(cue.start(), ai_start)])
    words = before.split()
    # A participle and its agent open a label-like notice, alone or after the noun it qualifies:
    # "Desenvolvido com auxílio de inteligência artificial", "Résultat généré par intelligence artificielle".
    participle = " " not in cue.group(0).strip() and AGENT_LINK.match(sentence, cue.end() + 1) is not None
    if participle and (not words or (len(words) == 1 and _names_the_made(before))):
        return True
    if (not words or len(words) > MAX_SUBJECT_WORDS or len(before.strip()) > MAX_SUBJECT_CHARS
            or any(mark in before for mark in ",;:") or _in_language(CLAUSE_LINK, before, language)):
        return False
    # Indonesian passives are the verb's di- form ("dibuat", "disusun"); Vietnamese marks them with "được".
    return bool(PASSIVE.search(before)) or cue.group(0).lower().startswith(("di", "được"))


def _is_label(text: str) -> bool:
    bare = re.sub(r"[^\w\s'’-]", " ", text).strip()
    return bool(bare) and bool(NOTICE_LABEL.fullmatch(bare) or _LABEL_PHRASE.fullmatch(bare))


def _signal_notice(document: Document, line: Line) -> PhraseMatch | None:
    text = line.text
    heading = None
    segments = _segments(text)
    for number, (start, end) in enumerate(segments):
        sentence = text[start:end]
        ai = AI_TERM.search(sentence) or AI_COMPOUND.search(sentence)
        if ai is None or inside_quotes(text, start + ai.start()):
            continue
        # Up to the first letter or digit: bullets, emphasis, brackets and emoji ("⚠️ Rédigé avec l'aide de l'IA").
        # (A letter-like symbol shown as an emoji, "ℹ️", is followed by the emoji selector U+FE0F.)
        lead = next((i for i, c in enumerate(sentence) if c.isalnum() and sentence[i + 1 : i + 2] != "\ufe0f"),
                    len(sentence))
        numbered = LIST_NUMBER.match(sentence, lead)
        if numbered:  # "6. **Never publish ...**": the item of a list begins after its number
            lead = next((i for i in range(numbered.end(), len(sentence)) if sentence[i].isalnum()), len(sentence))
        prohibition = PROHIBITION.search(sentence, lead, min(len(sentence), lead + 12))
        if prohibition is not None and prohibition.start == lead:
            continue  # "Never publish AI-generated content ...", "No AI was used": a rule or a denial, not a notice
        if NEGATED.search(sentence, lead, ai.start()):
            continue  # "This text was not written by AI": a denial
        subject = _match_at(SELF_AT, sentence, lead) or _match_at(OPENING_AT, sentence, lead)
        user = _user_cue(sentence, lead, ai.start())
        language = (subject or user).language if (subject or user) else document.language
        cue = next((m for m in MADE_ANY.finditer(sentence, lead, ai.start())
                    if _words_between(sentence, m.end(), ai.start()) <= CUE_REACH_WORDS
                    and _links_agent(sentence[m.start() : ai.start()])), None)
        if cue is None and language in CUE_AFTER_AI:
            cue = MADE_ANY.search(sentence, ai.end())
        compound = AI_COMPOUND.search(sentence)
        at_lead = ai.start() <= lead + 1
        pen_name = (not (user or cue or compound or at_lead) and PEN_NAME.search(sentence) is not None
                    and MADE_ANY.search(sentence) is not None)
        if not (user or cue or compound or at_lead or pen_name):
            continue  # no cue of creation, use or help: an article that names AI
        if heading is None:
            heading = _heading_above(document, line)
            if heading.endswith(":") and REPORTED.search(heading):
                return None  # "Suggested disclosure wording:" introduces a template, not this text's notice
        previous = text[segments[number - 1][0] : segments[number - 1][1]] if number else ""
        # A numbered section heading ("4. AI processing") heads a policy or a manual describing a service,
        # not a notice about this text.
        labelled = (bool(previous) and _is_label(previous)) or (
            number == 0 and bool(heading) and not NUMBERED_HEADING.match(heading)
            and (_is_label(heading) or bool(AI_TERM.search(heading))))
        short = len(sentence.split()) <= SHORT_LABEL_WORDS
        # The AI as subject that helped with this text ("ChatGPT helped draft this article"), the text named
        # after the AI it was made with ("used AI to summarise this story"), or a pen name declared for AI texts.
        helped = at_lead and any(_words_between(sentence, ai.end(), m.start) <= USER_REACH_WORDS
                                 for m in HELPED.finditer(sentence, ai.end())) and SELF.search(sentence, ai.end())
        named_after = cue is not None and SELF.search(sentence, ai.end()) is not None
        made = cue or compound
        passive = made is not None and subject is None and _passive_subject(sentence, lead, made, ai.start(), language)
        if passive:
            if heading is None:
                heading = _heading_above(document, line)
            # Under a numbered section heading ("3. Artificial intelligence") a policy describes a service.
            passive = not NUMBERED_HEADING.match(heading)
        if not (user or passive or (cue and (subject or labelled)) or (compound and (labelled or short) and not subject)
                or helped or named_after or pen_name):
            if not (PEN_NAME.search(sentence) and MADE_ANY.search(sentence)):
                continue
        if made is not None and _in_language(CLAUSE_LINK, sentence, language, lead, min(made.start(), ai.start())):
            continue  # "informs the user that the avatar was generated by AI": a clause reports it
        if _in_language(OPINION, sentence, language, lead, min(made.start(), ai.start()) if made else ai.start()):
            continue  # "I suspect this was AI generated": someone's opinion of a text, not its notice
        if _in_language(READER, sentence, language):
            continue  # the reader addressed: a product's promise or an instruction, not a notice
        if "?" in sentence or _in_language(MODAL, sentence, language, lead, ai.start()):
            continue  # generic, hypothetical or a question: not a notice about this text
        return PhraseMatch(language, line.start + start + lead, line.start + end, text[start + lead : end])
    return None


def _ai_byline(line: Line) -> PhraseMatch | None:
    text = line.text.strip()
    if not AI_BYLINE.match(text):
        return None
    start = line.start + line.text.index(text)
    return PhraseMatch("und", start, start + len(text), text)


ASSIST = cue_pattern("AI_DISCLOSURE", "assist")
# Help credited to a named AI where a label stands: in brackets ("(con ayuda de ChatGPT)"), or closing a short line
# ("Leonardo, con ayuda de ChatGPT", "Diseñada y programada por Jaime F. Paleo, con ayuda de ChatGPT").
ASSISTED = compile_later(
    rf"(?<!\w)(?:{ASSIST.pattern})\s+(?:(?:the|la|el|o|a|de|del)\s+|l['’])?(?P<ai>{AI_TOOLS}|AI|A\.I\.|KI|IA|LLMs?|"
    rf"{AI_SPELLED_OUT})" + NOT_A_SURNAME +
    r"(?:[\s,]+\(?[\w.-]+\)?){0,3}?\s*(?P<close>\)|[.!]?\s*$)", re.IGNORECASE)
ASSISTED_LINE_WORDS = 16
# Outside brackets the help is this text's only when credited after a comma or a dash, opening the line, or told in
# the first person ("Lo hice con ayuda de chatgpt"); "Many companies write copy with the help of AI" is about AI.
FIRST_PERSON = compile_later(r"(?<!\w)(?:I|we|my|our|je|j['’]|nous|mon|ma|mes|ich|wir|mein\w*|unser\w*|yo|nosotros|mi|"
                          r"hice|hicimos|eu|nós|meu|minha|fiz|fizemos|saya|kami|aku|tôi|chúng tôi|mình)(?!\w)", re.IGNORECASE)
CREDIT_BY = cue_pattern("AI_DISCLOSURE", "credit_by")
# A credit naming an AI tool as (co-)author: "Por Byron Javier Picado Molina y chat GPT", "© Sébastien Bailly &
# ChatGPT – 2025", "Bút danh: ChatGPT", "A Story by ChatGPT". A product's "Powered by ChatGPT" is not a credit.
AI_CREDIT = compile_later(
    rf"(?:^|(?<=[\s(|·•–—-]))(?<!powered )(?<!driven )(?<!enabled )(?<!backed )(?:{CREDIT_BY.pattern})\s*"
    rf"(?:[^\n]{{0,50}}?\s(?:and|y|e|et|und|dan|và|&)\s+)?(?:{AI_TOOLS})(?![\w-]){NOT_A_SURNAME}", re.IGNORECASE)
AI_CREDIT_LINE_WORDS = 12
# An image generator credited where a caption's picture credit stands: "… with vertical farms (Midjourney)",
# "(Pic: Meta AI)", "Bild: Midjourney". The picture credit says who made the picture; here an AI did.
# The extra names are matched as written: "(flux)" or "(runway)" in a sentence is a word, not the tool.
IMAGE_TOOLS = (AI_TOOLS + r"|(?-i:Meta AI|Bing Image Creator|Image Creator|Kandinsky(?: \d[\w.]*)?|Imagen \d|Sora"
               r"|Flux(?:\.\d)?|Runway(?: ML)?|Canva AI|Magic Media|Microsoft Designer)")
# The citation family's picture labels, and three more seen before an image generator's name ("Pic: Meta AI",
# "Illustration: Midjourney", "Ilustrasi: …"). They are not added to the language files' label_photo: that role is
# also a feature of the line models, and retraining them on it moved round 7's figures (tenth session).
PICTURE_LABEL = cue_pattern("CITATION", "label_photo").pattern + r"|pics?|illustrations?|ilustrasi"
AI_PICTURE_CREDIT = compile_later(
    rf"(?:\(\s*(?:(?:{PICTURE_LABEL})\s*:\s*)?(?:{IMAGE_TOOLS})\s*\)"
    rf"|(?:^|(?<=[.!?…]\s))(?:{PICTURE_LABEL})\s*:\s*(?:{IMAGE_TOOLS}))\s*[.|]?\s*$", re.IGNORECASE)
AI_PICTURE_LINE_WORDS = 40


def _assisted(document: Document, line: Line) -> PhraseMatch | None:
    text = line.text
    match = ASSISTED.search(text) if len(text.split()) <= 60 else None
    if match is None or inside_quotes(text, match.start()):
        return None
    before = text[: match.start()]
    if NEGATED.search(before[_sentence_start(before, 0, len(before)) :]):
        return None  # "no lo hice con ayuda de ChatGPT"
    bracketed = "(" in before[-40:] and ")" in text[match.start() : match.end() + 1]
    credited = bool(re.search(r"(?:^\W*|[,–—-]\s*)$", before)) or bool(FIRST_PERSON.search(before))
    if not bracketed and (len(text.split()) > ASSISTED_LINE_WORDS or not credited):
        return None
    if "?" in text or MODAL.search(text) or READER.search(text) or PROHIBITION.search(text):
        return None  # "You can write faster with the help of ChatGPT": a promise, not a credit
    return PhraseMatch(document.language, line.start + match.start(), line.start + match.end(), match.group(0))


def _ai_credit(document: Document, line: Line) -> PhraseMatch | None:
    text = line.text
    if len(text.split()) > AI_CREDIT_LINE_WORDS:
        return None
    match = AI_CREDIT.search(text)
    if match is None or inside_quotes(text, match.start()):
        return None
    return PhraseMatch(document.language, line.start + match.start(), line.start + match.end(), match.group(0))


def _ai_picture_credit(document: Document, line: Line) -> PhraseMatch | None:
    text = line.text.rstrip()
    if len(text.split()) > AI_PICTURE_LINE_WORDS or ("(" not in text and ":" not in text):
        return None
    match = AI_PICTURE_CREDIT.search(text)
    if match is None or inside_quotes(text, match.start()):
        return None
    return PhraseMatch(document.language, line.start + match.start(), line.start + match.end(), match.group(0))


def _learned_notice(document: Document, line: Line) -> PhraseMatch | None:
    """A notice-sized line the line model (auditor/lines) reads as an AI notice; its gate asks that the line name
    AI outside quotation marks, ask nothing and carry no modal or reporting cue (a policy, a template, someone
    else's notice)."""
    text = line.text.strip()
    if not text or not line_model.passes("ai-disclosure", text):
        return None
    ai = AI_TERM.search(text)
    if ai is not None and NEGATED.search(text, _sentence_start(text, 0, ai.start()), ai.start()):
        return None  # a denial
    if ai is not None and _in_language(OPINION, text, document.language, _sentence_start(text, 0, ai.start()), ai.start()):
        return None  # "I suspect the whole listing was AI generated": an opinion about a text, not its notice
    heading = _heading_above(document, line)
    if heading.endswith(":") and REPORTED.search(heading):
        return None  # "Suggested disclosure wording:" introduces a template, not this text's notice
    if NUMBERED_HEADING.match(heading):
        return None  # under a numbered section heading ("3. Artificial intelligence") a policy describes a service
    start = line.start + line.text.index(text)
    return PhraseMatch(document.language, start, start + len(text), text)


def check(document: Document) -> Iterator[Hit]:
    naming = list(_lines_naming_ai(document))
    line_model.prime("ai-disclosure", (line.text.strip() for line in naming if len(line.text) <= MAX_NOTICE_LINE))
    for line in naming:
        if len(line.text) > MAX_NOTICE_LINE:
            continue
        found = [m for m in NOTICES.finditer(document.text, line.start, line.end)
                 if not inside_quotes(line.text, m.start - line.start)
                 and not NEGATED.search(document.text, m.start, m.end)
                 # "este contenido sería generado por inteligencia artificial": hypothetical, not this text's notice
                 and not _in_language(MODAL, document.text, m.language, m.start, m.end)]
        label = None if found else _label(document, line)
        if label is None and not found:
            label = (_signal_notice(document, line) or _ai_byline(line) or _assisted(document, line) or _ai_credit(document, line)
                     or _ai_picture_credit(document, line) or _learned_notice(document, line))
        if label is not None:
            found = [label]
        if found and (DETECTION.search(line.text) or DETECTION.search(_heading_above(document, line))):
            continue  # a tool that detects AI-made text ("Detecte conteúdo gerado por IA"): about AI, not a notice
        if found and _introduced(line.text[: found[0].start - line.start]):
            continue  # "Exemplo de referência em documentação: Texto gerado com auxílio da IA ...": an example
        for match in found[:1]:
            # The span is the sentence of the notice ("The Key Points at the top of this article were ...").
            start = match.start if label is not None else _sentence_start(document.text, line.start, match.start)
            end = _sentence_end(document.text, match.end, line.end)
            language = name_of(match.language)
            yield Hit(
                start,
                end,
                f"AI disclosure notice ({language}): the article says it was made with AI",
                data={"language": match.language, "notice": document.text[start:end]},
            )


def _introduced(before: str) -> bool:
    """Someone else's wording introduced earlier on the line: an example, a template ("Contoh di halaman detail: >")."""
    cue = REPORTED.search(before)
    return cue is not None and ":" in before[cue.end :]


def _sentence_start(text: str, line_start: int, position: int) -> int:
    stops = list(SENTENCE_BREAK.finditer(text, line_start, position))
    start = stops[-1].end() if stops else line_start
    return start + len(text[start:position]) - len(text[start:position].lstrip())


def _sentence_end(text: str, position: int, line_end: int) -> int:
    stop = re.compile(r"[.!?)](?=\s|$)").search(text, position, line_end)
    return stop.end() if stop else line_end


RULE = Rule(
    code="AI001",
    name="ai-disclosure-notice",
    category="ai-disclosure",
    severity="info",
    scopes=("text",),
    summary='A notice that this article was made with AI ("This article was created with AI assistance.", '
    '"Dieser Text wurde mit KI erstellt", "Este artículo fue elaborado con ayuda de inteligencia artificial", '
    '"(Thực hiện với sự hỗ trợ của các AI)"), with the language it is written in.',
    rationale="Editorial policy may require AI-assisted articles to say so, and readers must be told; an article "
    "that merely talks about AI is not a disclosure and is left alone.",
    flagged="Meta raised its spending forecast.\nThis article was created with AI assistance.",
    not_flagged="The company uses AI assistance in its products, and this article explains how.",
    check=check,
)
