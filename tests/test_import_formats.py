"""Saved web pages, Word documents and Markdown read into the same model as .txt (issue 9).

The files are built by tests/data/import/make_samples.py; every expected value below was
worked out by hand from those files.
"""
import importlib.util
from pathlib import Path

import pytest

from kzreader.core.corpus.corpus import load_file, load_paths
from kzreader.core.model import Interview
from kzreader.core.parsing import parse_source
from kzreader.core.sources.sources import iter_source_files, read_source

_spec = importlib.util.spec_from_file_location(
    "make_samples", Path(__file__).parent / "data" / "import" / "make_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


@pytest.fixture
def files(tmp_path):
    return samples.write_all(tmp_path)


def _removed(iv: Interview) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in iv.removed:
        out[s.text] = s.kind
    return out


def _paras(turn) -> list[str]:
    return [p.text for p in turn.paragraphs]


def assert_covered(src, iv: Interview) -> None:
    """Every non-blank character of the derived text lies in exactly one span, and every
    paragraph is the text at its offsets (what bookmarks rely on)."""
    text = src.text
    owner = [0] * len(text)
    spans = [(s.start, s.end) for s in iv.metadata_spans + iv.removed]
    spans += [(p.start, p.end) for p in iv.lead]
    for ex in iv.exchanges:
        for turn in (ex.question, ex.answer):
            if turn.marker:
                spans.append(turn.marker)
            for p in turn.paragraphs:
                assert text[p.start:p.end].replace("\n", " ") == p.text
                spans.append((p.start, p.end))
    for s, e in spans:
        for i in range(s, e):
            owner[i] += 1
    bad = [(i, ch) for i, ch in enumerate(text) if not ch.isspace() and owner[i] != 1]
    assert not bad, bad[:5]


# -- HTML ----------------------------------------------------------------------------------------

def test_cp1251_page_with_clutter(files):
    src = read_source(files["cp1251"])
    assert (src.format, src.encoding) == ("html", "cp1251")
    assert src.metadata == {
        "title": "Экономист Асель Нурланова: «Тенге выдержит»",
        "date": "2024-03-12",
        "interviewer": "Данияр Сеитов",
        "source": "Деловая Степь",
        "url": "https://step.example.invalid/news/tenge-vyderzhit",
        "language": "ru",
    }
    # scripts and styles are not text at all
    for code in ("dataLayer", "font-family", "createElement", "site.css", "logo.png"):
        assert code not in src.text
    iv = parse_source(src)
    assert_covered(src, iv)
    assert iv.title == "Экономист Асель Нурланова: «Тенге выдержит»"
    assert iv.date == "2024-03-12" and iv.interviewer == "Данияр Сеитов"
    assert iv.interviewee == "Асель Нурланова"
    assert iv.lead_text == "Экономист Асель Нурланова рассказала нашему изданию, чего ждать от курса тенге весной."
    assert len(iv.exchanges) == 3
    q = [ex.question.text.lstrip("— ") for ex in iv.exchanges]
    assert q == ["Асель, почему тенге ослаб в феврале?", "Будет ли девальвация?",
                 "Что посоветуете вкладчикам?"]
    # the <br> inside the first answer is a line of its own; the next <p> continues the answer
    assert _paras(iv.exchanges[0].answer) == [
        "Главная причина — дешёвая нефть.",
        "Экспортная выручка упала, а спрос на валюту остался прежним.",
        "Нацбанк при этом почти не вмешивался."]
    assert _paras(iv.exchanges[1].answer) == ["Резкой девальвации я не жду. Резервов достаточно."]
    assert _paras(iv.exchanges[2].answer) == ["Нервничать и не бегать по обменникам."]  # &shy; gone
    removed = _removed(iv)
    assert removed["Политика"] == "navigation"
    assert removed["Главная » Экономика"] == "navigation"
    assert removed["Поделиться ВКонтакте Telegram"] == "share"
    assert removed["Фото: пресс-служба"] == "credit"
    assert removed["Нефть подешевела до минимума года"] == "related"
    assert removed["Гость: а я уже купил доллары"] == "comments"
    assert removed["© 2024 Деловая Степь. Все права защищены."] == "footer"
    meta = {s.kind: s.text for s in iv.metadata_spans}
    assert meta["date"] == "12 марта 2024, 10:15"
    assert meta["interviewer"] == "Автор: Данияр Сеитов"


def test_utf8_page_with_json_ld(files):
    src = read_source(files["jsonld"])
    assert (src.format, src.encoding) == ("html", "utf-8")
    # JSON-LD beats og:title and <title>; the author is the article's writer: the interviewer
    assert src.metadata == {
        "title": "Water for the Aral: a conversation with Marat Ospanov",
        "date": "2023-11-05",
        "interviewer": "Jane Miller",
        "source": "Steppe Review",
        "url": "https://review.example.invalid/aral-water",
        "language": "en",
    }
    assert "Accept" not in src.text  # buttons are not text
    iv = parse_source(src)
    assert_covered(src, iv)
    assert iv.language == "en"
    assert iv.lead_text == "Hydrologist Marat Ospanov has spent twenty years on the Syr Darya."
    assert [ex.question.text for ex in iv.exchanges] == [
        "How much water reaches the northern sea today?", "What worries you most?"]
    assert _paras(iv.exchanges[0].answer) == ["About a third more than in 2005.",
                                              "The Kokaral dam made the difference."]
    assert _paras(iv.exchanges[1].answer) == [
        "Upstream irrigation.", "Every canal that leaks is water the sea never sees.",
        "Year | Level, m", "2005 | 38", "2023 | 42"]
    removed = _removed(iv)
    assert removed["We use cookies."] == "cookie notice"
    assert removed["Share on X Share on Facebook"] == "share"
    assert removed["Dust storms in Kyzylorda"] == "related"
    assert removed["Steppe Review 2023"] == "footer"


def test_sidecar_overrides_page_metadata(files):
    page = files["cp1251"]
    page.with_suffix(".yaml").write_text("title: Своё название\ninterviewee: Асель Нурланова\n", encoding="utf-8")
    src = read_source(page)
    assert src.metadata["title"] == "Своё название"
    assert src.metadata["date"] == "2024-03-12"  # what the sidecar does not say still comes from the page
    assert parse_source(src).title == "Своё название"


def test_meta_charset_that_lies_falls_back_to_detection(tmp_path):
    page = tmp_path / "p.html"
    body = "<p>— Как Вы оцениваете сотрудничество между нашими странами сегодня?</p><p>— Очень высоко.</p>"
    page.write_bytes(("<html><head><meta charset='utf-8'></head><body>" + body + "</body></html>").encode("cp1251"))
    src = read_source(page)
    assert src.encoding == "cp1251"
    assert "Как Вы оцениваете сотрудничество" in src.text


def test_derived_text_is_stable(files):
    """Bookmarks anchor to the derived text: reading a file again gives the same text."""
    for key in ("cp1251", "jsonld", "docx", "md"):
        a, b = read_source(files[key]), read_source(files[key])
        assert a.text == b.text and a.removed == b.removed
        assert parse_source(a).source_hash == parse_source(b).source_hash


# -- DOCX ----------------------------------------------------------------------------------------

def test_docx_transcript(files):
    src = read_source(files["docx"])
    assert (src.format, src.encoding) == ("docx", "utf-8")
    # one stray empty paragraph does not make the paragraphs lines (two would: pasted text)
    assert src.text == (
        "# Урожай и засуха\n\n"
        "Агроном Ерлан Бекетов о прошлом сезоне.\n\n"
        "**Каким был урожай пшеницы в этом году?**\n\n"
        "Ниже среднего.\nИюль был слишком жарким.\n\n"
        "**Что спасло хозяйства?**\n\n"
        "Капельный полив и ранний сев.\n\n"
        "**А что дальше?**\n\n"
        "Будем сеять засухоустойчивые сорта.\n\n"
        "Культура | Урожай, ц/га\n\n"
        "Пшеница | 11\n\n"
        "Беседовала Мадина Касымова\n")
    # the core title loses to the heading the reader sees; no date in the text, so "created"
    assert src.metadata == {"interviewer": "Мадина Касымова", "date": "2021-09-14"}
    iv = parse_source(src)
    assert_covered(src, iv)
    assert iv.title == "Урожай и засуха" and iv.date == "2021-09-14"
    assert iv.lead_text == "Агроном Ерлан Бекетов о прошлом сезоне."
    assert [ex.question.text for ex in iv.exchanges] == [
        "Каким был урожай пшеницы в этом году?", "Что спасло хозяйства?", "А что дальше?"]
    assert _paras(iv.exchanges[0].answer) == ["Ниже среднего.", "Июль был слишком жарким."]
    assert _paras(iv.exchanges[1].answer) == ["Капельный полив и ранний сев."]
    assert _paras(iv.exchanges[2].answer) == ["Будем сеять засухоустойчивые сорта.",
                                              "Культура | Урожай, ц/га", "Пшеница | 11"]


def test_docx_core_title_and_text_date(tmp_path):
    body = (samples._p(samples._run("15.08.2021"))
            + samples._p(samples._run("Как прошёл сев?", True))
            + samples._p(samples._run("Хорошо, всё посеяли вовремя.")))
    f = tmp_path / "t.docx"
    f.write_bytes(samples.transcript_docx(body))
    src = read_source(f)
    assert src.metadata == {"title": "Интервью с агрономом", "interviewer": "Мадина Касымова"}
    iv = parse_source(src)
    assert iv.title == "Интервью с агрономом"
    assert iv.date == "2021-08-15"  # the date in the text, not the file's creation date
    assert [(ex.question.text, ex.answer.text) for ex in iv.exchanges] == [
        ("Как прошёл сев?", "Хорошо, всё посеяли вовремя.")]


def test_docx_transcript_table_reads_speaker_labels(tmp_path):
    def row(a, b):
        return ("<w:tr><w:tc>" + samples._p(samples._run(a)) + "</w:tc><w:tc>"
                + samples._p(samples._run(b)) + "</w:tc></w:tr>")

    body = ("<w:tbl>" + row("Корр.", "Как прошёл сезон?") + row("Петров", "Тяжело, но урожай собрали.")
            + row("Корр.", "А цены?") + row("Петров", "Цены выросли на десять процентов.") + "</w:tbl>")
    f = tmp_path / "table.docx"
    f.write_bytes(samples.transcript_docx(body))
    src = read_source(f)
    assert src.text.startswith("Корр.: Как прошёл сезон?\n\nПетров: Тяжело, но урожай собрали.\n\n")
    iv = parse_source(src)
    assert [(ex.question.speaker, ex.question.text, ex.answer.speaker, ex.answer.text) for ex in iv.exchanges] == [
        ("Корр.", "Как прошёл сезон?", "Петров", "Тяжело, но урожай собрали."),
        ("Корр.", "А цены?", "Петров", "Цены выросли на десять процентов.")]


# -- Markdown ------------------------------------------------------------------------------------

def test_markdown_links_images_front_matter(files):
    src = read_source(files["md"])
    assert src.format == "md"
    body = src.text[src.text.index("\n---\n") + 5:]
    assert body == (
        "\nМы поговорили с инженером Болатом Жумабаевым о трассе.\n\n"
        "\n**Сколько километров дорог отремонтируют в этом году?**\n\n"
        "Около трёх тысяч, подробнее в отчёте.\n\n"
        "**Почему работы идут так медленно?**\n\n"
        "Сезон короткий: с апреля по октябрь.\n\n")
    iv = parse_source(src)
    assert_covered(src, iv)
    assert (iv.title, iv.date, iv.source) == ("Степные дороги", "2022-06-01", "Журнал «Путь»")
    assert iv.lead_text == "Мы поговорили с инженером Болатом Жумабаевым о трассе."
    assert [(ex.question.text, ex.answer.text) for ex in iv.exchanges] == [
        ("Сколько километров дорог отремонтируют в этом году?", "Около трёх тысяч, подробнее в отчёте."),
        ("Почему работы идут так медленно?", "Сезон короткий: с апреля по октябрь.")]


def test_markdown_without_links_is_unchanged(tmp_path):
    text = "---\ntitle: T [x](y)\n---\n\n**Вопрос?**\n\nОтвет.\n\n```\n[a](b)\n```\n"
    f = tmp_path / "a.md"
    f.write_text(text, encoding="utf-8")
    assert read_source(f).text == text  # front matter and code are left alone


# -- folders and the corpus --------------------------------------------------------------------

def test_folder_picks_up_every_format(files, tmp_path):
    (tmp_path / "plain.txt").write_text("— Вопрос?\n\n— Ответ.\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    names = sorted(Path(p).name for p in iter_source_files([tmp_path]))
    assert names == ["news_cp1251.html", "plain.txt", "review_jsonld.htm", "roads.md", "transcript.docx"]
    corpus = load_paths([tmp_path])
    assert [str(p.message) for p in corpus.problems if p.severity == "error"] == []
    assert {iv.format for iv in corpus.interviews} == {"html", "docx", "md", "txt"}
    assert all(isinstance(load_file(p), Interview) for p in files.values())
