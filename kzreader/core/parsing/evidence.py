"""What the words around a person's name say about them: the sentence it stands in, cues of
an interview or of speech there, an occupation before it or a role after it, the interviewer's
job, the title's own subject -- and ``weigh``, which turns one mention into evidence for the
people finder (``people.py``, whose ``WEIGHTS`` give each kind of evidence its weight).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Final

from . import names

# the end of a sentence, or of a line (a byline, a caption); its end() starts the next one: the
# blanks after a mark when a capital or a quote follows, or blanks holding a line break.  Only
# the end is used, so a match may open at the break itself: the pattern then opens with one of
# five characters the engine skips to (a pattern that may open with any blank is tried at every
# position, four times slower over a long lead)
_SENT_END: Final = re.compile(r"[\n.!?…](?:(?<=\n)\s*|(?<=[.!?…])\s+(?=[«\"“A-ZА-ЯЁ]))")


_QUOTED: Final = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")


# link text and targets stop at the next bracket: "[^\]]*" scanned a line of 50,000 "[" to its
# end from every "[" (tens of seconds)
_MD_IMAGE: Final = re.compile(r"!\[[^\[\]]*\]\([^()]*\)|!\[[^\[\]]*\]\[[^\[\]]*\]")


_MD_LINK: Final = re.compile(r"\[([^\[\]]*)\](?:\([^()]*\)|\[[^\[\]]*\])")


# emphasis marks, ™®©, tags, a heading's or a quote's mark at a line start.  Every alternative
# opens with its own character and checks what stands before it afterwards ("_" not after a
# letter, "#" or ">" after a line break or at the start): a pattern with an alternative that
# opens with a look-behind or "^" is tried at every position, ten times slower over a page
_MARKUP: Final = re.compile(r"\*\*|__|_(?<!\w_)|_(?!\w)|™|®|©|<[^>\n]{1,200}>|#(?<![^\n]#)#*\s*|>(?<![^\n]>)\s?")


def _both_cases(*stems: str) -> str:
    """Alternatives for each stem with its first letter in both cases ("интервью|Интервью").
    Branches that open with a plain letter let the engine skip to the letters that can start
    one (IGNORECASE, or a class such as [Ии], makes it test every position: about 3x slower)."""
    return "|".join(f"{w[0].lower()}{w[1:]}|{w[0].upper()}{w[1:]}" for w in stems)


_INTERVIEW_CUE: Final = re.compile(
    _both_cases("интервью", "бесед", "поговорил", "побеседовал", "разговор", "гост", "interview",
                "guest")
    # told to a journalist or an outlet ("рассказал корреспонденту", "нашему изданию")
    + r"|корреспондент|журналист|изданию|агентству|порталу|редакци|на вопрос"
    r"|spoke (?:to|with)|talk(?:ed|s|ing)? (?:to|with)|caught up with|chat(?:ted)? with|speak with"
    r"|sat down with")


_SPEECH_CUE: Final = re.compile(
    _both_cases("рассказал", "ответил", "заявил", "поделил", "объяснил", "пояснил", "сообщил",
                "отметил", "признал", "прокомментировал", "высказал", "раскрыл", "подчеркнул",
                "считает", "уверен")
    + r"|said\b|says\b|told\b|explain|talks about|discuss|share|reflect")


PLURAL_VERB: Final = re.compile(
    "(?:" + _both_cases("рассказал", "ответил", "поделил", "объяснил", "заявил", "поговорил") + r")(?:и|ись)\b")


PRONOUN: Final = re.compile("(?:" + _both_cases("он", "она", "они", "he", "she", "they") + r")\b")  # a word's end


# the interviewer's job, right before their name
_INTERVIEWER_WORD: Final = re.compile(
    r"^(?:ведущ|корреспондент|журналист|обозревател|интервьюер|беседовал|спросил|задавал|"
    r"host|reporter|interviewer|correspondent|by$)", re.I)


# (a role in lower case may stand between: "a talk with boatbuilder X", "interview with the
# designer X")
_EN_TITLE_BEFORE: Final = re.compile(
    r"(?:\binterview(?:ed|s)?\b\s*(?:with\b)?|\bmeet\b.*|\bwith\b|\bQ&A\b\s*(?:with\b)?)\W*"
    r"(?:[\w’'-]+['’]s\s+|(?-i:[a-z][a-z-]*\s+){1,3})?$", re.I)


_EN_TITLE_AFTER: Final = re.compile(r"^\W*(?:interview|talks|speaks|on\b|Q&A)", re.I)


SELF_INTRO: Final = re.compile("(?:" + _both_cases("меня зовут", "my name is") + r"|I['’]m|I am)\s+")


PATRONYMIC: Final = re.compile(r"(?:вич|вна|ична|инична|улы|уулу|кызы|оглы)$")


ADDRESS_TITLE: Final = re.compile(r"(?:господин|госпожа|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", re.I)


_ROLE_AFTER: Final = re.compile(
    r"\s*(?:[—–]\s+(?![вна]\s|на\s|с\s|и\s|что\s|как\s)[a-zа-яё]|,\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:creator|founder|co-?founder|developer|director|author|maintainer|head|ceo|cto|"
    r"president|lead|editor|professor|член|лидер|депутат|глава|директор|председатель|"
    r"руководитель|основатель|автор)\b)", re.I)


_HAS_MARKUP: Final = re.compile(r"[\[*_<#>™®©]")


def plain(text: str) -> str:
    """Markdown and HTML marks out of a zone: link text stays, URLs, images and emphasis go."""
    if not text or not _HAS_MARKUP.search(text):
        return text or ""
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MARKUP.sub("", text)


def plain_head(text: str, n: int) -> str:
    """``plain(text)[:n]`` without reading past the head when the head has no markup: every
    mark plain() removes opens with one of _HAS_MARKUP's characters (an image's "!" with the
    "[" right after it), so none starts before ``n`` and the first ``n`` characters stay."""
    if _HAS_MARKUP.search(text, 0, n + 1):
        return plain(text)[:n]
    return text[:n]


_WORD: Final = re.compile(r"[\w’'-]+")


def _words_before(text: str, pos: int, n: int) -> list[str]:
    return _WORD.findall(text, max(0, pos - 120), pos)[-n:]


def sentence(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` holding ``pos``."""
    starts = sentence_starts(text)
    k = bisect_right(starts, pos) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(text)
    return starts[k], end


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts."""
    return sentence(text, pos)[0]


@lru_cache(maxsize=16)
def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENT_END.finditer(text)]


@lru_cache(maxsize=256)
def cue(text: str, s: int, e: int) -> str | None:
    """Does the sentence text[s:e] speak of the interview, or say that someone spoke?"""
    if _INTERVIEW_CUE.search(text, s, e):
        return "interview"
    return "speech" if _SPEECH_CUE.search(text, s, e) else None


def _is_interviewer_context(before: list[str]) -> bool:
    """The nearest occupation word before the name (``before``: the words ahead of it) is
    the interviewer's ("ведущей RT …")."""
    for w in reversed(before):
        said = _context_word(w)
        if said is not None:
            return said
    return False


@lru_cache(maxsize=8192)  # the same words stand before names page after page
def _context_word(w: str) -> bool | None:
    """True: the interviewer's job ("ведущей"); False: another occupation ("режиссёр");
    None: neither (look further back)."""
    if _INTERVIEWER_WORD.match(w):
        return True
    if _EN_OCCUPATION.match(w) or not ("A" <= w[0] <= "z") and _is_person_noun(w):
        return False
    return None


def _is_person_noun(word: str) -> bool:
    """An occupation or kinship noun ("режиссёр", "послом", "брат"), not a name; a capital
    ("Президента") is allowed, a name is not ("Роман")."""
    return bool(names.occupation_cases(word.lower()))


_EN_OCCUPATION: Final = re.compile(
    r"(?:analyst|expert|professor|director|researcher|economist|historian|founder|creator|"
    r"developer|maintainer|engineer|scientist|author|writer|ceo|cto|president|chairman|minister|"
    r"ambassador|coach|player|actor|actress|singer|artist|designer|manager|chief|editor|"
    r"programmer|hacker|entrepreneur|investor|lawyer|doctor|politician|senator|architect)s?$", re.I)


# "Jane Roe is the lead engineer at …": the page introduces her
_EN_IS_ROLE: Final = re.compile(
    r"\s+is\s+(?:the|a|an|our)\s+(?:[\w-]+\s+){0,3}?" + _EN_OCCUPATION.pattern.replace("s?$", r"s?\b"), re.I)


def _apposition(before: list[str], english: bool) -> bool:
    """An occupation noun right before the name ("режиссёр Оливер Стоун", "analyst Sarah …"),
    or heading the phrase that ends with it ("руководитель направления … ИСИП РУДН Александр
    Бобров")."""
    for w in reversed(before[-2:] if english else before[-7:]):
        if english and _EN_OCCUPATION.match(w) or not english and _is_person_noun(w.split("-")[-1]):
            return True
    return False


_WITH: Final = re.compile(r"(?:^|\s)(?:с|со)\s")


_AFTER_INTERVIEW: Final = re.compile(r"интервью\s+(?:[\w-]+\s+){0,3}$")


def _case_fits_cue(case: str, sentence_before: str) -> bool:
    """Can a name in this case be the one the sentence is about: the subject (nominative),
    "с X" (instrumental), "интервью X" (genitive)?"""
    if case in ("nomn", "unk"):
        return True
    if case == "ablt":
        return bool(_WITH.search(sentence_before))
    if case == "gent":
        return bool(_AFTER_INTERVIEW.search(sentence_before))
    return False


_RU_LOWER_WORD: Final = re.compile(r"[а-яё]{4,}")


@lru_cache(maxsize=1024)
def plural_title(title: str) -> bool:
    """A plural of people as the title's subject ("политики Франции", "тренеры") outside quotes."""
    t = _QUOTED.sub(" ", title).lower()
    for w in _RU_LOWER_WORD.findall(t):
        if any("NOUN" in p.tag and "anim" in p.tag and "plur" in p.tag and "nomn" in p.tag
               and not ({"Name", "Surn", "Patr"} & p.tag.grammemes) and p.score >= 0.3
               for p in names._parses(w)):
            return True
    return False


def weigh(p, zone: str, text: str, s: int, e: int, case: str, english: bool, title: str) -> None:
    """Add the evidence one mention gives ``p`` (a ``people.Person``): the name at ``text[s:e]``,
    read in grammatical case ``case``, in ``zone`` ("title", "lead", "captions")."""
    if p.mentions:
        p.add("repeat")
    p.mentions += 1
    ss, se = sentence(text, s)
    before = text[ss:s]
    # the words ahead of the name in its sentence; the sentence's first word, capitalised
    # only because it comes first ("Глава города …"), is read in lower case
    all_before = _WORD.findall(before)
    words_before = all_before[-7:]
    if words_before and _WORD.match(before.lstrip(" «\"“(*_")) and words_before[0][:1].isupper() \
            and len(all_before) <= 7:
        words_before[0] = words_before[0].lower()
    if _is_interviewer_context(words_before):
        p.add("interviewer_context")
        return
    if zone == "title":
        outside = _QUOTED.sub(lambda m: " " * len(m.group()), text)
        if outside[s:e] != text[s:e]:
            return  # inside a quotation
        if s == 0 and e >= len(text.rstrip(" .")):
            p.add("title_is_name")
        if english:
            strong = _EN_TITLE_BEFORE.search(text[:s]) or _EN_TITLE_AFTER.match(text[e:]) or s == 0
        else:
            strong = _case_fits_cue(case, before)
        p.add("title" if strong else "title_other")
        return
    if zone == "captions":
        p.add("caption")
        return
    # a person the sentence is about: its subject, "с X", "интервью X" (not "визит Президента X")
    fits = _case_fits_cue(case, before)
    said = cue(text, ss, se) if fits else None
    if said == "interview" or said == "speech" and case != "obl":
        p.add(said)
    if fits and _apposition(words_before, english):
        p.add("apposition")
    if _ROLE_AFTER.match(text[e:e + 80]) or english and _EN_IS_ROLE.match(text, e, e + 80):
        p.add("role_after")
    if len(p.name.split()) == 3 and not english:
        p.add("three_words")
