"""Similar questions: for one exchange, the questions of *other* interviews that ask about
the same thing, ranked.

Each question becomes a tf-idf vector over its content words plus one pseudo-term per theme
its exchange carries; similarity is the cosine of two vectors, and a result needs at least
``MIN_SHARED`` shared terms.  A Russian word counts by its lemma (pymorphy3's normal form,
so "Казахстан" and "Казахстане" are one term where Snowball gives two stems) and only when
it is a noun or an adjective: verbs, adverbs and pronouns ("стал", "сделать", "нескольких")
matched questions about different things.  Other words count by their Snowball stem.
Function words and the stock words of interview questions are left out (``STOP_WORDS``).
Questions paragraphs that are page script the parser left in are skipped.  The index is built once over the corpus (``SimilarQuestions.
build``, which may run in a worker thread: it only reads interviews) and answers a query
by walking the postings of the query's own terms, so a query costs the number of questions
sharing a term with it, not the size of the corpus.

Memory stays small for 10,000 interviews: a posting is one 32-bit integer (question id
shifted left by 4, plus the term frequency capped at 15) in an ``array('I')`` per term,
and each question keeps its term ids in an ``array('I')``.
"""
from __future__ import annotations

import math
import re
from array import array
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from .model import Interview
from .text import fold, stem
from .word_forms import morph

_TF_BITS = 4
_TF_MAX = (1 << _TF_BITS) - 1
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
a about after again all also am an and any are as at be been before being both but by can
could did do does doing during each few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our out over own same she should so some such than that the their them
then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours think tell say said
""".split())
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS"})
_TERMS: dict[str, str] = {}  # folded word -> term ("" for none); vocabularies repeat heavily
_TERMS_LIMIT = 400_000
# One shared word is weak evidence (two questions about different things share "декабрь" or
# "инструмент", and a three-word question scores high on any one of them): a result needs
# this many shared terms (a shared theme counts as one).
MIN_SHARED = 2
COMMON_SHARE = 0.01  # see SimilarQuestions.similar
COMMON_MIN = 200
# A paragraph this dense in code characters is page script the parser left in a question;
# its identifiers would make every such question look alike.
_CODE_CHARS = re.compile(r'[{}();=<>\[\]\\"]')
_CODE_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class SimilarQuestion:
    interview_id: str
    number: int  # 1-based exchange number
    score: float  # cosine, 0..1
    shared: tuple[str, ...]  # the terms both questions have (themes as "theme:<id>")
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
    """A tf-idf index of every question of a corpus; see the module docstring."""

    def __init__(self) -> None:
        self._term_id: dict[str, int] = {}
        self._terms: list[str] = []
        self._postings: list[array] = []
        self._doc_terms: list[array] = []  # question id -> term ids (with repeats)
        self._doc_iv: array = array("I")  # question id -> interview slot
        self._doc_num: array = array("I")  # question id -> exchange number
        self._slot_ids: list[str] = []
        self._slot_of: dict[str, int] = {}
        self._first_doc: dict[tuple[int, int], int] = {}  # (slot, number) -> question id
        self._idf: list[float] = []
        self._norm: array = array("d")

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
        return tid

    def _add(self, iv: Interview, themes: Sequence[frozenset[str]]) -> None:
        slot = self._slot_of.get(iv.id)
        if slot is None:
            slot = self._slot_of[iv.id] = len(self._slot_ids)
            self._slot_ids.append(iv.id)
        for ex in iv.exchanges:
            terms = question_terms(iv, ex.number)
            k = ex.number - 1
            terms += ["theme:" + t for t in sorted(themes[k])] if k < len(themes) else []
            if not terms:
                continue
            doc = len(self._doc_terms)
            ids = array("I", (self._tid(t) for t in terms))
            self._doc_terms.append(ids)
            self._doc_iv.append(slot)
            self._doc_num.append(ex.number)
            self._first_doc[(slot, ex.number)] = doc
            counts: dict[int, int] = {}
            for t in ids:
                counts[t] = counts.get(t, 0) + 1
            for t, c in counts.items():
                self._postings[t].append(doc << _TF_BITS | min(c, _TF_MAX))

    def _finish(self) -> None:
        n = max(len(self._doc_terms), 1)
        self._idf = [math.log((n + 1) / (len(p) + 0.5)) * (THEME_WEIGHT if term.startswith("theme:") else 1.0)
                     for term, p in zip(self._terms, self._postings)]
        self._norm = array("d", bytes(8 * len(self._doc_terms)))
        for doc, ids in enumerate(self._doc_terms):
            counts: dict[int, int] = {}
            for t in ids:
                counts[t] = counts.get(t, 0) + 1
            self._norm[doc] = math.sqrt(sum((self._weight(c) * self._idf[t]) ** 2 for t, c in counts.items())) or 1.0

    @staticmethod
    def _weight(tf: int) -> float:
        return 1.0 + math.log(tf)

    # -- querying ------------------------------------------------------------------------
    def similar(self, interview_id: str, number: int, limit: int = 10) -> list[SimilarQuestion]:
        """The ``limit`` questions most like exchange ``number``'s, from other interviews,
        best first (their ``spans`` are left empty: :func:`shared_spans` finds them when the
        question is shown, which needs the interview's body).

        Candidates come from the postings of the query's rarer terms; a term in more than
        ``COMMON_SHARE`` of all questions (and ``COMMON_MIN``) only adds to the scores of those
        candidates, so a query never walks the postings of a term half the corpus uses."""
        slot = self._slot_of.get(interview_id)
        doc = self._first_doc.get((slot, number)) if slot is not None else None
        if doc is None:
            return []
        counts: dict[int, int] = {}
        for t in self._doc_terms[doc]:
            counts[t] = counts.get(t, 0) + 1
        terms = sorted((t for t in counts if self._idf[t] > 0), key=lambda t: len(self._postings[t]))
        common_df = max(COMMON_MIN, int(COMMON_SHARE * len(self._doc_terms)))
        rare = [t for t in terms if len(self._postings[t]) <= common_df] or terms[:1]
        common = terms[len(rare):]
        scores: dict[int, float] = {}
        shared: dict[int, list[int]] = {}
        doc_iv = self._doc_iv
        for t in rare:
            idf = self._idf[t]
            wq = self._weight(counts[t]) * idf
            for posting in self._postings[t]:
                other = posting >> _TF_BITS
                if doc_iv[other] == slot:
                    continue  # the same interview: the reader is already there
                scores[other] = scores.get(other, 0.0) + wq * self._weight(posting & _TF_MAX) * idf
                shared.setdefault(other, []).append(t)
        for other in scores:
            ids = self._doc_terms[other]
            for t in common:
                tf = ids.count(t)
                if tf:
                    scores[other] += self._weight(counts[t]) * self._weight(tf) * self._idf[t] ** 2
                    shared[other].append(t)
        qnorm = self._norm[doc]
        ranked = sorted(((s / (qnorm * self._norm[o]), o) for o, s in scores.items() if len(shared[o]) >= MIN_SHARED),
                        key=lambda so: (-so[0], so[1]))[:limit]
        return [SimilarQuestion(self._slot_ids[doc_iv[o]], self._doc_num[o], round(score, 6),
                                tuple(sorted(self._terms[t] for t in shared[o])), ())
                for score, o in ranked]
