"""Bytes → text: the encoding (BOM, UTF-8 even when damaged, else the single-byte Cyrillic
encoding that reads as Russian), binary data refused, stray bytes and control characters shown
as U+FFFD with a warning that says on which lines.

Shared by the plain-text reader (``core.sources.sources``) and the format converters
(``core.sources.formats``); it imports neither, so neither imports the other through it.
"""
from __future__ import annotations

import codecs
import re
import threading

from .. import messages as msg
from ..messages import Message


class SourceError(Exception):
    """A file that cannot be read or decoded as text; ``message`` (a Message) says why,
    ``str()`` in English."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name).  Raises SourceError for binary or undecodable data."""
    text, enc, _ = decode_text(data)
    return text, enc


def decode_text(data: bytes) -> tuple[str, str, list[Message]]:
    """Bytes → (text, encoding name, warnings).  Raises SourceError for binary data.

    Damage does not change the encoding: a file that is almost all valid UTF-8 is UTF-8, its
    damaged bytes shown as U+FFFD (one per damaged character), and stray control bytes as well;
    a warning says on which lines."""
    if data.startswith(codecs.BOM_UTF8):
        text, damaged = _utf8(data[3:])
        return _with_warnings(text, "utf-8-sig", damaged)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = data.decode("utf-16", "replace")
        damaged = [i for i, c in enumerate(text) if c == "\ufffd"]
        return _with_warnings(text, "utf-16", damaged)
    sample = data[:_SAMPLE]
    controls = _controls(sample)
    if controls > _BINARY_SHARE * len(sample):
        raise SourceError(Message(msg.BINARY_FILE))
    # UTF-8 and the single-byte encodings keep ASCII, so their text holds control characters
    # only where the bytes hold control bytes: without any, the text need not be searched
    # (a search of every character, about a third of reading a file)
    plain = controls == 0 and (len(data) <= _SAMPLE or _controls(data) == 0)
    try:
        return _with_warnings(data.decode("utf-8"), "utf-8", [], plain)
    except UnicodeDecodeError:
        pass
    spans = _utf8_errors(data)
    if spans is not None and _mostly_utf8(data, spans):
        text, damaged = _utf8(data, spans)
        return _with_warnings(text, "utf-8", damaged, plain)
    text, enc = _detect(data)
    return _with_warnings(text, enc, [], plain and enc in _ASCII_BASED)


# share of control bytes (NUL and C0 but tab, line feed, CR, form feed, escape) above which
# data is binary: random or compressed bytes have about 11 %, a text with a stray NUL ~0
_BINARY_SHARE = 0.02
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
_CONTROL_CHARS = re.compile("[" + "".join(map(chr, _CONTROL_BYTES)) + "]")


_SAMPLE = 65536  # bytes looked at to tell binary data
_ASCII_BASED = ("cp1251", "koi8_r")  # what _detect picks itself; all keep ASCII


def _controls(data: bytes) -> int:
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    return _controls(sample) > _BINARY_SHARE * len(sample)


def _utf8_errors(data: bytes, limit: int = 20_000) -> list[tuple[int, int]] | None:
    """Byte spans of ``data`` that are not UTF-8, each damaged character once: adjacent
    invalid bytes are one span, and so is a multi-byte character with one foreign byte inside
    it.  None when there are more than ``limit`` (then it is not damaged UTF-8)."""
    if data.decode("utf-8", "replace").count("\ufffd") - data.count(b"\xef\xbf\xbd") > limit:
        return None
    _noted.spans = raw = []
    data.decode("utf-8", _NOTE_ERRORS)
    spans: list[list[int]] = []
    for s, e in raw:
        last = spans[-1] if spans else None
        # a control byte beside an invalid one is part of the same damage (a lead byte zeroed)
        if s > 0 and data[s - 1] in _CONTROL_BYTES and (last is None or s - 1 >= last[1]):
            s -= 1
        if e < len(data) and data[e] in _CONTROL_BYTES:
            e += 1
        if last is not None and (s <= last[1] or _one_foreign_byte(data, last[0], last[1], s, e)):
            last[1] = max(last[1], e)
        else:
            spans.append([s, e])
    return [(s, e) for s, e in spans]


# an error handler that notes where decoding failed (per thread: the GUI's loader thread and
# the main thread may decode at once)
_noted = threading.local()
_NOTE_ERRORS = "kzreader-note-errors"


def _note_error(exc: UnicodeDecodeError):
    _noted.spans.append((exc.start, exc.end))
    return "", exc.end


codecs.register_error(_NOTE_ERRORS, _note_error)


def _one_foreign_byte(data: bytes, start: int, end: int, s: int, e: int) -> bool:
    """An invalid ``data[start:end]`` and ``data[s:e]`` are one multi-byte character with a
    byte replaced: a lead byte, what the damaged byte made (which may even decode), then the
    character's remaining continuation bytes, all within the lead byte's length."""
    lead = data[start]
    size = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
    return e <= start + size and all(b & 0xC0 == 0x80 for b in data[s:e])


def _mostly_utf8(data: bytes, spans: list[tuple[int, int]]) -> bool:
    """UTF-8 with damage rather than a single-byte Cyrillic encoding: valid multi-byte
    characters outnumber the damaged ones four to one, or the invalid bytes hold too few
    letters (bytes from 0xC0 up in cp1251 and koi8-r) to be text in those encodings, unless
    they form a word (four in a row) in a file with no other non-ASCII character."""
    leads = len(data) - len(data.translate(None, bytes(range(0xC0, 0x100))))
    invalid_leads = sum(1 for s, e in spans for b in data[s:e] if b >= 0xC0)
    valid = leads - invalid_leads
    if valid >= 4 * len(spans):
        return True
    if valid == 0 and any(e - s >= 4 for s, e in spans):
        return False
    return invalid_leads < 20


def _utf8(data: bytes, spans: list[tuple[int, int]] | None = None) -> tuple[str, list[int]]:
    """``data`` as UTF-8, each span of ``spans`` (default: found here) as one U+FFFD; also
    returns the text offsets of the replacements."""
    if spans is None:
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            spans = _utf8_errors(data, limit=len(data)) or []
    parts, damaged, pos, length = [], [], 0, 0
    for s, e in spans:
        part = data[pos:s].decode("utf-8")
        parts.append(part)
        length += len(part)
        damaged.append(length)
        parts.append("\ufffd")
        length += 1
        pos = e
    parts.append(data[pos:].decode("utf-8"))
    return "".join(parts), damaged


def _with_warnings(text: str, enc: str, damaged: list[int], plain: bool = False
                   ) -> tuple[str, str, list[Message]]:
    """``plain``: the bytes held no control byte and ``enc`` keeps ASCII (no search needed)."""
    warnings = []
    if damaged:
        warnings.append(_where(text, damaged, (msg.BAD_BYTES_LINE, msg.BAD_BYTES_LINES,
                                               msg.BAD_BYTES_LINES_MORE)))
    controls = [] if plain else [m.start() for m in _CONTROL_CHARS.finditer(text)]
    if controls:
        text = _CONTROL_CHARS.sub("\ufffd", text)  # one for one: offsets stay the same
        warnings.append(_where(text, controls, (msg.CONTROL_CHARS_LINE, msg.CONTROL_CHARS_LINES,
                                                msg.CONTROL_CHARS_LINES_MORE)))
    return text, enc, warnings


def _where(text: str, offsets: list[int], codes: tuple[str, str, str], shown: int = 5) -> Message:
    """The warning (one of ``codes``: at one line, at lines, at lines and more) for the lines
    of ``offsets``, counted as an editor counts them: "at lines 3, 8, 12 and 40 more"."""
    newline = "\n" if "\n" in text else "\r"
    lines = sorted({text.count(newline, 0, o) + 1 for o in offsets})
    if len(lines) == 1:
        return Message(codes[0], line=lines[0])
    listed = ", ".join(map(str, lines[:shown]))
    if len(lines) > shown:
        return Message(codes[2], lines=listed, more=len(lines) - shown)
    return Message(codes[1], lines=listed)


def _detect(data: bytes) -> tuple[str, str]:
    """Single-byte Cyrillic encodings: pick by which one yields plausible Russian text."""
    candidates = []
    for enc in ("cp1251", "koi8_r"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_russianness(text), enc, text))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in ("cp1251", "koi8_r"):
            text = str(best)
            candidates.append((_russianness(text) - 0.05, best.encoding, text))
    except Exception:  # detection is best-effort; the candidates above still stand
        pass
    if not candidates:
        raise SourceError(Message(msg.UNDECODABLE))
    score, enc, text = max(candidates)
    if score < 0.5 and _control_share(text) > 0.01:
        raise SourceError(Message(msg.BINARY_FILE))
    return text, enc


_COMMON_RU = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")


def _russianness(text: str) -> float:
    """Share of letters that are lower-case Russian letters (koi8/cp1251 swap case and letters)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in _COMMON_RU for c in letters) / len(letters)


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(sample)


def normalise_newlines(text: str) -> str:
    if "\r" not in text:  # the usual case: one scan instead of two replace passes
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")

