"""Reading across interviews (core.across) and similar questions (core.similar), no Qt."""
from __future__ import annotations

import pytest

from kzreader.core.themes.across import (
    AcrossItem,
    group_starts,
    header,
    items_for_hits,
    items_for_themes,
    order_items,
)
from kzreader.core.corpus.corpus import Corpus
from kzreader.core.parsing import parse_text
from kzreader.core.search.search import SearchIndex
from kzreader.core.search.similar import SimilarQuestions, shared_spans

RAIL = """— Как развивается железнодорожный транзит грузов через Казахстан?

— Транзит контейнеров по железной дороге растёт каждый год.

— Что вы думаете о ценах на хлеб?

— Цены на хлеб и муку стабильны.
"""
RAIL2 = """— Растёт ли транзит грузов по железной дороге между Китаем и Европой?

— Да, железнодорожный транзит через степь удвоился.

— Как вы проводите отпуск?

— В горах.
"""
BREAD = """— Почему дорожает хлеб и растут цены на муку?

— Цены на зерно выросли.

— Что вы читаете?

— Романы.
"""


def _corpus():
    corpus = Corpus()
    meta = [
        ("rail.txt", RAIL, {"interviewee": "Борис Железнов", "date": "2024-03-01", "source": "Степь"}),
        ("rail2.txt", RAIL2, {"interviewee": "Анна Рельсова", "date": "2023-01-10", "source": "Вести"}),
        ("bread.txt", BREAD, {"interviewee": "Виктор Хлебов"}),
    ]
    for name, text, m in meta:
        corpus.add(parse_text(text, f"/c/{name}", metadata=m))
    assert [len(iv.exchanges) for iv in corpus.interviews] == [2, 2, 2]
    return corpus


def test_orders():
    corpus = _corpus()
    rail, rail2, bread = corpus.interviews
    items = [AcrossItem(rail.id, 2), AcrossItem(bread.id, 1), AcrossItem(rail2.id, 1), AcrossItem(rail.id, 1)]
    by = lambda order: [(corpus.by_id(i.interview_id).path[3:], i.number)  # noqa: E731
                        for i in order_items(items, corpus.by_id, order)]
    # grouped by interview in order of first appearance, exchanges by number
    assert by("interview") == [("rail.txt", 1), ("rail.txt", 2), ("bread.txt", 1), ("rail2.txt", 1)]
    # oldest first, undated last
    assert by("date") == [("rail2.txt", 1), ("rail.txt", 1), ("rail.txt", 2), ("bread.txt", 1)]
    # Анна < Борис < Виктор
    assert by("interviewee") == [("rail2.txt", 1), ("rail.txt", 1), ("rail.txt", 2), ("bread.txt", 1)]
    with pytest.raises(ValueError):
        order_items(items, corpus.by_id, "colour")


def test_order_drops_unknown_and_duplicate_exchanges():
    corpus = _corpus()
    rail = corpus.interviews[0]
    items = [AcrossItem(rail.id, 1, ((0, 5),)), AcrossItem("gone", 1), AcrossItem(rail.id, 1)]
    out = order_items(items, corpus.by_id)
    assert out == [AcrossItem(rail.id, 1, ((0, 5),))]
    assert group_starts(order_items([AcrossItem(rail.id, 2), AcrossItem(rail.id, 1),
                                     AcrossItem(corpus.interviews[2].id, 1)], corpus.by_id)) == [0, 2]


def test_header_fields():
    rail = _corpus().interviews[0]
    h = header(rail, 2)
    assert (h.interviewee, h.outlet, h.date, h.number, h.count) == ("Борис Железнов", "Степь", "2024-03-01", 2, 2)
    # no title in the file: a made-up one would repeat the name and date above, so none
    assert rail.title is None and h.title == ""
    titled = parse_text(RAIL, "/c/t.txt", metadata={"title": "Транзит", "interviewee": "Борис Железнов"})
    assert header(titled, 1).title == "Транзит"
    # nobody named: the made-up title (the opening words) is all that says which interview it is
    anonymous = parse_text(RAIL, "/c/a.txt")
    assert anonymous.interviewee is None and header(anonymous, 1).title == anonymous.display_title != ""


def test_items_from_themes_and_search():
    corpus = _corpus()
    rail, rail2, bread = corpus.interviews
    tags = {rail.id: (frozenset({"transport"}), frozenset({"food"})),
            rail2.id: (frozenset({"transport"}), frozenset()),
            bread.id: (frozenset({"food"}), frozenset())}
    assert items_for_themes(tags, ["food"], [iv.id for iv in corpus.interviews]) == [
        AcrossItem(rail.id, 2), AcrossItem(bread.id, 1)]
    assert items_for_themes(tags, [], [rail.id]) == []
    index = SearchIndex()
    index.add_interviews(corpus.interviews)
    items = items_for_hits(index.search("хлеб"))
    assert {(i.interview_id, i.number) for i in items} == {(rail.id, 2), (bread.id, 1)}
    for item in items:
        iv = corpus.by_id(item.interview_id)
        text = iv.exchanges[item.number - 1].text
        for s, e in item.spans:  # the marks are source offsets of the word
            assert any(p.start <= s < e <= p.end and p.text[s - p.start:e - p.start].lower().startswith("хлеб")
                       for t in (iv.exchanges[item.number - 1].question, iv.exchanges[item.number - 1].answer)
                       for p in t.paragraphs)
        assert "хлеб" in text.lower()


def test_similar_questions_rank_the_same_topic_first_and_skip_the_same_interview():
    corpus = _corpus()
    rail, rail2, bread = corpus.interviews
    index = SimilarQuestions.build(corpus.interviews)
    found = index.similar(rail.id, 1)
    # the other railway-transit question, not rail.txt's own questions
    assert [(r.interview_id, r.number) for r in found][:1] == [(rail2.id, 1)]
    assert all(r.interview_id != rail.id for r in found)
    assert {"транзит", "груз"} <= set(found[0].shared)  # the lemmas of "транзит", "грузов"
    q = rail2.exchanges[0].question.paragraphs[0]
    marked = {q.text[s - q.start:e - q.start] for s, e in shared_spans(rail2, 1, found[0].shared)}
    assert marked == {"транзит", "грузов"}  # "железной дороге" is not "железнодорожный"
    bread_found = index.similar(rail.id, 2)
    assert bread_found[0].interview_id == bread.id and bread_found[0].number == 1
    # "вы", "что", "как" are function words: the holiday question shares nothing with them
    assert all((r.interview_id, r.number) != (rail2.id, 2) for r in found + bread_found)
    assert index.similar("nope", 1) == [] and index.similar(rail.id, 9) == []


def test_similar_uses_shared_themes():
    corpus = _corpus()
    rail, rail2, bread = corpus.interviews
    plain = SimilarQuestions.build(corpus.interviews).similar(rail.id, 1)[0]
    tags = {rail.id: (frozenset({"transport"}), frozenset()), rail2.id: (frozenset({"transport"}), frozenset()),
            bread.id: (frozenset(), frozenset())}
    themed = SimilarQuestions.build(corpus.interviews, tags).similar(rail.id, 1)[0]
    assert (themed.interview_id, themed.number) == (plain.interview_id, plain.number) == (rail2.id, 1)
    assert "theme:transport" in themed.shared and "theme:transport" not in plain.shared
    assert themed.score > plain.score


def test_one_shared_word_is_not_enough():
    """"Как вы проводите отпуск?" and "Где вы проводите отпуск летом?" share one content word
    ("отпуск"; "проводить" is a verb): too little to call them similar."""
    corpus = Corpus()
    corpus.add(parse_text("— Как вы проводите отпуск?\n\n— В горах.\n", "/c/a.txt"))
    corpus.add(parse_text("— Где вы проводите отпуск летом?\n\n— На море.\n", "/c/b.txt"))
    corpus.add(parse_text("— Где вы проводите отпуск и каникулы?\n\n— Дома.\n", "/c/c.txt"))
    a, b, c = corpus.interviews
    index = SimilarQuestions.build(corpus.interviews)
    assert [(r.interview_id, r.shared) for r in index.similar(a.id, 1)] == []
    assert [(r.interview_id, r.shared) for r in index.similar(c.id, 1)] == []
    # "отпуск" and "лето" against "отпуск" and "каникулы": still one each


def test_page_script_in_a_question_is_not_compared():
    """Script the parser left in a question (a video player's setup, as on some saved pages)
    would make every such question look alike."""
    from kzreader.core.model import Exchange, Interview, Paragraph, Turn

    script = 'jwplayer("x").setup({ skin: { name: "five", active: "#77bd1e" }, file: "video.mp4" });'

    def interview(iid, question):
        paras = (Paragraph(0, len(question), question), Paragraph(len(question) + 2, len(question) + 2 + len(script), script))
        answer = Turn("answer", (Paragraph(paras[1].end + 2, paras[1].end + 7, "Ответ"),))
        return Interview(iid, f"/c/{iid}.txt", exchanges=(Exchange(1, Turn("question", paras), answer),))

    a, b = interview("a", "Как идёт транзит грузов?"), interview("b", "Что с урожаем пшеницы?")
    index = SimilarQuestions.build([a, b])
    assert index.similar("a", 1) == [] and index.similar("b", 1) == []


def test_similar_build_can_be_cancelled_and_unloads_lazy_bodies():
    corpus = _corpus()
    assert SimilarQuestions.build(corpus.interviews, cancelled=lambda: True) is None
    done = []
    SimilarQuestions.build(corpus.interviews, progress=done.append)
    assert done == [1, 2, 3]
