"""The window at 800x600 and 1920x1080: side panels become one column of tabs when narrow and
take their share back when wide; no list scrolls sideways; search hits and bookmarks are two
lines (where, then what)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractScrollArea  # noqa: E402

from gui_helpers import make_window, open_and_wait  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


def settle(qtbot, w, width, height):
    w.resize(width, height)
    qtbot.wait(50)  # the docks are fitted after the resize, on the next turn of the loop
    w.layout().activate()


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    open_and_wait(qtbot, w, [SAMPLES])
    yield w
    w.loader.shutdown()


def test_narrow_window_puts_the_side_panels_in_one_column_and_wide_gives_them_back(qtbot, window):
    w = window
    side = [w.themes_dock, w.bookmarks_dock, w.search_dock]
    assert all(w.dockWidgetArea(d) == RIGHT for d in side)
    settle(qtbot, w, 800, 600)
    assert all(w.dockWidgetArea(d) == LEFT for d in side)
    # one column of readable width, not slivers on both sides
    assert w.interviews_dock.width() >= 0.3 * w.width()
    assert w.reading_pane.width() >= 0.5 * w.width()
    tabbed = set(w.tabifiedDockWidgets(w.questions_dock))
    assert set(side) <= tabbed
    settle(qtbot, w, 1920, 1080)
    assert all(w.dockWidgetArea(d) == RIGHT for d in side)
    # each side column has its share of the wide window again
    assert w.interviews_dock.width() >= 0.25 * w.width()
    assert w.themes_dock.width() >= 0.18 * w.width()


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_no_list_scrolls_sideways(qtbot, window, size):
    w = window
    settle(qtbot, w, *size)
    w.bookmarks.bookmark_selection()
    w.search.show_search()
    w.search.panel.query_edit.setText("энергетической")
    qtbot.wait(400)
    views = [w.interview_list.table, w.reading_pane.navigator, w.search.panel.view, w.bookmarks.panel.view,
             w.themes.sidebar.view]
    for view in views:
        assert isinstance(view, QAbstractScrollArea)
        assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff, view.objectName()
    # the interview list keeps its title readable: lesser columns go first
    table = w.interview_list.table
    header = table.horizontalHeader()
    assert not header.isSectionHidden(0)
    assert header.sectionSize(0) >= table.fontMetrics().horizontalAdvance("M" * 8)
    shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert shown <= table.viewport().width() + 1


def test_search_hits_and_bookmarks_say_where_and_what_on_two_lines(qtbot, window):
    from kzreader.gui.bookmarks.bookmarks_model import WHERE_ROLE as BOOKMARK_WHERE
    from kzreader.gui.search.search_panel import SNIPPET_MARKS_ROLE, SNIPPET_ROLE, WHERE_ROLE

    w = window
    w.reading_pane.go_to(2)
    w.bookmarks.bookmark_selection()
    panel = w.bookmarks.panel
    index = panel.view.model().index(0, 0)
    iv = w.reading_pane.interview()
    assert index.data(BOOKMARK_WHERE) == f"{iv.display_title} · question 2"
    line = panel.view.fontMetrics().lineSpacing()
    assert panel.view.rowHeight(0) >= 2 * line  # where, then the quote

    w.search.show_search()
    with qtbot.waitSignal(w.search.panel.results_changed, timeout=3000):
        w.search.panel.query_edit.setText("энергетической")
    model = w.search.panel.model
    group = model.index(0, 0)
    hit = model.index(0, 0, group)
    assert hit.data(WHERE_ROLE).startswith("Question ") or hit.data(WHERE_ROLE) == "Lead"
    snippet, marks = hit.data(SNIPPET_ROLE), hit.data(SNIPPET_MARKS_ROLE)
    assert marks and all(snippet[a:b].lower().startswith("энергетическ") for a, b in marks)
    assert w.search.panel.view.visualRect(hit).height() >= 2 * line


def test_the_snippet_is_cut_so_the_match_sits_in_the_middle():
    from kzreader.gui.search.hit_delegate import centred_cut

    text = "один два три четыре пять шесть семь восемь девять десять МАТЧ конец"
    first = text.index("МАТЧ")
    # room for 20 characters before the match: the cut starts at a word within them
    cut = centred_cut(text, first, lambda before: len("…" + before) <= 20)
    assert cut > 0 and len("…" + text[cut:first]) <= 20 and text[cut - 1] == " "
    assert centred_cut(text, first, lambda before: True) == 0  # everything fits: no cut


def test_a_snippet_too_long_for_the_row_ends_at_a_word_with_an_ellipsis():
    from kzreader.gui.search.hit_delegate import fitting_end

    text = "один два три четыре пять шесть семь"
    end = fitting_end(text, lambda t: len(t) <= 16)
    assert text[:end] == "один два три" and len(text[:end] + "…") <= 16
    assert fitting_end(text, lambda t: True) == len(text)  # it fits: nothing cut
    # one long word with no space in reach: cut inside it rather than show nothing
    assert fitting_end("абвгдежзийклмн", lambda t: len(t) <= 6) == 5


def _problems(n: int):
    from kzreader.core.model import Problem

    return [Problem(f"/corpus/folder/{i:02}_a_rather_long_interview_file_name.txt",
                    "undecodable bytes shown as \ufffd at line 189", "warning") for i in range(n)]


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_the_problem_message_gets_most_of_the_problems_table(qtbot, window, size):
    from kzreader.gui.library.problems_view import COL_FILE, COL_MESSAGE

    w = window
    w.problems_view.append(_problems(6))
    settle(qtbot, w, *size)
    qtbot.wait(50)
    table = w.problems_view.table
    header = table.horizontalHeader()
    width = table.viewport().width()
    # at 800x600 the file column (a fixed 240 px) left the message about a third of the table
    assert header.sectionSize(COL_MESSAGE) >= 0.5 * width, (header.sectionSize(COL_MESSAGE), width)
    assert header.sectionSize(COL_FILE) >= 90
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle  # the name's extension stays
    # the severity is an icon: "Предупреждение" took 120 px of an 800 px window's table
    from kzreader.gui.library.problems_view import COL_SEVERITY

    assert header.sectionSize(COL_SEVERITY) <= 40, header.sectionSize(COL_SEVERITY)


def test_a_file_column_the_user_sized_keeps_its_width(qtbot, window):
    from kzreader.gui.library.problems_view import COL_FILE

    w = window
    w.problems_view.append(_problems(2))
    settle(qtbot, w, 1280, 800)
    header = w.problems_view.table.horizontalHeader()
    header.resizeSection(COL_FILE, 150)  # as a drag of the section's edge does
    settle(qtbot, w, 1600, 900)
    assert header.sectionSize(COL_FILE) == 150


LONG_QUESTION = ("Как вы оцениваете нынешнее состояние энергетического сотрудничества между нашими "
                 "странами, какие проекты в нефтегазовой отрасли, электроэнергетике и атомной энергетике "
                 "вы считаете главными на ближайшие пять лет, и что, по вашему мнению, мешает им "
                 "развиваться быстрее: тарифы, логистика, нехватка инвестиций или что-то другое?") * 2


def test_questions_show_their_text_on_three_lines_when_there_is_room(qtbot, window, tmp_path):
    w = window
    (tmp_path / "long.txt").write_text(
        "Интервью с экономистом Айгуль Сериковой.\n\n— " + LONG_QUESTION + "\n\n— Ответ на вопрос.\n\n"
        "— Короткий вопрос?\n\n— Короткий ответ.\n", encoding="utf-8")
    open_and_wait(qtbot, w, [tmp_path / "long.txt"])
    w.interview_list.select_row(0)
    nav = w.reading_pane.navigator
    item = nav.item(0)
    # the whole question is the item's text (it was cut at 80 characters: one line at 1920 px)
    assert item.text().startswith("1. " + LONG_QUESTION[:300])
    line = nav.fontMetrics().lineSpacing()
    settle(qtbot, w, 1920, 1080)
    qtbot.wait(50)
    assert nav.height() >= 320
    height = nav.visualItemRect(item).height()
    assert 3 * line <= height < 4 * line, (height, line)
    settle(qtbot, w, 800, 600)  # a short list: two lines a question, so several still show
    w.questions_dock.raise_()
    qtbot.wait(50)
    assert nav.height() < 320
    height = nav.visualItemRect(item).height()
    assert 2 * line <= height < 3 * line, (height, line)


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_the_search_scope_shows_its_choice_where_there_is_room(qtbot, window, size):
    w = window
    w.search.show_search()
    settle(qtbot, w, *size)
    qtbot.wait(50)
    panel = w.search.panel
    combo = panel.scope_combo
    from PySide6.QtWidgets import QComboBox

    natural = QComboBox()  # the same choices in a combo sized to its contents, as Qt sizes it
    natural.addItems([combo.itemText(i) for i in range(combo.count())])
    natural.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    if size[0] >= 1000:
        # it was six letters wide however wide the dock, "All interviews" cut to "All interview"
        assert combo.width() >= natural.sizeHint().width(), (combo.width(), natural.sizeHint().width())
    # and a narrow dock is not widened by it: the panel fits the dock
    scroll = panel.parentWidget().parentWidget()
    assert not scroll.horizontalScrollBar().isVisible()
    assert combo.geometry().right() <= panel.width()


def test_the_bookmark_filters_show_their_choices_in_a_narrow_dock(qtbot, window):
    from PySide6.QtWidgets import QComboBox

    w = window
    settle(qtbot, w, 800, 600)
    w.bookmarks_dock.raise_()
    qtbot.wait(50)
    panel = w.bookmarks.panel
    for combo in (panel.tag_combo, panel.sort_combo):
        natural = QComboBox()
        natural.addItem(combo.currentText())
        natural.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # three combos in one row of the narrow dock cut these to "All ta" and "By pos"
        assert combo.width() >= natural.sizeHint().width(), (combo.currentText(), combo.width())
    assert panel.interview_combo.width() >= panel.tag_combo.width()


def test_preferences_open_wide_enough_for_a_citation_template(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from kzreader.gui.preferences import PreferencesDialog

    dialog = PreferencesDialog(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    # it opened at its size hint, about 490 px: the template showed only its last third
    assert dialog.width() >= min(680, int(screen.width() * 0.9)) - 1
    edit = dialog.template_edit
    assert edit.cursorPosition() == 0  # the start shows (it showed the end)
    dialog.style_combo.setCurrentIndex(1)
    assert edit.text() and edit.cursorPosition() == 0


@pytest.mark.parametrize("size", [(800, 600), (1280, 820), (1920, 1080)])
def test_the_title_keeps_two_fifths_of_the_interview_list(qtbot, window, size):
    from kzreader.gui.library.interview_list import COL_DATE, COL_INTERVIEWEE, COL_OUTLET, COL_QUESTIONS, COL_TITLE

    w = window
    settle(qtbot, w, *size)
    qtbot.wait(50)
    table = w.interview_list.table
    header = table.horizontalHeader()
    # at 1280x820 the title had 30% (about 15 letters) beside four lesser columns
    assert header.sectionSize(COL_TITLE) >= 0.4 * table.viewport().width() - 1
    empty = w.interview_list.source_model.empty_columns()
    shown = [not header.isSectionHidden(c) for c in (COL_INTERVIEWEE, COL_DATE, COL_QUESTIONS, COL_OUTLET)
             if c not in empty]
    assert shown == sorted(shown, reverse=True)  # a lesser column never in place of a worthier one
    assert shown[0]  # the interviewee always fits beside the title


def test_a_bookmark_shows_its_note_and_tags_under_the_quote(qtbot, window):
    from kzreader.gui.bookmarks.bookmarks_model import NOTE_ROLE

    w = window
    w.reading_pane.go_to(2)
    bid = w.bookmarks.bookmark_selection()
    panel = w.bookmarks.panel
    view = panel.view
    line = view.fontMetrics().lineSpacing()
    index = view.model().index(0, 0)
    assert index.data(NOTE_ROLE) is None  # neither note nor tags: no third line
    plain = view.rowHeight(0)
    panel.edit_note(bid, "сроки важны", ["энергия", "сроки"])
    qtbot.wait(50)
    index = view.model().index(0, 0)
    # the list showed only where and the quote: a note was seen only in the edit dialog
    assert index.data(NOTE_ROLE) == "Note: сроки важны · Tags: энергия, сроки"
    view.resizeRowsToContents()
    assert view.rowHeight(0) >= plain + line



def test_a_column_no_interview_has_a_value_in_is_hidden(qtbot, window, tmp_path):
    from kzreader.gui.library.interview_list import COL_DATE, COL_TITLE

    w = window
    settle(qtbot, w, 800, 600)
    header = w.interview_list.table.horizontalHeader()
    assert not header.isSectionHidden(COL_DATE)  # the samples have dates
    (tmp_path / "a.txt").write_text("Интервью с экономистом Айгуль Сериковой.\n\n— Вопрос?\n\n— Ответ.\n",
                                    encoding="utf-8")
    open_and_wait(qtbot, w, [tmp_path / "a.txt"])
    qtbot.wait(50)
    assert w.interview_list.visible_count() == 1
    # a corpus without dates kept an empty Date column (85 px of an 800 px window's list)
    assert header.isSectionHidden(COL_DATE)
    title = header.sectionSize(COL_TITLE)
    (tmp_path / "b.txt").write_text("date 2024-03-15\nИнтервью с Анной.\n\n— Вопрос?\n\n— Ответ.\n",
                                    encoding="utf-8")
    open_and_wait(qtbot, w, [tmp_path])
    qtbot.wait(50)
    assert not header.isSectionHidden(COL_DATE)  # a date came: the column is back
    assert header.sectionSize(COL_TITLE) < title
