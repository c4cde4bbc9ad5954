"""The theme sidebar, the theme editor and the theme map (pytest-qt)."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from kzreader.core.model import Exchange, Interview, Paragraph, Turn  # noqa: E402
from kzreader.core.themes.lexicon import Lexicon, Theme  # noqa: E402
from kzreader.core.themes.matching import ThemeIndex  # noqa: E402
from kzreader.core.themes.themes import tag_corpus  # noqa: E402
from kzreader.gui.themes.theme_editor import ThemeEditorDialog  # noqa: E402
from kzreader.gui.themes.theme_map import (  # noqa: E402
    INTENSITY_ROLE,
    MODE_SHARE,
    ThemeMapDialog,
    ThemeMapWidget,
)
from kzreader.gui.themes.theme_sidebar import (  # noqa: E402
    CORPUS_COUNT_ROLE,
    INTERVIEW_COUNT_ROLE,
    THEME_ID_ROLE,
    ThemeSidebar,
)


def _iv(iid: str, title: str, *pairs: tuple[str, str]) -> Interview:
    exs = []
    pos = 0
    for n, (q, a) in enumerate(pairs, 1):
        qp = Paragraph(pos, pos + len(q), q)
        pos += len(q) + 2
        ap = Paragraph(pos, pos + len(a), a)
        pos += len(a) + 2
        exs.append(Exchange(n, Turn("question", (qp,)), Turn("answer", (ap,))))
    return Interview(id=iid, path=f"/x/{iid}.txt", title=title, exchanges=tuple(exs))


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load_default()


@pytest.fixture(scope="module")
def corpus():
    # by the rule (>= 2 in the exchange or >= 1 in the question), counted by hand:
    # a: energy in 1 and 2, transport in 2 and 3; b: energy in 1; c: education in 1
    return [
        _iv("a", "Alpha",
            ("Что с газом?", "Всё хорошо."),
            ("А нефть и транзит?", "Транзит растёт."),
            ("Коридоры?", "Нужны новые."),
            ("Погода?", "Тепло.")),
        _iv("b", "Beta", ("Атомная станция?", "Строится.")),
        _iv("c", "Gamma", ("Как вузы?", "Учат."), ("А дальше?", "Посмотрим.")),
    ]


@pytest.fixture(scope="module")
def counts(lexicon, corpus):
    return tag_corpus(ThemeIndex(lexicon), corpus)


def test_the_corpus_is_tagged_as_counted_by_hand(counts):
    assert counts.count("energy") == 3
    assert counts.count("transport_logistics") == 2
    assert counts.count("education_science") == 1
    assert counts.count("energy", "a") == 2


# -- sidebar ------------------------------------------------------------------------------

@pytest.fixture
def sidebar(qtbot, lexicon, counts):
    w = ThemeSidebar(lexicon, counts, language="en")
    qtbot.addWidget(w)
    w.resize(320, 480)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_sidebar_model_passes_the_model_tester(qtmodeltester, sidebar):
    qtmodeltester.check(sidebar.model)


def test_widgets_start_empty(qtbot, qtmodeltester):
    sidebar = ThemeSidebar()
    qtbot.addWidget(sidebar)
    assert sidebar.model.rowCount() == 0 and sidebar.selected_theme_ids() == []
    qtmodeltester.check(sidebar.model)
    empty_map = ThemeMapWidget()
    qtbot.addWidget(empty_map)
    assert empty_map.model.rowCount() == 0 and empty_map.model.columnCount() == 1
    qtmodeltester.check(empty_map.model)


def test_sidebar_counts_equal_the_cores(sidebar, lexicon, counts):
    m = sidebar.model
    assert m.rowCount() == len(lexicon.themes)
    for row, theme in enumerate(lexicon.themes):
        idx = m.index(row)
        assert idx.data(THEME_ID_ROLE) == theme.id
        assert idx.data(CORPUS_COUNT_ROLE) == counts.count(theme.id)
        assert idx.data(INTERVIEW_COUNT_ROLE) == 0
    sidebar.set_current_interview("a")
    for row, theme in enumerate(lexicon.themes):
        assert m.index(row).data(INTERVIEW_COUNT_ROLE) == counts.count(theme.id, "a")
    energy = m.index(m.row_of("energy"))
    # the whole name, then the counts said in words
    assert energy.data() == "Energy and nuclear power\u20283 questions, 2 in this interview"
    # the swatch keeps the theme's colour when its row is selected
    from PySide6.QtGui import QColor, QIcon

    icon = energy.data(Qt.ItemDataRole.DecorationRole)
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
        assert QColor(icon.pixmap(16, 16, mode).toImage().pixel(8, 8)).name() == lexicon.get("energy").colour
    sidebar.set_current_interview(None)
    assert energy.data() == "Energy and nuclear power\u20283 questions"


def _click_row(qtbot, sidebar, theme_id, modifier=Qt.KeyboardModifier.NoModifier):
    idx = sidebar.model.index(sidebar.model.row_of(theme_id))
    rect = sidebar.view.visualRect(idx)
    qtbot.mouseClick(sidebar.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_selecting_themes_emits_their_ids_and_clear_restores(qtbot, sidebar):
    with qtbot.waitSignal(sidebar.selection_changed) as blocker:
        _click_row(qtbot, sidebar, "transport_logistics")
    assert blocker.args == [["transport_logistics"]]
    with qtbot.waitSignal(sidebar.selection_changed) as blocker:
        _click_row(qtbot, sidebar, "energy", Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [["energy", "transport_logistics"]]  # lexicon order
    with qtbot.waitSignal(sidebar.selection_changed) as blocker:
        qtbot.mouseClick(sidebar.clear_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[]]
    assert sidebar.selected_theme_ids() == []


def test_new_lexicon_keeps_the_selection_of_surviving_themes(qtbot, sidebar, lexicon, corpus):
    sidebar.set_selected_theme_ids(["energy", "security"])
    assert sidebar.selected_theme_ids() == ["energy", "security"]
    smaller = Lexicon(tuple(t for t in lexicon.themes if t.id != "security"))
    with qtbot.waitSignal(sidebar.selection_changed) as blocker:
        sidebar.set_lexicon_counts(smaller, tag_corpus(smaller, corpus))
    assert blocker.args == [["energy"]]
    # same ids again: nothing to report
    with qtbot.assertNotEmitted(sidebar.selection_changed):
        sidebar.set_lexicon_counts(smaller, tag_corpus(smaller, corpus))
    assert sidebar.selected_theme_ids() == ["energy"]


def test_edit_themes_button_opens_the_editor_and_reports_the_edit(qtbot, sidebar, lexicon):
    dialog = sidebar.open_editor()
    qtbot.waitExposed(dialog)
    assert dialog.list.count() == len(lexicon.themes)
    dialog.list.setCurrentRow(lexicon.ids.index("energy"))
    dialog.name_en_edit.setText("Energy")
    dialog.keywords_edit.setPlainText("газ\nнефть\nводород")
    with qtbot.waitSignal(sidebar.lexicon_edited) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    themes = blocker.args[0]
    assert [t.id for t in themes] == list(lexicon.ids)
    energy = next(t for t in themes if t.id == "energy")
    assert energy.name_en == "Energy"
    assert energy.keywords == ("газ", "нефть", "водород")
    assert energy.colour == lexicon.get("energy").colour
    assert Lexicon(tuple(themes)).differing_from(lexicon) == (energy,)


# -- editor -------------------------------------------------------------------------------

def test_editor_adds_a_theme_and_refuses_invalid_input(qtbot, lexicon):
    d = ThemeEditorDialog(lexicon.themes[:2], language="en")
    qtbot.addWidget(d)
    d.show()
    added = d.add_theme()
    assert d.list.currentRow() == 2
    assert not d.id_edit.isReadOnly()  # a new theme's id can still be chosen
    d.id_edit.setText("space")
    d.name_ru_edit.setText("Космос")
    d.colour_edit.setText("blue")
    d.keywords_edit.setPlainText("космодром\n\n Байконур \n")
    d.phrases_edit.setPlainText("космический комплекс")
    d.accept()
    assert d.result() == 0 and d.isVisible()  # refused
    assert "#rrggbb" in d.error_label.text()
    d.colour_edit.setText("#1f77b4")
    with qtbot.waitSignal(d.accepted):
        d.accept()
    themes = d.themes()
    assert themes[:2] == list(lexicon.themes[:2])
    assert themes[2] == Theme("space", "Космос", "", "#1f77b4", ("космодром", "Байконур"),
                              ("космический комплекс",))
    assert added.id == "theme_1"


def test_editor_keeps_edits_when_switching_themes(qtbot, lexicon):
    d = ThemeEditorDialog(lexicon.themes[:3], language="en")
    qtbot.addWidget(d)
    assert d.id_edit.isReadOnly()  # existing ids are fixed
    d.colour_edit.setText("#000000")
    d.list.setCurrentRow(2)
    d.list.setCurrentRow(0)
    assert d.colour_edit.text() == "#000000"
    assert d.themes()[0].colour == "#000000"
    assert d.themes()[1:] == list(lexicon.themes[1:3])


def test_editor_opens_large_enough(qtbot, lexicon):
    d = ThemeEditorDialog(lexicon.themes, language="ru")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    screen = d.screen().availableGeometry()
    # it opened at its size hint, about 530 px wide, with the fields a third of that
    assert d.width() >= min(900, int(screen.width() * 0.9)) - 1
    assert d.list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert d.list.item(0).toolTip() == d.list.item(0).text()  # an elided name can still be read
    assert d.name_ru_edit.cursorPosition() == 0  # the name's start shows, not its end


@pytest.mark.parametrize("size", [(720, 540), (900, 640)])
def test_a_long_phrase_wraps_as_one_entry_and_the_box_never_scrolls_sideways(qtbot, lexicon, size):
    d = ThemeEditorDialog(lexicon.themes, language="ru")
    qtbot.addWidget(d)
    d.show()
    d.resize(*size)  # 720x540: the dialog on an 800x600 screen
    qtbot.waitExposed(d)
    long = "стратегическое всеобъемлющее партнёрство двух государств на долгосрочной основе"
    edit = d.phrases_edit
    edit.setPlainText(long + "\nдругая фраза")
    qtbot.wait(20)
    assert edit.fontMetrics().horizontalAdvance(long) > edit.viewport().width()  # too long for one line
    # with wrapping off the box scrolled sideways and hid the phrase's end
    assert edit.horizontalScrollBar().maximum() == 0
    first = edit.document().firstBlock()
    lines = first.layout().lineCount()
    assert lines >= 2
    # its further lines indented: one entry, not two (the next entry starts at the margin)
    first_x = first.layout().lineAt(0).x()
    assert all(first.layout().lineAt(i).x() > first_x + 5 for i in range(1, lines))
    assert first.next().layout().lineAt(0).x() == first_x
    # Enter makes a new entry, laid out the same way
    from PySide6.QtGui import QTextCursor

    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.insertPlainText("exclusive economic zone of the two neighbouring states and of their shared waters")
    qtbot.wait(20)
    last = edit.document().lastBlock()
    assert last.layout().lineCount() >= 2 and last.layout().lineAt(1).x() > first_x + 5
    d.list.setCurrentRow(1)  # the form is kept when another theme is chosen
    assert d.themes()[0].phrases == (long, "другая фраза",
                                     "exclusive economic zone of the two neighbouring states and of their shared waters")


# -- theme map ------------------------------------------------------------------------------

@pytest.fixture
def theme_map(qtbot, lexicon, counts, corpus):
    w = ThemeMapWidget(lexicon, counts, corpus, language="en")
    qtbot.addWidget(w)
    w.resize(1400, 400)
    w.show()
    qtbot.waitExposed(w)
    return w


def _column(lexicon, theme_id):
    return 1 + lexicon.ids.index(theme_id)


def _row_titles(w):
    return [w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount())]


def test_map_model_passes_the_model_tester(qtmodeltester, theme_map):
    qtmodeltester.check(theme_map.model)
    theme_map.set_mode(MODE_SHARE)
    qtmodeltester.check(theme_map.model)


def test_map_shows_counts_and_shares(theme_map, lexicon):
    m = theme_map.model
    e = _column(lexicon, "energy")
    assert [m.index(r, e).data() for r in range(3)] == ["2", "1", "0"]
    assert m.index(0, e).data(INTENSITY_ROLE) == 1.0  # the map's maximum
    assert m.index(1, e).data(INTENSITY_ROLE) == 0.5
    theme_map.set_mode(MODE_SHARE)
    assert theme_map.mode() == MODE_SHARE
    assert [m.index(r, e).data() for r in range(3)] == ["50%", "100%", "0%"]
    assert m.headerData(e, Qt.Orientation.Horizontal) == "Energy and nuclear power"


def test_map_draws_zeros_faint(qtbot, theme_map, lexicon):
    m = theme_map.model
    e = _column(lexicon, "energy")
    assert [m.index(r, e).data() for r in range(3)] == ["2", "1", "0"]
    image = theme_map.view.viewport().grab().toImage()

    def darkest(row):  # the cell's text: its darkest pixel
        rect = theme_map.view.visualRect(theme_map.proxy.index(row, e))
        return min(image.pixelColor(x, y).lightnessF() for x in range(rect.left() + 2, rect.right() - 1)
                   for y in range(rect.top() + 2, rect.bottom() - 1))

    # a grid of black zeros hid the few cells that carry a theme
    assert darkest(2) > darkest(1) + 0.2


def test_map_sorts_by_clicking_a_column_header(qtbot, theme_map, lexicon):
    assert _row_titles(theme_map) == ["Alpha", "Beta", "Gamma"]
    header = theme_map.view.horizontalHeader()
    col = _column(lexicon, "education_science")
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    click = QPoint(x, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _row_titles(theme_map) == ["Alpha", "Beta", "Gamma"]  # 0, 0, 1 (stable for ties)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _row_titles(theme_map) == ["Gamma", "Alpha", "Beta"]
    # share mode re-sorts by shares: Beta's single exchange is all energy
    theme_map.set_mode(MODE_SHARE)
    theme_map.view.sortByColumn(_column(lexicon, "energy"), Qt.SortOrder.DescendingOrder)
    assert _row_titles(theme_map) == ["Beta", "Alpha", "Gamma"]
    theme_map.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _row_titles(theme_map) == ["Gamma", "Beta", "Alpha"]


def test_clicking_a_cell_emits_interview_and_theme(qtbot, theme_map, lexicon):
    theme_map.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # Gamma, Beta, Alpha
    idx = theme_map.proxy.index(1, _column(lexicon, "energy"))
    rect = theme_map.view.visualRect(idx)
    with qtbot.waitSignal(theme_map.cell_activated) as blocker:
        qtbot.mouseClick(theme_map.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["b", "energy"]
    # Return on the current cell does the same
    theme_map.view.setCurrentIndex(theme_map.proxy.index(2, _column(lexicon, "transport_logistics")))
    with qtbot.waitSignal(theme_map.cell_activated) as blocker:
        qtbot.keyClick(theme_map.view, Qt.Key.Key_Return)
    assert blocker.args == ["a", "transport_logistics"]
    # the title column is no theme
    rect = theme_map.view.visualRect(theme_map.proxy.index(0, 0))
    with qtbot.assertNotEmitted(theme_map.cell_activated):
        qtbot.mouseClick(theme_map.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_save_png_writes_a_valid_image(theme_map, tmp_path):
    path = tmp_path / "map.png"
    assert theme_map.save_png(str(path))
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    img = QImage(str(path))
    assert not img.isNull()
    assert img.width() == theme_map.view.width() and img.height() == theme_map.view.height()


def test_map_dialog_forwards_cell_activation(qtbot, lexicon, counts, corpus):
    d = ThemeMapDialog(lexicon, counts, corpus, language="en")
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.cell_activated) as blocker:
        d.map.cell_activated.emit("c", "education_science")
    assert blocker.args == ["c", "education_science"]


def test_map_has_every_theme_in_view_one_colour_scale_and_totals(qtbot, lexicon, counts, corpus):
    from kzreader.gui.themes.theme_map import SCALE_COLOUR, TOTAL_ROLE, ThemeMapDialog

    dialog = ThemeMapDialog(lexicon, counts, corpus, language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.map.view
    header = view.horizontalHeader()
    assert header.count() == 1 + len(lexicon.themes)
    # every theme column lies inside the view: none needs scrolling to
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(header.count()))
    assert right <= view.viewport().width() + 1
    # totals counted by hand (see corpus): energy 3, transport 2, education 1
    m = dialog.map.model
    assert m.headerData(_column(lexicon, "energy"), Qt.Orientation.Horizontal, TOTAL_ROLE) == 3
    assert m.headerData(_column(lexicon, "transport_logistics"), Qt.Orientation.Horizontal, TOTAL_ROLE) == 2
    assert "Energy and nuclear power 3" in dialog.map.totals_label.text()
    # the same value paints the same colour in any column
    image = view.viewport().grab().toImage()
    def colour_of(row, col):
        rect = view.visualRect(dialog.map.proxy.index(row, col))
        return image.pixelColor(rect.left() + 3, rect.top() + 3).name()
    e, ed = _column(lexicon, "energy"), _column(lexicon, "education_science")
    rows = {m.index(r, 0).data(): r for r in range(3)}
    # Beta has 1 energy exchange, Gamma 1 education exchange
    assert m.index(rows["Beta"], e).data() == "1" and m.index(rows["Gamma"], ed).data() == "1"
    assert colour_of(rows["Beta"], e) == colour_of(rows["Gamma"], ed)
    assert SCALE_COLOUR.isValid()


def test_empty_search_panel_explains_the_syntax(qtbot):
    from kzreader.gui.search.search_panel import SearchPanel

    panel = SearchPanel(None)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.help_label.isVisible() and '"quoted words"' in panel.help_label.text()
    panel.query_edit.setText("газ")
    qtbot.waitUntil(lambda: not panel.help_label.isVisible(), timeout=2000)


def test_problems_wrap_their_messages(qtbot):
    from kzreader.core.model import Problem
    from kzreader.gui.library.problems_view import ProblemsView

    view = ProblemsView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    view.append([Problem("/c/a.txt", "a very long message " * 12, "error")])
    qtbot.wait(10)
    table = view.table
    assert table.wordWrap()
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()


def test_sidebar_says_one_question_in_the_singular(sidebar, lexicon, counts):
    m = sidebar.model
    sidebar.set_current_interview("a")
    ones = [m.index(r) for r in range(m.rowCount()) if m.index(r).data(CORPUS_COUNT_ROLE) == 1]
    assert ones, "the fixture should have a theme found in one question"
    for idx in ones:
        assert "\u20281 question, " in idx.data(), idx.data()
    sidebar.set_current_interview(None)
    assert all(idx.data().endswith("\u20281 question") for idx in ones)


def test_map_dialog_fits_a_small_screen_with_every_theme_in_view(qtbot, lexicon, counts, corpus):
    """It opened at 1200x640 whatever the screen, so on 800x600 its right part was off the
    screen; now it stays within the screen and narrows the interview column to keep every
    theme column in view."""
    from kzreader.gui.themes.theme_map import ThemeMapDialog

    dialog = ThemeMapDialog(lexicon, counts, corpus, language="en")
    qtbot.addWidget(dialog)
    screen = dialog.screen().availableGeometry()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    view = dialog.map.view
    header = view.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(header.count()))
    assert right <= view.viewport().width() + 1
    assert 100 <= header.sectionSize(0) <= 220
    if screen.width() < 1000:  # offscreen's screen is 800x600: the column had to give way
        assert header.sectionSize(0) < 220
