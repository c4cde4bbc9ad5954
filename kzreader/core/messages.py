"""What the core tells the reader: one catalogue of message codes, each with its English text.

The core runs without Qt and speaks English where it prints (the command line, the log, the
JSON of ``kzreader parse``), while the window speaks the reader's language.  So the core does
not report text but a :class:`Message`: a code defined here and its named parameters (a file
name, a line number, the system's reason).  ``str(message)`` is the English text.  The GUI
translates the code's English template through Qt (context ``CoreMessages``; the translation
tooling feeds every template of this module to lupdate) and fills the parameters in after
translating, so no English sentence is ever parsed back.

The kinds of removed text (``Span.kind``: "counter", "credit", ...) are codes as well, stored
as they are in caches and JSON; ``REMOVED_KINDS`` names each one for people (context
``RemovedText``).

To add a message: define its code below with ``_define`` (English template, parameters as
``{name}``), report ``Message(CODE, name=value)``, then update and translate the ``.ts``.
A code, once used, keeps its meaning: a changed meaning gets a new code.
"""
from __future__ import annotations

import re
from typing import Union

TEXTS: dict[str, str] = {}  # code -> English template


def _define(code: str, english: str) -> str:
    if code in TEXTS:
        raise ValueError(f"message code defined twice: {code}")
    TEXTS[code] = english
    return code


# -- finding and reading files (core.sources) --------------------------------------------------
NO_SUCH_PATH = _define("no_such_path", "no such file or folder")
CANNOT_OPEN = _define("cannot_open", "cannot open: {reason}")
CANNOT_READ = _define("cannot_read", "cannot read: {reason}")
CANNOT_OPEN_FOLDER = _define("cannot_open_folder", "cannot open folder: {reason}")
CANNOT_LIST_FOLDER = _define("cannot_list_folder", "cannot list folder: {reason}")
SKIPPED_PIPE = _define("skipped_pipe", "skipped: a named pipe, not a file")
SKIPPED_SOCKET = _define("skipped_socket", "skipped: a socket, not a file")
SKIPPED_DEVICE = _define("skipped_device", "skipped: a device, not a file")
SKIPPED_NOT_REGULAR = _define("skipped_not_regular", "skipped: not a regular file")
FILE_TOO_LARGE = _define("file_too_large", "file is too large ({size_mb} MB; the limit is {limit_mb} MB)")
FILE_EMPTY = _define("file_empty", "the file is empty")
FILE_NO_TEXT = _define("file_no_text", "the file has no text")
BINARY_FILE = _define("binary_file", "this looks like a binary file, not text")
UNDECODABLE = _define("undecodable", "cannot decode: not UTF-8, cp1251 or koi8-r text")
# damaged text, shown as U+FFFD; lines as "3" or "3, 8, 12", and how many more were not listed
BAD_BYTES_LINE = _define("bad_bytes_line", "undecodable bytes shown as \ufffd at line {line}")
BAD_BYTES_LINES = _define("bad_bytes_lines", "undecodable bytes shown as \ufffd at lines {lines}")
BAD_BYTES_LINES_MORE = _define("bad_bytes_lines_more",
                               "undecodable bytes shown as \ufffd at lines {lines} and {more} more")
CONTROL_CHARS_LINE = _define("control_chars_line", "control characters shown as \ufffd at line {line}")
CONTROL_CHARS_LINES = _define("control_chars_lines", "control characters shown as \ufffd at lines {lines}")
CONTROL_CHARS_LINES_MORE = _define("control_chars_lines_more",
                                   "control characters shown as \ufffd at lines {lines} and {more} more")
# NAME.yaml beside the file
SIDECAR_NOT_REGULAR = _define("sidecar_not_regular", "metadata file {name} ignored: not a regular file")
SIDECAR_NOT_MAPPING = _define("sidecar_not_mapping", "metadata file {name} ignored: not a mapping")
SIDECAR_UNREADABLE = _define("sidecar_unreadable", "metadata file {name} ignored: {reason}")
SIDECAR_NOT_UTF8 = _define("sidecar_not_utf8", "metadata file {name} ignored: not UTF-8 text")
SIDECAR_YAML_AT = _define("sidecar_yaml_at", "metadata file {name} ignored: invalid YAML at line {line} ({problem})")

# -- Word documents (core.sources.formats.docx) ------------------------------------------------
DOCX_OLD_OR_LOCKED = _define("docx_old_or_locked",
                             "this is an old Word .doc file or a password-protected document; "
                             "save it as .docx (Word 2007 or later) to open it")
DOCX_NOT_PACKAGE = _define("docx_not_package",
                           "this is not a Word document (.docx): the file is not a valid Word package")
DOCX_NO_TEXT_PART = _define("docx_no_text_part",
                            "this is not a Word document (.docx): it has no document text part")
DOCX_TOO_LARGE = _define("docx_too_large", "the Word document is too large to read")
DOCX_PART_TOO_LARGE = _define("docx_part_too_large",
                              "the Word document is too large to read ({part} unpacks to {size_mb} MB)")
DOCX_CANNOT_UNPACK = _define("docx_cannot_unpack", "the Word document is damaged: cannot unpack {part} ({error})")
DOCX_BAD_XML = _define("docx_bad_xml", "the Word document is damaged: {part} is not valid XML ({error})")
DOCX_BAD_XML_ENCODING = _define("docx_bad_xml_encoding",
                                "the Word document is damaged: {part} is not valid XML "
                                "(cannot decode it as {encoding})")
DOCX_DOCTYPE = _define("docx_doctype", "the Word document is refused: {part} declares a DOCTYPE or entities")
DOCX_NO_TEXT = _define("docx_no_text", "the Word document has no text")

# -- web pages (core.sources.formats.html) -----------------------------------------------------
HTML_TOO_LARGE = _define("html_too_large", "the web page is too large to read ({size_mb} MB without "
                                           "scripts and styles; the limit is {limit_mb} MB)")
HTML_TOO_MANY_TAGS = _define("html_too_many_tags",
                             "the web page is too large to read ({tags} tags; the limit is {limit})")
HTML_NO_TEXT = _define("html_no_text", "the web page has no readable text")
HTML_BINARY = _define("html_binary", "this looks like a binary file, not a web page")

# -- parsing (core.parsing) and loading (core.corpus, the loader) ------------------------------
NO_EXCHANGES = _define("no_exchanges", "no question/answer exchanges found; shown as a plain document")
FRONT_MATTER_YAML = _define("front_matter_yaml", "front matter ignored: invalid YAML")
FRONT_MATTER_YAML_AT = _define("front_matter_yaml_at", "front matter ignored: invalid YAML at line {line}")
FRONT_MATTER_NOT_MAPPING = _define("front_matter_not_mapping", "front matter ignored: not a mapping of fields")
NAME_DETECTION_FAILED = _define("name_detection_failed", "name detection failed: {error}")
OUT_OF_MEMORY = _define("out_of_memory", "not enough memory to load this file")
PARSER_ERROR = _define("parser_error", "internal error while parsing: {error}")
LOADING_STOPPED = _define("loading_stopped", "loading stopped: {error}")

# -- the bookmark store (core.annotations.bookmarks) -------------------------------------------
BOOKMARKS_READ_ONLY = _define("bookmarks_read_only",
                              "Bookmarks are read-only: the folder {folder} cannot be written ({reason}).")
BOOKMARKS_MISSING_RESTORED = _define("bookmarks_missing_restored",
                                     "The bookmarks file {path} was missing; restored from backup {backup}.")
BOOKMARKS_UNREADABLE = _define("bookmarks_unreadable", "Cannot read the bookmarks file {path}: {reason}.")
BOOKMARKS_NEWER = _define("bookmarks_newer",
                          "The bookmarks file {path} was written by a newer version of kzreader (schema "
                          "{schema}); it is opened read-only and will not be changed.")
BOOKMARKS_DAMAGED_LEFT = _define("bookmarks_damaged_left",
                                 "The bookmarks file {path} is damaged ({error}); it is left as it is and "
                                 "bookmarks are read-only.")
BOOKMARKS_DAMAGED_KEPT = _define("bookmarks_damaged_kept",
                                 "The bookmarks file {path} is damaged ({error}); it was kept as {aside}.")
BOOKMARKS_RESTORED = _define("bookmarks_restored",
                             "Bookmarks were restored from the backup {backup}; changes made after that "
                             "backup may be missing.")
BOOKMARKS_BAD_ENTRIES = _define("bookmarks_bad_entries",
                                "{count} bookmark(s) in {path} could not be read; they are kept in the "
                                "file unchanged.")
BOOKMARKS_UNSAFE = _define("bookmarks_unsafe",
                           "Bookmarks cannot be saved: {path} could not be read safely, so it is left untouched.")
BOOKMARK_EXISTS = _define("bookmark_exists", "bookmark {id} already exists")
BOOKMARK_MISSING = _define("bookmark_missing", "no bookmark {id}")
BOOKMARK_FIELD_FIXED = _define("bookmark_field_fixed", "{field} cannot be changed")


# -- optional analysers missing (core.search.analysers) ---------------------------------------
ANALYSER_NO_STEMMING = _define("analyser_no_stemming", "not installed, so search and themes match only the "
                                                       "exact word forms (weaker results)")
ANALYSER_NO_STEMMING_INSTALL = _define("analyser_no_stemming_install",
                                       "not installed, so search and themes match only the exact word forms "
                                       "(weaker results); install it with: {command}")
ANALYSER_NO_MORPHOLOGY = _define("analyser_no_morphology",
                                 "not installed, so Russian interviewees' names are not recognised and search "
                                 "misses some word forms (weaker results)")
ANALYSER_NO_MORPHOLOGY_INSTALL = _define("analyser_no_morphology_install",
                                         "not installed, so Russian interviewees' names are not recognised and "
                                         "search misses some word forms (weaker results); install it with: {command}")

# -- theme lexicons (core.themes): the user's themes file and the theme editor ----------------
LEXICON_NOT_UTF8 = _define("lexicon_not_utf8", "not UTF-8 text ({reason})")
LEXICON_BAD_YAML = _define("lexicon_bad_yaml", "invalid YAML: {problem}")
LEXICON_NOT_MAPPING = _define("lexicon_not_mapping", "expected a mapping with a 'themes' list")
LEXICON_VERSION = _define("lexicon_version", "unsupported lexicon version {version}")
THEME_NOT_MAPPING = _define("theme_not_mapping", "each theme must be a mapping (id:, name_ru:, ...)")
THEME_UNKNOWN_FIELD = _define("theme_unknown_field", "unknown field {field}")
THEME_BAD_ID = _define("theme_bad_id", "theme id {id} must be lower-case letters, digits and _")
THEME_ID_TWICE = _define("theme_id_twice", "theme id {id} appears twice")
THEME_FIELD_NOT_TEXT = _define("theme_field_not_text", "{field} must be text")
THEME_FIELD_NOT_LIST = _define("theme_field_not_list", "{field} must be a list of text")
THEME_NO_NAME = _define("theme_no_name", "theme {id} needs a name")
THEME_BAD_COLOUR = _define("theme_bad_colour", "theme {id}: colour {colour} is not #rrggbb")
THEME_NO_KEYWORDS = _define("theme_no_keywords", "theme {id} needs at least one keyword or phrase")
THEME_ENTRY_NO_WORDS = _define("theme_entry_no_words", "theme {id}: entry {entry} has no words")
THEME_PREFIX_SHORT = _define("theme_prefix_short", "theme {id}: prefix {prefix} is shorter than {letters} letters")

# -- kinds of removed text ---------------------------------------------------------------------
# kind -> what people call it ("Left out: View counter"); None: no better name than "left out"
REMOVED_KINDS: dict[str, str | None] = {
    # the parser (core.parsing: junk marks and the role decoder)
    "headline list": "List of other articles",
    "counter": "View counter",
    "epilogue": "Note after the interview",
    "markup": "Page markup",
    "debris": "Page clutter",
    "script": "Page script",
    "credit": "Photo credit",
    "site": "Text of the website",
    "teaser": "Teaser of another article",
    "embed": "Embedded media",
    "section": "Section name",
    "template placeholder": "Unfilled template text",
    "footnote": "Footnote",
    "unplaced": None,
    # page clutter marked by the web page converter (core.sources.formats.html)
    "navigation": "Site navigation",
    "outside article": "Text outside the article",
    "share": "Share buttons",
    "related": "Related articles",
    "comments": "Comments",
    "footer": "Page footer",
    "header": "Page header",
    "form": "Form on the page",
    "subscribe": "Subscription offer",
    "cookie notice": "Cookie notice",
    "advertisement": "Advertisement",
    "sidebar": "Sidebar",
    "tags": "Tags of the article",
}


# -- messages ----------------------------------------------------------------------------------
_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, params: dict[str, str]) -> str:
    """``template`` with each ``{name}`` replaced by its parameter, in one pass (a parameter
    holding "{x}" is not filled again; a name without a parameter stays as written)."""
    return _FIELD.sub(lambda m: params.get(m[1], m[0]), template)


class Message:
    """A code of the catalogue and its named parameters (as text); ``str()`` gives English."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params) -> None:
        if code not in TEXTS:
            raise ValueError(f"unknown message code: {code!r}")
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", tuple((k, str(v)) for k, v in params.items()))

    def __setattr__(self, name, value):
        raise AttributeError("a Message cannot be changed")

    @property
    def english(self) -> str:
        return fill(TEXTS[self.code], dict(self.params))

    def __str__(self) -> str:
        return self.english

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params)
        return f"Message({self.code!r}{args})"

    def __eq__(self, other) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.code == other.code and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.code, self.params))

    def __reduce__(self):  # worker processes may pickle one
        return _rebuild, (self.code, self.params)


def _rebuild(code: str, params: tuple) -> Message:
    return Message(code, **dict(params))


# a message for the reader: from the catalogue, or text a GUI part made in the reader's language
Text = Union[Message, str]


def to_plain(message: Text) -> str | tuple:
    """A message as plain values for marshal (caches, worker results): (code, params) or str."""
    return (message.code, message.params) if isinstance(message, Message) else message


def from_plain(data) -> Text:
    """The inverse of :func:`to_plain`; ValueError on anything else (a damaged entry)."""
    if isinstance(data, str):
        return data
    try:
        code, params = data
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in params):
            raise ValueError("message parameters are not text")
        return Message(code, **dict(params))
    except (TypeError, ValueError) as e:
        raise ValueError(f"damaged message: {e}") from None
