"""The parse cache and the multi-process load (core, no Qt)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kzreader.core.corpus import corpus as core_corpus
from kzreader.core.corpus import loading, parse_cache
from kzreader.core.model import Interview, Problem
from kzreader.core.corpus.parse_cache import Entry, ParseCache, source_key
from kzreader.core.search.analysis import analyse
from kzreader.core.themes.lexicon import Lexicon
from kzreader.core.themes.matching import lexicon_key
from corpus_helpers import cache_blob, set_cache_blob, write_interviews

INTERVIEW = """Заголовок интервью номер {n}

— Как вы оцениваете энергетическое сотрудничество?

— Оно развивается. Строятся новые электростанции.

— Что дальше?

— Дальше будет лучше.
"""


def write_corpus(folder: Path, n: int) -> list[str]:
    return [str(p) for p in write_interviews(folder, n, INTERVIEW)]


@pytest.fixture
def parse_calls(monkeypatch):
    calls = []
    real = core_corpus.load_file

    def spy(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(core_corpus, "load_file", spy)
    return calls


def run(job) -> list:
    got = []
    assert job.run(got.extend)
    return got


def bump_mtime(path: str, seconds: float = 5) -> None:
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + int(seconds * 1e9)))


# -- the cache itself ----------------------------------------------------------------------------
def test_entry_round_trip(tmp_path):
    (path,) = write_corpus(tmp_path / "c", 1)
    iv = core_corpus.load_file(path)
    cache = ParseCache(tmp_path / "cache")
    terms = analyse(iv)[0]
    themes = ("k", (("energy",), ()))
    assert cache.put(path, source_key(path), Entry(iv, terms, themes))
    got = cache.get(path)
    assert got is not None
    assert got.interview == iv  # every field, paragraph and span
    assert got.terms == terms and got.themes == themes
    # a lazy interview's body comes from the entry, not from parsing again
    assert cache.body(path, source_key(path))["exchanges"] == iv.exchanges


def test_touch_edit_sidecar_and_parser_version_invalidate(tmp_path, monkeypatch):
    (path,) = write_corpus(tmp_path / "c", 1)
    cache = ParseCache(tmp_path / "cache")
    iv = core_corpus.load_file(path)
    cache.put(path, source_key(path), Entry(iv, analyse(iv)[0], None))
    assert cache.get(path) is not None

    bump_mtime(path)  # touched, same bytes
    assert cache.get(path) is None
    cache.put(path, source_key(path), Entry(iv, analyse(iv)[0], None))
    assert cache.get(path) is not None

    Path(path).with_suffix(".yaml").write_text("title: Другой заголовок\n", encoding="utf-8")
    assert cache.get(path) is None  # the sidecar feeds metadata, so it is part of the key
    cache.put(path, source_key(path), Entry(iv, analyse(iv)[0], None))
    assert cache.get(path) is not None

    monkeypatch.setattr(parse_cache, "PARSER_VERSION", "999")
    assert cache.get(path) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty", "wrong shape"])
def test_damaged_entries_are_misses_and_get_rewritten(tmp_path, damage, parse_calls):
    paths = write_corpus(tmp_path / "c", 2)
    cache_dir = tmp_path / "cache"
    first = run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(cache_dir), workers=1))
    assert len(parse_calls) == 2
    cache = ParseCache(cache_dir)
    data = cache_blob(cache, paths[0])
    if damage == "garbage":
        set_cache_blob(cache, paths[0], os.urandom(len(data)))
    elif damage == "truncated":
        set_cache_blob(cache, paths[0], data[: len(data) // 2])
    elif damage == "flipped":
        set_cache_blob(cache, paths[0], data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif damage == "empty":
        set_cache_blob(cache, paths[0], b"")
    else:  # a valid checksum over a payload of the wrong shape
        import marshal
        import zlib

        payload = marshal.dumps((parse_cache.CACHE_VERSION, parse_cache.PARSER_VERSION, paths[0],
                                 source_key(paths[0]), ("not", "an", "interview"), (), None))
        set_cache_blob(cache, paths[0], b"KZRC" + zlib.crc32(payload).to_bytes(4, "little") + payload)
    assert cache.get(paths[0]) is None

    parse_calls.clear()
    second = run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(cache_dir), workers=1))
    assert parse_calls == [paths[0]]  # only the damaged entry was parsed again
    assert sorted(x.item.path for x in second) == sorted(x.item.path for x in first)
    assert cache.get(paths[0]) is not None  # and rewritten


# -- loads ---------------------------------------------------------------------------------------
def test_second_load_comes_from_the_cache(tmp_path, parse_calls):
    write_corpus(tmp_path / "c", 3)
    job = lambda: loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"),  # noqa: E731
                                  lexicon=Lexicon.load_default(), workers=1)
    cold = run(job())
    assert len(parse_calls) == 3 and not any(x.cached for x in cold)
    parse_calls.clear()
    warm = run(job())
    assert parse_calls == []
    assert all(x.cached for x in warm)
    assert [x.item for x in warm] == [x.item for x in cold]
    assert [x.terms for x in warm] == [x.terms for x in cold]
    # "энергетическое ... электростанции" is the energy theme in the first exchange
    assert "energy" in warm[0].themes[0]
    assert warm[0].themes == cold[0].themes


def test_an_edited_file_is_parsed_again_with_its_new_text(tmp_path, parse_calls):
    paths = write_corpus(tmp_path / "c", 2)
    run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), workers=1))
    Path(paths[1]).write_text(INTERVIEW.format(n=1).replace("Что дальше?", "Что будет потом?"),
                              encoding="utf-8")
    bump_mtime(paths[1])  # a same-second edit on a coarse clock must still count
    parse_calls.clear()
    got = run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), workers=1))
    assert parse_calls == [paths[1]]
    edited = next(x.item for x in got if x.item.path == paths[1])
    assert edited.exchanges[1].question.text == "Что будет потом?"


def test_tags_follow_a_changed_lexicon(tmp_path):
    write_corpus(tmp_path / "c", 1)
    default = Lexicon.load_default()
    run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), lexicon=default, workers=1))
    small = Lexicon.from_text(
        "themes:\n  - id: future\n    name_ru: Будущее\n    colour: \"#336699\"\n    keywords: [дальше]\n")
    (got,) = run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), lexicon=small,
                                 workers=1))
    assert got.cached and got.lexicon_key == lexicon_key(small)
    assert got.themes == (frozenset(), frozenset({"future"}))


def test_unreadable_files_become_problems_and_the_rest_load(tmp_path):
    write_corpus(tmp_path / "c", 2)
    (tmp_path / "c" / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    got = run(loading.LoadJob([str(tmp_path / "c"), str(tmp_path / "missing")],
                              cache_dir=str(tmp_path / "cache"), workers=1))
    problems = [x.item for x in got if isinstance(x.item, Problem)]
    assert sorted(os.path.basename(p.path) for p in problems) == ["bad.txt", "missing"]
    assert sum(isinstance(x.item, Interview) for x in got) == 2


def test_cancel_stops_the_load(tmp_path):
    write_corpus(tmp_path / "c", 10)
    got = []

    def emit(batch):
        got.extend(batch)

    job = loading.LoadJob([str(tmp_path / "c")], workers=1)
    assert job.run(emit, cancelled=lambda: len(got) >= 1) is False
    assert len(got) == 1


def test_a_cold_first_row_does_not_wait_for_the_other_files_cache_look_ups(tmp_path, monkeypatch):
    paths = write_corpus(tmp_path / "c", 6)
    # the cache holds an entry for every file, each stale (the files changed since): every
    # file is looked up, and misses
    run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), workers=1))
    for p in paths:
        bump_mtime(p)
    looked_up = []
    real = loading._Analyser.from_cache

    def from_cache(self, path):
        looked_up.append(path)
        return real(self, path)

    monkeypatch.setattr(loading._Analyser, "from_cache", from_cache)
    seen_at_first_row = []
    got_cold = []

    def emit(batch):
        if not seen_at_first_row:
            seen_at_first_row.append(len(looked_up))
        got_cold.extend(batch)

    job = loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), workers=1)
    assert job.run(emit)
    assert seen_at_first_row == [1] and len(looked_up) == len(paths)
    assert len(got_cold) == len(paths) and not any(x.cached for x in got_cold)
    # the next load takes every file from the cache, still in file order
    got = run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), workers=1))
    assert [x.item.path for x in got] == paths and all(x.cached for x in got)



def test_only_files_the_cache_holds_are_looked_up(tmp_path, monkeypatch):
    """A file the cache has no entry for is a miss without a query (a cold load: every file);
    one it holds is looked up, and a stale entry still misses."""
    paths = write_corpus(tmp_path / "c", 6)
    cache = str(tmp_path / "cache")
    looked_up = []
    real = ParseCache.get

    def get(self, path, *a, **k):
        looked_up.append(path)
        return real(self, path, *a, **k)

    monkeypatch.setattr(ParseCache, "get", get)
    monkeypatch.setattr(loading, "HELD_QUERY_FROM", 2)
    run(loading.LoadJob(paths[:3], cache_dir=cache, workers=1))
    assert looked_up == []  # an empty cache: nothing to look up
    bump_mtime(paths[1])  # held, but stale
    got = run(loading.LoadJob([str(tmp_path / "c")], cache_dir=cache, workers=1))
    assert looked_up == paths[:3]
    # the two hits come first, then the parsed files, each in file order
    order = [0, 2, 1, 3, 4, 5]
    assert [x.item.path for x in got] == [paths[i] for i in order]
    assert [x.cached for x in got] == [True, True, False, False, False, False]
    assert ParseCache(cache).held_paths() == frozenset(paths)
    # below HELD_QUERY_FROM files every one is looked up, as a query of the held paths would
    # cost more than the look-ups
    monkeypatch.setattr(loading, "HELD_QUERY_FROM", 7)
    looked_up.clear()
    run(loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "other"), workers=1))
    assert looked_up == paths


def test_worker_processes_give_the_same_result_in_file_order(tmp_path, monkeypatch):
    paths = write_corpus(tmp_path / "c", 8)
    monkeypatch.setattr(loading, "MIN_FILES_FOR_POOL", 2)
    monkeypatch.setattr(loading, "CHUNK", 3)
    lex = Lexicon.load_default()
    job = loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), lexicon=lex, workers=2)
    t = time.monotonic()
    pooled = run(job)
    assert job.used_pool, f"pool not used ({time.monotonic() - t:.1f} s)"
    assert [x.item.path for x in pooled] == paths
    serial = run(loading.LoadJob([str(tmp_path / "c")], lexicon=lex, workers=1))
    assert [x.item for x in pooled] == [x.item for x in serial]
    assert [x.themes for x in pooled] == [x.themes for x in serial]
    # the workers wrote the cache entries
    assert all(ParseCache(tmp_path / "cache").get(p) is not None for p in paths)


def test_workers_send_each_word_form_once_and_the_index_still_knows_every_form(tmp_path, monkeypatch):
    """A worker leaves out of a file's terms the word forms it sent with an earlier file; the
    index, taking the files in order, must end up knowing every form of every file, and a
    search highlights a form that only an earlier file of the same worker brought."""
    from kzreader.core.search.search import SearchIndex

    own = ["газопровод", "урожая", "цепочек", "Казахстаном", "поставок", "трубопроводы",
           "зерна", "пшеницы", "экспорт", "нефти"]
    folder = tmp_path / "c"
    write_interviews(folder, len(own), INTERVIEW + "\n— Вопрос про {n}?\n\n— Ответ: {n} и ещё раз {n}.\n")
    for i, word in enumerate(own):  # a word of its own in each file, beside the shared text
        p = folder / f"{i:03d}.txt"
        p.write_text(p.read_text("utf-8").replace(f"про {i}?", f"про {word}?"), "utf-8")
    monkeypatch.setattr(loading, "MIN_FILES_FOR_POOL", 2)
    monkeypatch.setattr(loading, "CHUNK", 2)
    index = SearchIndex()
    job = loading.LoadJob([str(folder)], workers=2, index=index)
    got = run(job)
    assert job.used_pool
    full = [analyse(x.item)[0][3] for x in got]
    assert all(set(x.terms[3]) <= set(f) for x, f in zip(got, full))
    # the shared words went out once per worker, not once per file
    sent = sum(len(x.terms[3]) for x in got)
    assert sent <= 2 * len(full[0]) + len(own) * 4 < sum(len(f) for f in full)
    assert index.stats()["word_forms"] == len(set().union(*full))
    for i, word in enumerate(own):
        hits = index.search(word)
        assert [h.interview_id for h in hits] == [got[i].item.id]
        assert hits[0].match_spans  # its forms are known: the text check found and marked them
    # "Оно" is in every file; the later files' terms left it out, their hits are marked all the same
    hits = index.search("оно")
    assert len(hits) == len(own) and all(h.match_spans for h in hits)


def test_workers_started_for_a_cold_load_that_was_cached_after_all_are_let_go(tmp_path, monkeypatch):
    paths = write_corpus(tmp_path / "c", 8)
    cache = str(tmp_path / "cache")
    run(loading.LoadJob([str(tmp_path / "c")], cache_dir=cache, workers=1))
    Path(paths[0]).write_text(Path(paths[0]).read_text("utf-8") + "\n\n— Ещё вопрос?\n\n— Ответ.\n", "utf-8")
    monkeypatch.setattr(loading, "MIN_FILES_FOR_POOL", 2)
    started = []
    real = loading.ProcessPoolExecutor

    def spy(*a, **k):
        started.append(real(*a, **k))
        return started[-1]

    monkeypatch.setattr(loading, "ProcessPoolExecutor", spy)
    job = loading.LoadJob([str(tmp_path / "c")], cache_dir=cache, workers=2)
    got = run(job)
    # the first file missed the cache, so workers were started; the other seven hit it
    assert len(started) == 1 and not job.used_pool
    assert started[0]._shutdown_thread  # and the pool was shut down
    assert [x.item.path for x in got] == paths
    assert [x.cached for x in got] == [False] + [True] * 7
    assert got[0].item.exchange_count == run(loading.LoadJob([paths[0]], workers=1))[0].item.exchange_count


def test_a_pool_that_cannot_start_falls_back_to_this_thread(tmp_path, monkeypatch):
    paths = write_corpus(tmp_path / "c", 5)
    monkeypatch.setattr(loading, "MIN_FILES_FOR_POOL", 2)

    class Broken:
        def __init__(self, *a, **k):
            raise OSError("no processes here")

    monkeypatch.setattr(loading, "ProcessPoolExecutor", Broken)
    got = run(loading.LoadJob([str(tmp_path / "c")], workers=2))
    assert [x.item.path for x in got] == paths
