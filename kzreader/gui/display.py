"""Before Qt starts on Linux: is there a display, and can Qt's X11 platform plugin load?

Qt answers both with an abort (exit 134) and "Could not load the Qt platform plugin", which
names neither the missing library nor what to do.  These checks cost a few stat calls when all
is well and import no Qt.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping

DEBIAN_HINT = "on Debian/Ubuntu: sudo apt-get install"
OFFSCREEN_HINT = "or set QT_QPA_PLATFORM=offscreen to run without a display (e.g. with --screenshot FILE)"

# what Qt's xcb plugin (libqxcb.so and libQt6XcbQpa.so.6 of PySide6 6.11) loads beyond the
# libraries every platform needs, with the Debian/Ubuntu package holding each
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
# what importing PySide6's QtGui/QtWidgets needs on any platform (offscreen too)
QT_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def qt_option(args: Iterable[str], name: str) -> str | None:
    """The value of Qt's command-line option ``-name VALUE`` or ``-name=VALUE``."""
    it = iter(args)
    for arg in it:
        if arg == name:
            return next(it, "")
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def library_dirs() -> list[str]:
    """Where the dynamic loader usually finds libraries (LD_LIBRARY_PATH first)."""
    dirs = [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    if getattr(sys, "frozen", False):
        dirs.append(getattr(sys, "_MEIPASS", ""))
    multiarch = getattr(sys.implementation, "_multiarch", "")  # "x86_64-linux-gnu" on Debian
    for base in ("/usr/lib", "/lib", "/usr/lib64", "/lib64", "/usr/local/lib"):
        if multiarch:
            dirs.append(f"{base}/{multiarch}")
        dirs.append(base)
    return dirs


def missing_libraries(names: Iterable[str], dirs: Iterable[str] | None = None) -> list[str]:
    """The shared libraries among ``names`` that cannot be loaded."""
    dirs = library_dirs() if dirs is None else list(dirs)
    absent = [n for n in names if not any(os.path.exists(os.path.join(d, n)) for d in dirs)]
    if absent:
        # not where libraries usually are: ask the dynamic loader itself (ld.so.conf, RUNPATH)
        import ctypes

        still = []
        for name in absent:
            try:
                ctypes.CDLL(name)
            except OSError:
                still.append(name)
        absent = still
    return absent


def install_line(missing: Iterable[str], packages: Mapping[str, str]) -> str:
    return f"{DEBIAN_HINT} {' '.join(dict.fromkeys(packages[n] for n in missing if n in packages))}"


def window_problem(args: list[str], environ: Mapping[str, str] | None = None) -> str | None:
    """One line saying why Qt cannot show a window here and what to do, or None when it can
    (or when it is not ours to tell: another platform, another OS)."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or {"-h", "--help", "--version"} & set(args):
        return None
    platform = qt_option(args, "-platform") or environ.get("QT_QPA_PLATFORM", "")
    platform = re.split(r"[;:]", platform, maxsplit=1)[0]  # "xcb:arg" or a list "wayland;xcb"
    if platform not in ("", "xcb"):
        return None  # offscreen, wayland, vnc...: Qt's own messages will do
    if not platform and environ.get("WAYLAND_DISPLAY"):
        return None  # a Wayland session: Qt uses its Wayland plugin
    if not environ.get("DISPLAY") and qt_option(args, "-display") is None:
        return ("kzreader: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set): "
                f"start it in a desktop session, {OFFSCREEN_HINT}")
    missing = missing_libraries(XCB_LIBRARIES)
    if missing:
        return (f"kzreader: Qt's X11 platform (xcb) cannot start without {', '.join(missing)}; "
                f"{install_line(missing, XCB_LIBRARIES)} ({OFFSCREEN_HINT})")
    return None


def import_problem(error: ImportError) -> str | None:
    """One line for PySide6 failing to import because a system library is missing, else None."""
    found = re.search(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file", str(error))
    if found is None:
        return None
    name = found.group(1)
    hint = install_line([name], QT_LIBRARIES) if name in QT_LIBRARIES else "install the library that provides it"
    return f"kzreader: Qt cannot start without {name}; {hint}"
