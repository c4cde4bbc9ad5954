"""A wrapped label of at most a few lines: longer text ends in "…" on its last line and shows
whole in the tooltip.  The reading pane's title and interviewee line took seven lines of an
800x600 window's header between them; capped, the text below keeps that room.

``text()`` is the whole text; the text is plain (it comes from files), tooltip included.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from .plain_text import plain_tooltip


class CappedLabel(QLabel):
    def __init__(self, max_lines: int, parent=None):
        super().__init__(parent)
        self._max_lines = max_lines
        self._full = ""
        self._keep = ""
        self._tip = ""
        self._elided = False
        self._laid_out_for = -1
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def text(self) -> str:  # noqa: D102 - Qt's name
        return self._full

    def setText(self, text: str, keep: str = "") -> None:  # noqa: N802 - Qt's name
        """Show ``text`` + ``keep``; when it must be cut, ``text`` is cut and ``keep`` (what
        matters most, e.g. the outlet and date after a long role) stays whole where it fits."""
        self._full = text + keep
        self._keep = keep
        self._laid_out_for = -1
        self._fit()

    def set_tip(self, tip: str) -> None:
        """What the tooltip says besides the whole text (plain text)."""
        self._tip = tip
        self._update_tooltip()

    def is_elided(self) -> bool:
        return self._elided

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._laid_out_for = -1
            self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        if width == self._laid_out_for:
            return
        self._laid_out_for = width
        shown = self._capped(self._full, width) if width > 0 else self._full
        self._elided = shown != self._full
        super().setText(shown)
        self._update_tooltip()

    def _capped(self, text: str, width: int) -> str:
        """``text`` cut so it wraps onto at most ``max_lines`` lines of ``width`` pixels."""
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        starts = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append(line.textStart())
        layout.endLayout()
        if len(starts) <= self._max_lines:
            return text
        last = starts[self._max_lines - 1]
        # the last line takes what is left on one line, ended by "…" (a little slack: QLabel
        # wraps with its own layout, which may break a pixel or two earlier)
        room = width - 4
        metrics = self.fontMetrics()
        cut = len(text) - len(self._keep)
        keep_width = metrics.horizontalAdvance(self._keep)
        if self._keep and last < cut and keep_width <= room * 2 // 3:
            head = metrics.elidedText(" ".join(text[last:cut].split()), Qt.TextElideMode.ElideRight,
                                      room - keep_width)
            return text[:last] + head + self._keep
        return text[:last] + metrics.elidedText(" ".join(text[last:].split()), Qt.TextElideMode.ElideRight,
                                                max(0, room))

    def _update_tooltip(self) -> None:
        parts = [p for p in ((self._full if self._elided else ""), self._tip) if p]
        self.setToolTip(plain_tooltip("\n".join(parts)))
