"""Search hits on two lines: where (the question) on the first, muted; what on the second:
the snippet cut so that its first match sits in the middle of the row, whatever the panel's
width, with the matches marked.  Snippets are source text: painted as plain text, never HTML.
Items without a "where" (the interview rows) are painted as usual."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MATCH_BACKGROUND = QColor(255, 224, 102)  # the search yellow (see tests/test_highlight_colours.py)


def centred_cut(text: str, first: int, fits_before) -> int:
    """Where to start ``text`` so the character at ``first`` is about the middle: the largest
    prefix is dropped (at a space where there is one) while ``fits_before(text[cut:first])``
    is False."""
    lo, hi = 0, first
    while lo < hi:  # the least cut that lets the text before the match fit
        mid = (lo + hi) // 2
        if fits_before(text[mid:first]):
            hi = mid
        else:
            lo = mid + 1
    if lo == 0:
        return 0
    space = text.find(" ", lo, first)
    return space + 1 if space >= 0 else lo


def fitting_end(text: str, fits) -> int:
    """Where to end ``text`` so that it fits: ``len(text)`` when ``fits(text)``, else the
    longest prefix (ended at a space where there is one) for which ``fits(prefix + "…")``."""
    if fits(text):
        return len(text)
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with its ellipsis
        mid = (lo + hi + 1) // 2
        if fits(text[:mid] + "…"):
            lo = mid
        else:
            hi = mid - 1
    space = text.rfind(" ", 0, lo)
    return space if space > 0 else lo


class TwoLineHitDelegate(QStyledItemDelegate):
    def __init__(self, where_role: int, snippet_role: int, marks_role: int, parent=None):
        super().__init__(parent)
        self.where_role, self.snippet_role, self.marks_role = where_role, snippet_role, marks_role
        self.highlight = QTextCharFormat()
        self.highlight.setBackground(MATCH_BACKGROUND)
        self.highlight.setForeground(QColor(0, 0, 0))
        self.highlight.setFontWeight(QFont.Weight.Bold)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        if index.data(self.where_role):
            size.setHeight(int(QFontMetricsF(option.font).lineSpacing() * 2 + 6))
        return size

    def paint(self, painter, option, index) -> None:
        where = index.data(self.where_role)
        if not where:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(3, 2, -3, -2)
        fm = QFontMetricsF(opt.font)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(
            opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlphaF(0.65)

        painter.save()
        painter.setClipRect(rect)
        painter.setPen(muted)
        painter.setFont(opt.font)
        painter.drawText(QPointF(rect.left(), rect.top() + fm.ascent()),
                         fm.elidedText(where, opt.textElideMode, rect.width()))

        snippet = " ".join(str(index.data(self.snippet_role) or "").split(" "))
        marks = [tuple(m) for m in (index.data(self.marks_role) or [])]
        cut = 0
        if marks:
            first = min(s for s, _ in marks)
            cut = centred_cut(snippet, first, lambda before: fm.horizontalAdvance("…" + before) <= rect.width() / 2)
        head = "…" if cut else ""
        shown = head + snippet[cut:]
        shift = len(head) - cut
        # a row cut at the panel's edge says so, as the first line's elision does
        limit = fitting_end(shown, lambda t: fm.horizontalAdvance(t) <= rect.width())
        if limit < len(shown):
            shown = shown[:limit] + "…"
        layout = QTextLayout(shown, opt.font)
        layout.setTextOption(QTextOption())
        layout.textOption().setWrapMode(QTextOption.WrapMode.NoWrap)
        ranges = []
        for s, e in marks:
            s, e = s + shift, e + shift
            e = min(e, limit)  # a match cut by the edge is marked up to the cut
            if 0 <= s < e <= len(shown):
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = s, e - s, self.highlight
                ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)
        layout.endLayout()
        painter.setPen(text_colour)
        layout.draw(painter, QPointF(rect.left(), rect.top() + fm.lineSpacing()), [], QRectF(rect))
        painter.restore()
