"""File formats: each turns file bytes into a *derived text* the parser reads (Markdown-like,
deterministic), plus metadata, warnings and the clutter ranges it marked removed.

``FORMATS`` is the one table of what kzreader opens: a file suffix → its format's name and
its converter (``bytes -> Derived``; raises ``decoding.SourceError`` with a message for the
user).  Adding an input format is adding its converter module and one entry per suffix here;
the file finder, the file dialog and the reader all take the suffixes from this table.
Qt-free; nothing here touches the network.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from ..decoding import decode_text, normalise_newlines
from .derived import Derived


class Format(NamedTuple):
    name: str  # Source.format
    convert: Callable[[bytes], Derived]


def plain_text(data: bytes) -> Derived:
    text, enc, warnings = decode_text(data)
    return Derived(normalise_newlines(text), enc, warnings=warnings)


# The rich converters are imported when the first file of theirs is read: together they cost
# about 20 ms of import, which a worker reading only .txt files need not pay.
def _markdown(data: bytes) -> Derived:
    from .markdown import markdown_to_derived

    return markdown_to_derived(data)


def _html(data: bytes) -> Derived:
    from .html import html_to_derived

    return html_to_derived(data)


def _docx(data: bytes) -> Derived:
    from .docx import docx_to_derived

    return docx_to_derived(data)


_TXT = Format("txt", plain_text)
_MD = Format("md", _markdown)
_HTML = Format("html", _html)
_DOCX = Format("docx", _docx)

FORMATS: dict[str, Format] = {
    ".txt": _TXT,
    ".md": _MD,
    ".markdown": _MD,
    ".html": _HTML,
    ".htm": _HTML,
    ".docx": _DOCX,
}
SUPPORTED_SUFFIXES = tuple(FORMATS)


def format_for(suffix: str) -> Format:
    """The format of a file with this suffix; any other suffix (a file named on the command
    line) is read as plain text."""
    return FORMATS.get(suffix.lower(), _TXT)


__all__ = ["Derived", "FORMATS", "Format", "SUPPORTED_SUFFIXES", "format_for", "plain_text"]
