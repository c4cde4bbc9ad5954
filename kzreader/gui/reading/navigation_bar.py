"""The reading pane's navigation bar: ◀ Previous, "Question 1 of 8", Next ▶, the question's
themes, then the view toggles (Whole interview, Removed text), on one row while they fit.

The toggles used to sit beside the interviewee line, which then wrapped into a column of
seven lines at 800 px.  Here they share the navigation row, and when the pane is too narrow
for that row the bar gives way in steps, so nothing is ever cut off: first the arrows drop
their words (the tooltips keep them), then the toggles take a second row, first with the
arrows' words back, last without them.  Each keeps the themes room for about 24 letters
(at 1280 px one row left them "Themes: Declarati…"), except the narrowest, which is the
bar's minimum width, so the pane can still be made narrow.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QToolButton, QVBoxLayout, QWidget

SPACING = 6
THEMES_GAP = 8  # between the arrows and the themes
THEMES_MIN_CHARS = 24  # the row is rearranged rather than show the themes in fewer letters (at
# 1280 px, 14 left "Themes: Declarati…"; now they get about 35 letters on the first of two rows)

WORDS = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
ARROWS = Qt.ToolButtonStyle.ToolButtonIconOnly
# the arrangements tried, best first: (toggles on a second row, the arrows' style, room kept for
# the themes); the last one is the bar's minimum, the themes then get what is left
ARRANGEMENTS = ((False, WORDS, True), (False, ARROWS, True), (True, WORDS, True), (True, ARROWS, True),
                (True, ARROWS, False))


class NavigationBar(QWidget):
    def __init__(self, prev_button: QToolButton, position: QLabel, next_button: QToolButton,
                 themes: QLabel, toggles: list[QToolButton], parent=None):
        super().__init__(parent)
        self.setObjectName("navigation_bar")
        self._arrows = (prev_button, next_button)
        self._position = position
        self._themes = themes
        self._toggles = list(toggles)
        self._two_rows: bool | None = None
        self._widths: dict[tuple, int] = {}  # an arrow's width in the style it does not show

        self._first = QHBoxLayout()
        self._first.setSpacing(SPACING)
        self._first.addWidget(prev_button)
        self._first.addWidget(position)
        self._first.addWidget(next_button)
        self._first.addSpacing(THEMES_GAP)
        self._first.addWidget(themes, 1)  # one line, elided; the whole list in its tooltip
        self._first.addStretch(0)  # holds the toggles at the right end when there are no themes
        self._second = QHBoxLayout()
        self._second.setSpacing(SPACING)
        self._second.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        rows.addLayout(self._first)
        rows.addLayout(self._second)
        # the bar's minimum is its narrowest arrangement (minimumSizeHint), not the current one,
        # or the pane could not be made narrow enough for the bar to rearrange itself
        rows.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._place_toggles(False)

    # -- what is shown --------------------------------------------------------------------------
    def toggles_on_second_row(self) -> bool:
        return bool(self._two_rows)

    def arrows_show_words(self) -> bool:
        return self._arrows[0].toolButtonStyle() == WORDS

    def arrange(self) -> None:
        """Choose the best arrangement that fits the bar's width (call after a resize or a
        change of the texts)."""
        width = self.width()
        for two_rows, style, themes in ARRANGEMENTS:
            if self._width_needed(two_rows, style, themes) <= width:
                break
        self._set_style(style)
        self._place_toggles(two_rows)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        narrowest = self._width_needed(*ARRANGEMENTS[-1])
        return QSize(narrowest, super().minimumSizeHint().height())

    # -- measuring ------------------------------------------------------------------------------
    def _width_needed(self, two_rows: bool, style: Qt.ToolButtonStyle, themes: bool = True) -> int:
        arrows = sum(self._arrow_width(b, style) for b in self._arrows)
        # room for the themes whether or not this question has any: the header must not change
        # shape (and move the text) as the reader steps from a question without themes to one with
        first = arrows + self._position.sizeHint().width() + 2 * SPACING
        if themes:
            first += THEMES_GAP + SPACING + self.fontMetrics().averageCharWidth() * THEMES_MIN_CHARS
        toggles = sum(b.sizeHint().width() for b in self._toggles) + SPACING * (len(self._toggles) - 1)
        if two_rows:
            return max(first, toggles)
        return first + SPACING + toggles

    def _arrow_width(self, button: QToolButton, style: Qt.ToolButtonStyle) -> int:
        if button.toolButtonStyle() == style:
            return button.sizeHint().width()
        # measured once per text and font: setting a style asks for a new layout, and a layout
        # pass asks minimumSizeHint, which measures the other style again (an endless loop of
        # layouts at some widths: 1.5 ms of the GUI thread per file through a load)
        key = (button.text(), button.font().key(), button.iconSize(), style)
        width = self._widths.get(key)
        if width is None:
            old = button.toolButtonStyle()
            button.setToolButtonStyle(style)
            width = self._widths[key] = button.sizeHint().width()
            button.setToolButtonStyle(old)
        return width

    # -- rearranging ----------------------------------------------------------------------------
    def _set_style(self, style: Qt.ToolButtonStyle) -> None:
        for button in self._arrows:
            if button.toolButtonStyle() != style:
                button.setToolButtonStyle(style)

    def _place_toggles(self, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        target: QBoxLayout = self._second if two_rows else self._first
        for button in self._toggles:
            (self._first if two_rows else self._second).removeWidget(button)
            target.addWidget(button)

    # -- Qt events ------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.arrange()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self.arrange()
