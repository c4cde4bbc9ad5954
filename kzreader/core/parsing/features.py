"""What each paragraph (block) looks like, as a tuple of feature names for the role decoder.

A feature is a short string ("dash", "q_end", "L2", "credit", "spk_qlab", "none|doc_dash" ...);
the decoder (``decode.py``) scores a block for a role by adding the weights that the table in
``role_weights.py`` gives its features for that role.  Features are of four kinds:

* the block's own marker: a dash, a question/answer label, a speaker label (and what the
  document says about that label: do its turns end with '?', is it the first label used, does
  it occur once only), a Markdown heading or bold paragraph, a blockquote, a list item;
* its text: '?' at the end or inside, length bucket, address to "вы"/"you", first person,
  no closing punctuation (headline shape), starts in lower case, quoted whole;
* debris signals (and a table row, which is not debris): credit words and ©, "по теме" teasers, tweets, code characters, footnote
  asterisk, URLs, CJK text (translation-project footers), a date alone;
* its place: first block, before the first / after the last marked turn, and its neighbours
  (is the next block a marked turn, did the previous one end with '?'), plus the marker
  combined with the document's main turn marker, with '?' and with length, and whether it
  has the look ("qshape") that most of the document's '?' blocks share.

DESIGN: to add a feature, compute it in ``block_features`` (cheaply: this runs for every
block of every file), then refit the table (``python tools/fit_roles.py --write``); a feature the
table does not know weighs nothing, so adding one never breaks parsing before the refit.
Keep every feature generic (a shape, a class of words), never a phrase, name or outlet of one
file: the parser is judged on pages nobody here has seen.
"""
from __future__ import annotations

import re
from collections import Counter

from .blocks import _TERMINAL_CHARS as TERMINAL_CHARS
from .blocks import Block

TURN_MARKERS = ("dash", "qa", "speaker", "chevron")

# Patterns run on many blocks, so each opens with one character class (the engine then skips
# straight to candidate letters) and asks "does a word start here?" with a lookbehind after it;
# letter classes instead of IGNORECASE, which makes a search several times slower.
# in one scan: "вы"/"вас"/"вам"/"вами"/"ваш…"/"you"/"your" (group "you": the address of a
# question) and "я"/"мне"/"мы"/"наш…"/"I"/"my"/"we"/"our" (group "me": the speaker on themself)
_PERSON = re.compile(
    r"[вВyYяЯмМнНImMwWoO](?<!\w.)(?:"
    r"(?P<you>(?<=[вВ])(?:[ыЫ]|[аА](?:[сСмМ]|[мМ][иИ]|[шШ]\w*))|(?<=[yY])[oO][uU][rR]?)|"
    r"(?P<me>(?<=[яЯI])|(?<=[мМ])(?:ы|не|еня|ой|оя|ои|оё|ое|оего)|(?<=[нН])(?:ас|ам|аш\w*)|"
    r"(?<=[mM])[yYeE]|(?<=[wW])[eE]|(?<=[oO])[uU][rR]))(?!\w)"
)
# photo credits, agencies, platforms, captions: words that mark page debris rather than speech
_CREDIT = re.compile(
    r"[©ФфPpGRAEРТTSYIiCcКкИиСс](?<!\w.)(?:(?<=©)|(?<=[Фф])ото|(?<=[Pp])hoto|(?<=G)etty|(?<=R)euters|"
    r"(?<=A)(?:FP|P)|(?<=E)PA|(?<=Р)ИА|(?<=Т)АСС|(?<=T)ASS|(?<=S)putnik|(?<=S)hutterstock|"
    r"(?<=G)lobal Look|(?<=R)uptly|(?<=Y)ouTube|(?<=F)acebook|(?<=I)nstagram|(?<=T)witter|"
    r"(?<=[Ии])сточник|(?<=[Ii])mage by|(?<=[Cc])redit|(?<=[Кк])адр из|(?<=[Сс])криншот|"
    r"(?<=[Ии])ллюстрация)(?!\w)"
)
_TEASER = re.compile(r"[ТтПпЧчСсRrS](?:(?<=[Тт])акже по теме|(?<=[Пп])о теме|(?<=[Чч])итайте также|"
                     r"(?<=[Сс])мотрите также|(?<=[Ss])ee also|(?<=[Rr])ead (?:also|more)|(?<=[Rr])elated)")
_TWEET = re.compile(r"pic\.twitter\.com|\(@\w+\)|twitter\.com/|instagram\.com/|@\w{3,}", re.IGNORECASE)
_DATE_LINE = re.compile(r"\d{1,2}(?:\s+\w+\.?\s+\d{4}|[./]\d{1,2}[./]\d{2,4})|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}")
_CJK = re.compile(r"[\u3000-\u9fff]")
_CODE = re.compile(r"[{};=$<>]")
_LIST = re.compile(r"(?:[*•·+-]|\d{1,2}[.)])\s")
_INTERVIEWER_WORDS = {"корр", "корреспондент", "журналист", "интервьюер", "ведущий", "ведущая",
                      "interviewer", "reporter", "host", "q", "вопрос", "question"}
_QUOTES_OPEN = "«“\"„'‘"
_QUOTES_CLOSE = "»”\"“'’"
_CLOSERS = "\"»”')]*_ "
_LIST_OR_QUOTE = frozenset(">*•·+-0123456789")  # first characters _marker must look at


def _label_stats(blocks: list[Block], content: list[int], bodies: list[str]) -> dict[str, tuple[int, float, int]]:
    """label → (how many blocks carry it, share of them with '?', rank of its first use)."""
    count: Counter[str] = Counter()
    asks: Counter[str] = Counter()
    order: dict[str, int] = {}
    for i, body in zip(content, bodies):
        b = blocks[i]
        if b.marker == "speaker" and b.label:
            count[b.label] += 1
            if "?" in body:
                asks[b.label] += 1
            order.setdefault(b.label, len(order))
    return {lab: (n, asks[lab] / n, order[lab]) for lab, n in count.items()}


def _shape(b: Block) -> str | None:
    """The look of a block's marker: "#3" for a level-3 heading, "bold", "spk:NAME", "dash" ..."""
    m = b.marker
    if m == "heading":
        t = b.text
        return "#" + str(len(t) - len(t.lstrip("#"))) if t.startswith("#") else "bold"
    if m == "speaker":
        return "spk:" + (b.label or "")
    if m == "qa":
        return "qa:" + (b.qa or "")
    return m


def _question_shape(blocks: list[Block], content: list[int], qends: list[bool]) -> str | None:
    """The marker look most blocks ending with '?' share (how this document marks questions);
    a heading of that level without '?' is then a question too, one of another level not."""
    seen: Counter[str | None] = Counter()
    for i, q in zip(content, qends):
        b = blocks[i]
        if q and b.marker:
            seen[_shape(b)] += 1
    if not seen:
        return None
    shape, n = seen.most_common(1)[0]
    return shape


def _doc_kind(blocks: list[Block], content: list[int]) -> str:
    n = Counter(blocks[i].marker for i in content)
    if n["qa"] >= 2:
        return "doc_qa"
    if n["speaker"] >= 3:
        return "doc_spk"
    if n["dash"] >= 3:
        return "doc_dash"
    if n["chevron"] >= 2:
        return "doc_chev"
    if n["heading"] >= 3:
        return "doc_head"
    return "doc_plain"


def _marker(b: Block, stats) -> tuple[str, list[str]]:
    m = b.marker
    extra: list[str] = []
    if m == "dash":
        return "dash", extra
    if m == "qa":
        return ("qa_q" if b.qa == "q" else "qa_a"), extra
    if m == "chevron":
        return "chev", extra
    if m == "speaker":
        n, share, rank = stats.get(b.label, (1, 0.0, 9))
        extra.append("spk_qlab" if share >= 0.5 else "spk_alab")
        if n == 1:
            extra.append("spk_once")
        if rank == 0:
            extra.append("spk_first")
        if (b.label or "").rstrip(".") in _INTERVIEWER_WORDS:
            extra.append("spk_known_q")
        body = b.body.lstrip()
        if body[:1] in _QUOTES_OPEN:
            extra.append("spk_quote")
        return "spk", extra
    if m == "heading":
        return ("hash" if b.text.startswith("#") else "bold"), extra
    t = b.text
    if t.startswith(">"):
        extra.append("bq_quote" if t[1:].lstrip()[:1] in _QUOTES_OPEN else "bq")
    elif _LIST.match(t):
        extra.append("list")
    return "none", extra


def block_features(blocks: list[Block]) -> tuple[list[int], list[tuple[str, ...]]]:
    """The blocks the decoder places (all but those junk.py already removed) and their features."""
    content: list[int] = []
    bodies: list[str] = []
    for i, b in enumerate(blocks):
        if not b.junk:
            body = b.body.strip()
            if body:
                content.append(i)
                bodies.append(body)
    if not content:
        return content, []
    tails = [body.rstrip(_CLOSERS) for body in bodies]
    qends = [t.endswith("?") for t in tails]
    stats = _label_stats(blocks, content, bodies)
    doc = _doc_kind(blocks, content)
    # where the turns are, for "before the first" / "after the last": marked turns, or in a
    # document without turn markers its headings, or failing those its questions
    kinds = TURN_MARKERS if doc not in ("doc_head", "doc_plain") else ("heading",)
    # (the first block is the title unless it asks something)
    turns = [k for k, i in enumerate(content) if blocks[i].marker in kinds and (k or qends[0])]
    if not turns and doc == "doc_plain":
        turns = [k for k, q in enumerate(qends) if q]
    first_turn = turns[0] if turns else len(content)
    # after the last turn is the epilogue only where answers carry markers too
    last_turn = turns[-1] if turns and kinds is TURN_MARKERS else len(content)
    qshape = _question_shape(blocks, content, qends)
    rows: list[list[str]] = []
    marks: list[bool] = []
    for k, i in enumerate(content):
        b = blocks[i]
        body = bodies[k]
        tail = tails[k]
        n = len(body)
        if b.marker is None and body[0] not in _LIST_OR_QUOTE:
            m, f = "none", ["none"]  # most blocks: plain paragraphs (skip the call)
        else:
            m, f = _marker(b, stats)
            f.append(m)
        marks.append(m not in ("none", "bold", "hash"))
        q_end = qends[k]
        if q_end:
            f.append("q_end")
        elif "?" in body:
            f.append("q_in")
        size = "L0" if n < 30 else "L1" if n < 100 else "L2" if n < 300 else "L3" if n < 800 else (
            "L4" if n < 2000 else "L5")
        f.append(size)
        if n < 300 or q_end:  # only where it can tell a question: the search is costly
            addr = first_p = False
            for w in _PERSON.finditer(body, 0, 150):
                if w.lastgroup == "you":
                    addr = True
                else:
                    first_p = True
                if addr and first_p:
                    break
            if addr:
                f.append("addr")
            if first_p:
                f.append("first_p")
        noterm = not tail.endswith(TERMINAL_CHARS)  # blocks.ends_terminal, on text stripped already
        if noterm:
            f.append("noterm")
        c = body[0]
        if c.islower():
            f.append("lower")
        elif c.isdigit():
            f.append("digit")
        elif c in _QUOTES_OPEN and tail[-1:] in _QUOTES_CLOSE:
            f.append("quoted")
        elif c == "*" and body[1:2] != "*" and not body.endswith("*"):
            f.append("foot")  # "* «…» — запрещённая …", not an "*italic*" paragraph
        elif c > "\u2fff" and _CJK.search(body, 0, 200):
            f.append("cjk")
        # debris is short and seldom ends a sentence: look for its words only there (most
        # blocks are answer paragraphs, and these searches are most of this function's time)
        if n < 300 and (noterm or n < 100):
            if _CREDIT.search(body):
                f.append("credit")
            if _TEASER.search(body):
                f.append("teaser")
            if n < 60 and _DATE_LINE.search(body):
                f.append("date")
            if "http" in body or "www." in body:
                f.append("url")
        if " | " in body:
            f.append("table")
        if "@" in body and _TWEET.search(body) or "twitter" in body:
            f.append("tweet")
        if ("{" in body or ";" in body or "=" in body or "<" in body) and len(_CODE.findall(body, 0, 400)) >= 4:
            f.append("code")
        if b.text.count("\n") >= 2:
            f.append("lines3")
        if k == 0:
            f.append("first")
        if k < first_turn:
            f.append("pre")
        elif k > last_turn:
            f.append("post")
        if qshape and b.marker and _shape(b) == qshape:
            f.append("qshape|" + m)
        f.append(m + "|" + doc)
        f.append(m + "|" + size)
        if q_end:
            f.append(m + "|q")
        rows.append(f)
    last = len(content) - 1
    for k, f in enumerate(rows):
        if k < last and marks[k + 1]:
            f.append("nx_mark")
        if k > 0:
            if qends[k - 1]:
                f.append("pv_q")
            if marks[k - 1]:
                f.append("pv_mark")
    return content, [tuple(f) for f in rows]
