"""Render the annotated corpus as the web pages and Word files such interviews really arrive as,
and score each form against the text form with the same truth.

    python tools/render_corpus.py [CORPUS] [--out DIR] [--forms a,b] [--only 01,07] [--score]

Every ``NN_name.txt`` / ``.md`` page of CORPUS (default ``../shared/corpus``) is written once per
form into DIR as ``NN_name.FORM.html`` / ``.docx``, with its truth file copied beside it as
``NN_name.FORM.truth.yaml`` (``check_parse.py`` pairs them by name).  The text and the
exchanges are the page's own; only the markup changes, so a form that scores under the text
form has lost something in reading.  ``--score`` parses DIR and the corpus with
``kzreader parse --json`` and prints, per form, the exchanges, metadata and leaks against the
text form, then every file that differs.

The page's paragraphs are its text's lines, with the lines a scraper broke at inline elements
(a link, a stage direction, a lone dash, a note in brackets) joined again, as the page held
them; debris is set the way news pages set it (a caption and its credit in a figure, a
"read also" box, a player's script with its title, an embedded post, a subhead).  The forms
copy what sites and editors do, not what the reader expects:

* ``html-cms``: a UTF-8 CMS page (``<article>``, ``<h1>``, ``og:``/``article:published_time``,
  ``<time>``); a question wholly in ``<strong>``, a speaker label in ``<strong>``; captions in
  ``<figure><figcaption>``, teasers in a box, subheads in ``<h2>``, posts in
  ``blockquote.twitter-tweet``; menus, share buttons, scripts, a footer around the article.
* ``html-legacy``: an old windows-1251 page laid out with tables, no ``<article>``: the
  paragraphs of a turn in one ``<p>`` broken by ``<br>``, questions in ``<b>`` after the dash,
  ``&nbsp;`` after dashes, named entities, the date as text, WordPress's caption box.
* ``html-spa``: a news-app page of nested ``<div>``/``<span>`` blocks with generated class
  names, metadata in JSON-LD; a bold question, ``<br>`` and its answer's first paragraph in
  one ``<p>``, bold by ``style="font-weight:700"`` spans, share boxes between paragraphs.
* ``html-magazine``: a question as the bold lead-in of the paragraph that holds its answer's
  first paragraph, a byline, the date in a compact meta tag (``20141226``).
* ``html-blog``: an old blog entry: the whole text in one ``<div>``, paragraphs apart by
  ``<br><br>``, questions in ``<b>``, a caption in ``<i>`` under its picture, the title in a
  ``<div>``.
* ``docx-lines``: plain text pasted into Word: a paragraph per line with its leading blanks,
  an empty paragraph per blank line, questions in bold runs, the title in the Title style,
  headings and quotations in Word's styles (as a web page pasted in keeps them).
* ``docx-breaks``: a question and its answer's paragraphs in one Word paragraph broken by soft
  breaks (``<w:br/>``), runs split in the middle of words with revision ids, spelling marks
  and bookmarks between them, a tab after a speaker label and at the start of every paragraph.
* ``docx-styles``: an edited file: questions in a bold paragraph style of the user's, subheads
  and headings in Heading styles, quotations in the Quote style, captions in Word's caption
  style, bold through a character style, no player scripts.

The corpus's one HTML page (29) is not rendered again.  Stdlib and PyYAML only; the renderer
never reads the reader's code (the Word package writer is the test samples').
"""
from __future__ import annotations

import argparse
import functools
import html
import json
import random
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CHECKER = "check_parse.py"

HTML_FORMS = ("html-cms", "html-legacy", "html-spa", "html-magazine", "html-blog")
DOCX_FORMS = ("docx-lines", "docx-breaks", "docx-styles")
FORMS = HTML_FORMS + DOCX_FORMS


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
    if first and first.role == "other" and _plain(first.html) == page.title.strip():
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
            last, text = _plain(prev.html), _plain(b.html)
            joined = (last in ("—", "–", "-") or last.count("(") > last.count(")")
                      or _CONTINUES.match(text) is not None
                      or (b.role in ("q", "a") and not _TERMINAL.search(last)))
            if joined and not (b.role == "other" and (_CODE.search(text) or _CODE.search(last))):
                prev.html += " " + b.html
                continue
        out.append(Block(b.kind, b.html, b.role, b.level, b.gap, b.indent))
    return out


def _plain(fragment: str) -> str:
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


def _kinds(page: Page) -> list[str | None]:
    """Each paragraph's kind: None for the title and the turns; for the rest "caption",
    "post" (an embedded tweet or Instagram post), "teaser", "code", "subhead" or "p"."""
    paras = page.paras
    texts = [_plain(b.html) for b in paras]
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
    for b, k in zip(page.paras, _kinds(page)):
        if out and k in ("caption", "post", "teaser", "code") and out[-1][0] == k:
            out[-1][1].append(b)
        else:
            out.append((k, [b]))
    return out


def _split_label(fragment: str) -> tuple[str, str, str]:
    """(dash, label with its colon, rest) of a turn line that opens with a speaker label."""
    m = _LABEL.match(fragment)
    if not m:
        return "", "", fragment
    return m.group(1), m.group(2) + m.group(3), fragment[m.end():].lstrip()


# -- HTML ------------------------------------------------------------------------------------
_MENU = ["Главная", "Новости", "Политика", "Экономика", "Мир", "Спорт", "Наука", "Видео"]
_MENU_EN = ["Home", "News", "Features", "Interviews", "Reviews", "Podcast", "About"]


def _english(page: Page) -> bool:
    return page.truth.get("language") == "en"


def _nav(page: Page) -> list[str]:
    return _MENU_EN if _english(page) else _MENU


def _page_block_html(b: Block, inner: str) -> str:
    if b.kind == "h":
        lvl = min(max(b.level, 2), 4)
        return f"<h{lvl}>{inner}</h{lvl}>"
    if b.kind == "quote":
        return f"<blockquote><p>{inner}</p></blockquote>"
    if b.kind == "li":
        return f"<ul><li>{inner}</li></ul>"
    if b.kind == "pre":
        return f"<pre><code>{inner}</code></pre>"
    if b.kind == "html":
        return inner
    return f"<p>{inner}</p>"


def _cms_turn(b: Block) -> str:
    dash, label, rest = _split_label(b.html)
    if b.role == "q" and b.kind in ("p", "quote", "li"):
        if "<strong>" in b.html or "<b>" in b.html:
            return b.html  # already bold in the source (Markdown)
        return f"<strong>{b.html}</strong>"
    if label:
        return f"{dash}<strong>{label}</strong> {rest}".strip()
    return b.html


def render_html_cms(page: Page) -> bytes:
    en = _english(page)
    body = []
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title":
            continue
        if kind == "code":
            body.append("<script>" + "\n".join(html.unescape(x.html) for x in bs) + "</script>")
        elif kind == "caption":
            body.append('<figure class="wp-block-image"><img src="/wp-content/uploads/photo.jpg" alt="">'
                        f"<figcaption>{' '.join(f'<span>{x.html}</span>' for x in bs)}</figcaption></figure>")
        elif kind == "post":
            body.append('<blockquote class="twitter-tweet" data-lang="ru">'
                        + "".join(f"<p>{x.html}</p>" for x in bs)
                        + '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>')
        elif kind == "teaser":
            body.append('<div class="read-also"><div class="read-also__title">' + bs[0].html + "</div>"
                        + "".join(f'<div class="read-also__item"><a href="/news/1">{x.html}</a></div>' for x in bs[1:])
                        + "</div>")
        elif kind == "subhead":
            body.append(f"<h2>{b.html}</h2>")
        else:
            body.append(_page_block_html(b, _cms_turn(b)))
    title = html.escape(page.title)
    date = page.date
    head_date = (f'<meta property="article:published_time" content="{date}T09:30:00+03:00">' if date else "")
    time_el = f'<time class="entry-date" datetime="{date}T09:30:00+03:00">{date}</time>' if date else ""
    nav = "".join(f'<li class="menu-item"><a href="/{i}">{x}</a></li>' for i, x in enumerate(_nav(page)))
    share = ("Share", "Tweet", "Email") if en else ("Поделиться", "ВКонтакте", "Telegram")
    related = ("You may also like", "More interviews from our archive") if en else \
        ("Читайте также", "Ещё интервью из нашего архива")
    doc = f"""<!DOCTYPE html>
<html lang="{'en' if en else 'ru'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {'The Review' if en else 'Новости дня'}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{'The Review' if en else 'Новости дня'}">
{head_date}
<link rel="stylesheet" href="/wp-content/themes/news/style.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><a href="/" rel="home">{'The Review' if en else 'Новости дня'}</a></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav}</ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">{time_el}</span></div></header>
<div class="sharedaddy sd-sharing-enabled"><a class="share-vk" href="#">{share[0]}</a> <a href="#">{share[1]}</a> <a href="#">{share[2]}</a></div>
<div class="entry-content">
{chr(10).join(body)}
</div>
<footer class="entry-footer"><span class="tags-links"><a href="/tag/interview" rel="tag">{'interview' if en else 'интервью'}</a></span></footer>
</article>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">{related[0]}</h2>
<ul><li><a href="/a">{related[1]}</a></li></ul></section></aside>
</main></div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2024 {'The Review. All rights reserved.' if en else 'Новости дня. Все права защищены.'}</div></footer>
</div>
<script src="/wp-includes/js/wp-embed.min.js"></script>
</body>
</html>
"""
    return doc.encode("utf-8")


def _legacy_text(fragment: str) -> str:
    """Typography as an old CMS wrote it: named entities and a no-break space after a dash."""
    s = fragment.replace("\u00a0", "&nbsp;")
    s = re.sub(r"(^|>|\s)— ", lambda m: m.group(1) + "&mdash;&nbsp;", s)
    for ch, ent in (("—", "&mdash;"), ("–", "&ndash;"), ("«", "&laquo;"), ("»", "&raquo;"),
                    ("…", "&hellip;"), ("“", "&ldquo;"), ("”", "&rdquo;"), ("’", "&rsquo;")):
        s = s.replace(ch, ent)
    return s


def _legacy_turn(b: Block) -> str:
    if b.role != "q" or b.kind not in ("p", "quote", "li"):
        dash, label, rest = _split_label(b.html)
        return f"{dash}<b>{label}</b> {rest}".strip() if label and b.role == "a" else b.html
    dash, label, rest = _split_label(b.html)
    if label:
        return f"{dash}<b>{label}</b> <b>{rest}</b>"
    m = re.match(r"([—–-]\s*)(.*)$", b.html, re.S)
    if m:  # the dash stays outside the bold, as typed
        return f"{m.group(1)}<b>{m.group(2)}</b>"
    return f"<b>{b.html}</b>"


def render_html_legacy(page: Page) -> bytes:
    en = _english(page)
    paras: list[str] = []
    group: list[str] = []
    last_role = None
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title":
            continue
        same = (b.kind == "p" and not b.gap and b.role == last_role and b.role in ("q", "a")
                and kind is None)
        if group and not same:
            paras.append(f"<p>{'<br>'.join(group)}</p>")
            group = []
        if kind == "code":
            paras.append("<script type=\"text/javascript\">" + "\n".join(html.unescape(x.html) for x in bs)
                         + "</script>")
            last_role = None
        elif kind == "caption":  # the classic WordPress caption
            paras.append('<div class="wp-caption alignnone"><img src="/img/p.jpg" alt="">'
                         '<p class="wp-caption-text">' + "<br>".join(_legacy_text(x.html) for x in bs)
                         + "</p></div>")
            last_role = None
        elif kind in ("post", "teaser"):  # an old page sets these as small print
            paras.append('<p class="small">' + "<br>".join(_legacy_text(x.html) for x in bs) + "</p>")
            last_role = None
        elif b.kind == "p":
            group.append(_legacy_text(_legacy_turn(b)))
            last_role = b.role
        else:
            paras.append(_page_block_html(b, _legacy_text(_legacy_turn(b))))
            last_role = None
    if group:
        paras.append(f"<p>{'<br>'.join(group)}</p>")
    title = _legacy_text(html.escape(page.title))
    date = ""
    if page.date:
        y, m, d = page.date.split("-")
        date = f'<div class="date">{d}.{m}.{y} 10:45</div>'
    menu = " | ".join(f'<a href="/rubric/{i}/">{x}</a>' for i, x in enumerate(_nav(page)))
    doc = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{title}</title>
<meta name="keywords" content="{'interview' if en else 'интервью, новости'}">
<script type="text/javascript" src="/js/jquery.js"></script>
<script type="text/javascript">var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
</head>
<body bgcolor="#FFFFFF">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="2" class="top"><img src="/img/logo.gif" alt="" width="200" height="60"></td></tr>
<tr><td class="menu" width="180" valign="top">{menu}</td>
<td valign="top" class="content">
<h1>{title}</h1>
{date}
<div class="text">
{chr(10).join(paras)}
</div>
<div class="print"><a href="?print=1">{'Print' if en else 'Версия для печати'}</a></div>
</td></tr>
<tr><td colspan="2" class="bottom">{'Copyright 2010. Reprinting only with a link.' if en else 'Все права защищены. Перепечатка только с гиперссылкой.'}<br>
<a href="http://top.mail.ru/">Рейтинг@Mail.ru</a></td></tr>
</table>
</body>
</html>
"""
    return doc.encode("cp1251", errors="xmlcharrefreplace")


def _spa_inline(fragment: str) -> str:
    return re.sub(r"<(/?)strong>", lambda m: "</span>" if m.group(1) else '<span style="font-weight:700">', fragment)


def render_html_spa(page: Page) -> bytes:
    en = _english(page)
    items: list[str] = []
    pending_q: str | None = None

    def block(inner: str, tag: str = "p") -> str:
        return (f'<div class="article__block" data-type="text"><div class="article__text">'
                f'<{tag} class="css-1x8k2yq"><span class="css-7zv4m1">{inner}</span></{tag}></div></div>')

    for n, (kind, bs) in enumerate(groups(page)):
        b = bs[0]
        if b.role == "title":
            continue
        if b.role == "q" and b.kind == "p":
            if pending_q is not None:
                items.append(block(pending_q))
            dash, label, rest = _split_label(b.html)
            pending_q = (f'{dash}<span style="font-weight:700">{label}</span> {rest}' if label
                         else f"<b>{_spa_inline(b.html)}</b>")
            continue
        if b.role == "a" and b.kind == "p" and pending_q is not None:
            dash, label, rest = _split_label(b.html)
            inner = f"{dash}<b>{label}</b> {rest}" if label else b.html
            items.append(block(f"{pending_q}<br>{_spa_inline(inner)}"))
            pending_q = None
            continue
        if pending_q is not None:
            items.append(block(pending_q))
            pending_q = None
        if kind == "code":
            items.append(f'<div class="article__block" data-type="embed"><div id="player-{n}"></div>'
                         "<script>" + "\n".join(html.unescape(x.html) for x in bs) + "</script></div>")
        elif kind == "caption":
            items.append('<div class="article__block" data-type="media"><div class="media">'
                         '<div class="media__image"><img src="/i/p.jpg" alt=""></div>'
                         + "".join(f'<div class="media__copyright"><span>{x.html}</span></div>' for x in bs)
                         + "</div></div>")
        elif kind == "post":
            items.append('<div class="article__block" data-type="embed"><blockquote class="instagram-media">'
                         + "".join(f"<p>{x.html}</p>" for x in bs) + "</blockquote></div>")
        elif kind == "teaser":
            items.append('<div class="article__block" data-type="incut"><div class="article__incut">'
                         + "".join(f'<div class="article__incut-item"><a href="/news/1"><span>{x.html}</span></a></div>'
                                   for x in bs)
                         + "</div></div>")
        elif kind == "subhead":
            items.append(block(b.html, "h3"))
        elif b.kind == "p":
            dash, label, rest = _split_label(b.html)
            items.append(block(f"{dash}<b>{label}</b> {_spa_inline(rest)}" if label and b.role == "a"
                               else _spa_inline(b.html)))
        else:
            items.append(f'<div class="article__block">{_page_block_html(b, _spa_inline(b.html))}</div>')
        if n % 9 == 8:
            items.append('<div class="article__block" data-type="share"><div class="share-panel">'
                         f'<button>{"Share" if en else "Поделиться"}</button></div></div>')
    if pending_q is not None:
        items.append(block(pending_q))
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": page.title,
          "publisher": {"@type": "Organization", "name": "Lenta" if not en else "Newsroom"}}
    if page.date:
        ld["datePublished"] = page.date + "T12:00:00Z"
    doc = f"""<!doctype html><html lang="{'en' if en else 'ru'}"><head><meta charset="utf-8">
<title>{html.escape(page.title)}</title>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.__INITIAL_STATE__={{"page":{{"id":1,"ads":true}}}};</script>
<script async src="/static/js/main.3f9a1c.js"></script>
</head><body><div id="root"><div class="layout">
<div class="header"><div class="header__menu">{''.join(f'<a class="header__link" href="/r/{i}">{x}</a>' for i, x in enumerate(_nav(page)))}</div></div>
<div class="layout__content"><div class="article" itemscope itemtype="http://schema.org/NewsArticle">
<div class="article__header"><h1 class="article__title" itemprop="headline">{html.escape(page.title)}</h1></div>
<div class="article__body" itemprop="articleBody">
{chr(10).join(items)}
</div>
<div class="article__tags"><a href="/tags/1">{'Interview' if en else 'Интервью'}</a></div>
</div></div>
<div class="footer"><div class="footer__copyright">{'© 2024 Newsroom' if en else '© 2024 Новостная служба. 18+'}</div></div>
</div></div></body></html>
"""
    return doc.encode("utf-8")


_LOOSE_LABEL = re.compile(r"^[—–-]?\s*(?:[A-ZА-ЯЁ][\w.’' -]{0,30}:|[QA]\.\s)")


def render_html_magazine(page: Page) -> bytes:
    """A magazine's page: a question as the bold lead-in of the paragraph that holds the first
    paragraph of its answer (a speaker label as the lead-in where the page has labels),
    ``&nbsp;`` before dashes, inline spans and links, a byline and a date in the header."""
    en = _english(page)
    out: list[str] = []
    pending: str | None = None
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title" or kind == "code":
            continue
        dash, label, rest = _split_label(b.html)
        labelled = label or _LOOSE_LABEL.match(_plain(b.html))  # (a Markdown page's own bold label)
        if b.role == "q" and b.kind == "p" and not labelled:
            if pending is not None:
                out.append(f"<p>{pending}</p>")
            pending = b.html if "<strong>" in b.html else f"<strong>{b.html}</strong>"
            continue
        inner = f"{dash}<strong>{label}</strong> {rest}" if label else b.html
        inner = re.sub(r" — ", "&nbsp;— ", inner)
        if pending is not None and b.kind == "p" and b.role == "a" and not labelled:
            out.append(f'<p>{pending} <span class="answer">{inner}</span></p>')
            pending = None
            continue
        if pending is not None:
            out.append(f"<p>{pending}</p>")
            pending = None
        if kind == "caption":
            out.append('<div class="image-caption">' + " ".join(x.html for x in bs) + "</div>")
        elif kind in ("post", "teaser"):
            out.append('<aside class="related-content">' + "".join(f"<p>{x.html}</p>" for x in bs) + "</aside>")
        elif kind == "subhead":
            out.append(f"<h3>{b.html}</h3>")
        else:
            out.append(_page_block_html(b, inner))
    if pending is not None:
        out.append(f"<p>{pending}</p>")
    date = (f'<meta name="pubdate" content="{page.date.replace("-", "")}">' if page.date else "")
    doc = f"""<!DOCTYPE html>
<html lang="{'en' if en else 'ru'}"><head><meta charset="utf-8">
<title>{html.escape(page.title)} - {'Magazine' if en else 'Журнал'}</title>{date}
<meta name="description" content="{'Interview' if en else 'Интервью'}">
</head><body>
<div class="site-wrap"><div class="topbar"><a href="/subscribe">{'Subscribe' if en else 'Подписаться'}</a> <a href="/login">{'Sign in' if en else 'Войти'}</a></div>
<div class="post"><div class="post-header"><h1 class="post-title">{html.escape(page.title)}</h1>
<div class="post-meta"><span class="byline">{'By the editors' if en else 'Редакция'}</span></div></div>
<div class="post-body">
{chr(10).join(out)}
</div>
<div class="post-share"><a href="#">{'Share' if en else 'Поделиться'}</a></div>
</div>
<div class="newsletter-signup">{'Get our newsletter every week' if en else 'Подпишитесь на рассылку'}</div>
<div class="site-footer">© {'Magazine' if en else 'Журнал'} 2024</div></div>
</body></html>
"""
    return doc.encode("utf-8")


def render_html_blog(page: Page) -> bytes:
    """A blog entry as old blog engines store it: the whole text in one ``<div>``, paragraphs
    apart by ``<br><br>``, questions in ``<b>``, a caption in ``<i>`` under its picture, no
    article element."""
    en = _english(page)
    parts: list[str] = []
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title" or kind == "code":
            continue
        if b.role == "q" and b.kind in ("p", "h"):
            parts.append(b.html if "<strong>" in b.html else f"<b>{b.html}</b>")
        elif kind == "caption":  # under its picture
            parts.append('<img src="/pics/1.jpg" width="600"><br>' + "<br>".join(f"<i>{x.html}</i>" for x in bs))
        elif kind in ("post", "teaser"):
            parts.append("<br>".join(f"<i>{x.html}</i>" for x in bs))
        elif b.kind == "quote":
            parts.append(f"<blockquote>{b.html}</blockquote>")
        elif b.kind == "h":
            parts.append(f"<b>{b.html}</b>")
        else:
            parts.append(b.html)
    date = ""
    if page.date:
        y, m, d = page.date.split("-")
        date = f'<div class="entry-date">{d}.{m}.{y}</div>'
    doc = f"""<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>{html.escape(page.title)}: {'my journal' if en else 'мой журнал'}</title></head>
<body><div id="header"><a href="/">{'my journal' if en else 'мой журнал'}</a> | <a href="/profile">{'profile' if en else 'профиль'}</a></div>
<div class="entry"><div class="entry-title">{html.escape(page.title)}</div>{date}
<div class="entry-text">{"<br><br>".join(parts)}</div>
<div class="entry-footer"><a href="?reply">{'Leave a comment' if en else 'Оставить комментарий'}</a></div></div>
<div id="footer">{'Powered by a blog engine' if en else 'Работает на блог-движке'}</div></body></html>
"""
    return doc.encode("utf-8")


# -- Word --------------------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class _Runs(HTMLParser):
    """Inline HTML → [(text, bold)] with "\\n" for a line break."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, bool]] = []
        self.bold = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("b", "strong") or "font-weight:700" in (dict(attrs).get("style") or ""):
            self.bold += 1
        elif tag == "br":
            self.out.append(("\n", False))

    def handle_endtag(self, tag):
        if tag in ("b", "strong", "span") and self.bold:
            if tag != "span":
                self.bold -= 1

    def handle_data(self, data):
        if data:
            self.out.append((data, self.bold > 0))


def runs_of(fragment: str) -> list[tuple[str, bool]]:
    p = _Runs()
    p.feed(fragment)
    p.close()
    return [(" ".join(t.split("\n")) if t != "\n" else t, b) for t, b in p.out]


class _Doc:
    def __init__(self, seed: str, split: bool, tab: bool = False):
        self.parts: list[str] = []
        self.rand = random.Random(seed)
        self.split = split
        self.tab = tab  # every paragraph but a heading opens with a tab

    def run(self, text: str, bold: bool = False, rstyle: str | None = None) -> str:
        if text == "\n":
            return "<w:r><w:br/></w:r>"
        pieces = [text]
        if self.split and len(text) > 6:  # Word's revision ids cut runs anywhere, words too
            cuts = sorted(self.rand.sample(range(1, len(text)), min(3, len(text) - 1)))
            pieces = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
        out = []
        for i, piece in enumerate(pieces):
            props = []
            if rstyle:
                props.append(f'<w:rStyle w:val="{rstyle}"/>')
            if self.split:
                props.append('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>')
            if bold:
                props.append("<w:b/><w:bCs/>")
            if self.split:
                props.append('<w:lang w:val="ru-RU"/>')
            rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
            rsid = f' w:rsidR="00{self.rand.randrange(16**6):06X}"' if self.split else ""
            if self.split and i and self.rand.random() < 0.3:
                out.append('<w:proofErr w:type="spellStart"/>')
            if self.split and i and self.rand.random() < 0.1:
                out.append(f'<w:bookmarkStart w:id="{self.rand.randrange(99)}" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>')
            out.append(f'<w:r{rsid}>{rpr}<w:t xml:space="preserve">{xml_escape(piece)}</w:t></w:r>')
        return "".join(out)

    def para(self, runs: str, style: str | None = None) -> None:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        if self.tab and runs and style not in ("Title", "1", "2", "3", "4"):
            runs = "<w:r><w:tab/></w:r>" + runs
        self.parts.append(f"<w:p>{ppr}{runs}</w:p>")


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{_W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:rPr><w:sz w:val="56"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="4"><w:name w:val="heading 4"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:ind w:left="864" w:right="864"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Vopros"><w:name w:val="Вопрос"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style>
</w:styles>"""
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def _date_line(page: Page) -> str:
    y, m, d = (int(x) for x in page.date.split("-"))
    if _english(page):
        return f"{_MONTHS_EN[m - 1]} {d}, {y}"
    return f"{d} {_MONTHS_RU[m - 1]} {y}"


# a Word file's properties: no title, a default author, made long after the interview
_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title></dc:title><dc:creator>User</dc:creator><cp:lastModifiedBy>Пользователь</cp:lastModifiedBy>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-14T08:11:00Z</dcterms:created>
</cp:coreProperties>"""


def _package(body: str) -> bytes:
    body += ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
             '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/></w:sectPr>')
    return _samples().transcript_docx(body, styles=_STYLES, core=_CORE)


@functools.lru_cache(maxsize=1)
def _samples():
    """The test samples' Word package writer (the parts every .docx holds), loaded by path."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "tests" / "data" / "import" / "make_samples.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_PICTURE = ('<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
            'drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r>')


def _docx_runs(doc: _Doc, fragment: str, bold_all: bool = False, tab_label: bool = False,
               rstyle_bold: str | None = None) -> str:
    dash, label, rest = _split_label(fragment)
    parts = []
    if label:
        parts.append(doc.run(html.unescape(dash), False) if dash else "")
        parts.append(doc.run(html.unescape(label), True, rstyle_bold))
        parts.append("<w:r><w:tab/></w:r>" if tab_label else doc.run(" "))
        fragment = rest
    if "<img" in fragment:  # a picture: Word holds it in a run of its own
        parts.append(_PICTURE)
    for text, bold in runs_of(fragment):
        b = bold or bold_all
        parts.append(doc.run(text, b and not rstyle_bold, rstyle_bold if b else None))
    return "".join(parts)


def _docx_common(page: Page, doc: _Doc) -> None:
    doc.para(doc.run(page.title), "Title")
    if page.date:
        doc.para(doc.run(_date_line(page)))


def render_docx_lines(page: Page) -> bytes:
    doc = _Doc(page.name, split=False)
    _docx_common(page, doc)
    for b in page.blocks:
        if b.role == "title":
            continue
        if b.gap:
            doc.para("")
        if b.kind == "html":
            for t in _html_lines(b.html):
                doc.para(doc.run(t))
            continue
        # a web page pasted into Word keeps its headings' levels and its quotations' style
        style = str(min(b.level, 4)) if b.kind == "h" else "Quote" if b.kind == "quote" else None
        lead = doc.run(b.indent) if b.indent else ""  # pasted text keeps its blanks
        doc.para(lead + _docx_runs(doc, b.html, bold_all=b.role == "q" and b.kind != "h"), style)
    return _package("".join(doc.parts))


def render_docx_breaks(page: Page) -> bytes:
    """The transcript habit: a question and its answer's paragraphs in one Word paragraph,
    broken by soft breaks (Shift+Enter); anything else in a paragraph of its own; every
    paragraph typed with a tab at its start (the typist's indent)."""
    doc = _Doc(page.name, split=True, tab=True)
    _docx_common(page, doc)
    group: list[str] = []
    for b in page.paras:
        if b.role == "title":
            continue
        if group and (b.role == "q" or b.role == "other" or b.kind == "html"):
            doc.para("<w:r><w:br/></w:r>".join(group))
            group = []
        if b.kind == "html":
            for t in _html_lines(b.html):
                doc.para(doc.run(t))
            continue
        runs = _docx_runs(doc, b.html, bold_all=b.role == "q" and b.kind != "h", tab_label=True)
        if b.kind in ("quote", "h"):  # a quotation or a heading keeps its own paragraph and style
            if group:
                doc.para("<w:r><w:br/></w:r>".join(group))
                group = []
            doc.para(runs, "Quote" if b.kind == "quote" else str(min(b.level, 4)))
        elif b.role in ("q", "a"):
            group.append(runs)
        else:
            doc.para((doc.run(b.indent) if b.indent else "") + runs)
    if group:
        doc.para("<w:r><w:br/></w:r>".join(group))
    return _package("".join(doc.parts))


def render_docx_styles(page: Page) -> bytes:
    doc = _Doc(page.name, split=False)
    _docx_common(page, doc)
    for b, debris in zip(page.paras, _kinds(page)):
        if b.role == "title" or debris == "code":
            continue  # (a page's player script has no place in an edited document)
        if b.kind == "html":
            if "<img" in b.html:
                doc.para(_PICTURE)
            for t in _html_lines(b.html):
                doc.para(doc.run(t), "Caption")
            continue
        if b.kind == "h":
            doc.para(_docx_runs(doc, b.html), str(min(b.level, 4)))
        elif b.role == "q":
            doc.para(_docx_runs(doc, b.html), "Vopros")
        elif b.kind == "quote":
            doc.para(_docx_runs(doc, b.html, rstyle_bold="Strong"), "Quote")
        elif b.kind == "li":
            doc.para(_docx_runs(doc, b.html, rstyle_bold="Strong"), "ListParagraph")
        elif debris == "subhead":
            doc.para(_docx_runs(doc, b.html), "2")
        elif debris == "caption":
            doc.para(_docx_runs(doc, b.html), "Caption")
        elif debris in ("post", "teaser"):
            doc.para(_docx_runs(doc, b.html), "Quote" if debris == "post" else None)
        else:
            doc.para(_docx_runs(doc, b.html, rstyle_bold="Strong"))
    return _package("".join(doc.parts))


def _html_lines(fragment: str) -> list[str]:
    """The text lines of a raw HTML block (a figure) as Word would hold them after a paste."""
    text = re.sub(r"<[^>]+>", "\n", fragment)
    return [" ".join(html.unescape(t).split()) for t in text.split("\n") if t.strip()]


RENDER = {"html-cms": render_html_cms, "html-legacy": render_html_legacy, "html-spa": render_html_spa,
          "html-magazine": render_html_magazine, "html-blog": render_html_blog,
          "docx-lines": render_docx_lines, "docx-breaks": render_docx_breaks, "docx-styles": render_docx_styles}


def pages(corpus: Path, only: list[str] | None = None) -> list[Path]:
    out = []
    for p in sorted(corpus.iterdir()):
        if p.suffix in (".txt", ".md") and p.with_name(p.stem + ".turns.json").exists():
            if not only or any(p.name.startswith(o) for o in only):
                out.append(p)
    return out


def render(corpus: Path, out: Path, forms=FORMS, only: list[str] | None = None) -> list[Path]:
    """Write every page of ``corpus`` in every form into ``out`` with its truth; the originals
    are copied too (form "text"), so one parse scores them all."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in pages(corpus, only):
        page = load_page(path)
        truth = path.with_name(path.stem + ".truth.yaml")
        shutil.copyfile(path, out / path.name)
        shutil.copyfile(truth, out / truth.name)
        for form in forms:
            ext = ".html" if form.startswith("html") else ".docx"
            target = out / f"{path.stem}.{form}{ext}"
            target.write_bytes(RENDER[form](page))
            shutil.copyfile(truth, out / f"{path.stem}.{form}.truth.yaml")
            written.append(target)
    return written


# -- scoring -----------------------------------------------------------------------------------
_FILE = re.compile(r"^(\S+): (\d+)/(\d+) exchanges, count (\d+) vs (\d+)$")
_META_MISS = re.compile(r"^(\S+): (date|interviewee) want")
_LEAK = re.compile(r"^(\S+): junk leaked")


def score(folder: Path, checker: Path) -> dict[str, dict[str, dict]]:
    """{form: {page: {"ex", "of", "meta_miss", "leaks"}}} from one parse of ``folder``."""
    parsed = subprocess.run([sys.executable, "-m", "kzreader", "parse", "--json", str(folder)],
                            cwd=ROOT, capture_output=True, check=True).stdout
    js = folder / "parsed.json"
    js.write_bytes(parsed)
    report = subprocess.run([sys.executable, str(checker), str(js), str(folder), "--verbose"],
                            capture_output=True, text=True).stdout
    return parse_report(report)


def parse_report(report: str) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = defaultdict(dict)

    def entry(stem: str) -> dict:
        page, _, form = stem.partition(".")
        return out[form or "text"].setdefault(page, {"ex": 0, "of": 0, "meta_miss": 0, "leaks": 0})

    for line in report.splitlines():
        if m := _FILE.match(line):
            e = entry(m.group(1))
            e["ex"], e["of"] = int(m.group(2)), int(m.group(3))
        elif m := _META_MISS.match(line):
            entry(m.group(1))["meta_miss"] += 1
        elif m := _LEAK.match(line):
            entry(m.group(1))["leaks"] += 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--out", default="/tmp/kzreader-rendered")
    ap.add_argument("--forms", default=",".join(FORMS))
    ap.add_argument("--only", default="", help="page number prefixes, comma-separated")
    ap.add_argument("--score", action="store_true")
    a = ap.parse_args(argv)
    corpus, out = Path(a.corpus), Path(a.out)
    forms = [f for f in a.forms.split(",") if f]
    if out.exists():
        shutil.rmtree(out)
    render(corpus, out, forms, [o for o in a.only.split(",") if o] or None)
    if not a.score:
        print(out)
        return 0
    res = score(out, corpus.parent / "tools" / CHECKER)
    base = res.get("text", {})
    metas = {p: sum(1 for k in ("date", "interviewee")
                    if yaml.safe_load((corpus / f"{p}.truth.yaml").read_text(encoding="utf-8")).get(k) is not None)
             for p in base}
    print(f"{'form':14} {'exchanges':>12} {'metadata':>9} {'leaks':>6}   pages worse than text")
    for form in ["text"] + forms:
        rows = res.get(form, {})
        ex = sum(r["ex"] for r in rows.values())
        of = sum(r["of"] for r in rows.values())
        meta = sum(metas[p] - r["meta_miss"] for p, r in rows.items())
        leaks = sum(r["leaks"] for r in rows.values())
        worse = [f"{p[:2]}({r['ex'] - base[p]['ex']:+d}"
                 f"{'' if r['meta_miss'] <= base[p]['meta_miss'] else ' meta'}"
                 f"{'' if r['leaks'] <= base[p]['leaks'] else ' leak'})"
                 for p, r in sorted(rows.items())
                 if (r["ex"], -r["meta_miss"], -r["leaks"]) != (base[p]["ex"], -base[p]["meta_miss"], -base[p]["leaks"])]
        print(f"{form:14} {ex:>5}/{of:<6} {meta:>4}/{sum(metas[p] for p in rows):<4} {leaks:>6}   {' '.join(worse)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
