"""The search index and the query language (core, no Qt)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from kzreader.core.model import Exchange, Interview, Paragraph, Turn
from kzreader.core.search.query import PhraseTerm, PrefixTerm, WordTerm, find_in_text, parse_query
from kzreader.core.search.search import SearchIndex


def make_interview(iid: str, exchanges, lead=()) -> tuple[Interview, str]:
    """An Interview over a made-up source: each paragraph on its own, questions led by a dash.

    ``exchanges`` is [(question, [answer paragraphs])].  Returns the interview and its source,
    so tests can check that match spans point at the right words of the source.
    """
    parts: list[str] = []
    pos = 0

    def para(text: str) -> Paragraph:
        nonlocal pos
        p = Paragraph(pos, pos + len(text), text)
        parts.append(text)
        pos += len(text) + 2  # "\n\n" between paragraphs
        return p

    lead_ps = tuple(para(t) for t in lead)
    exs = []
    for n, (q, answer) in enumerate(exchanges, 1):
        qp = para("— " + q)
        aps = tuple(para(t) for t in answer)
        exs.append(Exchange(n, Turn("question", (qp,)), Turn("answer", aps)))
    iv = Interview(id=iid, path=f"/corpus/{iid}.txt", lead=lead_ps, exchanges=tuple(exs))
    return iv, "\n\n".join(parts)


FILLER = (
    "Мы много говорили о погоде, о культуре и о спорте. Город меняется, люди тоже. "
    "Это обычная жизнь большого города, в ней нет ничего необычного. "
)


@pytest.fixture
def corpus():
    energy, energy_src = make_interview(
        "energy",
        [
            ("Что Вы думаете об энергетической безопасности региона?",
             ["Энергетическая безопасность — главный вопрос. Без энергетической безопасности нет "
              "развития, а энергетическую безопасность надо строить годами.",
              "Второй абзац про энергетику и ёмкость сетей."]),
            ("Как дела с образованием?",
             ["Образование развивается, школы строятся. " + FILLER]),
        ],
        lead=["Интервью с экспертом об энергетике."],
    )
    passing, passing_src = make_interview(
        "passing",
        [
            ("Как прошло лето?",
             [FILLER * 3 + "Кстати, энергетическая безопасность тоже упоминалась. " + FILLER]),
            ("Безопасность на дорогах?",
             ["Политика и безопасность на дорогах, а энергетическая отрасль тут ни при чём."]),
        ],
    )
    gas, gas_src = make_interview(
        "gas",
        [("Что пишет газета?", ["Газета пишет про газ и газом отапливаемые дома. Ёлка стоит."])],
    )
    idx = SearchIndex()
    for iv in (energy, passing, gas):
        idx.add_interview(iv)
    return idx, {"energy": energy_src, "passing": passing_src, "gas": gas_src}


def matched_words(hit, sources) -> list[str]:
    return [sources[hit.interview_id][s:e] for s, e in hit.match_spans]


def keys(hits) -> list[tuple[str, int]]:
    return [(h.interview_id, h.exchange_number) for h in hits]


# ---- the query language ----------------------------------------------------------------

def test_parse_query_terms():
    q = parse_query('Энергетическая "энергетической безопасности" -газ транс* ')
    assert q.include == (
        WordTerm("энергетическ", "энергетическая"),
        PhraseTerm(("энергетическ", "безопасн"), "энергетической безопасности"),
        PrefixTerm("транс"),
    )
    assert q.exclude == (WordTerm("газ", "газ"),)


@pytest.mark.parametrize(
    "raw",
    ['"', '""', '"unbalanced phrase', "-", "--", "*", "**", "-*", "a*b*", "«»", ")(", "\x00", " ",
     "-\"", "\"-газ", "газ-", "-газ", "'", "\\", "[", "(?", "ё*", "*газ"],
)
def test_odd_queries_do_not_raise(corpus, raw):
    idx, _ = corpus
    q = parse_query(raw)
    idx.search(raw)
    idx.search(q)
    find_in_text(raw, "Газета пишет про газ.")


def test_unbalanced_quote_runs_to_the_end():
    q = parse_query('газ "энергетическая безопасность')
    assert q.include[1] == PhraseTerm(("энергетическ", "безопасн"), "энергетическая безопасность")


def test_only_exclusions_match_nothing(corpus):
    idx, _ = corpus
    assert idx.search("-газ") == []
    assert find_in_text("-газ", "Про погоду.") == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from('аёеЁгз "«»-*_.,ab \n'), max_size=30))
def test_parse_never_raises(raw):
    parse_query(raw)
    find_in_text(raw, "Газета про газ, ёлка и елка — ab")


# ---- find in text (Ctrl+F) -------------------------------------------------------------

def test_find_in_text_word_forms_and_case():
    text = "ЭНЕРГЕТИЧЕСКОЙ безопасности мало. Энергетическая безопасность!"
    spans = find_in_text("энергетическая безопасность", text)
    assert [text[s:e] for s, e in spans] == [
        "ЭНЕРГЕТИЧЕСКОЙ", "безопасности", "Энергетическая", "безопасность"]


def test_find_in_text_yo_equals_ye():
    text = "Ёлка и елка, ЁЛКИ."
    assert [text[s:e] for s, e in find_in_text("елка", text)] == ["Ёлка", "елка", "ЁЛКИ"]
    assert [text[s:e] for s, e in find_in_text("ёлки", text)] == ["Ёлка", "елка", "ЁЛКИ"]


def test_find_in_text_phrase_needs_adjacency():
    text = "энергетическая политика и безопасность; энергетической безопасности"
    spans = find_in_text('"энергетическая безопасность"', text)
    assert [text[s:e] for s, e in spans] == ["энергетической безопасности"]


def test_find_in_text_phrase_does_not_cross_paragraphs():
    assert find_in_text('"газ нефть"', "газ\n\nнефть") == []
    assert find_in_text('"газ нефть"', "газ\nнефть") == [(0, 9)]


def test_find_in_text_prefix_is_on_words_not_stems():
    text = "газ, газом, газета, газели"
    # "газом" has the stem "газ", but only words starting with "газо" match "газо*"
    assert [text[s:e] for s, e in find_in_text("газо*", text)] == ["газом"]
    assert [text[s:e] for s, e in find_in_text("газ*", text)] == ["газ", "газом", "газета", "газели"]


def test_find_in_text_all_terms_required_and_exclusion():
    text = "Газета пишет про газ."
    assert find_in_text("газ нефть", text) == []
    assert find_in_text("газ -газета", text) == []
    assert find_in_text("газ -нефть", text) == [(17, 20)]


def test_find_in_text_english_stems():
    text = "Energy security matters; securing energies too."
    assert [text[s:e] for s, e in find_in_text("energy secure", text)] == [
        "Energy", "security", "securing", "energies"]


# ---- the index -------------------------------------------------------------------------

def test_word_forms_found(corpus):
    idx, src = corpus
    hits = idx.search("энергетическая безопасность")
    assert set(keys(hits)) == {("energy", 1), ("passing", 1), ("passing", 2)}
    energy = next(h for h in hits if h.interview_id == "energy")
    assert matched_words(energy, src) == [
        "энергетической", "безопасности",  # in the question
        "Энергетическая", "безопасность", "энергетической", "безопасности",
        "энергетическую", "безопасность"]


def test_reverse_word_forms(corpus):
    idx, _ = corpus
    assert set(keys(idx.search("энергетической безопасности"))) == {
        ("energy", 1), ("passing", 1), ("passing", 2)}


def test_phrase_and_non_adjacent_pair(corpus):
    idx, src = corpus
    # exchange passing/2 has "энергетическая" and "безопасность", but not next to each other
    assert ("passing", 2) in keys(idx.search("энергетическая безопасность"))
    hits = idx.search('"энергетическая безопасность"')
    assert set(keys(hits)) == {("energy", 1), ("passing", 1)}
    passing = next(h for h in hits if h.interview_id == "passing")
    assert matched_words(passing, src) == ["энергетическая безопасность"]


def test_exclusion(corpus):
    idx, _ = corpus
    assert set(keys(idx.search("безопасность"))) == {("energy", 1), ("passing", 1), ("passing", 2)}
    assert set(keys(idx.search("безопасность -дорога"))) == {("energy", 1), ("passing", 1)}
    assert set(keys(idx.search('безопасность -"энергетическая безопасность"'))) == {("passing", 2)}


def test_prefix(corpus):
    idx, src = corpus
    hits = idx.search("газо*")
    assert keys(hits) == [("gas", 1)]
    assert matched_words(hits[0], src) == ["газом"]
    # "газ*" also finds "газета" in the question
    assert matched_words(idx.search("газ*")[0], src) == ["газета", "Газета", "газ", "газом"]
    # a prefix that only the stem "газ" shares, with no word starting with it
    assert idx.search("газы*") == []


def test_yo_equals_ye(corpus):
    idx, src = corpus
    for q in ("елка", "ЁЛКА", "ёлки"):
        hits = idx.search(q)
        assert keys(hits) == [("gas", 1)]
        assert matched_words(hits[0], src) == ["Ёлка"]
    assert keys(idx.search("емкость")) == [("energy", 1)]


def test_lead_is_a_unit(corpus):
    idx, src = corpus
    hits = idx.search("энергетика")
    assert ("energy", 0) in keys(hits)
    lead = next(h for h in hits if h.exchange_number == 0)
    assert matched_words(lead, src) == ["энергетике"]


def test_ranking_exchange_about_topic_above_passing_mention(corpus):
    idx, _ = corpus
    hits = idx.search("энергетическая безопасность")
    assert keys(hits)[0] == ("energy", 1)
    assert hits[0].score > hits[1].score


def test_snippet_and_highlights_exact(corpus):
    idx, _ = corpus
    (hit,) = idx.search("упоминалась")
    # the match sits deep in a long paragraph: the snippet is a window around it
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= 202
    assert [hit.snippet[s:e] for s, e in hit.snippet_highlights] == ["упоминалась"]
    (s, e), = hit.snippet_highlights
    assert hit.snippet[s - 33:s] == "Кстати, энергетическая безопасность тоже "[-33:]


def test_snippet_highlights_of_several_words(corpus):
    idx, _ = corpus
    hit = idx.search("газ газета")[0]
    assert hit.snippet == "Газета пишет про газ и газом отапливаемые дома. Ёлка стоит."
    assert [hit.snippet[s:e] for s, e in hit.snippet_highlights] == ["Газета", "газ", "газом"]


def test_scope_interviews_and_filter(corpus):
    idx, _ = corpus
    assert set(keys(idx.search("безопасность", interview_ids={"passing"}))) == {
        ("passing", 1), ("passing", 2)}
    assert idx.search("безопасность", interview_ids=set()) == []
    only_second = idx.search("безопасность", exchange_filter=lambda iid, n: n == 2)
    assert keys(only_second) == [("passing", 2)]


def test_a_huge_limit_asks_the_engine_only_for_what_exists(corpus):
    idx, _src = corpus
    assert len(idx.search("газ", limit=10**9)) == len(idx.search("газ", limit=1000))


def test_limit(corpus):
    idx, _ = corpus
    assert len(idx.search("безопасность", limit=2)) == 2
    assert idx.search("безопасность", limit=0) == []


def test_remove_and_readd(corpus):
    idx, src = corpus
    assert idx.remove_interview("gas") is True
    assert idx.remove_interview("gas") is False
    assert idx.search("газета") == []
    assert "gas" not in idx and len(idx) == 2
    # re-added with different text (a reload): only the new text is found
    iv, new_src = make_interview("gas", [("Про нефть?", ["Нефть и газета."])])
    idx.add_interview(iv)
    src["gas"] = new_src
    hits = idx.search("газета")
    assert keys(hits) == [("gas", 1)]
    assert matched_words(hits[0], src) == ["газета"]
    assert idx.search("ёлка") == []
    # adding the same id again replaces, never duplicates
    idx.add_interview(iv)
    assert keys(idx.search("газета")) == [("gas", 1)]


def test_replacing_interviews_many_times_keeps_one_copy_of_each():
    idx = SearchIndex()
    for round_ in range(3):
        for i in range(800):
            iv, _ = make_interview(f"iv{i}", [("Газ?", [f"Газ номер {round_}."])])
            idx.add_interview(iv)
        idx.search("газ")  # a search between rounds commits the round
    hits = idx.search("газ", limit=2000)
    assert len(hits) == 800
    assert idx.stats()["units"] == 800
    assert {h.snippet for h in idx.search("номер 2", limit=1000)} == {"Газ номер 2."}
    assert idx.search("номер 1") == []


# ---- the index on disk ---------------------------------------------------------------

def test_an_index_in_a_folder_is_reused_through_its_state(tmp_path):
    ivs = [make_interview(f"iv{i}", [("Газ?", [f"Газ номер {i}."])])[0] for i in range(3)]
    a = SearchIndex()
    assert a.use_dir(tmp_path / "ix")
    a.add_interviews(ivs)
    state = a.state()
    b = SearchIndex()
    assert b.use_dir(tmp_path / "ix")  # a released its writer when it saved the state
    assert not b.restored
    b.restore(state, {iv.id: iv for iv in ivs[1:]})  # iv0's file is gone
    assert b.restored
    assert len(b) == 2 and "iv0" not in b
    assert sorted(keys(b.search("газ"))) == [("iv1", 1), ("iv2", 1)]


def test_an_index_the_state_does_not_name_is_emptied_and_refused(tmp_path):
    ivs = [make_interview(f"iv{i}", [("Газ?", ["Газ."])])[0] for i in range(3)]
    a = SearchIndex()
    a.use_dir(tmp_path / "ix")
    a.add_interviews(ivs)
    state = a.state()
    # changed after the state was taken (a later load that stopped half-way)
    a.add_interview(make_interview("iv9", [("Газ?", ["Газ."])])[0])
    a.release()
    b = SearchIndex()
    b.use_dir(tmp_path / "ix")
    with pytest.raises(ValueError):
        b.restore(state, {iv.id: iv for iv in ivs})
    assert len(b) == 0 and b.search("газ") == []
    b.add_interview(ivs[0])
    assert keys(b.search("газ")) == [("iv0", 1)]  # nothing of the old contents survives
    # another format (an older kzreader) is refused the same way
    with pytest.raises(ValueError):
        b.restore(("1/little/4",) + tuple(state[1:]), {})
    with pytest.raises(ValueError):
        b.restore(("nonsense",), {})


def test_a_folder_another_writer_holds_leaves_the_index_in_memory(tmp_path, monkeypatch):
    import kzreader.core.search.search as search

    monkeypatch.setattr(search, "WRITER_WAIT", 0.1)
    a = SearchIndex()
    assert a.use_dir(tmp_path / "ix")  # holds the folder until released
    b = SearchIndex()
    assert not b.use_dir(tmp_path / "ix")
    b.add_interview(make_interview("b", [("Газ?", ["Газ."])])[0])
    assert keys(b.search("газ")) == [("b", 1)]
    with pytest.raises(ValueError):
        b.attach(a.state())  # b never used the folder: nothing to attach
    assert SearchIndex().use_dir(tmp_path / "ix")  # a let go of it when it saved its state


def test_a_folder_that_is_no_index_is_started_afresh(tmp_path):
    folder = tmp_path / "ix"
    folder.mkdir()
    (folder / "meta.json").write_text("{not json", encoding="utf-8")
    idx = SearchIndex()
    assert idx.use_dir(folder)
    idx.add_interview(make_interview("a", [("Газ?", ["Газ."])])[0])
    assert keys(idx.search("газ")) == [("a", 1)]


def test_text_whose_length_changes_when_lowered():
    # "İ".lower() is two characters: offsets must still point at the source words
    iv, src = make_interview("tr", [("İstanbul и газ?", ["Газ İİ газом."])])
    idx = SearchIndex()
    idx.add_interview(iv)
    (hit,) = idx.search("газ")
    assert [src[s:e] for s, e in hit.match_spans] == ["газ", "Газ", "газом"]


def test_very_long_words():
    iv, src = make_interview("long", [("Число?", ["1" * 500 + " и " + "2" * 300 + "."])])
    idx = SearchIndex()
    idx.add_interview(iv)
    (hit,) = idx.search("1*")
    assert [src[s:e] for s, e in hit.match_spans] == ["1" * 500]


_WORDS = ["газ", "газа", "газета", "Газом", "ёлка", "елки", "энергетическая", "энергетической",
          "безопасность", "security", "secure", "в", "и"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), min_size=1, max_size=3),
             min_size=1, max_size=4),
    st.lists(st.sampled_from(_WORDS + ['"газ газета"', '"энергетическая безопасность"', "газ*", "ел*",
                                       "-газ", "-ёлка", '-"в и"', "secur*"]), min_size=1, max_size=3),
)
def test_index_agrees_with_find_in_text(exchanges, query_parts):
    """The index (postings + word-form scan) finds exactly what the plain tokeniser finds."""
    from kzreader.core.search.query import all_tokens, match_pieces

    query = parse_query(" ".join(query_parts))
    idx = SearchIndex()
    expected = {}
    for i, paragraphs in enumerate(exchanges):
        texts = [" ".join(ws) + "." for ws in paragraphs]
        iv, _ = make_interview(f"iv{i}", [(texts[0], texts[1:])])
        idx.add_interview(iv)
        paras = iv.exchanges[0].question.paragraphs + iv.exchanges[0].answer.paragraphs
        spans = match_pieces(query, [(p.text, p.start) for p in paras], all_tokens)
        if spans is not None:
            expected[(iv.id, 1)] = spans
    got = {(h.interview_id, h.exchange_number): list(h.match_spans) for h in idx.search(query)}
    assert got == expected


def test_word_hits_match_their_text_only_when_asked(corpus, monkeypatch):
    """Whole-word queries: the hits come from the index alone, each unit's text is matched
    when its snippet or spans are first read, and then they are what a checked hit has."""
    import kzreader.core.search.hits as hits_mod

    idx, sources = corpus
    calls = []
    real = hits_mod.match_pieces
    monkeypatch.setattr(hits_mod, "match_pieces", lambda *a, **k: calls.append(1) or real(*a, **k))
    hits = idx.search("безопасность -газ")
    assert keys(hits) and not calls
    q = parse_query("безопасность -газ")
    finder = idx._finder(q)
    checked = [hits_mod.checked_hit(q, idx.interview(h.interview_id), h.exchange_number,
                                      h.score, finder, None) for h in hits]
    calls.clear()
    first = hits[0]
    assert matched_words(first, sources)  # the first one is worked out ...
    assert len(calls) == 1
    assert first.snippet == checked[0].snippet  # ... once
    assert len(calls) == 1
    assert hits == checked
    assert set(keys(hits)) == {("energy", 1), ("passing", 1), ("passing", 2)}
    assert {w.lower() for h in hits for w in matched_words(h, sources)} == {
        "безопасности", "безопасность"}


def test_a_prefix_whose_stems_have_forms_without_it_is_checked_on_the_text():
    """"газо*" reaches the index through the stem of "газом", which "газ" shares: a unit
    with just "газ" is a candidate there, and the text check must drop it."""
    plain, _ = make_interview("plain", [("Что с ценами?", ["Про газ и только про газ."])])
    form, src = make_interview("form", [("Чем топят?", ["Дома отапливаются газом."])])
    idx = SearchIndex()
    idx.add_interviews([plain, form])
    hits = idx.search("газо*")
    assert keys(hits) == [("form", 1)]
    assert matched_words(hits[0], {"form": src}) == ["газом"]
