"""Items whose text wraps to the view's width on at most a few lines, the last one ending in
an ellipsis: long texts (a list of questions) show as much as the room allows without one
item taking a screenful.  Fewer lines while the view is short, so a small window still shows
several items."""
from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

# QStyle and QStyleOptionViewItem are taken from QtWidgets when an item is first laid out:
# PySide builds a class with all its enums when it is first named, and naming these two at
# import cost the window's first paint 7-8 ms of CPU (the list is empty then)

SHORT_VIEW = 320  # a view lower than this (px) gets ``short_lines``


class CappedLinesDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView, lines: int = 3, short_lines: int = 2):
        super().__init__(view)
        self.view = view
        self.lines, self.short_lines = lines, short_lines
        self.max_lines = lines
        # the view's own resizes: a first viewport() call, before the first paint, would make
        # PySide look through every widget class (test_gui_startup)
        view.installEventFilter(self)

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.features |= QtWidgets.QStyleOptionViewItem.ViewItemFeature.WrapText
        # from the top: Qt elides the last line that fits, and a centred layout taller than
        # the item would lose its first line instead
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = "X"
        style = opt.widget.style() if opt.widget is not None else self.view.style()
        one_line = style.sizeFromContents(QtWidgets.QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), opt.widget).height()
        cap = one_line + (self.max_lines - 1) * opt.fontMetrics.lineSpacing()
        return QSize(hint.width(), min(hint.height(), cap))

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            lines = self.short_lines if self.view.height() < SHORT_VIEW else self.lines
            if lines != self.max_lines:
                self.max_lines = lines
                self.sizeHintChanged.emit(self.view.model().index(0, 0))  # heights are laid out again
        return False
