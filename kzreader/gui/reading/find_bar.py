"""The find bar for the open interview (Ctrl+F): matches, "n of N", next/previous.

It knows nothing of the reading pane: it asks a callable for the current text and reports
matches as (start, end) offsets in that text, found with
:func:`kzreader.core.search.query.find_in_text` (the same matching as corpus search).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from kzreader.core.search.query import find_in_text, parse_query

from ..shortcuts import merged_keys


class FindBar(QWidget):
    """Signals:

    - ``find_requested(query)``: the query changed and matches were recomputed;
    - ``matches_changed(spans)``: every match, as a list of (start, end) — highlight them all;
    - ``current_match_changed(index)``: the current match (-1: none); ``current_span()`` gives it;
    - ``closed()``: Escape or the close button; the bar hides itself.

    ``find_next_action``/``find_previous_action`` carry F3/Shift+F3 (the platform's FindNext /
    FindPrevious keys); they work while the bar has focus, and the window may add them to a
    menu to make them window-wide.
    """

    find_requested = Signal(str)
    matches_changed = Signal(object)
    current_match_changed = Signal(int)
    closed = Signal()

    def __init__(self, text_provider: Callable[[], str] | None = None, parent=None):
        super().__init__(parent)
        self._text_provider = text_provider
        self._matches: list[tuple[int, int]] = []
        self._current = -1

        self.edit = QLineEdit(self)
        self.edit.setObjectName("find_query")
        self.edit.setPlaceholderText(self.tr("Find in interview…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Find in interview"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("find_count")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName(self.tr("Matches"))
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000"))

        self.find_previous_action = QAction(self.tr("Find Pre&vious"), self)
        self.find_previous_action.setShortcuts(merged_keys(QKeySequence.StandardKey.FindPrevious, "Shift+F3"))
        self.find_next_action = QAction(self.tr("Find &Next"), self)
        self.find_next_action.setShortcuts(merged_keys(QKeySequence.StandardKey.FindNext, "F3"))
        for action in (self.find_previous_action, self.find_next_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.find_previous_action.triggered.connect(self.find_previous)
        self.find_next_action.triggered.connect(self.find_next)

        self.previous_button = QToolButton(self)
        self.previous_button.setDefaultAction(self.find_previous_action)
        self.previous_button.setText("↑")
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.previous_button.setAccessibleName(self.tr("Previous match"))
        self.next_button = QToolButton(self)
        self.next_button.setDefaultAction(self.find_next_action)
        self.next_button.setText("↓")
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        self.close_button.setAutoRaise(True)

        row = QHBoxLayout(self)
        row.setContentsMargins(2, 2, 2, 2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.count_label)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.close_button)

        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.returnPressed.connect(self._on_return_pressed)
        self.close_button.clicked.connect(self.close_bar)
        self._show_count()
        self.setAccessibleName(self.tr("Find bar"))

    # ---- API ----------------------------------------------------------------------------

    def set_text_provider(self, provider: Callable[[], str] | None) -> None:
        self._text_provider = provider
        self.refresh()

    def open_bar(self) -> None:
        """For Ctrl+F: show, focus the field with its text selected."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def query(self) -> str:
        return self.edit.text()

    def set_query(self, text: str) -> None:
        self.edit.setText(text)  # recomputes through textChanged

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def current_index(self) -> int:
        return self._current

    def current_span(self) -> tuple[int, int] | None:
        return self._matches[self._current] if self._current >= 0 else None

    @Slot()
    def refresh(self) -> None:
        """Recompute matches (call when the shown interview changes)."""
        self._search(self.edit.text())

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def set_current(self, index: int) -> None:
        if not self._matches:
            index = -1
        else:
            index %= len(self._matches)
        self._current = index
        self._show_count()
        self.current_match_changed.emit(index)

    # ---- internals ----------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        if not self._matches:
            return
        self.set_current(self._current + delta if self._current >= 0 else (0 if delta > 0 else -1))

    def _search(self, text: str) -> None:
        source = self._text_provider() if self._text_provider is not None else ""
        query = parse_query(text)
        self._matches = find_in_text(query, source or "") if not query.is_empty else []
        self.find_requested.emit(text)
        self.matches_changed.emit(list(self._matches))
        self.set_current(0 if self._matches else -1)

    def _show_count(self) -> None:
        if not self.edit.text().strip():
            self.count_label.clear()
        elif not self._matches:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(
                self.tr("%1 of %2").replace("%2", str(len(self._matches))).replace("%1", str(self._current + 1)))

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self._search(text)

    @Slot()
    def _on_return_pressed(self) -> None:
        # Enter: next; Shift+Enter: previous (as in browsers)
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
