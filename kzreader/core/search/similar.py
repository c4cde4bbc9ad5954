"""Similar questions: for one exchange, the questions of *other* interviews that ask about
the same thing, ranked, and none when nothing is close enough.

Each exchange becomes a tf-idf vector: its question's content words and one pseudo-term per
theme the exchange carries, plus the answer's ``ANSWER_TERMS`` most telling words at
``ANSWER_WEIGHT`` (the topic of an exchange is in its answer as much as in its question).
Term frequencies saturate as in BM25.  Document frequencies count whole exchanges, question
and answer, so a word every answer uses ("год", "страна") weighs little even when questions
seldom say it; a word found in one interview only (the guest's name, the outlet's) is
dropped, since it can match nothing elsewhere and would only dilute the cosine.

Similarity is the cosine of two exchange vectors blended with the cosine of their two whole
interviews (each as its ``INTERVIEW_TERMS`` most telling words), at ``INTERVIEW_WEIGHT``: the
same two words mean the same thing more often in two conversations on one subject ("сезон"
in two football interviews) than across subjects (a skater's and a coach's).  A proposal
must clear a floor calibrated by reading
(benchmarks/similar_eval.py): a score of ``MIN_SCORE``, ``MIN_SHARED`` shared terms of which
``MIN_QUESTION_SHARED`` are in both questions.  Most questions of a mixed collection have no
counterpart; for those, proposing nothing beats proposing noise.

A Russian word counts by its lemma (pymorphy3's normal form, so "Казахстан" and
"Казахстане" are one term where Snowball gives two stems) and only when it is a noun or an
adjective: verbs, adverbs and pronouns ("стал", "сделать", "нескольких") matched questions
about different things.  Other words count by their Snowball stem.  Function words, the
stock words of interview questions and the most frequent generic nouns and adjectives are
left out (``STOP_WORDS``).  Paragraphs that are page script the parser left in are skipped.

The index is built once over the corpus (``SimilarQuestions.build``, which may run in a
worker thread: it only reads interviews) and answers a query by walking the postings of
the query's own terms, so a query costs the number of exchanges sharing a term with it, not
the size of the corpus.  Memory stays small for 10,000 interviews: a posting is one 32-bit
integer (exchange id, a "in the question" bit and the weight in 8 bits) in an ``array('I')``
per term, and each exchange keeps its packed terms, sorted, in an ``array('I')``.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from array import array
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from ..model import Interview
from ..text import fold, stem
from .word_forms import morph

THEME_WEIGHT = 0.5  # a shared theme counts about half as much as a shared rare word
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)  # letters only; one-letter words say nothing

# Function words and the words every interview question uses ("what do you think about");
# kept as folded words, compared before stemming.
STOP_WORDS = frozenset("""
а без более бы был была были было быть в вам вами вас ваш ваша ваше вашего вашей вашем ваши
вашим вашими ваших вообще вот во все всегда всего всех всё вы где да даже для до его ее её
ей ему если есть еще ещё же за здесь и из или им ими их к как какая какие каким какими каких
какое какой каком какую когда кто ли либо между меня мне много может можно мой мы на над надо
нам нами нас не него нее неё ней нет ни них но ну о об однако он она они оно от очень по под
после почему при про раз с сам свой себе себя сейчас со так также такой там тем теперь то
тогда того тоже той только том тот тут у уже хорошо хотя чего чем через что чтобы чье чья эта
эти этим этих это этого этой этом этот эту я
скажите расскажите скажем говорить говорят сказать сказали считаете думаете можете могли другой
другие других сегодняшний день который которая которое которые которых один одна одно одни наш наша
наше наши должен должна должны время хотел хотели хотелось вместе ним ней кем пор
мог могут может например именно ли либо ведь разве сегодня сейчас вопрос вопросы
год человек время дело жизнь раз работа слово место сторона часть случай конец результат образ ряд
момент ситуация тема мнение взгляд точка зрение последний новый большой самый первый второй главный
должный хороший важный нужный весь каждый целый настоящий нынешний сегодняшний
a about after again all also am an and any are as at be been before being both but by can
could did do does doing during each few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our out over own same she should so some such than that the their them
then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours think tell say said
us like lot lots really already many much well thing things way get got go going know right want make
made use used something anything people yes okay kind sort mean just even still see look
year years time times new first last good great big part point
""".split())
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS"})
_TERMS: dict[str, str] = {}  # folded word -> term ("" for none); vocabularies repeat heavily
_TERMS_LIMIT = 400_000
# One or two shared words are weak evidence (two questions about different things share
# "декабрь" or "сезон", and a three-word question scores high on any one of them): a result
# needs this many shared terms (a shared theme counts as one; answer words count too).
MIN_SHARED = 3
MIN_QUESTION_SHARED = 2  # ... and this many of them must be in both questions
COMMON_SHARE = 0.01  # see SimilarQuestions.similar
COMMON_MIN = 200
K1 = 1.2  # BM25's saturation constant
ANSWER_TERMS = 12  # an answer adds its this many most telling words (by tf-idf)
ANSWER_WEIGHT = 0.35  # each at this share of a question word's weight
INTERVIEW_TERMS = 40  # an interview's context: its this many most telling words
INTERVIEW_WEIGHT = 0.3  # the share of the score that the two whole interviews' similarity makes
MIN_SCORE = 0.2  # below this, proposals were mostly about something else (read in benchmarks/similar_eval.py)
# A paragraph this dense in code characters is page script the parser left in a question;
# its identifiers would make every such question look alike.
_CODE_CHARS = re.compile(r'[{}();=<>\[\]\\"]')
_CODE_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class SimilarQuestion:
    interview_id: str
    number: int  # 1-based exchange number
    score: float  # cosine, 0..1
    shared: tuple[str, ...]  # the terms both questions have (themes as "theme:<id>"); the answers may share more
    spans: tuple[tuple[int, int], ...] = ()  # source offsets of the shared words in this question


def word_term(word: str) -> str:
    """The term a word counts as ("" when it does not count), see the module docstring."""
    w = fold(word)
    term = _TERMS.get(w)
    if term is None:
        if len(_TERMS) > _TERMS_LIMIT:
            _TERMS.clear()
        term = _TERMS[w] = _term(w)
    return term


def _term(w: str) -> str:
    if w in STOP_WORDS:
        return ""
    analyser = morph()
    if not _CYRILLIC.search(w) or analyser is None:  # without pymorphy3 a word counts by its stem
        return stem(w)
    parse = analyser.parse(w)[0]
    if parse.tag.POS not in _CONTENT_POS or parse.normal_form in STOP_WORDS:
        return ""
    return parse.normal_form.replace("ё", "е")


def _question_words(iv: Interview, number: int):
    """(paragraph, match, term) for each counting word of exchange ``number``'s question."""
    for p in iv.exchanges[number - 1].question.paragraphs:
        if _is_code(p.text):
            continue
        for m in _WORD.finditer(p.text):
            term = word_term(m.group())
            if term:
                yield p, m, term


def question_terms(iv: Interview, number: int) -> list[str]:
    """The terms of exchange ``number``'s question, in order."""
    return [term for _p, _m, term in _question_words(iv, number)]


def _is_code(text: str) -> bool:
    return len(_CODE_CHARS.findall(text)) > _CODE_SHARE * len(text)


def shared_spans(iv: Interview, number: int, terms: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Source offsets of the words of exchange ``number``'s question whose term is in ``terms``."""
    wanted = set(terms)
    return tuple((p.start + m.start(), p.start + m.end()) for p, m, term in _question_words(iv, number)
                 if term in wanted)


class SimilarQuestions:
    """A tf-idf index of every exchange of a corpus; see the module docstring."""

    def __init__(self) -> None:
        self._term_id: dict[str, int] = {}
        self._terms: list[str] = []
        self._df: array = array("I")  # term id -> exchanges whose question or answer has it
        self._iv_df: array = array("I")  # term id -> interviews that have it
        self._last_slot: array = array("i")  # term id -> the last interview slot counted in _iv_df
        self._postings: list[array] = []
        # while building: per question, its question's and its answer's term counts, packed
        # as term id << 8 | count (arrays, not dicts: 10,000 interviews hold 100,000 of them)
        self._raw: list[tuple[array, array]] = []
        self._iv_raw: list[array] = []  # while building: interview slot -> its term counts, packed
        self._doc_terms: list[array] = []  # question id -> sorted packed entries, see _pack
        self._doc_iv: array = array("I")  # question id -> interview slot
        self._doc_num: array = array("I")  # question id -> exchange number
        self._slot_ids: list[str] = []
        self._slot_of: dict[str, int] = {}
        self._first_doc: dict[tuple[int, int], int] = {}  # (slot, number) -> question id
        self._idf: list[float] = []
        self._norm: array = array("d")
        # interview slot -> its unit vector (term ids, weights), see _finish_interviews
        self._iv_vec: list[tuple[array, array]] = []

    def __len__(self) -> int:
        return len(self._doc_terms)

    @classmethod
    def build(cls, interviews: Iterable[Interview],
              exchange_themes: Mapping[str, Sequence[frozenset[str]]] | None = None,
              cancelled: Callable[[], bool] | None = None,
              progress: Callable[[int], None] | None = None) -> "SimilarQuestions | None":
        """Index every question of ``interviews``; None when ``cancelled()`` said so.

        Bodies of lazily loaded interviews are read for this and dropped again afterwards.
        """
        index = cls()
        for k, iv in enumerate(interviews):
            if cancelled is not None and cancelled():
                return None
            was_loaded = getattr(iv, "loaded", True)
            themes = exchange_themes.get(iv.id, ()) if exchange_themes is not None else ()
            index._add(iv, themes)
            if not was_loaded:
                iv.unload()  # back to the parse cache: the index keeps only term ids
            if progress is not None:
                progress(k + 1)
        index._finish()
        return index

    # -- building ------------------------------------------------------------------------
    def _tid(self, term: str) -> int:
        tid = self._term_id.get(term)
        if tid is None:
            tid = self._term_id[term] = len(self._terms)
            self._terms.append(term)
            self._postings.append(array("I"))
            self._df.append(0)
            self._iv_df.append(0)
            self._last_slot.append(-1)
        return tid

    def _counts(self, terms: Iterable[str]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for term in terms:
            t = self._tid(term)
            counts[t] = counts.get(t, 0) + 1
        return counts

    def _add(self, iv: Interview, themes: Sequence[frozenset[str]]) -> None:
        slot = self._slot_of.get(iv.id)
        if slot is None:
            slot = self._slot_of[iv.id] = len(self._slot_ids)
            self._slot_ids.append(iv.id)
            self._iv_raw.append(array("I"))
        whole: dict[int, int] = {}  # the interview's term counts, themes left out
        for ex in iv.exchanges:
            k = ex.number - 1
            words = self._counts(question_terms(iv, ex.number))
            a = self._counts(_turn_terms(ex.answer))
            for counts in (words, a):
                for t, c in counts.items():
                    whole[t] = whole.get(t, 0) + c
            q = dict(words)
            q.update(self._counts(["theme:" + t for t in sorted(themes[k])] if k < len(themes) else []))
            if not q:
                continue
            doc = len(self._raw)
            self._raw.append((_pack_counts(q), _pack_counts(a)))
            self._doc_iv.append(slot)
            self._doc_num.append(ex.number)
            self._first_doc[(slot, ex.number)] = doc
            for t in q.keys() | a.keys():
                self._df[t] += 1
                if self._last_slot[t] != slot:
                    self._last_slot[t] = slot
                    self._iv_df[t] += 1
        self._iv_raw[slot] = _pack_counts(whole)

    def _finish(self) -> None:
        n = max(len(self._raw), 1)
        # a word of one interview only (the guest's name, the outlet's) can match nothing elsewhere
        self._idf = [0.0 if self._iv_df[t] < 2 else
                     math.log((n + 1) / (self._df[t] + 0.5)) * (THEME_WEIGHT if term.startswith("theme:") else 1.0)
                     for t, term in enumerate(self._terms)]
        idf = self._idf
        self._norm = array("d", bytes(8 * len(self._raw)))
        for doc, (q_packed, a_packed) in enumerate(self._raw):
            q, a = _unpack_counts(q_packed), _unpack_counts(a_packed)
            weights = {t: _saturate(c) for t, c in q.items() if idf[t] > 0}
            # the answer's most telling words, at a lower weight: the topic is in the answer too
            best = sorted((t for t in a if idf[t] > 0), key=lambda t: (-_saturate(a[t]) * idf[t], t))
            for t in best[:ANSWER_TERMS]:
                weights[t] = weights.get(t, 0.0) + ANSWER_WEIGHT * _saturate(a[t])
            entries = array("I", sorted(_pack(t, t in q, w) for t, w in weights.items()))
            self._doc_terms.append(entries)
            self._norm[doc] = math.sqrt(sum((_unpack_weight(e) * idf[e >> _TID_SHIFT]) ** 2
                                            for e in entries)) or 1.0
            for e in entries:
                self._postings[e >> _TID_SHIFT].append(doc << _TID_SHIFT | e & _LOW_MASK)
        self._finish_interviews()
        self._raw = []
        self._df = self._last_slot = array("I")

    def _finish_interviews(self) -> None:
        """Each interview's ``INTERVIEW_TERMS`` most telling words, as a unit vector: what the
        whole conversation is about, the context an exchange is read in."""
        n = max(len(self._slot_ids), 1)
        idf = [math.log((n + 1) / (c + 0.5)) if c >= 2 else 0.0 for c in self._iv_df]
        self._iv_vec = []
        for packed in self._iv_raw:
            total = _unpack_counts(packed)
            top = sorted(((1 + math.log(c)) * idf[t], t) for t, c in total.items() if idf[t] > 0)[-INTERVIEW_TERMS:]
            norm = math.sqrt(sum(w * w for w, _t in top)) or 1.0
            self._iv_vec.append((array("I", (t for _w, t in top)), array("d", (w / norm for w, _t in top))))
        self._iv_raw = []

    def _interview_similarity(self, weights: dict[int, float], other: int) -> float:
        """The cosine of an interview (as ``weights``) and interview slot ``other``."""
        ids, ws = self._iv_vec[other]
        return sum(weights.get(t, 0.0) * w for t, w in zip(ids, ws))

    # -- querying ------------------------------------------------------------------------
    def similar(self, interview_id: str, number: int, limit: int = 10) -> list[SimilarQuestion]:
        """The ``limit`` questions most like exchange ``number``'s, from other interviews,
        best first (their ``spans`` are left empty: :func:`shared_spans` finds them when the
        question is shown, which needs the interview's body).  Only those scoring at least
        ``MIN_SCORE``, sharing ``MIN_SHARED`` terms of which one is in both questions.

        Candidates come from the postings of the query's rarer terms; a term in more than
        ``COMMON_SHARE`` of all questions (and ``COMMON_MIN``) only adds to the scores of those
        candidates, so a query never walks the postings of a term half the corpus uses."""
        slot = self._slot_of.get(interview_id)
        doc = self._first_doc.get((slot, number)) if slot is not None else None
        if doc is None:
            return []
        idf = self._idf
        entries = sorted((e for e in self._doc_terms[doc] if idf[e >> _TID_SHIFT] > 0),
                         key=lambda e: len(self._postings[e >> _TID_SHIFT]))
        common_df = max(COMMON_MIN, int(COMMON_SHARE * len(self._doc_terms)))
        rare = [e for e in entries if len(self._postings[e >> _TID_SHIFT]) <= common_df] or entries[:1]
        common = entries[len(rare):]
        scores: dict[int, float] = {}
        shared: dict[int, list[int]] = {}  # candidate -> terms shared (question or answer words)
        in_questions: dict[int, list[int]] = {}  # candidate -> terms both questions have
        doc_iv = self._doc_iv
        for e in rare:
            t = e >> _TID_SHIFT
            wq = _unpack_weight(e) * idf[t] * idf[t]
            q_side = e & _Q_BIT
            for posting in self._postings[t]:
                other = posting >> _TID_SHIFT
                if doc_iv[other] == slot:
                    continue  # the same interview: the reader is already there
                scores[other] = scores.get(other, 0.0) + wq * _unpack_weight(posting)
                shared.setdefault(other, []).append(t)
                if q_side and posting & _Q_BIT:
                    in_questions.setdefault(other, []).append(t)
        for e in common:
            t = e >> _TID_SHIFT
            wq = _unpack_weight(e) * idf[t] * idf[t]
            key = t << _TID_SHIFT
            for other in scores:
                ids = self._doc_terms[other]
                i = bisect_left(ids, key)
                if i < len(ids) and ids[i] >> _TID_SHIFT == t:
                    scores[other] += wq * _unpack_weight(ids[i])
                    shared[other].append(t)
                    if e & _Q_BIT and ids[i] & _Q_BIT:
                        in_questions.setdefault(other, []).append(t)
        qnorm = self._norm[doc]
        context: dict[int, float] = {}  # interview slot -> similarity of the whole interviews
        mine = dict(zip(*self._iv_vec[slot]))

        def blended(s: float, o: int) -> float:
            other = doc_iv[o]
            if other not in context:
                context[other] = self._interview_similarity(mine, other)
            return (1 - INTERVIEW_WEIGHT) * s / (qnorm * self._norm[o]) + INTERVIEW_WEIGHT * context[other]

        ranked = sorted(((blended(s, o), o) for o, s in scores.items()
                         if len(shared[o]) >= MIN_SHARED and len(in_questions.get(o, ())) >= MIN_QUESTION_SHARED),
                        key=lambda so: (-so[0], so[1]))
        ranked = [(s, o) for s, o in ranked[:limit] if s >= MIN_SCORE]
        return [SimilarQuestion(self._slot_ids[doc_iv[o]], self._doc_num[o], round(score, 6),
                                tuple(sorted(self._terms[t] for t in in_questions[o])), ())
                for score, o in ranked]


# A packed entry: term id, then one bit "the question has it", then the weight in 1/_SCALE.
_WEIGHT_BITS = 8
_Q_BIT = 1 << _WEIGHT_BITS
_TID_SHIFT = _WEIGHT_BITS + 1
_LOW_MASK = (1 << _TID_SHIFT) - 1
_SCALE = 64.0


def _pack(tid: int, in_question: bool, weight: float) -> int:
    return tid << _TID_SHIFT | (_Q_BIT if in_question else 0) | min(255, max(1, round(weight * _SCALE)))


def _unpack_weight(entry: int) -> float:
    return (entry & 0xFF) / _SCALE


def _pack_counts(counts: Mapping[int, int]) -> array:
    return array("I", (t << 8 | min(c, 255) for t, c in counts.items()))


def _unpack_counts(packed: array) -> dict[int, int]:
    return {e >> 8: e & 0xFF for e in packed}


def _saturate(tf: int) -> float:
    """BM25's term-frequency saturation: a word said five times is not five times the topic."""
    return tf * (K1 + 1) / (tf + K1)


def _turn_terms(turn) -> list[str]:
    return [term for p in turn.paragraphs if not _is_code(p.text)
            for m in _WORD.finditer(p.text) for term in (word_term(m.group()),) if term]
