"""The session: one object holding the loaded interviews, their theme tags and the search
index, fed with complete records and telling its watchers (no Qt)."""
from __future__ import annotations

import os

from kzreader.core.corpus.loading import Loaded
from kzreader.core.model import Interview
from kzreader.core.corpus.session import LoadSettings, Session, SessionWatcher
from kzreader.core.themes.lexicon import Lexicon

LEXICON = """
version: 1
themes:
  - id: grain
    name_ru: Зерно
    name_en: Grain
    colour: "#aa8800"
    keywords: [пшеница]
  - id: oil
    name_ru: Нефть
    name_en: Oil
    colour: "#333333"
    keywords: [нефть]
"""

# one exchange about wheat, one about oil (one interview per file, the file's word in the lead)
TEXT = """Беседа с экспертом Иваном Петровым о {word}.

— Что с урожаем пшеницы в этом году?

— Пшеница уродилась хорошо, урожай пшеницы большой.

— А что с нефтью?

— Нефть дешевеет, добыча нефти падает.
"""


class Recorder(SessionWatcher):
    def __init__(self):
        self.events = []

    def on_cleared(self):
        self.events.append(("cleared",))

    def on_added(self, interviews, problems):
        self.events.append(("added", [iv.id for iv in interviews], [p.path for p in problems]))

    def on_finished(self, complete):
        self.events.append(("finished", complete))

    def on_retagged(self):
        self.events.append(("retagged",))


def corpus(folder, words=("абрикосах", "бегемотах", "верблюдах")):
    folder.mkdir(parents=True, exist_ok=True)
    for i, word in enumerate(words):
        (folder / f"{i:03}.txt").write_text(TEXT.format(word=word), encoding="utf-8")
    return folder


def found(session, query):
    """Files (names) whose interviews the search finds ``query`` in."""
    return sorted(os.path.basename(session.interview(h.interview_id).path)
                  for h in session.index.search(query))


def test_a_load_fills_corpus_tags_and_index_and_tells_watchers(tmp_path):
    folder = corpus(tmp_path / "c")
    (folder / "zz_empty.txt").write_text("", encoding="utf-8")
    session = Session(Lexicon.from_text(LEXICON))
    rec = Recorder()
    session.watch(rec)
    assert session.load([str(folder)]) is True

    names = [os.path.basename(iv.path) for iv in session.corpus.interviews]
    assert names == ["000.txt", "001.txt", "002.txt"]
    assert [os.path.basename(p.path) for p in session.corpus.problems] == ["zz_empty.txt"]
    iv = session.corpus.interviews[1]
    assert iv.exchange_count == 2
    # question 1 is about wheat, question 2 about oil (read from TEXT above)
    assert session.themes.exchange_themes[iv.id] == (frozenset({"grain"}), frozenset({"oil"}))
    assert session.themes.count("grain") == 3 and session.themes.count("oil") == 3
    assert found(session, "бегемотах") == ["001.txt"]  # the lead of one file only
    assert found(session, "пшеница") == ["000.txt", "001.txt", "002.txt"]

    kinds = [e[0] for e in rec.events]
    assert kinds[0] == "cleared" and kinds[-1] == "finished" and set(kinds[1:-1]) == {"added"}
    added_ids = [i for e in rec.events if e[0] == "added" for i in e[1]]
    assert added_ids == [iv.id for iv in session.corpus.interviews]
    assert rec.events[-1] == ("finished", True)


def test_reload_after_a_file_was_removed_and_one_edited(tmp_path):
    folder = corpus(tmp_path / "c")
    settings = LoadSettings(cache_dir=str(tmp_path / "cache"))
    session = Session(Lexicon.from_text(LEXICON), settings)
    session.load([str(folder)])
    assert found(session, "верблюдах") == ["002.txt"]
    old_ids = {iv.id for iv in session.corpus.interviews}

    (folder / "002.txt").unlink()
    edited = TEXT.format(word="жирафах").replace("А что с нефтью?", "А что с погодой?")
    edited = edited.replace("Нефть дешевеет, добыча нефти падает.", "Дожди идут.")
    (folder / "000.txt").write_text(edited, encoding="utf-8")
    session.load([str(folder)])  # the unchanged file comes from the cache or the snapshot

    names = sorted(os.path.basename(iv.path) for iv in session.corpus.interviews)
    assert names == ["000.txt", "001.txt"]
    assert found(session, "верблюдах") == []  # the removed file is not searched any more
    assert found(session, "абрикосах") == []  # nor the edited file's old words
    assert found(session, "жирафах") == ["000.txt"]
    assert found(session, "нефть") == ["001.txt"]
    ids = {iv.id for iv in session.corpus.interviews}
    assert set(session.themes.exchange_themes) == ids
    assert session.themes.count("oil") == 1 and session.themes.count("grain") == 2
    assert len(old_ids - ids) >= 1


def test_results_of_a_replaced_load_are_ignored(tmp_path):
    one, two = corpus(tmp_path / "one"), corpus(tmp_path / "two", ("жирафах",))
    session = Session(Lexicon.from_text(LEXICON))
    rec = Recorder()
    session.watch(rec)
    old = session.start([str(one)])
    old_job = old.job()
    session.load([str(two)])
    old_job.run(old.deliver)  # the old load still runs to the end, into nothing
    old.finish()
    assert [os.path.basename(iv.path) for iv in session.corpus.interviews] == ["000.txt"]
    assert found(session, "жирафах") == ["000.txt"] and found(session, "абрикосах") == []
    assert [e[0] for e in rec.events].count("finished") == 1


def test_a_new_lexicon_tags_again_and_late_records_follow_it(tmp_path):
    folder = corpus(tmp_path / "c")
    session = Session(Lexicon.from_text(LEXICON))
    rec = Recorder()
    session.watch(rec)
    load = session.start([str(folder)])
    batches = []
    load.job().run(batches.append)
    load.deliver(batches[0])  # the first file arrives under the old lexicon

    grain_only = Lexicon.from_text(LEXICON.split("  - id: oil")[0])
    session.set_lexicon(grain_only)
    assert rec.events[-1] == ("retagged",)
    for batch in batches[1:]:  # tagged under the old lexicon in the loader
        assert all(r.themes is not None for r in batch if isinstance(r.item, Interview))
        load.deliver(batch)
    load.finish()
    assert session.themes.count("oil") == 0 and session.themes.count("grain") == 3
    assert all(t == (frozenset({"grain"}), frozenset()) for t in session.themes.exchange_themes.values())


def test_records_not_indexed_by_the_loader_are_indexed_by_the_session(tmp_path):
    from kzreader.core.corpus.corpus import load_file

    path = corpus(tmp_path / "c", ("жирафах",)) / "000.txt"
    session = Session(Lexicon.from_text(LEXICON))
    load = session.start([str(path)])
    load.deliver([Loaded(load_file(str(path)))])  # no tags, not indexed
    assert found(session, "жирафах") == ["000.txt"]
    assert session.themes.count("grain") == 1


def test_the_lexicon_is_compiled_by_the_load_not_when_it_is_set(tmp_path, monkeypatch):
    """Setting a lexicon (the window does it on its own thread before the first load) compiles
    nothing; the load compiles it once, in the thread that tags, and the tags are those the
    index gives (each file: grain in question 1, oil in question 2, as TEXT reads)."""
    import threading

    from kzreader.core.themes import matching
    from kzreader.core.themes.matching import ThemeIndex

    built = []
    init = ThemeIndex.__init__

    def counted(self, lexicon):
        built.append(threading.current_thread().name)
        init(self, lexicon)

    monkeypatch.setattr(ThemeIndex, "__init__", counted)
    monkeypatch.setattr(matching, "_COMPILED", {})  # no index left over from another test
    folder = corpus(tmp_path / "c")
    session = Session(Lexicon.from_text(LEXICON))
    session.set_lexicon(Lexicon.from_text(LEXICON))
    assert built == [] and session.theme_ids == ("grain", "oil")

    load = session.start([str(folder)])
    batches = []
    worker = threading.Thread(target=lambda: load.job().run(batches.append), name="loader")
    worker.start()
    worker.join()
    assert built == ["loader"]
    for batch in batches:
        load.deliver(batch)
    load.finish()
    assert session.themes.count("grain") == 3 and session.themes.count("oil") == 3
    assert set(session.themes.exchange_themes.values()) == {(frozenset({"grain"}), frozenset({"oil"}))}
    assert session.theme_index is ThemeIndex.compiled(session.lexicon) and built == ["loader"]
