"""The publication date is one the file states as such; dates inside the text are not."""
import pytest

from kzreader.core.parsing import parse_text
from kzreader.core.parsing.metadata import leading_date, stamp_date

BODY = "\n\n— Как прошёл год?\n\n— Хорошо.\n\n— А следующий?\n\n— Посмотрим.\n"


@pytest.mark.parametrize("line, iso", [
    ("Опубликовано: 12 ноября 2025", "2025-11-12"),
    ("12.03.2024 10:15", "2024-03-12"),
    ("Published: November 3, 2025", "2025-11-03"),
    ("Posted on Sept. 3, 2021 by Ann Lee", "2021-09-03"),
    ("Mar 14, 2020", "2020-03-14"),
    ("Размещено 5 мая 2019 г.", "2019-05-05"),
    ("Monday, December 31, 2007", "2007-12-31"),  # a weekday before the date
    ("вт, 01/03/2011", "2011-03-01"),  # day first with slashes
    ("12/31/2007", "2007-12-31"),  # a month over 12: the American order
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


@pytest.mark.parametrize("line, iso", [
    ("МОЙ ВЫБОР 01:38  /  27.12.11", "2011-12-27"),  # rubric, time, date with a two-digit year
    ("05/12/2014 - 21:52 (по МСК) Анна Петрова", "2014-12-05"),  # date, time, author
    ("Cоздан:   вт, 01/03/2011 - 11:09", "2011-03-01"),
])
def test_a_header_time_stamp_dates_the_page(line, iso):
    assert stamp_date(line) == iso


@pytest.mark.parametrize("line", [
    "версия 1.2.3 от 12:30",  # a version number is no date
    "Встреча в 12:30, зал 4",  # a time alone
    "27.12.11",  # a two-digit year without a time beside it
    "12.13.2020 10:00",  # no such month either way
])
def test_no_time_stamp(line):
    assert stamp_date(line) is None


def test_a_date_alone_on_the_fourth_line_dates_the_page():
    text = "Слушать\nПрограмма «Утро»\nГость: Ерлан Сагадиев\n10.05.2012\n" + BODY
    assert parse_text(text, "x.txt").date == "2012-05-10"
