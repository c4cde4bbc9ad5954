"""Saved web pages → derived text, metadata and removed clutter.

Stdlib only (html.parser): the page is parsed into a small tree, the article is found, and the
text is written out in document order.  Clutter (navigation, share buttons, related lists,
comments, footers, whatever lies outside the article) stays in the text but is marked removed;
scripts, styles and embedded media are dropped.  Nothing is ever fetched: no URL in the page is
opened, followed or resolved.
"""
from __future__ import annotations

import codecs
import json
import re
from html.parser import HTMLParser

from ... import messages as msg
from ..decoding import SourceError, decode_text, looks_binary, normalise_newlines
from ...messages import Message
from .derived import BREAK, Derived, Run, TextBuilder, clean, join_rows, render_runs

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "keygen"}
# elements whose content is never reading text
_DROP = {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
         "embed", "canvas", "video", "audio", "picture", "map", "select", "button", "textarea",
         "input", "dialog"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
          "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
          "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p",
          "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
          "caption", "legend", "option"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CLOSES_P = _BLOCK - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "caption"}
_BLOCK_NOT_P = _BLOCK - {"p"}
_MAX_DEPTH = 400  # deeper nesting is flattened: a hostile page must not exhaust the stack
# markup left once scripts, styles, comments and inline data are taken out: characters, and
# tags ("<"). The tree and its walk cost about 15 µs per tag, so a larger page is refused
# rather than read for half a minute; a news page with all its menus has under 10,000 tags.
MAX_MARKUP = 5 * 1024 * 1024
MAX_TAGS = 80_000
# bulk that never becomes reading text, cut before parsing (_strip_bulk)
_BULK_OPEN = re.compile(r"<(script|style|svg)\b[^<>]{0,2000}>|<!--|(?<==)([\"']?)data:[^\"'>\s]{200,}", re.I)
_BULK_CLOSE = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I),
               "svg": re.compile(r"</svg\s*>", re.I), "<!--": re.compile("-->")}
# the tags whose leaf-to-root check of layout tables (_layout_table) counts
_LAYOUT_BLOCKS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "blockquote", "article", "section"}

# clutter: by tag, by ARIA role, by words in class/id
_TAG_KIND = {"nav": "navigation", "footer": "footer", "aside": "related", "form": "form",
             "menu": "navigation", "figcaption": "credit"}
_ROLE_KIND = {"navigation": "navigation", "contentinfo": "footer", "complementary": "related",
              "banner": "header", "search": "form", "menu": "navigation", "menubar": "navigation"}
_SUBSTR_KIND = (
    ("share", "share"), ("social", "share"), ("likes", "share"),
    ("related", "related"), ("recommend", "related"), ("popular", "related"), ("readmore", "related"),
    ("read-more", "related"), ("also", "related"), ("similar", "related"), ("teaser", "related"),
    ("comment", "comments"), ("disqus", "comments"),
    ("breadcrumb", "navigation"), ("navbar", "navigation"), ("navigation", "navigation"), ("menu", "navigation"),
    ("footer", "footer"), ("subscri", "subscribe"), ("newsletter", "subscribe"),
    ("cookie", "cookie notice"), ("advert", "advertisement"), ("sponsor", "advertisement"),
    ("banner", "advertisement"), ("sidebar", "sidebar"), ("widget", "sidebar"),
)
_TOKEN_KIND = {"nav": "navigation", "ad": "advertisement", "ads": "advertisement", "adv": "advertisement",
               "promo": "advertisement", "tags": "tags", "tag": "tags", "more": "related", "rubrics": "tags"}
_TOKENS = re.compile(r"[a-z0-9]+")
OUTSIDE = "outside article"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_TAG_LIKE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9]*[\s/>]|!--|!doctype)", re.I)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BYLINE_WORDS = re.compile(r"^(?:автор(?:ы)?|текст|беседовал[аи]?|интервью записал[аи]?|by|author|interview by)\s*[:\-—–]?\s*", re.I)
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "interview", "webpage", "report", "backgroundnewsarticle")


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "tlen", "blocks")

    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []
        self.tlen = 0  # non-blank characters of reading text below, set by _measure
        self.blocks = False  # holds an element of _LAYOUT_BLOCKS, set by _measure

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""


class _TreeBuilder(HTMLParser):
    """Forgiving HTML → Node tree, with the implied end tags real pages rely on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]
        # open elements per tag: an end tag or implied end with nothing open to close returns
        # at once instead of searching the stack (400 deep on a page of unclosed tags)
        self.open: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        self._imply_end(tag)
        node = Node(tag, {k.lower(): (v or "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)
            self.open[tag] = self.open.get(tag, 0) + 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "br":  # "</br>" is a break on every browser
            self.handle_starttag("br", [])
            return
        if not self.open.get(tag):
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                self._pop(i)
                return
            if tag in ("td", "th", "tr", "table", "li", "ul", "ol", "dl") and self.stack[i].tag == "table":
                return  # an end tag never closes across a table it is not in

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def _pop(self, i: int) -> None:
        for node in self.stack[i:]:
            self.open[node.tag] -= 1
        del self.stack[i:]

    def _imply_end(self, tag: str) -> None:
        if tag in _CLOSES_P:
            self._close("p", stop=_BLOCK_NOT_P)
        if tag == "li":
            self._close("li", stop={"ul", "ol", "menu"})
        elif tag in ("dt", "dd"):
            self._close("dt", stop={"dl"})
            self._close("dd", stop={"dl"})
        elif tag == "tr":
            self._close("tr", stop={"table"})
        elif tag in ("td", "th"):
            self._close("td", stop={"tr", "table"})
            self._close("th", stop={"tr", "table"})
        elif tag == "option":
            self._close("option", stop={"select"})

    def _close(self, tag: str, stop: set) -> None:
        if not self.open.get(tag):
            return
        for i in range(len(self.stack) - 1, 0, -1):
            t = self.stack[i].tag
            if t == tag:
                self._pop(i)
                return
            if t in stop:
                return


def html_to_derived(data: bytes) -> Derived:
    text, enc, warnings = decode_html(data)
    text = normalise_newlines(text)
    if not _TAG_LIKE.search(text[:100_000]):
        # a plain text file that was merely named .html: read it as text
        return Derived(text, enc, warnings=warnings)
    text = _strip_bulk(text)
    if len(text) > MAX_MARKUP:
        raise SourceError(Message(msg.HTML_TOO_LARGE, size_mb=len(text) // (1024 * 1024),
                                  limit_mb=MAX_MARKUP // (1024 * 1024)))
    tags = text.count("<")
    if tags > MAX_TAGS:
        raise SourceError(Message(msg.HTML_TOO_MANY_TAGS, tags=tags, limit=MAX_TAGS))
    tb = _TreeBuilder()
    tb.feed(text)
    tb.close()
    page = _Page(tb.root)
    derived = page.render()
    if not derived.text.strip():
        raise SourceError(Message(msg.HTML_NO_TEXT))
    derived.encoding = enc
    derived.warnings = warnings + list(derived.warnings)
    return derived


def _strip_bulk(text: str) -> str:
    """``text`` without scripts (JSON-LD stays: it holds metadata), styles, inline SVG,
    comments and inline data URIs, none of which is reading text; in one pass, so an unclosed
    one costs a single search to the end."""
    out, pos = [], 0
    while True:
        m = _BULK_OPEN.search(text, pos)
        if m is None:
            break
        if m.group(2) is not None:  # data:...: keep the attribute, drop the payload
            out.append(text[pos:m.start()] + m.group(2) + "data:")
            pos = m.end()
            continue
        tag = (m.group(1) or "<!--").lower()
        end = _BULK_CLOSE[tag].search(text, m.end())
        if end is None:
            break  # unclosed: html.parser reads the rest as script or comment anyway
        keep = tag == "script" and "ld+json" in m.group().lower()
        out.append(text[pos:end.end()] if keep else text[pos:m.start()])
        pos = end.end()
    out.append(text[pos:])
    return "".join(out)


def decode_html(data: bytes) -> tuple[str, str, list[str]]:
    """The page's own encoding (a BOM, then <meta charset>, then detection): (text, encoding,
    warnings of damaged bytes or control characters)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    m = _META_CHARSET.search(data[:8192])
    if m:
        label = m.group(1).decode("ascii").lower()
        if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
            label = "cp1252"  # what browsers do with these labels
        try:
            info = codecs.lookup(label)
        except LookupError:
            info = None
        # "base64", "zlib", "rot13" are codecs too, but not text encodings; "undefined" and
        # the UTF-16 family (a label in ASCII cannot be right for them) fall back as well
        if (info is not None and getattr(info, "_is_text_encoding", True)
                and not info.name.startswith(("utf-16", "utf-32", "undefined"))):
            if looks_binary(data):
                raise SourceError(Message(msg.HTML_BINARY))
            try:
                return data.decode(info.name), info.name, []
            except (UnicodeError, LookupError, ValueError):
                pass  # the label lies (a re-saved page): fall back to detection
    return decode_text(data)


def _classes(node: Node) -> list[str]:
    return (node.get("class") + " " + node.get("id")).lower().split()


def _clutter_kind(node: Node) -> str | None:
    kind = _TAG_KIND.get(node.tag) or _ROLE_KIND.get(node.get("role").lower())
    if kind:
        return kind
    for name in _classes(node):
        for sub, k in _SUBSTR_KIND:
            if sub in name:
                return k
        for tok in _TOKENS.findall(name):
            if tok in _TOKEN_KIND:
                return _TOKEN_KIND[tok]
    return None


def _meta_kind(node: Node) -> str | None:
    """A small element holding the byline or the publication date."""
    if node.tag == "time":
        return "meta:date"
    prop = node.get("itemprop").lower()
    if prop in ("datepublished", "datecreated"):
        return "meta:date"
    if prop == "author" or "author" in node.get("rel").lower():
        return "meta:interviewer"
    names = " ".join(_classes(node))
    if "byline" in names or re.search(r"(?:^|[^a-z])author(?:$|[^a-z])", names):
        return "meta:interviewer"
    if re.search(r"(?:^|[^a-z])(?:date|pubdate|published)(?:$|[^a-z])", names):
        return "meta:date"
    return None


def _text(node) -> str:
    if isinstance(node, str):
        return node
    if node.tag in _DROP:
        return ""
    return "".join(_text(c) for c in node.children)


def _iter(node: Node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed([c for c in n.children if isinstance(c, Node)]))


def _measure(node: Node) -> int:
    n = 0
    blocks = False
    for c in node.children:
        if isinstance(c, str):
            n += len("".join(c.split()))  # non-blank characters: cheap and good enough
        else:
            t = _measure(c)
            if c.tag not in _DROP:
                n += t
            blocks = blocks or c.blocks or c.tag in _LAYOUT_BLOCKS
    node.tlen = n
    node.blocks = blocks
    return n


def _iso(value: str) -> str | None:
    m = _ISO_DATE.search(value or "")
    return m.group() if m else None


class _Page:
    def __init__(self, root: Node):
        self.root = root
        self.nodes = list(_iter(root))
        _measure(root)
        self.body = next((n for n in self.nodes if n.tag == "body"), root)
        self.article = self._find_article()
        self.inside = set(map(id, _iter(self.article)))
        self.above = set()  # the article and the elements that hold it
        n = self.article
        while n is not None:
            self.above.add(id(n))
            n = n.parent
        self.headline = self._find_headline()
        self.metadata: dict = {}

    def _find_article(self) -> Node:
        total = self.body.tlen or 1
        kinds = (
            lambda n: n.tag == "article" or n.get("role").lower() == "article",
            lambda n: n.tag == "main" or n.get("role").lower() == "main",
            lambda n: n.get("itemprop").lower() == "articlebody",
        )
        for is_kind in kinds:
            found = [n for n in self.nodes if is_kind(n)]
            if found:
                best = max(found, key=lambda n: n.tlen)
                if best.tlen >= 0.15 * total and best.tlen >= 40:
                    return best
        return self.body

    def _find_headline(self) -> Node | None:
        h1 = [n for n in self.nodes if n.tag == "h1" and n.tlen]
        inside = [n for n in h1 if id(n) in self.inside]
        if inside:
            return inside[0]
        return max(h1, key=lambda n: n.tlen) if h1 else None

    # -- text -------------------------------------------------------------------------------
    def render(self) -> Derived:
        self.out = TextBuilder()
        self.runs: list[Run] = []
        self._walk(self.body, None, False, False)
        self._flush()
        meta = self._metadata()
        return Derived(self.out.text(), "", meta, self.out.removed)

    def _flush(self) -> None:
        if self.runs:
            for text, kind in render_runs(self.runs):
                self.out.paragraph(text, kind)
            self.runs = []

    def _kind_of(self, node: Node, kind: str | None) -> str | None:
        if node is self.headline:
            return None  # the headline is read even when it sits outside the article
        if kind is not None and kind != OUTSIDE and not kind.startswith("meta:"):
            return kind
        if node.tlen < 150:
            mk = _meta_kind(node)
            if mk:
                return mk
        if id(node) in self.above:
            return kind
        if id(node) not in self.inside:
            return _clutter_kind(node) or kind or OUTSIDE  # a named kind beats "outside article"
        ck = _clutter_kind(node)
        # a clutter-looking box that holds most of the article is the article's own wrapper
        if ck and node.tlen * 2 < self.article.tlen:
            return ck
        return kind

    def _walk(self, node: Node, kind: str | None, bold: bool, pre: bool) -> None:
        tag = node.tag
        if tag in _DROP:
            return
        kind = self._kind_of(node, kind)
        if tag == "br":
            self.runs.append(BREAK)
            return
        if tag in _HEADINGS:
            self._flush()
            title = clean(_text(node)).strip()
            if title:
                self.out.paragraph("### " + title, kind)
            return
        if tag == "table" and not self._layout_table(node):
            self._flush()
            self._table(node, kind)
            return
        block = tag in _BLOCK
        if block:
            self._flush()
        if tag in ("b", "strong") or _bold_style(node.get("style")):
            bold = True
        pre = pre or tag in ("pre", "textarea")
        for c in node.children:
            if isinstance(c, str):
                if pre:
                    for i, line in enumerate(c.split("\n")):
                        if i:
                            self.runs.append(BREAK)
                        self.runs.append(Run(line, bold, kind))
                else:
                    self.runs.append(Run(c, bold, kind))
            else:
                self._walk(c, kind, bold, pre)
        if block:
            self._flush()

    def _layout_table(self, table: Node) -> bool:
        """A table used to lay out the page (old sites) holds blocks, not cells of data."""
        return table.blocks  # found by _measure, once for every table

    def _table(self, table: Node, kind: str | None) -> None:
        rows, kinds = [], []
        for tr in (n for n in _iter(table) if n.tag == "tr"):
            cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
            rows.append([t for t in (clean(_text(c)).strip() for c in cells) if t])
            kinds.append(self._kind_of(tr, kind))
        for text, row_kind in zip(join_rows(rows), kinds):
            self.out.paragraph(text, row_kind)

    # -- metadata ---------------------------------------------------------------------------
    def _metadata(self) -> dict:
        metas: dict[str, str] = {}
        canonical = title_tag = lang = None
        times: list[Node] = []
        bylines: list[Node] = []
        ld: list[dict] = []
        for n in self.nodes:
            if n.tag == "meta":
                key = (n.get("property") or n.get("name") or n.get("itemprop")).lower()
                if key and n.get("content") and key not in metas:
                    metas[key] = n.get("content").strip()
            elif n.tag == "link" and "canonical" in n.get("rel").lower().split():
                canonical = canonical or n.get("href").strip()
            elif n.tag == "title" and title_tag is None:
                title_tag = clean(_text_raw(n)).strip()
            elif n.tag == "html":
                lang = n.get("lang") or n.get("xml:lang")
            elif n.tag == "script" and n.get("type").lower() == "application/ld+json":
                ld.extend(_ld_articles(_text_raw(n)))
            elif n.tag == "time" or n.get("itemprop").lower() == "datepublished":
                times.append(n)
            elif n.tlen < 150 and _meta_kind(n) == "meta:interviewer":
                bylines.append(n)
        art = ld[0] if ld else {}
        out: dict[str, str] = {}
        headline = clean(_text(self.headline)).strip() if self.headline else None
        out["title"] = _first(_ld_str(art.get("headline")), headline, metas.get("og:title"),
                              metas.get("twitter:title"), title_tag)
        out["date"] = _first(*(_iso(v) for v in (
            _ld_str(art.get("datePublished")), metas.get("article:published_time"),
            metas.get("datepublished"), metas.get("pubdate"), metas.get("date"),
            metas.get("dc.date"), metas.get("dc.date.issued"))), self._time_date(times))
        out["interviewer"] = _first(_ld_name(art.get("author")), _not_url(metas.get("author")),
                                    _not_url(metas.get("article:author")), _byline(bylines))
        out["source"] = _first(metas.get("og:site_name"), _ld_name(art.get("publisher")),
                               metas.get("application-name"))
        out["url"] = _first(_web_url(canonical), _web_url(metas.get("og:url")),
                            _web_url(_ld_str(art.get("url"))))
        if lang and re.match(r"[A-Za-z]{2}\b", lang):
            out["language"] = lang[:2].lower()
        return {k: v[:300] for k, v in out.items() if v}

    def _time_date(self, times: list[Node]) -> str | None:
        for prefer_inside in (True, False):
            for n in times:
                if prefer_inside and id(n) not in self.inside:
                    continue
                iso = _iso(n.get("datetime")) or _iso(n.get("content"))
                if iso:
                    return iso
                from kzreader.core.parsing.metadata import leading_date  # the parser's date forms, not a copy
                found = leading_date(clean(_text(n)).strip())
                if found:
                    return found[0]
        return None


def _bold_style(style: str) -> bool:
    return bool(style) and bool(re.search(r"font-weight\s*:\s*(?:bold|[6-9]00)", style, re.I))


def _text_raw(node: Node) -> str:
    # <title> and <script> sit in dropped parts of the tree: read them directly
    return "".join(c if isinstance(c, str) else _text_raw(c) for c in node.children)


def _first(*values):
    for v in values:
        if v and str(v).strip():
            return str(v).strip()
    return None


def _not_url(v: str | None) -> str | None:
    return None if not v or re.match(r"https?://|www\.", v) else v


def _web_url(v: str | None) -> str | None:
    return v if v and re.match(r"https?://\S+$", v) else None


def _byline(nodes: list[Node]) -> str | None:
    for n in nodes:
        t = _BYLINE_WORDS.sub("", clean(_text(n)).strip()).strip(" ,.")
        if 3 <= len(t) <= 80:
            return t
    return None


def _ld_articles(raw: str) -> list[dict]:
    """Article objects in a JSON-LD script (one object, a list, or an @graph)."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return []
    items = data if isinstance(data, list) else [data]
    out = []
    for it in items:
        if not isinstance(it, dict):
            continue
        graph = it.get("@graph")
        for obj in (graph if isinstance(graph, list) else [it]):
            if not isinstance(obj, dict):
                continue
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types) or "headline" in obj:
                out.append(obj)
    # an article proper beats a WebPage wrapper
    out.sort(key=lambda o: "headline" not in o)
    return out


def _ld_str(v) -> str | None:
    if isinstance(v, list):
        v = v[0] if v else None
    if isinstance(v, dict):
        v = v.get("@id") or v.get("url")
    return clean(v).strip() if isinstance(v, str) else None


def _ld_name(v) -> str | None:
    items = v if isinstance(v, list) else [v]
    names = []
    for it in items:
        if isinstance(it, dict):
            it = it.get("name")
        if isinstance(it, str) and it.strip() and not re.match(r"https?://", it):
            names.append(clean(it).strip())
    return ", ".join(names) or None
