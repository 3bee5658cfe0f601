"""Where the shipped templates and glossaries are.

In a source checkout they sit at the top of the repository (``templates/``, ``glossaries/``);
in an installed wheel they are package data under ``toolkit/_data/``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["glossary_dir", "template_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"dejakit's {name}/ folder is missing from the installation")


def template_dir() -> Path:
    """Return the folder of the shipped jinja2 templates and their assets."""
    return _find("templates")


def glossary_dir() -> Path:
    """Return the folder of the shipped domain glossaries."""
    return _find("glossaries")
