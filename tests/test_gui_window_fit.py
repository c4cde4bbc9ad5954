"""What a reader needs stays in sight at real window sizes, in English and Russian: the
toolbar's actions without its overflow arrow, the reading pane's header on few lines."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QToolBar, QToolButton  # noqa: E402

from gui_helpers import shown_tooltip  # noqa: E402

LANGUAGES = ("en", "ru")


def settle(qtbot, w, width, height):
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)  # the docks are fitted after the resize, on the next turn of the loop
    w.layout().activate()


def _extension_button(bar: QToolBar) -> QToolButton:
    # Qt's "more" arrow: shown only when some of the toolbar's actions are hidden behind it
    return bar.findChild(QToolButton, "qt_toolbar_ext_button")


# an 800x600 screen opens the window at 90% of it (720 px), so the toolbar must fit there
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [720, 800, 1920])
def test_every_toolbar_action_is_on_a_visible_button(qtbot, window_in, language, width):
    w = window_in(language)
    settle(qtbot, w, width, 600)
    bar = w.findChild(QToolBar, "main_toolbar")
    ext = _extension_button(bar)
    assert ext is None or not ext.isVisible()
    for action in bar.actions():
        if action.isSeparator():
            continue
        button = bar.widgetForAction(action)
        assert button.isVisible(), action.text()
        # the button's whole width lies inside the toolbar (not cut by the window's edge)
        assert button.geometry().right() <= bar.contentsRect().right(), action.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_toolbar_button_with_a_short_label_says_it_all_in_its_tooltip(qtbot, window_in, language):
    w = window_in(language)
    bar = w.findChild(QToolBar, "main_toolbar")
    for action in (w.search_action, w.find_action, w.bookmark_action):
        full = action.text().replace("&", "").rstrip("…").strip()
        tip = shown_tooltip(action.toolTip())
        assert full in tip  # the menu's words, not only the button's short label
        assert action.shortcut().toString() in tip
        assert bar.widgetForAction(action).text() != ""


LONG_ROLE = """title: "Между доверием и прагматикой: как визит переформатировал отношения двух стран"
interviewee: Александр Кириллович Бобров
role: кандидат исторических наук, приглашённый доцент МГИМО-Астана, руководитель направления дипломатических исследований ИСИП РУДН
source: Kazpravda.kz
date: 2025-11-14
"""
TEXT = ("— Как вы оцениваете визит и его значение для энергетики и атомной отрасли?\n\n"
        "— Визит укрепил доверие, и атомная энергетика получила новые проекты.\n\n"
        "— Что дальше?\n\n— Новые линии электропередачи и торговля.\n\n"
        "— Как прошла встреча?\n\n— Хорошо, спасибо.\n")


@pytest.fixture
def long_header(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "visit.txt").write_text(TEXT, encoding="utf-8")
    (folder / "visit.yaml").write_text(LONG_ROLE, encoding="utf-8")
    return folder


def _open(qtbot, w, folder, size):
    from gui_helpers import open_and_wait

    settle(qtbot, w, *size)
    open_and_wait(qtbot, w, [folder])
    assert w.interview_list.select_row(0)
    qtbot.wait(50)
    w.layout().activate()


def _lines(label) -> int:
    return round(label.height() / label.fontMetrics().lineSpacing())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_the_interviewee_line_has_the_headers_width_and_every_header_button_shows_whole(
        qtbot, window_in, long_header, language, size):
    w = window_in(language)
    _open(qtbot, w, long_header, size)
    pane = w.reading_pane
    try:
        meta = pane.meta_label
        assert meta.text().startswith("Александр Кириллович Бобров, кандидат")  # the sidecar's
        assert w.reading_pane.themes_label.text()  # the case with the most on the navigation row
        # the line spans the header (beside the view toggles it wrapped into a column of 7
        # lines at 800 px), so it takes at most three lines there and one or two when wide
        assert meta.width() >= pane.width() - 2 * 12 - 2
        assert _lines(meta) <= 2, meta.text()
        buttons = [pane.prev_button, pane.position_label, pane.next_button, pane.whole_button,
                   pane.removed_button]
        boxes = []
        for b in buttons:
            assert b.isVisible()
            box = b.geometry().translated(b.parentWidget().mapTo(pane, b.parentWidget().rect().topLeft()))
            assert pane.rect().contains(box), (b.objectName(), box, pane.rect())
            assert b.width() >= b.sizeHint().width()  # its whole text, not squeezed
            boxes.append(box)
        assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
        # the header leaves most of the pane to the text
        assert pane.text.height() >= 0.55 * pane.height()
        if size[0] == 1920:  # room for all of it on one row, arrows with their words
            assert not pane.nav_bar.toggles_on_second_row()
            assert pane.nav_bar.arrows_show_words()
    finally:
        w.loader.shutdown()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_narrow_reading_pane_moves_the_view_toggles_to_a_second_row_rather_than_cut_them(
        qtbot, window_in, long_header, language):
    w = window_in(language)
    _open(qtbot, w, long_header, (1920, 1080))
    pane, bar = w.reading_pane, w.reading_pane.nav_bar
    try:
        assert not bar.toggles_on_second_row()
        for width in (520, 420, 300):
            bar.resize(width, bar.height())
            for b in (pane.prev_button, pane.next_button, pane.whole_button, pane.removed_button):
                assert b.geometry().right() <= bar.width(), (width, b.text())
        assert bar.toggles_on_second_row()
        assert bar.minimumSizeHint().width() <= 300
    finally:
        w.loader.shutdown()


def test_the_read_across_window_opens_within_the_screen(qtbot):
    """It was 980x760 whatever the screen: on an 800x600 one its bottom and right were off it."""
    from kzreader.gui.across.across_controller import AcrossWindow

    win = AcrossWindow()
    qtbot.addWidget(win)
    screen = win.screen().availableGeometry()
    assert win.width() <= screen.width() and win.height() <= screen.height()
    if screen.width() >= 1090 and screen.height() >= 845:  # room for its usual size
        assert (win.width(), win.height()) == (980, 760)


SAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"


def _hint(view):
    from PySide6.QtWidgets import QLabel

    return view.viewport().findChild(QLabel, "empty_hint")


@pytest.mark.parametrize("language", LANGUAGES)
def test_empty_lists_say_what_fills_them(qtbot, window_in, language):
    w = window_in(language)
    settle(qtbot, w, 800, 600)
    w.build_parts()
    w.bookmarks_dock.show()
    w.problems_dock.show()
    qtbot.wait(20)
    hints = {"interviews": _hint(w.interview_list.table), "bookmarks": _hint(w.bookmarks.panel.view),
             "problems": _hint(w.problems_view.table)}
    for name, hint in hints.items():
        assert hint is not None and hint.isVisible() and hint.text(), name
        assert hint.geometry() == hint.parentWidget().rect()  # over the whole list, nothing cut
    if language == "en":
        assert hints["interviews"].text() == "No interviews yet."
        assert "Ctrl+D" in hints["bookmarks"].text()
    else:
        assert hints["interviews"].text() == "Интервью пока нет."
        assert "Ctrl+D" in hints["bookmarks"].text() and "Закладок пока нет" in hints["bookmarks"].text()
    # nothing to name or step through: the header's lines and buttons wait for an interview
    pane = w.reading_pane
    assert not pane.title_label.isVisible() and not pane.nav_bar.isVisible()


def test_a_list_with_rows_hides_its_hint_and_a_filter_that_hides_all_says_so(qtbot, window_in):
    from gui_helpers import open_and_wait

    w = window_in("en")
    settle(qtbot, w, 800, 600)
    open_and_wait(qtbot, w, [SAMPLES])
    try:
        hint = _hint(w.interview_list.table)
        assert not hint.isVisible()
        w.interview_list.filter_edit.setText("zzzzqqq")
        qtbot.waitUntil(lambda: hint.isVisible())
        assert hint.text() == "No interview matches the filter."
        w.interview_list.filter_edit.clear()
        qtbot.waitUntil(lambda: not hint.isVisible())
        assert w.interview_list.select_row(0)
        assert w.reading_pane.title_label.isVisible() and w.reading_pane.nav_bar.isVisible()
    finally:
        w.loader.shutdown()


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_the_header_keeps_its_shape_from_a_question_with_themes_to_one_without(
        qtbot, window_in, long_header, size):
    w = window_in("ru")
    _open(qtbot, w, long_header, size)
    pane = w.reading_pane
    try:
        assert pane.themes_label.text()
        top = pane.text.geometry().top()
        pane.go_to(3)
        qtbot.wait(20)
        w.layout().activate()
        assert not pane.themes_label.text()  # "Как прошла встреча?" is about no theme
        assert pane.text.geometry().top() == top  # the text did not move up or down
    finally:
        w.loader.shutdown()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_role_is_cut_before_the_outlet_and_date_and_shows_whole_in_the_tooltip(
        qtbot, window_in, long_header, language):
    from PySide6.QtWidgets import QLabel

    w = window_in(language)
    _open(qtbot, w, long_header, (800, 600))
    meta = w.reading_pane.meta_label
    try:
        shown = QLabel.text(meta)  # what the label paints
        assert meta.is_elided() and "…" in shown
        after_cut = shown.split("…", 1)[1]  # the outlet and date stay whole after the cut role
        assert after_cut.startswith("  ·  Kazpravda.kz  ·  ")
        assert ("November 14, 2025" if language == "en" else "14 ноября 2025") in after_cut
        assert shown.startswith("Александр Кириллович Бобров, кандидат исторических наук")
        assert "ИСИП РУДН" in meta.text() and "ИСИП РУДН" in shown_tooltip(meta.toolTip())
        # wide enough, nothing is cut
        settle(qtbot, w, 1920, 1080)
        assert not meta.is_elided() and QLabel.text(meta) == meta.text()
    finally:
        w.loader.shutdown()


def _tab_through(qtbot, w, presses):
    from PySide6.QtCore import Qt as QtCoreQt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    visited = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), QtCoreQt.Key.Key_Tab)
        qtbot.wait(5)
        visited.append(QApplication.focusWidget())
    return visited


@pytest.mark.parametrize("language", LANGUAGES)
def test_tab_goes_round_what_the_reader_sees_and_reaches_the_text(qtbot, window_in, language):
    """At 800 px the side panels are tabs behind the questions; Qt keeps them "visible" off
    the window's edge, and Tab went into them (and never left the interview table's cells)."""
    from gui_helpers import open_and_wait

    w = window_in(language)
    settle(qtbot, w, 800, 600)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    open_and_wait(qtbot, w, [SAMPLES])
    try:
        assert w.interview_list.select_row(0)
        w.interview_list.table.setFocus()
        qtbot.waitUntil(lambda: w.interview_list.table.hasFocus())
        visited = _tab_through(qtbot, w, 12)
        for widget in visited:
            assert widget is not None and not widget.visibleRegion().isEmpty(), widget
        assert visited[0] is not w.interview_list.table  # Tab left the table at once
        assert w.reading_pane.text in visited and w.interview_list.filter_edit in visited
        assert w.reading_pane.next_button in visited
        from PySide6.QtWidgets import QTableView

        tables = w.findChildren(QTableView)  # interviews, problems, bookmarks: rows, not cells
        assert len(tables) >= 4 and not any(t.tabKeyNavigation() for t in tables)
    finally:
        w.loader.shutdown()


def test_the_text_shows_when_it_has_the_keyboard_focus(qtbot, window_in):
    from PySide6.QtGui import QPalette

    w = window_in("en")
    settle(qtbot, w, 800, 600)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    text = w.reading_pane.text
    highlight = text.palette().color(QPalette.ColorRole.Highlight)

    def edge_colour():
        return text.grab().toImage().pixelColor(1, text.height() // 2)  # the left edge

    w.interview_list.filter_edit.setFocus()
    qtbot.waitUntil(lambda: w.interview_list.filter_edit.hasFocus())
    assert edge_colour() != highlight
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    assert edge_colour() == highlight


def test_a_long_filter_takes_two_lines_and_names_it_all_in_the_tooltip(qtbot, window_in, seeds_dir):
    from PySide6.QtWidgets import QLabel, QWidget

    from gui_helpers import open_and_wait

    w = window_in("ru")
    settle(qtbot, w, 800, 600)
    open_and_wait(qtbot, w, [seeds_dir])
    try:
        themes = w.themes.lexicon.themes[:3]
        w.themes.select_themes([t.id for t in themes])
        w.interview_list.filter_edit.setText("а")
        qtbot.wait(50)
        w.layout().activate()
        bar = w.findChild(QWidget, "filter_bar")
        what = bar.findChild(QLabel, "filter_what")
        assert bar.isVisible()
        # before: five lines beside the buttons (Any, All, Clear filter), the text squeezed
        assert _lines(what) <= 2 and "…" in QLabel.text(what)
        assert all(t.name("ru") in shown_tooltip(what.toolTip()) for t in themes)
        assert w.reading_pane.text.height() >= 0.5 * w.reading_pane.height()
    finally:
        w.loader.shutdown()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_panel_tabs_of_a_narrow_window_keep_their_names(qtbot, window_in, language):
    """At 720 px (an 800x600 screen's first window) the four tabs under the questions read
    "Questi…", "The…", "Bookma…", "Sear…"."""
    from PySide6.QtWidgets import QTabBar

    w = window_in(language)
    settle(qtbot, w, 720, 540)
    w.build_parts()
    qtbot.wait(50)
    bars = [b for b in w.findChildren(QTabBar) if b.parent() is w and b.isVisible() and b.count() >= 4]
    assert bars
    for bar in bars:
        for i in range(bar.count()):
            assert bar.tabRect(i).width() >= bar.tabSizeHint(i).width() - 1, bar.tabText(i)
    assert w.reading_pane.width() >= 0.45 * w.width()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_settled_window_does_not_keep_laying_out_its_navigation_bar(qtbot, window_in, long_header, language):
    """Measuring an arrow in its other style sets that style for a moment, which asks for a new
    layout, whose pass measured again: at 1280 px the window laid itself out without end, some
    120 times a second idle and 1.5 ms of the GUI thread per file through a cold load."""
    w = window_in(language)
    _open(qtbot, w, long_header, (1280, 820))
    pane = w.reading_pane
    try:
        qtbot.wait(100)
        flips = []
        for b in (pane.prev_button, pane.next_button):
            real = b.setToolButtonStyle
            b.setToolButtonStyle = lambda style, real=real: (flips.append(style), real(style))
        qtbot.wait(300)
        assert flips == []
    finally:
        w.loader.shutdown()
