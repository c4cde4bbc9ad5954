"""Citations follow the quote's language (or the user's choice), carry no local path unless
asked for, and show the same fields in plain text, HTML and Markdown."""
from __future__ import annotations

import html
import re

from kzreader.core.annotations.bookmarks import BookmarkStore
from kzreader.core.annotations.citation import CitationOptions, QuoteContext, format_exchange, format_quote
from kzreader.core.annotations.export import bookmarks_to_clipboard_text, export_text
from kzreader.core.parsing import parse_text

RU = """Атом и степь

Мы поговорили с инженером-атомщиком Ерланом Сагадиевым о первой АЭС, сообщает Пример.kz

— Когда начнётся стройка?

— Весной. Это главное.
"""
EN = "Q: Why now?\n\nA: Because demand grew. Ships are full.\n"
EN_META = {"title": "Ports of the Caspian", "interviewee": "Dana Miles", "role": "logistics analyst",
           "source": "The Steppe Herald", "date": "2023-05-17"}  # no URL


def _ru():
    iv = parse_text(RU, "/home/reader/private/atom.txt")
    return iv, iv.exchanges[0]


def _en():
    iv = parse_text(EN, "/home/reader/private/ports.txt", metadata=EN_META)
    return iv, iv.exchanges[0]


def _quote(iv, ex, options=CitationOptions(), style="plain"):
    para = ex.answer.paragraphs[0].text
    sel = para.split(". ")[0] + "."
    return format_quote(sel, "", para[len(sel):], QuoteContext(iv, ex, options=options), style)


def test_a_russian_quote_is_cited_in_russian_without_the_local_path():
    iv, ex = _ru()
    q = _quote(iv, ex)
    assert q.plain == "«Весной.»\n— Ерлан Сагадиев, инженер-атомщик. «Атом и степь», Пример.kz, вопрос 1"
    assert "question" not in q.plain + q.html + q.markdown
    assert "/home/reader" not in q.plain + q.html + q.markdown


def test_an_english_quote_is_cited_in_english_without_the_local_path():
    iv, ex = _en()
    q = _quote(iv, ex)
    assert q.plain == ("“Because demand grew.”\n— Dana Miles, logistics analyst. “Ports of the Caspian”, "
                       "The Steppe Herald, 2023-05-17, question 1")
    assert "private" not in q.plain + q.html + q.markdown


def test_the_user_may_choose_the_citation_language():
    iv, ex = _ru()
    q = _quote(iv, ex, CitationOptions(language="en"))
    # the quoted words keep their Russian marks; the citation's words and title marks are English
    assert q.plain == "«Весной.»\n— Ерлан Сагадиев, инженер-атомщик. “Атом и степь”, Пример.kz, question 1"
    iv, ex = _en()
    q = _quote(iv, ex, CitationOptions(language="ru"))
    assert q.plain.endswith("«Ports of the Caspian», The Steppe Herald, 2023-05-17, вопрос 1")
    whole = format_exchange(QuoteContext(iv, ex, options=CitationOptions(language="ru")))
    assert whole.plain.startswith("Вопрос: Why now?\n\nОтвет: “Because demand grew. Ships are full.”")


def test_the_local_path_only_when_asked_for_and_never_over_a_url():
    iv, ex = _en()
    q = _quote(iv, ex, CitationOptions(include_path=True))
    uri = "file:///home/reader/private/ports.txt"
    assert q.plain.endswith(f", question 1. {uri}")
    assert q.markdown.endswith(f"<{uri}>") and html.escape(uri) in q.html
    with_url = parse_text(EN, "/home/reader/private/ports.txt", metadata={**EN_META, "url": "https://herald.example/p"})
    q = _quote(with_url, with_url.exchanges[0], CitationOptions(include_path=True))
    assert q.plain.endswith("question 1. https://herald.example/p") and "private" not in q.plain


def _fields_in(text: str) -> list[str]:
    return [f for f in ("Ерлан Сагадиев", "инженер-атомщик", "Атом и степь", "Пример.kz", "вопрос 1",
                        "Dana Miles", "logistics analyst", "Ports of the Caspian", "The Steppe Herald",
                        "2023-05-17", "question 1", "file:///") if f in text]


def test_plain_html_and_markdown_carry_the_same_fields():
    for iv, ex in (_ru(), _en()):
        for options in (CitationOptions(), CitationOptions(include_path=True)):
            for style in ("plain", "markdown"):
                q = _quote(iv, ex, options, style)
                plain_fields = _fields_in(q.plain)
                assert len(plain_fields) >= 4, q.plain
                assert _fields_in(html.unescape(re.sub(r"<[^>]+>", "", q.html))) == plain_fields
                assert _fields_in(q.markdown.replace("\\", "")) == plain_fields


def test_exports_and_clipboard_use_the_options_and_localised_csv_headers(tmp_path):
    ru, ru_ex = _ru()
    en, en_ex = _en()
    store = BookmarkStore(tmp_path / "b.json")
    for iv, text, quote in ((ru, RU, "Весной."), (en, EN, "Because demand grew.")):
        s = text.index(quote)
        store.create(iv.id, iv.path, text, s, s + len(quote), exchange=1)
    lookup = {ru.id: ru, en.id: en}.get
    for fmt in ("markdown", "html", "csv"):
        out = export_text(fmt, store.list(), lookup)
        assert "вопрос 1" in out and "question 1" in out, fmt
        assert "file:///" not in out, fmt
    plain, md, html_text = bookmarks_to_clipboard_text(store.list(), lookup, options=CitationOptions(include_path=True))
    for text in (plain, md, html_text):
        assert "file:///home/reader/private/atom.txt" in text and "file:///home/reader/private/ports.txt" in text
    labels = {"column:interview": "интервью", "column:quote": "цитата", "column:citation": "ссылка"}
    header = export_text("csv", store.list(), lookup, labels=labels).splitlines()[0]
    assert header.startswith("интервью,interviewee,question number,цитата,")
    assert ",ссылка," in header
