"""Who was interviewed: the people a page names, weighed by where and how it names them.

Every person named in the title, the lead, photo captions, short header lines and speaker
labels becomes a candidate; mentions of one person (full name, surname alone in another case,
initials, first name) are merged.  Each kind of evidence adds the weight in ``WEIGHTS``; the
interviewer (question labels, "ведущей RT …", a byline) is struck out.  The best candidate
over ``THRESHOLD`` is the interviewee; when the page has several guests (two or more guests'
labels, a plural such as "политики"/"тренеры" in the title, "X и Y … рассказали"), every
candidate with guest evidence is, in document order, joined by "; ".

To add a mechanism: find its mentions in ``_collect`` (or a new zone in ``Zones``), give its
evidence a name and a weight in ``WEIGHTS``, and add a data-driven case to
tests/test_people.py.  What the words around one mention say (cues, occupations, the
interviewer's job) is read in ``evidence.py``; speaker labels as names in ``labels.py``.  Rules
keyed to one outlet, file or name do not belong here.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from . import evidence as ev
from . import names
from .labels import norm_label, speaker_labels

# Evidence → weight.  Read as: how strongly this mention says "this is the guest".
WEIGHTS: Final = {
    "label": 5.0,  # a guest's speaker label names them (full name, surname, initials)
    "self_intro": 4.0,  # "Меня зовут …", "My name is …" in the first answer
    "title_is_name": 4.0,  # the whole title is the name (a "uses this"-style page)
    "title": 3.0,  # named in the title as its subject ("X о …", "интервью с X", "X interview")
    "title_other": 1.0,  # named in the title in another role ("отец Липницкой")
    "address": 3.0,  # the first question addresses them ("Иван Петрович, …")
    "interview": 2.0,  # in a lead sentence about the interview ("в интервью RT", "talked to")
    "speech": 1.0,  # subject of a speech verb in the lead ("заявил", "рассказал")
    "apposition": 1.5,  # an occupation right before the name ("режиссёр Оливер Стоун")
    "role_after": 2.0,  # "X — политолог …", "X, the creator of …": the page introduces them
    "header": 1.5,  # a short line that opens with the name (a section header, a caption)
    "caption": 1.0,  # named in a photo caption or credit
    "repeat": 0.5,  # each further mention in the title, lead or captions (at most 3)
    "three_words": 0.5,  # a full Russian name with patronymic
    "interviewer_context": -6.0,  # "ведущей RT Софико …", "корреспонденту … Марине …"
}
THRESHOLD: Final = 3.0
# a weaker best candidate still wins when nobody else comes near it
LONE_THRESHOLD, LONE_MARGIN = 2.0, 1.5
MULTI_THRESHOLD: Final = 2.0  # for the second and further guests once the page has several


# a short line that may head a section or caption a photo: a Markdown heading, or a line that
# opens with two capitalised words; neither ends a sentence
_HEADER_LINE: Final = re.compile(
    r"\n[ \t]*(?:(?P<h>#{1,6})[ \t]+|[*_]{0,3}(?=[A-ZА-ЯЁÀ-Þ][\w’'-]+[ \u00a0]+(?:[a-zа-яё]{1,4}[ \u00a0-])?[A-ZА-ЯЁÀ-Þ]))"
    r"(?P<body>[^\n]{3,150}?)[ \t]*(?=\n|$)(?<![.!?…:;,])")
# where _HEADER_LINE can start: its opening up to the second capital, with every repeat taken
# possessively (no character a repeat takes could start what follows it, so this finds the same
# lines).  Finding these first is cheaper than _HEADER_LINE at every line: most lines fail in
# its opening, and a long line that passes would be scanned by its lazy body for 150 characters.
_HEADER_START: Final = re.compile(
    r"\n[ \t]*+(?:(?P<h>#){1,6}[ \t]|[*_]{0,3}+[A-ZА-ЯЁÀ-Þ][\w’'-]++[ \u00a0]++(?:[a-zа-яё]{1,4}[ \u00a0-])?"
    r"[A-ZА-ЯЁÀ-Þ])")


def _header_lines(text: str):
    """``_HEADER_LINE.finditer("\\n" + text)``, trying the pattern only where it can match."""
    s = "\n" + text
    for c in _HEADER_START.finditer(s):
        end = c.end()
        eol = s.find("\n", end)
        if eol == -1:
            eol = len(s)
        # without a heading mark the body starts at or before ``end`` and runs to the line's
        # last non-blank: more than 150 characters from ``end`` cannot match
        if eol - end <= 150 or c.group("h") or len(s[end:eol].rstrip(" \t")) <= 150:
            m = _HEADER_LINE.match(s, c.start())
            if m is not None:
                yield m


@dataclass(slots=True)
class Zones:
    """Where names can be: what the parser already separated, and the whole text."""
    title: str = ""
    lead: str = ""
    captions: str = ""
    text: str = ""
    first_question: str = ""
    first_answer: str = ""
    # (the parser gives tuples; any sequence will do)
    question_speakers: Sequence[str] = ()  # one per exchange whose question has a speaker label
    answer_speakers: Sequence[str] = ()
    exchanges: int = 0
    interviewers: Sequence[str] = ()
    english: bool = False


@dataclass(slots=True)
class Person:
    name: str
    quality: float
    order: float
    evidence: dict = field(default_factory=dict)
    interviewer: bool = False
    label_turns: int = 0
    mentions: int = 0
    spots: list = field(default_factory=list)  # (zone text, start, end) in the lead, captions
    roles: list = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(WEIGHTS[k] * v for k, v in self.evidence.items())

    def add(self, kind: str) -> None:
        """Each kind of evidence counts once, except further mentions (up to three)."""
        self.evidence[kind] = min(self.evidence.get(kind, 0) + 1, 3 if kind == "repeat" else 1)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def first(self) -> str:
        return self.name.split()[0]


@lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’s", "").replace("'s", "")


@lru_cache(maxsize=16384)  # every mention is compared with every candidate: pairs recur
def same_word(a: str, b: str) -> bool:
    """One name word in two grammatical cases ("Путин"/"Путиным", "Хомский"/"Хомского")."""
    a, b = _fold(a), _fold(b)
    if a == b:
        return True
    n = min(len(a), len(b))
    k = 0
    while k < n and a[k] == b[k]:
        k += 1
    return n >= 4 and k >= max(4, n - 2) and max(len(a), len(b)) - k <= 3


def _finder(english: bool):
    return names.find_people_en if english else names.find_people


class _Book:
    """The candidates of one page."""

    def __init__(self, english: bool):
        self.english = english
        self.people: list[Person] = []

    def person(self, name: str, order: float, quality: float = 1.0) -> Person:
        for p in self.people:
            if self._same(p.name, name):
                # the fuller name wins ("Ахмед Каддаф ад-Дам" over the label "Каддаф ад-Дам"),
                # then the surer form (a label, a nominative) over one read from another case
                if (len(name.split()), quality, len(name)) > (len(p.name.split()), p.quality, len(p.name)):
                    p.name, p.quality = name, quality
                p.order = min(p.order, order)
                return p
        p = Person(name, quality, order)
        self.people.append(p)
        return p

    @staticmethod
    @lru_cache(maxsize=16384)  # each new mention is compared with every candidate so far
    def _same(a: str, b: str) -> bool:
        wa, wb = a.split(), b.split()
        if not same_word(wa[-1], wb[-1]):
            return False
        short, long_ = sorted((wa, wb), key=len)
        # a surname alone, a multi-word surname alone ("Каддаф ад-Дам"), or the same first name
        return len(short) == 1 or long_[-len(short):] == short or same_word(wa[0], wb[0])

    def by_surname(self, word: str) -> Person | None:
        best, best_k = None, 0
        for p in self.people:
            if len(p.name.split()) > 1 and same_word(p.surname, word):
                k = len(_common(_fold(p.surname), _fold(word)))
                if k > best_k:
                    best, best_k = p, k
        return best

    def by_label(self, label: str) -> Person | None:
        """A label resolved to a known person: full name, surname, first name or initials."""
        ini = names.label_initials(label)
        words = label.split()
        for p in self.people:
            if len(p.name.split()) < 2:
                continue
            if ini and names.initials(p.name) == ini:
                return p
            if not ini and len(words) > 1 and (self._same(p.name, label) or p.name.endswith(" " + label)):
                return p
        if ini:
            return None
        # a surname with initials ("Иванов И. И.", "И.И. Иванов") is that surname
        bare = [w for w in words if not _INITIAL.fullmatch(w)]
        if len(bare) == 1 and len(words) > 1:
            return self.by_surname(bare[0])
        if len(words) == 1:
            return self.by_surname(words[0]) or next(
                (p for p in self.people if len(p.name.split()) > 1 and same_word(p.first, words[0])), None)
        return None


_INITIAL: Final = re.compile(r"(?:[A-ZА-ЯЁ]\.-?){1,3}")


def _common(a: str, b: str) -> str:
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a[:k]


_WORD_AT: Final = re.compile(r"[\w’'-]+")


def _collect(z: Zones, book: _Book) -> dict:
    find = _finder(z.english)
    facts: dict = {}
    # a surname in capitals is read in the title and the lead's opening lines (where a page
    # names its guest so: the search costs some 10 us a kilobyte)
    title = plain_case(ev.plain(z.title).strip())
    lead = ev.plain(z.lead)
    lead = plain_case(lead[:300]) + lead[300:]
    captions = ev.plain(z.captions)

    # full names first, zone by zone
    mentions = []  # (zone, text, start, end, name, case)
    for zone, text in (("title", title), ("lead", lead), ("captions", captions)):
        for s, e, name, case in _names(find, text, z.english):
            mentions.append((zone, text, s, e, name, case))
    header_hits = []
    for m in _header_lines(z.text):
        body = ev.plain(m.group("body")).strip()
        if not body or body.rstrip("*_# ").endswith((".", "!", "?", "…", ":", ";", ",")):
            continue
        if body.rstrip("*_# ") == title:
            continue  # the title set as a heading (a page's <h1>): weighed as the title already
        found = list(_names(find, body, z.english))
        # a heading that names someone, or a line that opens with a name: a section header
        # when the name stands alone or is followed by a role ("Иван Петров, депутат …",
        # "Киану Ривз (Нео)"), otherwise a caption ("Иван Петров на встрече …")
        if found and (found[0][0] == 0 or m.group("h")):
            rest = body[found[0][1]:].lstrip()
            section = bool(m.group("h")) or not rest or rest[0] in ",(—–-" or rest.startswith(("и ", "and "))
            header_hits.append((m.start(), body, found, section))
    order_base = {"title": 0.0, "lead": 1e6, "captions": 3e6}
    for zone, text, s, e, name, case in mentions:
        q = 2.0 if case in ("nomn",) else 1.0
        book.person(name, order_base[zone] + s, q + 0.1 * len(name.split()))
    for pos, body, found, _ in header_hits:
        for s, e, name, case in found:
            book.person(name, 2e6 + pos, (2.0 if case == "nomn" else 1.0) + 0.1 * len(name.split()))

    # speaker labels: guests' labels name them, the interviewer's strike them out
    labels = speaker_labels(z.text)
    # the turns the parser gave each label: a guest may ask back once ("А вы?"), the
    # interviewer's label leads most questions
    asked = _count(z.question_speakers)
    answered = _count(z.answer_speakers)
    by_label: dict[str, list] = {}
    for pos, lab, asks in labels:
        by_label.setdefault(lab, []).append((pos, asks))
    label_turns: dict[int, int] = {}
    for lab, turns in by_label.items():
        n = norm_label(lab)
        n_asked, n_answered = asked.get(n, 0), answered.get(n, 0)
        if n_asked or n_answered:
            # the interviewer leads most of the page's questions; a guest may ask back
            is_q = n_asked > n_answered and n_asked * 2 > max(z.exchanges, len(z.question_speakers))
        else:
            is_q = sum(1 for _, asks in turns if asks) * 2 > len(turns)
        p = book.by_label(lab)
        if not names.label_initials(lab) and len(lab.split()) >= 2 and _looks_like_name(lab, z.english):
            p = book.person(lab, 2e6 + turns[0][0], 3.0)  # a full-name label is nominative
        if p is None:
            if not is_q and len(turns) >= 2 and len(lab.split()) == 1 and not names.label_initials(lab) \
                    and not lab.isupper() and not names.is_dictionary_word(lab):
                facts.setdefault("nicknames", []).append(lab)  # all the page gives: "Ptitseb"
            continue
        if is_q:
            p.interviewer = True
        else:
            label_turns[id(p)] = label_turns.get(id(p), 0) + len(turns)
            p.order = min(p.order, 2e6 + turns[0][0])
    for p in book.people:
        # one "Name: …" line may be a headline or a caption; a guest speaks at least twice
        p.label_turns = label_turns.get(id(p), 0)
        if p.label_turns >= 2:
            p.add("label")
    for s in dict.fromkeys(z.answer_speakers):
        p = book.by_label(norm_label(s)) if s else None
        if p is None and s and s not in by_label and len(s.split()) >= 2 and _looks_like_name(s, z.english):
            p = book.person(s, 3e6, 3.0)  # a full-name label no line opens with (turns run together)
        if p is not None and not p.interviewer:
            p.add("label")
            p.label_turns = max(p.label_turns, 2)

    # where and how each full-name mention sits
    for zone, text, s, e, name, case in mentions:
        p = book.person(name, order_base[zone] + s)
        if zone != "title":
            p.spots.append((text, s, e))  # where a role may be written beside the name
        ev.weigh(p, zone, text, s, e, case, z.english, title)
    for pos, body, found, section in header_hits:
        for s, e, name, case in found:
            p = book.person(name, 2e6 + pos)
            if pos > 0.9 * len(z.text) and len(found) == 1 and e >= len(body) - 1:
                p.interviewer = True  # a name alone on a line at the end: the byline
            else:
                p.add("header" if section else "caption")
    # surnames alone ("Путин о …", "Винник заявил") count for the full name they belong to
    stems = {_fold(w)[:4] for w in [p.name.split()[-1] for p in book.people] if len(w) >= 4}
    for zone, text in (("title", title), ("lead", lead)) if stems else ():
        spans = [(s, e) for zz, t, s, e, _, _ in mentions if zz == zone]
        low = text.lower().replace("ё", "е")
        hits: set[int] = set()
        for stem in stems:
            k = low.find(stem)
            while k != -1:
                hits.add(k)
                k = low.find(stem, k + 1)
        size = len(text)  # the folded text may be longer (a letter that lowers to two)
        for at in sorted(hits):
            # a capital that starts a word, outside the full names already weighed (most hits
            # are those names' own surnames)
            if at >= size or not text[at].isupper() or at and text[at - 1].isalpha() \
                    or any(s <= at < e for s, e in spans):
                continue
            w = _WORD_AT.match(text, at)
            if w is None:  # "Ⓐ" is upper
                continue
            p = book.by_surname(w.group())
            if p is None:
                continue
            case = "nomn" if _fold(w.group()) == _fold(p.surname) else "obl"
            ev.weigh(p, zone, text, w.start(), w.end(), case, z.english, title)
    # a lead sentence naming no one but "он"/"she" about the interview: its subject is the
    # person named in the sentence before
    if lead:
        starts = ev.sentence_starts(lead)
        done = set()
        for pm in ev.PRONOUN.finditer(lead):
            if pm.start() and lead[pm.start() - 1].isalnum():
                continue  # inside a word ("Тон", "she" in "ashes")
            k = bisect_right(starts, pm.start()) - 1
            if k == 0 or k in done:
                continue
            done.add(k)
            s0, s1 = starts[k - 1], starts[k]
            e1 = starts[k + 1] if k + 1 < len(starts) else len(lead)
            cue = ev.cue(lead, s1, e1)
            if cue:
                named = [x for x in mentions if x[0] == "lead" and s0 <= x[2] < s1 and x[5] in ("nomn", "unk")]
                named_here = [x for x in mentions if x[0] == "lead" and s1 <= x[2] < e1]
                if named and not named_here:
                    book.person(named[0][4], 0).add(cue)

    # the first question's address, the first answer's self-introduction
    fq = ev.plain_head(z.first_question, 120)
    comma = fq.find(",")
    address = fq[:comma].strip() if 0 < comma <= 40 else ""
    polite = ev.ADDRESS_TITLE.match(address)
    for p in book.people if address else ():
        parts = p.name.split()
        if len(parts) < 2:
            continue
        # "Иван," or "Иван Петрович," (first name + patronymic), "Господин Сидоров,"
        a = address.split()
        if address == parts[0] or len(a) == 2 and a[0] == parts[0] and (
                len(parts) == 3 and a[1] == parts[1] or len(parts) == 2 and ev.PATRONYMIC.search(a[1])) or (
                polite and same_word(address[polite.end():], p.surname)):
            p.add("address")
    fa = ev.plain_head(z.first_answer, 300)
    m = ev.SELF_INTRO.search(fa)
    if m:
        for s, e, name, case in _names(find, fa[m.end():m.end() + 60], z.english):
            if s == 0:
                book.person(name, 5e6, 2.5).add("self_intro")
            break

    # who asked
    for who in z.interviewers:
        for p in book.people:
            if who and book._same(p.name, who.split(",")[0].strip()):
                p.interviewer = True
    facts["labels"] = sum(1 for p in book.people if p.label_turns >= 2 and not p.interviewer)
    return facts


def _count(speakers) -> dict[str, int]:
    """How many turns each speaker label (as a name) leads (a dict: cheaper than a Counter)."""
    out: dict[str, int] = {}
    for s in speakers:
        if s:
            n = norm_label(s)
            out[n] = out.get(n, 0) + 1
    return out


# a surname in capitals after a first name ("Арсен АВАКОВ", "беседовал Вугар ИМАНОВ"), a press
# convention: read as "Арсен Аваков" (same length, so offsets hold).  Five letters or more with
# two vowels: not an acronym ("ЦСКА", "ООН")
_CAPS_GATE: Final = re.compile(r"[А-ЯЁ]{5}")
_CAPS_SURNAME: Final = re.compile(
    r"(?<![\w-])([А-ЯЁ][а-яё]+[ \u00a0])(?=(?:[^АЕЁИОУЫЭЮЯ\W]*[АЕЁИОУЫЭЮЯ]){2})([А-ЯЁ]{5,}(?:-[А-ЯЁ]{2,})?)(?![\w-])")


def _title_case_surname(m: re.Match) -> str:
    return m.group(1) + "-".join(w.capitalize() for w in m.group(2).split("-"))


def plain_case(name: str) -> str:
    """A name as it is usually written ("Арсен АВАКОВ" → "Арсен Аваков")."""
    return _CAPS_SURNAME.sub(_title_case_surname, name) if _CAPS_GATE.search(name) else name


def _names(find, text: str, english: bool):
    """Name mentions; an English run of capitalised words longer than a name keeps its end
    ("Executive Director Zoë Kooyman"), and a possessive before a name is dropped."""
    if not english:
        yield from find(text)
        return
    for m in names.EN_RUN.finditer(text):
        words = m.group().split()
        offs = [m.start() + x.start() for x in names.NON_BLANK.finditer(m.group())]
        # an owner ("Google's Chris DiBona") is not part of the name
        cut = max((k + 1 for k, w in enumerate(words) if w.endswith(("'s", "’s"))), default=0)
        end = len(words)  # a word that is never a name ends no name ("John Smith Interview")
        while end > cut + 2 and words[end - 1].lower() in names.EN_NOT_NAMES:
            end -= 1
        words, offs = words[cut:end], offs[cut:end]
        if len(words) > 3:
            words, offs = words[-2:], offs[-2:]
        if 2 <= len(words) <= 3 and not any(w.lower() in names.EN_NOT_NAMES for w in words):
            yield offs[0], offs[-1] + len(words[-1]), " ".join(words), "nomn"


def _names_in(find, text: str, english: bool) -> list:
    return list(_names(find, text, english))


@lru_cache(maxsize=4096)
def _looks_like_name(label: str, english: bool) -> bool:
    found = list(_names(_finder(english), label, english))
    return bool(found) and found[0][0] == 0 and found[0][1] == len(label)


def _several_named(z: Zones) -> bool:
    """A plural of people as the title's subject, or a lead sentence with a plural verb
    naming two people or more."""
    find = _finder(z.english)
    title, lead = ev.plain(z.title).strip(), ev.plain(z.lead)
    return (not z.english and ev.plural_title(title)) or any(
        len(_names_in(find, lead[slice(*ev.sentence(lead, m.start()))], z.english)) >= 2
        for m in ev.PLURAL_VERB.finditer(lead))


def interviewees(z: Zones) -> tuple[list[Person], dict]:
    """The interviewee(s) in document order, and what was found (for reports)."""
    book = _Book(z.english)
    facts = _collect(z, book)
    cands = [p for p in book.people if not p.interviewer and len(p.name.split()) >= 2]
    nick = facts.get("nicknames")
    fallback = [Person(nick[0], 0.0, 0.0)] if nick else []  # a guest's nickname label
    if not cands:
        return fallback, facts
    cands.sort(key=lambda p: (-p.score, p.order))
    best = cands[0]
    runner_up = cands[1].score if len(cands) > 1 else 0.0
    labelled = facts["labels"] >= 2
    # further guests need evidence of speaking: a label, a header line, a lead sentence
    # about what they said
    spoke = ("label", "header", "interview", "speech")
    guests = [p for p in cands if p.label_turns >= 1 or p.score >= MULTI_THRESHOLD
              and any(p.evidence.get(k) for k in spoke)]
    if labelled:
        # guests' labels say who spoke, and a page of labelled guests heads each one's section
        # with their name; anyone else needs strong evidence
        guests = [p for p in cands if p in guests and (p.label_turns or p.score >= THRESHOLD)
                  or p.evidence.get("header")]
    # whether the title or lead speaks of several people is asked only when it can matter
    # (its morphology is the costliest look-up of a fresh process)
    if len(guests) >= 2 and (labelled or _several_named(z)):
        return sorted(guests, key=lambda p: p.order), facts
    if best.score >= THRESHOLD or best.score >= LONE_THRESHOLD and best.score - runner_up >= LONE_MARGIN:
        return [best], facts
    return fallback, facts
