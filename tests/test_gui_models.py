"""pytest-qt's qtmodeltester over every Qt model of the window."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from kzreader.core.model import Exchange, Interview, Paragraph, Problem, Turn  # noqa: E402
from kzreader.gui.library.interview_list import (  # noqa: E402
    COL_QUESTIONS,
    ID_ROLE,
    SORT_ROLE,
    InterviewFilterModel,
    InterviewTableModel,
)
from kzreader.gui.library.problems_view import ProblemTableModel  # noqa: E402
from gui_helpers import shown_tooltip  # noqa: E402


def interview(n: int, **kw) -> Interview:
    q = Turn("question", (Paragraph(0, 5, "Вопрос"),))
    a = Turn("answer", (Paragraph(6, 11, "Ответ"),))
    return Interview(id=f"id{n}", path=f"/c/{n}.txt",
                     exchanges=tuple(Exchange(i + 1, q, a) for i in range(n)), **kw)


def test_interview_model(qtmodeltester):
    model = InterviewTableModel()
    model.append([interview(1, title="Ёлка", interviewee="Пётр", date="2024-01-01", source="X"),
                  interview(3), interview(12, role="эксперт", interviewee="Анна")])
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 5
    # no title: a made-up one in square brackets, in italics: the interviewee, else the
    # opening words (here of the first question, as there is no lead)
    assert model.index(1, 0).data() == "[Вопрос]"
    assert model.index(2, 0).data() == "[Анна]"
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(2, COL_QUESTIONS).data() == "12"
    assert model.index(2, COL_QUESTIONS).data(SORT_ROLE) == 12  # numbers sort as numbers
    assert model.index(0, 0).data(ID_ROLE) == "id1"
    model.append([interview(1)])  # the same id again is ignored
    assert model.rowCount() == 3
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_filter_model(qtmodeltester):
    source = InterviewTableModel()
    source.append([interview(2, title="Ёлка"), interview(5, title="Берёза"), interview(9, title="Дуб")])
    proxy = InterviewFilterModel()
    proxy.setSourceModel(source)
    proxy.sort(COL_QUESTIONS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["Дуб", "Берёза", "Ёлка"]
    proxy.set_text("ЕЛКА")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_id_filter({"id5", "id9"})
    assert proxy.rowCount() == 2
    qtmodeltester.check(proxy)
    source.append([interview(7)])  # rows added under an active filter and sort
    assert proxy.rowCount() == 2
    proxy.set_id_filter(None)
    assert [proxy.index(r, COL_QUESTIONS).data() for r in range(4)] == ["9", "7", "5", "2"]


def test_problem_model(qtmodeltester):
    model = ProblemTableModel()
    model.append([Problem("/a/b.txt", "the file is empty"),
                  Problem("/a/c.txt", "metadata file c.yaml ignored", "warning")])
    qtmodeltester.check(model)
    # the severity is an icon, its word the tooltip and what a screen reader says
    assert [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)] == ["Error", "Warning"]
    assert [model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(2)] == ["Error", "Warning"]
    assert all(not model.index(r, 0).data(Qt.ItemDataRole.DecorationRole).isNull() for r in range(2))
    assert model.index(0, 0).data() is None
    assert model.index(0, 1).data() == "b.txt"
    assert shown_tooltip(model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)) == "/a/b.txt"
    assert model.error_count() == 1
