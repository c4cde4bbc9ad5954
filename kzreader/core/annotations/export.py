"""Export of bookmarks: Markdown, CSV, HTML and W3C Web Annotation JSON, plus the three
clipboard flavours of "copy selected bookmarks".

Every format holds the same entries (:class:`ExportEntry`), ordered by interview (title, then
path) and by position in the file; each has the quote, note, tags and a citation rendered with
the chosen style or template (see :mod:`kzreader.core.annotations.citation`).  Source text and notes are
untrusted: HTML is escaped, Markdown has its inline-HTML and emphasis characters escaped, and
CSV cells that a spreadsheet would run as a formula are defused.

Web Annotation JSON (``format_annotations``) emits one ``AnnotationCollection``::

    {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "id": "urn:uuid:…",               # new for every export
      "type": "AnnotationCollection",
      "label": "kzreader bookmarks",
      "created": "…Z",                   # time of the export, ISO 8601 UTC
      "generator": {"type": "Software", "name": "kzreader"},
      "total": N,
      "first": {"type": "AnnotationPage", "startIndex": 0, "items": [Annotation, …]}
    }

and each Annotation is::

    {
      "@context": "http://www.w3.org/ns/anno.jsonld",   # repeated so each item stands alone
      "id": "urn:uuid:<bookmark id>",    # stable: the same bookmark exports with the same id
      "type": "Annotation",
      "motivation": "bookmarking",
      "created": "<bookmark created>", "modified": "<bookmark modified>",
      "body": [                          # omitted when there is neither note nor tag
        {"type": "TextualBody", "purpose": "commenting", "value": "<note>",
         "format": "text/plain"},       # only when the note is not empty
        {"type": "TextualBody", "purpose": "tagging", "value": "<tag>"}, …  # one per tag
      ],
      "target": {
        "type": "SpecificResource",
        "source": "file:///…" ,          # the bookmarked file; its URL when there is no path
        "dcterms:bibliographicCitation": "<citation, plain text>",  # omitted when empty
        "selector": [
          {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
          {"type": "TextPositionSelector", "start": S, "end": E}
        ]
      }
    }

Positions count Unicode code points of the decoded file text with line endings normalised to
"\\n" (as the reader sees it).  A bookmark that needs review (its passage was not found again
with confidence) has no TextPositionSelector, since its old offsets may point elsewhere.
"""
from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import PurePath
from typing import Callable, Iterable, Mapping

from ..atomic import write_atomic
from .bookmark import STATUS_NEEDS_REVIEW, Bookmark
from .citation import STYLES, CitationOptions, QuoteContext, file_uri, quote_text, render_template
from ..model import Exchange, Interview, Paragraph

InterviewLookup = Callable[[str], "Interview | None"]

FORMATS = ("markdown", "csv", "html", "json")
SUFFIXES = {"markdown": ".md", "csv": ".csv", "html": ".html", "json": ".jsonld"}
_FORMAT_OF_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".html": "html", ".htm": "html",
                     ".jsonld": "json", ".json": "json"}
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CSV_COLUMNS = ("interview", "interviewee", "question number", "quote", "note", "tags", "citation",
               "path", "start", "end", "created")

# Document words a GUI may translate (CSV headers as "column:<name>"); JSON keys stay fixed
# for other programs.
DEFAULT_LABELS = {
    "bookmarks": "Bookmarks",
    "note": "Note",
    "tags": "Tags",
    "needs_review": "needs review: the passage was not found again in the current file",
    **{f"column:{name}": name for name in CSV_COLUMNS},
}


@dataclass(frozen=True)
class ExportEntry:
    bookmark: Bookmark
    interview: Interview | None
    title: str  # interview title, or the file name when the interview is not loaded
    interviewee: str
    quote: str  # the bookmarked text exactly as in the source
    quoted: str  # the quote in the language's quotation marks, with […] where it cuts a sentence
    citation: str  # plain text
    citation_md: str  # Markdown with field values escaped
    location: str  # URL or file URI of the interview

    @property
    def note(self) -> str:
        return self.bookmark.note

    @property
    def tags(self) -> tuple[str, ...]:
        return self.bookmark.tags


# --- building entries ----------------------------------------------------------------------------


def build_entries(bookmarks: Iterable[Bookmark], lookup: InterviewLookup, style: str = "plain",
                  template: str | None = None, options: CitationOptions | None = None) -> list[ExportEntry]:
    """Entries ordered by interview (title, path) and position."""
    plain_t, md_t = _templates(style, template)
    options = options or CitationOptions()
    entries = [_entry(b, lookup(b.interview_id), plain_t, md_t, options) for b in bookmarks]
    entries.sort(key=lambda e: (e.title.casefold(), e.bookmark.path, e.bookmark.anchor.start, e.bookmark.id))
    return entries


def _templates(style: str, template: str | None) -> tuple[str, str]:
    """(plain-text template, Markdown template).  The Markdown style shows as the plain style in
    plain formats and the plain style as Markdown in Markdown, as ``format_quote`` does."""
    if template:
        return template, template
    plain = STYLES["plain"] if style == "markdown" else STYLES.get(style, STYLES["plain"])
    md = STYLES["markdown"] if style in ("plain", "markdown") else STYLES.get(style, STYLES["plain"])
    return plain, md


def _entry(b: Bookmark, iv: Interview | None, plain_t: str, md_t: str, options: CitationOptions) -> ExportEntry:
    ctx_iv = iv or Interview(id=b.interview_id, path=b.path, language=_guess_language(b.quote))
    ex = _exchange(ctx_iv, b.exchange)
    in_question = ex is not None and ex.question.start <= b.anchor.start < ex.question.end
    ctx = QuoteContext(ctx_iv, ex, in_question, options)
    before, after = _surroundings(ctx_iv, b)
    fields = ctx.fields()
    citation = _render(plain_t, fields)
    citation_md = _render(md_t, {k: _md_field(k, v) for k, v in fields.items()})
    return ExportEntry(
        bookmark=b,
        interview=iv,
        title=iv.display_title if iv else PurePath(b.path).stem,
        interviewee=(iv.interviewee or "") if iv else "",
        quote=b.quote,
        quoted=quote_text(b.quote, before, after, ctx_iv.language),
        citation=citation,
        citation_md=citation_md,
        location=_location(ctx_iv.url, b.path),
    )


def _render(template: str, fields: dict[str, str]) -> str:
    try:
        return render_template(template, fields)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        # a broken user template must not lose the export: fall back to the plain style
        return render_template(STYLES["plain"], fields)


def _guess_language(text: str) -> str:
    return "ru" if re.search(r"[А-Яа-яЁё]", text) else "en"


def _exchange(iv: Interview, number: int | None) -> Exchange | None:
    if number is None:
        return None
    return next((ex for ex in iv.exchanges if ex.number == number), None)


def _paragraphs(iv: Interview) -> list[Paragraph]:
    out = list(iv.lead)
    for ex in iv.exchanges:
        out.extend(ex.question.paragraphs)
        out.extend(ex.answer.paragraphs)
    return out


# a dash or a short speaker label opening a paragraph is no text of the quoted sentence
_TURN_MARKER = re.compile(r"^\s*(?:[—–-]|[^\s:]{1,20}:)\s*")


def _surroundings(iv: Interview, b: Bookmark) -> tuple[str, str]:
    """The paragraph text before and after the quote, to tell whether it cuts a sentence.

    Taken from the parsed paragraphs when they still hold the quote at its offsets; otherwise
    (interview not loaded, file changed) from the anchor's context up to a blank line."""
    s, e = b.anchor.start, b.anchor.end
    flat = b.quote.replace("\n", " ")
    paras = _paragraphs(iv)
    first = next((p for p in paras if p.start <= s < p.end), None)
    last = next((p for p in paras if p.start < e <= p.end), None)
    if first is not None and last is not None:
        if first is last and first.text[s - first.start:e - first.start] == flat:
            return first.text[: s - first.start], first.text[e - first.start:]
        if first is not last and first.text[s - first.start:] == flat[: first.end - s]:
            return first.text[: s - first.start], last.text[e - last.start:]
    before = _TURN_MARKER.sub("", re.split(r"\n\s*\n", b.anchor.prefix)[-1])
    after = re.split(r"\n\s*\n", b.anchor.suffix)[0]
    return before.replace("\n", " "), after.replace("\n", " ")


def _location(url: str | None, path: str) -> str:
    if path:
        return file_uri(path)
    return url or ""


# --- Markdown ------------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_<>\[\]])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=|]|\d+(?=[.)]))", re.M)


def md_escape(text: str) -> str:
    """Text shown literally by Markdown renderers: no inline HTML, emphasis, links, headings
    or list markers taken from the source."""
    text = _MD_INLINE.sub(r"\\\1", text)
    # a block marker at a line start: "\\#", "\\-", but "1\\." (a backslash before a digit is literal)
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text)


def _md_field(name: str, value: str) -> str:
    if name in ("url", "location", "path"):
        # shown inside <…> autolinks by the Markdown style, where backslashes are literal
        return value.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") if "://" in value else md_escape(value)
    return md_escape(value)


def _md_entry(e: ExportEntry, labels: Mapping[str, str]) -> str:
    # the ellipsis citation adds is no link; leave it readable
    lines = ["> " + md_escape(e.quoted).replace("\\[…\\]", "[…]")]
    if e.citation_md:
        lines += [">", "> — " + e.citation_md]
    out = "\n".join(lines)
    if e.bookmark.status == STATUS_NEEDS_REVIEW:
        out += f"\n\n*({md_escape(labels['needs_review'])})*"
    if e.note.strip():
        note = "  \n".join(md_escape(line) for line in e.note.strip().splitlines())
        out += f"\n\n**{md_escape(labels['note'])}:** {note}"
    if e.tags:
        out += f"\n\n**{md_escape(labels['tags'])}:** " + ", ".join(md_escape(t) for t in e.tags)
    return out


def _md_body(entries: list[ExportEntry], labels: Mapping[str, str], heading: str = "##") -> str:
    parts: list[str] = []
    current = None
    for e in entries:
        key = (e.title, e.bookmark.path)
        if key != current:
            current = key
            who = f" — {md_escape(e.interviewee)}" if e.interviewee else ""
            parts.append(f"{heading} {md_escape(e.title)}{who}")
        parts.append(_md_entry(e, labels))
    return "\n\n".join(parts)


def format_markdown(entries: list[ExportEntry], labels: Mapping[str, str] | None = None) -> str:
    labels = {**DEFAULT_LABELS, **(labels or {})}
    body = _md_body(entries, labels)
    return f"# {md_escape(labels['bookmarks'])}\n\n" + (body + "\n" if body else "")


# --- CSV -----------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    # Spreadsheet programs run a cell starting with = + - @ as a formula; quotes come from
    # untrusted pages, so such a cell gets a leading apostrophe (shown as text, OWASP advice).
    return "'" + text if text.startswith(_FORMULA_START) else text


def format_csv(entries: list[ExportEntry], labels: Mapping[str, str] | None = None) -> str:
    """CSV text (write it with encoding "utf-8-sig" so spreadsheets detect UTF-8); the header
    row in the labels' language."""
    labels = {**DEFAULT_LABELS, **(labels or {})}
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([labels[f"column:{name}"] for name in CSV_COLUMNS])
    for e in entries:
        b = e.bookmark
        w.writerow([
            _cell(e.title),
            _cell(e.interviewee),
            "" if b.exchange is None else str(b.exchange),
            _cell(e.quote),
            _cell(e.note),
            _cell(", ".join(e.tags)),
            _cell(e.citation),
            _cell(b.path),
            str(b.anchor.start),
            str(b.anchor.end),
            b.created,
        ])
    return buf.getvalue()


# --- HTML ----------------------------------------------------------------------------------------

_CSS = (
    "body{font-family:serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}"
    "blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #999}"
    "blockquote footer{color:#555;font-size:.9em}.note{white-space:pre-wrap}"
    ".tags,.review{color:#555;font-size:.9em}"
)


def _html_entry(e: ExportEntry, labels: Mapping[str, str]) -> str:
    esc = html.escape
    out = f"<article><blockquote><p>{esc(e.quoted)}</p>"
    if e.citation:
        out += f"<footer>— {esc(e.citation)}</footer>"
    out += "</blockquote>"
    if e.bookmark.status == STATUS_NEEDS_REVIEW:
        out += f"<p class=\"review\">({esc(labels['needs_review'])})</p>"
    if e.note.strip():
        out += f"<p class=\"note\"><b>{esc(labels['note'])}:</b> {esc(e.note.strip())}</p>"
    if e.tags:
        out += f"<p class=\"tags\"><b>{esc(labels['tags'])}:</b> {esc(', '.join(e.tags))}</p>"
    return out + "</article>"


def _html_body(entries: list[ExportEntry], labels: Mapping[str, str], heading: str = "h2") -> str:
    esc = html.escape
    parts: list[str] = []
    current = None
    for e in entries:
        key = (e.title, e.bookmark.path)
        if key != current:
            if current is not None:
                parts.append("</section>")
            current = key
            who = f" — {esc(e.interviewee)}" if e.interviewee else ""
            parts.append(f"<section><{heading}>{esc(e.title)}{who}</{heading}>")
        parts.append(_html_entry(e, labels))
    if current is not None:
        parts.append("</section>")
    return "\n".join(parts)


def format_html(entries: list[ExportEntry], labels: Mapping[str, str] | None = None) -> str:
    labels = {**DEFAULT_LABELS, **(labels or {})}
    title = html.escape(labels["bookmarks"])
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n{_html_body(entries, labels)}\n</body>\n</html>\n"
    )


# --- Web Annotation JSON -------------------------------------------------------------------------


def annotation(e: ExportEntry) -> dict:
    """One W3C Web Annotation for an entry (fields in the module docstring)."""
    b = e.bookmark
    body: list[dict] = []
    if e.note.strip():
        body.append({"type": "TextualBody", "purpose": "commenting", "value": e.note, "format": "text/plain"})
    body.extend({"type": "TextualBody", "purpose": "tagging", "value": t} for t in e.tags)
    selectors: list[dict] = [{"type": "TextQuoteSelector", "exact": b.anchor.exact,
                              "prefix": b.anchor.prefix, "suffix": b.anchor.suffix}]
    if b.status != STATUS_NEEDS_REVIEW:
        selectors.append({"type": "TextPositionSelector", "start": b.anchor.start, "end": b.anchor.end})
    target: dict = {"type": "SpecificResource", "source": e.location}
    if e.citation:
        target["dcterms:bibliographicCitation"] = e.citation
    target["selector"] = selectors
    anno: dict = {
        "@context": ANNO_CONTEXT,
        "id": _urn(b.id),
        "type": "Annotation",
        "motivation": "bookmarking",
        "created": b.created,
        "modified": b.modified or b.created,
    }
    if body:
        anno["body"] = body
    anno["target"] = target
    return anno


def _urn(bookmark_id: str) -> str:
    try:
        return uuid.UUID(bookmark_id).urn
    except ValueError:  # ids are uuid4 strings; anything else still gets a stable uuid
        return uuid.uuid5(uuid.NAMESPACE_URL, "kzreader:bookmark:" + bookmark_id).urn


def format_annotations(entries: list[ExportEntry]) -> str:
    items = [annotation(e) for e in entries]
    doc = {
        "@context": ANNO_CONTEXT,
        "id": uuid.uuid4().urn,
        "type": "AnnotationCollection",
        "label": "kzreader bookmarks",
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generator": {"type": "Software", "name": "kzreader"},
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- files and clipboard -------------------------------------------------------------------------


def export_text(fmt: str, bookmarks: Iterable[Bookmark], lookup: InterviewLookup, style: str = "plain",
                template: str | None = None, labels: Mapping[str, str] | None = None,
                options: CitationOptions | None = None) -> str:
    """The document in ``fmt`` (one of :data:`FORMATS`) as text."""
    entries = build_entries(bookmarks, lookup, style, template, options)
    if fmt == "markdown":
        return format_markdown(entries, labels)
    if fmt == "csv":
        return format_csv(entries, labels)
    if fmt == "html":
        return format_html(entries, labels)
    if fmt == "json":
        return format_annotations(entries)
    raise ValueError(f"unknown export format {fmt!r}")


def format_for_path(path: str, chosen: str) -> str:
    """The export format of a file name: its own known suffix wins over the format chosen in a
    dialog (typing "notes.csv" while the Markdown filter is on means CSV)."""
    return _FORMAT_OF_SUFFIX.get(PurePath(path).suffix.lower(), chosen)


def export_bookmarks(path: str | os.PathLike[str], fmt: str, bookmarks: Iterable[Bookmark],
                     lookup: InterviewLookup, style: str = "plain", template: str | None = None,
                     labels: Mapping[str, str] | None = None, options: CitationOptions | None = None) -> int:
    """Write the export file atomically; returns the number of bookmarks written.
    Raises OSError when the file cannot be written (the old file, if any, is left intact)."""
    bookmarks = list(bookmarks)
    text = export_text(fmt, bookmarks, lookup, style, template, labels, options)
    # the BOM lets spreadsheet programs recognise UTF-8 (Cyrillic) in a CSV file
    data = text.encode("utf-8-sig" if fmt == "csv" else "utf-8")
    write_atomic(path, data)
    return len(bookmarks)


def bookmarks_to_clipboard_text(bookmarks: Iterable[Bookmark], lookup: InterviewLookup,
                                style: str = "plain", template: str | None = None,
                                labels: Mapping[str, str] | None = None,
                                options: CitationOptions | None = None) -> tuple[str, str, str]:
    """(plain text, Markdown, HTML fragment) for "copy selected bookmarks"."""
    labels = {**DEFAULT_LABELS, **(labels or {})}
    entries = build_entries(bookmarks, lookup, style, template, options)
    plain_parts = []
    for e in entries:
        text = e.quoted + (f"\n— {e.citation}" if e.citation else "")
        if e.note.strip():
            text += f"\n{labels['note']}: {e.note.strip()}"
        if e.tags:
            text += f"\n{labels['tags']}: {', '.join(e.tags)}"
        plain_parts.append(text)
    markdown = "\n\n---\n\n".join(_md_entry(e, labels) for e in entries)
    html_text = "\n".join(_html_entry(e, labels) for e in entries)
    return "\n\n".join(plain_parts), markdown, html_text


__all__ = [
    "CSV_COLUMNS", "DEFAULT_LABELS", "FORMATS", "SUFFIXES", "ExportEntry", "annotation",
    "bookmarks_to_clipboard_text", "build_entries", "export_bookmarks", "export_text", "file_uri", "format_for_path",
    "format_annotations", "format_csv", "format_html", "format_markdown", "md_escape",
]
