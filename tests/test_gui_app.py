"""Command line and start-up: arguments, first corpus, the --screenshot path."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from kzreader.gui import app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def test_parse_args_reads_our_options():
    ns = app.parse_args(["--screenshot", "x.png", "a", "--debug", "b"])
    assert ns == app.Options(["a", "b"], "x.png", ns.settings_dir, True)
    assert app.parse_args(["a", "--screenshot=x.png", "b c"]).paths == ["a", "b c"]
    assert app.parse_args(["--", "--debug"]) == app.Options(["--debug"], None, app.parse_args([]).settings_dir)
    with pytest.raises(SystemExit) as exc:
        app.parse_args(["--no-such-option"])
    assert exc.value.code == 2


def test_files_alone_are_read_as_the_parser_reads_them(monkeypatch, tmp_path):
    """No option on the line: the paths come back without the parser, as it would give them."""
    monkeypatch.setenv(app.SETTINGS_ENV, str(tmp_path))
    for args in ([], ["a"], ["a b", "", "c.txt"]):
        assert app.parse_args(args) == app.Options(args, None, str(tmp_path), False)
        parsed = app.argument_parser().parse_intermixed_args(args)
        assert (parsed.paths, parsed.settings_dir, parsed.debug) == (args, str(tmp_path), False)


def test_version_exits(capsys):
    with pytest.raises(SystemExit) as exc:
        app.parse_args(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == "kzreader 0.1.0"


def test_settings_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(app.SETTINGS_ENV, str(tmp_path))
    assert app.parse_args([]).settings_dir == str(tmp_path)
    assert app.parse_args(["--screenshot", "x.png"]).settings_dir == str(tmp_path)
    assert app.parse_args(["--settings-dir", "elsewhere"]).settings_dir == "elsewhere"
    monkeypatch.delenv(app.SETTINGS_ENV)
    assert app.parse_args(["a"]).settings_dir is None


def run_kzreader(*args, env=None, timeout=120) -> subprocess.CompletedProcess:
    """`python -m kzreader ARGS` in a new process (bytes arguments pass as they are)."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "kzreader", *args], env=env, capture_output=True,
                          timeout=timeout)


def saved_corpus(settings_dir: Path) -> list[str]:
    """The corpus a run opened, as the window saved it in its settings."""
    settings = QSettings(str(settings_dir / "kzreader.ini"), QSettings.Format.IniFormat)
    return json.loads(settings.value("corpus/paths", "[]"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed interviews not found at {SEEDS}")
def test_qt_takes_its_own_options_and_kzreader_the_rest(tmp_path):
    """Qt's options (with or without a value, with one or two dashes) are Qt's, wherever they
    stand; the paths around them are opened."""
    png, settings = tmp_path / "shot.png", tmp_path / "s"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # -platform must do it
    r = run_kzreader(app.samples_dir(), "-platform", "offscreen", "--screenshot", str(png), "-reverse",
                     "--settings-dir", str(settings), "-style=Fusion", "--qwindowtitle", "T", str(SEEDS), env=env)
    assert r.returncode == 0, r.stderr.decode()
    assert QImage(str(png)).size().width() == app.SCREENSHOT_SIZE[0]
    assert saved_corpus(settings) == [app.samples_dir(), str(SEEDS)]


def test_a_file_name_that_is_not_utf8_reaches_the_window(tmp_path):
    """Qt would crash on such an argument (it is handed a stand-in); the folder still opens."""
    folder = os.path.join(os.fsencode(tmp_path), b"caf\xe9")  # Latin-1, not valid UTF-8
    os.mkdir(folder)
    sample = next(Path(app.samples_dir()).iterdir())
    shutil.copy(sample, os.path.join(folder, os.fsencode(sample.name)))
    png, settings = tmp_path / "shot.png", tmp_path / "s"
    r = run_kzreader(b"-platform", b"offscreen", b"--screenshot", os.fsencode(png),
                     b"--settings-dir", os.fsencode(settings), folder)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert png.is_file()
    assert [os.fsencode(p) for p in saved_corpus(settings)] == [folder]


def test_help_and_version_need_no_display():
    """Answered before Qt starts: with Qt's X11 platform and no display, Qt would abort."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    r = run_kzreader("--help", env=env)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    for option in ("--screenshot FILE", "--settings-dir DIR", "--debug", "--version", "kzreader parse",
                   "kzreader search", "-platform"):
        assert option in out, option
    r = run_kzreader("-platform", "xcb", "--version", "somewhere", env=env)
    assert (r.returncode, r.stdout.decode().strip()) == (0, "kzreader 0.1.0")
    r = run_kzreader("--no-such-option", env=dict(env, QT_QPA_PLATFORM="offscreen"))
    assert r.returncode == 2 and b"unrecognized arguments: --no-such-option" in r.stderr


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
