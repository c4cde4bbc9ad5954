"""The interview list's columns share its width: the title stretches, the names and outlets
are as wide as their longest text within bounds, and a column the user sized keeps the
user's width, through resizes and new loads and into the next start."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui_helpers import open_and_wait  # noqa: E402
from kzreader.gui.library.interview_list import COL_INTERVIEWEE, COL_OUTLET, COL_TITLE  # noqa: E402

TEXT = "— Как вы оцениваете визит?\n\n— Визит укрепил доверие.\n\n— Что дальше?\n\n— Новые проекты.\n"
PEOPLE = [  # (file, interviewee, outlet)
    ("a", "Вячеслав Липницкий", "Kazpravda.kz"),
    ("b", "Ли Бо", "РИА"),
    ("c", "Самех Шукри", "ТАСС"),
]


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, who, outlet in PEOPLE:
        (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (folder / f"{name}.yaml").write_text(
            f"title: Интервью о визите и его значении для двух стран ({name})\n"
            f"interviewee: {who}\nsource: {outlet}\ndate: 2025-11-14\n", encoding="utf-8")
    return folder


def _open(qtbot, w, folder, size):
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    open_and_wait(qtbot, w, [folder])
    qtbot.wait(50)  # the docks are fitted after the resize, on the next turn of the loop


def _text_width(table, text):
    return table.fontMetrics().horizontalAdvance(text)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_at_1920_px_names_and_outlets_show_whole_and_the_title_has_the_rest(qtbot, window_in, folder, language):
    w = window_in(language)
    _open(qtbot, w, folder, (1920, 1080))
    table = w.interview_list.table
    header = table.horizontalHeader()
    # the columns kept fixed widths made for "Александр Бобров" and "Kazpravda": the longer
    # name was cut, and the outlet column did not show at all
    assert not header.isSectionHidden(COL_INTERVIEWEE) and not header.isSectionHidden(COL_OUTLET)
    assert header.sectionSize(COL_INTERVIEWEE) > _text_width(table, "Вячеслав Липницкий")
    assert header.sectionSize(COL_OUTLET) > _text_width(table, "Kazpravda.kz")
    inner = table.viewport().width()
    assert header.sectionSize(COL_TITLE) >= 0.4 * inner - 1
    shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert abs(shown - inner) <= 2  # the title takes what the others leave, no more, no less


def test_a_very_long_name_does_not_take_the_titles_room(qtbot, window_in, folder):
    (folder / "a.yaml").write_text(
        "title: Интервью\ninterviewee: Александра Владимировна Степанова-Кругликова, посол по особым поручениям\n"
        "source: Kazpravda.kz\n", encoding="utf-8")
    w = window_in("ru")
    _open(qtbot, w, folder, (1920, 1080))
    table = w.interview_list.table
    header = table.horizontalHeader()
    inner = table.viewport().width()
    assert header.sectionSize(COL_INTERVIEWEE) <= 0.25 * inner
    assert header.sectionSize(COL_TITLE) >= 0.4 * inner - 1


def _drag_divider(header, col, dx):
    """Drag the right edge of ``col`` by ``dx`` pixels, as a user does with the mouse."""
    x = header.sectionViewportPosition(col) + header.sectionSize(col) - 1
    y = header.height() / 2
    target = header.viewport()

    def send(kind, px, buttons):
        event = QMouseEvent(kind, QPointF(px, y), target.mapToGlobal(QPointF(px, y)), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, event)

    send(QEvent.Type.MouseMove, x, Qt.MouseButton.NoButton)
    send(QEvent.Type.MouseButtonPress, x, Qt.MouseButton.LeftButton)
    for step in range(1, 5):
        send(QEvent.Type.MouseMove, x + dx * step / 4, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, x + dx, Qt.MouseButton.NoButton)


def test_a_column_the_user_sized_keeps_its_width_and_is_remembered(qtbot, window_in, folder, tmp_path):
    from kzreader.gui.main_window import MainWindow

    w = window_in("en")
    _open(qtbot, w, folder, (1920, 1080))
    header = w.interview_list.table.horizontalHeader()
    auto = header.sectionSize(COL_INTERVIEWEE)
    _drag_divider(header, COL_INTERVIEWEE, 40)
    wanted = header.sectionSize(COL_INTERVIEWEE)
    assert abs(wanted - (auto + 40)) <= 2
    # a narrower and a wider window, and a load with other names, leave the user's width
    w.resize(1400, 900)
    qtbot.wait(50)
    w.resize(1920, 1080)
    qtbot.wait(50)
    open_and_wait(qtbot, w, [folder / "b.txt"])
    qtbot.wait(50)
    assert header.sectionSize(COL_INTERVIEWEE) == wanted
    w.save_state()
    w.loader.shutdown()

    again = MainWindow(w.settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(again)
    _open(qtbot, again, folder, (1920, 1080))
    try:
        assert again.interview_list.table.horizontalHeader().sectionSize(COL_INTERVIEWEE) == wanted
    finally:
        again.loader.shutdown()
