"""Quitting after Copy as Quote must not crash Qt's teardown (it segfaulted offscreen)."""
import subprocess
import sys

from conftest import REPO

SCRIPT = r'''
import sys
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication
from kzreader.gui.app import hand_over_clipboard
app = QApplication([])
app.aboutToQuit.connect(hand_over_clipboard)
def copy():
    m = QMimeData(); m.setText("«цитата»"); m.setHtml("<b>цитата</b>")
    app.clipboard().setMimeData(m)
    QTimer.singleShot(0, app.quit)
QTimer.singleShot(0, copy)
sys.exit(app.exec())
'''


def test_quit_with_rich_clipboard_exits_cleanly():
    r = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True,
                       env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])


def test_a_quote_copied_before_quitting_stays_as_plain_text():
    script = SCRIPT.replace(
        "app.aboutToQuit.connect(hand_over_clipboard)\n",
        "app.aboutToQuit.connect(hand_over_clipboard)\n"
        "app.aboutToQuit.connect(lambda: print('LEFT', repr(app.clipboard().text()),"
        " app.clipboard().mimeData().hasHtml(), flush=True))\n")
    r = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                       env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    # the words are still there for a paste (or a clipboard manager); the rich part is gone
    assert "LEFT '«цитата»' False" in r.stdout
