"""A translated sample, a memory and helpers to edit and re-save review files."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from toolkit import FakeEngine, read_document, translate_document
from toolkit.memory import TranslationMemory
from toolkit.model import Document


def machine(text: str) -> str:
    """A recognisable machine 'translation' of `text`."""
    return f"【機械訳】{text}"


@pytest.fixture
def engine() -> FakeEngine:
    """An engine that marks every text as machine output and records what it was sent."""
    return FakeEngine(fallback=machine)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TranslationMemory]:
    """A file memory holding the Wasserstoff sample's TMX."""
    from toolkit.exchange import read_tmx

    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add(read_tmx(SAMPLES / "pm-wasserstoff-de.tmx")[0][:20])
        yield memory


@pytest.fixture
def release() -> Document:
    """The Erneuerbare sample, read."""
    return read_document(SAMPLES / "pm-erneuerbare-de.txt")


def translate(doc: Document, store: TranslationMemory, engine: FakeEngine) -> Document:
    """Translate `doc` to Japanese with `store` and `engine`."""
    return translate_document(doc, target_lang="ja", memory=store, engine=engine)


def libreoffice_resave(path: Path, outdir: Path) -> Path:
    """Open `path` in LibreOffice headless and save it as DOCX again; return the new file."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{outdir / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return outdir / path.name
