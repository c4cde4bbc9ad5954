"""Metadata from the zone before the first question: dates, title, outlet, interviewee, role."""
from __future__ import annotations

import re
from typing import Final

from . import evidence, names, people

_MONTHS_RU: Final = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTHS_EN: Final = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_TIME: Final = r"(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?"
# English month names, whole or cut short ("Sept.", "Mar")
_EN_MONTH: Final = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
DATE_FORMS: Final = [
    (re.compile(rf"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){_TIME}"), "iso"),
    (re.compile(rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){_TIME}"), "dmy"),
    # day first (a month over 12 means the American order)
    (re.compile(rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){_TIME}"), "slash"),
    (re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])\s+(?P<y>\d{{4}})(?:\s*(?:г\.|года?))?{_TIME}", re.I), "ru"),
    (re.compile(rf"(?P<mon>{_EN_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}){_TIME}", re.I), "en"),
    (re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_EN_MONTH})\.?,?\s+(?P<y>\d{{4}}){_TIME}", re.I), "en"),
]
_DATE_WORDS: Final = r"date|дата(?: публикации)?|опубликовано|размещено|published(?: on)?|posted(?: on)?|обновлено|updated"
DATE_LABEL: Final = re.compile(rf"(?:{_DATE_WORDS})\s*:?\s*", re.I)
# what every leading date opens with (a label, a digit or a month): one test that rules out
# most blocks before the patterns above are tried one by one
_DATE_HEAD: Final = re.compile(rf"\d|{_DATE_WORDS}|{_EN_MONTH}", re.I)
_SEP: Final = re.compile(r"\s*(?:[|•·,]\s*)?")  # a dash after the date is left: it may lead a turn
# a weekday before the date ("Monday, December 31, 2007", "вт, 01/03/2011")
_WEEKDAY: Final = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
    r"пн|вт|ср|чт|пт|сб|вс)\.?,?\s+(?=\d|[A-Za-z]{3})", re.I)
_WEEKDAY_FIRST: Final = frozenset("MTWFSmtwfsПВСЧпвсч")
# a page header's time stamp: a date and a clock time side by side ("01:38 / 27.12.11",
# "05/12/2014 - 21:52", "вт, 01/03/2011 - 11:09"); a two-digit year only counts here
_CLOCK: Final = r"\d{1,2}:\d{2}"
_STAMP_DATE: Final = r"\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\d./])"
_STAMP: Final = re.compile(rf"(?<![\d./])(?:{_CLOCK}[\s,/|–-]{{1,5}}(?P<a>{_STAMP_DATE})|(?P<b>{_STAMP_DATE})[\s,/|–-]{{1,5}}{_CLOCK})")
_STAMP_PARTS: Final = re.compile(r"(?P<d>\d{1,2})(?P<sep>[./])(?P<m>\d{1,2})[./](?P<y>\d+)")


def _iso(m, form) -> str | None:
    try:
        y, d = int(m.group("y")), int(m.group("d"))
        if form in ("iso", "dmy", "slash"):
            mo = int(m.group("m"))
            if form == "slash" and mo > 12 >= d:
                d, mo = mo, d
        elif form == "ru":
            w = m.group("mon").lower()
            mo = next(v for k, v in sorted(_MONTHS_RU.items(), key=lambda kv: -len(kv[0])) if w.startswith(k))
        else:
            mo = _MONTHS_EN[m.group("mon").lower()[:3]]
    except (ValueError, StopIteration, KeyError):
        return None
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def leading_date(text: str) -> tuple[str, int] | None:
    """A publication date that opens ``text`` ("date 2025-11-12 …", "12.11.2025 10:30",
    "Опубликовано: 12 ноября 2025") → (ISO date, length of the date prefix incl. separator).
    A date that merely starts a sentence of prose is not taken."""
    pos = 0
    wd = _WEEKDAY.match(text) if text[:1] in _WEEKDAY_FIRST else None
    if wd is not None:
        pos = wd.end()
    elif not _DATE_HEAD.match(text):
        return None
    lab = DATE_LABEL.match(text, pos)
    labelled = lab is not None
    if lab:
        pos = lab.end()
    for rx, form in DATE_FORMS:
        m = rx.match(text, pos)
        if not m:
            continue
        iso = _iso(m, form)
        if not iso:
            return None
        end = m.end()
        rest = text[end:]
        sep = _SEP.match(rest)
        after = rest[sep.end():] if sep else rest
        if labelled or not after.strip() or form == "iso" or re.match(r"\s*[|•·]", rest):
            return iso, end + (sep.end() if sep else 0)
        return None
    return None


def stamp_date(line: str) -> str | None:
    """The date of a page header's time stamp in a short line ("МОЙ ВЫБОР 01:38 / 27.12.11",
    "05/12/2014 - 21:52 (по МСК) Анна Монгайт") → ISO date, or None."""
    m = _STAMP.search(line) if ":" in line else None
    if m is None:
        return None
    p = _STAMP_PARTS.match(m.group("a") or m.group("b"))
    assert p is not None  # (_STAMP_DATE has these parts)
    y = int(p.group("y"))
    if len(p.group("y")) == 2:
        y += 2000 if y < 70 else 1900
    d, mo = int(p.group("d")), int(p.group("m"))
    if p.group("sep") == "/" and mo > 12 >= d:
        d, mo = mo, d
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31 else None


_OUTLET: Final = re.compile(
    r"(?:сообщает|передает|передаёт|пишет|информирует|рассказал[аи]?\s+(?:изданию|порталу|агентству))\s+"
    r"(?:корреспондент\s+|со ссылкой на\s+)?(?P<o>«[^»\n]{2,40}»|[A-Za-zА-ЯЁ][\w\-]*(?:\.[A-Za-z]{2,6})+|[A-Z][\w\-]+(?: [A-Z][\w\-]+){0,2})",
)
# "источник|source|издание|outlet" in any letter case, then ":".  The pattern opens with a
# case-sensitive class holding every case form of the first letters, so the engine can skip to
# candidates (an IGNORECASE pattern is scanned character by character, about 3x slower); the
# case-insensitive lookbehinds then tell which word it starts.
_SOURCE_LINE: Final = re.compile(
    r"[иИsSſoO](?i:(?<=и)(?:сточник|здание)|(?<=s)ource|(?<=o)utlet)\s*:\s*(?P<o>[^\n]{2,80})"
)
_URL: Final = re.compile(r"https?://[^\s<>\"»]+")
SIGN_OFF: Final = re.compile(
    r"(?:беседовал[аи]?|интервью (?:взял[аи]?|записал[аи]?|подготовил[аи]?)|записал[аи]?|"
    r"подготовил[аи]?|interview(?:ed)? by|by)\s*:?\s+(?P<who>[^\n]{3,60})$", re.I)

ROLE_WORDS: Final = re.compile(
    r"\b(?:политолог\w*|эксперт\w*|аналитик\w*|доцент\w*|профессор\w*|директор\w*|руководител\w*|"
    r"председател\w*|заместител\w*|ассистент\w*|кандидат\w*|доктор\w*|сотрудник\w*|экономист\w*|"
    r"историк\w*|востоковед\w*|социолог\w*|исследовател\w*|специалист\w*|научн\w*|член\w*|"
    r"основател\w*|инженер\w*|журналист\w*|писател\w*|дипломат\w*|посл\w*|депутат\w*|декан\w*|ректор\w*|заведующ\w*|глав\w* (?:центра|отдела|фонда|института)|"
    r"expert|analyst|professor|director|researcher|economist|historian|fellow|head of|founder)\b",
    re.I)

# the words _OUTLET opens with: no two start at one place, so trying the pattern where each
# occurs, leftmost first, finds what a search finds (str.find skips through the text; the
# pattern's first letters are among the commonest, so a search stops nearly everywhere)
_OUTLET_VERBS: Final = ("сообщает", "передает", "передаёт", "пишет", "информирует", "рассказал")


def _outlet_phrase(text: str):
    """``_OUTLET.search(text)``, from the places its opening words occur."""
    at = []
    for verb in _OUTLET_VERBS:
        k = text.find(verb)
        while k != -1:
            at.append(k)
            k = text.find(verb, k + 1)
    for k in sorted(at):
        m = _OUTLET.match(text, k)
        if m:
            return m
    return None


def _source_line(text: str) -> re.Match[str] | None:
    """``_SOURCE_LINE.search(text)``, tried only where it can match: its word ("источник",
    "издание", "source", "outlet": 8, 7, 6 or 6 letters) ends at the last non-blank before a
    colon.  (Its letters "и" and "o" are among the commonest, and a search stops at each.)  A
    word before a later colon starts later, so the first colon with a match, and there the
    longest word, gives the leftmost match."""
    c = text.find(":")
    while c != -1:
        e = c
        while e > 0 and text[e - 1].isspace():  # (\s is str.isspace)
            e -= 1
        for n in (8, 7, 6):
            if e >= n:
                m = _SOURCE_LINE.match(text, e - n)
                if m is not None:
                    return m
        c = text.find(":", c + 1)
    return None


def outlet(text: str) -> str | None:
    m = _outlet_phrase(text) or _source_line(text)
    if not m:
        return None
    o = m.group("o").strip().rstrip(".,;").strip("«»\"")
    return o or None


def url(text: str) -> str | None:
    m = _URL.search(text)
    return m.group().rstrip(".,;)") if m else None


def interviewee(zones: people.Zones) -> tuple[str | None, str | None]:
    """The interviewee(s) ("; "-joined) and, for one guest, the role the lead gives them."""
    found, _ = people.interviewees(zones)
    if not found:
        return None, None
    if len(found) > 1:
        return "; ".join(people.plain_case(p.name) for p in found), None
    return people.plain_case(found[0].name), role(found[0], zones.english)


def role(person: people.Person, english: bool) -> str | None:
    """The role written next to the person in the lead or a caption: the phrase from a role
    word up to the name in the same sentence ("политолог, ассистент НИУ МЭИ"), or the
    phrase after a dash ("Денис Борисов — политолог …")."""
    for zone, s, e in person.spots:
        sentence_before = zone[max(evidence.sentence_start(zone, s), s - 400):s]
        r = _role_before(sentence_before)
        if not r:
            m = _ROLE_AFTER.match(zone[e:e + 200])
            r = m.group("r").strip() if m else None
        r = r.strip(" ,;—–-") if r else None
        if r and english and _EN_CLAUSE.search(r):
            r = None  # "Director of …, had an opportunity to speak with": another's role
        if r:
            return names.nominative_phrase(r) if not english else r
    return None


_EN_CLAUSE: Final = re.compile(r"\b(?:had|has|have|is|was|were|are|will|would|said|told|spoke|speak)\b")


# "— политолог …" after a name; not "— в эксклюзивном интервью …" (a clause, not a role)
_ROLE_AFTER: Final = re.compile(
    r"\s*[—–-]\s+(?!(?:в|во|на|с|со|и|а|но|что|как|по|о|об|за|из|к|у)\s)(?P<r>[a-zа-яё][^.!?\n]{3,160})")


def _role_before(sentence: str) -> str | None:
    m = ROLE_WORDS.search(sentence)
    if not m:
        return None
    role = sentence[m.start():].strip().strip(",").strip()
    return role if 3 <= len(role) <= 200 else None
