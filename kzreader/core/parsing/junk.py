"""Page junk: counters, credits, placeholders, script, and site sections with headline lists.

Junk blocks are not deleted: the parser keeps them as removed spans the user can look at.
"""
from __future__ import annotations

import re
from typing import Final

from .blocks import Block, ends_terminal

_COUNTER: Final = re.compile(
    r"(?:\d[\d\s  ]*|(?:просмотр\w*|views?|прочитал[аио]?)\W*\d[\d\s]*|\d[\d\s]*\W*(?:просмотр\w*|views?|прочтени\w*|комментари\w*))",
    re.IGNORECASE,
)
# (the word-boundary check is for the words only: after "©" it would need a letter right
# next to it, and "© AP" would pass as text)
_CREDIT: Final = re.compile(
    r"(?:(?:фото(?:графия)?|photo(?:graph)?|источник фото|иллюстрация|image|picture|видео|video|\(c\)|copyright|коллаж|скриншот|кадр)\b|©)\s*[:.\-—–]?",
    re.IGNORECASE,
)
_PLACEHOLDER: Final = re.compile(r"\[\[[^\]\n]{1,40}\]\]|\{\{[^}\n]{1,40}\}\}|%[A-Z_]{3,}%")
_CODE_START: Final = ("<script", "<style", "<iframe", "<noscript", "window.", "var ", "function(", "function ", "document.", "(function", "gtag(", "googletag", "!function")
# lower-case only this many leading characters to test _CODE_START, not the whole block
_CODE_HEAD: Final = 2 * max(map(len, _CODE_START))
# the characters whose lower case opens one of them (no non-ASCII character lowers to these;
# checked over all of Unicode): most blocks are ruled out by their first character
_CODE_FIRST: Final = frozenset("".join(w[0] + w[0].upper() for w in _CODE_START))
_BULLETS: Final = " \t•·*-–—|"
SECTION_WORDS: Final = {
    "популярное", "читайте также", "читайте еще", "читайте ещё", "архив", "все", "похожие материалы",
    "похожие новости", "другие новости", "новости по теме", "по теме", "комментарии", "поделиться",
    "реклама", "смотрите также", "последние новости", "лента новостей", "главное", "самое читаемое",
    "популярные новости", "выбор редакции", "материалы по теме", "теги", "подписывайтесь",
    "read more", "related", "related articles", "related stories", "share", "advertisement",
    "most read", "more stories", "latest news", "recommended", "comments", "also read",
    "see also", "tags", "trending", "top stories",
}
_TEASER: Final = re.compile(
    r"(?:читайте также|читайте еще|читайте ещё|подробнее|по теме|смотрите также|read also|read more|see also)\s*[:—–-]",
    re.IGNORECASE,
)
# The characters that can open a match of _COUNTER, _CREDIT and _TEASER (all three case-
# insensitive), with the case forms Unicode adds ("ᲃ" is a form of "с", "ſ" of "s"); found by
# trying every character, kept true by tests/test_junk_gates.py.  Most blocks open with another
# letter, and one set look-up then saves the pattern's call.  (_COUNTER also opens with any
# decimal digit: str.isdecimal is exactly re's \d.)
_COUNTER_FIRST: Final = frozenset("VvПп")
_CREDIT_FIRST: Final = frozenset("(CIPVcipv©İıВИКСФвиксфᲀᲃ")
_TEASER_FIRST: Final = frozenset("RSrsſПСЧпсчᲃ")
_TURN_MARKERS: Final = frozenset(("dash", "qa", "chevron"))


_SECTION_MAX: Final = max(map(len, SECTION_WORDS)) + 40  # room for bullets, punctuation, spaces


# a block that is one of SECTION_WORDS, in any letter case, with anything but letters and
# digits around and between its words ("• Читайте также:", "READ MORE »").  One anchored
# pattern over the lower-cased block (most short blocks fail at their first word) instead of
# normalising every short block first.
_SECTION: Final = re.compile(r"[\W_]*(?:" + "|".join(
    r"[\W_]+".join(map(re.escape, w.split(" "))) for w in sorted(SECTION_WORDS, key=len, reverse=True)
) + r")[\W_]*")


def block_junk(b: Block) -> str | None:
    """Junk that a block shows on its own, regardless of neighbours."""
    if b.marker in _TURN_MARKERS:
        return None  # a marked turn is never junk, whatever it contains
    t = b.text.strip()
    if _looks_like_code(t):
        return "script"
    if len(t) > 300:
        return None
    c = t[:1]
    if (c in _COUNTER_FIRST or c.isdecimal()) and _COUNTER.fullmatch(t):
        return "counter"
    # (one character first: a two-character ASCII needle is widened to Cyrillic text's string
    # kind on every test)
    if ("[" in t and "[[" in t or "{" in t and "{{" in t or "%" in t) and _PLACEHOLDER.search(t) and len(
            _PLACEHOLDER.sub("", t).strip(_BULLETS)) < 3:
        return "template placeholder"
    if c in _CREDIT_FIRST and b.marker in (None, "heading") and _CREDIT.match(t) and len(t) < 200:
        return "credit"
    if c in _TEASER_FIRST and _TEASER.match(t):  # (t is at most 300 long here)
        return "teaser"
    if b.marker is None and len(t) <= _SECTION_MAX and _SECTION.fullmatch(t.lower()):
        return "section"
    return None


def _looks_like_code(t: str) -> bool:
    if t[:1] in _CODE_FIRST and t[:_CODE_HEAD].lower().startswith(_CODE_START):
        return True
    if not ("{" in t or ";" in t or "=" in t):
        return False
    # the code characters { } ; = $, each counted by str.count: it runs through a text several
    # times faster than a pattern's findall, and builds no list
    n = t.count("{") + t.count("}") + t.count(";") + t.count("=") + t.count("$")
    return n >= 3 and n > 0.04 * len(t)


def _headline_like(b: Block) -> bool:
    t = b.text.strip()
    return b.marker in (None, "heading") and len(t) < 160 and not ends_terminal(t.rstrip("»\"”"))


def mark_junk(blocks: list[Block]) -> None:
    sections = []
    for i, b in enumerate(blocks):
        if not b.junk:  # metadata found earlier (a date line) stays what it is
            b.junk = block_junk(b)
        if b.junk == "section":
            sections.append(i)
    if sections:
        _mark_sections(blocks, sections)
    _mark_headline_lists(blocks)


def _mark_sections(blocks: list[Block], sections: list[int]) -> None:
    """A section heading ("Популярное") at each of ``sections`` takes the headline-like blocks
    after it along."""
    end = 0  # blocks before this one were taken along by an earlier section already
    for i in sections:
        if i < end:
            continue
        j = i + 1
        while j < len(blocks) and (
            blocks[j].junk or _headline_like(blocks[j]) or _short_list_item(blocks[j])
        ):
            if not blocks[j].junk:
                blocks[j].junk = "headline list"
            j += 1
        end = j


def _short_list_item(b: Block) -> bool:
    # "Надир Шафиев: "Парламентская власть..." — headline teasers in a list may carry punctuation
    return b.marker in (None, "speaker", "heading") and len(b.text) < 120 and "\n" not in b.text and b.text.rstrip().endswith(("…", "...", "»", '"'))


_MENU_ITEM_MAX: Final = 160  # as long as a headline may be (_headline_like)


def _mark_headline_lists(blocks: list[Block]) -> None:
    """Runs of four or more short unpunctuated lines with no blank line between are menus or
    headline lists, not interview text.  A long paragraph in such a run is no menu item: a page
    that puts no blank line anywhere runs its header lines straight into the first question."""
    i = 0
    n = len(blocks)
    while i < n:
        group = blocks[i].group
        j = i + 1
        while j < n and blocks[j].group == group:
            j += 1
        if j - i >= 4:  # most groups are one paragraph: look no further at those
            run = blocks[i:j]
            if sum(_headline_like(b) for b in run) >= 0.75 * len(run):
                for b in run:
                    if not b.junk and b.marker in (None, "heading") and len(b.text) < _MENU_ITEM_MAX:
                        b.junk = "headline list"
        i = j
