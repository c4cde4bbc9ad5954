"""Build the application icon that ships from its source, resources/icons/kzreader.svg: the
PNG sizes rendered with QtSvg, and the SVG itself copied as the scalable icon, all into
kzreader/resources/icons/.

Run after editing resources/icons/kzreader.svg:
    python3 packaging/render_icons.py
The built files are committed: window managers and the PyInstaller bundle use the PNGs without
needing the Qt SVG plugin.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "kzreader.svg"
ICONS = ROOT / "kzreader" / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = SOURCE
    shutil.copyfile(svg, ICONS / svg.name)
    print(ICONS / svg.name)
    for size in SIZES:
        out = ICONS / f"kzreader-{size}.png"
        if not render(svg, size).save(str(out), "PNG"):
            print(f"render_icons: cannot write {out}", file=sys.stderr)
            return 1
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
