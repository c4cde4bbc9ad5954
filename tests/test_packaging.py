"""The installable package and desktop integration files.

The wheel test builds a wheel from a copy of the checkout, installs it into a fresh virtual
environment and runs the installed ``kzreader`` from a directory outside the checkout, so a
resource missing from ``package-data`` fails here instead of on a user's machine.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
RESOURCES = REPO / "kzreader" / "resources"  # what ships: built or used as they are
SOURCES = REPO / "resources"  # what a build step turns into some of them; never shipped
APP_ID = "io.github.kzreader.KZReader"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk; fails on anything that is not a PNG."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def resource_files() -> list[str]:
    """Every file under kzreader/resources as a wheel member name."""
    return sorted(
        p.relative_to(REPO).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def _no_isolation_possible() -> bool:
    """Whether the installed setuptools can build the wheel offline (>= 68 as pyproject asks,
    with bdist_wheel: built in from 70.1, else from the ``wheel`` package)."""
    try:
        from importlib.metadata import version

        major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    except Exception:
        return False
    if (major, minor) >= (70, 1):
        return True
    if major < 68:
        return False
    try:
        import wheel  # noqa: F401
    except ImportError:
        return False
    return True


def tool_or_skip(name: str) -> str:
    """The path of a validator; CI (KZREADER_CI=1, .ci/run apt-installs it) fails instead of
    skipping so a missing tool cannot hide a broken file."""
    path = shutil.which(name)
    if path is None:
        msg = f"{name} not installed (Debian: apt-get install appstream desktop-file-utils)"
        if os.environ.get("KZREADER_CI") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


def site_dirs() -> list[str]:
    """The running environment's package folders, in its order: a venv's own, the system's
    when it sees them, the user's, a pipx venv's shared one."""
    return [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def install_in_new_venv(wheel: Path, venv: Path) -> Path:
    """Install ``wheel`` alone into a new venv that also sees the packages of the environment
    running the tests (PySide6 is ~250 MB: reused, not downloaded); return its python.

    ``venv --system-site-packages`` would not do: run from inside a venv (or pipx) it shows
    the base interpreter's packages, not that venv's.  A .pth file listing the folders does,
    for a venv, a system Python and pipx alike; .pth files inside those folders are not run,
    so an editable install of the checkout stays invisible.  It is written after the wheel is
    installed, else pip would find that kzreader and skip the wheel.  --without-pip, with
    this pip's --python: faster, and needs no ensurepip (Debian's python3-venv).
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    # nor may pip see a checkout on PYTHONPATH (its kzreader.egg-info after `pip install -e`)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q",
                    "--disable-pip-version-check", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=120, env=clean_env())
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "_kzreader_test_environment.pth").write_text("\n".join(site_dirs()) + "\n")
    return py


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory) -> dict:
    """Build the wheel from a clean copy of the source and install it into a new venv."""
    tmp = tmp_path_factory.mktemp("wheel")
    # a copy, so the build's build/ and *.egg-info never touch the shared checkout
    src = tmp / "src"
    src.mkdir()
    shutil.copy2(REPO / "pyproject.toml", src)
    shutil.copy2(REPO / "README.md", src)
    shutil.copytree(REPO / "kzreader", src / "kzreader",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    cmd = [sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check",
           "--no-deps", "-w", str(dist), str(src)]
    if _no_isolation_possible():
        cmd.insert(5, "--no-build-isolation")
    # otherwise pip fetches setuptools/wheel from the package index, as `pip install` does
    subprocess.run(cmd, check=True, cwd=tmp, timeout=300)
    (wheel,) = dist.glob("kzreader-*.whl")

    venv = tmp / "venv"
    py = install_in_new_venv(wheel, venv)
    outside = tmp / "elsewhere"  # the cwd for running it: nowhere near the checkout
    outside.mkdir()
    env = clean_env()
    env.update(QT_QPA_PLATFORM="offscreen", KZREADER_SETTINGS_DIR=str(tmp / "settings"),
               PYTHONDONTWRITEBYTECODE="1")
    where = subprocess.run([str(py), "-c", "import kzreader; print(kzreader.__file__)"],
                           check=True, capture_output=True, text=True, cwd=outside, env=env)
    package = Path(where.stdout.strip()).parent
    return {"wheel": wheel, "venv": venv, "exe": venv / "bin" / "kzreader", "package": package,
            "cwd": outside, "env": env}


def test_wheel_carries_every_resource(wheel_install):
    names = set(zipfile.ZipFile(wheel_install["wheel"]).namelist())
    expected = {
        "kzreader/resources/themes.yaml",
        "kzreader/resources/samples/culture_qa_en.txt",
        "kzreader/resources/samples/transport_corridors.md",
        "kzreader/resources/icons/kzreader.svg",
        *(f"kzreader/resources/icons/kzreader-{s}.png" for s in ICON_SIZES),
    }
    assert expected <= names
    # and whatever else lives there now (sample files, translations *.qm, ...)
    assert set(resource_files()) - names == set()
    qm = [n for n in resource_files() if n.startswith("kzreader/resources/i18n/") and n.endswith(".qm")]
    assert set(qm) <= names
    # only built files ship: no translation source, nothing from the top-level resources/
    assert not [n for n in names if n.endswith(".ts") or n.startswith("resources/")]
    entry_points = zipfile.ZipFile(wheel_install["wheel"]).read(
        next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert "kzreader = kzreader.__main__:main" in entry_points


def test_venv_runs_the_wheels_copy(wheel_install):
    package = wheel_install["package"]
    assert package.is_relative_to(wheel_install["venv"]), package
    assert not package.is_relative_to(REPO)
    assert (package / "resources" / "themes.yaml").is_file()
    assert (package / "resources" / "icons" / "kzreader-48.png").is_file()


def test_installed_parse_json_on_bundled_samples(wheel_install):
    samples = wheel_install["package"] / "resources" / "samples"
    run = subprocess.run([str(wheel_install["exe"]), "parse", "--json", str(samples)],
                         capture_output=True, text=True, cwd=wheel_install["cwd"],
                         env=wheel_install["env"], timeout=120)
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["problems"] == []
    by_name = {Path(i["path"]).name: i for i in doc["interviews"]}
    assert set(by_name) == {"culture_qa_en.txt", "education_labels.txt", "energy_dialogue.txt",
                            "transport_corridors.md"}
    assert all(Path(i["path"]).is_relative_to(wheel_install["venv"]) for i in doc["interviews"])
    en = by_name["culture_qa_en.txt"]
    assert en["title"] == "Shared Stages: Cultural Ties Between Kazakhstan and Russia"
    assert en["language"] == "en"
    ru = by_name["transport_corridors.md"]  # from its YAML front matter
    assert ru["title"] == "Коридоры через степь: транспортная связность Казахстана и России"
    assert ru["date"] == "2024-05-17"
    assert ru["interviewee"] == "Ерлан Муратович Сарсенбаев"
    # the lead's "доктором … Мариной Сергеевной Ковалёвой" in the nominative needs the
    # pymorphy3 dictionary to be found from the installed package
    assert by_name["energy_dialogue.txt"]["interviewee"] == "Марина Сергеевна Ковалёва"
    assert all(i["exchanges"] for i in doc["interviews"])


def test_installed_screenshot_offscreen(wheel_install):
    out = wheel_install["cwd"] / "shot.png"
    run = subprocess.run([str(wheel_install["exe"]), "--screenshot", str(out)],
                         capture_output=True, text=True, cwd=wheel_install["cwd"],
                         env=wheel_install["env"], timeout=180)
    assert run.returncode == 0, run.stderr
    width, height = png_size(out)
    assert width >= 1200 and height >= 800


def test_every_source_in_resources_has_its_built_file_in_the_package():
    """resources/ holds the sources of generated assets; each one's product ships in
    kzreader/resources/ (packaging/render_icons.py, python -m kzreader.gui.translation_files)."""
    sources = sorted(p.relative_to(SOURCES).as_posix() for p in SOURCES.rglob("*") if p.is_file())
    assert "icons/kzreader.svg" in sources and "i18n/kzreader_ru.ts" in sources
    for name in sources:
        if name.endswith(".ts"):
            assert (RESOURCES / name).with_suffix(".qm").is_file(), name
        elif name == "icons/kzreader.svg":
            # shipped as the scalable icon: the copy must be the source as it is now
            assert (RESOURCES / name).read_bytes() == (SOURCES / name).read_bytes()
            assert all((RESOURCES / "icons" / f"kzreader-{size}.png").is_file() for size in ICON_SIZES)
        elif name != "README.md":
            pytest.fail(f"resources/{name}: no build step is known for it")
    assert not list(RESOURCES.rglob("*.ts")), "translation sources belong in resources/i18n/"


def test_icon_pngs_have_their_sizes():
    assert (RESOURCES / "icons" / "kzreader.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        assert png_size(RESOURCES / "icons" / f"kzreader-{size}.png") == (size, size)


def test_application_icon_and_desktop_file_name(qapp):
    from PySide6.QtGui import QIcon

    from kzreader.gui.app import APP_ID as app_id, create_application, finish_start

    assert app_id == APP_ID
    app, _ = create_application([])
    assert app.desktopFileName() == APP_ID
    app.setWindowIcon(QIcon())  # as a fresh application has it: the icon comes after the first paint
    finish_start()
    icon = app.windowIcon()  # the bundled one, as app_icon() builds it
    for size in (*ICON_SIZES, 100):  # 100: no PNG, drawn from the SVG
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner
        # the blue background left of the question bubble (x 21/256, y 128/256 in the SVG)
        bg = image.pixelColor(round(size * 21 / 256), size // 2)
        assert (bg.red(), bg.green(), bg.blue(), bg.alpha()) == (0x22, 0x50, 0x7A, 255)


def test_desktop_entry_validates():
    tool = tool_or_skip("desktop-file-validate")
    desktop = PACKAGING / f"{APP_ID}.desktop"
    run = subprocess.run([tool, str(desktop)], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == "", run.stdout + run.stderr
    text = desktop.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text and "Exec=kzreader %F\n" in text


def test_metainfo_validates():
    tool = tool_or_skip("appstreamcli")
    metainfo = PACKAGING / f"{APP_ID}.metainfo.xml"
    run = subprocess.run([tool, "validate", "--no-net", "--strict", str(metainfo)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    text = metainfo.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text


def test_install_desktop_script_into_prefix(tmp_path):
    prefix = tmp_path / "share"
    run = subprocess.run([str(PACKAGING / "install_desktop.sh"), "--prefix", str(prefix),
                          "--exec", "/opt/kzreader/kzreader"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    desktop = prefix / "applications" / f"{APP_ID}.desktop"
    assert "Exec=/opt/kzreader/kzreader %F\n" in desktop.read_text(encoding="utf-8")
    assert (prefix / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (prefix / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        png = prefix / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png) == (size, size)
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout
    bad = subprocess.run([str(PACKAGING / "install_desktop.sh"), "--prefix", str(prefix),
                          "--exec", "/opt/my apps/kzreader"], capture_output=True, text=True)
    assert bad.returncode == 2  # a space would split Exec into two arguments
