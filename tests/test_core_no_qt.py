"""The core and `kzreader parse` never import PySide6."""
import subprocess
import sys

from conftest import REPO


def test_core_imports_without_qt():
    code = (
        "import sys, pkgutil, importlib, kzreader.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'kzreader.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import kzreader.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_parse_command_does_not_import_qt(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("— Как дела?\n\n— Хорошо.\n", encoding="utf-8")
    code = (
        "import sys, kzreader.__main__ as m\n"
        f"rc = m.main(['parse', '--json', {str(f)!r}])\n"
        "bad = [x for x in sys.modules if x.startswith(('PySide6', 'shiboken6'))]\n"
        "sys.exit(3 if bad else rc)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
