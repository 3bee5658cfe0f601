from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import toolkit
from tests.conftest import ROOT


def test_all_is_sorted_and_complete() -> None:
    assert toolkit.__all__ == sorted(toolkit.__all__)
    for name in toolkit.__all__:
        assert hasattr(toolkit, name), name


def test_import_is_light() -> None:
    code = (
        "import sys, toolkit.cli; "
        "heavy = [m for m in ('torch', 'weasyprint', 'docx', 'ctranslate2', "
        "'argostranslate.translate', 'stanza', 'spacy') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_imports_no_heavy_library() -> None:
    # How fast it starts is measured by bench/startup.py; here: what `--help` loads.
    code = (
        "import contextlib, io, sys; from toolkit.cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        cli(['--help'])\n    except SystemExit:\n        pass\n"
        "heavy = {'torch', 'weasyprint', 'ctranslate2', 'docx', 'babel.numbers', 'budoux'}\n"
        "print(','.join(sorted(heavy & set(sys.modules))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_python_dash_m(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "toolkit", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("dejakit, version")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(folder.glob("dejakit-*.whl"))


def test_wheel_carries_templates_and_glossaries(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "toolkit/_data/templates/parallel.html.j2" in names
    assert "toolkit/_data/templates/parallel.css" in names
    assert any(n.startswith("toolkit/_data/glossaries/") for n in names)


def test_installed_wheel_finds_its_templates(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = "import toolkit.resources as r; print(r.template_dir()); print(r.glossary_dir())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    lines = out.stdout.split()
    assert lines[0] == str(target / "toolkit" / "_data" / "templates")
    assert lines[1] == str(target / "toolkit" / "_data" / "glossaries")
