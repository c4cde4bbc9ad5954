"""Person names in Russian text, normalised to the nominative ("Антоном Арутюновым" → "Антон
Арутюнов"), with pymorphy3's Name/Patr/Surn tags and case agreement."""
from __future__ import annotations

import re
from functools import lru_cache

from ..word_forms import morph

_CAP_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# Two or three capitalised words, not inside a longer word.  The first capital is matched
# before the lookbehind that checks the character ahead of it: a pattern that opens with a
# character class lets the engine skip to candidates, about twice as fast as a leading
# lookbehind, which is tried at every position.
NAME_SEQ = re.compile(
    rf"[А-ЯЁ](?<![\w-].)[а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \u00a0]{_CAP_WORD}){{1,2}}(?![\w-])"
)
# English names: an optional "Dr."/"Prof.", then two or three capitalised words (maybe with
# an initial between), not inside a longer word.  Written out plainly that is
#   (?<![\w-])(?:Dr\.|Prof\.)?\s?NAME
# but a leading lookbehind is tried at every position of the text.  So the first character
# (a capital or the blank before the name) is matched by one class the engine can skip
# ahead to, the lookbehind then checks the character before it, and the alternatives say
# what the first character began, in the order the plain pattern tries them.
_EN_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_EN_REST = rf"(?: [A-Z]\.)?(?: {_EN_WORD}){{1,2}}(?![\w-])"  # after the first word
EN_NAME_SEQ = re.compile(
    rf"[A-Z\s](?<![\w-][\s\S])"
    rf"(?:(?<=\s){_EN_WORD}{_EN_REST}"  # a blank, then the name
    rf"|(?<=D)r\.\s?{_EN_WORD}{_EN_REST}"  # "Dr." and the name
    rf"|(?<=P)rof\.\s?{_EN_WORD}{_EN_REST}"  # "Prof." and the name
    rf"|(?<=[A-Z])[a-z]+(?:-[A-Z][a-z]+)?{_EN_REST})"  # the name's own first letter
)
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


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


def person_name(words) -> tuple[str, str] | None:
    return _person_name(tuple(words))


@lru_cache(maxsize=20_000)
def _person_name(words: tuple[str, ...]) -> tuple[str, str] | None:
    """If ``words`` (2 or 3 capitalised words) form a person's name, return
    (nominative name, grammatical case found); else None."""
    first, rest = words[0], list(words[1:])
    best = None
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
            if p is None:
                if case == "nomn":
                    out.append(w)  # an unknown surname already in the nominative
                    continue
                ok = False
                break
            out.append(_nominative(p, w))
        if ok:
            score = np.score
            if best is None or score > best[2]:
                best = (" ".join(out), case, score)
    if best is None:
        return _unknown_first_name(list(words))
    return (best[0], best[1])


def _unknown_first_name(words: list[str]) -> tuple[str, str] | None:
    """Kazakh and other first names missing from the dictionary ("Ерланом Сагадиевым"): accept
    an unknown word before a recognised surname in the same case."""
    if len(words) != 2:
        return None
    first, last = words
    if _morph().word_is_known(first.lower()):
        return None
    for case in _CASES:
        sp = _find(last, "Surn", case)
        if sp is None:
            continue
        fp = next((p for p in _parses(first) if "NOUN" in p.tag and case in p.tag), None)
        if fp is None:
            continue
        return f"{_nominative(fp, first) if case != 'nomn' else first} {_nominative(sp, last)}", case
    return None


def find_people(text: str):
    """Yield (start, end, nominative name, case) for person names in Russian text."""
    for m in NAME_SEQ.finditer(text):
        words = m.group().split()
        # try the longest reading first: three words, then the first two, then the last two
        for lo, hi in ((0, len(words)), (0, 2), (1, 3)):
            sub = words[lo:hi]
            if len(sub) < 2 or hi > len(words):
                continue
            found = person_name(sub)
            if found:
                s = m.start() + len(" ".join(words[:lo])) + (1 if lo else 0)
                yield s, s + len(" ".join(sub)), found[0], found[1]
                break


def find_people_en(text: str):
    for m in EN_NAME_SEQ.finditer(text):
        yield m.start(), m.end(), m.group().strip(), "nomn"


def first_names(name: str) -> set[str]:
    """Forms a question could use to address this person: first name, and name + patronymic."""
    parts = name.split()
    return {parts[0]} | ({" ".join(parts[:2])} if len(parts) == 3 else set())


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
