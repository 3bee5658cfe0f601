"""`dejakit doctor`: what this machine has and lacks for dejakit, and the command that fixes it."""

from __future__ import annotations

import ctypes.util
import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .render.fonts import SANS, SERIF

__all__ = ["Check", "run_checks"]

APT = "sudo apt-get install -y"


@dataclass(frozen=True, slots=True)
class Check:
    """One thing dejakit needs or can use, and whether it is here."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True


def run_checks(*, memory_path: Path | None = None) -> list[Check]:
    """Return the result of every check, required ones first."""
    checks = [
        _python(),
        _module("weasyprint", "PDF output (WeasyPrint)"),
        _module("docx", "DOCX output (python-docx)"),
        _library(
            "pango-1.0", "Pango (WeasyPrint's text layout)", "libpango-1.0-0 libpangoft2-1.0-0"
        ),
        _library(
            "harfbuzz-subset",
            "HarfBuzz subsetting (fast PDF font embedding)",
            "libharfbuzz-subset0",
        ),
        *_fonts(),
        _module("ctranslate2", "CTranslate2 (offline translation engine)"),
        _models(),
        _tool("pdftotext", "poppler-utils (tests read PDFs back)", "poppler-utils", required=False),
        _tool(
            "soffice",
            "LibreOffice (tests open the DOCX)",
            "libreoffice-writer-nogui",
            required=False,
        ),
    ]
    if memory_path is not None:
        checks.append(_memory(memory_path))
    return checks


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    return Check(
        "Python ≥ 3.10", sys.version_info >= (3, 10), version, "install Python 3.10 or newer"
    )


def _module(name: str, label: str) -> Check:
    found = importlib.util.find_spec(name) is not None
    return Check(label, found, "installed" if found else "missing", "pip install dejakit")


def _library(name: str, label: str, package: str) -> Check:
    path = ctypes.util.find_library(name)
    return Check(label, path is not None, path or "missing", f"{APT} {package}")


def _fonts() -> list[Check]:
    families = _font_families()
    wanted = [
        (SERIF.cjk, "Japanese serif font", "fonts-noto-cjk"),
        (SANS.cjk, "Japanese sans-serif font", "fonts-noto-cjk"),
        (SERIF.latin, "Latin serif font", "fonts-noto-core"),
        (SANS.latin, "Latin sans-serif font", "fonts-noto-core"),
    ]
    return [
        Check(
            f"{label} ({family})",
            family in families,
            "installed" if family in families else "missing",
            f"{APT} {package}",
        )
        for family, label, package in wanted
    ]


def _font_families() -> set[str]:
    if shutil.which("fc-list") is None:
        return set()
    try:
        out = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


def _models() -> Check:
    try:
        from .engines.packages import describe_routes
    except ImportError:  # engine not available in this build
        return Check("Argos models", False, "engine missing", "pip install dejakit", False)
    lines = describe_routes()
    ok = any(line.startswith(("de→ja", "ja→de")) and "missing" not in line for line in lines)
    return Check(
        "Argos models for de↔ja",
        ok,
        "; ".join(lines) if lines else "none installed",
        "dejakit models download de ja (online) or dejakit models install FILE.argosmodel",
        required=False,
    )


def _tool(command: str, label: str, package: str, *, required: bool) -> Check:
    path = shutil.which(command)
    return Check(label, path is not None, path or "missing", f"{APT} {package}", required)


def _memory(path: Path) -> Check:
    from .errors import MemoryStoreError
    from .memory import TranslationMemory

    if not path.exists():
        return Check(
            "Translation memory",
            True,
            f"{path} (not created yet)",
            "dejakit memory import FILE.tmx",
            required=False,
        )
    try:
        with TranslationMemory(path, create=False) as memory:
            stats = memory.stats()
    except MemoryStoreError as exc:
        return Check("Translation memory", False, str(exc), "pass --memory with another file")
    units = ", ".join(f"{k}: {v}" for k, v in stats.units.items()) or "empty"
    return Check("Translation memory", True, f"{path} ({units})", required=False)
