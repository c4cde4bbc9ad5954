"""A readable title for an interview whose file has none: the interviewee and date, else the
opening words of the lead (or of the first question), in square brackets as made up; it
travels in the list fields, so an interview whose body is still in the cache has it too."""
from __future__ import annotations

from kzreader.core.corpus import codec
from kzreader.core.corpus.lazy import make_lazy
from kzreader.core.model import Exchange, Interview, Paragraph, Turn, opening_words

LEAD = ("Президент рассказал о том, как соседние энергосистемы помогают друг другу зимой "
        "и почему трубопроводы остаются основой.")


def _iv(**kw) -> Interview:
    q = Turn("question", (Paragraph(0, 20, "— Когда начнётся стройка?"),))
    a = Turn("answer", (Paragraph(21, 30, "Весной."),))
    return Interview(id="x", path="/corpus/000_5d12580cb3c2ec6c.txt", exchanges=(Exchange(1, q, a),), **kw)


def test_a_title_from_the_file_is_kept():
    iv = _iv(title="Атом и степь", interviewee="Ерлан Сагадиев")
    assert iv.display_title == "Атом и степь" and not iv.title_is_derived


def test_interviewee_and_date():
    iv = _iv(interviewee="Ерлан Сагадиев", date="2024-03-15")
    assert iv.display_title == "[Ерлан Сагадиев, 2024-03-15]" and iv.title_is_derived
    assert _iv(interviewee="Ерлан Сагадиев").display_title == "[Ерлан Сагадиев]"


def test_the_opening_words_of_the_lead_cut_at_a_word():
    iv = _iv(lead=(Paragraph(0, len(LEAD), LEAD),), date="2025-11-13")
    # 60 characters at most, cut after a whole word, "…" where it was cut
    assert iv.display_title == "[Президент рассказал о том, как соседние энергосистемы…, 2025-11-13]"


def test_the_first_question_without_its_dash_when_there_is_no_lead():
    assert _iv().display_title == "[Когда начнётся стройка?]"


def test_the_file_name_only_when_nothing_else_is_known():
    assert Interview(id="x", path="/corpus/000_5d12580cb3c2ec6c.txt").display_title == "000_5d12580cb3c2ec6c"


def test_a_lazy_interview_has_its_made_up_title_without_reading_its_body():
    iv = _iv(lead=(Paragraph(0, len(LEAD), LEAD),))
    fields, count, warnings = codec.decode_summary(codec.summary(iv))
    fetched = []
    lazy = make_lazy(fields, count, warnings, lambda: fetched.append(1) or None)
    assert lazy.display_title == "[Президент рассказал о том, как соседние энергосистемы…]"
    assert fetched == [] and not lazy.loaded


def test_a_quotation_the_cut_leaves_open_is_closed_after_the_ellipsis():
    lead = ("Президент резюмировал: «Между нашими странами нет нерешённых вопросов, "
            "это пример ответственности сторон»")
    title = opening_words(_iv(lead=(Paragraph(0, len(lead), lead),)))
    assert title.endswith("…»") and title.count("«") == title.count("»") == 1, title
    en = 'He said "we will build the corridor across the steppe within ten years" and left'
    assert opening_words(_iv(lead=(Paragraph(0, len(en), en),))).endswith('…"')
