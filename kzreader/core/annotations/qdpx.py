"""Export to a REFI-QDA Project (``.qdpx``), the exchange format that ATLAS.ti, MAXQDA,
NVivo and QualCoder import.

A ``.qdpx`` file is a zip archive holding ``project.qde`` (XML in the namespace
``urn:QDA-XML:project:1.0``, schema "Project.xsd" of 18 March 2019) and the sources under
``sources/``.  What kzreader writes:

- ``Project`` (``name``, ``origin``, ``creatingUserGUID``, ``creationDateTime``) with one
  ``User``;
- ``CodeBook/Codes``: one ``Code`` per theme (its name, ``color`` as ``#RRGGBB``) and a
  "Bookmarks" code with one child code per bookmark tag; every code ``isCodable="true"``;
- ``Sources``: one ``TextSource`` per interview, ``plainTextPath="internal://<guid>.txt"``
  pointing at ``sources/<guid>.txt``, which holds the interview's decoded text exactly as
  kzreader's offsets count it (UTF-8 without BOM, line endings ``\\n``).  Its
  ``PlainTextSelection`` elements carry ``Coding``/``CodeRef`` elements:
  each exchange that carries a theme (the unit the theme filter and the theme map count)
  is one selection from the start of its question to the end of its answer, coded with each
  theme it carries; each bookmark is one selection over its quoted passage, coded with its
  tags (or with "Bookmarks" when it has none), with a ``NoteRef`` to its note;
- ``Notes``: one ``Note`` per bookmark note, the text in ``PlainTextContent``.

Positions (``startPosition``, ``endPosition``) are zero-based character positions in the
plain text, the end one past the last character (``text[start:end]`` in Python), counted
in Unicode code points as Python counts them.  GUIDs are canonical 8-4-4-4-12 hex, the
schema's pattern; they are derived from kzreader's own ids (uuid5), so exporting the same
corpus twice gives the same GUIDs.

The export streams: sources go into the archive as they are read and the XML is written
element by element, so 10,000 interviews never sit in memory as one XML tree.  An
interview whose file changed since it was loaded (its offsets would not fit) is left out and
listed in the result, and so is every bookmark that could not be coded.
"""
from __future__ import annotations

import os
import re
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from ..atomic import atomic_file
from .bookmark import STATUS_OK, Bookmark
from ..model import Interview, text_hash
from ..sources.sources import SourceError, read_source
from ..themes.lexicon import Lexicon
from ..themes.matching import ThemeIndex

NAMESPACE = "urn:QDA-XML:project:1.0"
_GUID_NS = uuid.UUID("6f7b3a52-23c1-5d0e-9c55-1b0e7a3f2d41")  # kzreader's own uuid5 namespace
GUID_PATTERN = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
RGB_PATTERN = re.compile(r"^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$")
# XML 1.0 forbids these characters even escaped; a source holding one would make the file unreadable
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def guid(*parts: str) -> str:
    """A stable GUID for a kzreader object (e.g. ``guid("theme", theme_id)``)."""
    return str(uuid.uuid5(_GUID_NS, "\x1f".join(parts)))


@dataclass
class QdpxResult:
    sources: int = 0
    codings: int = 0  # PlainTextSelections written (exchange stretches and bookmarks)
    notes: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) exported without codings
    bookmarks_coded: int = 0
    bookmarks_left_out: int = 0  # needing review, or their interview was not exported or has changed
    cancelled: bool = False


def read_matching_text(iv: Interview) -> str | None:
    """The decoded source of ``iv`` when it is still the text the interview was parsed from."""
    try:
        text = read_source(iv.path).text
    except SourceError:
        return None
    if iv.source_hash and text_hash(text) != iv.source_hash:
        return None
    return text


def _attrs(**kw) -> str:
    return "".join(f" {k}={quoteattr(_clean(str(v)))}" for k, v in kw.items() if v is not None and v != "")


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def _text(text: str) -> str:
    return escape(_clean(text))


def _colour(colour: str | None) -> str | None:
    return colour.upper() if colour and RGB_PATTERN.match(colour) else None


def _description(iv: Interview) -> str:
    fields = (("Interviewee", iv.interviewee), ("Role", iv.role), ("Outlet", iv.source), ("Date", iv.date),
              ("Interviewer", iv.interviewer), ("URL", iv.url), ("File", iv.path))
    return "\n".join(f"{k}: {v}" for k, v in fields if v)


def _source_name(iv: Interview) -> str:
    who = iv.interviewee
    return f"{iv.display_title} ({who})" if who and who not in iv.display_title else iv.display_title


class _Cancelled(Exception):
    """The user stopped the export: the file being written is dropped."""


class _Codes:
    """The code book: theme codes and the bookmark codes (one per tag)."""

    def __init__(self, lexicon: Lexicon, language: str, bookmarks: Sequence[Bookmark], bookmark_label: str):
        self.themes = [(t, guid("theme", t.id)) for t in lexicon.themes]
        self.bookmark_code = guid("bookmarks")
        self.bookmark_label = bookmark_label
        self.tags = {tag: guid("tag", tag) for tag in sorted({t for b in bookmarks for t in b.tags})}
        self.language = language

    def theme_guid(self, theme_id: str) -> str:
        return guid("theme", theme_id)

    def for_bookmark(self, b: Bookmark) -> list[str]:
        return [self.tags[t] for t in b.tags] or [self.bookmark_code]

    def xml(self) -> str:
        out = ["<CodeBook><Codes>"]
        for t, g in self.themes:
            out.append(f"<Code{_attrs(guid=g, name=t.name(self.language), isCodable='true', color=_colour(t.colour))}/>")
        out.append(f"<Code{_attrs(guid=self.bookmark_code, name=self.bookmark_label, isCodable='true')}>")
        for tag, g in self.tags.items():
            out.append(f"<Code{_attrs(guid=g, name=tag, isCodable='true')}/>")
        out.append("</Code></Codes></CodeBook>")
        return "".join(out)


def export_qdpx(
    path: str | os.PathLike[str],
    interviews: Sequence[Interview],
    lexicon: Lexicon,
    bookmarks: Iterable[Bookmark] = (),
    *,
    project_name: str = "kzreader",
    origin: str = "kzreader",
    user_name: str = "",
    language: str = "en",
    bookmark_label: str = "Bookmarks",
    read_text: Callable[[Interview], str | None] = read_matching_text,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> QdpxResult:
    """Write ``interviews`` with their theme codings and ``bookmarks`` to ``path`` (.qdpx).

    The archive is written beside ``path`` and renamed over it at the end, so a cancelled or
    failed export leaves no half-written file.  ``progress(done, total)`` is called per
    interview; ``read_text(iv)`` gives the decoded source (None: changed or unreadable).
    """
    path = os.fspath(path)
    bookmarks = list(bookmarks)
    result = QdpxResult()
    index = ThemeIndex(lexicon)
    codes = _Codes(lexicon, language, bookmarks, bookmark_label)
    by_interview: dict[str, list[Bookmark]] = {}
    for b in bookmarks:
        by_interview.setdefault(b.interview_id, []).append(b)
    user = guid("user", user_name or "kzreader")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    notes: list[tuple[str, str, str]] = []  # (guid, name, text)

    try:
        with atomic_file(path) as out_file, \
                zipfile.ZipFile(out_file, "w", compression=zipfile.ZIP_DEFLATED) as zf, \
                tempfile.TemporaryFile("w+", encoding="utf-8") as xml:
            xml.write('<?xml version="1.0" encoding="utf-8"?>\n')
            xml.write(f'<Project xmlns="{NAMESPACE}"'
                      f'{_attrs(name=project_name, origin=origin, creatingUserGUID=user, creationDateTime=now)}>')
            xml.write(f"<Users><User{_attrs(guid=user, name=user_name or 'kzreader')}/></Users>")
            xml.write(codes.xml())
            xml.write("<Sources>")
            total = len(interviews)
            for k, iv in enumerate(interviews):
                if cancelled is not None and cancelled():
                    result.cancelled = True
                    break
                text = read_text(iv)
                if text is None:
                    result.skipped.append((iv.path, "the file has changed or cannot be read since it was loaded"))
                    continue
                was_loaded = getattr(iv, "loaded", True)
                sel = _selections(iv, text, index, codes, by_interview.get(iv.id, ()), user, now, notes, result)
                if not was_loaded:
                    iv.unload()
                g = guid("source", iv.id)
                zf.writestr(f"sources/{g}.txt", text.encode("utf-8"))
                xml.write(f"<TextSource{_attrs(guid=g, name=_source_name(iv), plainTextPath=f'internal://{g}.txt', creatingUser=user, creationDateTime=now)}>")
                xml.write(f"<Description>{_text(_description(iv))}</Description>")
                xml.write(sel)
                xml.write("</TextSource>")
                result.sources += 1
                if progress is not None:
                    progress(k + 1, total)
            xml.write("</Sources>")
            if notes:
                xml.write("<Notes>")
                for g, name, body in notes:
                    xml.write(f"<Note{_attrs(guid=g, name=name, creatingUser=user, creationDateTime=now)}>"
                              f"<PlainTextContent>{_text(body)}</PlainTextContent></Note>")
                xml.write("</Notes>")
            xml.write("</Project>\n")
            result.notes = len(notes)
            if result.cancelled:
                raise _Cancelled  # leaves the old file, removes the partial one
            xml.seek(0)
            with zf.open("project.qde", "w") as out:
                while chunk := xml.read(1 << 16):
                    out.write(chunk.encode("utf-8"))
    except _Cancelled:
        return result
    result.bookmarks_left_out = len(bookmarks) - result.bookmarks_coded
    return result


def _selections(iv: Interview, text: str, index: ThemeIndex, codes: _Codes, bookmarks: Iterable[Bookmark],
                user: str, now: str, notes: list, result: QdpxResult) -> str:
    """The PlainTextSelection elements of one source: themed exchanges, then bookmarks."""
    out = []
    n = len(text)
    for ex in iv.exchanges:
        themes = [tid for tid, hit in index.tag_exchange(ex).items() if hit.carried]
        end = ex.answer.end if ex.answer.paragraphs else ex.question.end
        if not themes or not 0 <= ex.question.start < end <= n:
            continue
        out.append(f"<PlainTextSelection{_attrs(guid=guid('exchange', iv.id, str(ex.number)), name=f'Q{ex.number}', startPosition=ex.question.start, endPosition=end, creatingUser=user, creationDateTime=now)}>")
        for tid in themes:
            out.append(f"<Coding{_attrs(guid=guid('coding', iv.id, str(ex.number), tid), creatingUser=user, creationDateTime=now)}>"
                       f"<CodeRef{_attrs(targetGUID=codes.theme_guid(tid))}/></Coding>")
        out.append("</PlainTextSelection>")
        result.codings += 1
    for b in sorted(bookmarks, key=lambda b: (b.anchor.start, b.id)):
        a = b.anchor
        # a bookmark is exported only where its quote is what the text holds at its offsets
        if b.status != STATUS_OK or not 0 <= a.start < a.end <= n or text[a.start:a.end] != a.exact:
            continue
        out.append(f"<PlainTextSelection{_attrs(guid=guid('bookmark', b.id), name=_short(a.exact), startPosition=a.start, endPosition=a.end, creatingUser=user, creationDateTime=b.created or now)}>")
        for code in codes.for_bookmark(b):
            out.append(f"<Coding{_attrs(guid=guid('bookmark-coding', b.id, code), creatingUser=user, creationDateTime=b.created or now)}>"
                       f"<CodeRef{_attrs(targetGUID=code)}/></Coding>")
        if b.note:
            g = guid("note", b.id)
            notes.append((g, _short(b.note), b.note))
            out.append(f"<NoteRef{_attrs(targetGUID=g)}/>")
        out.append("</PlainTextSelection>")
        result.codings += 1
        result.bookmarks_coded += 1
    return "".join(out)


def _short(text: str, limit: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"
