"""A combo box whose choice ends in "…" when the box is too narrow for it, with the whole
choice in its tooltip and in each item's tooltip (Qt cut the text at the box's edge, in the
middle of a letter, and left no way to read the rest but opening the list).  Choices may
come from the user's files (theme names, titles): the tooltips show them as plain text."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QToolTip

from .plain_text import plain_tooltip


class ElidedComboBox(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model().rowsInserted.connect(self._on_rows_inserted)

    def shown_text(self) -> str:
        """The current choice as the box shows it (ending in "…" when cut)."""
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight,
                                             max(0, self._text_rect().width()))

    def tooltip_text(self) -> str:
        """What the box's tooltip says: the whole choice when it is cut, else its own tooltip."""
        text = self.currentText()
        return plain_tooltip(text) if self.shown_text() != text else self.toolTip()

    def _text_rect(self):
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def event(self, event) -> bool:
        # asked when the pointer rests on the box: the choice and the width are those of now
        # (a choice set with the box's signals blocked tells no one)
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_text()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _on_rows_inserted(self, _parent, first: int, last: int) -> None:
        for row in range(first, last + 1):  # a choice too long for a narrow screen's list
            self.setItemData(row, plain_tooltip(self.itemText(row)), Qt.ItemDataRole.ToolTipRole)
