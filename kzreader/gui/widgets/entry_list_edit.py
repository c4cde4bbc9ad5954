"""A plain-text box for a list with one entry a line (a theme's keywords, phrases,
exclusions).  An entry longer than the box is wide wraps, its further lines indented, so it
still reads as one entry and the box never scrolls sideways (with wrapping off, a long phrase
hid its end behind a horizontal scroll bar in a 720 px dialog)."""
from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit


class EntryListEdit(QTextEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)  # pasted text comes in plain, in the lines' format
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        self._hang_lines()

    def hanging_indent(self) -> float:
        """How far an entry's further lines are indented (px)."""
        return self.fontMetrics().horizontalAdvance("M") * 1.5

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setPlainText(text)
        self._hang_lines()

    def _hang_lines(self) -> None:
        # every line's format; a new line (Enter, a paste) takes the format of the line it
        # is made from, so setting it on the lines there are is enough
        fmt = QTextBlockFormat()
        indent = self.hanging_indent()
        fmt.setLeftMargin(indent)
        fmt.setTextIndent(-indent)
        doc = self.document()
        undo = doc.isUndoRedoEnabled()
        doc.setUndoRedoEnabled(False)  # formatting is not an edit the user can undo
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)
        doc.setUndoRedoEnabled(undo)
