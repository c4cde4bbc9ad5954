"""Theme lexicons: topics defined in YAML, validated, loaded (the bundled default, the
user's own file over it) and saved.  Matching them is ``matching``, tagging a corpus ``themes``.

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
  of its lexemes in pymorphy3, which predicts them for words its dictionary does not know,
  see :mod:`kzreader.core.search.word_forms`; English ``-s``/``-es``), and a text word matches
  when its Snowball stem equals the stem of one of those forms.  Only the entry's own lexemes
  count: a related word of another part of speech (груз / грузовой) is an entry of its own.
  Stems shorter than
  three letters ("атом" → "ат", "ИИ" → "и") would match unrelated words ("Алма-Ата", the
  conjunction "и"), so for those the folded word must equal one of the expanded forms.
* ``образоват*`` — every word beginning with the prefix (at least three letters).  Snowball
  keeps nouns and adjectives apart (образован / образовательн), so either list both words or
  use a prefix.
* ``=ИИ`` — exactly this word (case-insensitive, ё = е).
* A keyword that is several words ("дата-центр") is matched as a phrase.

User lexicons
-------------
The user's file has the same format.  A theme whose id exists in the default replaces the
fields it gives and inherits the others; a new id adds a theme (then name, colour and at
least one keyword or phrase are required).  :func:`reload` keeps the last good lexicon in
force when the file is broken and returns the error, whose message names the line.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

import yaml

from .. import messages as msg
from .. import text as _text
from ..atomic import write_atomic
from ..messages import Message

MIN_PREFIX = 3
LEXICON_VERSION = 1
DEFAULT_LEXICON_PATH = Path(__file__).resolve().parents[2] / "resources" / "themes.yaml"

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LIST_FIELDS = ("keywords", "phrases", "exclusions")
_FIELDS = ("id", "name_ru", "name_en", "colour") + _LIST_FIELDS


class LexiconError(Exception):
    """A lexicon file that cannot be used: ``message`` (a Message) says why, ``path`` and
    ``line`` where; ``str()`` is all of it in English."""

    def __init__(self, message: Message, line: int | None = None, path: str | None = None):
        self.message = message
        self.line = line
        self.path = path
        where = ""
        if path:
            where = f"{path}: "
        if line is not None:
            where += f"line {line}: "
        super().__init__(where + str(message))


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


def validate_theme(theme: Theme) -> list[Message]:
    """Problems that would make ``theme`` unusable (empty if fine)."""
    problems = []
    tid = repr(theme.id)
    if not _ID.match(theme.id or ""):
        problems.append(Message(msg.THEME_BAD_ID, id=tid))
    if not (theme.name_ru or theme.name_en):
        problems.append(Message(msg.THEME_NO_NAME, id=tid))
    if not _COLOUR.match(theme.colour or ""):
        problems.append(Message(msg.THEME_BAD_COLOUR, id=tid, colour=repr(theme.colour)))
    if not (theme.keywords or theme.phrases):
        problems.append(Message(msg.THEME_NO_KEYWORDS, id=tid))
    for entry in theme.keywords + theme.phrases + theme.exclusions:
        problem = _entry_problem(tid, entry)
        if problem:
            problems.append(problem)
    return problems


def _entry_problem(tid: str, entry: str) -> Message | None:
    if not isinstance(entry, str) or not _text.words(entry):
        return Message(msg.THEME_ENTRY_NO_WORDS, id=tid, entry=repr(entry))
    for w in entry.split():
        if w.endswith("*") and len(_text.fold(w.rstrip("*").lstrip("="))) < MIN_PREFIX:
            return Message(msg.THEME_PREFIX_SHORT, id=tid, prefix=repr(w), letters=MIN_PREFIX)
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
            raise LexiconError(Message(msg.LEXICON_NOT_UTF8, reason=e.reason), path=str(path)) from None
        except OSError as e:
            raise LexiconError(Message(msg.CANNOT_READ, reason=e.strerror or e), path=str(path)) from None
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
    # PyYAML's C build of SafeLoader when there (the same safe constructors): the default
    # lexicon loads in 2.4 ms of CPU instead of 28, before the first interview shows
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(data)
    try:
        # the node tree keeps line numbers for the checks below
        root = loader.get_single_node()
        doc = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e)
        raise LexiconError(Message(msg.LEXICON_BAD_YAML, problem=problem), line, name) from None
    finally:
        loader.dispose()
    if doc is None:
        return []  # an empty user file adds nothing
    if not isinstance(doc, dict) or not isinstance(doc.get("themes", []), list):
        raise LexiconError(Message(msg.LEXICON_NOT_MAPPING), _line(root), name)
    version = doc.get("version", LEXICON_VERSION)
    if version != LEXICON_VERSION:
        raise LexiconError(Message(msg.LEXICON_VERSION, version=repr(version)), _line(root), name)
    theme_nodes = _child(root, "themes")
    out: list[Theme] = []
    seen: set[str] = set()
    for i, raw in enumerate(doc.get("themes") or []):
        node = theme_nodes.value[i] if theme_nodes is not None else None
        line = _line(node)
        if not isinstance(raw, dict):
            raise LexiconError(Message(msg.THEME_NOT_MAPPING), line, name)
        unknown = sorted(set(map(str, raw)) - set(_FIELDS))
        if unknown:
            raise LexiconError(Message(msg.THEME_UNKNOWN_FIELD, field=repr(unknown[0])), _line(_key(node, unknown[0])), name)
        tid = raw.get("id")
        if not isinstance(tid, str) or not _ID.match(tid):
            raise LexiconError(Message(msg.THEME_BAD_ID, id=repr(tid)), line, name)
        if tid in seen:
            raise LexiconError(Message(msg.THEME_ID_TWICE, id=repr(tid)), line, name)
        seen.add(tid)
        fields = {}
        for key in ("name_ru", "name_en", "colour"):
            if key in raw:
                if not isinstance(raw[key], str):
                    raise LexiconError(Message(msg.THEME_FIELD_NOT_TEXT, field=key), _line(_key(node, key)), name)
                fields[key] = raw[key].strip()
        for key in _LIST_FIELDS:
            if key in raw:
                value = raw[key] if raw[key] is not None else []
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise LexiconError(Message(msg.THEME_FIELD_NOT_LIST, field=key), _line(_key(node, key)), name)
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
