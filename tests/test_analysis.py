"""One pass of tokenising feeds both search (word counts per unit) and themes (tags)."""
from kzreader.core.analysis import analyse
from kzreader.core.parsing import parse_text
from kzreader.core.search import SearchIndex, unit_words
from kzreader.core.themes import Lexicon, ThemeIndex, tag_interview

TEXT = """Газ и дороги

Вступление про Ёлку и ёлки.

— Что будет с газом и нефтью?

— Газ дорожает. ГАЗ-проект идёт.

Второй абзац: газета пишет.

— А университеты?

— Университеты строят.
"""


def _iv():
    iv = parse_text(TEXT, "/t/a.txt")
    assert len(iv.exchanges) == 2
    return iv


def test_unit_words_counted_by_hand():
    units = unit_words(_iv())
    # lead "Вступление про Ёлку и ёлки." folded (ё -> е, lower case), then the two exchanges
    assert units[0] == (0, {"вступление": 1, "про": 1, "елку": 1, "и": 1, "елки": 1}, 5)
    num, counts, n = units[1]
    assert num == 1 and n == 15  # 6 + 5 + 4 words in its three paragraphs
    assert counts["газ"] == 2  # "Газ", "ГАЗ" (from "ГАЗ-проект": a hyphen splits words)
    assert counts["газом"] == 1 and counts["газета"] == 1 and counts["проект"] == 1
    assert counts["идет"] == 1 and counts["и"] == 1
    assert units[2] == (2, {"а": 1, "университеты": 2, "строят": 1}, 4)


def test_analyse_matches_tagging_and_indexing_done_separately():
    iv = _iv()
    index = ThemeIndex(Lexicon.load_default())
    words, tags = analyse(iv, index)
    assert words == unit_words(iv)
    assert tags == tag_interview(index, iv)
    assert "energy" in tags[0]  # газ, нефть: energy; "газета" must not count
    assert "energy" not in tags[1] and "education_science" in tags[1]
    assert analyse(iv)[1] is None  # no lexicon: no tags


def test_index_built_from_analysed_words_finds_word_forms():
    iv = _iv()
    idx = SearchIndex()
    idx.add_interview(iv, analyse(iv)[0])
    hits = idx.search("газ")
    assert [h.exchange_number for h in hits] == [1]
    assert idx.search("университет")[0].exchange_number == 2
