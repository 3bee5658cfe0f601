"""The project's tiny Argos packages, installed through the real install path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

MODELS = ROOT / "tests" / "models"
LEGS = ("de_en", "en_ja", "ja_en", "en_de")


def package_files(kind: str) -> list[Path]:
    """Return the committed .argosmodel files of `kind` ("copy" or "untrained")."""
    return [MODELS / kind / f"translate-{leg}-test_{kind}.argosmodel" for leg in LEGS]


def _install(kind: str, folder: Path) -> Path:
    from toolkit.engines.packages import install_package

    mp = pytest.MonkeyPatch()
    mp.setenv("ARGOS_PACKAGES_DIR", str(folder))
    try:
        for file in package_files(kind):
            install_package(file)
    finally:
        mp.undo()
    return folder


@pytest.fixture(scope="session")
def copy_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A packages folder holding the four copy-trained packages (installed once)."""
    return _install("copy", tmp_path_factory.mktemp("argos-copy"))


@pytest.fixture(scope="session")
def untrained_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A packages folder holding the four untrained packages (installed once)."""
    return _install("untrained", tmp_path_factory.mktemp("argos-untrained"))


@pytest.fixture
def use_copy(copy_packages: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point dejakit at the copy-trained packages."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(copy_packages))
    return copy_packages


@pytest.fixture
def use_untrained(untrained_packages: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point dejakit at the untrained packages."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(untrained_packages))
    return untrained_packages


def heldout(lang_filter: str | None = None, limit: int = 60) -> list[str]:
    """Return held-out sentences the copy model was not trained on."""
    lines = (MODELS / "heldout-sentences.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()][:limit]
