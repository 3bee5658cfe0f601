"""Fixtures for the robustness tests: a plain Word file written by python-docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engines.conftest import copy_packages, untrained_packages

__all__ = ["copy_packages", "untrained_packages"]


@pytest.fixture
def plain_docx(tmp_path: Path) -> Path:
    """A small valid Word press release."""
    import docx

    document = docx.Document()
    document.add_paragraph("Wasserstoff aus Fukushima", style="Title")
    document.add_paragraph("Düsseldorf und Fukushima arbeiten zusammen. Das ist neu.")
    path = tmp_path / "plain.docx"
    document.save(str(path))
    return path


@pytest.fixture
def use_copy_models(copy_packages: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point dejakit at the project's copy-trained Argos packages."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(copy_packages))
    return copy_packages
