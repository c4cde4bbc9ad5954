"""Starting the window where Qt cannot show one: a sentence on stderr instead of Qt's abort."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzreader.gui.display import (XCB_LIBRARIES, import_problem, missing_libraries, qt_option,
                                  window_problem)

ROOT = Path(__file__).resolve().parents[1]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland checks are Linux's")


@linux_only
def test_no_display_says_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(PYTHONPATH=str(ROOT), KZREADER_SETTINGS_DIR=str(tmp_path / "settings"))
    run = subprocess.run([sys.executable, "-m", "kzreader"], capture_output=True, text=True, env=env,
                         timeout=60)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "kzreader: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set): "
        "start it in a desktop session, or set QT_QPA_PLATFORM=offscreen to run without a display "
        "(e.g. with --screenshot FILE)"]
    assert not (tmp_path / "settings").exists()  # stopped before anything was set up
    # --version needs no display
    run = subprocess.run([sys.executable, "-m", "kzreader", "--version"], capture_output=True, text=True,
                         env=env, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "kzreader 0.1.0"


@linux_only
def test_which_platforms_are_checked(monkeypatch):
    monkeypatch.setattr("kzreader.gui.display.missing_libraries", lambda names: [])
    none = {}
    assert "no display" in window_problem([], none)
    assert "no display" in window_problem([], {"QT_QPA_PLATFORM": "xcb"})
    assert window_problem([], {"QT_QPA_PLATFORM": "offscreen"}) is None
    assert window_problem(["-platform", "offscreen"], none) is None
    assert window_problem(["-platform=vnc"], none) is None
    assert window_problem([], {"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert window_problem([], {"DISPLAY": ":0"}) is None
    assert window_problem(["-display", ":1"], none) is None
    assert window_problem(["--help"], none) is None
    assert qt_option(["a", "-platform", "xcb:foo"], "-platform") == "xcb:foo"


@linux_only
def test_missing_xcb_library_is_named_with_its_package(monkeypatch):
    absent = "libxcb-icccm.so.4"
    monkeypatch.setattr("kzreader.gui.display.missing_libraries",
                        lambda names: [n for n in names if n in (absent, "libxcb-keysyms.so.1")])
    problem = window_problem([], {"DISPLAY": ":0"})
    assert problem == (
        "kzreader: Qt's X11 platform (xcb) cannot start without libxcb-icccm.so.4, libxcb-keysyms.so.1; "
        "on Debian/Ubuntu: sudo apt-get install libxcb-icccm4 libxcb-keysyms1 (or set "
        "QT_QPA_PLATFORM=offscreen to run without a display (e.g. with --screenshot FILE))")


@linux_only
def test_missing_libraries_asks_the_files_then_the_loader(tmp_path):
    # libc is where the dynamic loader finds it though not in the folders given: found
    assert missing_libraries(["libc.so.6", "libkzreader-nothing.so.7"], dirs=[str(tmp_path)]) == \
        ["libkzreader-nothing.so.7"]
    (tmp_path / "libkzreader-nothing.so.7").write_bytes(b"")
    assert missing_libraries(["libkzreader-nothing.so.7"], dirs=[str(tmp_path)]) == []


@linux_only
def test_xcb_libraries_are_installed_where_ci_runs():
    """CI (.ci/run) installs what README's install.sh installs: every library Qt's xcb plugin
    loads must be there, and the list must not have lost one of them."""
    if os.environ.get("KZREADER_CI") != "1":
        pytest.skip("checks the CI machine's libraries (KZREADER_CI=1)")
    assert missing_libraries(XCB_LIBRARIES) == []


def test_import_problem_names_the_package():
    err = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert import_problem(err) == "kzreader: Qt cannot start without libEGL.so.1; " \
                                  "on Debian/Ubuntu: sudo apt-get install libegl1"
    assert import_problem(ImportError("No module named 'PySide6'")) is None  # the traceback says it
