"""The in-memory model of a parsed interview.

Offsets are Python string offsets into the *decoded* source text (after line endings are
normalised to "\\n").  A paragraph's ``text`` is always ``source[start:end]`` with each
newline replaced by a space, so a position inside a paragraph maps to the source as
``start + i`` without any lookup table.
"""
from __future__ import annotations

from dataclasses import dataclass
import hashlib


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
    warnings: tuple[str, ...] = ()
    encoding: str = "utf-8"
    format: str = "txt"
    source_hash: str = ""  # sha256 of the decoded text, for bookmark anchoring
    size: int = 0  # bytes on disk
    mtime: float = 0.0

    @property
    def exchange_count(self) -> int:
        # a property so that an interview whose body is not loaded can answer without loading it
        return len(self.exchanges)

    @property
    def lead_text(self) -> str:
        return "\n\n".join(p.text for p in self.lead)

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        from pathlib import PurePath

        return PurePath(self.path).stem if self.path else "(untitled)"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str
    severity: str = "error"  # "error": not loaded; "warning": loaded with warnings


def interview_id(path: str) -> str:
    """A stable id derived from the file's path, so it survives edits of the file."""
    return hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
