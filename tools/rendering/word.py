"""The Word forms of a page: plain text pasted into Word, a transcript with soft breaks and
runs split mid-word, an edited file with styles (see render_corpus).  The package around the
document is the test samples' writer."""
from __future__ import annotations

import functools
import html
import random
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from .pages import Page, english, kinds, split_label

ROOT = Path(__file__).resolve().parents[2]

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
    if english(page):
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
    dash, label, rest = split_label(fragment)
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
    for b, debris in zip(page.paras, kinds(page)):
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
