"""A corpus of hostile files, and a runner that parses each in a memory-capped child process.

``python tests/hostile_corpus.py DIR`` writes the corpus into DIR and prints, per case, the
processor time, the peak memory the case added and how it ended (an interview or a problem).
``test_hostile_corpus.py`` runs the same in CI.  Each case is a file (or a folder) a user could
plausibly have: damaged encodings, crafted Word/HTML/Markdown, pathological lines, pipes.
"""
from __future__ import annotations

import io
import json
import os
import random
import resource
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

# what every case must stay within (processor seconds, megabytes added to the process)
TIME_LIMIT = 2.0
MEMORY_LIMIT_MB = 300

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RUSSIAN = (
    "Интервью с экономистом Айгуль Сериковой о ценах на зерно.\n\n"
    "— Как Вы оцениваете урожай этого года и что будет с ценами на хлеб?\n\n"
    "— Урожай ниже среднего, июль был жарким. Цены вырастут, но не сильно: запасы есть, "
    "и государство держит резервный фонд. Фермеры уже говорят о засухоустойчивых сортах.\n\n"
    "— Что посоветуете покупателям?\n\n"
    "— Не создавать ажиотаж. Паника в магазинах всегда дороже самой засухи.\n"
)


def russian_text(size: int) -> str:
    """A plausible Russian interview of about ``size`` characters."""
    head, _, rest = _RUSSIAN.partition("\n\n")
    body = rest
    while len(body) < size:
        body += "\n" + rest
    return head + "\n\n" + body[:size]


def _zip(parts: dict[str, bytes | str], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
         'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
         '.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
             'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
             '.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')


def _p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _interview_paras() -> list[str]:
    return [p for p in _RUSSIAN.split("\n\n") if p.strip()]


def docx(body: str, styles: str = "", document: bytes | None = None,
         extra: dict | None = None) -> bytes:
    parts: dict[str, bytes | str] = {"_rels/.rels": _RELS, "word/_rels/document.xml.rels": _DOC_RELS}
    parts["word/document.xml"] = document if document is not None else (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}'
        "</w:body></w:document>")
    parts["word/styles.xml"] = f'<w:styles xmlns:w="{_W}">{styles}</w:styles>'
    parts.update(extra or {})
    return _zip(parts)


def _docx_cases() -> dict[str, bytes]:
    paras = _interview_paras()
    cases: dict[str, bytes] = {}
    # a 20,000-step basedOn chain, and every paragraph in the style at its end
    n = 20_000
    styles = "".join(f'<w:style w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>'
                     for i in range(n))
    cases["docx_basedon_chain.docx"] = docx("".join(_p(t, "s0") for t in paras * 30), styles)
    # a basedOn cycle
    cyc = ('<w:style w:styleId="a"><w:basedOn w:val="b"/></w:style>'
           '<w:style w:styleId="b"><w:basedOn w:val="a"/></w:style>')
    cases["docx_basedon_cycle.docx"] = docx("".join(_p(t, "a") for t in paras), cyc)
    # 5,000 nested hyperlinks inside a paragraph, 5,000 nested content controls in the body
    depth = 5_000
    run = '<w:r><w:t>— Что посоветуете покупателям?</w:t></w:r>'
    cases["docx_nested_hyperlink.docx"] = docx(
        "<w:p>" + "<w:hyperlink>" * depth + run + "</w:hyperlink>" * depth + "</w:p>"
        + "".join(_p(t) for t in paras))
    cases["docx_nested_sdt.docx"] = docx(
        "<w:sdt><w:sdtContent>" * depth + "".join(_p(t) for t in paras)
        + "</w:sdtContent></w:sdt>" * depth)
    cases["docx_nested_tables.docx"] = docx(
        "<w:tbl><w:tr><w:tc>" * 2_000 + _p(paras[0]) + "</w:tc></w:tr></w:tbl>" * 2_000
        + "".join(_p(t) for t in paras))
    # 120 MB of XML in a few hundred kilobytes: tiny paragraphs, repeated
    tiny = _p("Да.").encode()
    big = tiny * (120 * 1024 * 1024 // len(tiny))
    cases["docx_xml_120mb.docx"] = docx("", document=(
        f'<w:document xmlns:w="{_W}"><w:body>'.encode() + big + b"</w:body></w:document>"))
    # a part that unpacks to 300 MB of blanks
    cases["docx_zip_bomb.docx"] = docx("".join(_p(t) for t in paras),
                                       extra={"word/styles.xml": b" " * (300 * 1024 * 1024)})
    # billion laughs, in UTF-8 and in UTF-16 (a byte search for "<!DOCTYPE" misses the latter)
    lol = ('<?xml version="1.0" encoding="{enc}"?><!DOCTYPE d [<!ENTITY a "lol">'
           + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
           + f']><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p>'
           + "".join(_p(t) for t in paras) + "</w:body></w:document>")
    cases["docx_laughs_utf8.docx"] = docx("", document=lol.format(enc="UTF-8").encode("utf-8"))
    cases["docx_laughs_utf16.docx"] = docx("", document=lol.format(enc="UTF-16").encode("utf-16"))
    cases["docx_laughs_utf16be_nobom.docx"] = docx(
        "", document=lol.format(enc="UTF-16").encode("utf-16-be"))
    cases["docx_external_entity.docx"] = docx("", document=(
        f'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{_W}">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>").encode())
    cases["docx_invalid_xml.docx"] = docx("", document=b"<w:document><w:body><w:p>")
    cases["docx_not_zip.docx"] = b"PK\x03\x04" + os.urandom(2000)
    cases["docx_truncated.docx"] = docx("".join(_p(t) for t in paras))[:-200]
    cases["docx_empty_zip.docx"] = _zip({})
    return cases


def _html_cases() -> dict[str, bytes]:
    paras = _interview_paras()
    article = "".join(f"<p>{escape(t)}</p>" for t in paras)
    page = "<html><head>{head}</head><body><article>{body}</article></body></html>"
    cases: dict[str, bytes] = {}
    for label in ("base64", "zlib", "undefined", "rot13", "hex", "uu", "bz2", "utf-7",
                  "x-nonsense"):
        cases[f"html_meta_{label}.html"] = page.format(
            head=f'<meta charset="{label}">', body=article).encode("utf-8")
    # a 23 MB saved page: the article, then megabytes of comments, scripts and inline images
    filler = []
    size = 0
    i = 0
    while size < 23 * 1024 * 1024:
        block = (f'<div class="comment" id="c{i}"><span class="author">Гость {i}</span>'
                 f"<p>Согласен с автором, цены на хлеб растут {i} год подряд.</p>"
                 f'<img src="data:image/png;base64,{"iVBORw0KGgo" * 40}"></div>'
                 f"<script>var x{i} = {list(range(30))};</script>")
        filler.append(block)
        size += len(block.encode())
        i += 1
    cases["html_23mb.html"] = page.format(head="<title>Цены</title>",
                                          body=article + "".join(filler)).encode("utf-8")
    cases["html_deep_divs.html"] = page.format(
        head="", body="<div>" * 100_000 + article + "</div>" * 100_000).encode()
    cases["html_nested_tables.html"] = page.format(
        head="", body="<table><tr><td>" * 3_000 + article + "</td></tr></table>" * 3_000).encode()
    cases["html_unclosed_lt.html"] = page.format(head="", body=article + "a <b " * 200_000).encode()
    cases["html_unclosed_comment.html"] = page.format(head="", body=article + "<!-- " + "x" * 2_000_000).encode()
    cases["html_deep_jsonld.html"] = page.format(
        head='<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>",
        body=article).encode()
    cases["html_many_entities.html"] = page.format(head="", body=article + "&amp" * 500_000).encode()
    return cases


def _text_cases() -> dict[str, bytes]:
    base = russian_text(16_000)
    u8 = base.encode("utf-8")
    rng = random.Random(19)
    cases: dict[str, bytes] = {}
    # the speaker-label pattern: a paragraph opening with capitals, a colon later
    cases["caps_400.txt"] = ("Ж" * 400 + " и так далее: " + base).encode()
    cases["caps_words_200.txt"] = (("ЖЖ " * 200) + "и вот: " + base).encode()
    token = "".join(rng.choice("ABCDEFGHabcdefgh0123-") for _ in range(600))
    cases["token_600.txt"] = ("H" + token + ": " + base).encode()
    cases["url_600.txt"] = ("Https://Example.Com/" + "Ab" * 300 + " ссылка: " + base).encode()
    cases["caps_paragraph_100k.txt"] = (base + "\n\n" + ("ПРОЕКТ ЗАКОНА О ЗЕРНЕ " * 5_000)).encode()
    # damaged UTF-8
    mid = len(u8) // 2
    while u8[mid] & 0xC0 == 0x80:
        mid += 1
    cases["utf8_stray_ff.txt"] = u8[:mid] + b"\xff" + u8[mid:]
    cases["utf8_cut_char.txt"] = u8[:mid] + u8[mid:mid + 1] + u8[mid + 2:]
    cases["utf8_cp1251_fragment.txt"] = u8[:mid] + "вставка".encode("cp1251") + u8[mid:]
    flipped = bytearray(u8)
    flipped[mid] ^= 0x40
    cases["utf8_bit_flip.txt"] = bytes(flipped)
    cases["utf8_one_nul.txt"] = u8[:mid] + b"\x00" + u8[mid:]
    cases["utf8_control_bytes.txt"] = u8[:mid] + b"\x01\x02\x1b[0m" + u8[mid:]
    cases["cp1251.txt"] = base.encode("cp1251")
    cases["koi8r.txt"] = base.replace("—", "-").encode("koi8_r")
    cases["binary.txt"] = rng.randbytes(50_000)
    cases["png_named_txt.txt"] = b"\x89PNG\r\n\x1a\n" + rng.randbytes(30_000)
    cases["empty.txt"] = b""
    cases["bom_only.txt"] = b"\xef\xbb\xbf"
    cases["blank_only.txt"] = b" \n\t\n  \r\n"
    cases["utf16_bom.txt"] = base.encode("utf-16")
    cases["utf16_bom_odd.txt"] = base.encode("utf-16") + b"\x00"
    cases["mixed_endings.txt"] = base.replace("\n\n", "\r\n\r\n", 3).replace("\n", "\r", 5).encode()
    cases["one_line_1mb.txt"] = (base.replace("\n", " ") * 70)[:1_000_000].encode()
    cases["many_lines.txt"] = ("— Да?\n\n— Нет.\n\n" * 25_000).encode()
    cases["colons.txt"] = ("А:" * 100_000).encode()
    cases["dashes.txt"] = ("— " * 200_000).encode()
    cases["front_matter_bad.md"] = ("---\ntitle: [unclosed\n  - :\n---\n" + base).encode()
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}]\n" for i in range(9)) + "title: *j\n---\n"
    cases["front_matter_yaml_bomb.md"] = (bomb + base).encode()
    cases["md_brackets.md"] = ("[" * 50_000 + "\n\n" + base).encode()
    cases["md_image_brackets.md"] = ("![" * 25_000 + "\n\n" + base).encode()
    cases["md_link_parens.md"] = ("[a](" * 20_000 + "\n\n" + base).encode()
    cases["md_autolinks.md"] = ("<http:" * 20_000 + "\n\n" + base).encode()
    cases["md_long_link.md"] = ("[текст](" + "x" * 500_000 + "\n\n" + base).encode()
    return cases


def generate(folder: Path) -> list[Path]:
    """Write every case into ``folder``; return the paths to load (files and folders)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in {**_text_cases(), **_html_cases(), **_docx_cases()}.items():
        p = folder / name
        p.write_bytes(data)
        out.append(p)
    # sidecars that are broken or hostile
    side = folder / "sidecar_bad"
    side.mkdir(exist_ok=True)
    (side / "a.txt").write_text(russian_text(3000), encoding="utf-8")
    (side / "a.yaml").write_bytes(b"title: [\x00\xff")
    (side / "b.txt").write_text(russian_text(3000), encoding="utf-8")
    (side / "b.yaml").write_text("&a [*a]\n", encoding="utf-8")
    out.append(side)
    # non-regular files: a named pipe and a socket in a folder, and a pipe named directly
    pipes = folder / "pipes"
    pipes.mkdir(exist_ok=True)
    (pipes / "ok.txt").write_text(russian_text(3000), encoding="utf-8")
    for name in ("fifo.txt", "fifo_sidecar.yaml"):
        if not (pipes / name).exists():
            os.mkfifo(pipes / name)
    (pipes / "fifo_sidecar.txt").write_text(russian_text(3000), encoding="utf-8")
    sock_path = pipes / "sock.txt"
    if not sock_path.exists():
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(str(sock_path))
        s.close()
    out.append(pipes)
    out.append(pipes / "fifo.txt")
    out.append(Path("/dev/zero"))  # a device given directly
    return out


# -- running ---------------------------------------------------------------------------------
def _vm_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _child(paths: list[str]) -> None:
    """Load each path in turn, printing one JSON line per path.  Each load runs under an
    address-space limit of what the process had plus MEMORY_LIMIT_MB."""
    from kzreader.core.corpus.corpus import load_paths

    load_paths([])  # import everything the loads use before measuring
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    for path in paths:
        base_rss = _vm_kb("VmRSS")
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")  # resets VmHWM, the peak resident size, to the current size
        except OSError:
            pass
        limit = _vm_kb("VmSize") * 1024 + MEMORY_LIMIT_MB * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        t0, w0 = time.process_time(), time.perf_counter()
        try:
            corpus = load_paths([path])
            outcome = ([f"interview: {len(iv.exchanges)} exchanges, {len(iv.warnings)} warnings"
                        for iv in corpus.interviews]
                       + [f"problem: {p.message}" for p in corpus.problems if p.severity == "error"])
        except MemoryError:
            outcome = ["MemoryError"]
        except BaseException as e:  # report, never die silently
            outcome = [f"raised {type(e).__name__}: {e}"]
        cpu, wall = time.process_time() - t0, time.perf_counter() - w0
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
        peak = max(0, _vm_kb("VmHWM") - base_rss) / 1024
        print(json.dumps({"path": path, "cpu": round(cpu, 3), "wall": round(wall, 3),
                          "peak_mb": round(peak, 1), "outcome": outcome}), flush=True)


def run(paths: list[Path], hang_seconds: float = 30.0) -> list[dict]:
    """Load ``paths`` in a child process; a path that takes longer than ``hang_seconds`` is
    reported as a hang, the child killed and restarted for the rest."""
    import selectors

    todo = [str(p) for p in paths]
    results: list[dict] = []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    while todo:
        child = subprocess.Popen([sys.executable, __file__, "--child", *todo],
                                 stdout=subprocess.PIPE, text=True, env=env)
        sel = selectors.DefaultSelector()
        sel.register(child.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + hang_seconds + 20  # the first path also waits for imports
        while todo:
            if not sel.select(timeout=max(0.0, deadline - time.monotonic())):
                child.kill()
                results.append({"path": todo.pop(0), "cpu": None, "wall": hang_seconds,
                                "peak_mb": None, "outcome": ["hang"]})
                break
            line = child.stdout.readline()
            if not line:  # the child died
                results.append({"path": todo.pop(0), "cpu": None, "wall": None, "peak_mb": None,
                                "outcome": [f"child died ({child.wait()})"]})
                break
            results.append(json.loads(line))
            todo.pop(0)
            deadline = time.monotonic() + hang_seconds
        child.kill()
        child.wait()
        child.stdout.close()
    return results


def failures(results: list[dict]) -> list[dict]:
    bad = []
    for r in results:
        ok = (r["cpu"] is not None and r["cpu"] <= TIME_LIMIT and r["peak_mb"] <= MEMORY_LIMIT_MB
              and r["outcome"] and all(o.startswith(("interview:", "problem:")) for o in r["outcome"])
              and not any("not enough memory" in o or "internal error" in o for o in r["outcome"]))
        if not ok:
            bad.append(r)
    return bad


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        _child(argv[1:])
        return 0
    folder = Path(argv[0]) if argv else Path("/tmp/kzreader-hostile")
    hang = float(argv[1]) if len(argv) > 1 else 30.0
    results = run(generate(folder), hang)
    for r in results:
        cpu = "-" if r["cpu"] is None else f"{r['cpu']:.2f}"
        peak = "-" if r["peak_mb"] is None else f"{r['peak_mb']:.0f}"
        print(f"{Path(r['path']).name:34} cpu {cpu:>6} s  peak +{peak:>5} MB  "
              + "; ".join(o[:90] for o in r["outcome"]))
    bad = failures(results)
    print(f"{len(results) - len(bad)}/{len(results)} within {TIME_LIMIT} s and {MEMORY_LIMIT_MB} MB")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
