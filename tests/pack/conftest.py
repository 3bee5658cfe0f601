"""Pack fixtures: a folder with the sample manifest and its files, a memory of the samples."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from toolkit.exchange import read_tmx
from toolkit.glossary import default_glossary
from toolkit.glossary.model import Glossary
from toolkit.memory import TranslationMemory

SAMPLE_FILES = ("pack.toml", "mou-nrw-fukushima-2026.toml", "pm-wasserstoff-de.txt")


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    """The shipped glossaries."""
    return default_glossary()


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    """A folder holding a copy of the sample manifest and the files it names."""
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in SAMPLE_FILES:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def fill_memory(memory: TranslationMemory) -> TranslationMemory:
    """Import every sample TMX into `memory` and return it."""
    for path in sorted(SAMPLES.glob("*.tmx")):
        units, _ = read_tmx(path)
        memory.add(units)
    return memory


@pytest.fixture
def sample_memory() -> Iterator[TranslationMemory]:
    """An in-memory translation memory with the samples' approved translations."""
    with TranslationMemory(":memory:") as store:
        yield fill_memory(store)


@pytest.fixture
def memory_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default memory file (``$DEJAKIT_MEMORY``), holding the samples' translations."""
    path = tmp_path / "memory.sqlite"
    monkeypatch.setenv("DEJAKIT_MEMORY", str(path))
    with TranslationMemory(path) as store:
        fill_memory(store)
    return path


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must occur) by `new` in the file at `path`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """Return the 1-based line of the first line of `path` containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)
