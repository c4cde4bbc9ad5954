#!/bin/sh
# Set up kzreader from this checkout on Debian 12 / Ubuntu 24.04 (other systems: the pip part):
# the system libraries Qt needs (apt-get, through sudo unless run as root), then a virtual
# environment .venv holding kzreader (editable) and its test tools.  Run it again at any time.
set -eu
cd "$(dirname "$0")"
python="${PYTHON:-python3}"

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    # python3-venv: Debian's python3 has no venv (ensurepip) without it.  libegl1 ... dbus:
    # Qt itself; fonts-dejavu-core: Cyrillic glyphs anywhere; libx11-xcb1 ... libxcb-xkb1: Qt's
    # X11 (xcb) platform plugin, which aborts without any of them (kzreader names the missing
    # ones, see kzreader/gui/display.py); gcc, python3-dev: pip compiles the parser's hot
    # modules with mypyc (without them it stays pure Python, slower)
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        python3 python3-venv gcc python3-dev \
        libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core \
        libx11-xcb1 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
        libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 \
        libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
echo "kzreader is installed in .venv: run .venv/bin/kzreader"
