"""Similar questions (core.similar): the confidence floor, answers as evidence, words of one
interview only.  Invented interviews; which question is about what was decided by reading them."""
from __future__ import annotations

from kzreader.core.corpus.corpus import Corpus
from kzreader.core.parsing import parse_text
from kzreader.core.search.similar import SimilarQuestions

FERRY = """— Как развивается транзит грузов по Транскаспийскому маршруту через порт Актау?

— Контейнерные перевозки через порт растут, паромы загружены полностью.

— Что вы думаете о футбольном сезоне?

— Команда играла неплохо.
"""
FERRY2 = """— Какие перспективы у транзита грузов через порт Актау по Транскаспийскому маршруту?

— Паромы и контейнерные перевозки: порт расширяют.

— Какие книги вы любите?

— Романы о море.
"""
RAILWAY = """— Как изменились тарифы на транзит грузов по железной дороге?

— Тарифы на перевозки выросли, вагонов не хватает.

— Где вы отдыхали в прошлом месяце?

— В горах.
"""
MUSEUM = """— Что вы думаете о выставке современного искусства в новом музее?

— Картины молодых художников интересны.

— Сколько посетителей пришло в музей в прошлом месяце?

— Около десяти тысяч.
"""
BAKERY = """— Почему дорожает хлеб в сельских магазинах?

— Мука подорожала после засухи.

— Как вы проводите выходные?

— С семьёй на даче.
"""


def _build(*texts: str) -> tuple[list, SimilarQuestions]:
    corpus = Corpus()
    for k, text in enumerate(texts):
        corpus.add(parse_text(text, f"/c/{k}.txt"))
    assert all(len(iv.exchanges) == 2 for iv in corpus.interviews)
    return corpus.interviews, SimilarQuestions.build(corpus.interviews)


def test_a_related_question_is_proposed_and_ranked_above_a_weaker_one():
    (ferry, ferry2, railway, _museum, _bakery), index = _build(FERRY, FERRY2, RAILWAY, MUSEUM, BAKERY)
    found = [(r.interview_id, r.number) for r in index.similar(ferry.id, 1)]
    # the other ferry question (port, route, transit of goods) first; the railway tariffs
    # question shares only "transit of goods", if it is proposed at all it comes second
    assert found[:1] == [(ferry2.id, 1)]
    assert set(found) <= {(ferry2.id, 1), (railway.id, 1)}
    assert {"порт", "маршрут", "транзит", "груз"} <= set(index.similar(ferry.id, 1)[0].shared)


def test_an_unrelated_question_gets_no_proposal():
    (ferry, _ferry2, railway, museum, bakery), index = _build(FERRY, FERRY2, RAILWAY, MUSEUM, BAKERY)
    assert index.similar(museum.id, 1) == []  # nothing else is about an art exhibition
    # "в прошлом месяце": two shared words, but a holiday and a museum's visitors are two things
    assert index.similar(museum.id, 2) == [] and index.similar(railway.id, 2) == []
    assert index.similar(bakery.id, 1) == []  # bread prices: no other interview asks about them
    assert index.similar(ferry.id, 2) == []  # the football season neither


def test_every_proposal_clears_the_floor_and_scores_fall():
    (ferry, *_rest), index = _build(FERRY, FERRY2, RAILWAY, MUSEUM, BAKERY)
    import kzreader.core.search.similar as similar
    scores = [r.score for r in index.similar(ferry.id, 1)]
    assert scores and all(s >= similar.MIN_SCORE for s in scores) and scores == sorted(scores, reverse=True)


def test_words_of_one_interview_only_do_not_dilute_the_score():
    """The guest's name and the outlet's in a question cannot match another interview; they
    must not lower the score of the questions that are about the same thing."""
    named = FERRY.replace("— Как развивается транзит", "— Ерлан Жаксыбеков, редакция «Степного курьера» спрашивает: "
                          "как развивается транзит", 1)
    assert named != FERRY
    (plain, plain2, *_), index = _build(FERRY, FERRY2, RAILWAY, MUSEUM, BAKERY)
    (with_name, with_name2, *_), index2 = _build(named, FERRY2, RAILWAY, MUSEUM, BAKERY)
    a, b = index.similar(plain.id, 1)[0], index2.similar(with_name.id, 1)[0]
    assert (a.interview_id, b.interview_id) == (plain2.id, with_name2.id)
    assert abs(a.score - b.score) < 1e-3


def test_the_answer_counts_too():
    """Two questions word for word alike about "the project"; the answers say which one is
    about the same thing: the one whose answer also speaks of ports and ferries ranks first."""
    ask = "— Как продвигается проект строительства терминала?\n\n"
    port = ask + "— Причалы порта готовы, паромы придут весной.\n"
    port2 = ask + "— Порт примет паромы, причалы достроены.\n"
    airport = ask + "— Взлётная полоса аэропорта удлинена, самолёты сядут летом.\n"
    filler = "— Какая погода?\n\n— Дождь.\n\n"
    corpus = Corpus()
    for k, text in enumerate((port, airport, port2)):
        corpus.add(parse_text(filler + text, f"/c/t{k}.txt"))
    a, airport_iv, b = corpus.interviews
    index = SimilarQuestions.build(corpus.interviews)
    found = [(r.interview_id, r.number) for r in index.similar(a.id, 2)]
    assert found[:1] == [(b.id, 2)]
    assert found.index((b.id, 2)) < (found.index((airport_iv.id, 2)) if (airport_iv.id, 2) in found else 99)


def test_the_interview_around_a_question_counts():
    """Two word-for-word equal exchanges; the one in an interview that also talks about ports
    and ferries (as the followed one does) ranks above the one in an interview about cooking."""
    ask = "— Как продвигается проект строительства нового терминала и причала?\n\n— Стройка идёт по графику.\n\n"
    ports = "— Сколько паромов придёт в порт Актау?\n\n— Паромы придут весной, порт расширяют.\n\n"
    cooking = "— Какой рецепт борща вы любите?\n\n— Со свёклой и фасолью, борщ варю сам.\n\n"
    corpus = Corpus()
    corpus.add(parse_text(ask + ports, "/c/followed.txt"))
    corpus.add(parse_text(ask + cooking + cooking.replace("борща", "плова").replace("борщ", "плов"), "/c/kitchen.txt"))
    corpus.add(parse_text(ask + ports.replace("Актау", "Курык"), "/c/harbour.txt"))
    corpus.add(parse_text(cooking, "/c/recipes.txt"))
    followed, kitchen, harbour, _recipes = corpus.interviews
    found = [r.interview_id for r in SimilarQuestions.build(corpus.interviews).similar(followed.id, 1)]
    assert found[:1] == [harbour.id]  # harbour.txt was added after kitchen.txt: no tie-break for it
