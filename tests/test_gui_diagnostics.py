"""The window's side of diagnostics: --debug, the log file in the settings folder, and
Help ▸ Open Log Folder."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402

from kzreader.diagnostics import setup_logging, stop_logging  # noqa: E402
from kzreader.gui import app, log_folder  # noqa: E402
from kzreader.gui.main_window import MainWindow  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _reset_logging():
    yield
    stop_logging()


def test_debug_option():
    assert app.parse_args(["--debug", "a"]).debug is True
    assert app.parse_args(["a"]).debug is False


def test_a_run_logs_into_the_settings_folder(qtbot, tmp_path):
    png = tmp_path / "shot.png"
    assert app.main(["--screenshot", str(png), "--settings-dir", str(tmp_path / "s"), str(SEEDS)]) == 0
    assert (tmp_path / "s" / "logs" / "kzreader.log").is_file()


def test_help_opens_the_log_folder(qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(log_folder.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(w)
    action = w.findChild(QAction, "action_open_log_folder")
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.menu() and action in a.menu().actions())
    assert help_menu is not None
    setup_logging(tmp_path / "s" / "logs")
    action.trigger()
    assert opened == [str(tmp_path / "s" / "logs")]


def test_without_a_file_manager_the_folder_is_named(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(log_folder.QDesktopServices, "openUrl", lambda url: False)
    shown = []
    monkeypatch.setattr(log_folder.QMessageBox, "information", lambda *a: shown.append(a[2]))
    setup_logging(tmp_path / "logs")
    assert log_folder.open_log_folder(None) is False
    assert shown and str(tmp_path / "logs") in shown[0]
