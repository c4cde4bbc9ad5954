"""File formats other than plain text: each turns file bytes into a *derived text* the parser
reads (Markdown-like, deterministic), plus metadata and the clutter ranges it marked removed.

Public API: ``convert(suffix, data) -> Derived | None`` (None: read the file as plain text)
and the ``Derived`` record.  Qt-free; nothing here touches the network.
"""
from __future__ import annotations

from .derived import Derived

HTML_SUFFIXES = (".html", ".htm")
DOCX_SUFFIXES = (".docx",)
MARKDOWN_SUFFIXES = (".md", ".markdown")


def format_of(suffix: str) -> str:
    s = suffix.lower()
    if s in HTML_SUFFIXES:
        return "html"
    if s in DOCX_SUFFIXES:
        return "docx"
    if s in MARKDOWN_SUFFIXES:
        return "md"
    return "txt"


def convert(suffix: str, data: bytes) -> Derived | None:
    """Bytes of a file with this suffix → Derived, or None for plain text.
    Raises sources.SourceError with a user-facing message."""
    fmt = format_of(suffix)
    if fmt == "html":
        from .html import html_to_derived

        return html_to_derived(data)
    if fmt == "docx":
        from .docx import docx_to_derived

        return docx_to_derived(data)
    return None


__all__ = ["Derived", "convert", "format_of", "HTML_SUFFIXES", "DOCX_SUFFIXES", "MARKDOWN_SUFFIXES"]
