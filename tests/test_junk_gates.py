"""junk.py skips a pattern's call when a block's first character cannot open a match: those
first-character sets must hold every character the case-insensitive patterns take there."""
import re
import sys

from kzreader.core.parsing import junk

# the first letters of each pattern's alternatives, as written in junk.py
_OPENERS = {
    "_COUNTER_FIRST": "пv",  # "просмотр…", "прочитал…", "view…" (and any digit, tested apart)
    "_CREDIT_FIRST": "фpиivв©(cкс",  # фото, photo, источник, иллюстрация, image, picture, видео ...
    "_TEASER_FIRST": "чпсrs",  # читайте, подробнее, по теме, смотрите, read, see
}
# every character, each once (the engine walks this in C: a set of matches costs milliseconds)
_EVERY = "".join(map(chr, range(sys.maxunicode + 1)))


def test_first_character_sets_are_exactly_the_characters_that_open_a_match():
    for name, letters in _OPENERS.items():
        opener = re.compile("[" + re.escape(letters) + "]", re.IGNORECASE)
        assert set(opener.findall(_EVERY)) == set(getattr(junk, name)), name


def test_the_openers_are_those_of_the_patterns():
    # each pattern matches a text that opens with each of its openers' words, and its set holds
    # that text's first character
    assert junk._COUNTER.fullmatch("Просмотров: 12") and junk._COUNTER.fullmatch("views 3")
    for text in ("Фото: ТАСС", "Photo: AP", "Источник фото: сайт", "Иллюстрация: X", "image: x",
                 "picture: x", "Видео: x", "video: x", "©AP", "(c)AP", "copyright AP",
                 "Коллаж: X", "Скриншот: X", "Кадр: X"):
        assert junk._CREDIT.match(text) and text[0] in junk._CREDIT_FIRST, text
    for text in ("Читайте также: x", "Подробнее: x", "По теме: x", "Смотрите также: x",
                 "Read more: x", "See also: x"):
        assert junk._TEASER.match(text) and text[0] in junk._TEASER_FIRST, text


def test_re_digit_is_str_isdecimal():
    assert set(re.findall(r"\d", _EVERY)) == {c for c in _EVERY if c.isdecimal()}


def test_a_copyright_sign_is_a_credit_with_or_without_a_space_after_it():
    from kzreader.core.parsing.blocks import Block

    def kind(text):
        return junk.block_junk(Block(0, len(text), 0, text))

    for text in ("© AP", "©AP", "© Reuters / Jane Roe", "© РИА Новости", "Фото: ТАСС"):
        assert kind(text) == "credit", text
    # a paragraph that only mentions a sign or a photo is speech
    assert kind("Мы поставили знак © на все снимки.") is None
