"""Go ▸ Similar Questions when nothing clears the floor: the window says so, in words."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from gui_helpers import make_window, open_and_wait  # noqa: E402
from test_similar import BAKERY, FERRY, FERRY2, MUSEUM, RAILWAY  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):
    folder = tmp_path / "interviews"
    folder.mkdir()
    for name, text in (("ferry", FERRY), ("ferry2", FERRY2), ("railway", RAILWAY), ("museum", MUSEUM),
                       ("bakery", BAKERY)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    w = make_window(qtbot, tmp_path)
    w.show()
    qtbot.waitExposed(w)
    open_and_wait(qtbot, w, [folder])
    yield w
    if w.across.win is not None:
        w.across.win.close()
    w.loader.shutdown()


def _by_name(w, name):
    return next(iv for iv in w.corpus.interviews if Path(iv.path).name == name)


def test_no_similar_question_is_said_and_a_related_one_is_listed(qtbot, window):
    w = window
    museum = _by_name(w, "museum.txt")
    w.show_interview(museum.id, 1)
    win = w.across.show_similar()
    qtbot.waitUntil(w.across.similar_ready, timeout=10_000)
    w.across.refresh()
    text = win.view.text.document().toPlainText()
    assert [(i.interview_id, i.number) for i in win.view.items()] == [(museum.id, 1)]  # only the one followed
    assert "No similar questions in this collection" in text
    assert "Similar questions in other interviews" not in text

    ferry, ferry2 = _by_name(w, "ferry.txt"), _by_name(w, "ferry2.txt")
    w.show_interview(ferry.id, 1)
    win = w.across.show_similar()
    qtbot.waitUntil(lambda: len(win.view.items()) > 1, timeout=10_000)
    text = win.view.text.document().toPlainText()
    assert (win.view.items()[1].interview_id, win.view.items()[1].number) == (ferry2.id, 1)
    assert "Similar questions in other interviews" in text and "No similar questions" not in text
