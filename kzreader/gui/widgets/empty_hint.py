"""A grey line of help over an item view that shows no rows ("No interviews yet. Open a
folder…"), so an empty list says what fills it instead of being a blank box.

It is a label on the view's viewport, hidden while the view has rows; mouse clicks go
through it to the view.  ``text`` is asked each time the rows change (so it can say "no
match for the filter" rather than "nothing here"); "" shows nothing.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    def __init__(self, view: QAbstractItemView, text: Callable[[], str]):
        super().__init__(view.viewport())
        self.setObjectName("empty_hint")
        self._view = view
        self._text = text
        self.setTextFormat(Qt.TextFormat.PlainText)  # a filter's words may be in it
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setContentsMargins(12, 16, 12, 8)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)  # to follow the viewport's size
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        model = self._view.model()
        text = self._text() if model is not None and model.rowCount() == 0 else ""
        self.setText(text)
        self.setGeometry(self._view.viewport().rect())
        self.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False
