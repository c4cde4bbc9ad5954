"""The bookmarks panel: listing, search and filters, edit/delete with undo, jumping, review."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent, QUndoStack  # noqa: E402

from kzreader.core.annotations.bookmark import STATUS_NEEDS_REVIEW  # noqa: E402
from kzreader.core.annotations.bookmarks import BookmarkStore  # noqa: E402
from kzreader.core.model import Interview  # noqa: E402
from kzreader.gui.bookmarks.bookmarks_model import (  # noqa: E402
    COL_ADDED,
    COL_INTERVIEWEE,
    COL_NOTE,
    COL_QUESTION,
    COL_QUOTE,
    COL_TAGS,
    COL_TITLE,
    ID_ROLE,
    SORT_DATE,
)
from kzreader.gui.bookmarks.bookmarks_panel import BookmarksPanel  # noqa: E402

TEXT_A = (
    "— Как Вы оцениваете итоги визита?\n\n"
    "— Этот визит укрепил доверие элит и подтвердил синхронность интересов. "
    "Десятки совместных проектов реализуются в энергетике."
)
TEXT_B = "— Что будет с ценами на нефть?\n\n— Цены на нефть <b>останутся</b> высокими весь год."

INTERVIEWS = {
    "iv-a": Interview(id="iv-a", path="/corpus/a.txt", title="Итоги визита", interviewee="Антон Арутюнов"),
    "iv-b": Interview(id="iv-b", path="/corpus/b.txt", title="Нефть и цены", interviewee="Мария Петрова"),
}


def _span(text: str, quote: str) -> tuple[int, int]:
    s = text.index(quote)
    return s, s + len(quote)


@pytest.fixture
def store(tmp_path):
    st = BookmarkStore(tmp_path / "bookmarks.json")
    st.create("iv-a", "/corpus/a.txt", TEXT_A, *_span(TEXT_A, "укрепил доверие элит"), exchange=1,
              note="про доверие", tags=["политика"])
    st.create("iv-a", "/corpus/a.txt", TEXT_A, *_span(TEXT_A, "Десятки совместных проектов"), exchange=1,
              tags=["экономика"])
    st.create("iv-b", "/corpus/b.txt", TEXT_B, *_span(TEXT_B, "Цены на нефть <b>останутся</b> высокими"),
              exchange=1, note="нефть", tags=["экономика"])
    return st


@pytest.fixture
def panel(qtbot, store):
    stack = QUndoStack()
    p = BookmarksPanel(store, stack, INTERVIEWS.get)
    p._stack_ref = stack  # keep the stack alive as long as the panel
    qtbot.addWidget(p)
    p.show()
    return p


def _rows(panel, view=None):
    view = view or panel.view
    m = view.model()
    return [m.index(r, COL_QUOTE).data() for r in range(m.rowCount())]


def _id_of(store, quote_start: str) -> str:
    return next(b.id for b in store.list() if b.quote.startswith(quote_start))


def test_model_passes_modeltester(qtmodeltester, panel, store):
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    qtmodeltester.check(panel.review_proxy)
    store.create("iv-b", "/corpus/b.txt", TEXT_B, 0, 10)  # changes while the tester watches
    store.delete(_id_of(store, "Десятки"))
    store.update(_id_of(store, "укрепил"), note="x")


def test_list_shows_bookmarks_with_columns(panel, store):
    m = panel.proxy
    assert m.rowCount() == 3
    # default sort: by interview title, then position
    assert _rows(panel) == ["укрепил доверие элит", "Десятки совместных проектов",
                            "Цены на нефть <b>останутся</b> высокими"]
    assert [m.index(0, c).data() for c in (COL_INTERVIEWEE, COL_TITLE, COL_QUESTION, COL_NOTE, COL_TAGS)] == [
        "Антон Арутюнов", "Итоги визита", "1", "про доверие", "политика"]
    assert len(m.index(0, COL_ADDED).data()) == len("2025-01-01 12:00")
    # the quote tooltip is escaped: untrusted text is never rendered as HTML
    tip = m.index(2, COL_QUOTE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;останутся&lt;/b&gt;" in tip and "<b>" not in tip
    assert not panel.review_box.isVisible()


def test_unknown_interview_falls_back_to_file_name(qtbot, tmp_path):
    st = BookmarkStore(tmp_path / "b.json")
    st.create("gone", "/corpus/old-file.txt", TEXT_A, 0, 5)
    p = BookmarksPanel(st, QUndoStack(), lambda iid: None)
    qtbot.addWidget(p)
    assert p.proxy.index(0, COL_TITLE).data() == "old-file"
    assert p.proxy.index(0, COL_INTERVIEWEE).data() == ""


def test_search_over_quote_and_note(panel):
    panel.search_edit.setText("ДОВЕРИЕ")  # case-insensitive; matches quote and note
    assert _rows(panel) == ["укрепил доверие элит"]
    panel.search_edit.setText("нефть")  # only in the third bookmark (quote and note)
    assert _rows(panel) == ["Цены на нефть <b>останутся</b> высокими"]
    panel.search_edit.setText("проектов энергетике")  # every word must match; "энергетике" is not in the quote
    assert _rows(panel) == []
    panel.search_edit.setText("")
    assert len(_rows(panel)) == 3


def test_filter_by_tag_and_interview_and_sort_by_date(panel):
    assert [panel.tag_combo.itemText(i) for i in range(panel.tag_combo.count())][1:] == ["политика", "экономика"]
    panel.tag_combo.setCurrentIndex(panel.tag_combo.findData("экономика"))
    assert sorted(_rows(panel)) == sorted(["Десятки совместных проектов", "Цены на нефть <b>останутся</b> высокими"])
    panel.interview_combo.setCurrentIndex(panel.interview_combo.findData("iv-b"))
    assert _rows(panel) == ["Цены на нефть <b>останутся</b> высокими"]
    panel.tag_combo.setCurrentIndex(0)
    panel.interview_combo.setCurrentIndex(0)
    panel.sort_combo.setCurrentIndex(panel.sort_combo.findData(SORT_DATE))
    assert _rows(panel)[0] == "Цены на нефть <b>останутся</b> высокими"  # created last


def test_edit_note_with_undo_redo(qtbot, panel, store):
    bid = _id_of(store, "укрепил")
    dlg = panel.open_edit_dialog(bid)
    dlg.note_edit.setPlainText("Ключевая цитата о доверии")
    dlg.tags_edit.setText("политика, визит, визит")
    dlg.accept()
    b = store.get(bid)
    assert b.note == "Ключевая цитата о доверии" and b.tags == ("политика", "визит")
    assert panel.proxy.index(0, COL_NOTE).data() == "Ключевая цитата о доверии"
    stack = panel.undo_stack
    stack.undo()
    assert store.get(bid).note == "про доверие" and store.get(bid).tags == ("политика",)
    assert panel.proxy.index(0, COL_NOTE).data() == "про доверие"
    stack.redo()
    assert store.get(bid).note == "Ключевая цитата о доверии"
    # survives a restart
    assert BookmarkStore(store.path).get(bid).note == "Ключевая цитата о доверии"


def test_delete_with_undo(qtbot, panel, store):
    bid = _id_of(store, "Десятки")
    panel.select_bookmark(bid)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert bid not in store and len(_rows(panel)) == 2
    assert bid not in {b.id for b in BookmarkStore(store.path).list()}
    panel.undo_stack.undo()
    assert bid in store and "Десятки совместных проектов" in _rows(panel)
    restored = store.get(bid)
    assert restored.tags == ("экономика",) and restored.quote == "Десятки совместных проектов"
    panel.undo_stack.redo()
    assert bid not in store


def test_add_bookmark_is_undoable(panel, store):
    bid = panel.add_bookmark("iv-b", "/corpus/b.txt", TEXT_B, *_span(TEXT_B, "Что будет с ценами"), exchange=1)
    assert store.get(bid).quote == "Что будет с ценами"
    assert len(_rows(panel)) == 4
    panel.undo_stack.undo()
    assert bid not in store and len(_rows(panel)) == 3


def test_double_click_and_enter_emit_activated(qtbot, panel, store):
    bid = _id_of(store, "Цены")
    panel.select_bookmark(bid)
    idx = panel.view.currentIndex()
    rect = panel.view.visualRect(idx)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.activated, timeout=1000) as sig:
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [bid]
    with qtbot.waitSignal(panel.activated, timeout=1000) as sig:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert sig.args == [bid]


def test_needs_review_group(qtbot, panel, store):
    lost = _id_of(store, "Цены")
    store.reanchor_all({"/corpus/b.txt": None})  # the file is gone
    assert store.get(lost).status == STATUS_NEEDS_REVIEW
    qtbot.waitUntil(lambda: panel.review_box.isVisible())
    assert panel.review_box.title() == "Needs review (1)"
    assert _rows(panel, panel.review_view) == ["Цены на нефть <b>останутся</b> высокими"]
    assert lost not in [panel.proxy.index(r, 0).data(ID_ROLE) for r in range(panel.proxy.rowCount())]

    panel.select_bookmark(lost)
    assert panel.review_quote.text() == "Цены на нефть <b>останутся</b> высокими"  # the original quote
    assert panel.review_quote.textFormat() == Qt.TextFormat.PlainText
    with qtbot.waitSignal(panel.reattach_requested, timeout=1000) as sig:
        panel.reattach_button.click()
    assert sig.args == [lost]
    # the main window answers with the current selection
    new_text = "— Про нефть.\n\n— Цены на нефть останутся высокими."
    panel.reattach(lost, "iv-b", "/corpus/b2.txt", new_text, *_span(new_text, "Цены на нефть останутся"))
    qtbot.waitUntil(lambda: not panel.review_box.isVisible())
    assert store.get(lost).quote == "Цены на нефть останутся"
    panel.undo_stack.undo()  # back to needs review, original quote intact
    assert store.get(lost).status == STATUS_NEEDS_REVIEW
    assert store.get(lost).quote == "Цены на нефть <b>останутся</b> высокими"

    qtbot.waitUntil(lambda: panel.review_box.isVisible())
    panel.select_bookmark(lost)
    panel.review_delete_button.click()
    assert lost not in store
    panel.undo_stack.undo()
    assert store.get(lost).status == STATUS_NEEDS_REVIEW


def test_cyrillic_typed_into_search(qtbot, panel):
    for ch in "нефть":
        panel.search_edit.event(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                          Qt.KeyboardModifier.NoModifier, ch))
    assert panel.search_edit.text() == "нефть"
    assert _rows(panel) == ["Цены на нефть <b>останутся</b> высокими"]


def test_read_only_store_reports_instead_of_pushing(qtbot, panel, store):
    store.read_only = True
    with qtbot.waitSignal(panel.store_error, timeout=1000):
        panel.edit_note(_id_of(store, "укрепил"), "x", ())
    assert panel.undo_stack.count() == 0
