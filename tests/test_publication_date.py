"""The publication date is one the file states as such; dates inside the text are not."""
import pytest

from kzreader.core.parsing import parse_text
from kzreader.core.parsing.metadata import leading_date

BODY = "\n\n— Как прошёл год?\n\n— Хорошо.\n\n— А следующий?\n\n— Посмотрим.\n"


@pytest.mark.parametrize("line, iso", [
    ("Опубликовано: 12 ноября 2025", "2025-11-12"),
    ("12.03.2024 10:15", "2024-03-12"),
    ("Published: November 3, 2025", "2025-11-03"),
    ("Posted on Sept. 3, 2021 by Ann Lee", "2021-09-03"),
    ("Mar 14, 2020", "2020-03-14"),
    ("Размещено 5 мая 2019 г.", "2019-05-05"),
])
def test_date_forms_that_open_a_line(line, iso):
    found = leading_date(line)
    assert found is not None and found[0] == iso


@pytest.mark.parametrize("line", [
    "14 марта 2020 года в Москве прошла встреча",  # a sentence of prose
    "Maybe 12, 2020",  # not a month
    "13.13.2020",  # no such month
])
def test_prose_that_opens_with_a_date_is_not_a_publication_date(line):
    assert leading_date(line) is None


@pytest.mark.parametrize("key", ["date", "publishDate", "published", "pubDate"])
def test_front_matter_date_under_the_names_site_generators_use(key):
    iv = parse_text(f"---\ntitle: Год\n{key}: 2023-04-05\n---\n" + BODY, "x.md", fmt="md")
    assert iv.date == "2023-04-05"


def test_a_date_inside_the_lead_is_not_the_publication_date():
    text = ("Итоги года\n\nВ интервью 12 марта 2024 года экономист Ерлан Сагадиев рассказал о ценах."
            + BODY)
    assert parse_text(text, "x.txt").date is None
