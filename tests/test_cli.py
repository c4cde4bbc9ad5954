"""`kzreader parse` as a shell user meets it: pipes, empty folders, long leads, exit codes, and
the warning for a missing optional analyser."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzreader.cli import COMMANDS, EXIT_BROKEN_PIPE, clip

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "kzreader" / "resources" / "samples"


def kzreader(*args: str, code: str | None = None, cwd: Path | None = None, env_extra: dict | None = None,
             **kw) -> subprocess.CompletedProcess:
    """``python -m kzreader ARGS`` (or ``python -c CODE ARGS``) with this checkout first on the path."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    cmd = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "kzreader", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=120, **kw)


def test_closed_pipe_ends_quietly(tmp_path):
    """`kzreader parse --json PATH | head -1`: head exits after one line; kzreader stops with
    the status cat or grep give (141) and no traceback."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # enough output (~30 copies of the samples) to outlast the pipe's buffer
    for i in range(30):
        for sample in SAMPLES.iterdir():
            (tmp_path / f"{i:02}_{sample.name}").write_bytes(sample.read_bytes())
    for extra in ([], ["--json"]):
        proc = subprocess.Popen([sys.executable, "-m", "kzreader", "parse", *extra, str(tmp_path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        first = proc.stdout.readline()
        proc.stdout.close()  # the reader goes away, as head does
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == EXIT_BROKEN_PIPE == 141
        assert first.startswith(b"{" if extra else b"== ")
        assert err == "", err  # neither a traceback nor "Exception ignored ... BrokenPipeError"


def test_folder_without_interview_files_is_said(tmp_path):
    empty = tmp_path / "notes"
    (empty / "sub").mkdir(parents=True)
    (empty / "photo.jpg").write_bytes(b"\xff\xd8")
    run = kzreader("parse", str(empty))
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.strip() == (f"kzreader: {empty}: no interview files "
                                  "(.txt .md .markdown .html .htm .docx) in this folder")
    # JSON still prints its (empty) document; a folder that has files is not mentioned
    run = kzreader("parse", "--json", str(empty), str(SAMPLES))
    assert run.returncode == 0
    assert len(json.loads(run.stdout)["interviews"]) == 4
    assert run.stderr.count("\n") == 1 and str(empty) in run.stderr and str(SAMPLES) not in run.stderr
    # nothing that exists at all: the problem, and 1
    run = kzreader("parse", str(tmp_path / "nowhere"))
    assert run.returncode == 1 and "no such file or folder" in run.stderr


def test_bad_arguments_exit_2():
    run = kzreader("parse", "--bogus")
    assert run.returncode == 2 and "usage: kzreader parse" in run.stderr


def test_clip_cuts_at_a_word_boundary():
    text = "Первое слово второе " + "длинноеслово " * 10
    assert clip("коротко", 300) == "коротко"
    assert clip("ровно пять", 10) == "ровно пять"  # fits exactly: no ellipsis
    assert clip(text, 25) == "Первое слово второе…"  # not "Первое слово второе длинн"
    assert clip("Одно предложение. Второе", 20) == "Одно предложение. …"
    assert clip("слово, запятая и дальше", 15) == "слово, запятая…"  # the cut falls on the space
    assert clip("одно слово, запятая", 13) == "одно слово…"  # no dangling comma
    url = "https://example.org/" + "x" * 100
    assert clip(url, 30) == url[:30] + "…"  # no boundary to cut at: inside the word


def test_plain_output_cuts_the_lead_with_an_ellipsis(tmp_path):
    lead = " ".join(["Казахстан и Россия обсуждают транспортные коридоры через степь."] * 8)
    (tmp_path / "long.txt").write_text(
        f"Длинный заголовок\n\n{lead}\n\n— Первый вопрос?\n\n— Первый ответ.\n", encoding="utf-8")
    run = kzreader("parse", str(tmp_path))
    assert run.returncode == 0, run.stderr
    (line,) = [x for x in run.stdout.splitlines() if x.startswith("lead: ")]
    shown = line[len("lead: "):]
    assert shown.endswith("…") and len(shown) <= 302
    body = shown.rstrip(" …")
    assert lead.startswith(body)
    assert lead[len(body)] == " "  # a whole word was kept, the next one starts after a space


def test_commands_of_the_entry_point_and_the_cli_agree():
    from kzreader.__main__ import CLI_COMMANDS

    assert set(CLI_COMMANDS) == set(COMMANDS)


BLOCK = "import sys\nfor m in sys.argv[1].split(','):\n    sys.modules[m] = None  # its import fails\n"


@pytest.mark.parametrize(("blocked", "package", "effect"), [
    ("Stemmer", "PyStemmer", "search and themes match only the exact word forms"),
    ("pymorphy3", "pymorphy3",
     "Russian interviewees' names are not recognised and search misses some word forms"),
])
def test_missing_analyser_gives_one_warning_line(blocked, package, effect):
    code = BLOCK + f"from kzreader.cli import run\nsys.exit(run(['parse', '--json', {str(SAMPLES)!r}]))\n"
    run = kzreader(blocked, code=code)
    assert run.returncode == 0
    lines = run.stderr.splitlines()
    assert lines == [f"kzreader: warning: {package} is not installed, so {effect} (weaker results); "
                     f"install it with: {sys.executable} -m pip install {package}"]
    assert len(json.loads(run.stdout)["interviews"]) == 4  # weaker, but everything is read
    clean = kzreader("parse", "--json", str(SAMPLES))
    assert clean.stderr == ""


@pytest.mark.parametrize("blocked", ["Stemmer", "pymorphy3"])
def test_search_runs_without_an_analyser(blocked, tmp_path):
    for query, expected in (("Kazakhstan", "culture_qa_en.txt"), ("России", "transport_corridors.md")):
        code = BLOCK + ("from kzreader.cli import run\n"
                        f"sys.exit(run(['search', '--json', {query!r}, {str(SAMPLES)!r}]))\n")
        run = kzreader(blocked, code=code, env_extra={"KZREADER_SETTINGS_DIR": str(tmp_path / blocked)})
        assert run.returncode == 0, run.stderr
        assert len(run.stderr.splitlines()) == 1 and "warning" in run.stderr
        hits = json.loads(run.stdout)["hits"]
        assert expected in {Path(h["path"]).name for h in hits}


def test_stems_without_pystemmer_are_the_folded_words():
    code = BLOCK + (
        "from kzreader.core.text import stem, tokens\n"
        "print(stem('Казахстане'), stem('Running'), [t.stem for t in tokens('Ёлки растут')])\n")
    run = kzreader("Stemmer", code=code)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["казахстане", "running", "['елки',", "'растут']"]  # folded, unstemmed
    from kzreader.core.text import stem

    assert stem("Казахстане") == "казахстан"  # with PyStemmer, here
