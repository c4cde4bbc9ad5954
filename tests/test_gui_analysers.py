"""A missing optional analyser in the window: a warning in the Problems view that survives loads."""
from __future__ import annotations

import sys

import pytest

pytest.importorskip("PySide6")

from gui_helpers import make_window, open_and_wait  # noqa: E402

from kzreader.core import messages  # noqa: E402
from kzreader.core.search import analysers  # noqa: E402
from kzreader.gui.app import report_missing_analysers, samples_dir  # noqa: E402


def test_missing_analyser_is_a_warning_that_stays(qtbot, tmp_path, monkeypatch):
    w = make_window(qtbot, tmp_path)
    w.build_parts()  # what the window imports is imported with PyStemmer there
    # as if PyStemmer were not installed, only while the window asks what is missing: a module
    # first imported under this block (core.text, by a load) would keep stemming off for every
    # later test in the process (test_cli's stems with PyStemmer came out unstemmed)
    before = set(sys.modules)
    with monkeypatch.context() as blocked:
        blocked.setitem(sys.modules, "Stemmer", None)
        report_missing_analysers(w)
    assert not [m for m in set(sys.modules) - before if m.startswith("kzreader")]
    expected = (f"not installed, so search and themes match only the exact word forms (weaker results); "
                f"install it with: {sys.executable} -m pip install PyStemmer")
    assert [(p.path, str(p.message), p.severity) for p in w.problems_view.model.problems()] == \
        [("PyStemmer", expected, "warning")]
    assert w.problems_view.model.problems()[0].message.code == messages.ANALYSER_NO_STEMMING_INSTALL
    open_and_wait(qtbot, w, [samples_dir()])  # a load clears the view; the notice comes back
    assert [p.path for p in w.problems_view.model.problems()] == ["PyStemmer"]
    w.loader.shutdown()


def test_nothing_is_reported_when_all_are_installed(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    report_missing_analysers(w)
    assert w.problems_view.model.problems() == []
    w.loader.shutdown()


def test_every_reason_has_a_message_with_and_without_the_command():
    for _module, package, reason in analysers.OPTIONAL:
        plain = analysers.Missing(package, reason, None).message
        with_command = analysers.Missing(package, reason, "pip install x").message
        assert str(plain).startswith("not installed, so " + reason)
        assert str(with_command) == str(plain) + "; install it with: pip install x"
