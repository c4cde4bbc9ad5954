"""Saved web pages, the markup side: the page's encoding, the bulk cut before parsing (scripts,
styles, inline data), and a forgiving parse into a small tree of ``Node``s with the implied end
tags real pages rely on, plus the few questions asked of that tree (its text, its nodes in
order, how much reading text lies below each node)."""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from ... import messages as msg
from ...messages import Message
from ..decoding import SourceError, decode_text, looks_binary

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "keygen"}
# elements whose content is never reading text
DROP = {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
         "embed", "canvas", "video", "audio", "picture", "map", "select", "button", "textarea",
         "input", "dialog"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
          "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
          "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p",
          "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
          "caption", "legend", "option"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CLOSES_P = BLOCK - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "caption"}
_BLOCK_NOT_P = BLOCK - {"p"}
_MAX_DEPTH = 400  # deeper nesting is flattened: a hostile page must not exhaust the stack
# markup left once scripts, styles, comments and inline data are taken out: characters, and
# tags ("<"). The tree and its walk cost about 15 µs per tag, so a larger page is refused
# rather than read for half a minute; a news page with all its menus has under 10,000 tags.
MAX_MARKUP = 5 * 1024 * 1024
MAX_TAGS = 80_000
# bulk that never becomes reading text, cut before parsing (strip_bulk)
_BULK_OPEN = re.compile(r"<(script|style|svg)\b[^<>]{0,2000}>|<!--|(?<==)([\"']?)data:[^\"'>\s]{200,}", re.I)
_BULK_CLOSE = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I),
               "svg": re.compile(r"</svg\s*>", re.I), "<!--": re.compile("-->")}
# the tags whose leaf-to-root check of layout tables (_layout_table) counts
LAYOUT_BLOCKS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "blockquote", "article", "section"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
TAG_LIKE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9]*[\s/>]|!--|!doctype)", re.I)


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "tlen", "blocks")

    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []
        self.tlen = 0  # non-blank characters of reading text below, set by measure
        self.blocks = False  # holds an element of LAYOUT_BLOCKS, set by measure

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""


class TreeBuilder(HTMLParser):
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


def strip_bulk(text: str) -> str:
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


def node_text(node) -> str:
    if isinstance(node, str):
        return node
    if node.tag in DROP:
        return ""
    return "".join(node_text(c) for c in node.children)


def iter_nodes(node: Node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed([c for c in n.children if isinstance(c, Node)]))


def measure(node: Node) -> int:
    n = 0
    blocks = False
    for c in node.children:
        if isinstance(c, str):
            n += len("".join(c.split()))  # non-blank characters: cheap and good enough
        else:
            t = measure(c)
            if c.tag not in DROP:
                n += t
            blocks = blocks or c.blocks or c.tag in LAYOUT_BLOCKS
    node.tlen = n
    node.blocks = blocks
    return n


def raw_text(node: Node) -> str:
    # <title> and <script> sit in dropped parts of the tree: read them directly
    return "".join(c if isinstance(c, str) else raw_text(c) for c in node.children)
