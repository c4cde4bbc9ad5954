#!/usr/bin/env bash
# Install the desktop entry, AppStream metainfo and icons for the current user (or a prefix).
#   packaging/install_desktop.sh                       # into ~/.local/share, Exec=kzreader
#   packaging/install_desktop.sh --exec /opt/kzreader/kzreader [--prefix DIR]
# --exec names the program the menu entry starts (e.g. the PyInstaller bundle's executable);
# by default it is "kzreader", as pip/pipx put it on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="io.github.kzreader.KZReader"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
exec_cmd="kzreader"
# the icons sit in the checkout, or in the bundle (build_bundle.sh copies this script to
# dist/kzreader/desktop/, whose menu entry then starts the bundle by default)
icons=""
for dir in "$here/../kzreader/resources/icons" "$here/../_internal/kzreader/resources/icons"; do
    if [ -f "$dir/kzreader.svg" ]; then icons="$dir"; break; fi
done
if [ -z "$icons" ]; then echo "install_desktop.sh: kzreader/resources/icons not found" >&2; exit 1; fi
if [ -x "$here/../kzreader" ] && [ -d "$here/../_internal" ]; then
    exec_cmd="$(cd "$here/.." && pwd)/kzreader"
fi
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --exec) exec_cmd="$2"; shift 2 ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "install_desktop.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$exec_cmd" in
    *[[:space:]\"\'\\\`\$]*) echo "install_desktop.sh: --exec path must not contain spaces or quotes" >&2; exit 2 ;;
esac

install -d "$prefix/applications" "$prefix/metainfo" "$prefix/icons/hicolor/scalable/apps"
sed "s|^Exec=kzreader |Exec=$exec_cmd |" "$here/$app_id.desktop" > "$prefix/applications/$app_id.desktop"
install -m 644 "$here/$app_id.metainfo.xml" "$prefix/metainfo/$app_id.metainfo.xml"
install -m 644 "$icons/kzreader.svg" "$prefix/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 32 48 64 128 256; do
    install -d "$prefix/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$icons/kzreader-$size.png" "$prefix/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
# menus and icon caches pick the new files up at once where these tools exist
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$prefix/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$prefix/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
fi
echo "installed $app_id into $prefix"
