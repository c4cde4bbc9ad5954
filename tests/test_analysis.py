"""One pass of tokenising feeds both search (stem counts per unit) and themes (tags)."""
from kzreader.core.search.analysis import analyse, unit_counts
from kzreader.core.parsing import parse_text
from kzreader.core.search.search import SearchIndex
from kzreader.core.themes.lexicon import Lexicon
from kzreader.core.themes.matching import ThemeIndex
from kzreader.core.themes.themes import tag_interview

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


def test_stems_counted_by_hand():
    terms = analyse(_iv())[0]
    units = unit_counts(terms)
    # lead "Вступление про Ёлку и ёлки." folded (ё -> е, lower case), then the two exchanges;
    # Snowball makes "елку" and "елки" both "елк"
    assert units[0] == (0, {"вступлен": 1, "про": 1, "елк": 2, "и": 1}, 5)
    num, counts, n = units[1]
    assert num == 1 and n == 15  # 6 + 5 + 4 words in its three paragraphs
    # "газом", "Газ", "ГАЗ" (from "ГАЗ-проект": a hyphen splits words); "газета" stays apart
    assert counts["газ"] == 3 and counts["газет"] == 1 and counts["проект"] == 1
    assert counts["идет"] == 1 and counts["и"] == 1 and counts["нефт"] == 1
    assert len(counts) == 13  # 15 words, three of them forms of "газ"
    assert units[2] == (2, {"а": 1, "университет": 2, "стро": 1}, 4)
    forms = terms[3]
    # distinct, folded, in the order they first occur (lead, then exchange by exchange)
    assert forms == ("вступление", "про", "елку", "и", "елки",
                     "что", "будет", "с", "газом", "нефтью", "газ", "дорожает", "проект", "идет",
                     "второй", "абзац", "газета", "пишет",
                     "а", "университеты", "строят")


def test_analyse_matches_tagging_and_indexing_done_separately():
    iv = _iv()
    index = ThemeIndex(Lexicon.load_default())
    terms, tags = analyse(iv, index)
    assert terms == analyse(iv)[0]  # the same terms with or without tagging
    assert tags == tag_interview(index, iv)
    assert "energy" in tags[0]  # газ, нефть: energy; "газета" must not count
    assert "energy" not in tags[1] and "education_science" in tags[1]
    assert analyse(iv)[1] is None  # no lexicon: no tags


def test_tags_of_whole_exchanges_match_tagging_paragraph_by_paragraph(seeds_dir, corpus_dir):
    """analyse matches an exchange's words as one run (paragraphs apart by BREAK); tagging
    each exchange on its own, paragraph by paragraph, must find the same themes, on real text
    and on exchanges whose paragraphs a phrase or an exclusion would span if joined."""
    from kzreader.core.corpus.corpus import load_file
    from kzreader.core.model import Interview

    index = ThemeIndex(Lexicon.load_default())
    files = [p for d in (seeds_dir, corpus_dir) for p in sorted(d.rglob("*"))
             if p.suffix in (".txt", ".md", ".html")]
    tagged = 0
    for path in files:
        iv = load_file(str(path))
        if not isinstance(iv, Interview):
            continue
        tags = analyse(iv, index)[1]
        assert tags == tuple(index.exchange_themes(ex) for ex in iv.exchanges), path
        tagged += sum(1 for t in tags if t)
    assert tagged > 100  # the check saw real themes (123 exchanges carry some), not empty sets
    # "энергетическая безопасность" (a phrase of energy, an exclusion of security) split
    # across two paragraphs of the question, then across question and answer: neither the
    # phrase nor the exclusion may reach over, so security's one keyword in the question
    # carries it, and "энергетическая" alone is no phrase
    split = parse_text("Т\n\n— Где энергетическая\n\nбезопасность?\n\n— Не знаю.\n\n"
                       "— Как энергетическая?\n\n— Безопасность важна.\n", "/t/split.txt")
    assert len(split.exchanges) == 2
    tags = analyse(split, index)[1]
    assert tags == (frozenset({"security", "energy"}), frozenset({"energy"}))
    assert tags == tuple(index.exchange_themes(ex) for ex in split.exchanges)
    joined = parse_text("Т\n\n— Где энергетическая безопасность?\n\n— Не знаю.\n", "/t/joined.txt")
    assert analyse(joined, index)[1] == (frozenset({"energy"}),)  # in one paragraph: excluded


def test_index_built_from_analysed_words_finds_word_forms():
    iv = _iv()
    idx = SearchIndex()
    idx.add_interview(iv, analyse(iv)[0])
    hits = idx.search("газ")
    assert [h.exchange_number for h in hits] == [1]
    assert idx.search("университет")[0].exchange_number == 2


def test_stem_each_agrees_with_stem_also_when_its_memo_is_full(monkeypatch):
    from kzreader.core import text

    ws = ["газом", "газ", "Ёлки", "running", "2024", "газом"]
    assert text.stem_each(ws) == ["газ", "газ", "елк", "run", "2024", "газ"]
    monkeypatch.setattr(text, "_STEMS_LIMIT", 0)  # every miss now empties the memo first
    assert text.stem_each(ws + ["новые"]) == ["газ", "газ", "елк", "run", "2024", "газ", "нов"]


def test_folded_words_by_hand():
    from kzreader.core.text import folded_words

    text = "— Ёлка, «ГАЗ-проект» (2024)… ΣΟΦΟΣ snake_case\u00a0А.Б. Иванов!!\tконец"
    assert folded_words(text) == ["елка", "газ", "проект", "2024", "σοφος", "snake", "case",
                                  "а", "б", "иванов", "конец"]
    assert folded_words("") == [] and folded_words(" — … ") == []


def test_folded_words_is_words_of_the_folded_text():
    """Token by token must give what the expression gives on the whole folded
    text, for any text: every code point, in words, between them and around punctuation."""
    import random

    from kzreader.core import text

    def check(s):
        assert text.folded_words(s) == text.words(text.fold(s)), repr(s)

    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    for k in range(0, len(every), 499):
        check("".join(every[k:k + 499]))
        check(" ".join(every[k:k + 499]))
        check("Σ".join(every[k:k + 499:2]) + " ΑΣ ΑΣΑ Σ")  # final sigma depends on neighbours
    rng = random.Random(22)
    alphabet = every[:0x2100] + list("ёЁ_—–-.,«»ΣΑσ  \n\t\u00a0\u2028") * 40
    for _ in range(20000):
        check("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))))
    check("Новые слова, new words; ещё-одно, «кавычки»… (скобки) [2024] snake_case")


def test_terms_blob_round_trip_and_damage():
    import pytest

    from kzreader.core.corpus.parse_cache import terms_blob, terms_from_blob

    terms = analyse(_iv())[0]
    assert terms_from_blob(terms_blob(terms), terms[3]) == terms
    assert terms_from_blob(terms_blob(terms), ()) == (*terms[:3], ())  # forms sent before
    for damaged in (b"", terms_blob(terms)[:-3], terms_blob((1, 2)), b"\xff\x00junk"):
        with pytest.raises(ValueError):
            terms_from_blob(damaged, ())
    with pytest.raises(ValueError):
        terms_from_blob(terms_blob(terms), ["forms", "not", "a", "tuple"])
