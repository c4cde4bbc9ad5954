"""Data-driven parser tests: each tests/data/parse/NAME.{txt,md} beside NAME.expected.yaml,
whose values were written by hand from reading the input."""
from pathlib import Path

import pytest
import yaml

from kzreader.core.corpus.corpus import load_file
from kzreader.core.model import Interview

DATA = Path(__file__).parent / "data" / "parse"
CASES = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_format(path):
    want = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    iv = load_file(str(path))
    assert isinstance(iv, Interview), iv
    got = [{"q": ex.question.text, "a": ex.answer.text} for ex in iv.exchanges]
    assert got == want["exchanges"]
    for key in ("title", "date", "interviewee", "interviewer", "role", "source", "language"):
        if key in want:
            assert getattr(iv, key) == want[key], key
    if "lead" in want:
        assert iv.lead_text == want["lead"]
    if "removed_kinds" in want:
        assert sorted({s.kind for s in iv.removed} - {"markup"}) == sorted(want["removed_kinds"])
    assert not iv.warnings


def test_paragraph_offsets_point_into_source():
    for path in CASES:
        iv = load_file(str(path))
        text = path.read_text(encoding="utf-8")
        for ex in iv.exchanges:
            for turn in (ex.question, ex.answer):
                for p in turn.paragraphs:
                    assert text[p.start:p.end].replace("\n", " ") == p.text


def test_junk_is_kept_as_removed_spans():
    iv = load_file(str(DATA / "dash_junk.txt"))
    removed = "\n".join(s.text for s in iv.removed)
    for junk in ("Просмотров: 2 345", "Фото: пресс-служба", "Читайте также: Курс тенге укрепился",
                 "Популярное", "Цены на бензин", "gtag('config', 'X')"):
        assert junk in removed
        assert all(junk not in ex.text for ex in iv.exchanges)


def test_a_dash_inside_bold_question_is_a_marker_not_question_text():
    from kzreader.core.parsing import parse_text

    text = ("Заголовок\n\nВступление о встрече.\n\n**— Асель, почему вы так решили?**\n\n"
            "Потому что так было нужно.\n\n**— А что дальше?**\n\nДальше работа.\n")
    iv = parse_text(text, "x.md", fmt="md")
    assert [(e.question.text, e.answer.text) for e in iv.exchanges] == [
        ("Асель, почему вы так решили?", "Потому что так было нужно."),
        ("А что дальше?", "Дальше работа."),
    ]
    q = iv.exchanges[0].question
    assert text[q.marker[0]:q.marker[1]] == "**— "
