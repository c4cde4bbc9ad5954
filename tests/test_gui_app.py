"""Command line and start-up: arguments, first corpus, the --screenshot path."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QImage  # noqa: E402

from kzreader.gui import app  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_parse_args_keeps_qt_options():
    ns, qt = app.parse_args(["--screenshot", "x.png", "a", "-platform", "offscreen", "b", "-reverse"])
    assert ns.screenshot == "x.png"
    assert ns.paths == ["a", "b"]
    assert qt == ["-platform", "offscreen", "-reverse"]
    with pytest.raises(SystemExit):
        app.parse_args(["--no-such-option"])


def test_version_exits(capsys):
    with pytest.raises(SystemExit) as exc:
        app.parse_args(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == "kzreader 0.1.0"


def test_paths_only_need_no_parser(monkeypatch):
    monkeypatch.delenv(app.SETTINGS_ENV, raising=False)
    assert app.parse_args(["a", "b c", "-platform", "offscreen"]) == (
        app.Options(["a", "b c"], None, None), ["-platform", "offscreen"])
    # an option still goes through the parser, with the same result for the paths
    ns, _ = app.parse_args(["a", "--screenshot=x.png", "b c"])
    assert ns == app.Options(["a", "b c"], "x.png", None)


def test_settings_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(app.SETTINGS_ENV, str(tmp_path))
    ns, _ = app.parse_args([])
    assert ns.settings_dir == str(tmp_path)
    ns, _ = app.parse_args(["--screenshot", "x.png"])
    assert ns.settings_dir == str(tmp_path)
    ns, _ = app.parse_args(["--settings-dir", "elsewhere"])
    assert ns.settings_dir == "elsewhere"


def test_first_run_opens_the_samples_then_the_last_corpus(qtbot, tmp_path):
    settings, data_dir, cache_dir = app.user_locations(str(tmp_path))
    assert Path(data_dir).is_dir() and Path(cache_dir).is_dir()
    window = app.MainWindow(settings, data_dir, cache_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loader.finished, timeout=20_000):
        app.open_initial(window, [])
    assert window.corpus_paths == [app.samples_dir()]
    assert window.interview_list.visible_count() == 4
    for iv in window.corpus.interviews:  # every sample says it is fictional
        assert "ictional" in iv.lead_text or "Вымышленное" in iv.lead_text
    window.close()
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Беседа с Иваном Петровым.\n\n— Вопрос?\n\n— Ответ.\n", encoding="utf-8")
    window.open_paths([str(other)])
    window.close()
    again = app.MainWindow(settings, data_dir, cache_dir)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loader.finished, timeout=20_000):
        app.open_initial(again, [])
    assert again.corpus_paths == [str(other)]
    again.loader.shutdown()


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed interviews not found at {SEEDS}")
def test_screenshot_writes_a_png_of_the_window(qtbot, tmp_path):
    png = tmp_path / "shot.png"
    rc = app.main(["--screenshot", str(png), "--settings-dir", str(tmp_path / "s"), str(SEEDS)])
    assert rc == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == app.SCREENSHOT_SIZE


def test_window_entry_point_starts_without_collections_or_multiprocessing():
    """`kzreader` (the window) turns automatic collection off before Qt is imported, and does
    not import multiprocessing outside a frozen bundle: both only delay the first paint."""
    import subprocess
    import sys

    code = (
        "import gc, sys, kzreader.__main__ as m\n"
        "seen = []\n"
        "class Watch:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'PySide6':\n"
        "            seen.append(gc.isenabled())\n"
        "try:\n"
        "    sys.meta_path.insert(0, Watch())\n"
        "    m.main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('qt imported with collection on:', seen, 'multiprocessing:', 'multiprocessing' in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "qt imported with collection on: [False] multiprocessing: False"
