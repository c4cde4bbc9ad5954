"""Files → decoded text: finding source files, decoding bytes, front matter and sidecars."""
from __future__ import annotations

import codecs
import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
# refuse files whose text would be too large to read comfortably (bytes)
MAX_FILE_BYTES = 64 * 1024 * 1024
_META_KEYS = ("title", "date", "interviewee", "role", "interviewer", "source", "url", "language")


class SourceError(Exception):
    """A file that cannot be read or decoded as text; the message is for the user."""


@dataclass(slots=True)
class Source:
    path: str
    # decoded, line endings normalised to "\n"; for HTML/DOCX/Markdown the derived text the
    # converter wrote (core.formats), the same for the same file, which bookmarks anchor to
    text: str
    encoding: str
    format: str  # "txt", "md", "html" or "docx"
    size: int = 0
    mtime: float = 0.0
    metadata: dict = field(default_factory=dict)  # from the file itself, then a sidecar NAME.yaml
    warnings: list = field(default_factory=list)
    # (start, end, kind) ranges of ``text`` a converter marked as page clutter; a kind
    # "meta:FIELD" marks a metadata line (byline, date) instead
    removed: list = field(default_factory=list)


def iter_source_files(paths, suffixes=SUPPORTED_SUFFIXES, errors=None):
    """Yield supported files under ``paths`` (files or folders, recursively), sorted, each once.

    Symlink loops and unreadable folders are skipped; when ``errors`` is a list, a
    (path, message) pair is appended for each.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()

    def report(p, msg):
        if errors is not None:
            errors.append((str(p), msg))

    def walk(d: Path):
        try:
            st = d.stat()
        except OSError as e:
            report(d, f"cannot open folder: {e.strerror or e}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # symlink loop or the same folder twice
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            report(d, f"cannot list folder: {e.strerror or e}")
            return
        base = str(d.absolute())  # once per folder: pathlib per file costs more than the stat
        for e in entries:
            try:
                if e.is_dir():
                    yield from walk(Path(e.path))
                # "~$x.docx" is the lock file Word keeps beside an open document
                elif e.name.lower().endswith(suffixes) and not e.name.startswith((".", "~$")):
                    r = os.path.join(base, e.name)
                    if r not in seen_files:
                        seen_files.add(r)
                        yield r
            except OSError as exc:
                report(e.path, f"cannot open: {exc.strerror or exc}")

    def one(p: Path):
        r = str(p.absolute())
        if r not in seen_files:
            seen_files.add(r)
            yield r

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from walk(p)
        elif p.exists():
            yield from one(p)
        else:
            report(p, "no such file or folder")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name).  Raises SourceError for binary or undecodable data."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise SourceError("this looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _strict(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise SourceError(f"cannot decode as {enc}: invalid bytes at offset {e.start}") from None


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
        raise SourceError("cannot decode: not UTF-8, cp1251 or koi8-r text")
    score, enc, text = max(candidates)
    if score < 0.5 and _control_share(text) > 0.01:
        raise SourceError("this looks like a binary file, not text")
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


def read_source(path: str | os.PathLike) -> Source:
    """Read and decode one file.  Raises SourceError with a user-facing message."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as e:
        raise SourceError(f"cannot open: {e.strerror or e}") from None
    if st.st_size > MAX_FILE_BYTES:
        raise SourceError(
            f"file is too large ({st.st_size // (1024 * 1024)} MB; the limit is "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB)"
        )
    try:
        data = p.read_bytes()
    except OSError as e:
        raise SourceError(f"cannot read: {e.strerror or e}") from None
    if not data or data.isspace():  # as ``not data.strip()``, without copying the data
        raise SourceError("the file is empty")
    from .formats import convert, format_of  # here: the converters import this module

    fmt = format_of(p.suffix)
    derived = convert(p.suffix, data)
    if derived is None:
        text, enc = decode(data)
        text = normalise_newlines(text)
        if fmt == "md":
            from .formats.markdown import markdown_text

            text = markdown_text(text)
        file_meta, removed, warnings = {}, [], []
    else:
        text, enc = derived.text, derived.encoding
        file_meta, removed, warnings = derived.metadata, derived.removed, derived.warnings
    if not text or text.isspace():
        raise SourceError("the file has no text")
    src = Source(str(path), text, enc, fmt, st.st_size, st.st_mtime, clean_metadata(file_meta),
                 list(warnings), list(removed))
    _read_sidecar(p, src)
    return src


# PyYAML's C build of SafeLoader: the same safe constructors, about 7x faster, and metadata
# YAML is read once per file while a corpus loads.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_yaml(text: str):
    """``yaml.safe_load`` through the C loader when PyYAML has it."""
    return yaml.load(text, Loader=_SAFE_LOADER)


# the errors Path.exists() reads as "does not exist"
_MISSING_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _exists(path: str) -> bool:
    """``Path(path).exists()`` without building Path objects (twice for every file read)."""
    try:
        os.stat(path)
    except OSError as e:
        if e.errno in _MISSING_ERRNOS:
            return False
        raise
    except ValueError:  # a name the OS cannot take
        return False
    return True


def _read_sidecar(p: Path, src: Source) -> None:
    base = str(p.with_suffix(""))  # NAME.yaml beside NAME.txt, as with_suffix(".yaml") names it
    for ext in (".yaml", ".yml"):
        if _exists(base + ext):
            side = Path(base + ext)
            try:
                data = safe_yaml(side.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
                src.warnings.append(f"metadata file {side.name} ignored: {_yaml_msg(e)}")
                return
            if isinstance(data, dict):
                src.metadata = {**src.metadata, **clean_metadata(data)}  # the sidecar wins
            elif data is not None:
                src.warnings.append(f"metadata file {side.name} ignored: not a mapping")
            return


def _yaml_msg(e: Exception) -> str:
    mark = getattr(e, "problem_mark", None)
    if mark is not None:
        return f"{getattr(e, 'problem', 'invalid YAML')} at line {mark.line + 1}"
    return str(e).splitlines()[0] if str(e) else type(e).__name__


def clean_metadata(data: dict) -> dict:
    """Keep known metadata keys with scalar values, as strings (dates as ISO)."""
    out = {}
    for k, v in data.items():
        key = str(k).strip().lower()
        if key == "author" and "interviewee" not in data:
            key = "interviewee"
        if key in ("outlet", "site", "publisher"):
            key = "source"
        if key not in _META_KEYS or v is None or isinstance(v, (dict, list)):
            continue
        if hasattr(v, "isoformat"):
            v = v.isoformat()[:10]
        out[key] = str(v).strip()
    return out
