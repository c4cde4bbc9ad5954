"""Decoding, front matter/sidecars, and the bad-input matrix: each bad file becomes a clear
problem (or a document with a warning) and never stops the others."""
import codecs
import os

import pytest

from kzreader.core.corpus.corpus import load_file, load_paths
from kzreader.core.model import Interview, Problem
from kzreader.core.sources.sources import decode, read_source

RU = ("- Как Вы оцениваете сотрудничество в энергетике между нашими странами сегодня?\n\n"
      "- Считаю, что оно развивается очень успешно, особенно в атомной отрасли и в газовой сфере.\n")


@pytest.mark.parametrize("enc", ["utf-8", "cp1251", "koi8_r"])
def test_cyrillic_encodings(tmp_path, enc):
    f = tmp_path / "a.txt"
    f.write_bytes(RU.encode(enc))
    src = read_source(f)
    assert src.text == RU
    assert src.encoding.replace("-", "_").lower() in (enc.replace("-", "_"), "utf_8")


def test_boms_and_newlines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(codecs.BOM_UTF8 + RU.replace("\n", "\r\n").encode("utf-8"))
    src = read_source(f)
    assert src.text == RU and src.encoding == "utf-8-sig"
    f.write_bytes(RU.encode("utf-16"))  # with BOM
    src = read_source(f)
    assert src.text == RU and src.encoding == "utf-16"
    f.write_bytes(RU.replace("\n", "\r").encode("utf-8"))
    assert read_source(f).text == RU


def test_front_matter_and_sidecar(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text(RU, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("title: Из файла\ndate: 2024-02-03\ninterviewee: Пётр Сидоров\nurl: https://example.invalid/x\n", encoding="utf-8")
    iv = load_file(str(f))
    assert (iv.title, iv.date, iv.interviewee, iv.url) == ("Из файла", "2024-02-03", "Пётр Сидоров", "https://example.invalid/x")
    assert len(iv.exchanges) == 1


def test_bad_sidecar_and_front_matter_warn(tmp_path):
    f = tmp_path / "c.md"
    f.write_text("---\ntitle: [unclosed\n---\n\n" + RU, encoding="utf-8")
    (tmp_path / "c.yaml").write_text("title: : :\n  - x\n", encoding="utf-8")
    iv = load_file(str(f))
    assert isinstance(iv, Interview) and len(iv.exchanges) == 1
    warnings = [str(w) for w in iv.warnings]
    assert any("front matter ignored" in w and "line" in w for w in warnings)
    assert any("c.yaml" in w for w in warnings)


def test_decode_rejects_binary():
    from kzreader.core.sources.sources import SourceError

    with pytest.raises(SourceError, match="binary"):
        decode(bytes(range(256)) * 10)


def _matrix(tmp_path):
    (tmp_path / "good.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    (tmp_path / "invalid_utf8.txt").write_bytes("Привет, это текст".encode("utf-8") + b"\xff\xfe\xfa" + "ещё текст".encode("utf-8"))
    (tmp_path / "huge_line.txt").write_text("слово " * 300_000, encoding="utf-8")
    (tmp_path / "only_junk.txt").write_text("Популярное\nНовость раз\nНовость два\nНовость три\n\n[[year]]\n", encoding="utf-8")
    unreadable = tmp_path / "unreadable.txt"
    unreadable.write_text(RU, encoding="utf-8")
    unreadable.chmod(0)
    (tmp_path / "loop").mkdir()
    os.symlink(tmp_path / "loop", tmp_path / "loop" / "again")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    return tmp_path


def test_bad_input_matrix(tmp_path):
    d = _matrix(tmp_path)
    seen = []
    corpus = load_paths([str(d)], on_item=seen.append)
    by_name = {os.path.basename(i.path): i for i in corpus.interviews}
    probs = {os.path.basename(p.path): str(p.message) for p in corpus.problems if p.severity == "error"}
    assert len(by_name["good.txt"].exchanges) == 1
    assert "empty" in probs["empty.txt"]
    assert "empty" in probs["blank.txt"]
    assert "binary" in probs["binary.txt"]
    # invalid UTF-8 falls back to a single-byte decoding rather than losing the file
    assert "invalid_utf8.txt" in by_name or "decode" in probs.get("invalid_utf8.txt", "")
    # a huge single line loads as a document with a warning
    assert by_name["huge_line.txt"].warnings and not by_name["huge_line.txt"].exchanges
    only = by_name["only_junk.txt"]
    assert not only.exchanges and not only.lead and only.removed and only.warnings
    if os.geteuid() != 0:  # root can read anything
        assert "cannot" in probs["unreadable.txt"]
    assert "cannot open" in probs["dangling.txt"] or "no such" in probs["dangling.txt"]
    assert len(seen) == len(corpus.interviews) + len(probs)


def test_cli_reports_problems_on_stderr(tmp_path, capsys):
    from kzreader.cli import main

    d = _matrix(tmp_path)
    assert main(["--json", str(d)]) == 0
    out, err = capsys.readouterr()
    assert "binary.txt" in err and '"interviews"' in out
    assert main(["--bogus"]) == 2
    assert main([]) == 2


def test_too_large_is_refused(tmp_path, monkeypatch):
    import kzreader.core.sources.sources as sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    f = tmp_path / "big.txt"
    f.write_text("х" * 2000, encoding="utf-8")
    item = load_file(str(f))
    assert isinstance(item, Problem) and "too large" in str(item.message)


def test_corpus_by_id_after_add_and_direct_fill():
    from kzreader.core.corpus.corpus import Corpus
    from kzreader.core.parsing import parse_text

    a, b = parse_text(RU, "/a.txt"), parse_text(RU, "/b.txt")
    c = Corpus()
    c.add(a)
    assert c.by_id(a.id) is a and c.by_id(b.id) is None
    c.interviews.append(b)  # filled directly, bypassing add()
    assert c.by_id(b.id) is b


def test_a_folders_own_notes_are_not_interviews_unless_named(tmp_path):
    from kzreader.core.sources.sources import iter_source_files

    folder = tmp_path / "collection"
    (folder / "sub").mkdir(parents=True)
    for name in ("README.md", "readme.ru.md", "LICENSE.txt", "Changelog.md", "sub/CONTRIBUTING.md"):
        (folder / name).write_text("| Файл | Что проверяет |\n|---|---|\n| 01.txt | тире |\n", encoding="utf-8")
    kept = ("interview.txt", "readme_interview.txt", "licensed-music.md", "sub/notes.md")
    for name in kept:
        (folder / name).write_text(RU, encoding="utf-8")
    found = sorted(os.path.relpath(p, folder) for p in iter_source_files([folder]))
    assert found == sorted(kept)
    # named by the user, a README is read like any file
    readme = folder / "README.md"
    assert list(iter_source_files([readme])) == [os.path.realpath(readme)]
    assert [iv.path for iv in load_paths([folder]).interviews if "README" in iv.path] == []


def test_the_shared_corpus_opens_as_its_forty_interviews(corpus_dir):
    from kzreader.core.sources.sources import iter_source_files

    files = list(iter_source_files([corpus_dir]))
    assert (corpus_dir / "README.md").is_file()  # what the corpus documents itself with
    truths = {p.name[: -len(".truth.yaml")] for p in corpus_dir.glob("*.truth.yaml")}
    assert len(truths) == 40
    assert sorted(os.path.splitext(os.path.basename(f))[0] for f in files) == sorted(truths)
