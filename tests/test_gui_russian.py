"""The main window in Russian (menus, docks, list header, dates, core messages), accessible
names, and keyboard access to every menu action in both languages."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QLocale, Qt  # noqa: E402
from PySide6.QtWidgets import QMenu  # noqa: E402

from kzreader.gui import i18n  # noqa: E402

LOAD_TIMEOUT = 20_000
DATED = ("date 2024-03-15\nАтом и степь\n\nБеседовала Анна Лебедева.\n\n— Когда начнётся стройка?\n\n"
         "— Весной. Это главное.\n\n— А кто будет строить?\n\n— Наши инженеры.\n")


def _menu_titles(w) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def _walk(menu: QMenu):
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield menu, action
        if action.menu() is not None:
            yield from _walk(action.menu())


def _all_menu_actions(w):
    for top in w.menuBar().actions():
        yield w.menuBar(), top
        yield from _walk(top.menu())


def test_window_in_russian(window_in, qtbot, tmp_path):
    w = window_in("ru")
    assert _menu_titles(w) == ["&Файл", "&Правка", "&Вид", "П&ереход", "&Справка"]
    docks = [w.interviews_dock, w.questions_dock, w.themes_dock, w.bookmarks_dock, w.search_dock, w.problems_dock]
    assert [d.windowTitle() for d in docks] == ["Интервью", "Вопросы", "Темы", "Закладки", "Поиск", "Проблемы"]
    header = w.interview_list.source_model
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Заголовок", "Собеседник", "Дата", "Издание"]
    assert w.open_files_action.text() == "&Открыть файлы…"
    assert w.find_action.text() == "&Найти в интервью…"

    # a dated interview and an empty file: the date in Russian form, the problem in Russian
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "atom.txt").write_text(DATED, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
        w.open_paths([str(folder)])
    proxy = w.interview_list.proxy
    assert proxy.rowCount() == 1
    assert proxy.index(0, 2).data() == "15.03.2024"
    qtbot.waitUntil(lambda: w.reading_pane.interview() is not None)
    assert "15 марта 2024" in w.reading_pane.meta_label.text()
    assert "беседовал(а) Анна Лебедева" in w.reading_pane.meta_label.text()
    assert w.reading_pane.position_label.text() == "Вопрос 1 из 2"
    assert w.status.count_label.text() == "1 интервью, не загружено: 1"
    problems = w.problems_view.model
    assert problems.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Ошибка"  # the severity icon's word
    assert problems.index(0, 2).data() == "файл пуст"
    assert w.problems_dock.windowTitle() == "Проблемы (1)"
    # the menu entry keeps its mnemonic although the dock title changed
    assert w.problems_dock.toggleViewAction().text() == "&Проблемы"


def test_filter_finds_the_date_as_shown_and_sorting_stays_iso(window_in, qtbot, tmp_path):
    w = window_in("ru")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(DATED, encoding="utf-8")
    (folder / "b.txt").write_text(DATED.replace("2024-03-15", "2023-12-01"), encoding="utf-8")
    (folder / "c.txt").write_text(DATED.replace("2024-03-15", "2024-01-20"), encoding="utf-8")
    with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
        w.open_paths([str(folder)])
    table = w.interview_list.table
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    proxy = w.interview_list.proxy
    # "01.12.2023" < "15.03.2024" < "20.01.2024" as text; by date it is Dec, Jan, Mar
    assert [proxy.index(r, 2).data() for r in range(3)] == ["01.12.2023", "20.01.2024", "15.03.2024"]
    w.interview_list.set_filter_text("20.01.2024")
    assert w.interview_list.visible_count() == 1
    w.interview_list.set_filter_text("2024-01-20")
    assert w.interview_list.visible_count() == 1


def test_shortcuts_dialog_and_qt_strings_in_russian(window_in):
    w = window_in("ru")
    rows = {(menu, action): keys for menu, action, keys in w.shortcut_rows()}
    assert rows[("Правка", "Найти в интервью…")] == "Ctrl+F"
    assert rows[("Вид", "Крупнее")].startswith("Ctrl+")
    assert rows[("Файл", "Открыть файлы…")] == "Ctrl+O"
    dialog = w.shortcuts_dialog()
    assert dialog.windowTitle() == "Сочетания клавиш"
    from PySide6.QtWidgets import QDialogButtonBox, QTableWidget

    table = dialog.findChild(QTableWidget)
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["Меню", "Действие", "Клавиши"]
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Закрыть"  # from Qt's own qtbase_ru


def test_english_is_the_source_language(window_in):
    w = window_in("en")
    assert _menu_titles(w) == ["&File", "&Edit", "&View", "&Go", "&Help"]
    assert w.interviews_dock.windowTitle() == "Interviews"
    assert QLocale().language() == QLocale.Language.English


def test_environment_overrides_the_setting(window_in, monkeypatch):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ru")
    w = window_in("en")
    assert _menu_titles(w)[0] == "&Файл"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_menu_action_is_reachable_by_keyboard(window_in, language):
    """Each entry has a shortcut or a mnemonic, and no two entries of one menu share a mnemonic
    (a shared one only moves the highlight instead of triggering)."""
    w = window_in(language)
    w.build_parts()  # the Edit menu is completed with them
    w.recent.add([str(w.data_dir)])  # a recent entry too
    w.recent.fill_menu()
    unreachable, clashes = [], []
    by_menu: dict[str, list[str]] = {}
    for menu, action in _all_menu_actions(w):
        text = action.text().replace("&&", "")
        keys = re.findall(r"&(\S)", text)
        if not keys and not action.shortcuts():
            unreachable.append(action.text())
        for k in keys:
            by_menu.setdefault(menu.title() if isinstance(menu, QMenu) else "", []).append(k.lower())
    for title, letters in by_menu.items():
        clashes += [(title, k) for k in set(letters) if letters.count(k) > 1]
    assert unreachable == []
    assert clashes == []


def test_standard_keys_where_qt_has_them(window_in):
    from PySide6.QtGui import QKeySequence

    w = window_in("en")
    std = QKeySequence.StandardKey
    pane = w.reading_pane
    for action, key in ((w.open_files_action, std.Open), (w.find_action, std.Find), (w.quit_action, std.Quit),
                        (pane.zoom_in_action, std.ZoomIn), (pane.zoom_out_action, std.ZoomOut),
                        (w.undo_action, std.Undo), (w.search.find_bar.find_next_action, std.FindNext)):
        for binding in QKeySequence.keyBindings(key):  # offscreen has none for Quit
            assert binding in action.shortcuts(), action.text()


def test_main_widgets_have_accessible_names(window_in):
    w = window_in("ru")
    pane = w.reading_pane
    find_bar = w.search.find_bar
    expected = {
        w.interview_list.table: "Список интервью",
        w.interview_list.filter_edit: "Фильтр интервью",
        pane: "Область чтения",
        pane.text: "Текст интервью",
        pane.navigator: "Вопросы",
        w.themes.sidebar.view: "Темы",
        w.search.panel.query_edit: "Поиск по всем интервью",
        w.search.panel.view: "Результаты поиска",
        w.bookmarks.panel.view: "Закладки",
        w.problems_view.table: "Проблемы",
        find_bar: "Панель поиска в интервью",
        find_bar.edit: "Найти в интервью",
        find_bar.previous_button: "Предыдущее совпадение",
        find_bar.next_button: "Следующее совпадение",
        find_bar.close_button: "Закрыть панель поиска",
    }
    assert [widget.accessibleName() for widget in expected] == list(expected.values())
    # toolbar buttons all show text, which is also what a screen reader says
    from PySide6.QtWidgets import QToolBar

    toolbar = w.findChild(QToolBar, "main_toolbar")
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    assert all(a.isSeparator() or a.text().strip() for a in toolbar.actions())


def test_bookmark_store_problems_in_russian(window_in, qtbot, tmp_path, monkeypatch):
    """A bookmark store that cannot be written: its notice in the Problems view and the error
    of a refused change in the status bar are in Russian, with the folder filled in."""
    from gui_helpers import read_only_bookmark_folder

    data = tmp_path / "data"
    read_only_bookmark_folder(monkeypatch, data)
    w = window_in("ru")
    w.build_parts()
    w.bookmarks.report_problems()
    problems = w.problems_view.model
    shown = [problems.index(r, 2).data() for r in range(problems.rowCount())]
    assert shown == [f"Закладки только для чтения: в папку {data} нельзя записывать (Read-only file system)."]
    assert w.bookmarks.panel.add_bookmark("iv", str(tmp_path / "a.txt"), "Текст интервью.", 0, 5) is None
    assert w.statusBar().currentMessage() == f"Закладки: {shown[0]}"
