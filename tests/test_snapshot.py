"""Reopening a corpus: the snapshot (list fields, tags, search index) and lazily read bodies."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kzreader.core.corpus import loading, snapshot
from kzreader.core.corpus.corpus import load_file
from kzreader.core.corpus.lazy import LazyInterview
from kzreader.core.model import Interview
from kzreader.core.corpus.parse_cache import ParseCache
from kzreader.core.search.search import SearchIndex
from kzreader.core.themes.lexicon import Lexicon

TEXT = """Заголовок номер {n}

Вводный абзац о трубах.

— Что с газом, {word}?

— Газ идёт по трубе. Слово {word} здесь.

— А университеты?

— Университеты строятся.
"""
WORDS = ["альфа", "бета", "гамма", "дельта", "эпсилон"]


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for i, w in enumerate(WORDS):
        (d / f"{i}.txt").write_text(TEXT.format(n=i, word=w), encoding="utf-8")
    return d


def load(folder: Path, cache: Path, lexicon=None, parse_calls=None):
    index = SearchIndex()
    job = loading.LoadJob([str(folder)], cache_dir=str(cache), workers=1, index=index,
                          lexicon=lexicon or Lexicon.load_default())
    got = []
    assert job.run(got.extend)
    return job, index, [x.item for x in got]


def hits(index: SearchIndex, query: str) -> set[str]:
    return {Path(index.interview(h.interview_id).path).stem for h in index.search(query)}


def test_second_open_comes_from_the_snapshot_with_bodies_read_on_demand(folder, tmp_path):
    cache = tmp_path / "cache"
    job1, index1, items1 = load(folder, cache)
    assert job1.from_snapshot == 0
    job2, index2, items2 = load(folder, cache)
    assert job2.from_snapshot == 5
    assert all(isinstance(iv, LazyInterview) and not iv.loaded for iv in items2)
    # the list fields are there without any body read
    assert [iv.title for iv in items2] == [f"Заголовок номер {i}" for i in range(5)]
    assert [iv.exchange_count for iv in items2] == [2] * 5
    assert not any(iv.loaded for iv in items2)
    # the restored index answers like the one built from the text
    for word in WORDS + ["газ", "университет"]:
        assert hits(index2, word) == hits(index1, word)
    assert hits(index2, "бета") == {"1"}
    # a body is fetched when read, and equals a fresh parse of the file
    iv = items2[3]
    assert iv.exchanges[0].answer.text == "Газ идёт по трубе. Слово дельта здесь."
    assert iv.loaded and iv == load_file(iv.path)


def test_an_edited_a_removed_and_a_new_file_are_loaded_the_normal_way(folder, tmp_path):
    cache = tmp_path / "cache"
    load(folder, cache)
    edited = folder / "1.txt"
    edited.write_text(TEXT.format(n=1, word="омега"), encoding="utf-8")
    st = os.stat(edited)
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    (folder / "2.txt").unlink()
    (folder / "9.txt").write_text(TEXT.format(n=9, word="каппа"), encoding="utf-8")
    job, index, items = load(folder, cache)
    assert job.from_snapshot == 3  # 0, 3 and 4
    assert sorted(Path(iv.path).stem for iv in items) == ["0", "1", "3", "4", "9"]
    assert hits(index, "бета") == set()  # the old text of 1.txt is gone from the index
    assert hits(index, "омега") == {"1"}
    assert hits(index, "гамма") == set()  # 2.txt was removed
    assert hits(index, "каппа") == {"9"}
    assert hits(index, "газ") == {"0", "1", "3", "4", "9"}
    # and the snapshot written by that load serves the next one in full
    job, index, _ = load(folder, cache)
    assert job.from_snapshot == 5 and hits(index, "омега") == {"1"}


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty"])
def test_a_damaged_snapshot_is_ignored_and_rewritten(folder, tmp_path, damage):
    cache = tmp_path / "cache"
    load(folder, cache)
    (snap_file,) = (cache / "corpus").glob("*.kzs")
    data = snap_file.read_bytes()
    snap_file.write_bytes({
        "garbage": b"not a snapshot at all",
        "truncated": data[: len(data) // 2],
        "flipped": data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
        "empty": b"",
    }[damage])
    job, index, items = load(folder, cache)
    assert job.from_snapshot == 0 and len(items) == 5
    assert hits(index, "эпсилон") == {"4"}
    job, _, _ = load(folder, cache)
    assert job.from_snapshot == 5  # rewritten by the load that ignored it


def test_a_sound_checksum_over_a_wrong_index_is_not_trusted(folder, tmp_path):
    cache = tmp_path / "cache"
    load(folder, cache)
    snap = snapshot.load(cache, [str(folder)])
    snap.index_state = ("1/wrong", ())  # valid marshal, valid checksum, wrong shape
    assert snapshot.save(cache, [str(folder)], snap)
    job, index, items = load(folder, cache)
    assert job.from_snapshot == 0 and len(items) == 5 and hits(index, "альфа") == {"0"}


def test_a_changed_lexicon_makes_the_snapshot_unusable(folder, tmp_path):
    cache = tmp_path / "cache"
    load(folder, cache)
    lexicon = Lexicon.from_text(
        "version: 1\nthemes:\n  - id: pipes\n    name_ru: Трубы\n    name_en: Pipes\n"
        "    colour: '#123456'\n    keywords: [газ]\n")
    job, _, items = load(folder, cache, lexicon=lexicon)
    assert job.from_snapshot == 0
    got = []
    loading.LoadJob([str(folder)], cache_dir=str(cache), workers=1, index=SearchIndex(),
                    lexicon=lexicon).run(got.extend)
    assert [x.themes[0] for x in got] == [frozenset({"pipes"})] * 5


def test_a_body_whose_cache_entry_is_gone_is_parsed_again(folder, tmp_path):
    cache = tmp_path / "cache"
    load(folder, cache)
    _, _, items = load(folder, cache)
    ParseCache(cache).remove(items[0].path)
    assert items[0].exchanges[0].question.text == "Что с газом, альфа?"


def test_search_index_state_round_trip_leaves_out_missing_interviews(folder, tmp_path):
    ivs = [load_file(str(p)) for p in sorted(folder.glob("*.txt"))]
    assert all(isinstance(iv, Interview) for iv in ivs)
    a = SearchIndex()
    a.use_dir(tmp_path / "index")
    a.add_interviews(ivs)
    state = a.state()  # which lets go of the folder
    b = SearchIndex()
    assert b.use_dir(tmp_path / "index")
    b.restore(state, {iv.id: iv for iv in ivs[1:]})
    assert len(b) == 4 and ivs[0].id not in b
    assert hits(b, "альфа") == set() and hits(b, "бета") == {"1"}
    b.add_interview(ivs[0])
    assert hits(b, "альфа") == {"0"}
    with pytest.raises(ValueError):
        b.restore(("nonsense",), {})


def test_a_sidecar_added_since_the_snapshot_reloads_its_file(folder, tmp_path):
    cache = tmp_path / "cache"
    load(folder, cache)
    (folder / "0.yaml").write_text("title: Из файла метаданных\n", encoding="utf-8")
    job, _, items = load(folder, cache)
    assert job.from_snapshot == 4
    assert {Path(iv.path).stem: iv.title for iv in items}["0"] == "Из файла метаданных"
    job, _, items = load(folder, cache)
    assert job.from_snapshot == 5 and items[0].title == "Из файла метаданных"


def test_the_first_row_is_already_in_the_restored_index(folder, tmp_path):
    # the window indexes any row its index does not hold; the first row of a reopen goes out
    # before the whole snapshot is gone through, so the index must count it as held then
    cache = tmp_path / "cache"
    load(folder, cache)
    index = SearchIndex()
    seen = []

    def emit(batch):
        seen.extend((x.item.id, x.item.id in index) for x in batch)

    job = loading.LoadJob([str(folder)], cache_dir=str(cache), workers=1, index=index,
                          lexicon=Lexicon.load_default())
    assert job.run(emit)
    assert job.from_snapshot == 5 and index.restored
    assert seen and all(held for _iid, held in seen)
    assert hits(index, "альфа") == {"0"}


def test_records_from_worker_processes_are_the_records_of_a_load_in_this_thread(folder, tmp_path, monkeypatch):
    """Workers send each file's summary and tags in the snapshot's form, and the snapshot keeps
    them as sent: they must equal what a load in this thread records."""
    from kzreader.core.corpus import codec
    from kzreader.core.corpus.parse_cache import source_key

    monkeypatch.setattr(loading, "MIN_FILES_FOR_POOL", 2)
    monkeypatch.setattr(loading, "CHUNK", 2)
    lexicon = Lexicon.load_default()
    saved = []
    real_save = snapshot.save
    monkeypatch.setattr(snapshot, "save", lambda *a: (saved.append(a[2]), real_save(*a))[1])
    pooled = loading.LoadJob([str(folder)], cache_dir=str(tmp_path / "c1"), workers=2,
                             index=SearchIndex(), lexicon=lexicon)
    got = []
    assert pooled.run(got.extend) and pooled.used_pool
    alone = loading.LoadJob([str(folder)], cache_dir=str(tmp_path / "c2"), workers=1,
                            index=SearchIndex(), lexicon=lexicon)
    assert alone.run(lambda batch: None)
    assert len(saved) == 2 and saved[0].records == saved[1].records
    paths = sorted(str(p) for p in folder.iterdir())
    assert sorted(saved[0].records) == paths
    for x in got:  # and by hand: the key, the list's fields and the sorted tags of each file
        rec = saved[0].records[x.item.path]
        assert rec.key == source_key(x.item.path)
        assert rec.summary == codec.summary(load_file(x.item.path))
        assert rec.themes == tuple(tuple(sorted(t)) for t in x.themes)
        assert "energy" in rec.themes[0]  # "газом" in the first question
