"""Positions in the reading document against offsets in the source text.

While a document is built, every source paragraph it shows is recorded as a ``Segment``: where
it landed in the document and which paragraph it is.  QTextDocument counts positions in UTF-16
code units while the core counts Python characters; the two differ only for characters outside
the BMP (emoji), which the segments convert.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # annotations only; the model is imported when files load
    from kzreader.core.model import Paragraph


def _u16len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def _u16_to_index(s: str, u16: int) -> int:
    """Python index in ``s`` of UTF-16 offset ``u16`` (clamped to the string)."""
    if s.isascii() or all(ord(c) < 0x10000 for c in s):
        return max(0, min(u16, len(s)))
    count = 0
    for i, c in enumerate(s):
        if count >= u16:
            return i
        count += 2 if ord(c) >= 0x10000 else 1
    return len(s)


# NamedTuples rather than dataclasses: importing dataclasses and building two of them cost
# about 2 ms before the first paint, and these only need to be small immutable records
class Segment(NamedTuple):
    """A source paragraph as placed in the document: [doc_start, doc_end) ↔ [start, end)."""

    doc_start: int
    doc_end: int
    paragraph: Paragraph

    def to_source(self, pos: int) -> int:
        pos = max(self.doc_start, min(pos, self.doc_end))
        return self.paragraph.start + _u16_to_index(self.paragraph.text, pos - self.doc_start)

    def to_document(self, offset: int) -> int:
        i = max(0, min(offset - self.paragraph.start, len(self.paragraph.text)))
        return self.doc_start + _u16len(self.paragraph.text[:i])


def source_range(segments: list[Segment], a: int, b: int) -> tuple[int, int] | None:
    """Document range [a, b) as source offsets (start, end) over ``segments`` (one text's
    paragraphs in document order), trimmed to the paragraphs it covers; None if it covers none."""
    first = next((i for i, s in enumerate(segments) if s.doc_end > a), None)
    last = next((i for i in range(len(segments) - 1, -1, -1) if segments[i].doc_start < b), None)
    if first is None or last is None or first > last:
        return None
    start = segments[first].to_source(a)
    end = segments[last].to_source(b)
    return (start, end) if end > start else None


def offset_at(segments: list[Segment], pos: int) -> int | None:
    """The source offset shown at document position ``pos`` (None: not source text)."""
    for seg in segments:
        if seg.doc_start <= pos < seg.doc_end:
            return seg.to_source(pos)
    return None


def position_of(segments: list[Segment], offset: int) -> int | None:
    """Where source ``offset`` is shown in the document (None: not shown)."""
    for seg in segments:
        if seg.paragraph.start <= offset <= seg.paragraph.end:
            return seg.to_document(offset)
    return None
