"""A private X server (Xvfb) for tests that need the real xcb platform instead of offscreen.

    from xvfb import xvfb_display, xcb_env, find_window, window_colours

    with xvfb_display() as display:          # ":N", a free display number chosen by Xvfb
        proc = subprocess.Popen([...], env=xcb_env(display, KZREADER_SETTINGS_DIR=...))
        wid = find_window(display, "kzreader")  # waits until a viewable window has that title
        colours = window_colours(display, wid)  # what is on screen in it, sampled

The pytest process itself runs on the offscreen platform (conftest), so anything that must run
under xcb runs in a child process with ``xcb_env``.  Without Xvfb/xwininfo the test is skipped
with a reason; under KZREADER_CI=1 (``.ci/run`` installs them) it fails instead.
"""
from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

INSTALL_HINT = "Debian: apt-get install xvfb x11-utils"


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        msg = f"{name} not installed ({INSTALL_HINT})"
        if os.environ.get("KZREADER_CI") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@contextmanager
def xvfb_display(width: int = 1280, height: int = 1024, timeout: float = 20) -> Iterator[str]:
    """Start Xvfb on a display number it picks itself (-displayfd: no race with other test
    runs on the machine), yield ":N", stop it afterwards."""
    exe = require_tool("Xvfb")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [exe, "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + timeout
        while not number.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                raise RuntimeError(f"Xvfb did not report a display within {timeout} s")
            chunk = os.read(read_end, 16)
            if not chunk:  # Xvfb exited
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise RuntimeError(f"Xvfb failed to start: {err.strip()[-500:]}")
            number += chunk
        yield f":{int(number)}"
    finally:
        os.close(read_end)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def xcb_env(display: str, **extra: str) -> dict[str, str]:
    """The current environment, pointed at ``display`` with Qt on xcb (and nothing else)."""
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", **extra)
    return env


_TREE_LINE = re.compile(r'^\s*(0x[0-9a-f]+) "(.*)":')


def top_level_windows(display: str) -> dict[int, str]:
    """{window id: title} of every named window on the display."""
    out = subprocess.run([require_tool("xwininfo"), "-display", display, "-root", "-tree"],
                         capture_output=True, text=True, timeout=10).stdout
    return {int(m[1], 16): m[2] for line in out.splitlines() if (m := _TREE_LINE.match(line))}


def is_viewable(display: str, wid: int) -> bool:
    """Mapped, and so are its ancestors (xwininfo's "Map State: IsViewable")."""
    out = subprocess.run([require_tool("xwininfo"), "-display", display, "-id", hex(wid)],
                         capture_output=True, text=True, timeout=10).stdout
    return "Map State: IsViewable" in out


def find_window(display: str, title_suffix: str, timeout: float = 60,
                proc: subprocess.Popen | None = None) -> int:
    """The id of a viewable window whose title ends with ``title_suffix``; waits for it.
    Fails at once if ``proc`` (the program expected to show it) exits first."""
    deadline = time.monotonic() + timeout
    while True:
        for wid, title in top_level_windows(display).items():
            if title.endswith(title_suffix) and is_viewable(display, wid):
                return wid
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the program exited with {proc.returncode} before its window was shown")
        if time.monotonic() > deadline:
            raise AssertionError(f"no viewable window titled '…{title_suffix}' on {display} "
                                 f"after {timeout} s; windows: {top_level_windows(display)}")
        time.sleep(0.2)


_GRAB = """
import json, sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
image = app.primaryScreen().grabWindow(int(sys.argv[1])).toImage()
step = int(sys.argv[2])
counts = {}
for y in range(0, image.height(), step):
    for x in range(0, image.width(), step):
        rgb = image.pixel(x, y) & 0xFFFFFF
        counts[rgb] = counts.get(rgb, 0) + 1
print(json.dumps({"size": [image.width(), image.height()], "colours": counts}))
"""


def window_colours(display: str, wid: int, step: int = 4) -> dict:
    """What the X server holds for the window (so what was painted, not what Qt would render):
    {"size": [w, h], "colours": {rgb: count}} over a grid of every ``step``-th pixel.  Grabbed
    by a separate xcb client, as a screenshot tool would."""
    run = subprocess.run([sys.executable, "-c", _GRAB, str(wid), str(step)], capture_output=True,
                         text=True, env=xcb_env(display), timeout=60)
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    doc["colours"] = {int(k): v for k, v in doc["colours"].items()}
    return doc
