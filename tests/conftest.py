"""Shared fixtures: an isolated home for every test, the samples, a throwaway memory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.memory import TranslationMemory

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every per-user location at a temporary folder: no test touches the real home."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos-packages"))
    monkeypatch.setenv("DEJAKIT_MEMORY", str(home / "memory.sqlite"))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def memory() -> Iterator[TranslationMemory]:
    """An empty in-memory translation memory."""
    with TranslationMemory(":memory:") as store:
        yield store


@pytest.fixture
def sample() -> object:
    """Return the path of a file in samples/ by name."""

    def _sample(name: str) -> Path:
        path = SAMPLES / name
        assert path.exists(), f"missing sample {path}"
        return path

    return _sample


def has_command(name: str) -> bool:
    """Return whether `name` is on PATH."""
    return any(
        (Path(folder) / name).exists() for folder in os.environ.get("PATH", "").split(os.pathsep)
    )


_OURS = (b"dejakit parallel text", b"dejakit briefing pack")


@pytest.fixture(autouse=True)
def docx_outputs_pass_the_check(request: pytest.FixtureRequest) -> Iterator[None]:
    """Run the DOCX check on every handout, pack and fact sheet DOCX a test writes.

    Only DOCX that dejakit wrote as handouts or packs (their core properties say so): review
    files and the deliberately broken DOCX of some tests are not ours to check.
    """
    if "tmp_path" not in request.fixturenames:
        yield
        return
    import zipfile

    tmp_path: Path = request.getfixturevalue("tmp_path")  # set up first, torn down after this
    yield
    for path in tmp_path.rglob("*.docx"):
        try:
            with zipfile.ZipFile(path) as package:
                core = package.read("docProps/core.xml")
        except (OSError, KeyError, zipfile.BadZipFile):
            continue
        if not any(mark in core for mark in _OURS):
            continue
        from toolkit.render.docxcheck import check_docx

        defects = check_docx(path)
        assert not defects, "; ".join(map(str, defects[:5]))
