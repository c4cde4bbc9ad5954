"""Lines → blocks, and the cues each block carries (dash, label, heading, '?', junk).

A block is a paragraph of the source: normally a line, or several lines when a copy broke a
sentence across lines.  Offsets are into the decoded text; nothing is copied or altered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import FunctionType
from typing import Final

# a turn led by a dash: em/en dash with or without a space, a hyphen only before a space
DASH: Final = re.compile(r"(?:[—–]|-(?=\s))\s*")
# explicit question/answer labels; single letters only with a colon ("В. Путин" is a name)
QA_LABEL: Final = re.compile(
    r"(?:\*\*)?(?P<lab>вопрос|ответ|question|answer|q|a|в|о)\s*(?::|\.(?=\s)|\s[—–]\s)(?:\*\*)?\s*",
    re.IGNORECASE,
)
# a speaker label: an outlet, "Корр.", initials "Т. М." or a name of up to four words, then ':'.
# Each word's letters are taken possessively (``*+``): with plain ``*`` a run of capitals could
# be split into words in every way, and 400 capitals before a colon took over a minute.  The
# split never changes what matches (a word ends where letters end either way).
SPEAKER: Final = re.compile(
    r"(?:\*\*)?(?P<lab>(?:[A-ZА-ЯЁ][\w’'\-]*+\.?)(?:\s?[A-ZА-ЯЁ][\w’'\-]*+\.?){0,3})\s*:(?:\*\*)?(?:\s+|$)"
)
# initials with hyphens, which SPEAKER's word shape does not take: "Ж.-Ф.П.:", "J.-P. S.:"
INITIALS: Final = re.compile(r"(?P<lab>[A-ZА-ЯЁ]\.(?:\s?-?[A-ZА-ЯЁ]\.){1,3})\s*:(?:\s+|$)")
# a radio transcript's label: an initial, the surname in capitals, a dash ("Т. ИВАНОВА – …")
# or initials alone ("М.Ш. – …")
RADIO: Final = re.compile(
    r"(?P<lab>[A-ZА-ЯЁ]\.\s?(?:[A-ZА-ЯЁ]{2}[A-ZА-ЯЁ\-]*|[A-ZА-ЯЁ]\.(?:\s?[A-ZА-ЯЁ]\.)?))\s+[—–-]\s+")
# a transcript's first turn by each speaker defines the initials that label the later ones:
# "Марат Шибутов (М.Ш.) – …", "Анна Ким (А.К.): …"; the label is the initials
DEFINED: Final = re.compile(
    r"[A-ZА-ЯЁ][\w’'\-]*+(?:\s[A-ZА-ЯЁ][\w’'\-]*+){0,2}\s?\((?P<lab>[A-ZА-ЯЁ]\.\s?[A-ZА-ЯЁ]\.(?:\s?[A-ZА-ЯЁ]\.)?)\)\s*(?::|[—–-](?=\s))\s*")
# a newspaper's labels closed by a full stop: the guest's first name and surname in capitals,
# the paper's name in capitals and quotes ("Дарья ОСИНИНА. …", "«ЗАВТРА». …")
PRESS: Final = re.compile(
    r"(?P<lab>[A-ZА-ЯЁ][a-zа-яё]+(?:\s[A-ZА-ЯЁ][a-zа-яё]+)?\s[A-ZА-ЯЁ]{2,}(?:-[A-ZА-ЯЁ]{2,})?"
    r"|[\"«“][A-ZА-ЯЁ][A-ZА-ЯЁ\-]+(?:\s[A-ZА-ЯЁ\-]+){0,2}[\"»”])\.\s+")
# transcripts mark the interviewer with ">>"
CHEVRON: Final = re.compile(r">>\s*")
MD_HEADING: Final = re.compile(r"#{1,6}\s+")
BOLD_ONLY: Final = re.compile(r"(\*\*|__)(?P<body>[^*_].*?)\1\s*$")
# words that look like speaker labels but introduce credits or site furniture
NOT_SPEAKERS: Final = {
    "фото", "источник", "читайте", "подробнее", "теги", "тег", "тема", "справка", "примечание",
    "видео", "автор", "редакция", "photo", "source", "note", "update", "tags", "read", "related",
    "внимание", "цитата", "просмотров", "просмотры", "views", "опубликовано", "обновлено", "published", "updated", "рубрика", "дата", "date", "title", "image", "credit", "copyright",
    "поделиться", "share", "комментарии", "comments", "по теме", "см", "ссылка", "link", "кстати",
    "итак", "например", "важно", "вывод", "кроме того",
}
# a sentence ends with one of these, maybe followed by closing quotes, brackets or bold marks
_TERMINAL_CHARS: Final = (".", "!", "?", "…", ":", ";")
_CLOSERS: Final = "\"»”')]*"
# QA_LABEL is case-insensitive, so a label starts with "*" or a case form of "в", "о", "q" or
# "a".  Up to U+04FF these are all of them (checked with the regex over those characters); past
# it Unicode adds a few more ("ᲀ" is a form of "В"), found by comparing lower and upper case.
_QA_START: Final = frozenset("*вВоОqQaA")
_QA_LOWER: Final = frozenset("воqa")
_QA_UPPER: Final = frozenset("ВОQA")
# SPEAKER opens with an optional "**" and then [A-ZА-ЯЁ] (case-sensitive)
_PRESS_QUOTES: Final = frozenset("\"«“")  # PRESS's outlet label opens with one
_SPEAKER_START: Final = frozenset(
    "*ABCDEFGHIJKLMNOPQRSTUVWXYZЁ" + "".join(map(chr, range(ord("А"), ord("Я") + 1))))


@dataclass(slots=True, init=False)  # (the dataclass gives repr and eq)
class Block:
    start: int  # first non-blank character
    end: int  # after the last non-blank character
    group: int  # blocks of one group had no blank line between them
    text: str
    body_start: int  # where the reading text starts (after a marker/label)
    body_end: int  # where it ends (before trailing markup)
    marker: str | None  # "dash", "qa", "speaker", "chevron", "heading"
    label: str | None  # normalised label for "qa"/"speaker"
    qa: str | None  # "q" or "a" for explicit question/answer labels
    junk: str | None  # reason, when the block is page junk
    lone_label: bool

    # Written out, not generated: compiled (mypyc), a dataclass's generated __init__ stays
    # interpreted Python, which made each block cost four times its own describing.
    def __init__(self, start: int, end: int, group: int, text: str = "", body_start: int = 0,
                 body_end: int = 0, marker: str | None = None, label: str | None = None,
                 qa: str | None = None, junk: str | None = None, lone_label: bool = False) -> None:
        self.start = start
        self.end = end
        self.group = group
        self.text = text
        self.body_start = body_start
        self.body_end = body_end
        self.marker = marker
        self.label = label
        self.qa = qa
        self.junk = junk
        self.lone_label = lone_label

    @property
    def body(self) -> str:
        return self.text[self.body_start - self.start : self.body_end - self.start]


# a non-blank line without its surrounding blanks (the same whitespace str.strip() removes)
_LINE: Final = re.compile(r"\S(?:[^\n]*\S)?")


def _line_spans(text: str, pos: int) -> list[tuple[int, int]]:
    """Where _LINE matches in ``text[pos:]``, found with str.find and str.isspace: for the
    compiled module (mypyc), where this runs several times faster than the pattern (which
    walks every character); interpreted, the pattern is faster.  (``\\S`` is exactly
    ``not str.isspace()``; a test compares the two over every blank of Unicode.)"""
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = pos
    while i < n:
        j = text.find("\n", i)
        if j == -1:
            j = n
        s = i
        while s < j and _blank(text, s):
            s += 1
        if s < j:
            e = j
            while _blank(text, e - 1):
                e -= 1
            spans.append((s, e))
        i = j + 1
    return spans


def _blank(text: str, k: int) -> bool:
    c = ord(text[k])
    return not 32 < c < 127 and text[k].isspace()  # (printable ASCII is never blank)


# compiled, _line_spans is the faster way to the lines; interpreted, the pattern
_NATIVE: Final = not isinstance(_line_spans, FunctionType)


def split_blocks(text: str, pos: int = 0) -> list[Block]:
    """Split ``text[pos:]`` into blocks; rejoin lines a copy broke mid-sentence."""
    blocks: list[Block] = []
    group = 0
    prev_end = -1
    prev_line = ""  # the previous non-blank line, stripped: the last line of blocks[-1]
    spans = _line_spans(text, pos) if _NATIVE else [m.span() for m in _LINE.finditer(text, pos)]
    for s, e in spans:
        line = text[s:e]
        if prev_end >= 0 and text.count("\n", prev_end, s) > 1:
            group += 1  # a blank line in between
        elif prev_end >= 0 and _continues(prev_line, line):
            last = blocks[-1]
            last.end = e
            last.text = text[last.start : e]
            prev_end = e
            prev_line = line
            continue
        blocks.append(Block(s, e, group, line))
        prev_end = e
        prev_line = line
    lone_labels = glued = False
    for b in blocks:
        _describe_new(b)
        if b.lone_label:
            lone_labels = True
        elif b.marker == "speaker" and len(b.text) > 200:
            glued = True
    if glued:
        blocks = _split_glued_turns(blocks)
    return _join_lone_labels(text, blocks) if lone_labels else blocks


# a name label inside a paragraph, after the end of a sentence: a transcript whose turns a copy
# ran together ("… здравствуйте! Анна Ким: Здравствуйте! Иван Ли: …")
_INLINE_LABEL: Final = re.compile(r"[.!?…»)][ \u00a0]+(?P<lab>[A-ZА-ЯЁ][\w’'\-]+(?: [A-ZА-ЯЁ][\w’'\-]+){1,2}):[ \u00a0]")


def _split_glued_turns(blocks: list[Block]) -> list[Block]:
    """A paragraph that opens with a name label and holds more of them is several turns: split
    it where the labels stand, when its own label or another recurs inside it (one name
    followed by a colon may be a quotation's source)."""
    out: list[Block] = []
    for b in blocks:
        if b.marker != "speaker" or len(b.text) <= 200 or b.text.count(": ") < 2:
            out.append(b)
            continue
        found = list(_INLINE_LABEL.finditer(b.text))
        labs = [m.group("lab").lower() for m in found]
        if sum(lab == b.label or labs.count(lab) >= 2 for lab in labs) < 2:
            out.append(b)
            continue
        cuts = [0] + [m.start("lab") for m in found] + [len(b.text)]
        for lo, hi in zip(cuts, cuts[1:]):
            part = b.text[lo:hi].rstrip()
            nb = Block(b.start + lo, b.start + lo + len(part), b.group, part)
            _describe_new(nb)
            out.append(nb)
    return out


def _join_lone_labels(text: str, blocks: list[Block]) -> list[Block]:
    """A label alone on its line ("Вопрос:", "Иван Петров:") introduces the next block."""
    out: list[Block] = []
    for b in blocks:
        if out and out[-1].lone_label and not b.marker:
            prev = out[-1]
            prev.end = b.end
            prev.text = text[prev.start : prev.end]
            # the label's marker stays; the body is the next block's text
            prev.body_start, prev.body_end, prev.lone_label = b.start, prev.end, False
            continue
        out.append(b)
    return out


def _continues(last_line: str, line: str) -> bool:
    """Does ``line`` continue the block whose last line (stripped) is ``last_line`` (a sentence
    broken by a copy)?"""
    if _is_lone_label(last_line):
        return True
    if last_line in _LONE_DASHES:
        return True  # a dash alone on its line leads the text on the next line
    if "(" in last_line and last_line.count("(") > last_line.count(")"):
        return True  # a note in parentheses that a copy broke ("(… —" ⏎ "RT" ⏎ ")")
    if _ends_terminal(last_line):
        return False
    if last_line.startswith("#") and MD_HEADING.match(last_line):
        return False
    if last_line.startswith(("**", "__")) and BOLD_ONLY.match(last_line):
        return False
    first = line[0]
    # the cheap test of the first character before the regexes of starts_turn
    looks_continued = first.islower() or first in ",;:)»”….!?" or (
        first in "-–—" and len(line) > 1 and line[1].islower()) or (
        # a stage direction the page set on its own line: "— Я их не считаю" ⏎ "(смеётся)"
        first == "(" and len(line) <= 40 and line.endswith(")"))
    return looks_continued and not starts_turn(line)


_LONE_DASHES: Final = frozenset("—–-")


def _is_lone_label(line: str) -> bool:
    if len(line) >= 40:
        return False
    stripped = line.strip()
    # both label patterns, matched whole, end in ":" or a closing "**"
    if not stripped.endswith((":", "**")):
        return False
    m = QA_LABEL.fullmatch(stripped) or SPEAKER.fullmatch(stripped) or INITIALS.fullmatch(stripped)
    if m is None:
        return False
    lab: str = m.group("lab")
    lab = lab.lower().rstrip(".")
    return lab not in NOT_SPEAKERS


def starts_turn(line: str) -> bool:
    return bool(DASH.match(line) or _qa_label(line) or CHEVRON.match(line) or _speaker(line))


def _qa_label(line: str):
    """QA_LABEL at the start of ``line``, except a single lower-case letter: "о. И чтобы" is the
    end of a word a copy broke ("эт" ⏎ "о. И чтобы"), not the answer label "О."."""
    m = QA_LABEL.match(line)
    if m is None:
        return None
    lab: str = m.group("lab")
    if len(lab) == 1:
        if lab.islower():
            return None
        # "О. М.: …", "В. Путин: …": an initial that opens a name label, not "О." (answer)
        if line[m.end("lab"):m.end("lab") + 1] == ".":
            sp = SPEAKER.match(line) or INITIALS.match(line)
            if sp is not None and len(sp.group("lab").strip()) > 2:
                return None
    return m


def _speaker(line: str):
    m = SPEAKER.match(line)
    if m is None:
        m = (INITIALS.match(line) or RADIO.match(line)) if line[1:2] == "." else (
            DEFINED.match(line) or PRESS.match(line))
        if m is None:
            return None
    lab: str = m.group("lab")
    lab = lab.strip()
    if lab.lower().rstrip(".") in NOT_SPEAKERS or len(lab) > 40:
        return None
    return m


def describe(b: Block) -> None:
    """Find the block's leading marker and the reading text after it (again, when its text
    changed: what was found before is dropped first)."""
    b.marker = b.label = b.qa = None
    b.lone_label = False
    _describe_new(b)


def _describe_new(b: Block) -> None:
    """describe() for a block just made, whose marker fields still hold their defaults.

    Each pattern is tried only when the first character could start it: most blocks are plain
    paragraphs, and this runs for every block of every file."""
    t = b.text
    b.body_start, b.body_end = b.start, b.end
    c = t[:1]
    if not c:
        return
    if c in "—–-":
        m = DASH.match(t)
        if m and m.end() < len(t):
            b.marker, b.body_start = "dash", b.start + m.end()
            return
    if c in _QA_START or c > "\u04ff" and _qa_letter_case_form(c):
        m = _qa_label(t)
        if m:
            lab: str = m.group("lab")
            lab = lab.lower()
            b.marker, b.label = "qa", lab
            b.qa = "q" if lab in ("вопрос", "question", "q", "в") else "a"
            b.body_start = b.start + m.end()
            b.lone_label = m.end() >= len(t)
            return
    if c == ">":
        m = CHEVRON.match(t)
        if m:
            b.marker, b.body_start = "chevron", b.start + m.end()
            return
    if (c in _SPEAKER_START or c in _PRESS_QUOTES) and (":" in t or t[1:2] == "." or _may_label(t[:60])):
        m = _speaker(t)
        if m:
            name: str = m.group("lab")
            b.marker, b.label = "speaker", " ".join(name.split()).lower()
            b.body_start = b.start + m.end()
            b.lone_label = m.end() >= len(t)
            if c == "*" and t.endswith("*"):  # "**Name: question?**": the bold ends the body
                b.body_end = max(b.body_start, b.end - (len(t) - len(t.rstrip("*_"))))
            return
    if c in "*_#" and _emphasised_label(b, t):
        return
    if c == "#":
        m = MD_HEADING.match(t)
        if m:
            b.marker, b.body_start = "heading", b.start + m.end()
            # "### — Вопрос?": a dash turn set as a heading, as "**— Вопрос?**" in bold
            d = DASH.match(t, m.end())
            if d and d.end() < len(t.rstrip("# ")):
                b.marker, b.body_start = "dash", b.start + d.end()
            return
    if c in "*_" and "\n" not in t:
        m = BOLD_ONLY.match(t)
        if m:
            b.marker = "heading"
            b.body_start = b.start + m.start("body")
            b.body_end = b.start + m.end("body")
            # "**— Вопрос?**": the dash inside the bold marks the turn, as it does without the
            # bold (a page that sets its questions in bold); it is not question text
            d = DASH.match(t, m.start("body"), m.end("body"))
            if d and d.end() < m.end("body"):
                b.marker = "dash"
                b.body_start = b.start + d.end()


def _may_label(head: str) -> bool:
    """A colonless label may open ``head``: initials defined in brackets (DEFINED) or a label
    closed by a full stop (PRESS)."""
    return "(" in head or ". " in head


_EMPHASIS: Final = frozenset("*_")
_EMPHASIS_OR_TEXT: Final = re.compile(r"[*_]+|[^*_]+")
_LABEL_HEAD: Final = 90  # a label with its emphasis fits in this many characters


def _emphasised_label(b: Block, t: str) -> bool:
    """A label wrapped in Markdown emphasis or a heading: "**Name**: …", "**Name:**text",
    "_**Outlet: …**_", "**A.** …", "#### Q. … ####".  The head of the block is read with each
    run of emphasis marks as one space, so the plain label patterns apply; the offsets map back."""
    off = 0
    h = MD_HEADING.match(t)
    if h:
        off = h.end()
    parts: list[str] = []
    where: list[int] = []  # where[k]: index in t of head[k]
    # run by run, not character by character
    for r in _EMPHASIS_OR_TEXT.finditer(t, off, min(len(t), off + _LABEL_HEAD)):
        rs, rend = r.span()
        if t[rs] in _EMPHASIS:
            if parts:  # leading emphasis is dropped, inner runs read as a space
                parts.append(" ")
                where.append(rs)
        else:
            parts.append(r.group())
            where.extend(range(rs, rend))
    head = "".join(parts)
    if not head or len(head) == len(t) - off and not h:
        return False  # no emphasis at all: the plain patterns already said no
    m = _qa_label(head)
    kind = "qa"
    if m is None and not h:  # a heading "Name: «…»" is a title, not a speaker's turn
        m = _speaker(head)
        kind = "speaker"
    if m is None:
        return False
    lab = m.group("lab")
    if kind == "speaker" and lab.lower().rstrip(".") in NOT_SPEAKERS:
        return False
    pos = where[m.end() - 1] + 1
    n = len(t)
    while pos < n and (t[pos] in _EMPHASIS or t[pos].isspace()):
        pos += 1
    end = n
    while end > pos and (t[end - 1] in _EMPHASIS or t[end - 1] in "# \t"):
        end -= 1
    if kind == "qa":
        lab = lab.lower()
        b.marker, b.label = "qa", lab
        b.qa = "q" if lab in ("вопрос", "question", "q", "в") else "a"
    else:
        b.marker, b.label = "speaker", " ".join(lab.split()).lower()
    b.body_start = b.start + pos
    b.body_end = b.start + max(end, pos)
    b.lone_label = pos >= n
    return True


def _qa_letter_case_form(c: str) -> bool:
    return c.lower() in _QA_LOWER or c.upper() in _QA_UPPER


def _ends_terminal(s: str) -> bool:
    """``s`` (with no trailing whitespace) ends a sentence: a terminal mark, then maybe
    closing quotes, brackets or bold marks."""
    return s.rstrip(_CLOSERS).endswith(_TERMINAL_CHARS)


def ends_terminal(s: str) -> bool:
    return _ends_terminal(s.rstrip())
