"""The parser's compiled form (mypyc, see kzreader/core/parsing/native.py) against its pure
Python form: the same output on real, generated and mangled texts, a fallback to the ``.py``
files when the build does not match them, and the compiled form in use where CI installs it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kzreader.core.parsing import native

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# run in a child process, in one form or the other: every text's parse as JSON, one per line
_CHILD = r"""
import json, random, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/benchmarks")
from kzreader.cli import interview_json
from kzreader.core.parsing import native, parse_text
from kzreader.core.sources.sources import iter_source_files, read_source
from kzreader.core.parsing import parse_source
from gen_corpus import interview_text

print(json.dumps({"compiled": native.compiled, "reason": native.reason}))
texts = []
for path in iter_source_files(sys.argv[2:]):
    src = read_source(path)
    print(json.dumps({"key": path, "out": interview_json(parse_source(src))}, ensure_ascii=False))
    texts.append(src.text)
for i in range(150):
    name, text = interview_text(i, seed=7)
    texts.append(text)
    print(json.dumps({"key": f"generated {i}", "out": interview_json(parse_text(text, name))},
                     ensure_ascii=False))
# mangled copies: lines dropped, doubled, cut, stripped of their markers, odd characters
rng = random.Random(5)
odd = ["—", "– ", "- ", ">>", "**", "Вопрос:", "Q:", "?", "…", "\u00a0", "\t", "©", "«", "»",
       "ИВАНОВ:", "#", "|", "*", "\ufeff", "𝔸", "ᲀ", "\u0301", "", "\r"]
for i in range(400):
    lines = rng.choice(texts).split("\n")
    out = []
    for line in lines:
        r = rng.random()
        if r < 0.05:
            continue
        if r < 0.10:
            out.append(line)
        elif r < 0.15:
            line = line.lstrip("—–- ")
        elif r < 0.22:
            k = rng.randrange(len(line) + 1)
            line = line[:k] + rng.choice(odd) + line[k:]
        elif r < 0.25:
            line = line[: rng.randrange(len(line) + 1)]
        out.append(line)
    text = "\n".join(out)
    print(json.dumps({"key": f"mangled {i}", "out": interview_json(parse_text(text, f"m{i}.txt"))},
                     ensure_ascii=False))
"""


def _run(pure: bool, folders: list[str]) -> list[dict]:
    env = dict(os.environ)
    env.pop("KZREADER_PURE_PARSER", None)
    if pure:
        env["KZREADER_PURE_PARSER"] = "1"
    r = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), *folders], env=env,
                       capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_compiled_and_pure_parse_alike():
    if not native.compiled:
        pytest.skip(f"the parser is not compiled here ({native.reason})")
    folders = [str(ROOT / "tests" / "data")]
    folders += [str(SHARED / n) for n in ("corpus", "seeds") if (SHARED / n).is_dir()]
    fast, slow = _run(False, folders), _run(True, folders)
    assert fast[0]["compiled"] and not slow[0]["compiled"], (fast[0], slow[0])
    assert len(fast) == len(slow) > 600
    for a, b in zip(fast[1:], slow[1:]):
        assert a["key"] == b["key"]
        assert a["out"] == b["out"], a["key"]


@pytest.mark.skipif(not os.environ.get("KZREADER_CI"), reason="CI installs the compiled parser")
def test_ci_runs_the_compiled_parser():
    assert native.compiled, native.reason


def _fake_build(folder: Path, record: dict | None = None) -> None:
    """The sources and an empty stand-in for each compiled file, and a record of the sources."""
    suffix = native.importlib.machinery.EXTENSION_SUFFIXES[0]
    for name in native.COMPILED:
        (folder / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
        (folder / f"{name}{suffix}").write_bytes(b"")
    (folder / f"native__mypyc{suffix}").write_bytes(b"")
    if record is None:
        record = {"python": sys.implementation.cache_tag, "sources": native.source_hashes(str(folder))}
    (folder / native.BUILD_RECORD).write_text(json.dumps(record), encoding="utf-8")


def test_check_accepts_a_build_that_matches_its_sources(tmp_path):
    _fake_build(tmp_path)
    assert native.check(str(tmp_path)) is None


def test_check_refuses_a_build_older_than_a_source(tmp_path):
    _fake_build(tmp_path)
    (tmp_path / f"{native.COMPILED[-1]}.py").write_text("# edited after the build\n", encoding="utf-8")
    assert native.check(str(tmp_path)) == "the sources changed after the build"


def test_check_refuses_incomplete_or_unrecorded_builds(tmp_path):
    assert native.check(str(tmp_path)) == "not compiled"
    _fake_build(tmp_path)
    suffix = native.importlib.machinery.EXTENSION_SUFFIXES[0]
    (tmp_path / f"native__mypyc{suffix}").unlink()
    assert native.check(str(tmp_path)) == "the compiled build is incomplete"
    _fake_build(tmp_path)
    (tmp_path / native.BUILD_RECORD).write_text("{not json", encoding="utf-8")
    assert native.check(str(tmp_path)) == "the compiled build has no record of its sources"
    _fake_build(tmp_path, {"python": "cpython-00", "sources": {}})
    assert native.check(str(tmp_path)) == "compiled for another Python"


def test_an_edited_source_is_run_instead_of_its_stale_compiled_module(tmp_path):
    """A real build copied, one source edited: every compiled module then loads from .py."""
    if not native.compiled:
        pytest.skip(f"the parser is not compiled here ({native.reason})")
    pkg = ROOT / "kzreader"
    shutil.copytree(pkg, tmp_path / "kzreader", ignore=shutil.ignore_patterns("__pycache__"))
    edited = tmp_path / "kzreader" / "core" / "parsing" / "junk.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEDITED = True\n", encoding="utf-8")
    code = ("import importlib; from kzreader.core.parsing import native, junk;"
            "mods = [importlib.import_module('kzreader.core.parsing.' + n) for n in native.COMPILED];"
            "print(native.compiled, native.reason, junk.EDITED,"
            " all(m.__file__.endswith('.py') for m in mods))")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    env.pop("KZREADER_PURE_PARSER", None)
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "the", "sources", "changed", "after", "the", "build", "True", "True"]
