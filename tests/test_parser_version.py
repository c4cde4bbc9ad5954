"""PARSER_VERSION follows the parser's source, and the caches never serve another version's output."""
import shutil

from kzreader.core.corpus import corpus, loading, parse_cache, snapshot
from kzreader.core.parsing import PARSER_VERSION
from kzreader.core.parsing.version import _CORE, parser_files, source_digest
from kzreader.core.search.search import SearchIndex
from kzreader.core.themes.lexicon import Lexicon

TEXT = "Заголовок\n\nВступление.\n\n— Как дела?\n\n— Хорошо.\n\n— А завтра?\n\n— Посмотрим.\n"


def test_the_version_covers_every_parser_and_converter_module():
    files = {f.relative_to(_CORE).as_posix() for f in parser_files()}
    for pkg in ("parsing", "sources", "sources/formats"):
        for f in (_CORE / pkg).glob("*.py"):
            assert f"{pkg}/{f.name}" in files
    assert {"parsing/role_weights.py", "parsing/decode.py", "sources/sources.py", "sources/decoding.py",
            "sources/source_record.py", "model.py"} <= files


def test_any_edit_to_a_parser_file_changes_the_version(tmp_path):
    root = tmp_path / "core"
    copies = []
    for f in parser_files():
        dst = root / f.relative_to(_CORE)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dst)
        copies.append(dst)
    assert source_digest(copies, root) == PARSER_VERSION  # a function of the files alone
    for name in ("parsing/role_weights.py", "sources/formats/markdown.py"):
        target = root / name
        old = target.read_bytes()
        target.write_bytes(old + b"# edit\n")
        assert source_digest(copies, root) != PARSER_VERSION, name
        target.write_bytes(old)


def _load(folder, cache):
    job = loading.LoadJob([str(folder)], cache_dir=str(cache), workers=1, index=SearchIndex(),
                          lexicon=Lexicon.load_default())
    got = []
    assert job.run(got.extend)
    return job, got


def test_a_new_parser_version_parses_again_instead_of_reusing_cache_or_snapshot(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(TEXT, encoding="utf-8")
    cache = tmp_path / "cache"
    _load(folder, cache)
    job, _ = _load(folder, cache)
    assert job.from_snapshot == 3  # the same parser reuses its own work

    parsed = []
    real = corpus.load_file
    monkeypatch.setattr(snapshot, "PARSER_VERSION", "another")
    monkeypatch.setattr(parse_cache, "PARSER_VERSION", "another")
    monkeypatch.setattr(corpus, "load_file", lambda p: parsed.append(p) or real(p))
    job, got = _load(folder, cache)
    assert job.from_snapshot == 0 and len(got) == 3
    assert sorted(parsed) == sorted(str(folder / f"{i}.txt") for i in range(3))  # none from the cache
