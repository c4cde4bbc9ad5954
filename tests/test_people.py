"""The interviewee finder, one mechanism per case, on short invented texts
(tests/data/people/cases.yaml: each case gives the zones and the expected name)."""
from pathlib import Path

import pytest
import yaml

from kzreader.core.parsing import metadata, parse_text, people

CASES = yaml.safe_load((Path(__file__).parent / "data" / "people" / "cases.yaml").read_text(encoding="utf-8"))
FIELDS = ("title", "lead", "captions", "text", "first_question", "first_answer", "english",
          "question_speakers", "answer_speakers", "exchanges")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_interviewee(case):
    zones = people.Zones(**{k: case[k] for k in FIELDS if k in case})
    name, _ = metadata.interviewee(zones)
    assert name == case["want"]


def test_same_word_reads_one_name_in_two_cases():
    assert people.same_word("Путин", "Путиным")
    assert people.same_word("Хомский", "Хомского")
    assert not people.same_word("Мосс", "Москва")


def test_initials_fold_latin_look_alikes():
    from kzreader.core.parsing import names

    assert names.label_initials("A.C.") == names.initials("Алина Сафина")  # Latin A and C
    assert names.label_initials("Ж.-Ф.П.") == names.initials("Жан-Фредерик Пуассон")
    assert names.label_initials("SK") == names.initials("Shuah Kim")
    assert names.label_initials("Эпштейн") is None


def test_parse_text_names_the_guest_from_lead_and_labels():
    text = ("Как устроен порт\n\nРедакция побеседовала с капитаном порта Рустемом Жаксылыковым.\n\n"
            "Корр.: Сколько судов заходит в день?\nЖаксылыков: Около двадцати.\n\n"
            "Корр.: А зимой?\nЖаксылыков: Меньше, лёд мешает.\n")
    iv = parse_text(text, "port.txt")
    assert iv.interviewee == "Рустем Жаксылыков"


def test_front_matter_author_is_the_interviewer_not_the_guest():
    text = ("---\ntitle: Разговор с Верой Лаптевой\nauthor: Иван Громов\n---\n\n"
            "Мы поговорили с архитектором Верой Лаптевой.\n\n"
            "**Что вы строите?**\n\nШколы.\n\n**Где?**\n\nВ степи.\n")
    iv = parse_text(text, "x.md", fmt="md")
    assert iv.interviewer == "Иван Громов"
    assert iv.interviewee == "Вера Лаптева"


def test_unknown_first_name_takes_the_case_its_context_asks_for():
    from kzreader.core.parsing import names

    text = "Визит Президента Касым-Жомарта Токаева в Москву"
    assert [n for _, _, n, _ in names.find_people(text)] == ["Касым-Жомарт Токаев"]
