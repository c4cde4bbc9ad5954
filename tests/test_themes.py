"""Theme lexicons and tagging (kzreader.core.themes.themes)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kzreader.core import text as ktext
from kzreader.core.model import Exchange, Interview, Paragraph, Turn
from kzreader.core.themes.lexicon import Lexicon, LexiconError, Theme, reload, save_user_lexicon
from kzreader.core.themes.matching import ThemeIndex, carries, tag_exchange
from kzreader.core.themes.themes import tag_corpus



@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load_default()


@pytest.fixture(scope="module")
def index(lexicon) -> ThemeIndex:
    return ThemeIndex(lexicon)


def themes_in(index: ThemeIndex, s: str) -> set[str]:
    return {m.theme_id for m in index.match_text(s)}


def make_exchange(question: list[str], answer: list[str], number: int = 1) -> tuple[str, Exchange]:
    """An exchange over a synthetic source (paragraphs joined by blank lines)."""
    source = ""
    turns = []
    for role, paras in (("question", question), ("answer", answer)):
        ps = []
        for p in paras:
            if source:
                source += "\n\n"
            ps.append(Paragraph(len(source), len(source) + len(p), p))
            source += p
        turns.append(Turn(role, tuple(ps)))
    return source, Exchange(number, turns[0], turns[1])


# -- the default lexicon ------------------------------------------------------------------

def test_default_lexicon_has_the_twelve_topics(lexicon):
    assert lexicon.ids == (
        "declaration_partnership", "trade_investment", "industry", "energy",
        "transport_logistics", "digital_ai", "education_science", "culture_language",
        "integration_blocs", "security", "personal_diplomacy", "regional_crossborder",
    )
    colours = [t.colour.lower() for t in lexicon.themes]
    assert len(set(colours)) == len(colours)
    for t in lexicon.themes:
        assert re.fullmatch(r"#[0-9a-f]{6}", t.colour.lower())
        assert t.name_ru and t.name_en


def _is_plain_russian_word(entry: str) -> bool:
    return (len(entry.split()) == 1 and len(ktext.words(entry)) == 1
            and not entry.startswith("=") and not entry.endswith("*")
            and re.search("[а-яё]", entry.lower()) is not None)


def _lexeme_forms(morph, word: str) -> set[str] | None:
    """Every noun form, or every full adjective form, of ``word`` as pymorphy3 knows it."""
    w = ktext.fold(word)
    for p in morph.parse(word):
        if p.tag.POS in ("NOUN", "ADJF") and ktext.fold(p.normal_form) == w:
            # archaic forms ("во языцех") are not modern text
            return {f.word for f in p.lexeme if f.tag.POS == p.tag.POS and "Arch" not in f.tag}
    return None


# keywords pymorphy3's dictionary lacks, with their forms written out by hand
UNKNOWN_TO_PYMORPHY = {
    "хаб": {"хаб", "хаба", "хабу", "хабом", "хабе", "хабы", "хабов", "хабам", "хабами", "хабах"},
    "Транссиб": {"Транссиб", "Транссиба", "Транссибу", "Транссибом", "Транссибе"},
    "ЕЭК": {"ЕЭК"},  # abbreviations of feminine nouns do not inflect
    "ШОС": {"ШОС"},
}


def test_every_inflected_form_of_every_russian_keyword_matches_its_theme(lexicon, index):
    pymorphy3 = pytest.importorskip("pymorphy3")
    morph = pymorphy3.MorphAnalyzer()
    failures, unknown, checked = [], [], 0
    for theme in lexicon.themes:
        for kw in theme.keywords:
            if not _is_plain_russian_word(kw):
                continue
            forms = _lexeme_forms(morph, kw)
            if forms is None:
                forms = UNKNOWN_TO_PYMORPHY.get(kw)
            if forms is None:
                unknown.append(kw)
                continue
            for form in sorted(forms):
                checked += 1
                if theme.id not in themes_in(index, form):
                    failures.append(f"{theme.id}: {kw} -> {form}")
    # abbreviations pymorphy3 lists as indeclinable are fine; everything else must be known
    assert not unknown, f"pymorphy3 does not know these keywords as nouns/adjectives: {unknown}"
    assert checked > 1200  # all cases and numbers of about 140 words (1443 forms when written)
    assert not failures, "forms that do not match:\n" + "\n".join(failures)


def test_snowball_quirks_are_covered(index):
    # "атом" stems to "ат" but "атома" to "атом"; "ИИ" stems to the conjunction "и"
    for form in ("атом", "атома", "атомом", "Атом", "АТОМЫ"):
        assert "energy" in themes_in(index, form), form
    assert themes_in(index, "ИИ") == {"digital_ai"}
    assert themes_in(index, "ИИ-технологий") == {"digital_ai"}
    # noun and adjective stem apart (образован / образовательн): both are listed
    for form in ("образования", "образовательной", "научных", "наукой"):
        assert "education_science" in themes_in(index, form), form


@pytest.mark.parametrize("word", [
    "газета", "газете", "газеты", "газетный", "газон", "газоне", "газель", "газировка",
    "и", "Алма-Ата", "ата", "транзистор", "портфель", "портрет", "спорт", "портят", "Хабар",
    "Армения", "армянский", "оборот", "наушники", "important", "aid", "it",
])
def test_look_alike_words_do_not_match(index, word):
    assert themes_in(index, word) == set()


def test_russian_newspaper_is_not_energy(index):
    s = "Президент Казахстана в своей статье в «Российской газете» анонсировал подписание"
    assert "energy" not in themes_in(index, s)


def test_english_keywords_match_their_forms(index):
    assert themes_in(index, "Oil and gas pipelines") == {"energy"}
    assert themes_in(index, "new investments, investors invested") == {"trade_investment"}
    assert themes_in(index, "EAEU, CIS and BRICS") == {"integration_blocs"}
    assert themes_in(index, "Artificial Intelligence") == {"digital_ai"}


# -- phrases, exclusions, scores ----------------------------------------------------------

def test_phrases_match_inflected_word_sequences(index):
    ms = index.match_text("по искусственному интеллекту")
    assert [(m.theme_id, m.kind, m.start, m.end) for m in ms] == [("digital_ai", "phrase", 3, 28)]
    assert themes_in(index, "стратегическому партнёрству") == {"declaration_partnership"}
    assert themes_in(index, "по железным дорогам") == {"transport_logistics"}
    # an en dash inside a phrase is just a word break
    assert themes_in(index, "коридор «Север–Юг»") == {"transport_logistics"}
    # words apart are not the phrase; "интеллект" alone is no keyword
    assert themes_in(index, "искусственный, но всё же интеллект") == set()
    assert themes_in(index, "партнёрство") == set()


def test_phrase_does_not_cross_paragraphs(index):
    _, ex = make_exchange(["Вопрос про искусственный"], ["интеллект и прочее."])
    assert tag_exchange(index, ex) == {}


def test_keyword_inside_a_phrase_counts_once(index):
    # "мирный атом" is a phrase (2); "атом" inside it is not counted again
    _, ex = make_exchange(["Что дальше?"], ["Мирный атом."])
    hit = tag_exchange(index, ex)["energy"]
    assert (hit.score, hit.question_score) == (2, 0)


def test_exclusions_suppress_only_their_theme(index):
    s = "энергетической безопасности региона"
    assert themes_in(index, s) == {"energy"}
    assert themes_in(index, "безопасность границ") == {"security"}
    assert themes_in(index, "найти общий язык") == set()
    assert themes_in(index, "сектор Газа") == set()
    assert themes_in(index, "русский язык") == {"culture_language"}


def test_carrying_rule():
    assert not carries(1, 0)
    assert carries(2, 0)
    assert carries(1, 1)
    assert not carries(0, 0)


def test_score_and_rule_on_exchanges(index):
    # one keyword in the answer only: seen, not carried
    _, ex = make_exchange(["Как дела?"], ["Немного о туризме."])
    hits = tag_exchange(index, ex)
    assert hits["culture_language"].score == 1
    assert not hits["culture_language"].carried
    assert index.exchange_themes(ex) == frozenset()
    # two keywords in the answer: carried
    _, ex = make_exchange(["Как дела?"], ["О туризме и театре."])
    assert index.exchange_themes(ex) == {"culture_language"}
    # one keyword in the question: carried
    _, ex = make_exchange(["А что с туризмом?"], ["Всё хорошо."])
    assert index.exchange_themes(ex) == {"culture_language"}


def test_spans_are_source_offsets(index):
    source, ex = make_exchange(
        ["Как развивается сотрудничество с «Росатомом»?"],
        ["Строится АЭС.", "Будет и газовое сотрудничество, и мирный атом."],
    )
    hit = tag_exchange(index, ex)["energy"]
    assert [source[s:e] for s, e in hit.spans] == ["Росатомом", "АЭС", "газовое", "мирный атом"]
    assert (hit.score, hit.question_score) == (5, 1)


# -- seeds (the conftest fixture seeds_dir skips, with the reason, when they are absent) --

def _paragraphs(source: str, start: int, end: int) -> tuple[Paragraph, ...]:
    out = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", source[start:end]):
        s, e = start + m.start(), start + m.end()
        out.append(Paragraph(s, e, source[s:e].replace("\n", " ")))
    return tuple(out)


def _interview_from_truth(path: Path) -> Interview:
    """Build the seed's exchanges by hand from its truth file (question openings and the
    last words of each answer), independent of the parser."""
    source = path.read_text("utf-8").replace("\r\n", "\n")
    truth = yaml.safe_load(path.with_suffix(".truth.yaml").read_text("utf-8"))
    exchanges, pos = [], 0
    for n, (q, last) in enumerate(zip(truth["questions"], truth["answers_last_words"]), 1):
        qs = source.index(q, pos)
        qe = source.index("\n", qs)
        ae = source.index(last, qe) + len(last)
        exchanges.append(Exchange(n, Turn("question", _paragraphs(source, qs, qe)),
                                  Turn("answer", _paragraphs(source, qe, ae))))
        pos = ae
    return Interview(id=path.stem, path=str(path), exchanges=tuple(exchanges))


def seed_interview(seeds: Path, name: str) -> Interview:
    path = next(seeds.glob(f"{name}_*.txt"))
    truth = yaml.safe_load(path.with_suffix(".truth.yaml").read_text("utf-8"))
    try:  # prefer the real parser when it agrees with the truth file
        from kzreader.core.corpus.corpus import load_file

        iv = load_file(str(path))
    except Exception:
        iv = None
    if (isinstance(iv, Interview) and len(iv.exchanges) == truth["qa_count"]
            and all(q in ex.question.text for q, ex in zip(truth["questions"], iv.exchanges))):
        return iv
    return _interview_from_truth(path)


D, T, I, E = "declaration_partnership", "trade_investment", "industry", "energy"
TR, DG, ED, C = "transport_logistics", "digital_ai", "education_science", "culture_language"
IB, S, P, R = "integration_blocs", "security", "personal_diplomacy", "regional_crossborder"

# Checked by reading each exchange against the lexicon and the rule (score >= 2, or >= 1 in
# the question); the comments name the words that decide.
EXPECTED = {
    "000": [
        {D, C},  # "стратегического партнерства"; "на казахском языке"
        {E, I, TR, T, DG, ED},  # энергетике..., фармацевтике, транспорт и логистика, ...
        {D, IB},  # Q "союзнический"; "ЕАЭС и ШОС"
        {R, ED, C},  # Q межрегионального, вузы, гуманитарная
        set(),  # only one "межрегионального" and one "образовании", both in the answer
        {P},  # "личные отношения глав"
        {D},  # Декларацию, союзничества
        {IB},  # "евразийских интеграций"
    ],
    "001": [
        {D, P, IB, S, C},  # партнёрства; глазу на глаз; СНГ, ЕАЭС...; терроризмом; русского языка
        {TR},  # транспортно-логистического
        {P},  # личное доверие; личная «химия»
        {C, D, ED},  # гуманитарные, «мягкая сила»; Q "союзнические отношения"; образование, научное
        {C, ED},  # гуманитарные, культурные; университетами, образовательные
    ],
    "002": [
        {IB, C},  # интеграционных процессов, СНГ+; по русскому языку
        {R, T, I},  # Q межрегионального, инвестиционным; промышленность, металлургия
        {E},  # Q Росатомом, АЭС (security excluded: "энергетической безопасности")
        {DG},  # цифровизации, ИИ
        {D},  # Q Декларации; союзников
        {TR},  # Q логистические; «Север–Юг», ТМТМ
    ],
    "003": [
        {D},  # "стратегического партнёрства"
        {D, T, TR, E, I, IB, R},  # the agenda answer names all of these
        {E},  # нефтяная и газовая, мирный атом (туризм, железнодорожный: once each)
        {IB},  # Q "интеграционных процессов", СНГ и ЕАЭС
        {TR, R},  # Q транспортно-логистический; "приграничных регионах"
        {C},  # культурно-гуманитарных
        {P},  # личная дипломатия, личные отношения
    ],
    "004": [
        {D, IB},  # Декларации (not energy: «Российской газете»); "экономической интеграции"
        {T, I, E, TR},  # Q внешнеторговых, промышленную кооперацию; нефтегазохимия, ...
        {E, I, IB, T},  # Q энергетическом; агропромышленного комплекса; Евразийская
        # экономическая комиссия; "для торговли", "экспортируют"
        {TR, IB, I},  # Q ШОС, транспортного коридора; индустриальные хабы, технопарки
        {T, IB},  # взаимной торговли; ЕАЭС, ЕЭК
        {I},  # производственная кооперация, автомобилестроении
        {ED, DG},  # научно-образовательной...; ИТ, цифровизации
    ],
}


@pytest.mark.seeds
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_exchanges_carry_the_expected_themes(seeds_dir, index, name):
    iv = seed_interview(seeds_dir, name)
    got = [set(index.exchange_themes(ex)) for ex in iv.exchanges]
    assert len(got) == len(EXPECTED[name])
    for n, (want, have) in enumerate(zip(EXPECTED[name], got), 1):
        assert have == want, f"{name} exchange {n}"


@pytest.mark.seeds
def test_rosatom_question_highlights_its_words(seeds_dir, index):
    iv = seed_interview(seeds_dir, "002")
    source = (seeds_dir / Path(iv.path).name).read_text("utf-8").replace("\r\n", "\n")
    hit = tag_exchange(index, iv.exchanges[2])["energy"]
    assert hit.question_score >= 3
    words = [source[s:e] for s, e in hit.spans]
    assert words[:3] == ["Росатомом", "АЭС", "энергетической"]
    assert "газового" in words and "Атомная" in words


@pytest.mark.seeds
def test_tag_corpus_counts_match_per_exchange_tags(seeds_dir, index):
    ivs = [seed_interview(seeds_dir, n) for n in sorted(EXPECTED)]
    ct = tag_corpus(index, ivs)
    energy_by_hand = sum(E in s for v in EXPECTED.values() for s in v)
    assert ct.count(E) == energy_by_hand == 6
    assert ct.count(E, ivs[4].id) == 2
    assert ct.exchanges_with(ivs[4].id, [E]) == [2, 3]
    assert ct.interviews_with([P]) == [ivs[0].id, ivs[1].id, ivs[3].id]


def test_compiled_index_is_shared_and_travels_to_a_worker_intact(seeds_dir, lexicon):
    import pickle

    shared = ThemeIndex.compiled(lexicon)
    assert ThemeIndex.compiled(Lexicon.load_default()) is shared  # equal lexicon: no recompile
    assert ThemeIndex.compiled(Lexicon(lexicon.themes[:3])) is not shared
    ivs = [seed_interview(seeds_dir, n) for n in sorted(EXPECTED)]
    fresh = tag_corpus(ThemeIndex(lexicon), ivs)
    shared.themes_of_words([["газ"]], [])  # the per-word memo is not sent along
    sent = pickle.loads(pickle.dumps(shared))
    assert sent._cache == {} and sent is not shared
    assert tag_corpus(sent, ivs).exchange_themes == fresh.exchange_themes
    assert sum(fresh.count(t) for t in lexicon.ids) > 0
    assert ThemeIndex.compiled(lexicon) is not sent
    assert sent.adopt() is ThemeIndex.compiled(lexicon)


# -- corpus counts ----------------------------------------------------------------------

def _iv(iid: str, *exchanges: tuple[str, str]) -> Interview:
    exs = []
    for n, (q, a) in enumerate(exchanges, 1):
        exs.append(make_exchange([q], [a], n)[1])
    return Interview(id=iid, path=f"/x/{iid}.txt", exchanges=tuple(exs))


def test_tag_corpus_counts_and_filters(index):
    a = _iv("a", ("Про газ?", "Да."), ("Про вузы?", "И науку."), ("Погода?", "Тепло."))
    b = _iv("b", ("Про нефть и ИИ?", "Да."))
    ct = tag_corpus(index, [a, b])
    assert ct.count(E) == 2 and ct.count(ED) == 1 and ct.count(DG) == 1 and ct.count(S) == 0
    assert ct.count(E, "a") == 1 and ct.count(E, "b") == 1
    assert ct.share("a", E) == pytest.approx(1 / 3)
    assert ct.exchanges_with("a", [E]) == [1]
    assert ct.exchanges_with("a", []) == [1, 2, 3]
    assert ct.exchanges_with("a", [E, ED]) == [1, 2]
    assert ct.exchanges_with("b", [E, DG], require_all=True) == [1]
    assert ct.interviews_with([ED]) == ["a"]
    assert ct.interviews_with([E, DG], require_all=True) == ["b"]
    assert ct.interviews_with([]) == ["a", "b"]
    # re-adding an interview replaces its counts
    ct.add("a", [frozenset()])
    assert ct.count(E) == 1 and ct.count(ED) == 0


# -- user lexicons --------------------------------------------------------------------------

def test_user_lexicon_overrides_and_extends(tmp_path, lexicon):
    p = tmp_path / "themes.yaml"
    p.write_text(
        "themes:\n"
        "  - id: energy\n"
        "    colour: '#000000'\n"
        "  - id: space\n"
        "    name_ru: Космос\n"
        "    name_en: Space\n"
        "    colour: '#123456'\n"
        "    keywords: [космодром, Байконур]\n"
        "    phrases: [космический комплекс]\n",
        encoding="utf-8",
    )
    lx = Lexicon.load_file(p, base=lexicon)
    assert lx.ids == lexicon.ids + ("space",)
    energy = lx.get("energy")
    assert energy.colour == "#000000"
    assert energy.keywords == lexicon.get("energy").keywords  # inherited
    ix = ThemeIndex(lx)
    assert themes_in(ix, "космический комплекс Байконур") == {"space"}
    assert themes_in(ix, "с космодрома") == {"space"}


def test_bad_yaml_keeps_previous_lexicon_and_names_the_line(tmp_path, lexicon):
    p = tmp_path / "themes.yaml"
    p.write_text("themes:\n  - id: space\n    name_ru: [Космос\n    colour: '#123456'\n",
                 encoding="utf-8")
    previous = lexicon.with_theme(Theme("mine", "Моё", "Mine", "#010203", ("слово",)))
    lx, err = reload(previous, p, base=lexicon)
    assert lx is previous
    assert isinstance(err, LexiconError)
    assert err.line == 4  # the flow sequence opened on line 3 runs into line 4
    assert "line 4" in str(err) and str(p) in str(err)


@pytest.mark.parametrize("body, line, words", [
    ("themes:\n  - id: space\n    name_ru: Космос\n", 2, "colour"),
    ("themes:\n  - id: energy\n  - id: Bad-Id\n    name_ru: x\n", 3, "id"),
    ("themes:\n  - id: energy\n    colour: red\n", 2, "#rrggbb"),
    ("themes:\n  - id: energy\n    colour: '#ffffff'\n    kewords: [газ]\n", 4, "kewords"),
    ("themes:\n  - id: energy\n    keywords: ['ат*']\n", 2, "prefix"),
    ("themes:\n  - id: energy\n  - id: energy\n", 3, "twice"),
    ("- just a list\n", 1, "themes"),
])
def test_invalid_themes_report_their_line(tmp_path, lexicon, body, line, words):
    p = tmp_path / "themes.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as ei:
        Lexicon.load_file(p, base=lexicon)
    assert ei.value.line == line
    assert words in str(ei.value)


def test_reload_without_a_user_file_gives_the_default(tmp_path, lexicon):
    lx, err = reload(Lexicon(), tmp_path / "absent.yaml", base=lexicon)
    assert err is None and lx == lexicon


def test_save_user_lexicon_round_trips_only_changes(tmp_path, lexicon):
    p = tmp_path / "sub" / "themes.yaml"
    edited = lexicon.with_theme(Theme("energy", "Энергия", "Energy", "#ff0000", ("газ",)))
    edited = edited.with_theme(Theme("space", "Космос", "Space", "#00ff00", ("космодром",),
                                     ("космический комплекс",)))
    save_user_lexicon(p, edited.themes, base=lexicon)
    doc = yaml.safe_load(p.read_text("utf-8"))
    assert [t["id"] for t in doc["themes"]] == ["energy", "space"]
    assert list(p.parent.iterdir()) == [p]  # no temp file left behind
    lx, err = reload(lexicon, p, base=lexicon)
    assert err is None and lx == edited


def test_save_user_lexicon_refuses_an_invalid_theme(tmp_path):
    with pytest.raises(LexiconError):
        save_user_lexicon(tmp_path / "t.yaml", [Theme("x", "X", "X", "blue", ("a",))])
    assert not (tmp_path / "t.yaml").exists()
