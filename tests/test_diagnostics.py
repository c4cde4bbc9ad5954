"""Diagnostics: named loggers at the places that degrade, a rotating log file in the state
folder (sandboxed by --settings-dir / KZREADER_SETTINGS_DIR), --debug, Help ▸ Open Log Folder."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzreader import diagnostics
from kzreader.core.corpus import corpus, parse_cache, snapshot
from kzreader.core.annotations.bookmarks import BookmarkStore
from kzreader.core.search.analysis import analyse
from kzreader.diagnostics import log_dir, log_file, setup_logging, stop_logging, take_debug_flag
from corpus_helpers import cache_blob, set_cache_blob

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Заголовок\n\nВступление.\n\n— Как дела?\n\n— Хорошо, спасибо.\n\n— А завтра?\n\n— Посмотрим.\n"


@pytest.fixture(autouse=True)
def _reset_logging():
    yield
    stop_logging()


def test_the_log_file_gets_core_records_at_info_and_debug_only_with_debug(tmp_path, capsys):
    path = setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "kzreader.log" == log_file()
    logging.getLogger("kzreader.core.corpus.parse_cache").info("an info line")
    logging.getLogger("kzreader.core.corpus.parse_cache").debug("a debug line")
    logging.getLogger("elsewhere").warning("not ours")
    text = path.read_text(encoding="utf-8")
    assert "INFO kzreader.core.corpus.parse_cache" in text and "an info line" in text
    assert "a debug line" not in text and "not ours" not in text
    assert capsys.readouterr().err == ""  # without --debug nothing goes to stderr

    setup_logging(tmp_path / "logs", debug=True)
    logging.getLogger("kzreader.gui.library.loader").debug("now in detail")
    assert "now in detail" in path.read_text(encoding="utf-8")
    assert "now in detail" in capsys.readouterr().err


def test_the_log_file_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(diagnostics, "LOG_BYTES", 2000)
    path = setup_logging(tmp_path)
    for i in range(200):
        logging.getLogger("kzreader.core").info("line %d %s", i, "x" * 40)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kzreader.log", "kzreader.log.1", "kzreader.log.2", "kzreader.log.3"]
    assert path.stat().st_size <= 2000
    assert "line 199" in path.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_means_no_file(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert setup_logging(blocker / "logs") is None and log_file() is None
    assert "no log file" in capsys.readouterr().err


def test_where_the_log_goes(tmp_path, monkeypatch):
    monkeypatch.delenv("KZREADER_SETTINGS_DIR", raising=False)
    assert log_dir(str(tmp_path)) == tmp_path / "logs"
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
        assert log_dir() == tmp_path / "state" / "kzreader"
        monkeypatch.setenv("XDG_STATE_HOME", "relative/path")  # the spec says: ignore it
        assert log_dir() == Path.home() / ".local" / "state" / "kzreader"
    monkeypatch.setenv("KZREADER_SETTINGS_DIR", str(tmp_path / "sandbox"))
    assert log_dir() == tmp_path / "sandbox" / "logs"


def test_take_debug_flag():
    assert take_debug_flag(["--json", "--debug", "a"]) == (["--json", "a"], True)
    assert take_debug_flag(["x", "--", "--debug"]) == (["x", "--", "--debug"], False)
    assert take_debug_flag([]) == ([], False)


# --- the places that used to degrade silently --------------------------------------------------

def test_a_damaged_cache_entry_is_logged(tmp_path, caplog):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    cache = parse_cache.ParseCache(tmp_path / "cache")
    iv = corpus.load_file(str(src))
    entry = parse_cache.Entry(iv, analyse(iv)[0], None)  # as a load stores it
    assert cache.put(str(src), parse_cache.source_key(str(src)), entry)
    set_cache_blob(cache, str(src), cache_blob(cache, str(src))[:-5])
    with caplog.at_level(logging.WARNING, logger="kzreader"):
        assert cache.get(str(src)) is None
    assert [(r.name, r.levelname) for r in caplog.records] == [("kzreader.core.corpus.parse_cache", "WARNING")]
    assert str(src) in caplog.text and "damaged" in caplog.text


def test_a_refused_snapshot_is_logged(tmp_path, caplog):
    roots = [str(tmp_path / "c")]
    assert snapshot.save(tmp_path, roots, snapshot.Snapshot(None, {}, ("state",)))
    f = snapshot._file(tmp_path, roots)
    f.write_bytes(f.read_bytes()[:-3] + b"xyz")
    with caplog.at_level(logging.INFO, logger="kzreader"):
        assert snapshot.load(tmp_path, roots) is None
    assert any(r.name == "kzreader.core.corpus.snapshot" and "refused" in r.getMessage() for r in caplog.records)


def test_a_file_that_cannot_be_read_or_parsed_is_logged(tmp_path, caplog, monkeypatch):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with caplog.at_level(logging.INFO, logger="kzreader"):
        corpus.load_file(str(empty))
    assert "empty.txt" in caplog.text and "empty" in caplog.records[-1].getMessage()

    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")

    def broken(source):
        raise KeyError("a parser bug")

    monkeypatch.setattr("kzreader.core.parsing.parse_source", broken)  # load_file imports it per call
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="kzreader"):
        problem = corpus.load_file(str(good))
    assert "internal error" in str(problem.message)
    rec = caplog.records[-1]
    assert rec.levelname == "ERROR" and rec.exc_info is not None  # the traceback is in the log


def test_bookmark_reanchoring_review_and_read_only_are_logged(tmp_path, caplog):
    text = "Первый абзац.\n\nЭтот визит укрепил доверие элит.\n\nКонец.\n"
    store = BookmarkStore(tmp_path / "data" / "bookmarks.json")
    s = text.index("укрепил")
    moved = store.create("iv1", "/c/a.txt", text, s, s + len("укрепил доверие"))
    gone = store.create("iv1", "/c/a.txt", text, 0, len("Первый абзац"))
    with caplog.at_level(logging.INFO, logger="kzreader"):
        store.reanchor_all({"/c/a.txt": "Новое начало.\n\n" + text.replace("Первый абзац.", "")})
    by_level = {(r.levelname, r.name) for r in caplog.records}
    assert ("INFO", "kzreader.core.annotations.bookmarks") in by_level and ("WARNING", "kzreader.core.annotations.bookmarks") in by_level
    assert any(moved.id in r.getMessage() and "re-anchored" in r.getMessage() for r in caplog.records)
    assert any(gone.id in r.getMessage() and "needs review" in r.getMessage() for r in caplog.records)

    caplog.clear()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with caplog.at_level(logging.INFO, logger="kzreader"):
        ro = BookmarkStore(blocker / "bookmarks.json")
    assert ro.read_only
    assert any("read_only" in r.getMessage() for r in caplog.records)


# --- the command line -------------------------------------------------------------------------

def _cli(*args, env_extra=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "kzreader", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_cli_logs_to_stderr_only_with_debug(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    quiet = _cli("parse", str(tmp_path))
    assert quiet.returncode == 0
    assert quiet.stderr.splitlines() == [f"kzreader: {tmp_path / 'bad.txt'}: the file is empty"]
    loud = _cli("parse", "--debug", str(tmp_path))
    assert loud.returncode == 0 and loud.stdout == quiet.stdout
    assert "INFO kzreader.core.corpus.corpus" in loud.stderr and "bad.txt" in loud.stderr
    assert not list(tmp_path.glob("*.log"))  # the CLI writes no log file
