#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle into build/bundle/dist/kzreader/ (run the program
# as build/bundle/dist/kzreader/kzreader).  KZREADER_BUNDLE_DIR moves build/bundle elsewhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${KZREADER_BUNDLE_DIR:-$root/build/bundle}"
# the Python whose packages go into the bundle: $PYTHON, else the README's .venv, else python3
python="${PYTHON:-}"
if [ -z "$python" ]; then
    if [ -x "$root/.venv/bin/python" ]; then python="$root/.venv/bin/python"; else python=python3; fi
fi

# PyInstaller goes into a venv of its own so the build tool never lands in the user's
# environment.  That venv sees kzreader's installed dependencies through a .pth file listing
# $python's package folders: `venv --system-site-packages` run from a venv would show the base
# interpreter's packages instead of the venv's.  pip runs from outside the venv (no ensurepip,
# i.e. no Debian python3-venv, needed).  PyInstaller needs objdump on Linux (Debian: binutils).
venv="$out/venv"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv --without-pip "$venv"
fi
purelib="$("$venv/bin/python" -c "import sysconfig; print(sysconfig.get_path('purelib'))")"
"$python" -c "import sys, pathlib
print('\n'.join(p for p in sys.path if pathlib.Path(p).name in ('site-packages', 'dist-packages')))" \
    > "$purelib/_kzreader_build_environment.pth"
if ! "$venv/bin/python" -c "import PyInstaller" 2>/dev/null; then
    "$python" -m pip --python "$venv/bin/python" install -q --disable-pip-version-check "pyinstaller>=6"
fi

cd "$root"
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$out/dist" --workpath "$out/work" packaging/kzreader.spec

# the menu entry installer travels with the bundle (it finds the icons in _internal/)
desktop="$out/dist/kzreader/desktop"
mkdir -p "$desktop"
cp packaging/install_desktop.sh packaging/io.github.kzreader.KZReader.desktop \
    packaging/io.github.kzreader.KZReader.metainfo.xml "$desktop/"
du -sh "$out/dist/kzreader"
