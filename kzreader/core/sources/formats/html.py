"""Saved web pages → derived text, metadata and removed clutter.

Stdlib only (html.parser): the page is parsed into a small tree (``html_tree``), the article is
found, its metadata read (``html_metadata``), and the text is written out in document order.
Clutter (navigation, share buttons, related lists,
comments, footers, whatever lies outside the article) stays in the text but is marked removed;
scripts, styles and embedded media are dropped.  Nothing is ever fetched: no URL in the page is
opened, followed or resolved.
"""
from __future__ import annotations

import re

from ... import messages as msg
from ...messages import Message
from ..decoding import SourceError, normalise_newlines
from .derived import BREAK, Derived, Run, TextBuilder, clean, join_rows, quoted, render_runs
from .html_metadata import page_metadata
from .html_tree import (
    BLOCK, DROP, HEADINGS, MAX_MARKUP, MAX_TAGS, TAG_LIKE, Node, TreeBuilder, decode_html, iter_nodes,
    measure, node_text, strip_bulk)

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
    # a picture's caption and credit, however the site names the box ("wp-caption-text",
    # "photo-caption", "media__copyright", "image-credit")
    ("caption", "credit"), ("copyright", "credit"), ("credit", "credit"),
    # a social post embedded in the page ("twitter-tweet", "instagram-media", "tiktok-embed")
    ("tweet", "embed"), ("instagram", "embed"), ("tiktok", "embed"), ("fb-post", "embed"),
    ("banner", "advertisement"), ("sidebar", "sidebar"), ("widget", "sidebar"),
)
_TOKEN_KIND = {"nav": "navigation", "ad": "advertisement", "ads": "advertisement", "adv": "advertisement",
               "promo": "advertisement", "tags": "tags", "tag": "tags", "more": "related", "rubrics": "tags"}
_TOKENS = re.compile(r"[a-z0-9]+")
# non-blank characters of a <p> that may be the article's (a short answer is one); the furniture
# after a page's text is links and lines, seldom a paragraph
_PROSE = 20
OUTSIDE = "outside article"


def html_to_derived(data: bytes) -> Derived:
    text, enc, warnings = decode_html(data)
    text = normalise_newlines(text)
    if not TAG_LIKE.search(text[:100_000]):
        # a plain text file that was merely named .html: read it as text
        return Derived(text, enc, warnings=warnings)
    text = strip_bulk(text)
    if len(text) > MAX_MARKUP:
        raise SourceError(Message(msg.HTML_TOO_LARGE, size_mb=len(text) // (1024 * 1024),
                                  limit_mb=MAX_MARKUP // (1024 * 1024)))
    tags = text.count("<")
    if tags > MAX_TAGS:
        raise SourceError(Message(msg.HTML_TOO_MANY_TAGS, tags=tags, limit=MAX_TAGS))
    tb = TreeBuilder()
    tb.feed(text)
    tb.close()
    page = _Page(tb.root)
    derived = page.render()
    if not derived.text.strip():
        raise SourceError(Message(msg.HTML_NO_TEXT))
    derived.encoding = enc
    derived.warnings = warnings + list(derived.warnings)
    return derived


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


class _Page:
    def __init__(self, root: Node):
        self.root = root
        self.nodes = list(iter_nodes(root))
        measure(root)
        self.body = next((n for n in self.nodes if n.tag == "body"), root)
        self.article = self._find_article()
        self.inside = set(map(id, iter_nodes(self.article)))
        self.above = set()  # the article and the elements that hold it
        n = self.article
        while n is not None:
            self.above.add(id(n))
            n = n.parent
        self.headline = self._find_headline()
        self.metadata: dict = {}
        # a page that names no article: what follows the box of its paragraphs (a print link,
        # the site's footer, a counter) is no more the article than a footer is
        self.trailing: set[int] = set()
        if self.article is self.body:
            box = self._paragraph_box()
            if box is not None:
                self.trailing = _after_without_prose(box, self.body)

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

    def _paragraph_box(self) -> Node | None:
        """The element whose own <p> children hold most of the page's text, or None."""
        best, best_len = None, 0
        for n in self.nodes:
            own = sum(c.tlen for c in n.children if isinstance(c, Node) and c.tag == "p")
            if own > best_len and not _clutter_kind(n):
                best, best_len = n, own
        return best if best is not None and best_len * 2 >= self.body.tlen else None

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
        self.quote = 0  # blockquotes the walk is inside
        self.under_image = 0  # 1 on the line of a picture that opened it, 2 on the next
        self._walk(self.body, None, False, False)
        self._flush()
        meta = page_metadata(self.nodes, self.headline, self.inside,
                             lambda n: n.tlen < 150 and _meta_kind(n) == "meta:interviewer")
        return Derived(self.out.text(), "", meta, self.out.removed)

    def _flush(self) -> None:
        self.under_image = 0  # a caption sits with its picture, in the same block
        if self.runs:
            for text, kind in render_runs(self.runs):
                self.out.paragraph(quoted(text) if self.quote else text, kind)
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
        if id(node) not in self.inside or id(node) in self.trailing:
            return _clutter_kind(node) or kind or OUTSIDE  # a named kind beats "outside article"
        ck = _clutter_kind(node)
        # a clutter-looking box that holds most of the article is the article's own wrapper
        if ck and node.tlen * 2 < self.article.tlen:
            return ck
        return kind

    def _walk(self, node: Node, kind: str | None, bold: bool, pre: bool) -> None:
        tag = node.tag
        if tag in DROP:
            return
        kind = self._kind_of(node, kind)
        if tag == "br":
            self.runs.append(BREAK)
            # the caption's line is the picture's own or the next, not one after an empty line
            self.under_image = self.under_image + 1 if 0 < self.under_image < 2 else 0
            return
        if tag == "img":
            # a picture that opens its line: italics right under it, in the same block, are
            # its caption ("<img><br><i>Caption</i>", as blog engines write it)
            self.under_image = 1 if self._line_empty() else 0
            return
        if tag in ("i", "em") and self.under_image and kind is None:
            kind = "credit"
        if tag in HEADINGS:
            self._flush()
            title = clean(node_text(node)).strip()
            if title:  # its level kept: a page may ask in <h3> and set subheads in <h4>
                self.out.paragraph("#" * int(tag[1]) + " " + title, kind)
            return
        if tag == "table" and not self._layout_table(node):
            self._flush()
            self._table(node, kind)
            return
        block = tag in BLOCK
        if block:
            self._flush()
        if tag == "blockquote":
            self.quote += 1
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
                if kind != "credit" and c.strip():
                    self.under_image = 0
            else:
                self._walk(c, kind, bold, pre)
        if block:
            self._flush()
        if tag == "blockquote":
            self.quote -= 1

    def _line_empty(self) -> bool:
        """No text yet on the line being collected (since the last break or paragraph)."""
        for r in reversed(self.runs):
            if r is BREAK or r.text == "\n":
                return True
            if r.text.strip():
                return False
        return True

    def _layout_table(self, table: Node) -> bool:
        """A table used to lay out the page (old sites) holds blocks, not cells of data."""
        return table.blocks  # found by measure, once for every table

    def _table(self, table: Node, kind: str | None) -> None:
        rows, kinds = [], []
        for tr in (n for n in iter_nodes(table) if n.tag == "tr"):
            cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
            rows.append([t for t in (clean(node_text(c)).strip() for c in cells) if t])
            kinds.append(self._kind_of(tr, kind))
        for text, row_kind in zip(join_rows(rows), kinds):
            self.out.paragraph(text, row_kind)

    # -- metadata ---------------------------------------------------------------------------


def _after_without_prose(box: Node, top: Node) -> set[int]:
    """Ids of the elements after ``box`` (up to ``top``) that hold no paragraph: the furniture
    after a page's text.  An element after it that holds one (the article's second half, after
    an ad; a footer set in <p>s too) is left alone."""
    out: set[int] = set()
    node = box
    while node is not top and node.parent is not None:
        siblings = [c for c in node.parent.children if isinstance(c, Node)]
        for after in siblings[siblings.index(node) + 1:]:
            below = list(iter_nodes(after))
            if not any(n.tag == "p" and n.tlen >= _PROSE for n in below):
                out.update(map(id, below))
        node = node.parent
    return out


def _bold_style(style: str) -> bool:
    return bool(style) and bool(re.search(r"font-weight\s*:\s*(?:bold|[6-9]00)", style, re.I))


