"""The status bar's progress during a load (gui/library/load_status.py)."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402

from kzreader.gui.main_window import MainWindow  # noqa: E402


class _Paints(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_progress_repaints_the_bar_later_not_at_each_call(qtbot, tmp_path):
    """QProgressBar repaints at once when its text changes; a long load reports progress some
    hundred times, so each report must only ask for a repaint, done with the window's next."""
    settings = QSettings(str(tmp_path / "kzreader.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    status = window.status
    bar = status.progress_bar
    paints = _Paints()
    bar.installEventFilter(paints)
    status.started()
    qtbot.waitUntil(lambda: paints.count > 0)  # shown and painted: a repaint would paint now
    paints.count = 0
    for done in range(0, 10_001, 500):
        status.progress(done, 10_000)
    assert paints.count == 0
    assert (bar.value(), bar.maximum(), bar.text()) == (10_000, 10_000, "10000 of 10000 files")
    qtbot.waitUntil(lambda: paints.count > 0)  # painted once the event loop runs
    assert paints.count <= 2
    window.loader.shutdown()
