"""What a file is read into: the ``Source`` record, the metadata keys it may carry (front
matter, a sidecar ``NAME.yaml``) and the YAML loader they are read with.

Kept apart from ``core.sources`` (which dispatches to the format converters) so the parser can
take the record without importing the converters, which import the parser's date forms.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

_META_KEYS = ("title", "date", "interviewee", "role", "interviewer", "source", "url", "language")


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



# PyYAML's C build of SafeLoader: the same safe constructors, about 7x faster, and metadata
# YAML is read once per file while a corpus loads.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_yaml(text: str):
    """``yaml.safe_load`` through the C loader when PyYAML has it."""
    return yaml.load(text, Loader=_SAFE_LOADER)



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
