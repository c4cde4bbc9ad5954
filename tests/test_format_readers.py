"""What the HTML and Word readers keep of a page's layout, so an interview saved as a web page
or a Word file parses as its text does (tools/render_corpus.py measures it on the corpus).

Each case is a shape real files have; the expected values were worked out by hand."""
import importlib.util
from pathlib import Path

from kzreader.core.parsing import parse_source
from kzreader.core.sources.sources import read_source

_spec = importlib.util.spec_from_file_location(
    "make_samples", Path(__file__).parent / "data" / "import" / "make_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)
_p, _run = samples._p, samples._run


def _docx(tmp_path, *paras: str, styles: str | None = None):
    f = tmp_path / "t.docx"
    data = samples.transcript_docx("".join(paras))
    if styles is not None:
        import io
        import zipfile
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for name in src.namelist():
                z.writestr(name, styles if name == "word/styles.xml" else src.read(name))
        data = out.getvalue()
    f.write_bytes(data)
    return read_source(f)


def _html(tmp_path, body: str):
    f = tmp_path / "p.html"
    f.write_text(f"<html><head><meta charset='utf-8'><title>T</title></head><body><article>{body}"
                 "</article></body></html>", encoding="utf-8")
    return read_source(f)


def _questions(src) -> list[str]:
    return [ex.question.text for ex in parse_source(src).exchanges]


def test_docx_pasted_text_keeps_its_lines(tmp_path):
    """Plain text pasted into Word: a paragraph per line, an empty one per blank line.  The
    paragraphs are lines, so a sentence the copy broke in two (here mid-word) is one turn."""
    src = _docx(tmp_path,
                _p(_run("Путин о выборах в США")), _p(),
                _p(_run("Президент России ответил на вопросы журналиста NBC.")), _p(),
                _p(_run("— Вы несколько раз говорили, что Россия не вовлечена во вмешате")),
                _p(_run("льство в выборы. Они что, все врут?")),
                _p(_run("— Они введены в заблуждение.")),
                _p(_run("— А другая сторона говорит иначе?")),
                _p(_run("— Это не так.")))
    assert src.text.split("\n\n")[2] == (
        "— Вы несколько раз говорили, что Россия не вовлечена во вмешате\n"
        "льство в выборы. Они что, все врут?\n— Они введены в заблуждение.\n"
        "— А другая сторона говорит иначе?\n— Это не так.\n")
    assert _questions(src) == [
        "Вы несколько раз говорили, что Россия не вовлечена во вмешате льство в выборы. Они что, все врут?",
        "А другая сторона говорит иначе?"]


def test_docx_without_empty_paragraphs_keeps_paragraphs_apart(tmp_path):
    """A file spaced by its styles (one stray empty paragraph at most) keeps its paragraphs."""
    src = _docx(tmp_path, _p(_run("Первый абзац без точки")), _p(_run("второй абзац.")), _p(),
                _p(_run("третий абзац.")))
    assert src.text == "Первый абзац без точки\n\nвторой абзац.\n\nтретий абзац.\n"


def test_docx_bold_question_over_several_lines_is_one_question(tmp_path):
    """A question set in bold over pasted lines is one bold question; a bold speaker label
    alone on its line is not part of it."""
    src = _docx(tmp_path,
                _p(_run("Интервью")), _p(), _p(_run("Психолог о выборах.")), _p(),
                _p(_run("RT: Как вы выяснили, что штаб", True)),
                _p(_run("связан с Google?", True)),
                _p(_run("Эпштейн:", True)),
                _p(_run("Я не сразу пришёл к этому выводу.")),
                _p(_run("RT: А что насчёт Трампа?", True)),
                _p(_run("Эпштейн:", True)),
                _p(_run("Его поддерживают меньше.")))
    assert "**RT: Как вы выяснили, что штаб связан с Google?**\n**Эпштейн:**\n" in src.text
    assert _questions(src) == ["Как вы выяснили, что штаб связан с Google?", "А что насчёт Трампа?"]


def test_html_bold_lines_broken_by_br_are_one_question(tmp_path):
    src = _html(tmp_path,
                "<h1>Интервью</h1><p>Вводный абзац о собеседнике, его работе и планах.</p>"
                "<p><b>— Как долго вы собираетесь</b><br><b>выступать на таком уровне?</b><br>— Пока есть силы.</p>"
                "<p><b>— А потом?</b><br>— Буду тренером.</p>")
    assert "**— Как долго вы собираетесь выступать на таком уровне?**\n\n— Пока есть силы." in src.text
    assert _questions(src) == ["Как долго вы собираетесь выступать на таком уровне?", "А потом?"]


def test_quotations_are_marked_as_quotes(tmp_path):
    """A pull quote in <blockquote> or in Word's Quote style reads as a Markdown quote, which
    the parser knows from the page's own text."""
    page = _html(tmp_path, "<p>Вступление.</p><blockquote><p>Мы всегда хотели один код.</p></blockquote>"
                           "<figure class='pullquote'><blockquote>Две строки<br>цитаты</blockquote></figure>")
    assert page.text == "Вступление.\n\n> Мы всегда хотели один код.\n\n> Две строки\n> цитаты\n"
    styles = samples._STYLES.replace(
        "</w:styles>", '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Intense Quote"/>'
                       '</w:style><w:style w:type="paragraph" w:styleId="a6"><w:name w:val="Моя цитата"/>'
                       '<w:basedOn w:val="a5"/></w:style></w:styles>')
    doc = _docx(tmp_path, _p(_run("Вступление.")), _p(_run("Мы всегда хотели один код."), style="a6"),
                styles=styles)
    assert doc.text == "Вступление.\n\n> Мы всегда хотели один код.\n"


def test_bold_dash_questions_with_plain_answers(tmp_path):
    """A page that sets its dash questions in bold and its answers without a dash: the dash
    inside the bold marks the turn as it does in the text, from the first question on."""
    src = _html(tmp_path, (
        "<h1>Режиссёр о фестивале</h1>"
        "<p>Знаменитый режиссёр рассказал о фестивале, который он проводит в своей деревне.</p>"
        "<p><strong>— Как вы нашли это место и придумали деревню?</strong></p>"
        "<p>Мы снимали здесь фильм. Место я нашёл случайно.</p>"
        "<p>Теперь здесь четыре фестиваля в год.</p>"
        "<p><strong>— Однажды вы пошутили про ракеты во дворе.</strong></p>"
        "<p>Да, и мне пришлось объяснять жене, что это шутка.</p>"
        "<p><strong>— В чём секрет дружбы двух народов?</strong></p>"
        "<p>— В общей истории.</p>"
        "<p><strong>— Что вы снимаете сейчас?</strong></p>"
        "<p>— Фильм по Достоевскому.</p>"
        "<p><strong>— Когда премьера?</strong></p>"
        "<p>— Надеюсь, через два года.</p>"
        "<p><strong>— Где будете снимать?</strong></p>"
        "<p>— В Петербурге и здесь, в горах.</p>"))
    assert _questions(src) == ["Как вы нашли это место и придумали деревню?",
                               "Однажды вы пошутили про ракеты во дворе.",
                               "В чём секрет дружбы двух народов?", "Что вы снимаете сейчас?",
                               "Когда премьера?", "Где будете снимать?"]


def test_heading_levels_are_kept(tmp_path):
    """A page that asks in one heading level and sets subheads inside answers one level down:
    the levels tell them apart, so both readers keep them."""
    page = _html(tmp_path, "<h1>Brett</h1><h3>What hardware do you use?</h3><p>A laptop.</p>"
                           "<h4>Coding</h4><p>An editor.</p><h3>And what software?</h3><p>Vim.</p>")
    assert page.text.startswith("# Brett\n\n### What hardware do you use?\n\nA laptop.\n\n#### Coding\n\n")
    styles = samples._STYLES.replace("</w:styles>", (
        '<w:style w:type="paragraph" w:styleId="30"><w:name w:val="heading 3"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H"><w:name w:val="Мой"/>'
        '<w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style></w:styles>'))
    doc = _docx(tmp_path, _p(_run("Brett"), style="Title"), _p(_run("What hardware do you use?"), style="30"),
                _p(_run("A laptop.")), _p(_run("Coding"), style="H"), _p(_run("An editor.")), styles=styles)
    assert doc.text == "# Brett\n\n### What hardware do you use?\n\nA laptop.\n\n#### Coding\n\nAn editor.\n"


def test_word_caption_style_is_a_caption(tmp_path):
    styles = samples._STYLES.replace("</w:styles>", (
        '<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="caption"/></w:style></w:styles>'))
    src = _docx(tmp_path, _p(_run("— Как дела?")), _p(_run("Майк Смит на конференции"), style="a7"),
                _p(_run("— Хорошо.")), styles=styles)
    start = src.text.index("Майк")
    assert (start, start + len("Майк Смит на конференции"), "credit") in src.removed


def test_caption_and_embed_boxes_are_marked_by_their_class(tmp_path):
    src = _html(tmp_path, (
        "<p>— Как прошёл матч?</p><p>— Хорошо.</p>"
        "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>Игрок на поле</p></div>"
        "<div class='media__copyright'>© Reuters</div>"
        "<blockquote class='twitter-tweet'><p>Победа!</p>— Клуб (@club)</blockquote>"
        "<p>— А следующий?</p><p>— Посмотрим.</p>"))
    kinds = {src.text[s:e]: k for s, e, k in src.removed}
    assert kinds == {"Игрок на поле\n\n© Reuters": "credit", "> Победа!\n\n> — Клуб (@club)": "embed"}


def test_docx_pasted_line_keeps_its_indent(tmp_path):
    """Pasted text keeps the blanks a line opens with (scraped pages indent their captions),
    as the same text saved as .txt has them."""
    src = _docx(tmp_path, _p(_run("Заголовок")), _p(), _p(_run("Вступление.")), _p(),
                _p(_run("— Вопрос?")), _p(_run(" Подпись к фото ")), _p(_run("\tReuters")), _p(_run("— Ответ.")))
    assert src.text == "Заголовок\n\nВступление.\n\n— Вопрос?\n Подпись к фото\n Reuters\n— Ответ.\n"
    # a typist's tab before every paragraph marks none of them
    tabbed = _docx(tmp_path, _p(_run("Заголовок")), _p(), _p(), *(_p(_run("\t" + t)) for t in (
        "— Вопрос?", "Подпись к фото", "— Ответ.", "— Ещё вопрос?", "— Ещё ответ.")))
    assert tabbed.text == "Заголовок\n\n— Вопрос?\nПодпись к фото\n— Ответ.\n— Ещё вопрос?\n— Ещё ответ.\n"


def test_title_heading_is_not_a_section_header(tmp_path):
    """The page's <h1> is its title, not a heading that names a section's guest: words of the
    title must not outweigh the guest's own label."""
    turns = "".join(f"<p><strong>Q. Question number {i}, about the project?</strong></p>"
                    f"<p><strong>Ptitseb:</strong> Answer number {i} about the emulator.</p>" for i in range(4))
    src = _html(tmp_path, "<h1>There is Life After the Death of x86</h1>"
                          "<p>Discussing emulation with the creator of the project, Ptitseb.</p>" + turns)
    assert parse_source(src).interviewee == "Ptitseb"



def test_title_naming_the_guest_after_a_role(tmp_path):
    """"a talk with boatbuilder X" names its subject whether the title is a plain line (.txt) or
    the page's heading: the heading is not counted twice, the title's wording is enough."""
    body = ("**How did you start?**\n\nMy father fished for lobster.\n\n"
            "**What wood do you use?**\n\nMostly cedar.\n")
    title = "Planks, steam and patience: a talk with boatbuilder Martha Quill"
    (tmp_path / "t.txt").write_text(title + "\n\nWe asked her about the craft.\n\n" + body, encoding="utf-8")
    page = _html(tmp_path, f"<h1>{title}</h1><p>We asked her about the craft.</p>"
                           "<p><b>How did you start?</b></p><p>My father fished for lobster.</p>"
                           "<p><b>What wood do you use?</b></p><p>Mostly cedar.</p>")
    assert parse_source(read_source(tmp_path / "t.txt")).interviewee == "Martha Quill"
    assert parse_source(page).interviewee == "Martha Quill"


def test_bold_question_leading_its_answer_paragraph(tmp_path):
    """The magazine habit: the question is the bold lead-in of the paragraph that holds its
    answer.  A bold word that merely opens an answer stays in it."""
    src = _html(tmp_path, (
        "<h1>Planks and steam</h1><p>Martha Quill builds wooden boats in Maine.</p>"
        "<p><strong>How did you start?</strong> My father fished for lobster.</p>"
        "<p><b>— Как о правдание звучит.</b> — Это звучит как факт.</p>"
        "<p><strong>What wood do you use?</strong> <strong>Never</strong> pine. Mostly cedar.</p>"))
    assert src.text.split("\n\n")[2:] == [
        "**How did you start?**", "My father fished for lobster.",
        "**— Как о правдание звучит.**", "— Это звучит как факт.",
        "**What wood do you use?**", "Never pine. Mostly cedar.\n"]


def test_compact_date_in_a_meta_tag(tmp_path):
    f = tmp_path / "p.html"
    f.write_text("<html><head><meta name='pubdate' content='20141226'><title>T</title></head>"
                 "<body><p>— Вопрос?</p><p>— Ответ.</p></body></html>", encoding="utf-8")
    assert read_source(f).metadata["date"] == "2014-12-26"


def test_page_without_article_element_drops_what_follows_its_text(tmp_path):
    """An old page laid out with a table names no article: what comes after the box of its
    paragraphs (a print link, the footer) is marked outside the article; what comes before it
    (the lead), and the article's second half after an ad, are kept."""
    answers = "".join(f"<p>RT: Как вы оцениваете решение президента, вопрос {i}?</p>"
                      f"<p>Это было смелое решение, и оно многое меняет ({i}).</p>" for i in range(3))
    f = tmp_path / "old.html"
    f.write_bytes(("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
                   "</head><body><table><tr><td class='menu'><a href='/'>Главная</a></td><td>"
                   "<h1>Пять политиков о выборах</h1><p>Политики Франции ответили на вопросы RT.</p>"
                   f"<div class='text'>{answers}<p>Все это должно заставить задуматься.</p></div>"
                   "<div class='banner-box'>Реклама</div>"
                   "<div><p>RT: И последний вопрос, о следующих выборах?</p>"
                   "<p>Это будут самые трудные выборы за много лет.</p></div>"
                   "<div class='print'><a href='?print=1'>Версия для печати</a></div></td></tr>"
                   "<tr><td colspan='2'>Перепечатка только с гиперссылкой.</td></tr></table></body></html>"
                   ).encode("cp1251"))
    src = read_source(f)
    kinds = {src.text[s:e]: k for s, e, k in src.removed}
    assert kinds == {"Главная": "navigation", "Реклама": "advertisement",
                     "Версия для печати\n\nПерепечатка только с гиперссылкой.": "outside article"}
    assert "Политики Франции ответили" in parse_source(src).lead_text


def test_italic_line_under_a_picture_is_its_caption(tmp_path):
    """"<img><br><i>…</i>", as blog engines write a caption; italics elsewhere stay text (a
    question in italics in the paragraph after a picture, a stage direction after an emoji)."""
    src = _html(tmp_path, (
        "<div class='entry'>— Как прошёл сезон?<br><br>— Хорошо <img src='smile.png'> <i>(смеётся)</i>."
        "<br><br><img src='a.jpg'><br><i>Спортсменка на тренировке</i><br><br>"
        "— А дальше?<br><br><img src='b.jpg'><br><br><i>— Что вы скажете болельщикам?</i><br><br>— Спасибо!</div>"))
    kinds = {src.text[s:e]: k for s, e, k in src.removed}
    assert kinds == {"Спортсменка на тренировке": "credit"}
    assert "(смеётся)" in src.text and "— Что вы скажете болельщикам?" in src.text


def test_dash_questions_set_as_headings(tmp_path):
    """A page that sets its dash questions as headings: the dash marks the turn, as in bold,
    and is not question text."""
    turns = "".join(f"<h3>— Почему тенге ослаб, вопрос {i}?</h3><p>Из-за нефти, ответ {i}.</p>" for i in range(3))
    src = _html(tmp_path, "<h1>Экономист о тенге</h1><p>Экономист рассказала о курсе тенге.</p>" + turns
                + "<h3>— А что дальше?</h3><p>— Резервов достаточно.</p>")
    assert _questions(src) == [f"Почему тенге ослаб, вопрос {i}?" for i in range(3)] + ["А что дальше?"]
