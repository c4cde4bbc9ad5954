"""A corpus page as the blocks a renderer sets: its paragraphs with their roles (title,
question, answer, or the rest), the lines a scraper broke joined again, and its debris told
apart the way news pages mark it up (a caption, an embedded post, a teaser, a script, a
subhead)."""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# -- the page as blocks ------------------------------------------------------------------------
@dataclass
class Block:
    kind: str  # "p", "h" (heading), "quote", "li", "html" (raw markup), "pre"
    html: str  # inline HTML (text escaped, <strong>, <em>, <a>, <img>)
    role: str = "other"  # "title", "q", "a" (from the truth's line lists) or "other"
    level: int = 0  # heading level
    gap: bool = False  # a blank line (a new group) before it in the source
    indent: str = ""  # the blanks the source line opens with (a scraped caption's, say)


@dataclass
class Page:
    name: str
    suffix: str
    truth: dict
    blocks: list[Block] = field(default_factory=list)
    date: str | None = None  # the page's own date (front matter, truth)
    title: str = ""
    paras: list[Block] = field(default_factory=list)  # blocks as the page's own paragraphs


_LABEL = re.compile(r"^((?:[—–-]\s*)?)((?:[A-ZА-ЯЁ][\w’'.\-]*\.?\s?){1,4}|[A-ZА-ЯЁ]\.)(\s*:)(\s|$)")


def load_page(path: Path) -> Page:
    name = path.stem
    truth = yaml.safe_load(path.with_name(name + ".truth.yaml").read_text(encoding="utf-8"))
    turns = json.loads(path.with_name(name + ".turns.json").read_text(encoding="utf-8"))
    q_lines = {i for ex in turns["exchanges"] for i in ex.get("question_lines", [])}
    a_lines = {i for ex in turns["exchanges"] for i in ex.get("answer_lines", [])}
    text = path.read_text(encoding="utf-8")
    page = Page(name, path.suffix, truth, title=truth.get("title") or "", date=truth.get("date"))

    def role(lines) -> str:
        lines = list(lines)
        if any(i in q_lines for i in lines):
            return "q"
        return "a" if any(i in a_lines for i in lines) else "other"

    if path.suffix == ".md":
        page.blocks = _markdown_blocks(text.split("\n"), role)
    else:
        gap = False
        for i, line in enumerate(text.split("\n")):
            if not line.strip():
                gap = True
                continue
            page.blocks.append(Block("p", html.escape(line.strip(), quote=False), role([i]), gap=gap,
                                     indent=line[:len(line) - len(line.lstrip())]))
            gap = False
    first = page.blocks[0] if page.blocks else None
    if first and first.role == "other" and plain(first.html) == page.title.strip():
        first.role = "title"
    page.paras = join_broken(page.blocks) if path.suffix == ".txt" else page.blocks
    return page


_TERMINAL = re.compile(r"[.!?…:;»\"”)]$")
_CONTINUES = re.compile(r"^[a-zа-яё,.;:)»…]")
_CODE = re.compile(r"[{};]\s*$|^\s*[}\])]|function\s*\(|\bvar\s|jwplayer|^\s*//|\w+\s*:\s*[\"'{\[]")


def join_broken(blocks: list[Block]) -> list[Block]:
    """The page's paragraphs from a scraped text's lines: a scraper ended a line at every
    inline element (a link, an italic stage direction, a note in brackets), which the page
    itself held in one paragraph.  Joined with a space, as the truth files join lines."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and b.kind == prev.kind == "p" and not b.gap and b.role == prev.role != "title":
            last, text = plain(prev.html), plain(b.html)
            joined = (last in ("—", "–", "-") or last.count("(") > last.count(")")
                      or _CONTINUES.match(text) is not None
                      or (b.role in ("q", "a") and not _TERMINAL.search(last)))
            if joined and not (b.role == "other" and (_CODE.search(text) or _CODE.search(last))):
                prev.html += " " + b.html
                continue
        out.append(Block(b.kind, b.html, b.role, b.level, b.gap, b.indent))
    return out


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


# -- Markdown, as a static site generator turns it into HTML ------------------------------------
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+")
_REFDEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*(\S+)")
_HR = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")


def _markdown_blocks(lines: list[str], role) -> list[Block]:
    refs = {m.group(1).lower(): m.group(2) for m in map(_REFDEF.match, lines) if m}
    out: list[Block] = []
    i = 0
    if lines and lines[0].strip() == "---":  # front matter: metadata, not text
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                i = j + 1
                break
    gap = False
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            gap, i = True, i + 1
            continue
        start = i
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.lstrip().startswith(("```", "~~~")):
            j = i + 1
            while j < len(lines) and not lines[j].lstrip().startswith(("```", "~~~")):
                j += 1
            out.append(Block("pre", html.escape("\n".join(lines[i + 1:j])), role(range(i, j + 1)), gap=gap))
            i = j + 1
        elif _SETEXT.match(nxt) and not _LIST.match(line) and line.strip() and not line.startswith(">"):
            out.append(Block("h", _inline(line.strip(), refs), role([i]), 1 if nxt.startswith("=") else 2, gap))
            i += 2
        elif _HEADING.match(line):
            m = _HEADING.match(line)
            out.append(Block("h", _inline(m.group(2), refs), role([i]), len(m.group(1)), gap))
            i += 1
        elif _HR.match(line) or _REFDEF.match(line):
            i += 1
        elif line.startswith(">"):
            j = i
            while j < len(lines) and lines[j].startswith(">"):
                j += 1
            body = " ".join(re.sub(r"^>\s?", "", x).strip() for x in lines[i:j])
            out.append(Block("quote", _inline(body, refs), role(range(i, j)), gap=gap))
            i = j
        elif _LIST.match(line):
            j = i + 1
            while j < len(lines) and lines[j].strip() and not _LIST.match(lines[j]):
                j += 1
            body = " ".join(x.strip() for x in [_LIST.sub("", line)] + lines[i + 1:j])
            out.append(Block("li", _inline(body, refs), role(range(i, j)), gap=gap))
            i = j
        elif line.lstrip().startswith("<") and re.match(r"\s*</?[a-zA-Z]", line):
            j = i
            while j < len(lines) and lines[j].strip():
                j += 1
            out.append(Block("html", "\n".join(lines[i:j]), role(range(i, j)), gap=gap))
            i = j
        else:
            j = i + 1
            while (j < len(lines) and lines[j].strip() and not _HEADING.match(lines[j])
                   and not lines[j].startswith(">") and not _LIST.match(lines[j])
                   and not _SETEXT.match(lines[j + 1] if j + 1 < len(lines) else "")):
                j += 1
            body = " ".join(x.strip() for x in lines[i:j])
            out.append(Block("p", _inline(body, refs), role(range(i, j)), gap=gap))
            i = j
        gap = False
        assert i > start
    return out


def _inline(s: str, refs: dict) -> str:
    s = re.sub(r"&(?!#?\w+;)", "&amp;", s)
    s = re.sub(r"<(?![A-Za-z/!])", "&lt;", s)
    s = re.sub(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)", r'<img src="\2" alt="\1">', s)
    s = re.sub(r"!\[([^\]]*)\]\[([^\]]*)\]", r'<img alt="\1">', s)
    s = re.sub(r"\[([^\]]+)\]\(([^)\s]*)[^)]*\)", r'<a href="\2">\1</a>', s)
    s = re.sub(r"\[([^\]]+)\]\[([^\]]*)\]",
               lambda m: f'<a href="{refs.get((m.group(2) or m.group(1)).lower(), "#")}">{m.group(1)}</a>', s)
    s = re.sub(r"<((?:https?|ftp|mailto):[^<>\s]+)>", r'<a href="\1">\1</a>', s)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    s = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: f"<strong>{m.group(1) or m.group(2)}</strong>", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)",
               lambda m: f"<em>{m.group(1) or m.group(2)}</em>", s)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", s)


# -- what the debris lines of a page are, as a site would mark them up --------------------------
# a photo's source or author line, as news pages print them under the picture
_CREDIT = re.compile(r"^(?:©.*|Reuters|РИА Новости|AFP|AP|ТАСС|Getty Images|globallookpress\.com|Global Look Press|"
                     r"Twitter|Facebook|Youtube|YouTube|Instagram|Sputnik|[\w.-]+\.(?:com|ru|net|org))$", re.I)
# the author line and the date of an embedded social post
_POST_AUTHOR = re.compile(r"^(?:— .*\(@\w+\)|(?:Фото|Видео|Публикация) опубликова.*\(@\w+\)|A (?:photo|post) shared by .*)$")
_POST_DATE = re.compile(r"^(?:\d{1,2} \w+ \d{4}(?: г\.)?|\w{3} \d{1,2} \d{4} в [\d:]+ \w+)$")


def kinds(page: Page) -> list[str | None]:
    """Each paragraph's kind: None for the title and the turns; for the rest "caption",
    "post" (an embedded tweet or Instagram post), "teaser", "code", "subhead" or "p"."""
    paras = page.paras
    texts = [plain(b.html) for b in paras]
    kinds: list[str | None] = [None if b.role != "other" or b.kind != "p" else "" for b in paras]
    free = lambda i: 0 <= i < len(paras) and kinds[i] == ""  # noqa: E731
    for i, t in enumerate(texts):
        if not free(i):
            continue
        if t.lower().startswith(("также по теме", "читайте также", "read also", "related")):
            for j in range(i, i + 3):
                if free(j):
                    kinds[j] = "teaser"
        elif _CODE.search(t):
            kinds[i] = "code"
            if free(i + 1) and not _CODE.search(texts[i + 1]) and len(texts[i + 1]) < 200:
                kinds[i + 1] = "caption"  # the video's title under its player
        elif _POST_AUTHOR.match(t):
            kinds[i] = "post"
            if free(i + 1) and _POST_DATE.match(texts[i + 1]):
                kinds[i + 1] = "post"
            j = i - 1
            while free(j) and i - j <= 4 and len(texts[j]) < 400:
                kinds[j] = "post"
                j -= 1
        elif _CREDIT.match(t) and len(t) < 80:
            kinds[i] = "caption"
            if free(i - 1) and len(texts[i - 1]) < 300 and not _CREDIT.match(texts[i - 1]):
                kinds[i - 1] = "caption"  # the picture's description above its source
    seen_q = False
    for i, b in enumerate(paras):
        seen_q = seen_q or b.role == "q"
        if kinds[i] == "":
            t = texts[i]
            short = len(t) < 110 and not re.search(r"[.?!:;,]$", t) and not t.startswith(("—", "–"))
            kinds[i] = "subhead" if seen_q and short else "p"
    return kinds


def groups(page: Page) -> list[tuple[str | None, list[Block]]]:
    """The page's paragraphs with their kinds; a figure, a post, a teaser box or a script
    that spans several paragraphs is one group."""
    out: list[tuple[str | None, list[Block]]] = []
    for b, k in zip(page.paras, kinds(page)):
        if out and k in ("caption", "post", "teaser", "code") and out[-1][0] == k:
            out[-1][1].append(b)
        else:
            out.append((k, [b]))
    return out


def split_label(fragment: str) -> tuple[str, str, str]:
    """(dash, label with its colon, rest) of a turn line that opens with a speaker label."""
    m = _LABEL.match(fragment)
    if not m:
        return "", "", fragment
    return m.group(1), m.group(2) + m.group(3), fragment[m.end():].lstrip()


def english(page: Page) -> bool:
    return page.truth.get("language") == "en"
