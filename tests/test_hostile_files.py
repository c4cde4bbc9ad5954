"""Hostile and damaged files: each ends as an interview or a clear problem, quickly and within
a memory limit; damaged UTF-8 stays UTF-8; pipes and devices are never opened."""
import os
import socket
import stat
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings, strategies as st

import hostile_corpus
from kzreader.core import messages as msg
from kzreader.core.corpus.corpus import load_paths
from kzreader.core.messages import Message
from kzreader.core.sources.sources import decode_text, read_source, SourceError


def test_hostile_corpus_within_limits(tmp_path):
    """Every case of tests/hostile_corpus.py, each in a child process under an address-space
    limit: at most 2 s of processor time and 300 MB added, and an interview or a problem."""
    results = hostile_corpus.run(hostile_corpus.generate(tmp_path / "hostile"), hang_seconds=20)
    report = "\n".join(f"{Path(r['path']).name}: cpu {r['cpu']} s, +{r['peak_mb']} MB, {r['outcome']}"
                       for r in hostile_corpus.failures(results))
    assert not report, report
    by_name = {Path(r["path"]).name: r["outcome"] for r in results}
    # the ones that must be refused are refused, the ones that must be read are read
    assert by_name["docx_laughs_utf16.docx"][0].startswith("problem: the Word document is refused")
    assert by_name["docx_xml_120mb.docx"][0].startswith("problem: the Word document is too large")
    assert by_name["fifo.txt"] == ["problem: skipped: a named pipe, not a file"]
    for name in ("caps_400.txt", "token_600.txt", "md_brackets.md", "docx_basedon_chain.docx",
                 "docx_nested_hyperlink.docx", "docx_nested_sdt.docx", "html_meta_base64.html",
                 "html_meta_undefined.html", "utf8_stray_ff.txt", "utf8_one_nul.txt"):
        assert by_name[name][0].startswith("interview:"), (name, by_name[name])


RU = ("— Как Вы оцениваете урожай этого года и что будет с ценами на хлеб?\n\n"
      "— Урожай ниже среднего, июль был жарким. Цены вырастут, но не сильно.\n") * 20


def test_stray_bytes_keep_utf8_and_say_where(tmp_path):
    data = RU.encode("utf-8")
    lines = RU.split("\n")
    at = len("\n".join(lines[:6]).encode()) + 1  # the start of line 7
    for damage in (b"\xff", "вставка".encode("cp1251"), b"\xd0"):
        text, enc, warnings = decode_text(data[:at] + damage + data[at:])
        assert enc == "utf-8"
        assert text.count("\ufffd") == 1
        assert text.replace("\ufffd", "") == RU
        assert warnings == [Message(msg.BAD_BYTES_LINE, line=7)]
        assert str(warnings[0]) == "undecodable bytes shown as \ufffd at line 7"


def test_a_nul_or_control_bytes_are_not_binary():
    data = RU.encode("utf-8")
    text, enc, warnings = decode_text(data[:100] + b"\x00" + data[100:120] + b"\x01\x02" + data[120:])
    assert enc == "utf-8" and text.count("\ufffd") == 3
    assert warnings == [Message(msg.CONTROL_CHARS_LINE, line=1)]
    assert str(warnings[0]) == "control characters shown as \ufffd at line 1"


def test_control_bytes_are_found_wherever_the_bytes_say_so():
    """The text is searched for control characters only when the bytes hold control bytes
    (decoding keeps ASCII): one past the first 64 KiB, one in a cp1251 file and one in damaged
    UTF-8 (beside an undecodable byte) are each found and marked."""
    lines = RU.split("\n")
    long_text = "\n".join([RU] * (70_000 // len(RU.encode()) + 2))
    data = long_text.encode("utf-8")
    assert len(data) > 65536
    text, enc, warnings = decode_text(data + b"\x07tail")
    assert enc == "utf-8" and text.endswith("\ufffdtail")
    assert warnings == [Message(msg.CONTROL_CHARS_LINE, line=long_text.count("\n") + 1)]
    cp = RU.replace("—", "-").encode("cp1251")
    text, enc, warnings = decode_text(cp[:40] + b"\x01" + cp[40:])
    assert enc == "cp1251" and text.count("\ufffd") == 1
    assert warnings == [Message(msg.CONTROL_CHARS_LINE, line=1)]
    at = len("\n".join(lines[:2]).encode()) + 1  # the start of line 3
    utf = RU.encode("utf-8")
    text, enc, warnings = decode_text(utf[:3] + b"\xff" + utf[3:at] + b"\x02" + utf[at:])
    assert enc == "utf-8" and text.count("\ufffd") == 2
    assert warnings == [Message(msg.BAD_BYTES_LINE, line=1), Message(msg.CONTROL_CHARS_LINE, line=3)]


def test_real_single_byte_files_still_detected():
    for enc in ("cp1251", "koi8_r"):
        text, found, warnings = decode_text(RU.replace("—", "-").encode(enc))
        assert (text, found, warnings) == (RU.replace("—", "-"), enc, [])


_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c\x1b")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=_CONTROLS),
               min_size=30, max_size=600), st.data())
def test_damaged_utf8_decodes_as_utf8(text, data):
    """Text (without control characters, which are shown as U+FFFD themselves) with k damaged
    bytes (at distinct positions, not adjacent: independent damage; not in the first three
    bytes, where damage could write a byte-order mark; at most one in 60, under the share of
    control bytes that makes a file binary) → UTF-8 with at most k replacement characters
    and a warning."""
    raw = bytearray(text.encode("utf-8"))
    assume(len(raw) >= 60)
    k = data.draw(st.integers(1, max(1, min(5, len(raw) // 60))))
    slots = data.draw(st.lists(st.integers(3, len(raw) - 1), min_size=k, max_size=k, unique=True))
    assume(all(abs(a - b) > 1 for i, a in enumerate(slots) for b in slots[i + 1:]))
    for pos in slots:
        raw[pos] = data.draw(st.integers(0, 255).filter(lambda b, old=raw[pos]: b != old))
    try:
        out, enc, warnings = decode_text(bytes(raw))
    except SourceError as e:
        raise AssertionError(f"refused: {e}") from None
    assert enc == "utf-8"
    replaced = out.count("\ufffd") - text.count("\ufffd")
    assert replaced <= k
    if replaced:
        assert warnings and all("at line" in str(w) for w in warnings)
    elif bytes(raw) != text.encode():
        pass  # damage that made other valid characters is not detectable


def test_non_regular_files_are_skipped_unopened(tmp_path, monkeypatch):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "good.txt").write_text(RU, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "good.yaml")  # a sidecar that is a pipe
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.md"))
    sock.close()
    opened = []
    real_open = os.open

    def watch_open(path, flags, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", watch_open)
    corpus = load_paths([str(folder), str(folder / "pipe.txt"), "/dev/null"])
    problems = {os.path.basename(p.path): str(p.message) for p in corpus.problems if p.severity == "error"}
    assert problems == {"pipe.txt": "skipped: a named pipe, not a file",
                        "sock.md": "skipped: a socket, not a file",
                        "null": "skipped: a device, not a file"}
    assert [os.path.basename(iv.path) for iv in corpus.interviews] == ["good.txt"]
    assert [str(w) for w in corpus.interviews[0].warnings] == ["metadata file good.yaml ignored: not a regular file"]
    assert not [p for p in opened if "pipe" in p or "sock" in p or "null" in p or p.endswith(".yaml")]
    try:
        read_source(folder / "pipe.txt")
    except SourceError as e:
        assert "named pipe" in str(e)
    else:
        raise AssertionError("a pipe was read")
    assert stat.S_ISFIFO(os.stat(folder / "pipe.txt").st_mode)
