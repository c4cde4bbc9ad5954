"""The in-memory model of a parsed interview.

Offsets are Python string offsets into the *decoded* source text (after line endings are
normalised to "\\n").  A paragraph's ``text`` is always ``source[start:end]`` with each
newline replaced by a space, so a position inside a paragraph maps to the source as
``start + i`` without any lookup table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
import hashlib

from .messages import Message, Text


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Turn:
    role: str  # "question" or "answer"
    paragraphs: tuple[Paragraph, ...]
    speaker: str | None = None
    # the dash or speaker label that introduced the turn, as (start, end); None if unmarked
    marker: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def start(self) -> int:
        return self.paragraphs[0].start if self.paragraphs else 0

    @property
    def end(self) -> int:
        return self.paragraphs[-1].end if self.paragraphs else 0


@dataclass(frozen=True, slots=True)
class Exchange:
    number: int  # 1-based
    question: Turn
    answer: Turn

    @property
    def text(self) -> str:
        return self.question.text + "\n\n" + self.answer.text


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of source text that is not reading text: page junk or metadata."""

    start: int
    end: int
    kind: str  # for removed spans: why ("junk", "counter", "credit", ...); for metadata: field name
    text: str


@dataclass(frozen=True, slots=True)
class Interview:
    id: str
    path: str
    title: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD"
    interviewee: str | None = None
    role: str | None = None
    interviewer: str | None = None
    source: str | None = None  # outlet name
    url: str | None = None
    language: str = "ru"
    lead: tuple[Paragraph, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    removed: tuple[Span, ...] = ()
    metadata_spans: tuple[Span, ...] = ()
    warnings: tuple[Message, ...] = ()  # core.messages
    encoding: str = "utf-8"
    format: str = "txt"
    source_hash: str = ""  # sha256 of the decoded text, for bookmark anchoring
    size: int = 0  # bytes on disk
    mtime: float = 0.0
    # the opening words of the lead (or of the first question), for a title when the file has
    # none; None: not worked out yet (then display_title reads the body)
    opening: str | None = field(default=None, compare=False)

    @property
    def exchange_count(self) -> int:
        # a property so that an interview whose body is not loaded can answer without loading it
        return len(self.exchanges)

    @property
    def lead_text(self) -> str:
        return "\n\n".join(p.text for p in self.lead)

    @property
    def title_is_derived(self) -> bool:
        """True when the file gave no title and ``display_title`` is made up from the rest."""
        return not self.title

    @property
    def display_title(self) -> str:
        """The title; without one, a readable stand-in in square brackets (the cataloguers'
        mark for a supplied title): the interviewee and date, else the opening words of the
        lead with the date, else the file name."""
        if self.title:
            return self.title
        opening = self.opening if self.opening is not None else opening_words(self)
        first = self.interviewee or opening
        if first:
            return "[" + ", ".join(p for p in (first, self.date) if p) + "]"
        from pathlib import PurePath

        return PurePath(self.path).stem if self.path else "(untitled)"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: Text  # a core.messages.Message (the GUI translates it), or text a GUI part made
    severity: str = "error"  # "error": not loaded; "warning": loaded with warnings

    def as_json(self) -> dict:
        """For ``--json`` output: the path, the message's code (None for text a GUI part made)
        and its English text."""
        code = self.message.code if isinstance(self.message, Message) else None
        return {"path": self.path, "code": code, "message": str(self.message)}


OPENING_CHARS = 60


def opening_words(iv: Interview) -> str:
    """The first words of the lead, or of the first question when there is no lead, cut at a
    word within OPENING_CHARS characters ("…" marks the cut)."""
    paragraphs = iv.lead or (iv.exchanges[0].question.paragraphs if iv.exchanges else ())
    # without the turn's dash, which the question's text keeps
    text = " ".join(paragraphs[0].text.split()).lstrip("—–-― ") if paragraphs else ""
    if len(text) <= OPENING_CHARS:
        return text
    cut = text[:OPENING_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:—-–")
    # a quotation the cut leaves open is closed after the ellipsis: «Между…», not «Между…
    closing = "".join(c for o, c in _QUOTE_PAIRS if cut.count(o) > cut.count(c))
    if cut.count('"') % 2:
        closing += '"'
    return cut + "…" + closing


_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"))


def interview_id(path: str) -> str:
    """A stable id derived from the file's path, so it survives edits of the file."""
    return hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
