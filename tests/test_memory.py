from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from toolkit.errors import MemoryStoreError
from toolkit.memory import TranslationMemory, TranslationUnit, default_memory_path, match_key

UNITS = [
    TranslationUnit("de", "ja", "Wasserstoff ist wichtig.", "水素は重要です。", origin="test"),
    TranslationUnit("de", "ja", "Ammoniak auch.", "アンモニアも重要です。", origin="test"),
]


def test_add_and_lookup(memory: TranslationMemory) -> None:
    result = memory.add(UNITS)
    assert (result.added, result.updated, result.unchanged) == (2, 0, 0)
    assert memory.lookup(["Wasserstoff ist wichtig.", "Unbekannt."], "de", "ja") == {
        "Wasserstoff ist wichtig.": "水素は重要です。"
    }
    assert memory.lookup(["Wasserstoff ist wichtig."], "ja", "de") == {}


def test_lookup_uses_normalised_keys(memory: TranslationMemory) -> None:
    memory.add(UNITS)
    # Case, extra spaces and full-width forms still match (NFKC + casefold).
    hits = memory.lookup(["WASSERSTOFF  ist wichtig．"], "de", "ja")
    assert hits == {"WASSERSTOFF  ist wichtig．": "水素は重要です。"}
    assert match_key(" Ａｂ  C ") == "ab c"


def test_reimport_keeps_both_versions_and_reports_the_conflict(
    memory: TranslationMemory,
) -> None:
    # Schema 1 overwrote the old target silently; now both stay and the import says so.
    memory.add(UNITS)
    again = memory.add(
        [UNITS[0], TranslationUnit("de", "ja", "Ammoniak auch.", "アンモニアもです。")]
    )
    assert (again.added, again.updated, again.unchanged) == (1, 0, 1)
    assert memory.lookup(["Ammoniak auch."], "de", "ja")["Ammoniak auch."] == "アンモニアもです。"
    assert [c.other.target for c in again.conflicts] == ["アンモニアも重要です。"]
    assert [u.target for u in memory.history("Ammoniak auch.", "de", "ja")] == [
        "アンモニアもです。",
        "アンモニアも重要です。",
    ]


def test_empty_units_are_skipped(memory: TranslationMemory) -> None:
    result = memory.add([TranslationUnit("de", "ja", "Text", "  ")])
    assert result.skipped == 1
    assert memory.stats().units == {}


def test_file_memory_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "tm.sqlite"
    with TranslationMemory(path) as store:
        store.add(UNITS)
    with TranslationMemory(path, create=False) as store:
        assert store.stats().units == {"de→ja": 2}
        assert [u.source for u in store.units()] == [u.source for u in UNITS]
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(MemoryStoreError, match="not a usable translation memory"):
        TranslationMemory(path)
    assert path.read_text().startswith("this is not sqlite")


def test_missing_memory_without_create(tmp_path: Path) -> None:
    with pytest.raises(MemoryStoreError, match="no translation memory here"):
        TranslationMemory(tmp_path / "none.sqlite", create=False)


def test_failed_write_rolls_back(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as store:
        store.add(UNITS[:1])

        def broken() -> object:
            yield UNITS[1]
            raise RuntimeError("disk on fire")

        with pytest.raises(RuntimeError):
            store.add(broken())  # type: ignore[arg-type]
        assert store.stats().units == {"de→ja": 1}


def test_busy_memory_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as store:
        store.add(UNITS[:1])
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        store = TranslationMemory(path)
        store._db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(MemoryStoreError, match="busy"):
            store.add(UNITS[1:])
        store.close()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_default_path_honours_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEJAKIT_MEMORY", str(tmp_path / "x.sqlite"))
    assert default_memory_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("DEJAKIT_MEMORY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_memory_path() == tmp_path / "data" / "dejakit" / "memory.sqlite"
