"""The reading pane's parts, built the way Qt Designer's ``setupUi`` builds a form: its
actions, its widgets and layout, and filling the header and the question navigator for the
interview shown.  Each takes the ``ReadingPane`` being built, which holds the state and the
behaviour (this module does not import it: the pane imports these).

Texts are translated in the ``ReadingPane`` context, as they were when these were methods.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QSizePolicy, QToolButton, QVBoxLayout

from ..i18n import format_date
from ..shortcuts import merged_keys
from ..widgets.capped_label import CappedLabel
from ..widgets.capped_lines_delegate import CappedLinesDelegate
from ..widgets.elided_label import ElidedLabel
from ..widgets.plain_text import plain_tooltip
from .navigation_bar import NavigationBar
from .reading_text import ReadingText

NAVIGATOR_CHARS = 80  # a question quoted in a line of the pane
QUESTION_ROW_CHARS = 400  # a question in the navigator, shown on up to three lines (elided)
TITLE_LINES = 3  # the header's title and interviewee line, at most (elided, whole in the tooltip)
META_LINES = 2
translate = QCoreApplication.translate  # (lupdate reads translate("Context", "text") calls)


def build_actions(pane) -> None:
    """The pane's actions (the window puts them in its menus)."""
    def action(text, shortcuts, slot, name, checkable=False):
        a = QAction(text, pane)
        a.setObjectName(name)
        a.setShortcuts(merged_keys(*shortcuts))
        a.setCheckable(checkable)
        (a.toggled if checkable else a.triggered).connect(slot)
        pane.addAction(a)
        return a

    pane.prev_action = action(
        translate("ReadingPane", "&Previous Question"), ["Alt+Left", "Ctrl+PgUp"], pane.previous_question,
        "action_prev_question")
    pane.next_action = action(
        translate("ReadingPane", "&Next Question"), ["Alt+Right", "Ctrl+PgDown"], pane.next_question,
        "action_next_question")
    pane.whole_action = action(
        translate("ReadingPane", "&Whole Interview"), ["Ctrl+Shift+W"], pane.set_whole_interview,
        "action_whole_interview", checkable=True)
    pane.removed_action = action(
        translate("ReadingPane", "Show &Removed Text"), ["Ctrl+Shift+R"], pane.set_show_removed,
        "action_show_removed", checkable=True)
    pane.zoom_in_action = action(
        translate("ReadingPane", "Zoom &In"), ["Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn],
        pane.zoom_in, "action_zoom_in")
    pane.zoom_out_action = action(
        translate("ReadingPane", "Zoom &Out"), ["Ctrl+-", QKeySequence.StandardKey.ZoomOut], pane.zoom_out,
        "action_zoom_out")
    pane.zoom_reset_action = action(
        translate("ReadingPane", "Reset &Zoom"), ["Ctrl+0"], pane.reset_zoom, "action_zoom_reset")
    pane.caret_action = action(
        translate("ReadingPane", "&Caret Browsing"), ["F7"], pane.set_caret_browsing, "action_caret_browsing",
        checkable=True)
    pane.caret_action.setToolTip(
        translate("ReadingPane", "Move a text cursor with the keys and select with Shift+arrows"))
    # short labels for the buttons of the navigation bar (menus show the full text)
    pane.prev_action.setIconText(translate("ReadingPane", "Previous"))
    pane.next_action.setIconText(translate("ReadingPane", "Next"))
    pane.whole_action.setIconText(translate("ReadingPane", "Whole interview"))
    pane.removed_action.setIconText(translate("ReadingPane", "Removed text"))
    pane.prev_action.setToolTip(translate("ReadingPane", "Previous question (Alt+Left)"))
    pane.next_action.setToolTip(translate("ReadingPane", "Next question (Alt+Right)"))
    pane.whole_action.setToolTip(translate("ReadingPane", "Show all questions as one continuous text"))
    pane.removed_action.setToolTip(
        translate("ReadingPane", "Show page junk that was left out of the text, marked"))

def build_widgets(pane) -> None:
    """The header (title, metadata, view toggles, navigation row), the text and the question
    navigator."""
    # capped, so a long title or interviewee line leaves the text its room (the whole in the tooltip)
    pane.title_label = CappedLabel(TITLE_LINES, pane)
    pane.title_label.setObjectName("title_label")
    pane.meta_label = CappedLabel(META_LINES, pane)
    pane.meta_label.setObjectName("meta_label")
    for label in (pane.title_label, pane.meta_label):
        label.setTextFormat(Qt.TextFormat.PlainText)  # metadata comes from the files
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    title_font = QFont(pane.font())
    title_font.setPointSizeF(pane.font().pointSizeF() * 1.35)
    title_font.setBold(True)
    pane.title_label.setFont(title_font)

    pane.prev_button = QToolButton(pane)
    pane.prev_button.setDefaultAction(pane.prev_action)
    pane.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
    pane.prev_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    pane.next_button = QToolButton(pane)
    pane.next_button.setDefaultAction(pane.next_action)
    pane.next_button.setArrowType(Qt.ArrowType.RightArrow)
    pane.next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    pane.position_label = QLabel(pane)
    pane.position_label.setObjectName("position_label")
    pane.position_label.setTextFormat(Qt.TextFormat.PlainText)
    pane.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    pane.whole_button = QToolButton(pane)
    pane.whole_button.setDefaultAction(pane.whole_action)
    pane.removed_button = QToolButton(pane)
    pane.removed_button.setDefaultAction(pane.removed_action)
    for button in (pane.whole_button, pane.removed_button):
        # a switched-on toggle must look on, not merely a shade darker
        button.setStyleSheet("QToolButton:checked { background: palette(highlight);"
                             " color: palette(highlighted-text); border-radius: 3px; padding: 2px 6px; }")
    # the themes of the current exchange (filled by the window's themes controller)
    pane.themes_label = ElidedLabel(pane)
    pane.themes_label.setObjectName("themes_label")
    pane.themes_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    pane.themes_label.hide()

    # the view toggles share the navigation row, so the interviewee line has the header's
    # whole width (beside them it wrapped into a column of seven lines at 800 px)
    pane.nav_bar = NavigationBar(pane.prev_button, pane.position_label, pane.next_button, pane.themes_label,
                                 [pane.whole_button, pane.removed_button], pane)

    pane.text = ReadingText(pane)
    pane.text.setObjectName("reading_text")
    pane.text.setAccessibleName(translate("ReadingPane", "Interview text"))
    pane.setAccessibleName(translate("ReadingPane", "Reading pane"))
    pane.text.verticalScrollBar().valueChanged.connect(pane._on_scrolled)
    pane.text.paged_past_end.connect(pane._on_paged_past_end)
    pane.text.paged_before_start.connect(pane.previous_question)
    pane.text.caret_wanted.connect(lambda: pane.set_caret_browsing(True))

    pane.navigator = QListWidget()
    pane.navigator.setObjectName("question_navigator")
    pane.navigator.setAccessibleName(translate("ReadingPane", "Questions"))
    pane.navigator.setWordWrap(True)
    pane.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
    pane.navigator.setUniformItemSizes(False)
    pane.navigator.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    pane.navigator.setItemDelegate(CappedLinesDelegate(pane.navigator))
    pane.navigator.setSpacing(1)  # a gap between questions that wrap onto several lines
    pane.navigator.currentRowChanged.connect(pane._on_navigator_row)

    header = QVBoxLayout()
    header.setContentsMargins(12, 10, 12, 4)
    header.setSpacing(2)
    header.addWidget(pane.title_label)
    header.addWidget(pane.meta_label)
    header.addSpacing(6)
    header.addWidget(pane.nav_bar)

    pane._layout = QVBoxLayout(pane)
    pane._layout.setContentsMargins(0, 0, 0, 0)
    pane._layout.setSpacing(0)
    pane._layout.addLayout(header)
    pane._layout.addWidget(pane.text, 1)


def fill_header(pane) -> None:
    """Title and metadata of the interview shown (its file and URL in the title's tooltip)."""
    iv = pane._interview
    # with no interview there is nothing to name or step through: the text's invitation
    # says how to open one (a blank title line and greyed buttons said nothing)
    for part in (pane.title_label, pane.meta_label, pane.nav_bar):
        part.setVisible(iv is not None)
    if iv is None:
        pane.title_label.setText("")
        pane.meta_label.setText("")
        return
    pane.title_label.setText(iv.display_title)
    font = pane.title_label.font()
    font.setItalic(iv.title_is_derived)  # a title the file did not give, set apart
    pane.title_label.setFont(font)
    who = iv.interviewee or ""
    if iv.role:
        who = f"{who}, {iv.role}" if who else iv.role
    rest = [p for p in (iv.source, format_date(iv.date, long=True)) if p]
    if iv.interviewer:
        rest.append(translate("ReadingPane", "interviewed by {0}").format(iv.interviewer))
    if not who and not rest:
        pane.meta_label.setText(translate("ReadingPane", "(no interviewee, outlet or date found)"))
    elif who:  # a long role is cut before the outlet and date are
        pane.meta_label.setText(who, "".join("  ·  " + p for p in rest))
    else:
        pane.meta_label.setText("  ·  ".join(rest))
    # where the file is: in the title's tooltip, not a line of its own
    where = "\n".join(p for p in (iv.url, iv.path) if p)
    pane.title_label.set_tip(  # plain text: the path and URL come from the file system and file
        translate("ReadingPane", "The file has no title; this one is made up from it.") + "\n" + where
        if iv.title_is_derived else where)


def fill_navigator(pane) -> None:
    """One row per question of the interview shown (the filter's hidden rows hidden)."""
    pane._syncing = True
    try:
        pane.navigator.clear()
        if pane._interview is not None:
            from PySide6.QtWidgets import QListWidgetItem  # here: not needed to paint the window

            for ex in pane._interview.exchanges:
                text = " ".join(ex.question.text.split())
                if len(text) > QUESTION_ROW_CHARS:
                    text = text[: QUESTION_ROW_CHARS - 1].rstrip() + "…"
                item = QListWidgetItem(f"{ex.number}. {text}")
                item.setToolTip(plain_tooltip(ex.question.text[:600]))  # source text: never HTML
                pane.navigator.addItem(item)
                if pane._exchange_filter is not None and ex.number not in pane._exchange_filter:
                    pane.navigator.setRowHidden(pane.navigator.count() - 1, True)
    finally:
        pane._syncing = False
