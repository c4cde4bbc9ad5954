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
tests/test_people.py.  Rules keyed to one outlet, file or name do not belong here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import names

# Evidence → weight.  Read as: how strongly this mention says "this is the guest".
WEIGHTS = {
    "label": 5.0,  # a guest's speaker label names them (full name, surname, initials)
    "self_intro": 4.0,  # "Меня зовут …", "My name is …" in the first answer
    "title_is_name": 4.0,  # the whole title is the name (a "uses this"-style page)
    "title": 3.0,  # named in the title as its subject ("X о …", "интервью с X", "X interview")
    "title_other": 1.0,  # named in the title in another role ("отец Липницкой")
    "address": 3.0,  # the first question addresses them ("Иван Петрович, …")
    "interview": 2.0,  # in a lead sentence about the interview ("в интервью RT", "talked to")
    "speech": 1.0,  # subject of a speech verb in the lead ("заявил", "рассказал")
    "apposition": 1.5,  # an occupation right before the name ("режиссёр Оливер Стоун")
    "role_after": 1.5,  # "X — политолог", "X, the creator of …"
    "header": 1.5,  # a short line that opens with the name (a section header, a caption)
    "caption": 1.0,  # named in a photo caption or credit
    "repeat": 0.5,  # each further mention in the title, lead or captions (at most 3)
    "three_words": 0.5,  # a full Russian name with patronymic
    "interviewer_context": -6.0,  # "ведущей RT Софико …", "корреспонденту … Марине …"
}
THRESHOLD = 3.0
# a weaker best candidate still wins when nobody else comes near it
LONE_THRESHOLD, LONE_MARGIN = 2.0, 1.5
MULTI_THRESHOLD = 2.0  # for the second and further guests once the page has several

_SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[«\"“A-ZА-ЯЁ])")
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)_|_(?!\w)|[™®©]|<[^>\n]{1,200}>|^#+\s*|^>\s?", re.M)

_INTERVIEW_CUE = re.compile(
    r"интервью|бесед|поговорил|разговор|\binterview|\bspoke (?:to|with)|\btalk(?:ed|s|ing)? (?:to|with)|"
    r"\bcaught up with|\bchat(?:ted)? with|\bspeak with|\bsat down with", re.I)
_SPEECH_CUE = re.compile(
    r"рассказал|ответил|заявил|поделил|объяснил|пояснил|сообщил|отметил|признал|прокомментировал|"
    r"высказал|раскрыл|подчеркнул|считает|уверен|\bsaid\b|\bsays\b|\btold\b|\bexplain", re.I)
_PLURAL_VERB = re.compile(r"(?:рассказал|ответил|поделил|объяснил|заявил|поговорил)(?:и|ись)\b", re.I)
_PRONOUN = re.compile(r"\b(?:он|она|они|he|she|they)\b", re.I)
# the interviewer's job, right before their name
_INTERVIEWER_WORD = re.compile(
    r"^(?:ведущ|корреспондент|журналист|обозревател|интервьюер|беседовал|спросил|"
    r"host|reporter|interviewer|correspondent|by$)", re.I)
_EN_TITLE_BEFORE = re.compile(
    r"(?:\binterview(?:ed|s)?\b\s*(?:with\b)?|\bmeet\b.*|\bwith\b|\bQ&A\b\s*(?:with\b)?)\W*"
    r"(?:[\w’'-]+['’]s\s+)?$", re.I)
_EN_TITLE_AFTER = re.compile(r"^\W*(?:interview|talks|speaks|on\b|Q&A)", re.I)
_SELF_INTRO = re.compile(r"(?:меня зовут|my name is|I['’]m|I am)\s+", re.I)
_ADDRESS_TITLE = re.compile(r"(?:господин|госпожа|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", re.I)
_ROLE_AFTER = re.compile(
    r"\s*(?:[—–]\s+(?![вна]\s|на\s|с\s|и\s|что\s|как\s)[a-zа-яё]|,\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:creator|founder|co-?founder|developer|director|author|maintainer|head|ceo|cto|"
    r"president|lead|editor|professor|член|лидер|депутат|глава|директор|председатель|"
    r"руководитель|основатель|автор)\b)", re.I)
# labels that are not people
_NOT_PEOPLE = {"interview", "интервью", "note", "примечание", "image", "photo", "фото", "источник",
               "source", "update", "q", "a", "в", "о", "вопрос", "ответ", "question", "answer",
               "корр", "корреспондент", "журналист", "ведущий", "ведущая", "interviewer", "host",
               "reporter", "editor", "видео", "video", "tags", "теги", "date", "дата"}
_LABEL_LINE = re.compile(
    r"^[ \t]*[*_]{0,3}(?P<lab>[A-ZА-ЯЁ][\w’'.\- ]{0,40}?)[ \t]*[*_]{0,3}[ \t]*:[*_]{0,3}[ \t]*(?P<rest>.*)$",
    re.M)
_HEADER_LINE = re.compile(
    r"^[ \t]*(?:(?P<h>#{1,6})[ \t]+|[*_]{1,3})?(?P<body>[A-ZА-ЯЁ][^\n]{3,150})$", re.M)


@dataclass(slots=True)
class Zones:
    """Where names can be: what the parser already separated, and the whole text."""
    title: str = ""
    lead: str = ""
    captions: str = ""
    text: str = ""
    first_question: str = ""
    first_answer: str = ""
    question_speakers: tuple = ()
    answer_speakers: tuple = ()
    interviewers: tuple = ()
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


def plain(text: str) -> str:
    """Markdown and HTML marks out of a zone: link text stays, URLs, images and emphasis go."""
    if not text:
        return ""
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MARKUP.sub("", text)


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’s", "").replace("'s", "")


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
                if quality > p.quality or quality == p.quality and len(name) > len(p.name):
                    p.name, p.quality = name, quality
                p.order = min(p.order, order)
                return p
        p = Person(name, quality, order)
        self.people.append(p)
        return p

    @staticmethod
    def _same(a: str, b: str) -> bool:
        wa, wb = a.split(), b.split()
        if not same_word(wa[-1], wb[-1]):
            return False
        return len(wa) == 1 or len(wb) == 1 or same_word(wa[0], wb[0])

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
        if len(words) == 1:
            return self.by_surname(words[0]) or next(
                (p for p in self.people if len(p.name.split()) > 1 and same_word(p.first, words[0])), None)
        return None


def _common(a: str, b: str) -> str:
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a[:k]


def _words_before(text: str, pos: int, n: int) -> list[str]:
    return re.findall(r"[\w’'-]+", text[max(0, pos - 120):pos])[-n:]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    s = 0
    for m in _SENT_SPLIT.finditer(text):
        if m.end() > pos:
            return s, m.start()
        s = m.end()
    return s, len(text)


def _is_interviewer_context(text: str, pos: int) -> bool:
    """The nearest occupation word before the name is the interviewer's ("ведущей RT …")."""
    for w in reversed(_words_before(text, pos, 7)):
        if _INTERVIEWER_WORD.match(w):
            return True
        if re.match(r"[а-яё]", w) and _is_person_noun(w):
            return False
    return False


def _is_person_noun(word: str) -> bool:
    """An occupation or kinship noun ("режиссёр", "послом", "брат"), not a name."""
    if len(word) < 3 or not word[:1].islower():
        return False
    return any("NOUN" in p.tag and "anim" in p.tag and not ({"Name", "Surn", "Patr"} & p.tag.grammemes)
               for p in names._parses(word)[:3])


_EN_OCCUPATION = re.compile(
    r"(?:analyst|expert|professor|director|researcher|economist|historian|founder|creator|"
    r"developer|maintainer|engineer|scientist|author|writer|ceo|cto|president|chairman|minister|"
    r"ambassador|coach|player|actor|actress|singer|artist|designer|manager|chief|editor|"
    r"programmer|hacker|entrepreneur|investor|lawyer|doctor|politician|senator|architect)s?$", re.I)


def _apposition(text: str, pos: int, english: bool) -> bool:
    """An occupation noun right before the name: "режиссёр Оливер Стоун", "analyst Sarah …"."""
    for w in reversed(_words_before(text, pos, 2 if english else 4)):
        if english and _EN_OCCUPATION.match(w) or not english and _is_person_noun(w.split("-")[-1]):
            return True
    return False


def _case_fits_cue(case: str, sentence_before: str) -> bool:
    if case in ("nomn", "unk"):
        return True
    if case == "ablt":
        return bool(re.search(r"(?:^|\s)(?:с|со)\s", sentence_before))
    if case == "gent":
        return bool(re.search(r"интервью\s+(?:[\w-]+\s+){0,3}$", sentence_before))
    return False


def _plural_title(title: str) -> bool:
    """A plural of people as the title's subject ("политики Франции", "тренеры") outside quotes."""
    t = _QUOTED.sub(" ", title).lower()
    for w in re.findall(r"[а-яё]{4,}", t):
        if any("NOUN" in p.tag and "anim" in p.tag and "plur" in p.tag and "nomn" in p.tag
               and not ({"Name", "Surn", "Patr"} & p.tag.grammemes) and p.score >= 0.3
               for p in names._parses(w)):
            return True
    return False


def _labels(text: str) -> list[tuple[int, str, str]]:
    """Speaker labels at line starts: (offset, label, the turn's first text)."""
    out = []
    lines = text.split("\n") if ":" in text else []
    pos = 0
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for k, line in enumerate(lines):
        if ":" not in line[:50]:
            continue
        m = _LABEL_LINE.match(line)
        if not m:
            continue
        lab = _norm_label(m.group("lab"))
        words = lab.split()
        if not lab or lab.lower().rstrip(".") in _NOT_PEOPLE or len(words) > 4:
            continue
        if not names.label_initials(lab) and not all(
                w[:1].isupper() or w.lower() in names.PARTICLES for w in words):
            continue
        if any(ch.isdigit() for ch in lab):
            continue
        rest = m.group("rest").strip()
        if not rest:
            rest = next((ln.strip() for ln in lines[k + 1:k + 3] if ln.strip()), "")
        out.append((offsets[k], lab, rest))
    return out


def _collect(z: Zones, book: _Book) -> dict:
    find = _finder(z.english)
    facts = {"plural": False}
    title = plain(z.title).strip()
    lead = plain(z.lead)
    captions = plain(z.captions)

    # full names first, zone by zone
    mentions = []  # (zone, text, start, end, name, case)
    for zone, text in (("title", title), ("lead", lead), ("captions", captions)):
        for s, e, name, case in _names(find, text, z.english):
            mentions.append((zone, text, s, e, name, case))
    header_hits = []
    for m in _HEADER_LINE.finditer(z.text):
        body = plain(m.group("body")).strip()
        if not body or body.rstrip("*_ ").endswith((".", "!", "?", "…", ":", ";", ",")):
            continue
        found = list(_names(find, body, z.english))
        # a line that opens with a name, or a heading that names someone
        if found and (found[0][0] == 0 or m.group("h")):
            header_hits.append((m.start(), body, found))
    order_base = {"title": 0.0, "lead": 1e6, "captions": 3e6}
    for zone, text, s, e, name, case in mentions:
        q = 2.0 if case in ("nomn",) else 1.0
        book.person(name, order_base[zone] + s, q + 0.1 * len(name.split()))
    for pos, body, found in header_hits:
        for s, e, name, case in found:
            book.person(name, 2e6 + pos, (2.0 if case == "nomn" else 1.0) + 0.1 * len(name.split()))

    # speaker labels: guests' labels name them, the interviewer's strike them out
    labels = _labels(z.text)
    qs = {_norm_label(s) for s in z.question_speakers if s}
    by_label: dict[str, list] = {}
    for pos, lab, rest in labels:
        by_label.setdefault(lab, []).append((pos, rest))
    label_turns: dict[int, int] = {}
    for lab, turns in by_label.items():
        questions = sum(1 for _, r in turns if r.rstrip("*_ ").endswith("?"))
        is_q = _norm_label(lab) in qs or questions * 2 > len(turns)
        p = book.by_label(lab)
        if not names.label_initials(lab) and len(lab.split()) >= 2 and _looks_like_name(lab, z.english):
            p = book.person(lab, 2e6 + turns[0][0], 3.0)  # a full-name label is nominative
        if p is None:
            if not is_q and len(turns) >= 2 and len(lab.split()) == 1 and not names.label_initials(lab) \
                    and not lab.isupper():
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
    for s in z.answer_speakers:
        p = book.by_label(_norm_label(s)) if s else None
        if p is not None and not p.interviewer:
            p.add("label")
            p.label_turns = max(p.label_turns, 2)

    # where and how each full-name mention sits
    for zone, text, s, e, name, case in mentions:
        p = book.person(name, order_base[zone] + s)
        _weigh(p, zone, text, s, e, case, z.english, title)
    for pos, body, found in header_hits:
        for s, e, name, case in found:
            p = book.person(name, 2e6 + pos)
            if pos > 0.9 * len(z.text) and len(found) == 1 and e >= len(body) - 1:
                p.interviewer = True  # a name alone on a line at the end: the byline
            else:
                p.add("header")
    # surnames alone ("Путин о …", "Винник заявил") count for the full name they belong to
    word_rx = names.EN_WORD if z.english else names.RU_WORD
    for zone, text in (("title", title), ("lead", lead), ("captions", captions)):
        spans = [(s, e) for zz, t, s, e, _, _ in mentions if zz == zone]
        for m in word_rx.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            p = book.by_surname(m.group())
            if p is None:
                continue
            case = "nomn" if _fold(m.group()) == _fold(p.surname) else "obl"
            _weigh(p, zone, text, m.start(), m.end(), case, z.english, title)
    # a lead sentence naming no one but "он"/"she" about the interview: its subject is the
    # person named in the sentence before
    if lead:
        sents = [(m.start(), m.end()) for m in re.finditer(r"[^.!?…]+[.!?…]*", lead)]
        for (s0, e0), (s1, e1) in zip(sents, sents[1:]):
            sent = lead[s1:e1]
            cue = "interview" if _INTERVIEW_CUE.search(sent) else "speech" if _SPEECH_CUE.search(sent) else None
            if cue and _PRONOUN.search(sent):
                named = [x for x in mentions if x[0] == "lead" and s0 <= x[2] < e0 and x[5] in ("nomn", "unk")]
                named_here = [x for x in mentions if x[0] == "lead" and s1 <= x[2] < e1]
                if named and not named_here:
                    book.person(named[0][4], 0).add(cue)

    # the first question's address, the first answer's self-introduction
    fq = plain(z.first_question)[:120]
    for p in book.people:
        parts = p.name.split()
        if len(parts) < 2:
            continue
        forms = {parts[0]} | ({" ".join(parts[:2])} if len(parts) == 3 else set())
        if any(fq.startswith(f + ",") or fq.startswith(f + " ") and "," in fq[:40] and len(f.split()) == 2
               for f in forms) or _ADDRESS_TITLE.match(fq) and same_word(fq[_ADDRESS_TITLE.match(fq).end():].split(",")[0].split(" ")[0] or "-", p.surname):
            p.add("address")
    fa = plain(z.first_answer)[:300]
    m = _SELF_INTRO.search(fa)
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
    facts["plural"] = (not z.english and _plural_title(title)) or bool(
        lead and any(_PLURAL_VERB.search(sent) and len(_names_in(find, sent, z.english)) >= 2
                     for sent in _SENT_SPLIT.split(lead)))
    facts["labels"] = sum(1 for p in book.people if p.label_turns >= 2 and not p.interviewer)
    return facts


def _names(find, text: str, english: bool):
    """Name mentions; an English run of capitalised words longer than a name keeps its end
    ("Executive Director Zoë Kooyman"), and a possessive before a name is dropped."""
    if not english:
        yield from find(text)
        return
    for m in names.EN_RUN.finditer(text):
        words = m.group().split()
        offs = [m.start() + x.start() for x in re.finditer(r"\S+", m.group())]
        # an owner ("Google's Chris DiBona") is not part of the name
        cut = max((k + 1 for k, w in enumerate(words) if w.endswith(("'s", "’s"))), default=0)
        words, offs = words[cut:], offs[cut:]
        if len(words) > 3:
            words, offs = words[-2:], offs[-2:]
        if 2 <= len(words) <= 3 and not any(w.lower() in names.EN_NOT_NAMES for w in words):
            yield offs[0], offs[-1] + len(words[-1]), " ".join(words), "nomn"


def _names_in(find, text: str, english: bool) -> list:
    return list(_names(find, text, english))


def _looks_like_name(label: str, english: bool) -> bool:
    found = list(_names(_finder(english), label, english))
    return bool(found) and found[0][0] == 0 and found[0][1] == len(label)


_GENERATION = re.compile(r"\s+(?:I{1,3}|IV|Jr\.?|Sr\.?|мл\.|ст\.)$")


def _norm_label(label: str) -> str:
    """A label as a name: no markup, no generation suffix ("Яхья Абдул-Матин II")."""
    return _GENERATION.sub("", " ".join(str(label).strip(" *_:").split()))


def _weigh(p: Person, zone: str, text: str, s: int, e: int, case: str, english: bool, title: str) -> None:
    if p.mentions:
        p.add("repeat")
    p.mentions += 1
    if _is_interviewer_context(text, s):
        p.add("interviewer_context")
        return
    ss, se = _sentence(text, s)
    before = text[ss:s]
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
    sentence = text[ss:se]
    fits = _case_fits_cue(case, before)
    if fits and _INTERVIEW_CUE.search(sentence):
        p.add("interview")
    elif fits and case != "obl" and _SPEECH_CUE.search(sentence):
        p.add("speech")
    if _apposition(text, s, english):
        p.add("apposition")
    if _ROLE_AFTER.match(text[e:e + 80]):
        p.add("role_after")
    if len(p.name.split()) == 3 and not english:
        p.add("three_words")



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
    several = facts["labels"] >= 2 or facts["plural"]
    # further guests need evidence of speaking: a label, a header line, a lead sentence
    # about what they said
    spoke = ("label", "header", "interview", "speech")
    guests = [p for p in cands if p.label_turns >= 1 or p.score >= MULTI_THRESHOLD
              and any(p.evidence.get(k) for k in spoke)]
    if several and facts["labels"] >= 2:
        # guests' labels say who spoke, and a page of labelled guests heads each one's section
        # with their name; anyone else needs strong evidence
        guests = [p for p in cands if p in guests and (p.label_turns or p.score >= THRESHOLD)
                  or p.evidence.get("header")]
    if several and len(guests) >= 2:
        return sorted(guests, key=lambda p: p.order), facts
    if best.score >= THRESHOLD or best.score >= LONE_THRESHOLD and best.score - runner_up >= LONE_MARGIN:
        return [best], facts
    return fallback, facts
