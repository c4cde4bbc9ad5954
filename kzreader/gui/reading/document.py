"""Building the reading document: the pieces of an interview in source order, the builder
that turns them into formatted blocks (recording where each source paragraph lands), the
reading colours and measure, and the highlight layers drawn over the text.

The text is built with QTextCursor.insertText and explicit formats only: source text is never
interpreted as HTML.  The cross-reading window builds its document with the same builder.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from .offsets import Segment
from .removed_labels import removed_label

if TYPE_CHECKING:  # annotations only; the model is imported when files load
    from kzreader.core.model import Interview, Paragraph, Span

# reading measure: at most this many ems of text per line, centred in the pane
MEASURE_EM = 40


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class Piece(NamedTuple):
    """One thing to show, in source order: a paragraph of the lead or a turn, or removed text."""

    start: int
    kind: str  # "lead", "question", "answer", "removed"
    exchange: int  # 1-based; 0 for lead and removed text
    paragraph: Paragraph | None = None
    span: Span | None = None
    speaker: str | None = None  # set on the first paragraph of a turn with a known speaker


def reading_colours(pal: QPalette) -> dict[str, QColor]:
    """The colours of reading text, taken from ``pal`` (light or dark)."""
    base = pal.color(QPalette.ColorRole.Base)
    text = pal.color(QPalette.ColorRole.Text)
    return {
        "page": base,
        "text": text,
        "muted": _mix(text, base, 0.45),
        "question_bg": _mix(base, pal.color(QPalette.ColorRole.Highlight), 0.13),
        "removed_bg": _mix(base, text, 0.05),
        "removed_border": _mix(base, text, 0.35),
    }


def apply_measure(text: QTextBrowser) -> None:
    """Centre a column of at most MEASURE_EM ems (the reading measure) in the viewport."""
    doc = text.document()
    em = QFontInfo(doc.defaultFont()).pixelSize() or 16
    avail = text.viewport().width()
    side = max(em * 0.9, (avail - MEASURE_EM * em) / 2)
    fmt = doc.rootFrame().frameFormat()
    if abs(fmt.leftMargin() - side) < 0.5 and fmt.topMargin() == em:
        return
    fmt.setLeftMargin(side)
    fmt.setRightMargin(side)
    fmt.setTopMargin(em)
    fmt.setBottomMargin(em * 2)
    doc.rootFrame().setFrameFormat(fmt)


def interview_pieces(iv: Interview) -> list[Piece]:
    """Everything one interview shows, in source order (removed text before what starts with it)."""
    out = [Piece(p.start, "lead", 0, p) for p in iv.lead]
    for ex in iv.exchanges:
        for role, turn in (("question", ex.question), ("answer", ex.answer)):
            for i, p in enumerate(turn.paragraphs):
                speaker = turn.speaker if i == 0 else None
                out.append(Piece(p.start, role, ex.number, p, speaker=speaker))
    out.extend(Piece(s.start, "removed", 0, span=s) for s in iv.removed)
    out.sort(key=lambda pc: (pc.start, pc.kind != "removed"))
    return out


def exchange_pieces(pieces: list[Piece], iv: Interview, number: int, show_removed: bool) -> list[Piece]:
    """The pieces of one exchange plus the lead/removed text lying in its stretch of source."""
    ex = iv.exchanges
    lo = 0 if number == 1 else ex[number - 1].question.start
    hi = ex[number].question.start if number < len(ex) else float("inf")
    out = []
    for pc in pieces:
        if pc.exchange:
            if pc.exchange == number:
                out.append(pc)
        elif lo <= pc.start < hi and (pc.kind != "removed" or show_removed):
            out.append(pc)
    return out


def highlight_selections(highlights: dict, underlined: set[str], segments: list[Segment],
                         document: QTextDocument) -> list[QTextEdit.ExtraSelection]:
    """The extra selections that draw each highlight layer ({key: ([(start, end)…], colour)}
    in source offsets) over the segments shown; ``underlined`` layers as a dotted line."""
    selections = []
    for key, (ranges, colour) in highlights.items():
        fmt = QTextCharFormat()
        if key in underlined:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)  # lighter than a link
            fmt.setUnderlineColor(colour)
        else:
            fmt.setBackground(colour)
        for seg in segments:
            p = seg.paragraph
            for a, b in ranges:
                if a < p.end and b > p.start:
                    sel = QTextEdit.ExtraSelection()
                    cur = QTextCursor(document)
                    cur.setPosition(seg.to_document(max(a, p.start)))
                    cur.setPosition(seg.to_document(min(b, p.end)), QTextCursor.MoveMode.KeepAnchor)
                    sel.cursor = cur
                    sel.format = fmt
                    selections.append(sel)
    return selections


class DocumentBuilder:
    """Appends formatted blocks to a document and records where source paragraphs land."""

    def __init__(self, doc: QTextDocument, font: QFont, colours: dict, segments: list[Segment]):
        self.doc = doc
        self.cursor = QTextCursor(doc)
        self.colours = colours
        self.segments = segments
        self.pt = font.pointSizeF()
        self.em = QFontInfo(font).pixelSize() or 16
        self._empty = True
        self._in_question = False  # the cursor is inside a question's tinted frame

    def _block(self, block_fmt: QTextBlockFormat, char_fmt: QTextCharFormat) -> None:
        if self._empty:
            self.cursor.setBlockFormat(block_fmt)
            self.cursor.setBlockCharFormat(char_fmt)
            self._empty = False
        else:
            self.cursor.insertBlock(block_fmt, char_fmt)

    def _leave_frame(self) -> None:
        self.cursor = self.doc.rootFrame().lastCursorPosition()
        self._empty = False

    def _paragraph(self, p: Paragraph, fmt: QTextCharFormat) -> None:
        start = self.cursor.position()
        self.cursor.insertText(p.text, fmt)
        self.segments.append(Segment(start, self.cursor.position(), p))

    def _text_fmt(self, bold=False, italic=False, colour: QColor | None = None, scale=1.0) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        fmt.setForeground(colour or self.colours["text"])
        if scale != 1.0:
            fmt.setFontPointSize(self.pt * scale)
        return fmt

    def _reading_block(self, top: float, bottom: float = 0.0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def message(self, text: str) -> None:
        fmt = self._reading_block(self.em)
        fmt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._block(fmt, self._text_fmt(italic=True, colour=self.colours["muted"]))
        self.cursor.insertText(text, self._text_fmt(italic=True, colour=self.colours["muted"]))

    def label(self, text: str, first: bool) -> int:
        """A small heading that is not source text; returns its document position."""
        fmt = QTextBlockFormat()
        fmt.setTopMargin(0 if first else self.em * 2)
        fmt.setBottomMargin(self.em * 0.3)
        char = self._text_fmt(bold=True, colour=self.colours["muted"], scale=0.8)
        self._block(fmt, char)
        pos = self.cursor.block().position()
        self.cursor.insertText(text, char)
        return pos

    def lead(self, p: Paragraph) -> None:
        fmt = self._reading_block(0 if self._empty else self.em * 0.6)
        char = self._text_fmt(italic=True)
        self._block(fmt, char)
        self._paragraph(p, char)

    def question(self, p: Paragraph, speaker: str | None, continued: bool) -> None:
        char = self._text_fmt(bold=True)
        if continued:
            # a multi-paragraph question stays inside the tinted frame it started
            self.cursor.insertBlock(self._reading_block(self.em * 0.4), char)
        else:
            frame = QTextFrameFormat()
            frame.setBackground(self.colours["question_bg"])
            frame.setPadding(self.em * 0.7)
            frame.setBorder(0)
            frame.setTopMargin(0 if self._empty else self.em * 1.2)
            frame.setBottomMargin(self.em * 0.4)
            if self._empty:
                self._empty = False
            self.cursor.insertFrame(frame)
            self.cursor.setBlockFormat(self._reading_block(0))
            self.cursor.setBlockCharFormat(char)
        if speaker:
            self.cursor.insertText(f"{speaker}: ", self._text_fmt(bold=True, colour=self.colours["muted"]))
        self._paragraph(p, char)
        self._in_question = True

    def answer(self, p: Paragraph, speaker: str | None, first: bool) -> None:
        if self._in_question:
            self._leave_frame()
            self._in_question = False
        char = self._text_fmt()
        self._block(self._reading_block(self.em * (0.5 if first else 0.7)), char)
        if speaker:
            self.cursor.insertText(f"{speaker}: ", self._text_fmt(bold=True, colour=self.colours["muted"]))
        self._paragraph(p, char)

    def removed(self, spans: list[Span], label: str) -> None:
        if self._in_question:
            self._leave_frame()
            self._in_question = False
        frame = QTextFrameFormat()
        frame.setBackground(self.colours["removed_bg"])
        frame.setBorder(1)
        frame.setBorderBrush(self.colours["removed_border"])
        frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Dashed)
        frame.setPadding(self.em * 0.4)
        frame.setTopMargin(0 if self._empty else self.em * 0.6)
        self._empty = False
        self.cursor.insertFrame(frame)
        label_fmt = self._text_fmt(bold=True, colour=self.colours["muted"], scale=0.8)
        self.cursor.setBlockCharFormat(label_fmt)
        self.cursor.insertText(label, label_fmt)
        body = self._text_fmt(colour=self.colours["muted"], scale=0.9)
        for span in spans:
            self.cursor.insertBlock(QTextBlockFormat(), body)
            self.cursor.insertText(span.text.strip("\n"), body)
        self._leave_frame()

    def pieces(self, pieces: list[Piece], whole: bool, exchange_count: int) -> dict[int, int]:
        """Add ``pieces`` in order; in the whole interview each exchange gets a "Question N of
        M" label.  Returns where each labelled exchange starts in the document."""
        exchange_pos = {}
        previous_kind = None
        previous_exchange = 0
        run: list[Span] = []  # consecutive removed spans of one kind share a box
        for pc in pieces:
            if run and (pc.kind != "removed" or pc.span.kind != run[0].kind):
                self.removed(run, removed_label(run[0].kind))
                run = []
            if pc.kind == "removed":
                run.append(pc.span)
                previous_kind = "removed"
                continue
            if pc.kind == "question":
                if whole and pc.exchange != previous_exchange:
                    exchange_pos[pc.exchange] = self.label(
                        QCoreApplication.translate("ReadingPane", "Question {0} of {1}").format(
                            pc.exchange, exchange_count),
                        first=previous_kind is None,
                    )
                self.question(pc.paragraph, pc.speaker, continued=previous_kind == "question")
                previous_exchange = pc.exchange
            elif pc.kind == "answer":
                self.answer(pc.paragraph, pc.speaker, first=previous_kind == "question")
            else:
                self.lead(pc.paragraph)
            previous_kind = pc.kind
        if run:
            self.removed(run, removed_label(run[0].kind))
        return exchange_pos
