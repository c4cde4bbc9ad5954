"""The filter bar above the text: what the reader is filtering by (themes, the list's text
filter), how much of the corpus that leaves ("3 of 5 interviews, 7 of 41 questions"), Any/All
for several themes, and Clear.  Hidden while nothing is filtered, so a filter is never
invisible.

It only shows state and asks for changes through signals; ``ThemesController`` feeds it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from ..widgets.capped_label import CappedLabel

WHAT_LINES = 2


class FilterBar(QWidget):
    """``clear_requested()``: drop every filter; ``mode_changed(require_all)``: several
    themes must all be present (True) or any of them (False)."""

    clear_requested = Signal()
    mode_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("filter_bar")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().AlternateBase)
        # at most two lines (the whole in its tooltip): several long theme names beside the
        # buttons took five lines of an 800x600 window, above the reading pane's header
        self.what_label = CappedLabel(WHAT_LINES, self)  # plain text: theme names and typed text
        self.what_label.setObjectName("filter_what")
        self.what_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("filter_counts")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setWordWrap(True)
        self.any_button = QToolButton(self)
        self.any_button.setText(self.tr("Any"))
        self.any_button.setToolTip(self.tr("Questions on any of the chosen themes"))
        self.all_button = QToolButton(self)
        self.all_button.setText(self.tr("All"))
        self.all_button.setToolTip(self.tr("Only questions on all of the chosen themes"))
        self.mode_group = QButtonGroup(self)
        for button in (self.any_button, self.all_button):
            button.setCheckable(True)
            button.setAutoRaise(False)
            self.mode_group.addButton(button)
        self.any_button.setChecked(True)
        self.clear_button = QPushButton(self.tr("Clear filter"), self)
        self.clear_button.setObjectName("filter_clear")

        # what, and under it how much is left, so the two share the width the buttons leave
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.what_label)
        text.addWidget(self.count_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addLayout(text, 1)
        layout.addWidget(self.any_button)
        layout.addWidget(self.all_button)
        layout.addWidget(self.clear_button)
        self.clear_button.clicked.connect(self.clear_requested)
        self.all_button.toggled.connect(self._on_all_toggled)
        self.hide()

    def require_all(self) -> bool:
        return self.all_button.isChecked()

    @Slot(bool)
    def _on_all_toggled(self, checked: bool) -> None:
        self.mode_changed.emit(checked)

    def show_state(self, themes: list[str], text: str, interviews: tuple[int, int],
                   questions: tuple[int, int]) -> None:
        """``themes``: names of the chosen themes; ``text``: the list's filter text;
        ``interviews``/``questions``: (shown, total).  Nothing chosen hides the bar."""
        if not themes and not text:
            self.hide()
            return
        parts = []
        if themes:
            parts.append(self.tr("Themes: {0}").format(", ".join(themes)))
        if text:
            parts.append(self.tr("Text: “{0}”").format(text))
        self.what_label.setText(self.tr("Filtered by {0}").format("; ".join(parts)))
        self.count_label.setText(self.tr("{0} of {1} interviews, {2} of {3} questions").format(
            interviews[0], interviews[1], questions[0], questions[1]))
        several = len(themes) > 1
        self.any_button.setVisible(several)
        self.all_button.setVisible(several)
        self.show()
