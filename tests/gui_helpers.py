"""Building a main window on temporary settings and data dirs, shared by the wiring tests."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import Qt as GuiQt, QTextDocument

from kzreader.gui.main_window import MainWindow

LOAD_TIMEOUT = 20_000


def make_window(qtbot, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings" / "kzreader.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(w)
    return w


def open_and_wait(qtbot, w, paths) -> None:
    with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
        w.open_paths([str(p) for p in paths])


def shown_tooltip(tip: str) -> str:
    """The characters a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def read_only_bookmark_folder(monkeypatch, data) -> None:
    """An empty bookmark file in ``data`` whose folder refuses writes as a read-only file
    system does (root ignores chmod), and no message box allowed for it."""
    import errno
    import json
    import os

    import pytest
    from PySide6.QtWidgets import QMessageBox

    from kzreader.core.annotations import bookmarks as bm

    data.mkdir()
    (data / "bookmarks.json").write_text(json.dumps({"schema_version": 2, "bookmarks": [], "deleted": {}}))
    real_open = os.open

    def read_only(p, flags, *a, **k):
        if str(p).startswith(str(data)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(p))
        return real_open(p, flags, *a, **k)

    monkeypatch.setattr(bm.os, "open", read_only)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail("no message box for read-only"))
