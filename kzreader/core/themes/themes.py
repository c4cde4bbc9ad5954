"""Themes: topics defined in YAML lexicons and matched against exchanges through word forms.

Lexicon file format (the bundled default is ``kzreader/resources/themes.yaml``)::

    version: 1
    themes:
      - id: energy                      # snake_case, unique
        name_ru: Энергетика и атом
        name_en: Energy and nuclear power
        colour: "#d64541"
        keywords: [газ, атомный, "энерго*", "=ИИ"]
        phrases: [мирный атом]
        exclusions: [сектор Газа]

Entry syntax (keywords, phrases and exclusions alike, word by word):

* ``газ`` — any word form.  The entry is expanded to its likely inflected forms (every form
  of its lexemes in pymorphy3, see :mod:`kzreader.core.search.word_forms`, plus a small table of
  Russian noun and adjective endings for words it does not know, or English ``-s``/``-es``),
  and a text word matches when its Snowball stem equals the stem of one of those forms.
  Stems shorter than
  three letters ("атом" → "ат", "ИИ" → "и") would match unrelated words ("Алма-Ата", the
  conjunction "и"), so for those the folded word must equal one of the expanded forms.
* ``образоват*`` — every word beginning with the prefix (at least three letters).  Snowball
  keeps nouns and adjectives apart (образован / образовательн), so either list both words or
  use a prefix.
* ``=ИИ`` — exactly this word (case-insensitive, ё = е).
* A keyword that is several words ("дата-центр") is matched as a phrase.

Matching is whole-word and case-insensitive through :mod:`kzreader.core.text`, the same
tokeniser and stemmer search uses.  Phrases are consecutive words inside one paragraph
(punctuation between them is ignored).  An exclusion suppresses the theme's matches that
overlap it: "энергетическая безопасность" excluded from *security* keeps that occurrence
out of security while *energy* still counts it.

Score and the rule for carrying a theme
---------------------------------------
A theme's score in a turn is 1 per keyword occurrence plus 2 per phrase occurrence (a
keyword inside a matched phrase of the same theme is not counted again).  An exchange
**carries** a theme when its total score (question + answer) is at least
:data:`MIN_EXCHANGE_SCORE` (2), or the question alone scores at least
:data:`MIN_QUESTION_SCORE` (1) — the question states what the exchange is about, while a
single passing word in a long answer does not.

User lexicons
-------------
The user's file has the same format.  A theme whose id exists in the default replaces the
fields it gives and inherits the others; a new id adds a theme (then name, colour and at
least one keyword or phrase are required).  :func:`reload` keeps the last good lexicon in
force when the file is broken and returns the error, whose message names the line.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from itertools import compress
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from .. import text as _text
from ..atomic import write_atomic
from ..search.word_forms import form_words
from ..model import Exchange, Interview

MIN_EXCHANGE_SCORE = 2
MIN_QUESTION_SCORE = 1
KEYWORD_WEIGHT = 1
PHRASE_WEIGHT = 2
MIN_SAFE_STEM = 3  # shorter stems need an exact word-form match (see module doc)
MIN_PREFIX = 3
LEXICON_VERSION = 1
DEFAULT_LEXICON_PATH = Path(__file__).resolve().parents[2] / "resources" / "themes.yaml"

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LIST_FIELDS = ("keywords", "phrases", "exclusions")
_FIELDS = ("id", "name_ru", "name_en", "colour") + _LIST_FIELDS

# Endings used to expand a Russian entry into the forms whose stems it should match.  The
# union of noun and adjective endings: an odd form only adds a stem of the same root.
_RU_ENDINGS = (
    "", "а", "я", "у", "ю", "о", "е", "ё", "ы", "и", "ь", "й",
    "ом", "ем", "ём", "ой", "ей", "ою", "ею", "ов", "ев", "ам", "ям", "ами", "ями", "ах", "ях",
    "ью", "ия", "ии", "ию", "ие", "ий", "ием", "иям", "иями", "иях", "ией",
    "ый", "ая", "яя", "ое", "ее", "ые", "ого", "его", "ому", "ему", "ым", "им", "ых", "их",
    "ыми", "ими", "ую", "юю",
)
# Endings stripped from an entry (usually given in its dictionary form) to find the base
# the endings above attach to; longest first.
_RU_LEMMA_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ия", "ие",
                     "а", "я", "о", "е", "ы", "и", "й", "ь")


class LexiconError(Exception):
    """A lexicon file that cannot be used; the message is for the user and names the line."""

    def __init__(self, message: str, line: int | None = None, path: str | None = None):
        self.line = line
        self.path = path
        where = ""
        if path:
            where = f"{path}: "
        if line is not None:
            where += f"line {line}: "
        super().__init__(where + message)


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    name_ru: str
    name_en: str
    colour: str  # "#rrggbb"
    keywords: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()

    def name(self, language: str = "ru") -> str:
        if language == "ru":
            return self.name_ru or self.name_en or self.id
        return self.name_en or self.name_ru or self.id

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name_ru": self.name_ru,
            "name_en": self.name_en,
            "colour": self.colour,
            "keywords": list(self.keywords),
            "phrases": list(self.phrases),
            "exclusions": list(self.exclusions),
        }


def validate_theme(theme: Theme) -> list[str]:
    """Problems that would make ``theme`` unusable, as user-facing messages (empty if fine)."""
    problems = []
    if not _ID.match(theme.id or ""):
        problems.append(f"theme id {theme.id!r} must be lower-case letters, digits and _")
    if not (theme.name_ru or theme.name_en):
        problems.append(f"theme {theme.id!r} needs a name")
    if not _COLOUR.match(theme.colour or ""):
        problems.append(f"theme {theme.id!r}: colour {theme.colour!r} is not #rrggbb")
    if not (theme.keywords or theme.phrases):
        problems.append(f"theme {theme.id!r} needs at least one keyword or phrase")
    for entry in theme.keywords + theme.phrases + theme.exclusions:
        msg = _entry_problem(entry)
        if msg:
            problems.append(f"theme {theme.id!r}: {msg}")
    return problems


def _entry_problem(entry: str) -> str | None:
    if not isinstance(entry, str) or not _text.words(entry):
        return f"entry {entry!r} has no words"
    for w in entry.split():
        if w.endswith("*") and len(_text.fold(w.rstrip("*").lstrip("="))) < MIN_PREFIX:
            return f"prefix {w!r} is shorter than {MIN_PREFIX} letters"
    return None


@dataclass(frozen=True)
class Lexicon:
    """An ordered, immutable set of themes."""

    themes: tuple[Theme, ...] = ()

    def __post_init__(self):
        ids = [t.id for t in self.themes]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate theme ids")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def get(self, theme_id: str) -> Theme | None:
        for t in self.themes:
            if t.id == theme_id:
                return t
        return None

    def with_theme(self, theme: Theme) -> "Lexicon":
        """A copy with ``theme`` replacing the one with the same id, or appended."""
        out = list(self.themes)
        for i, t in enumerate(out):
            if t.id == theme.id:
                out[i] = theme
                break
        else:
            out.append(theme)
        return Lexicon(tuple(out))

    def differing_from(self, base: "Lexicon") -> tuple[Theme, ...]:
        """Themes that are new or changed relative to ``base`` (what a user file must hold)."""
        return tuple(t for t in self.themes if base.get(t.id) != t)

    # -- loading -----------------------------------------------------------------------
    @classmethod
    def load_default(cls) -> "Lexicon":
        data = DEFAULT_LEXICON_PATH.read_text("utf-8")
        return cls(tuple(_themes_from_text(data, str(DEFAULT_LEXICON_PATH), base=None)))

    @classmethod
    def load_file(cls, path: str | os.PathLike, base: "Lexicon | None" = None) -> "Lexicon":
        """Load a lexicon file; with ``base``, the file extends/overrides it by theme id.

        Raises LexiconError (with the line) for unreadable files, bad YAML or bad themes.
        """
        try:
            data = Path(path).read_text("utf-8")
        except UnicodeDecodeError as e:
            raise LexiconError(f"not UTF-8 text ({e.reason})", path=str(path)) from None
        except OSError as e:
            raise LexiconError(f"cannot read: {e.strerror or e}", path=str(path)) from None
        return cls.from_text(data, str(path), base)

    @classmethod
    def from_text(cls, data: str, name: str = "<text>", base: "Lexicon | None" = None) -> "Lexicon":
        themes = _themes_from_text(data, name, base)
        if base is None:
            return cls(tuple(themes))
        merged = base
        for t in themes:
            merged = merged.with_theme(t)
        return merged


def _themes_from_text(data: str, name: str, base: Lexicon | None) -> list[Theme]:
    try:
        # compose first: the node tree keeps line numbers for the checks below
        root = yaml.compose(data, Loader=yaml.SafeLoader)
        doc = yaml.safe_load(data)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e)
        raise LexiconError(f"invalid YAML: {problem}", line, name) from None
    if doc is None:
        return []  # an empty user file adds nothing
    if not isinstance(doc, dict) or not isinstance(doc.get("themes", []), list):
        raise LexiconError("expected a mapping with a 'themes' list", _line(root), name)
    version = doc.get("version", LEXICON_VERSION)
    if version != LEXICON_VERSION:
        raise LexiconError(f"unsupported lexicon version {version!r}", _line(root), name)
    theme_nodes = _child(root, "themes")
    out: list[Theme] = []
    seen: set[str] = set()
    for i, raw in enumerate(doc.get("themes") or []):
        node = theme_nodes.value[i] if theme_nodes is not None else None
        line = _line(node)
        if not isinstance(raw, dict):
            raise LexiconError("each theme must be a mapping (id:, name_ru:, ...)", line, name)
        unknown = sorted(set(map(str, raw)) - set(_FIELDS))
        if unknown:
            raise LexiconError(f"unknown field {unknown[0]!r}", _line(_key(node, unknown[0])), name)
        tid = raw.get("id")
        if not isinstance(tid, str) or not _ID.match(tid):
            raise LexiconError(f"theme id {tid!r} must be lower-case letters, digits and _",
                               line, name)
        if tid in seen:
            raise LexiconError(f"theme id {tid!r} appears twice", line, name)
        seen.add(tid)
        fields = {}
        for key in ("name_ru", "name_en", "colour"):
            if key in raw:
                if not isinstance(raw[key], str):
                    raise LexiconError(f"{key} must be text", _line(_key(node, key)), name)
                fields[key] = raw[key].strip()
        for key in _LIST_FIELDS:
            if key in raw:
                value = raw[key] if raw[key] is not None else []
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise LexiconError(f"{key} must be a list of text", _line(_key(node, key)), name)
                fields[key] = tuple(v.strip() for v in value if v.strip())
        old = base.get(tid) if base is not None else None
        if old is not None:
            theme = replace(old, **fields)
        else:
            theme = Theme(
                id=tid,
                name_ru=fields.get("name_ru", ""),
                name_en=fields.get("name_en", ""),
                colour=fields.get("colour", ""),
                keywords=fields.get("keywords", ()),
                phrases=fields.get("phrases", ()),
                exclusions=fields.get("exclusions", ()),
            )
        problems = validate_theme(theme)
        if problems:
            raise LexiconError(problems[0], line, name)
        out.append(theme)
    return out


def _line(node) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _child(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v if isinstance(v, yaml.SequenceNode) else None
    return None


def _key(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, _v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k
    return node


def reload(old: Lexicon, path: str | os.PathLike, base: Lexicon | None = None
           ) -> tuple[Lexicon, LexiconError | None]:
    """Load the user lexicon at ``path`` over ``base`` (default: the bundled lexicon).

    On any error the previous lexicon ``old`` stays in force and the error is returned for
    the user to read.  A missing file means "no user themes": ``base`` alone.
    """
    if base is None:
        base = Lexicon.load_default()
    if not Path(path).exists():
        return base, None
    try:
        return Lexicon.load_file(path, base), None
    except LexiconError as e:
        return old, e


def save_user_lexicon(path: str | os.PathLike, themes: Iterable[Theme],
                      base: Lexicon | None = None) -> None:
    """Write ``themes`` as a user lexicon, atomically (``core.atomic``).

    With ``base``, only themes that are new or differ from it are written, so later
    improvements of the bundled lexicon still reach themes the user never touched.
    """
    themes = tuple(themes)
    for t in themes:
        problems = validate_theme(t)
        if problems:
            raise LexiconError(problems[0])
    if base is not None:
        themes = Lexicon(themes).differing_from(base)
    doc = {"version": LEXICON_VERSION, "themes": [t.to_dict() for t in themes]}
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, body.encode("utf-8"))


# ---------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Match:
    """One matched keyword or phrase occurrence; start/end are offsets in the given text."""

    theme_id: str
    start: int
    end: int
    kind: str  # "keyword" or "phrase"
    entry: str  # the lexicon entry that matched

    @property
    def weight(self) -> int:
        return PHRASE_WEIGHT if self.kind == "phrase" else KEYWORD_WEIGHT


@dataclass(frozen=True, slots=True)
class ThemeHit:
    """A theme's matches in one exchange.  ``spans`` are source offsets, for highlighting."""

    score: int
    question_score: int
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def carried(self) -> bool:
        return carries(self.score, self.question_score)


def carries(score: int, question_score: int) -> bool:
    """The documented rule for when an exchange carries a theme (see module doc)."""
    return score >= MIN_EXCHANGE_SCORE or question_score >= MIN_QUESTION_SCORE


_VOWELS = set("аеёиоуыэюя")


def _ru_bases(word: str) -> set[str]:
    base = word
    for end in _RU_LEMMA_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 2:
            base = word[: -len(end)]
            break
    bases = {base}
    if len(base) >= 4:
        c1, v, c2 = base[-3], base[-2], base[-1]
        # fleeting vowel dropped in other cases: миротворец/миротворца, рынок/рынка,
        # уголь/угля
        if (v in "оеё" and c1 not in _VOWELS and c2 not in _VOWELS
                and (base.endswith(("ец", "ок", "ек", "ёк")) or word.endswith("ь"))):
            bases.add(base[:-2] + c2)
        # vowel inserted in the genitive plural: перевозка/перевозок, торговля/торговель
        if (base != word and word[-1] in "аяо" and base[-1] not in _VOWELS
                and base[-2] not in _VOWELS and base[-1] not in "йь"):
            bases.update(base[:-1] + v2 + base[-1] for v2 in "ое")
    return bases


def _ru_forms(word: str) -> set[str]:
    forms = {word}
    for base in _ru_bases(word):
        forms.update(base + e for e in _RU_ENDINGS)
    return forms


def _word_forms(word: str) -> set[str]:
    w = _text.fold(word)
    if len(w) <= 2:
        return {w}
    if _CYRILLIC.search(w):
        # pymorphy3's lexeme has the forms Snowball stems apart (урожай / урожая); the
        # ending table covers words its dictionary does not know
        return _ru_forms(w) | form_words(w)
    if w.isascii() and w.isalpha():
        return {w, w + "s", w + "es"}
    return {w}


class ThemeIndex:
    """A lexicon compiled for fast matching; build once per lexicon and reuse.

    Each distinct word matcher ("atom") gets an id; a per-word cache maps every text word
    seen so far to the atoms it matches, so tagging a corpus is mostly dict look-ups.
    """

    _CACHE_LIMIT = 400_000

    @classmethod
    def compiled(cls, lexicon: Lexicon) -> "ThemeIndex":
        """The index of ``lexicon``, compiled once per process and lexicon (expanding every
        entry into its word forms takes about 1.5 s): the window, its loader thread and
        each parse worker (which receives it pickled) share one compilation."""
        key = lexicon_key(lexicon)
        index = _COMPILED.get(key)
        if index is None or index.lexicon != lexicon:
            index = cls(lexicon)
            _COMPILED.clear()  # only the lexicon in use is worth keeping
            _COMPILED[key] = index
        return index

    def adopt(self) -> "ThemeIndex":
        """Make this index (e.g. unpickled in a worker) the one :meth:`compiled` returns for
        its lexicon."""
        _COMPILED.clear()
        _COMPILED[lexicon_key(self.lexicon)] = self
        return self

    def __getstate__(self) -> dict:
        # the per-word memo grows with the corpus; a new process starts without it
        state = {k: getattr(self, k) for k in self.__dict__ if k not in ("_cache", "_sets")}
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cache = {}
        self._sets = {}

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.theme_ids: tuple[str, ...] = lexicon.ids
        self._atoms: dict[tuple[str, str], int] = {}
        self._stem_atoms: dict[str, set[int]] = {}
        self._exact_atoms: dict[str, set[int]] = {}
        self._prefix_atoms: list[tuple[str, int]] = []
        # first atom -> [(atoms sequence, theme index, kind, entry)]
        self._patterns: dict[int, list[tuple[tuple[int, ...], int, str, str]]] = {}
        self._exclusions: dict[int, list[tuple[tuple[int, ...], int]]] = {}
        self._cache: dict[str, tuple[int, ...]] = {}
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        for ti, theme in enumerate(lexicon.themes):
            for entry in theme.keywords:
                seq = self._compile_entry(entry)
                kind = "keyword" if len(seq) == 1 else "phrase"
                if seq:
                    self._patterns.setdefault(seq[0], []).append((seq, ti, kind, entry))
            for entry in theme.phrases:
                seq = self._compile_entry(entry)
                if seq:
                    self._patterns.setdefault(seq[0], []).append((seq, ti, "phrase", entry))
            for entry in theme.exclusions:
                seq = self._compile_entry(entry)
                if seq:
                    self._exclusions.setdefault(seq[0], []).append((seq, ti))
        for lst in self._patterns.values():  # longest first: a phrase wins over its words
            lst.sort(key=lambda p: -len(p[0]))

    # -- compiling ---------------------------------------------------------------------
    def _compile_entry(self, entry: str) -> tuple[int, ...]:
        out = []
        for piece in entry.split():
            exact = piece.startswith("=")
            prefix = piece.endswith("*")
            core = piece.lstrip("=").rstrip("*")
            parts = _text.words(core)  # hyphenated pieces split like text does
            for k, w in enumerate(parts):
                if prefix and k == len(parts) - 1:
                    out.append(self._atom("prefix", _text.fold(w)))
                elif exact:
                    out.append(self._atom("exact", _text.fold(w)))
                else:
                    out.append(self._atom("word", _text.fold(w)))
        return tuple(out)

    def _atom(self, kind: str, value: str) -> int:
        key = (kind, value)
        if key in self._atoms:
            return self._atoms[key]
        aid = len(self._atoms)
        self._atoms[key] = aid
        if kind == "prefix":
            self._prefix_atoms.append((value, aid))
        elif kind == "exact":
            self._exact_atoms.setdefault(value, set()).add(aid)
        else:
            for form in _word_forms(value):
                s = _text.stem(form)
                if len(s) >= MIN_SAFE_STEM:
                    self._stem_atoms.setdefault(s, set()).add(aid)
                else:
                    self._exact_atoms.setdefault(form, set()).add(aid)
        return aid

    def _atoms_of(self, word: str) -> tuple[int, ...]:
        f = _text.fold(word)
        ids = set(self._stem_atoms.get(_text.stem(word), ()))
        ids.update(self._exact_atoms.get(f, ()))
        for p, aid in self._prefix_atoms:
            if f.startswith(p):
                ids.add(aid)
        return tuple(sorted(ids))

    def _lookup(self, words: Sequence[str]) -> list[tuple[int, ...]]:
        return _text.memo_map(self._cache, self._atoms_of, words, self._CACHE_LIMIT)

    # -- matching ----------------------------------------------------------------------
    def _match_atoms(self, atoms: list[tuple[int, ...]]) -> list[tuple[int, int, int, str, str]]:
        """(theme index, first token, end token, kind, entry) for one token run."""
        n = len(atoms)
        found: list[tuple[int, int, int, str, str]] = []
        excluded: dict[int, list[tuple[int, int]]] = {}
        for i in compress(range(n), atoms):  # only words that match some atom
            for a in atoms[i]:
                for seq, ti, kind, entry in self._patterns.get(a, ()):
                    if self._seq_at(atoms, i, seq, n):
                        found.append((ti, i, i + len(seq), kind, entry))
                for seq, ti in self._exclusions.get(a, ()):
                    if self._seq_at(atoms, i, seq, n):
                        excluded.setdefault(ti, []).append((i, i + len(seq)))
        if not found:
            return found
        # per theme: drop matches inside exclusions, then overlaps (longer/earlier wins)
        found.sort(key=lambda m: (m[0], m[1], -(m[2] - m[1])))
        out = []
        last_theme, last_end = -1, -1
        for m in found:
            ti, s, e = m[0], m[1], m[2]
            if any(s < xe and xs < e for xs, xe in excluded.get(ti, ())):
                continue
            if ti == last_theme and s < last_end:
                continue
            out.append(m)
            last_theme, last_end = ti, e
        return out

    @staticmethod
    def _seq_at(atoms, i: int, seq: tuple[int, ...], n: int) -> bool:
        if i + len(seq) > n:
            return False
        for k, a in enumerate(seq):
            if a not in atoms[i + k]:
                return False
        return True

    def match_text(self, text: str) -> list[Match]:
        """Every kept match in ``text`` (one paragraph), with offsets into ``text``."""
        toks = _text.tokens(text)
        atoms = self._lookup([text[t.start:t.end] for t in toks])
        out = []
        for ti, s, e, kind, entry in self._match_atoms(atoms):
            out.append(Match(self.theme_ids[ti], toks[s].start, toks[e - 1].end, kind, entry))
        out.sort(key=lambda m: (m.start, m.theme_id))
        return out

    def _word_scores(self, words: Sequence[str], scores: list[int]) -> None:
        atoms = self._lookup(words)
        if not any(atoms):
            return
        for ti, _s, _e, kind, _entry in self._match_atoms(atoms):
            scores[ti] += PHRASE_WEIGHT if kind == "phrase" else KEYWORD_WEIGHT

    def themes_of_words(self, question: Iterable[Sequence[str]],
                        answer: Iterable[Sequence[str]]) -> frozenset[str]:
        """The themes an exchange carries, from its turns' words, paragraph by paragraph.

        Words may be folded or not; matching folds them anyway.
        """
        n = len(self.theme_ids)
        q = [0] * n
        for words in question:
            self._word_scores(words, q)
        a = [0] * n
        for words in answer:
            self._word_scores(words, a)
        found = frozenset(self.theme_ids[i] for i in range(n)
                          if (q[i] or a[i]) and carries(q[i] + a[i], q[i]))
        # a corpus has few distinct theme sets: share them instead of one per exchange
        return self._sets.setdefault(found, found)

    def exchange_themes(self, exchange: Exchange) -> frozenset[str]:
        """Ids of the themes ``exchange`` carries (the fast path: no offsets)."""
        return self.themes_of_words((_text.words(p.text) for p in exchange.question.paragraphs),
                                    (_text.words(p.text) for p in exchange.answer.paragraphs))

    def tag_exchange(self, exchange: Exchange) -> dict[str, ThemeHit]:
        """Every theme with at least one match in ``exchange``, with scores and source spans.

        Themes whose hit is not ``carried`` are included too (the reading pane may still
        highlight them); use :attr:`ThemeHit.carried` for the rule.
        """
        acc: dict[str, list] = {}
        for role, turn in (("q", exchange.question), ("a", exchange.answer)):
            for p in turn.paragraphs:
                for m in self.match_text(p.text):
                    rec = acc.setdefault(m.theme_id, [0, 0, []])
                    rec[0] += m.weight
                    if role == "q":
                        rec[1] += m.weight
                    rec[2].append((p.start + m.start, p.start + m.end))
        order = {tid: i for i, tid in enumerate(self.theme_ids)}
        return {tid: ThemeHit(r[0], r[1], tuple(sorted(r[2])))
                for tid, r in sorted(acc.items(), key=lambda kv: order[kv[0]])}


def tag_exchange(lexicon: Lexicon | ThemeIndex, exchange: Exchange) -> dict[str, ThemeHit]:
    index = lexicon if isinstance(lexicon, ThemeIndex) else ThemeIndex(lexicon)
    return index.tag_exchange(exchange)


# ---------------------------------------------------------------------------------------
# Corpus tagging
# ---------------------------------------------------------------------------------------

@dataclass
class CorpusThemes:
    """Which exchanges carry which themes across a corpus, and the counts the GUI shows.

    ``exchange_themes[iid][k]`` is the set of theme ids carried by the interview's k-th
    exchange (0-based; exchange number k+1).  Counts are numbers of exchanges.
    """

    theme_ids: tuple[str, ...] = ()
    exchange_themes: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    corpus_counts: dict[str, int] = field(default_factory=dict)
    interview_counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, interview_id: str, per_exchange: Sequence[frozenset[str]]) -> None:
        if interview_id in self.exchange_themes:
            self.remove(interview_id)
        per_exchange = tuple(per_exchange)
        self.exchange_themes[interview_id] = per_exchange
        counts: dict[str, int] = {}
        for themes in per_exchange:
            for tid in themes:
                counts[tid] = counts.get(tid, 0) + 1
        self.interview_counts[interview_id] = counts
        for tid, c in counts.items():
            self.corpus_counts[tid] = self.corpus_counts.get(tid, 0) + c

    def remove(self, interview_id: str) -> None:
        self.exchange_themes.pop(interview_id, None)
        for tid, c in self.interview_counts.pop(interview_id, {}).items():
            self.corpus_counts[tid] -= c

    def count(self, theme_id: str, interview_id: str | None = None) -> int:
        if interview_id is None:
            return self.corpus_counts.get(theme_id, 0)
        return self.interview_counts.get(interview_id, {}).get(theme_id, 0)

    def exchange_count(self, interview_id: str) -> int:
        return len(self.exchange_themes.get(interview_id, ()))

    def share(self, interview_id: str, theme_id: str) -> float:
        """The fraction of the interview's exchanges that carry the theme (0 if none)."""
        n = self.exchange_count(interview_id)
        return self.count(theme_id, interview_id) / n if n else 0.0

    def interviews_with(self, theme_ids: Iterable[str], require_all: bool = False) -> list[str]:
        """Interview ids (in insertion order) carrying any (or all) of ``theme_ids``.

        An empty selection means no filter: every interview.
        """
        wanted = set(theme_ids)
        if not wanted:
            return list(self.exchange_themes)
        out = []
        for iid, counts in self.interview_counts.items():
            have = {t for t, c in counts.items() if c}
            if (wanted <= have) if require_all else (wanted & have):
                out.append(iid)
        return out

    def exchanges_with(self, interview_id: str, theme_ids: Iterable[str],
                       require_all: bool = False) -> list[int]:
        """1-based numbers of the interview's exchanges carrying any (or all) of the themes.

        An empty selection means every exchange.
        """
        wanted = set(theme_ids)
        per = self.exchange_themes.get(interview_id, ())
        if not wanted:
            return list(range(1, len(per) + 1))
        return [k + 1 for k, themes in enumerate(per)
                if ((wanted <= themes) if require_all else (wanted & themes))]


_COMPILED: dict[str, ThemeIndex] = {}  # lexicon_key -> index, see ThemeIndex.compiled


def tag_interview(index: ThemeIndex, interview: Interview) -> tuple[frozenset[str], ...]:
    return tuple(index.exchange_themes(ex) for ex in interview.exchanges)


# Bumped when matching changes, so tags stored under the old rules are made again.
MATCHER_VERSION = 2  # 2: entries match every form in pymorphy3's lexeme


def lexicon_key(lexicon: Lexicon) -> str:
    """A digest of everything that decides tags, so stored tags can be checked against it."""
    data = json.dumps([MATCHER_VERSION, [t.to_dict() for t in lexicon.themes]],
                      ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def tag_corpus(lexicon: Lexicon | ThemeIndex, interviews: Iterable[Interview]) -> CorpusThemes:
    """Tag every exchange of every interview; re-run it after the lexicon changes."""
    index = lexicon if isinstance(lexicon, ThemeIndex) else ThemeIndex(lexicon)
    result = CorpusThemes(index.theme_ids)
    for iv in interviews:
        result.add(iv.id, tag_interview(index, iv))
    return result
