"""Keeping the translation files up to date: lupdate over the GUI's sources and the core's
message catalogue, lrelease, and the checks that every entry is translated and every ``.qm``
matches its ``.ts``.  A maintainer's tool, never imported by the running program::

    python -m kzreader.gui.translation_files          # lupdate, then lrelease
    python -m kzreader.gui.translation_files --check  # exit 1 when a .ts or .qm is out of date

After changing user-visible strings run it, translate the new entries (Qt Linguist, or by hand
in the .ts) and run it again.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from kzreader.core.messages import REMOVED_KINDS, TEXTS

from .i18n import CORE_CONTEXT, GUI_DIR, I18N_DIR, TRANSLATED
from .reading.removed_labels import CONTEXT as REMOVED_CONTEXT


# the .ts sources live in the checkout's top-level resources/i18n/; only the .qm files lrelease
# builds from them ship, in the package's resources/i18n/ (I18N_DIR)
TS_DIR = GUI_DIR.parents[1] / "resources" / "i18n"


def ts_files() -> list[Path]:
    return [TS_DIR / f"kzreader_{lang}.ts" for lang in TRANSLATED]


def qm_file(ts: Path) -> Path:
    """Where the .qm built from ``ts`` ships."""
    return I18N_DIR / ts.with_suffix(".qm").name


def gui_sources() -> list[Path]:
    return sorted(GUI_DIR.rglob("*.py"))


def core_catalogue_source() -> str:
    """The core's message templates and removed-text names as Python lupdate reads: the core
    cannot mark them itself (no Qt there), and the GUI translates them by these texts."""
    lines = ["# generated from kzreader.core.messages for lupdate; not a module of the program"]
    entries = [(CORE_CONTEXT, text) for text in TEXTS.values()]
    entries += [(REMOVED_CONTEXT, name) for name in REMOVED_KINDS.values() if name]
    for context, text in entries:
        # JSON string literals are Python string literals too (quotes and backslashes escaped)
        lines.append(f"QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)})")
    return "\n".join(lines) + "\n"


def qt_tool(name: str) -> str:
    """lupdate/lrelease as shipped in the PySide6 wheel (also present on a fresh CI machine)."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return found
    raise FileNotFoundError(f"{name} not found (it comes with PySide6-Essentials)")


def run_lupdate(ts: Path, sources: list[Path] | None = None, drop_vanished: bool = False) -> str:
    """Update ``ts`` from the sources (default: the GUI's) and the core's catalogue; entries no
    longer in either are marked vanished, or dropped with ``drop_vanished``.  Returns
    lupdate's report."""
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = Path(tmp) / "core_messages.py"
        catalogue.write_text(core_catalogue_source(), encoding="utf-8")
        lang = ts.stem.rsplit("_", 1)[-1]
        cmd = [qt_tool("lupdate"), "-locations", "none", "-target-language", lang,
               *(["-no-obsolete"] if drop_vanished else []),
               *(str(p) for p in (sources or gui_sources())), str(catalogue), "-ts", str(ts)]
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True, text=True)


def ts_gaps(ts: Path) -> list[str]:
    """Entries of ``ts`` that are not finished translations: "state: context: source"."""
    gaps = []
    for context in ET.parse(ts).getroot().iter("context"):
        ctx = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            source = message.findtext("source", "")
            kind = tr.get("type", "") if tr is not None else "missing"
            forms = tr.findall("numerusform") if tr is not None else []
            empty = tr is None or (not any((f.text or "").strip() for f in forms) if forms
                                   else not (tr.text or "").strip())
            if not kind and (empty or (forms and not all((f.text or "").strip() for f in forms))):
                kind = "empty"
            if kind:
                gaps.append(f"{kind}: {ctx}: {source}")
    return gaps


def qm_mismatches(ts: Path, qm: Path) -> list[str]:
    """Finished entries of ``ts`` that ``qm`` does not translate the same way (compared by
    lookup, not bytes, so another lrelease version does not count as a difference)."""
    translator = QTranslator()
    if not translator.load(str(qm)):
        return [f"cannot load {qm.name}"]
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        ctx = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type"):
                continue
            source, comment = message.findtext("source", ""), message.findtext("comment")
            forms = tr.findall("numerusform")
            # Russian plural forms: one (1), few (2), many (5)
            checks = ([(n, (f.text or "").replace("%n", str(n))) for n, f in zip((1, 2, 5), forms)]
                      if forms else [(-1, tr.text or "")])
            for n, expected in checks:
                got = translator.translate(ctx, source, comment, n)
                if n >= 0:
                    got = got.replace("%n", str(n))
                if got != expected:
                    out.append(f"{ctx}: {source}")
                    break
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    status = 0
    for ts in ts_files():
        qm = qm_file(ts)
        if check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                run_lupdate(copy)
                gaps = ts_gaps(copy)
            stale = bool(qm_mismatches(ts, qm))
        else:
            print(run_lupdate(ts, drop_vanished=True).strip())
            run_lrelease(ts, qm)
            gaps, stale = ts_gaps(ts), False
        for gap in gaps:
            print(f"{ts.name}: {gap}")
        if stale:
            print(f"{qm.name} is older than {ts.name}: run python -m kzreader.gui.translation_files")
        status |= bool(gaps or stale)
    return status


if __name__ == "__main__":
    sys.exit(main())
