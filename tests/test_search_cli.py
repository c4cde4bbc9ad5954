"""`kzreader search [--json] QUERY PATH...` (kzreader/search_cli.py)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO
from kzreader.__main__ import main
from kzreader.core.corpus import corpus as core_corpus
from kzreader.core.corpus.loading import LoadJob
from kzreader.core.search.search import SearchIndex
from kzreader.core.sources.sources import read_source
from kzreader.core.themes.lexicon import Lexicon

ENERGY = """Интервью об энергетике

Эксперт рассказал о поставках в Казахстан.

— Какие цепочки поставок важны?

— Цепочек поставок много. Газ идёт по трубам.

— А урожай?

— Урожая хватит, и Казахстаном гордимся.
"""
OTHER = """Другое интервью

— Что с газом?

— Газ дорожает. С Казахстаном договорились.
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KZREADER_SETTINGS_DIR", str(tmp_path / "settings"))
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a_energy.txt").write_text(ENERGY, encoding="utf-8")
    (d / "b_other.txt").write_text(OTHER, encoding="utf-8")
    return d


def run(capsys, *argv) -> tuple[int, str, str]:
    rc = main(["search", *map(str, argv)])
    out, err = capsys.readouterr()
    return rc, out, err


def test_plain_output_one_hit_a_line(folder, capsys):
    rc, out, _err = run(capsys, "Казахстан", folder)
    assert rc == 0
    a, b = folder / "a_energy.txt", folder / "b_other.txt"
    # every form: "Казахстан" in the lead, "Казахстаном" in Q2 and in b's Q1
    assert out.splitlines() == [
        f"{a}:lead: Эксперт рассказал о поставках в Казахстан.",
        f"{a}:Q2: Урожая хватит, и Казахстаном гордимся.",
        f"{b}:Q1: Газ дорожает. С Казахстаном договорились.",
    ]


def test_json_hits_point_at_the_match(folder, capsys):
    rc, out, _err = run(capsys, "--json", '"цепочка поставок"', folder)
    assert rc == 0
    doc = json.loads(out)
    assert doc["problems"] == []
    [hit] = doc["hits"]
    assert set(hit) == {"path", "id", "exchange", "role", "start", "end", "snippet"}
    assert hit["path"] == str(folder / "a_energy.txt")
    assert hit["exchange"] == 1
    assert hit["role"] == "question"  # "цепочки поставок" in the question comes first
    text = read_source(hit["path"]).text
    assert text[hit["start"]:hit["end"]] == "цепочки поставок"
    assert hit["snippet"] == "Какие цепочки поставок важны?"


def test_json_roles_and_panel_order(folder, capsys):
    rc, out, _err = run(capsys, "--json", "газ", folder)
    hits = json.loads(out)["hits"]
    # b's exchange speaks of gas twice in three words and ranks first; within a file the
    # hits follow the exchanges, as the search panel groups them
    assert [(h["path"].rsplit("/", 1)[1], h["exchange"], h["role"]) for h in hits] == [
        ("b_other.txt", 1, "question"), ("a_energy.txt", 1, "answer")]
    rc, out, _err = run(capsys, "--json", "эксперт", folder)
    assert [h["role"] for h in json.loads(out)["hits"]] == ["lead"]


def test_a_query_may_start_with_an_exclusion(folder, capsys):
    rc, out, _err = run(capsys, "-урожай Казахстан", folder)
    assert rc == 0
    assert [line.split(": ", 1)[0].rsplit("/", 1)[1] for line in out.splitlines()] == [
        "a_energy.txt:lead", "b_other.txt:Q1"]


def test_no_hits_exits_1_and_bad_arguments_2(folder, capsys):
    assert run(capsys, "астероид", folder)[0] == 1
    rc, _out, err = run(capsys, "газ")
    assert rc == 2 and "PATH" in err
    assert run(capsys, "--limit", "0", "газ", folder)[0] == 2


def test_problems_go_to_stderr_and_the_json(folder, capsys):
    (folder / "c_broken.txt").write_bytes(b"")
    rc, out, err = run(capsys, "--json", "газ", folder)
    doc = json.loads(out)
    assert rc == 0 and len(doc["hits"]) == 2
    assert [p["path"] for p in doc["problems"]] == [str(folder / "c_broken.txt")]
    assert "c_broken.txt" in err


def test_uses_the_cache_and_snapshot_the_window_wrote(folder, tmp_path, capsys, monkeypatch):
    # what the window does when it opens the folder: a load with its cache, lexicon and index
    cache = tmp_path / "settings" / "cache" / "parsed"
    job = LoadJob([str(folder)], cache_dir=str(cache), lexicon=Lexicon.load_default(),
                  index=SearchIndex())
    assert job.run(lambda batch: None)

    def no_parsing(path):
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(core_corpus, "load_file", no_parsing)
    rc, out, _err = run(capsys, "урожай", folder)
    assert rc == 0
    # one match in each paragraph: the snippet is the first, the question
    assert out.splitlines() == [f"{folder / 'a_energy.txt'}:Q2: А урожай?"]


def test_search_command_does_not_import_qt(folder):
    code = (
        "import sys, kzreader.__main__ as m\n"
        f"rc = m.main(['search', '--json', 'газ', {str(folder)!r}])\n"
        "bad = [x for x in sys.modules if x.startswith(('PySide6', 'shiboken6'))]\n"
        "sys.exit(3 if bad else rc)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(json.loads(r.stdout)["hits"]) == 2
