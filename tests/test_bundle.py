"""Smoke test of the PyInstaller one-folder bundle (packaging/build_bundle.sh).

Runs when the bundle has been built (build/bundle/dist/kzreader/, or under
$KZREADER_BUNDLE_DIR), or builds it first with KZREADER_BUILD_BUNDLE=1 (about 20 s plus the
PyInstaller download the first time); skipped otherwise.  On demand:
    KZREADER_BUILD_BUNDLE=1 python3 -m pytest tests/test_bundle.py
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kzreader.core.corpus import parse_cache

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BUNDLE_DIR = Path(os.environ.get("KZREADER_BUNDLE_DIR") or REPO / "build" / "bundle")
APP = BUNDLE_DIR / "dist" / "kzreader"
EXE = APP / "kzreader"


@pytest.fixture(scope="module")
def bundle() -> Path:
    if os.environ.get("KZREADER_BUILD_BUNDLE") == "1":
        # the bundle carries the packages of the Python running the tests (a venv's, pipx's),
        # not those of whatever python3 comes first on PATH
        env = dict(os.environ, PYTHON=sys.executable)
        subprocess.run([str(REPO / "packaging" / "build_bundle.sh")], check=True, timeout=900, env=env)
    if not EXE.is_file():
        pytest.skip(f"no bundle at {EXE}: run packaging/build_bundle.sh or set KZREADER_BUILD_BUNDLE=1")
    return EXE


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", KZREADER_SETTINGS_DIR=str(tmp_path / "settings"))
    return env


def test_bundle_parse_json(bundle, tmp_path):
    samples = APP / "_internal" / "kzreader" / "resources" / "samples"
    run = subprocess.run([str(bundle), "parse", "--json", str(samples)], capture_output=True,
                         text=True, cwd=tmp_path, env=_env(tmp_path), timeout=120)
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["problems"] == []
    by_name = {Path(i["path"]).name: i for i in doc["interviews"]}
    assert len(by_name) == 4
    assert by_name["culture_qa_en.txt"]["title"] == \
        "Shared Stages: Cultural Ties Between Kazakhstan and Russia"
    # the nominative of "Мариной Сергеевной Ковалёвой" needs the bundled pymorphy3 dictionary
    assert by_name["energy_dialogue.txt"]["interviewee"] == "Марина Сергеевна Ковалёва"


def test_bundle_screenshot(bundle, tmp_path):
    out = tmp_path / "shot.png"
    run = subprocess.run([str(bundle), "--screenshot", str(out)], capture_output=True, text=True,
                         cwd=tmp_path, env=_env(tmp_path), timeout=180)
    assert run.returncode == 0, run.stderr
    head = out.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    assert width >= 1200 and height >= 800


def test_bundle_carries_resources_and_desktop_files(bundle):
    resources = APP / "_internal" / "kzreader" / "resources"
    assert (resources / "themes.yaml").is_file()
    assert (resources / "icons" / "kzreader.svg").is_file()
    for name in ("install_desktop.sh", "io.github.kzreader.KZReader.desktop",
                 "io.github.kzreader.KZReader.metainfo.xml"):
        assert (APP / "desktop" / name).is_file()


def test_bundle_loads_a_large_corpus(bundle, tmp_path):
    """Over core.loading's MIN_FILES_FOR_POOL files, parsing goes to "spawn" worker processes,
    which a frozen program starts as itself (``--multiprocessing-fork``, handled by
    freeze_support); a mistake there would start more windows or hang instead of finishing."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    samples = sorted((APP / "_internal" / "kzreader" / "resources" / "samples").iterdir())
    for i in range(13):
        for sample in samples:
            (corpus / f"{i:02}_{sample.name}").write_bytes(sample.read_bytes())
    out = tmp_path / "shot.png"
    run = subprocess.run([str(bundle), "--screenshot", str(out), str(corpus)], capture_output=True,
                         text=True, cwd=tmp_path, env=_env(tmp_path), timeout=180)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # every file parsed once, in a worker or in the loader, went into the parse cache
    (db,) = (tmp_path / "settings" / "cache").rglob(parse_cache.DB_NAME)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] == 13 * len(samples)


def test_bundle_parses_with_the_form_installed_here(bundle, tmp_path):
    """The bundle carries the compiled parser when the installation it is built from has it
    (PyInstaller ships the extension modules without their sources; see parsing/native.py)."""
    from kzreader.core.parsing import native

    samples = APP / "_internal" / "kzreader" / "resources" / "samples"
    run = subprocess.run([str(bundle), "parse", "--debug", "--json", str(samples)], capture_output=True,
                         text=True, cwd=tmp_path, env=_env(tmp_path), timeout=120)
    assert run.returncode == 0, run.stderr
    want = "parser: compiled with mypyc" if native.compiled else "parser: "
    assert want in run.stderr, run.stderr[-2000:]
