"""The window on a real X server (Xvfb, Qt's xcb platform), as a user's first start runs it.

Offscreen tests cannot see a missing X11 library: Qt's xcb plugin loads a dozen libxcb-*
libraries that offscreen never touches, and without one of them the program aborts before any
window.  Here ``python -m kzreader`` (the installed entry point's code) starts on xcb with no
arguments, so it opens the bundled samples; the test waits for its window to be mapped and
grabs what the X server holds for it, as a screenshot tool would.
"""
from __future__ import annotations

import subprocess
import sys

from xvfb import find_window, window_colours, xcb_env, xvfb_display

BLACK = 0x000000


def test_window_maps_and_paints_under_xcb(tmp_path):
    with xvfb_display() as display:
        env = xcb_env(display, KZREADER_SETTINGS_DIR=str(tmp_path / "settings"))
        proc = subprocess.Popen([sys.executable, "-m", "kzreader"], env=env, cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            # the title names the interview once the samples are loaded and the first is open
            wid = find_window(display, " — kzreader", timeout=90, proc=proc)
            grab = window_colours(display, wid)
        finally:
            proc.terminate()
            try:
                _, err = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
    width, height = grab["size"]
    assert width >= 600 and height >= 400, grab["size"]
    colours = grab["colours"]
    # a mapped window nobody painted is one colour (black on Xvfb); a painted one has text
    # (antialiased: many shades) on the palette's light background
    assert len(colours) >= 20, (len(colours), err)
    assert max(colours, key=colours.get) != BLACK
    assert "Could not load the Qt platform plugin" not in err
