"""Starting the window: arguments, QApplication, user directories, the first corpus."""
from __future__ import annotations

import argparse  # shiboken imports it anyway
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kzreader import __version__
from kzreader.diagnostics import log_dir, log_file, setup_logging, stop_logging

from .i18n import install_translators, requested_language
from .main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

# QIcon, QSize and QEventLoop are named (QtGui.QIcon) only where they are used, after the first
# paint: PySide builds a class with its enums when it is first named (QIcon: 1.5 ms of CPU)

APP_NAME = "kzreader"
APP_ID = "io.github.kzreader.KZReader"  # the .desktop file, AppStream id and icon name in packaging/
ICON_SIZES = (16, 32, 48, 64, 128, 256)
SETTINGS_ENV = "KZREADER_SETTINGS_DIR"
SCREENSHOT_SIZE = (1280, 820)
SCREENSHOT_LOAD_TIMEOUT_MS = 120_000
_EXITING_OPTIONS = {"-h", "--help", "--version"}


def samples_dir() -> str:
    return str(Path(__file__).resolve().parent.parent / "resources" / "samples")


class Options(NamedTuple):
    paths: list[str]
    screenshot: str | None = None
    settings_dir: str | None = None
    debug: bool = False


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzreader",
        description="Read collections of published interviews question by question.",
        epilog="Without the window: kzreader parse [--json] PATH... prints the parsed interviews, "
               "kzreader search [--json] QUERY PATH... searches them (each has its own --help). "
               "Qt's own options (such as -platform NAME, -style NAME, -reverse) go to Qt.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="interview files or folders to open")
    parser.add_argument("--screenshot", metavar="FILE",
                        help="load, render the window with the first interview open, save a PNG and exit")
    parser.add_argument("--settings-dir", metavar="DIR", default=os.environ.get(SETTINGS_ENV) or None,
                        help=f"keep settings and user data in DIR (also ${SETTINGS_ENV}); for tests")
    parser.add_argument("--debug", action="store_true",
                        help="log in detail, to the log file and to stderr (Help > Open Log Folder)")
    parser.add_argument("--version", action="version", version=f"kzreader {__version__}")
    return parser


def parse_args(args: list[str]) -> Options:
    """kzreader's own options, from what Qt left of the command line (``create_application``)."""
    if not any(arg.startswith("-") for arg in args):
        # files only (or nothing), as a launcher or a file manager starts us: no parser, whose
        # building and gettext look-ups (importing locale) cost the first paint about 4 ms of CPU
        return Options(list(args), None, os.environ.get(SETTINGS_ENV) or None)
    # after "--" only paths; taken apart here, as parse_intermixed_args reads options there
    end = args.index("--") if "--" in args else len(args)
    ns = argument_parser().parse_intermixed_args(args[:end])
    return Options(ns.paths + args[end + 1:], ns.screenshot, ns.settings_dir, ns.debug)


def create_application(args: list[str] | None = None) -> tuple[QApplication, list[str]]:
    """The QApplication and the arguments it left: Qt takes the options it knows (-platform,
    -style, -reverse, -qwindowtitle…; on X11 also -display, -geometry).  An application that
    exists already (as under pytest-qt) is reused, and ``args`` come back as they are.
    ``finish_start`` gives it its icon right after the first paint: building the icon (and
    loading the SVG plugin) would delay that paint, and a window manager picks up a changed
    icon at once."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    args = list(args or [])
    app = QApplication.instance()
    if app is None:
        # Qt turns each argument into bytes and back and crashes on a file name that is not
        # valid UTF-8 (Python holds its bytes as surrogates), so such a name reaches Qt as a
        # stand-in, put back afterwards
        stand_ins = {f"kzreader-argument-{i}": arg for i, arg in enumerate(args) if not _utf8(arg)}
        given = [arg if _utf8(arg) else f"kzreader-argument-{i}" for i, arg in enumerate(args)]
        # no style or palette is forced: the platform theme supplies light or dark colours
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *given])
        args = [stand_ins.get(arg, arg) for arg in app.arguments()[1:]]
    app.setApplicationDisplayName("kzreader")
    QGuiApplication.setDesktopFileName(APP_ID)  # lets Wayland/X11 docks match the .desktop entry
    return app, args


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def app_icon() -> QIcon:
    """The bundled icon: the SVG for any size, PNGs for when the SVG plugin is missing."""
    icons = Path(__file__).resolve().parent.parent / "resources" / "icons"
    icon = QtGui.QIcon(str(icons / "kzreader.svg"))
    for size in ICON_SIZES:
        icon.addFile(str(icons / f"kzreader-{size}.png"), QtCore.QSize(size, size))
    return icon


def user_locations(settings_dir: str | None) -> tuple[QSettings, str, str]:
    """(settings, data dir, cache dir), all inside ``settings_dir`` when given."""
    if settings_dir:
        base = Path(settings_dir)
        settings = QSettings(str(base / "kzreader.ini"), QSettings.Format.IniFormat)
        data_dir, cache_dir = base / "data", base / "cache"
    else:
        settings = QSettings()
        data_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        cache_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    for d in (data_dir, cache_dir):
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # the panels that write there report their own errors
    return settings, str(data_dir), str(cache_dir)


def open_initial(window: MainWindow, paths: list[str]) -> None:
    """The given paths; else the last corpus; else (first run) the bundled samples."""
    if paths:
        window.open_paths(paths)
    elif not window.restore_last_corpus():
        window.open_paths([samples_dir()])


def wait_for_load(window: MainWindow, timeout_ms: int = SCREENSHOT_LOAD_TIMEOUT_MS) -> bool:
    if not window.loader.is_loading():
        return True
    loop = QtCore.QEventLoop()
    window.loader.finished.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return not window.loader.is_loading()


def take_screenshot(window: MainWindow, file: str) -> bool:
    """Wait for the load, open the first interview at its first question, save a PNG."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    wait_for_load(window)
    if window.interview_list.select_row(0):
        window.reading_pane.go_to(1)
    for _ in range(3):  # let the deferred dock sizing and layouts settle
        QApplication.processEvents()
    return window.grab().save(file, "PNG")


def hand_over_clipboard() -> None:
    """Keep a copied quote past quitting, as plain text.  Rich QMimeData created from Python
    and still owned by the clipboard at exit segfaults Qt's teardown (PySide6 6.11, offscreen),
    so it is replaced, while Qt is alive, by the same words as Qt's own plain text; on X11 Qt
    hands that to a clipboard manager as the process ends, so the quote can still be pasted."""
    app = QApplication.instance()
    if app is None:
        return
    clip = app.clipboard()
    # offscreen has no other owner to protect; elsewhere never touch another program's data
    if clip.ownsClipboard() or QApplication.platformName() == "offscreen":
        text = clip.text()
        if text:
            clip.setText(text)
        else:
            clip.clear()


def main(args: list[str]) -> int:
    if _EXITING_OPTIONS & set(args):
        # --help and --version need no window (nor a display): answered before Qt starts,
        # whatever else is on the line (a path that only looks like one is opened as usual)
        argument_parser().parse_known_args(args)
    app, args = create_application(args)
    ns = parse_args(args)
    temp = None
    settings_dir = ns.settings_dir
    if ns.screenshot and not settings_dir:
        # a screenshot shows the default layout and leaves the user's settings alone
        temp = tempfile.TemporaryDirectory(prefix="kzreader-shot-")
        settings_dir = temp.name
    if ns.debug:  # else after the first paint: setting up the file handler took 13 ms of CPU
        start_logging(settings_dir, True)
    try:
        locations = user_locations(settings_dir)
        # before any widget is built: widgets take their texts when they are built
        install_translators(app, requested_language(locations[0]))
        window = MainWindow(*locations)
        if ns.screenshot:
            start_logging(settings_dir, ns.debug)
            finish_start()
            open_initial(window, ns.paths)
            ok = take_screenshot(window, ns.screenshot)
            window.close()
            if not ok:
                print(f"kzreader: cannot save the screenshot to {ns.screenshot}", file=sys.stderr)
            return 0 if ok else 1
        show_then_open(window, ns.paths, lambda: start_logging(settings_dir, ns.debug))
        report_missing_analysers(window)
        app.aboutToQuit.connect(hand_over_clipboard)
        return app.exec()
    finally:
        stop_logging()  # flushed and closed before a screenshot's folder goes
        if temp is not None:
            temp.cleanup()


def show_then_open(window: MainWindow, paths: list[str], after_paint=None) -> None:
    """Paint the empty window first, then start loading, so the user sees it at once; what
    neither waits for (the icon: 4 ms of CPU) comes while the first file parses."""
    window.show()
    QApplication.processEvents()
    if after_paint is not None:
        after_paint()
    open_initial(window, paths)
    finish_start()


def start_logging(settings_dir: str | None, debug: bool) -> None:
    """The log file in the user's state folder (kzreader.diagnostics); once per run."""
    if log_file() is None:
        setup_logging(log_dir(settings_dir), debug)


def finish_start() -> None:
    """Start-up work the first paint does not wait for."""
    from kzreader.core.search.analysers import warn_missing_analysers  # see interview_list._fold

    warn_missing_analysers()
    app = QApplication.instance()
    if app is not None:
        app.setWindowIcon(app_icon())


def report_missing_analysers(window: MainWindow) -> None:
    """Each missing optional analyser as a warning in the Problems view (finish_start said it
    on stderr), shown again after every load clears the view."""
    # here: the window's first paint does not wait for this module (12 ms of CPU, mostly for
    # dataclasses); by now the load has imported it
    from kzreader.core.model import Problem
    from kzreader.core.search.analysers import missing  # after the first paint, as above

    notices = [Problem(m.package, m.message, "warning") for m in missing()]
    if notices:
        window.problems_view.append(list(notices))
        window.session_signals.cleared.connect(lambda: window.problems_view.append(list(notices)))
