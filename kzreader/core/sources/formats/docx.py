"""Word documents (.docx) → derived text and metadata.

Stdlib only: the package is a zip of XML parts, read with zipfile and xml.etree.  Paragraphs,
soft line breaks (w:br), tables and bold runs (direct or through a style) are kept; headings
become ``#`` to ``######`` by level, quotations ``> ``, and captions removed spans; a document
spaced with empty paragraphs reads a paragraph per line (``_Reader.container``).  Parts are decoded here (whatever their encoding) and refused when they declare
a DOCTYPE or entities, so no entity expansion or external reference can happen; their size and
element count are capped, and the tree is walked without recursion.  Headers, footers,
comments, footnotes and text boxes are not read.
"""
from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET

from ... import messages as msg
from ..decoding import SourceError
from ...messages import Message
from .derived import (BREAK, Derived, Run, TextBuilder, all_bold, bold_continues, clean, join_rows,
                      quoted, render_runs)

# uncompressed bytes of one XML part: a zip bomb stops here (a 600-page report is about 20 MB)
_MAX_PART = 32 * 1024 * 1024
# tags ("<") in one part: about 170 MB of element tree per million elements
_MAX_TAGS = 1_500_000
# basedOn steps followed from a style (Word's own styles go a few deep)
_MAX_STYLE_DEPTH = 64
_DTD = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_DOC = "/officeDocument"
_HEADING_NAME = re.compile(r"(?:heading|заголовок)\s*(\d)|^title$|^заголовок$|^название$", re.I)
# Word's quotation styles ("Quote", "Intense Quote", "Цитата", "Выделенная цитата")
_QUOTE_NAME = re.compile(r"quote|цитата", re.I)
# the style Word's Insert Caption gives a picture's or a table's caption ("caption" in the file,
# "Название объекта" in a Russian Word)
_CAPTION_NAME = re.compile(r"^caption$|^название объекта$", re.I)
# default authors that name a computer, not a person
_NOBODY = {"user", "admin", "administrator", "microsoft office user", "windows user", "пользователь",
           "автор", "author", "unknown", "home", "сотрудник", "python-docx"}
# containers whose children are read as if they stood in their place
_TRANSPARENT = {"hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
                "moveTo", "dir", "bdo"}
_ON = {None, "", "1", "true", "on"}
_PICTURES = {"drawing", "pict", "object"}
_BLANKS = (" ", "\t", "\u00a0")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(el: ET.Element, name: str) -> str | None:
    for k, v in el.attrib.items():
        if _local(k) == name:
            return v
    return None


def _child(el: ET.Element, name: str) -> ET.Element | None:
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _is_on(el: ET.Element | None) -> bool | None:
    """A toggle property (<w:b/>, <w:b w:val="0"/>): True, False, or None when absent."""
    if el is None:
        return None
    return (_attr(el, "val") or "").lower() in _ON


class _Styles:
    def __init__(self, root: ET.Element | None):
        self.styles: dict[str, tuple[str, str | None, bool | None, int, str | None]] = {}
        self.default_bold = False
        if root is None:
            return
        for st in root:
            name = _local(st.tag)
            if name == "docDefaults":
                rpr = st.find(".//{*}rPr")
                self.default_bold = bool(rpr is not None and _is_on(_child(rpr, "b")))
            if name != "style":
                continue
            sid = _attr(st, "styleId") or ""
            nm = _child(st, "name")
            based = _child(st, "basedOn")
            rpr = _child(st, "rPr")
            ppr = _child(st, "pPr")
            bold = _is_on(_child(rpr, "b")) if rpr is not None else None
            style_name = (_attr(nm, "val") if nm is not None else "") or ""
            named = _HEADING_NAME.search(style_name)
            heading = _outline_level(ppr) or (int(named.group(1) or 1) if named else 0)
            role = ("quote" if _QUOTE_NAME.search(style_name)
                    else "caption" if _CAPTION_NAME.search(style_name) else None)
            self.styles[sid] = (sid, _attr(based, "val") if based is not None else None, bold, heading, role)

        self._resolved: dict[str | None, tuple[bool | None, int, str | None]] = {}

    def _resolve(self, sid: str | None) -> tuple[bool | None, int, str | None]:
        """(bold, heading level or 0, "quote" or "caption") of a style through its basedOn
        chain: followed iteratively, stopping at a cycle or after _MAX_STYLE_DEPTH steps, and
        remembered (every run asks)."""
        found = self._resolved.get(sid)
        if found is None:
            bold, heading, role, seen, cur = None, 0, None, set(), sid
            while cur and cur in self.styles and cur not in seen and len(seen) < _MAX_STYLE_DEPTH:
                seen.add(cur)
                _, based, b, h, r = self.styles[cur]
                if bold is None:
                    bold = b
                heading = heading or h
                role = role or r
                cur = based
            found = self._resolved[sid] = (bold, heading, role)
        return found

    def bold(self, sid: str | None) -> bool | None:
        return self._resolve(sid)[0]

    def heading(self, sid: str | None) -> int:
        return self._resolve(sid)[1]

    def role(self, sid: str | None) -> str | None:
        """"quote" for a quotation style, "caption" for a caption style."""
        return self._resolve(sid)[2]


class _Package:
    def __init__(self, data: bytes):
        if data.startswith(_OLE):
            raise SourceError(Message(msg.DOCX_OLD_OR_LOCKED))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
            raise SourceError(Message(msg.DOCX_NOT_PACKAGE)) from None
        self.names = set(self.zip.namelist())

    def xml(self, name: str) -> ET.Element | None:
        if name not in self.names:
            return None
        info = self.zip.getinfo(name)
        if info.file_size > _MAX_PART:
            raise SourceError(Message(msg.DOCX_PART_TOO_LARGE, part=name,
                                          size_mb=info.file_size // (1024 * 1024)))
        try:
            with self.zip.open(info) as f:
                data = f.read(_MAX_PART + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as e:
            raise SourceError(Message(msg.DOCX_CANNOT_UNPACK, part=name, error=e)) from None
        if len(data) > _MAX_PART:
            raise SourceError(Message(msg.DOCX_TOO_LARGE))
        # decoded here and given to expat as text, so the DOCTYPE check sees what expat sees,
        # in UTF-16 or any other encoding a part may declare
        text = _xml_text(data, name)
        if _DTD.search(text):
            raise SourceError(Message(msg.DOCX_DOCTYPE, part=name))
        if text.count("<") > _MAX_TAGS:
            raise SourceError(Message(msg.DOCX_TOO_LARGE))
        try:
            return ET.fromstring(text)
        except ET.ParseError as e:
            raise SourceError(Message(msg.DOCX_BAD_XML, part=name, error=e)) from None

    def related(self, source: str, type_suffix: str) -> str | None:
        """The part a relationship of ``source`` ("" for the package) with this type points to."""
        folder = posixpath.dirname(source)
        rels = posixpath.join(folder, "_rels", posixpath.basename(source) + ".rels")
        root = self.xml(rels)
        if root is None:
            return None
        for rel in root:
            if (_attr(rel, "Type") or "").endswith(type_suffix) and (_attr(rel, "TargetMode") or "") != "External":
                target = _attr(rel, "Target") or ""
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                return path
        return None


def _xml_text(data: bytes, name: str) -> str:
    """An XML part's bytes → text, in the encoding its BOM, first bytes or declaration give
    (UTF-8 without any of them), as an XML parser would choose it."""
    if data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        enc = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    elif data[:4] in (b"<\0\0\0", b"\0\0\0<"):
        enc = "utf-32-le" if data[0] else "utf-32-be"
    elif data[:2] in (b"<\0", b"\0<"):
        enc = "utf-16-le" if data[0] else "utf-16-be"
    else:
        m = _XML_ENCODING.match(data)
        enc = m.group(1).decode("ascii") if m else "utf-8"
    try:
        if not getattr(codecs.lookup(enc), "_is_text_encoding", True):
            raise LookupError(enc)
        return data.decode(enc)
    except (LookupError, UnicodeError, ValueError):
        raise SourceError(Message(msg.DOCX_BAD_XML_ENCODING, part=name, encoding=enc)) from None


def docx_to_derived(data: bytes) -> Derived:
    pkg = _Package(data)
    main = pkg.related("", _OFFICE_DOC) or "word/document.xml"
    doc = pkg.xml(main)
    if doc is None or _local(doc.tag) != "document":
        raise SourceError(Message(msg.DOCX_NO_TEXT_PART))
    styles_part = pkg.related(main, "/styles")
    reader = _Reader(_Styles(pkg.xml(styles_part) if styles_part else None))
    body = _child(doc, "body")
    if body is not None:
        reader.container(body)
    text = reader.out.text()
    if not text.strip():
        raise SourceError(Message(msg.DOCX_NO_TEXT))
    meta = _core_metadata(pkg, text)
    return Derived(text, "utf-8", meta, reader.out.removed)


class _Reader:
    def __init__(self, styles: _Styles):
        self.styles = styles
        self.out = TextBuilder()
        self.indents = True  # whether a line's opening blanks are kept (container decides)

    def container(self, el: ET.Element) -> None:
        kids = [c for c in _flatten(el) if _local(c.tag) in ("p", "tbl")]
        found = [self.runs(c) if _local(c.tag) == "p" else None for c in kids]
        empty = [f is not None and _empty(c, f[0]) for c, f in zip(kids, found)]
        # Empty paragraphs spacing the text (typed, or plain text pasted in) make each paragraph
        # a line, as Word's own plain-text export writes it: the lines a copy broke rejoin, and
        # the empty paragraphs are the blank lines.  Otherwise (a stray empty one at most, in a
        # file spaced by its styles) a paragraph stands alone.
        lines = sum(empty) >= 2
        # blanks typed at the start of a line mark it out (a scraped caption) only where most
        # lines have none: a typist who indents every paragraph marks nothing
        texts = [f[0] for f, e in zip(found, empty)
                 if f is not None and not e and not f[1].startswith("#")]
        self.indents = sum(map(_indented, texts)) * 2 < len(texts)
        after_blank = True
        bold: list[Run] | None = None  # consecutive wholly bold lines: one question
        bold_last: list[Run] = []
        bold_line = False

        def flush_bold() -> None:
            nonlocal bold
            if bold is not None:
                self.paragraph(bold, "", line=bold_line)
                bold = None

        for c, f, e in zip(kids, found, empty):
            if f is None:
                flush_bold()
                self.table(c)
                after_blank = True
                continue
            if e:
                flush_bold()
                after_blank = True
                continue
            runs, style = f
            if lines and not style and all_bold(runs):
                if bold is not None and not after_blank and bold_continues(bold_last, runs):
                    bold.extend([BREAK, *runs])
                else:
                    flush_bold()
                    bold, bold_line = list(runs), not after_blank
                bold_last = runs
            else:
                flush_bold()
                self.paragraph(runs, style, line=lines and not after_blank and not style.startswith("#"))
            after_blank = style.startswith("#")

    def paragraph(self, runs: list[Run], style: str, line: bool = False) -> None:
        if style.startswith("#"):
            title = clean("".join(r.text if r.text != "\n" else " " for r in runs)).strip()
            if title:
                self.out.paragraph(style + " " + title)
            return
        indent = self.indents and _indented(runs)
        for i, (text, kind) in enumerate(render_runs(runs)):
            if style == "caption":
                kind = "credit"  # as a web page's figcaption: not speech
            self.out.paragraph(quoted(text) if style == "quote" else text, kind, line=line and i == 0,
                               indent=indent and i == 0)

    def runs(self, p: ET.Element) -> tuple[list[Run], str]:
        """The paragraph's runs, and what its style makes it: a heading ("#" as many as its
        level: the questions may be one level and the subheads the next), "quote", "caption"
        or ""."""
        ppr = _child(p, "pPr")
        pstyle = None
        if ppr is not None:
            ps = _child(ppr, "pStyle")
            pstyle = _attr(ps, "val") if ps is not None else None
        heading = _outline_level(ppr) or self.styles.heading(pstyle)
        pbold = self.styles.bold(pstyle)
        para_bold = pbold if pbold is not None else self.styles.default_bold
        runs: list[Run] = []
        self._collect(p, para_bold, runs)
        return runs, "#" * heading if heading else self.styles.role(pstyle) or ""

    def _collect(self, el: ET.Element, para_bold: bool, runs: list[Run]) -> None:
        for c in _flatten(el):
            if _local(c.tag) == "r":
                self._run(c, para_bold, runs)

    def _run(self, r: ET.Element, para_bold: bool, runs: list[Run]) -> None:
        rpr = _child(r, "rPr")
        bold = None
        if rpr is not None:
            bold = _is_on(_child(rpr, "b"))
            if bold is None:
                rs = _child(rpr, "rStyle")
                bold = self.styles.bold(_attr(rs, "val")) if rs is not None else None
        if bold is None:
            bold = para_bold
        for c in r:
            name = _local(c.tag)
            if name == "t":
                runs.append(Run(c.text or "", bold))
            elif name in ("br", "cr"):
                runs.append(BREAK)
            elif name in ("tab", "ptab"):
                runs.append(Run(" ", bold))
            elif name == "noBreakHyphen":
                runs.append(Run("-", bold))

    def table(self, tbl: ET.Element) -> None:
        rows = []
        for tr in _rows(tbl):
            cells = []
            for tc in tr:
                if _local(tc.tag) == "tc":
                    cells.append(self._cell_text(tc))
                elif _local(tc.tag) in ("sdt", "customXml"):
                    cells.extend(self._cell_text(x) for x in tc.iter() if _local(x.tag) == "tc")
            rows.append([c for c in cells if c])
        for text in join_rows(rows):
            self.out.paragraph(text)

    def _cell_text(self, tc: ET.Element) -> str:
        lines = []
        for p in tc.iter():
            if _local(p.tag) == "p":
                runs, _ = self.runs(p)
                text = "".join(r.text for r in runs)
                lines.extend(clean(line).strip() for line in text.split("\n"))
        return "\n".join(line for line in lines if line)


def _outline_level(ppr: ET.Element | None) -> int:
    """The heading level an outline level gives (Word counts from 0; 9 is body text), or 0."""
    ol = _child(ppr, "outlineLvl") if ppr is not None else None
    try:
        v = int(_attr(ol, "val") or "9") if ol is not None else 9
    except ValueError:
        return 0
    return v + 1 if 0 <= v < 9 else 0


def _indented(runs: list[Run]) -> bool:
    return next((r.text for r in runs if r.text), "")[:1] in _BLANKS


def _empty(p: ET.Element, runs: list[Run]) -> bool:
    """A paragraph with no text and no picture: space between paragraphs."""
    if "".join(r.text for r in runs).strip():
        return False
    return not any(_local(x.tag) in _PICTURES for x in p.iter())


def _flatten(el: ET.Element, through=_TRANSPARENT):
    """The children of ``el`` in document order, with the children of ``through`` containers
    in their place (with a stack: 5,000 nested hyperlinks exhausted the recursion limit)."""
    stack = [iter(el)]
    while stack:
        for c in stack[-1]:
            if _local(c.tag) in through:
                stack.append(iter(c))
                break
            yield c
        else:
            stack.pop()


def _rows(tbl: ET.Element):
    for c in _flatten(tbl, ("sdt", "sdtContent", "customXml")):
        if _local(c.tag) == "tr":
            yield c


def _core_metadata(pkg: _Package, text: str) -> dict:
    part = pkg.related("", "/core-properties") or "docProps/core.xml"
    try:
        core = pkg.xml(part)
    except SourceError:
        return {}  # broken properties must not lose the document
    if core is None:
        return {}
    found = {_local(c.tag): (c.text or "").strip() for c in core}
    out = {}
    title = clean(found.get("title", "")).strip()
    if title and not text.startswith("#"):
        out["title"] = title  # a heading the reader sees beats a property they may never have set
    creator = clean(found.get("creator", "")).strip()
    if creator and creator.lower() not in _NOBODY:
        out["interviewer"] = creator  # who wrote the transcript down, not who was interviewed
    created = re.match(r"\d{4}-\d{2}-\d{2}", found.get("created", ""))
    if created and not _text_has_date(text):
        out["date"] = created.group()  # a date written in the transcript beats the file's
    # dc:language is left out: it is Word's editing language, not what the interview is in
    return out


def _text_has_date(text: str) -> bool:
    from kzreader.core.parsing.metadata import leading_date  # the parser's own date forms

    lines = [line for line in text.split("\n") if line.strip()][:6]
    return any(leading_date(line.strip().lstrip("#* ")) for line in lines)
