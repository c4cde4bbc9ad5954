"""What each paragraph (block) looks like, as a tuple of feature names for the role decoder.

A feature is a short string ("dash", "q_end", "L2", "credit", "spk_qlab", "none|doc_dash" ...);
the decoder (``decode.py``) scores a block for a role by adding the weights that the table in
``role_weights.py`` gives its features for that role.  Features are of four kinds:

* the block's own marker: a dash, a question/answer label, a speaker label (and what the
  document says about that label: do its turns end with '?', is it the first label used, does
  it occur once only), a Markdown heading or bold paragraph, a blockquote, a list item;
* its text: '?' at the end or inside, length bucket, address to "вы"/"you", first person,
  a sentence end (and, for a plain paragraph, with its length: a short sentence is speech, a
  short fragment debris) or none (headline shape) or a sentence cut off (ends on a comma or a
  short word), starts in lower case, opens with a connective ("И", "Поэтому", "But": a
  speaker going on), quoted whole;
* debris signals: credit words and ©, "по теме" teasers, tweets, hashtags, code characters, footnote
  asterisk, URLs, CJK text (translation-project footers), a date alone, mostly capitals, an
  editor's note, text repeated elsewhere in the file (pull quotes), a live text's minute mark
  ("69: …"), headline
  shape, a summary cut short with '…', a line indented in the source, no one
  speaking after the last turn (background, byline), the interviewer's last turn when it asks
  nothing and gets no reply (a sign-off); and a table row, which is not debris;
* its place: first block, before the first / after the last marked turn, and its neighbours
  (is the next block a marked turn or debris, did the previous one end with '?' or is it a
  heading, is a block
  junk.py removed right before or after it), plus the marker
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
from typing import Final

from .blocks import _TERMINAL_CHARS as TERMINAL_CHARS
from .blocks import Block
from .labels import label_stats

TURN_MARKERS: Final = ("dash", "qa", "speaker", "chevron")

# Patterns run on many blocks, so each opens with one character class (the engine then skips
# straight to candidate letters); letter classes instead of IGNORECASE, which makes a search
# several times slower.


class _Words:
    """Whole words (or phrases) from a set of alternatives, found where a word starts, for a
    set searched over many blocks that hold none of its words (most of them).

    ``re`` skips quickly only to the characters a pattern can open with.  Words such as
    "сообщил", "отметил", "считает" open with the commonest letters, and a pattern that opens
    with them stops at nearly every letter to ask "does a word start here?".  This search runs
    over the character before a word instead (``\\W``: a blank or a mark), then compares each
    alternative's first letter at once; a word at the very start is matched on its own.  It
    finds what a search for the alternatives at word starts finds, in about two thirds of the
    time when there is nothing to find (a set whose words are usually found in the first few
    words, such as pronouns, is faster searched the plain way)."""

    __slots__ = ("head", "scan")

    def __init__(self, alternatives: str):
        self.head = re.compile(f"(?:{alternatives})(?!\\w)")
        self.scan = re.compile(f"\\W(?:{alternatives})(?!\\w)")

    def search(self, s: str, end: int):
        """The first match in ``s[:end]`` (its span takes in the character before the word)."""
        return self.head.match(s, 0, end) or self.scan.search(s, 0, end)


# "вы"/"вас"/"вам"/"вами"/"ваш…"/"you"/"your" (the address of a question) and "я"/"мне"/"мы"/
# "наш…"/"I"/"my"/"we"/"our" (the speaker on themself), each opening with its first letter (the
# engine skips to those) and then a word start checked behind it
_YOU_FIRST, _YOU_REST = "вВyY", (r"(?<=[вВ])(?:[ыЫ]|[аА](?:[сСмМ]|[мМ][иИ]|[шШ]\w*))|"
                                 r"(?<=[yY])[oO][uU][rR]?")
_ME_FIRST, _ME_REST = "яЯмМнНImMwWoO", (
    r"(?<=[яЯI])|(?<=[мМ])(?:ы|не|еня|ой|оя|ои|оё|ое|оего)|(?<=[нН])(?:ас|ам|аш\w*)|"
    r"(?<=[mM])[yYeE]|(?<=[wW])[eE]|(?<=[oO])[uU][rR]")
# either, in one scan (is anyone addressed or speaking at all)
_PERSON: Final = re.compile(f"[{_YOU_FIRST}{_ME_FIRST}](?<!\\w.)(?:{_YOU_REST}|{_ME_REST})(?!\\w)")
# each apart: for both answers, two searches over a short block take less time than walking
# every match of _PERSON (their first letters differ, so they never find overlapping words)
_YOU: Final = re.compile(f"[{_YOU_FIRST}](?<!\\w.)(?:{_YOU_REST})(?!\\w)")
_ME: Final = re.compile(f"[{_ME_FIRST}](?<!\\w.)(?:{_ME_REST})(?!\\w)")
# photo credits, agencies, platforms, captions: words that mark page debris rather than speech
_CREDIT: Final = re.compile(
    r"[©ФфPpGRAEFРТTSYIiCcКкИиСс](?<!\w.)(?:(?<=©)|(?<=[Фф])ото|(?<=[Pp])hoto|(?<=G)etty|(?<=R)euters|"
    r"(?<=A)(?:FP|P)|(?<=E)PA|(?<=Р)ИА|(?<=Т)АСС|(?<=T)ASS|(?<=S)putnik|(?<=S)hutterstock|"
    r"(?<=G)lobal Look|(?<=R)uptly|(?<=Y)ouTube|(?<=F)acebook|(?<=I)nstagram|(?<=T)witter|"
    r"(?<=[Ии])сточник|(?<=[Ii])mage by|(?<=[Cc])redit|(?<=[Кк])адр из|(?<=[Сс])криншот|"
    r"(?<=[Ии])ллюстрация)(?!\w)"
)
_TEASER: Final = re.compile(r"[ТтПпЧчСсRrSs](?:(?<=[Тт])акже по теме|(?<=[Пп])о теме|(?<=[Чч])итайте также|"
                     r"(?<=[Сс])мотрите также|(?<=[Ss])ee also|(?<=[Rr])ead (?:also|more)|(?<=[Rr])elated)")
_TWEET: Final = re.compile(r"pic\.twitter\.com|\(@\w+\)|twitter\.com/|instagram\.com/|@\w{3,}", re.IGNORECASE)
_DATE_LINE: Final = re.compile(r"\d{1,2}(?:\s+\w+\.?\s+\d{4}|[./]\d{1,2}[./]\d{2,4})|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}")
# an editor's or author's note: "Примечание:", "**Note**:", "Прим. ред.", "Editor’s note:"
_NOTE: Final = re.compile(r"[*_]*(?:[Пп]римечание|[Пп]рим\. ред|[Оо]т редакции|[Nn]ote|[Ee]ditor[’']?s note|"
                   r"[Uu]pdate|[Оо]бновлено)\b")
# news register: a reporting verb ("заявил", "считает", "said") or "по его словам" -- a writer
# telling what someone said, not someone speaking (each alternative opens with a plain letter:
# see _Words)
_REPORT: Final = _Words(
    r"заяви\w*|сообщи\w*|счита\w*|сказал\w*|отмети\w*|увер(?:ен|ена|ены)|рассказа\w*|подчеркну\w*|"
    r"вырази\w*|обвиня\w*|по (?:его|её|ее|их) (?:словам|мнению)|said|Said|says|Says|told|Told|added|"
    r"according to|According to"
)
# a person named mid-sentence: two capitalised words in a row after a lower-case word
# or a title ("… чемпион России Ролан Гусев …", "Наставник ЦСКА Виктор Гончаренко …",
# "… coach John Smith …")
# (the capital is matched first, then the lookbehind checks the two characters before it: a
# pattern that opens with a lookbehind is tried at every position)
_NAMED: Final = re.compile(r"[A-ZА-ЯЁ](?<=[\w,] .)[a-zа-яё]+ [A-ZА-ЯЁ][a-zа-яё]{2,}(?![\w-])")
# a live text's minute mark opening a line ("69: …", "45+2' …"): a match report, not speech
_MINUTE: Final = re.compile(r"\d{1,3}(?:\+\d{1,2})?(?:['’]:?|:)\s")
_YEAR: Final = re.compile(r"[12](?<!\w.)(?:9|0)\d\d(?!\d)")
_HASHTAG: Final = re.compile(r"(?<![\w&/])#[^\W\d_]\w{2,}")  # not "C#", "/#top", "&#39;"
_CJK: Final = re.compile(r"[\u3000-\u9fff]")
_CODE: Final = re.compile(r"[{};=$<>]")
_LIST: Final = re.compile(r"(?:[*•·+-]|\d{1,2}[.)])\s")
_INTERVIEWER_WORDS: Final = {"корр", "корреспондент", "журналист", "интервьюер", "ведущий", "ведущая",
                      "interviewer", "reporter", "host", "q", "вопрос", "question"}
_QUOTES_OPEN: Final = "«“\"„'‘"
_QUOTES_CLOSE: Final = "»”\"“'’"
_CLOSERS: Final = "\"»”')]*_ "
_LIST_OR_QUOTE: Final = frozenset(">*•·+-0123456789")  # first characters _marker must look at
# words a speaker opens a further paragraph with ("И", "Поэтому", "But", "So" ...): spoken
# continuation, seldom a caption's or a teaser's first word
_CONNECTIVES: Final = frozenset(
    "и а но да нет вот так ведь поэтому потому если когда конечно однако хотя это то тогда "
    "кстати впрочем причём притом во-первых во-вторых во-третьих наконец кроме "
    "and but so yes no well because if when that this then also however of actually".split())


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


def _question_shape(asking: list[Block]) -> str | None:
    """The marker look most blocks ending with '?' share (how this document marks questions);
    a heading of that level without '?' is then a question too, one of another level not."""
    seen: dict[str | None, int] = {}
    for b in asking:
        shape = _shape(b)
        seen[shape] = seen.get(shape, 0) + 1
    # the commonest; of equals, the first seen (as Counter.most_common)
    return max(seen, key=seen.__getitem__) if seen else None


def _doc_kind(markers: list[str | None], bodies: list[str]) -> str:
    """The document's main turn marker, from how many blocks carry each marker."""
    n = markers.count
    if n("qa") >= 2:
        return "doc_qa"
    if n("speaker") >= 3:
        return "doc_spk"
    d = markers.index("dash") if n("dash") == 2 else -1  # two: a page of one exchange (asked, then answered)
    if n("dash") >= 3 or d >= 0 and "?" in bodies[d] and markers[d + 1:d + 2] == ["dash"]:
        return "doc_dash"
    if n("chevron") >= 2:
        return "doc_chev"
    if n("heading") >= 3:
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
        n, asks, rank = stats.get(b.label, (1, False, 9))
        extra.append("spk_qlab" if asks else "spk_alab")
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


_MARKS: Final = ("none", "dash", "qa_q", "qa_a", "chev", "spk", "hash", "bold")  # what _marker returns
# markers that can have a look only questions share (a dash or a chevron opens answers too)
_ASKING: Final = frozenset(("qa_q", "spk", "hash", "bold"))
_DEBRIS: Final = frozenset(("credit", "tweet", "teaser", "date", "code", "url", "caps", "hashtag"))
_SIZES: Final = ("L0", "L1", "L2", "L3", "L4", "L5")
_DOC_KINDS: Final = ("doc_qa", "doc_spk", "doc_dash", "doc_chev", "doc_head", "doc_plain")
# combined features by their parts ("none|doc_dash", "dash|L2", "spk|q", "qshape|hash"), made
# once: a name built per block costs a new string and its hash every time
_BY_DOC: Final = {d: {m: m + "|" + d for m in _MARKS} for d in _DOC_KINDS}
_BY_SIZE: Final = {m: {s: m + "|" + s for s in _SIZES} for m in _MARKS}
_BY_Q: Final = {m: m + "|q" for m in _MARKS}
_QSHAPE: Final = {m: "qshape|" + m for m in _MARKS}
_TERM_BY_SIZE: Final = {s: "term|" + s for s in _SIZES}


def _repeated(body: str, text: str) -> bool:
    """Does a stretch from the middle of ``body`` occur elsewhere in the text too (a pull quote
    or a caption repeating the answer)?"""
    core = body.strip("> *_\"«»“”„'‘’")
    if len(core) < 60:
        return False
    chunk = core[20:60]
    first = text.find(chunk)
    return first >= 0 and text.find(chunk, first + 1) >= 0


def block_features(blocks: list[Block], text: str = "") -> tuple[list[int], list[tuple[str, ...]]]:
    """The blocks the decoder places (all but those junk.py already removed) and their features.
    ``text`` is the whole text the blocks index into (for "repeats text elsewhere").

    This runs for every block of every file, so what a feature needs more than once is kept in
    a local flag (not looked up in the list of features), combined feature names come from
    tables built once, and the costlier searches run only on the blocks that can use them.  The
    order of a block's features is part of its signature (the decoder caches score rows by it):
    keep it when a feature is added or moved."""
    content: list[int] = []
    bodies: list[str] = []
    for i, b in enumerate(blocks):
        if not b.junk:
            body = b.text[b.body_start - b.start:b.body_end - b.start].strip()  # b.body, inline
            if body:
                content.append(i)
                bodies.append(body)
    if not content:
        return content, []
    tails = [body.rstrip(_CLOSERS) for body in bodies]
    qends = [t.endswith("?") for t in tails]
    markers = [blocks[i].marker for i in content]
    stats = label_stats(blocks, content, bodies) if "speaker" in markers else {}
    doc = _doc_kind(markers, bodies)
    # where the turns are, for "before the first" / "after the last": marked turns, or in a
    # document without turn markers its headings, or failing those its questions
    # (a flag, not ``kinds is TURN_MARKERS``: compiled, a tuple constant is no single object)
    marked_turns = doc not in ("doc_head", "doc_plain")
    kinds = TURN_MARKERS if marked_turns else ("heading",)
    # (the first block is the title unless it asks something)
    turns = [k for k, m in enumerate(markers) if m in kinds and (k or qends[0])]
    if not turns and doc == "doc_plain":
        turns = [k for k, q in enumerate(qends) if q]
    first_turn = turns[0] if turns else len(content)
    # after the last turn is the epilogue only where answers carry markers too
    last_turn = turns[-1] if turns and marked_turns else len(content)
    qshape = _question_shape([blocks[i] for i, q, m in zip(content, qends, markers) if q and m])
    # a shape that is the marker itself ("dash", "chevron"): compare markers, no _shape call
    plain_qshape = qshape is not None and qshape[:1] != "#" and qshape != "bold" and ":" not in qshape
    by_doc = _BY_DOC[doc]
    rows: list[list[str]] = []
    headlines: list[bool] = []  # per block: has the feature "headline"
    debris: list[int] = []  # blocks with a feature in _DEBRIS
    marks = [m in TURN_MARKERS for m in markers]  # blocks that start a turn by their marker
    last = len(content) - 1
    n_blocks = len(blocks)
    last_label_asks: bool | None = None  # did the last speaker label before this block ask
    last_ask = -1  # the last block with the question look of a marker only questions carry
    for k, i in enumerate(content):
        b = blocks[i]
        body = bodies[k]
        tail = tails[k]
        n = len(body)
        marker = markers[k]
        # most blocks are plain paragraphs or dash or label turns: what _marker gives them, without
        # the call
        if marker is None and body[0] not in _LIST_OR_QUOTE:
            m, f = "none", ["none"]
            listed = False
        elif marker == "dash":
            m, f = "dash", ["dash"]
            listed = False
        elif marker == "qa":
            m = "qa_q" if b.qa == "q" else "qa_a"
            f = [m]
            listed = False
        else:
            m, f = _marker(b, stats)
            listed = f[:1] == ["list"]  # an item of a list: part of a turn, not a headline
            f.append(m)
            if m == "spk":
                asks = f[0] == "spk_qlab"
                if last_label_asks is False and not asks:
                    f.append("spk_again")  # a second guest speaking after the first: same answer
                last_label_asks = asks
        q_end = qends[k]
        if q_end:
            f.append("q_end")
        elif "?" in body:
            f.append("q_in")
        size = "L0" if n < 30 else "L1" if n < 100 else "L2" if n < 300 else "L3" if n < 800 else (
            "L4" if n < 2000 else "L5")
        f.append(size)
        addr = first_p = False
        if n < 150 or q_end:  # only where it can tell a question: the search is costly
            if _YOU.search(body, 0, 150):
                addr = True
                f.append("addr")
            if _ME.search(body, 0, 150):
                first_p = True
                f.append("first_p")
        noterm = not tail.endswith(TERMINAL_CHARS)  # blocks.ends_terminal, on text stripped already
        lower_or_cut = False
        if not noterm:
            f.append("term")  # ends a sentence: speech, a lead, a summary (not a caption, a title)
            if m == "none" and body[0].isalpha():  # (not a date: "24 марта 2017 г.")
                f.append(_TERM_BY_SIZE[size])  # a short plain sentence is speech, a short fragment debris
        else:
            f.append("noterm")
            word = tail.rsplit(None, 1)[-1] if tail else "-"
            if word[-1] in ",—–-(" or len(word) <= 3 and word.islower():
                f.append("cut")  # ends on a comma, a dash, a preposition: a sentence a copy broke
                lower_or_cut = True
        c = body[0]
        if m == "none" and body[:body.find(" ", 0, 16)].rstrip(",:").lower() in _CONNECTIVES:
            f.append("conn")
        if c.islower():
            f.append("lower")
            lower_or_cut = True
        elif c.isdigit():
            f.append("digit")
            if _MINUTE.match(body):
                f.append("minute")
        elif c in _QUOTES_OPEN and tail[-1:] in _QUOTES_CLOSE:
            f.append("quoted")
        elif c == "*" and body[1:2] != "*" and not body.endswith("*"):
            f.append("foot")  # "* «…» — запрещённая …", not an "*italic*" paragraph
        elif c > "\u2fff" and _CJK.search(body, 0, 200):
            f.append("cjk")
        is_debris = False
        # debris is short and seldom ends a sentence: look for its words only there (most
        # blocks are answer paragraphs, and these searches are most of this function's time).
        # An ASCII needle of two or more characters is looked for in Cyrillic text about 15
        # times slower than one character (1.3 us against 0.08 in a 280-character paragraph),
        # so a rare letter of it is tested first ("l" or "m" for "also", "more", "elated").
        if n < 300 and (noterm or n < 100):
            if n > 12 and body.isupper():
                f.append("caps")  # all in capitals ("ДААА!!! ЗВУЧИТ СВИСТОК!"): a shout, a banner
                is_debris = True
            if not listed and _CREDIT.search(body):
                f.append("credit")
                is_debris = True
            if ("теме" in body or "также" in body or ("l" in body or "m" in body) and (
                    "also" in body or "more" in body or "elated" in body)) and _TEASER.search(body):
                f.append("teaser")
                is_debris = True
            if n < 60 and (c.isdigit() or body[-1].isdigit()) and _DATE_LINE.search(body):
                f.append("date")
                is_debris = True
            if "h" in body and "http" in body or "w" in body and "www." in body:
                f.append("url")
                is_debris = True
            if "#" in body and _HASHTAG.search(body):  # "#Чемпионат2017": a social post quoted
                f.append("hashtag")
                is_debris = True
        if "|" in body and " | " in body:
            f.append("table")
        headline = noterm and n < 120 and not lower_or_cut and not listed
        if headline:
            f.append("headline")  # short, no closing mark: a subheading, a caption, a teaser title
        elif n < 400 and tail.endswith(("...", "…")):
            f.append("trunc")  # a summary cut short: a teaser
        if text and b.start and text[b.start - 1] in " \t\xa0" and not listed:
            # the line opens with blanks: scraped layouts indent captions (short), and some
            # indent every paragraph of the text (then long ones are speech)
            f.append("indent" if n < 200 else "indent_long")
        if c in "ПпNnEeUuОо*_" and _NOTE.match(body):
            f.append("note")
        if text and c in ">«“\"„" and _repeated(body, text):
            f.append("dup")
        # (a block under 150 characters was searched whole for "you" and "me" above)
        if k > last_turn:
            if not first_p and (not addr if n < 150 else _PERSON.search(body, 0, 300) is None):
                f.append("post_3rd")  # after the last turn, and nobody speaks: background, byline
        news = False
        if m == "none" and n >= 100 and c.isupper():
            # a writer's paragraph about someone (a section lead, a news epilogue): told in the
            # third person, nobody addressed, a reporting verb or a person named mid-sentence
            if not first_p and not addr and (n < 150 or _PERSON.search(body, 0, 400) is None):
                named = _NAMED.search(body, 0, 200) is not None  # (the cheap search first)
                news = named or _REPORT.search(body, 400) is not None
                if news:
                    f.append("news")
                if k > last_turn:
                    # after the last turn a reporting verb is the writer telling news; a person
                    # named mid-sentence may as well be the guest's argument going on
                    f.append("report|post" if news and (not named or _REPORT.search(body, 400) is not None)
                        else "named|post" if news else "third|post")
                    if k == last:
                        f.append("third|last")  # the file ends on it: background, not a reply
                if _YEAR.search(body, 0, 400):
                    f.append("third|year")  # dates an event: background told by the writer
        if i:
            j = blocks[i - 1].junk
            if j and not j.startswith("meta:"):
                f.append("pv_junk")
        if i + 1 < n_blocks:
            j = blocks[i + 1].junk
            if j and not j.startswith("meta:"):
                f.append("nx_junk")
        if "@" in body and _TWEET.search(body) or "w" in body and "twitter" in body:
            f.append("tweet")
            is_debris = True
        if ("{" in body or "=" in body) and len(_CODE.findall(body, 0, 400)) >= 4:
            f.append("code")
            is_debris = True
        if "\n" in b.text and b.text.count("\n") >= 2:  # (most blocks are one line: no count)
            f.append("lines3")
        if k == 0:
            f.append("first")
        if k < first_turn:
            f.append("pre")
        elif k > last_turn:
            f.append("post")
        if qshape and marker and (marker == qshape if plain_qshape else _shape(b) == qshape):
            f.append(_QSHAPE[m])
            if m in _ASKING:
                last_ask = k
        f.append(by_doc[m])
        f.append(_BY_SIZE[m][size])
        if q_end:
            f.append(_BY_Q[m])
        if k < last and marks[k + 1]:
            f.append("nx_mark")
            if headline:
                f.append("headline|nx_mark")  # a subheading over the next question
        if k:
            if qends[k - 1]:
                f.append("pv_q")
            if marks[k - 1]:
                f.append("pv_mark")
            elif markers[k - 1] == "heading" and not (marked_turns and headlines[k - 1]):
                f.append("pv_head")  # right under a heading or a bold paragraph
            elif headlines[k - 1]:  # (a heading too, where turns carry markers: a <h2> subhead)
                f.append("pv_headline")  # right under a subheading: a section's lead
                if news:
                    f.append("news|pv_headline")
        rows.append(f)
        headlines.append(headline)
        if is_debris:
            debris.append(k)
    # the interviewer's last turn, asking nothing, unanswered (no marked turn after it; where
    # answers are unmarked, no paragraph right after it): a sign-off ("Q: Thanks, great talk.")
    if last_ask >= 0 and "?" not in bodies[last_ask] and (last_ask == last_turn if marked_turns else
                                                          last_ask == last or markers[last_ask + 1] is not None):
        rows[last_ask].append("closing")
    # debris next door (rare: only those blocks are visited), in block order
    for k in debris:
        if k > 0:
            rows[k - 1].append("nx_debris")
        if k < last:
            rows[k + 1].append("pv_debris")
    return content, [tuple(f) for f in rows]
