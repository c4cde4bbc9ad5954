"""Person names in Russian text, normalised to the nominative ("Антоном Арутюновым" → "Антон
Арутюнов"), with pymorphy3's Name/Patr/Surn tags and case agreement."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from ..search.word_forms import morph

# English names: two or three capitalised words (letters past ASCII too: "Zoë", "Voß"; inner
# capitals: "DiBona", "McKenzie"), maybe with a middle initial, not inside a longer word
_EN_LOW: Final = "a-zß-öø-ÿā-ž"  # lower-case Latin letters with the accented ones of Latin-1 and Extended-A
_EN_WORD: Final = rf"[A-ZÀ-ÖØ-Þ][{_EN_LOW}’']*[{_EN_LOW}](?:[A-Z][{_EN_LOW}]+)?(?:-[A-Z][{_EN_LOW}]+)?"
# (each pattern matches its first capital before the lookbehind that checks the character
# ahead of it: opening with a class lets the engine skip to candidates)
_EN_START: Final = r"[A-ZÀ-ÖØ-Þ](?<![\w-].)"
_EN_REST: Final = _EN_WORD[len("[A-ZÀ-ÖØ-Þ]"):]  # a word after its first capital
EN_NAME_SEQ: Final = re.compile(rf"{_EN_START}{_EN_REST}(?: [A-Z]\.)?(?: {_EN_WORD}){{1,2}}(?![\w-])")
EN_RUN: Final = re.compile(rf"{_EN_START}{_EN_REST}(?: (?:[A-Z]\.|{_EN_WORD}))+(?![\w-])")  # any length
EN_WORD: Final = re.compile(rf"{_EN_START}{_EN_REST}(?![\w-])")
# capitalised English words that start sentences or name things, never a person's name
EN_NOT_NAMES: Final = {
    "the", "a", "an", "this", "that", "these", "those", "we", "i", "you", "he", "she", "it", "they",
    "in", "on", "at", "of", "for", "with", "and", "or", "but", "to", "from", "by", "as", "if",
    "when", "what", "why", "how", "who", "where", "which", "interview", "meet", "read", "here",
    "there", "image", "photo", "source", "update", "note", "posted", "published", "mr", "mrs",
    "ms", "dr", "prof", "linux", "open", "free", "software", "foundation", "project",
    "inc", "ltd", "university", "institute", "company", "news", "today", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
_CASES: Final = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _morph():
    return morph()  # one analyser per process, shared with word forms


@lru_cache(maxsize=50_000)
def _parses(word: str):
    return tuple(_morph().parse(word))


@lru_cache(maxsize=50_000)  # a new name pairs words seen before: their tags are read once
def _find(word: str, kind: str, case: str, gender: str | None = None):
    for p in _parses(word):
        tag = p.tag
        if kind in tag and case in tag and "sing" in tag or (kind in tag and case in tag and kind == "Surn"):
            if gender and tag.gender and str(tag.gender) not in (str(gender), "ms-f"):
                continue
            return p
    return None


@lru_cache(maxsize=50_000)
def _known(word: str) -> bool:
    """Is the (lower-case) word in pymorphy3's dictionary?"""
    return _morph().word_is_known(word)


def _cap(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _nominative(p, fallback: str) -> str:
    if "nomn" in p.tag and "sing" in p.tag:
        return fallback
    return _inflected_nominative(p, fallback)


@lru_cache(maxsize=20_000)
def _inflected_nominative(p, fallback: str) -> str:
    # one first name or surname turns up beside many others, and pymorphy's inflect is the
    # slow step of a name not seen before: inflect each parse once (parses are hashable)
    inf = p.inflect({"nomn", "sing"}) or p.inflect({"nomn"})
    return _cap(inf.word) if inf else fallback


def person_name(words, prefer=None) -> tuple[str, str] | None:
    """If ``words`` (2 or 3 capitalised words) form a person's name, return (nominative name,
    grammatical case found); else None.  ``prefer``: the cases the context asks for (an
    apposition noun, a preposition: "Евгения Медведева" after "фигуристка" is nominative),
    or a function giving them, asked only when the words read in several cases."""
    readings = _person_readings(tuple(words))
    if not readings:
        return _unknown_first_name(list(words), prefer)
    if callable(prefer):
        prefer = prefer() if len(readings) > 1 else None
    if prefer:
        fit = tuple(r for r in readings if r[1] in prefer)
        if fit:
            readings = fit
    best = max(readings, key=lambda r: r[2])
    return best[0], best[1]


@lru_cache(maxsize=20_000)
def _person_readings(words: tuple[str, ...]) -> tuple[tuple[str, str, float], ...]:
    """Every case in which ``words`` read as first name (+ patronymic) + surname agreeing in
    case and gender: (nominative name, case, the first name's score)."""
    first, rest = words[0], list(words[1:])
    out_readings = []
    for case in _CASES:
        np = _find(first, "Name", case)
        if np is None:
            continue
        gender = np.tag.gender
        out = [_nominative(np, first)]
        ok = True
        for k, w in enumerate(rest):
            p = None
            if k == 0 and len(rest) == 2:
                p = _find(w, "Patr", case, gender)
                if p is None:
                    ok = False
                    break
            else:
                p = _find(w, "Patr", case, gender) if len(rest) == 1 else None
                p = p or _find(w, "Surn", case, gender)
            if p is None and case == "nomn":
                out.append(w)  # a surname the dictionary lacks, already in the nominative
                continue
            if p is None and not _known(w.lower()):
                p = _guess(w, case, gender)  # "Винника": its guessed noun form in this case
            if p is None:
                ok = False
                break
            out.append(_nominative(p, w))
        if ok:
            out_readings.append((" ".join(out), case, np.score))
    return tuple(out_readings)


def _guess(word: str, case: str, gender):
    for p in _parses(word):
        tag = p.tag
        if case in tag and "sing" in tag and ("NOUN" in tag or "ADJF" in tag):
            if gender and tag.gender and str(tag.gender) != str(gender):
                continue
            return p
    return None


def _unknown_first_name(words: list[str], prefer=None) -> tuple[str, str] | None:
    """Kazakh and other first names missing from the dictionary ("Ерланом Сагадиевым"): accept
    an unknown word before a recognised surname in the same case (the case the context asks
    for when several fit: "Президента … Касым-Жомарта Токаева" is genitive)."""
    if len(words) != 2:
        return None
    first, last = words
    if _known(first.lower()):
        return None
    readings = []
    for case in _CASES:
        sp = _find(last, "Surn", case)
        if sp is None:
            continue
        fp = next((p for p in _parses(first) if "NOUN" in p.tag and case in p.tag), None)
        if fp is None:
            continue
        readings.append((f"{_nominative(fp, first) if case != 'nomn' else first} {_nominative(sp, last)}", case))
    if len(readings) > 1 and callable(prefer):
        prefer = prefer()
    fit = [r for r in readings if prefer and not callable(prefer) and r[1] in prefer]
    chosen = fit or readings
    return chosen[0] if chosen else None


def find_people(text: str):
    """Yield (start, end, nominative name, case) for person names in Russian text.

    A run of capitalised words is read with the dictionary first (first name + patronymic +
    surname agreeing in case); a run the dictionary cannot read (foreign names: "Самех
    Шукри", "Доминик де Вильпен") is read by its shape, with case "unk" when the case cannot
    be told (the caller then weighs its context)."""
    for m in RU_RUN.finditer(text):
        tokens, rel, particle = _run_tokens(m.group())
        start = m.start()
        offs = [start + k for k in rel]
        found = None
        if len(tokens) <= 3 and any(particle):
            got = _shape_name(tokens, text[max(0, offs[0] - 30):offs[0]])
            if got:
                found = 0, len(tokens), got[0], got[1]
        # the longest reading first: the whole run, then without its first or last word; each
        # read by the dictionary, then by its shape
        for lo, hi in _windows_of(len(tokens)) if found is None else ():
            sub = tokens[lo:hi]
            # particles ("де", "ад-") are for the shape reading
            got = None if any(particle[lo:hi]) else person_name(
                sub, lambda: _context_cases(text, offs[lo]))
            got = got or _shape_name(sub, text[max(0, offs[lo] - 30):offs[lo]])
            if got:
                found = lo, hi, got[0], got[1]
                break
        if found:
            lo, hi, name, case = found
            yield offs[lo], offs[hi - 1] + len(tokens[hi - 1]), name, case


PARTICLES: Final = {"де", "ле", "ла", "ван", "фон", "дель", "да", "ди", "дю", "ад", "аль", "эль", "бен", "ибн"}
_RU_WORD: Final = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*"
_RU_PART: Final = r"(?:де|ле|ла|ван|фон|дель|да|ди|дю|ад|аль|эль|бен|ибн)"
# two to four capitalised words, maybe with name particles ("де Вильпен", "ад-Дам"), not inside
# a longer word (the first capital is matched before the lookbehind that checks the character
# ahead of it: a pattern that opens with a class lets the engine skip to candidates)
RU_WORD: Final = re.compile(rf"[А-ЯЁ](?<![\w-].){_RU_WORD[len('[А-ЯЁ]'):]}(?![\w-])")
RU_RUN: Final = re.compile(
    rf"[А-ЯЁ](?<![\w-].)[а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*"
    rf"(?:[ \u00a0]+(?:{_RU_PART}(?:[ \u00a0]|-))?{_RU_WORD}){{1,3}}(?![\w-])"
)


NON_BLANK: Final = re.compile(r"\S+")
_WORD_OR_STOP: Final = re.compile(r"[\w-]+|[.!?:]")


def _tokens(run: str, start: int) -> tuple[list[str], list[int]]:
    """The words of a run with their offsets; a particle stays with the word after it."""
    tokens: list[str] = []
    offs: list[int] = []
    pending = None
    for m in NON_BLANK.finditer(run):
        w = m.group()
        if w.lower() in PARTICLES and pending is None:
            pending = m.start()
            continue
        if pending is not None:
            tokens.append(run[pending:m.end()])
            offs.append(start + pending)
            pending = None
        elif "-" in w and w[: w.index("-")] in PARTICLES:
            tokens.append(w)
            offs.append(start + m.start())
        else:
            tokens.append(w)
            offs.append(start + m.start())
    return tokens, offs


@lru_cache(maxsize=20_000)  # a page names its people again and again, in title, lead, captions
def _run_tokens(run: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[bool, ...]]:
    """A run's tokens, their offsets in the run, and which of them hold a particle."""
    tokens, offs = _tokens(run, 0)
    return tuple(tokens), tuple(offs), tuple(map(has_particle, tokens))


def has_particle(token: str) -> bool:
    return " " in token or "-" in token[:4] and token[: token.index("-")].lower() in PARTICLES


def _windows(n: int):
    seen = set()
    for lo, hi in ((0, n), (0, min(n, 3)), (1, min(n, 4)), (0, 2), (1, 3), (2, 4)):
        if 2 <= hi - lo <= 3 and hi <= n and (lo, hi) not in seen:
            seen.add((lo, hi))
            yield lo, hi


_WINDOWS: Final = tuple(tuple(_windows(n)) for n in range(9))


def _windows_of(n: int):
    """``_windows(n)``, from a table for the usual run lengths."""
    return _WINDOWS[n] if n < len(_WINDOWS) else _windows(n)


@lru_cache(maxsize=50_000)
def _is_common_word(word: str) -> bool:
    """A dictionary word none of whose readings is a name ("Совета", "Штатах", "Как"), or a
    place ("Филиппин")."""
    w = word.lower()
    if "-" in w or " " in w:
        return False
    if not _known(w):
        return False
    ps = _parses(word)
    if ps and "Geox" in ps[0].tag:
        return True
    return not any(("Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag) for p in ps)


def is_dictionary_word(word: str) -> bool:
    """A common Russian or English word ("Время", "Update"), not a name or a nickname."""
    w = word.lower()
    return w in EN_NOT_NAMES or ("а" <= w[:1] <= "я" or w[:1] == "ё") and _is_common_word(word)


# offices written with a capital before a surname ("Президента Токаева"): never a first name
_OFFICES: Final = {"президент", "премьер", "министр", "посол", "глава", "генерал", "председатель",
            "губернатор", "аким", "мэр", "депутат", "сенатор", "директор", "профессор", "доктор",
            "господин", "госпожа", "канцлер", "спикер", "советник", "замминистра", "вице-премьер"}


@lru_cache(maxsize=10_000)
def _is_title_noun(word: str) -> bool:
    """A common noun for a person that is also a first name ("Эмир"), not an office."""
    ps = _parses(word)[:2]
    if any(p.normal_form in _OFFICES for p in ps):
        return False
    return any("NOUN" in p.tag and "anim" in p.tag and "sing" in p.tag and "nomn" in p.tag for p in ps)


def _context_cases(text: str, pos: int) -> frozenset | None:
    """The cases the words before a name ask for: a preposition ("с" → instrumental), an
    occupation noun in apposition (its own case), the start of a sentence (nominative)."""
    before = text[max(0, pos - 60):pos]
    for rx, c in _CASE_BEFORE:
        if rx.search(before):
            return frozenset((c,))
    words: list[str] = _WORD_OR_STOP.findall(before)[-4:]  # (no groups: the matches)
    if not words or words[-1] in ".!?:":
        return frozenset(("nomn",))
    for w in reversed(words):
        if w in ".!?:":
            break
        cases = occupation_cases(w.lower() if w[:1].isupper() else w)
        if cases:
            return cases
    return None


@lru_cache(maxsize=20_000)
def occupation_cases(word: str) -> frozenset:
    """The cases in which ``word`` (lower case) is a noun for a person that is not a name
    ("режиссёр", "послом", "Президента" when written with a capital): empty if none."""
    if len(word) < 3 or not word[:1].isalpha():
        return frozenset()
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in _parses(word)[:2]):
        return frozenset()
    return frozenset(str(p.tag.case) for p in _parses(word)[:3] if "NOUN" in p.tag and "anim" in p.tag)


# the case a preposition or a noun right before a name asks for
_CASE_BEFORE: Final = (
    (re.compile(r"(?:^|\s)(?:с|со)\s+$", re.I), "ablt"),
    (re.compile(r"интервью\s+$", re.I), "gent"),
)


def _shape_name(tokens: Sequence[str], before: str) -> tuple[str, str] | None:
    """A name the dictionary does not know, read by its shape: two or three capitalised words
    that are not dictionary words, or a known first name followed by unknown words.  The case
    comes from a known first name, or from the word right before; "unk" when neither tells."""
    if not 2 <= len(tokens) <= 3:
        return None
    sentence_start = not before.strip() or before.rstrip()[-1] in ".!?:«\"—"
    case = None
    for rx, c in _CASE_BEFORE:
        if rx.search(before):
            case = c
    return _shape_reading(tuple(tokens), sentence_start, case)


@lru_cache(maxsize=20_000)  # the same words recur in a page's header lines, lead and captions
def _shape_reading(tokens: tuple[str, ...], sentence_start: bool, case: str | None) -> tuple[str, str] | None:
    """_shape_name once what it needs of the words before is read: does a sentence start
    there, which case does a preposition before ask for."""
    if any(_is_common_word(t) for t in tokens[1:]):
        return None
    if _is_common_word(tokens[0]) and (sentence_start or not _is_title_noun(tokens[0])
                                       or _known(tokens[-1].lower())):
        return None
    first = next((p for p in _parses(tokens[0]) if "Name" in p.tag), None)
    if first is not None and _known(tokens[0].lower()):
        # a known first name tells the case: the one the context asks for, else its likeliest
        cases = [str(p.tag.case) for p in _parses(tokens[0]) if "Name" in p.tag and "sing" in p.tag]
        if case not in cases:
            case = cases[0] if cases else "unk"
    case = case or "unk"
    if case in ("nomn", "unk"):
        return " ".join(tokens), case
    out = []
    for t in tokens:
        if has_particle(t):
            out.append(t)
            continue
        p = next((p for p in _parses(t) if case in p.tag and ("Name" in p.tag or "Surn" in p.tag)), None)
        p = p or next((p for p in _parses(t) if case in p.tag and ("NOUN" in p.tag or "ADJF" in p.tag)), None)
        out.append(_inflected_nominative(p, t) if p is not None else t)
    return " ".join(out), case


# Latin letters that look like Cyrillic ones: an initials label typed with either matches
_LOOKALIKE: Final = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """"Жан-Фредерик Пуассон" → "ЖФП"; particles ("де", "ад-") have no initial."""
    out = []
    for word in name.split():
        for part in word.split("-"):
            if part[:1].isupper():
                out.append(part[0])
    return "".join(out).upper().translate(_LOOKALIKE)


@lru_cache(maxsize=4096)
def label_initials(label: str) -> str | None:
    """The letters of an initials label ("А.С.", "Ж.-Ф.П.", "SK", "T. M.") or None."""
    t = label.replace(" ", "")
    if re.fullmatch(r"(?:\w\.?-?){1,4}", t) and (t.isupper() or "." in t) and len(t.replace(".", "").replace("-", "")) <= 4:
        letters = re.sub(r"[.\-]", "", t)
        if letters.isalpha() and letters.isupper():
            return letters.translate(_LOOKALIKE)
    return None


def find_people_en(text: str):
    """Yield (start, end, name, "nomn") for runs of capitalised words that may be names."""
    for m in EN_NAME_SEQ.finditer(text):
        yield m.start(), m.end(), m.group(), "nomn"


@lru_cache(maxsize=10_000)
def nominative_phrase(phrase: str) -> str:
    """Put the head noun of each comma-separated part of a role phrase in the nominative
    ("политологом, ассистентом НИУ МЭИ" → "политолог, ассистент НИУ МЭИ")."""
    out = []
    for part in phrase.split(","):
        words = part.split()
        for i, w in enumerate(words):
            ps = _parses(w.lower())
            noun = next((p for p in ps if "NOUN" in p.tag and ("ablt" in p.tag or "datv" in p.tag)), None)
            if noun is not None:
                inf = noun.inflect({"nomn"})
                if inf:
                    words[i] = inf.word
                # adjectives right before the head agree with it
                for j in range(i):
                    adj = next((p for p in _parses(words[j].lower()) if "ADJF" in p.tag), None)
                    if adj is not None:
                        ai = adj.inflect({"nomn", noun.tag.gender or "masc", "sing"})
                        if ai:
                            words[j] = ai.word
                break
            if any("NOUN" in p.tag or "ADJF" in p.tag for p in ps[:1]):
                break
        out.append(" ".join(words))
    return ", ".join(out).strip()
