"""Quotes and citations, checked against hand-written expectations."""
from kzreader.core.annotations.citation import QuoteContext, format_exchange, format_quote, quote_text, render_template
from kzreader.core.parsing import parse_text

RU = """Атом и степь

Мы поговорили с инженером-атомщиком Ерланом Сагадиевым о первой АЭС, сообщает Пример.kz

— Когда начнётся стройка?

— Весной. Как говорят у нас, «строим „на века“». Это главное.
"""


def _ru():
    iv = parse_text(RU, "/data/atom.txt")
    return iv, iv.exchanges[0]


def test_russian_quote_with_nested_quotes():
    iv, ex = _ru()
    para = ex.answer.paragraphs[0].text
    sel = "Как говорят у нас, «строим „на века“»."
    i = para.index(sel)
    q = format_quote(sel, para[:i], para[i + len(sel):], QuoteContext(iv, ex))
    assert q.plain.splitlines()[0] == "«Как говорят у нас, „строим „на века““.»"
    assert q.plain.splitlines()[1] == "— Ерлан Сагадиев, инженер-атомщик. «Атом и степь», Пример.kz, вопрос 1"
    assert "None" not in q.plain and ", ," not in q.plain


def test_partial_sentence_gets_bracketed_ellipses():
    assert quote_text("говорят у нас", "Как ", ", строим.", "ru") == "«[…] говорят у нас […]»"
    assert quote_text("Весной.", "", " Дальше.", "ru") == "«Весной.»"
    assert quote_text("the port", "We need ", " now.", "en") == "“[…] the port […]”"


def test_english_marks_and_missing_fields():
    iv = parse_text("Q: Why now?\nA: Because \"demand\" grew.\n", "/x/e.txt")
    ex = iv.exchanges[0]
    q = format_quote("Because \"demand\" grew.", "", "", QuoteContext(iv, ex), style="apa")
    assert q.plain.splitlines()[0] == "“Because ‘demand’ grew.”"
    # no interviewee, no title, no date, no outlet: only the question number remains
    assert q.plain.splitlines()[1] == "— Question 1"


def test_selection_in_question_cites_interviewer():
    iv = parse_text("Вопрос: Как дела?\nОтвет: Хорошо.\n\nБеседовала Анна Лебедева\n", "/a.txt")
    q = format_quote("Как дела?", "", "", QuoteContext(iv, iv.exchanges[0], in_question=True))
    assert q.plain.splitlines()[1].startswith("— Анна Лебедева")


def test_templates_drop_groups_with_missing_fields():
    f = {"speaker": "Иван", "role": "", "title": "T", "date": "", "source": "S"}
    assert render_template("[{speaker}][, {role}][, {title}][ ({date})][, {source}]", f) == "Иван, T, S"
    assert render_template("[{role}][, {title}]", f) == "T"


def test_html_is_escaped_and_markdown_quoted():
    iv = parse_text("— Что <b>важно</b>?\n\n— Ответ <script>x</script>.\n", "/h.txt")
    ex = iv.exchanges[0]
    q = format_quote("Ответ <script>x</script>.", "", "", QuoteContext(iv, ex))
    assert "<script>" not in q.html and "&lt;script&gt;" in q.html
    assert q.markdown.startswith("> «Ответ <script>x</script>.»")
    whole = format_exchange(QuoteContext(iv, ex))
    assert whole.plain.startswith("Вопрос: Что <b>важно</b>?\n\nОтвет: «Ответ <script>x</script>.»")
    assert "&lt;b&gt;" in whole.html
