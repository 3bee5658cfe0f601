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


# The tables of dejakit 0.1 (memory schema 1), as it created them.
SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS units (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source_key)
);
CREATE TABLE IF NOT EXISTS mt_cache (
    key         TEXT PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source      TEXT NOT NULL,
    result      TEXT NOT NULL,
    created_at  TEXT NOT NULL
)
"""


@pytest.mark.parametrize("recorded", [0, 1])  # 0: a file from before the version was recorded
def test_schema_1_file_is_migrated_without_loss(tmp_path: Path, recorded: int) -> None:
    from toolkit.memory.schema import SCHEMA_VERSION

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1)
    rows = [
        ("de", "ja", "Wasserstoff ist wichtig.", "水素は重要です。", "wasserstoff ist wichtig."),
        ("ja", "de", "水素は重要です。", "Wasserstoff ist wichtig.", "水素は重要です。"),
    ]
    db.executemany(
        "INSERT INTO units (source_lang, target_lang, source, target, source_key, origin,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'tmx:a.tmx', '2026-01-01T00:00:00+00:00',"
        " '2026-01-02T00:00:00+00:00')",
        rows,
    )
    db.execute(
        "INSERT INTO mt_cache VALUES ('k', 'de', 'ja', 'x', '{}', '2026-01-01T00:00:00+00:00')"
    )
    db.execute(f"PRAGMA user_version = {recorded}")
    db.commit()
    db.close()
    with TranslationMemory(path) as store:
        units = list(store.units())
        assert [(u.source_lang, u.target_lang, u.source, u.target) for u in units] == [
            r[:4] for r in rows
        ]
        assert {(u.kind, u.origin, u.updated_at) for u in units} == {
            ("imported", "tmx:a.tmx", "2026-01-02T00:00:00+00:00")
        }
        assert store.cached(["k"]) == {"k": "{}"}
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_approved_beats_a_unit_read_the_other_way_round(memory: TranslationMemory) -> None:
    memory.approve("Pressemitteilung", "報道発表資料", "de", "ja", reviewer="K. Sato")
    # A ja→de TMX read backwards, dated later: it is kept, never served, never a conflict.
    result = memory.add(
        [
            TranslationUnit(
                "de",
                "ja",
                "Pressemitteilung",
                "プレスリリース",
                origin="tmx:x.tmx",
                updated_at="20300101T000000Z",
                kind="derived",
            )
        ]
    )
    assert (result.added, result.conflicts) == (1, ())
    assert memory.lookup(["Pressemitteilung"], "de", "ja") == {"Pressemitteilung": "報道発表資料"}
    assert len(memory.history("Pressemitteilung", "de", "ja")) == 2


def test_conflicting_tmx_keeps_both_versions_and_reports(
    memory: TranslationMemory, tmp_path: Path
) -> None:
    from toolkit.exchange import read_tmx, write_tmx

    memory.approve("Pressemitteilung", "報道発表資料", "de", "ja", reviewer="K. Sato")
    path = tmp_path / "other.tmx"
    write_tmx([TranslationUnit("de", "ja", "Pressemitteilung", "プレスリリース")], path)
    result = memory.add(read_tmx(path)[0])
    (conflict,) = result.conflicts
    assert (conflict.served.target, conflict.other.target) == ("報道発表資料", "プレスリリース")
    assert "other.tmx" in conflict.describe()
    assert "K. Sato" in conflict.describe()
    assert memory.lookup(["Pressemitteilung"], "de", "ja") == {"Pressemitteilung": "報道発表資料"}
    assert [c.other.target for c in memory.conflicts()] == ["プレスリリース"]
    # A reviewer deciding (approving either version again) settles it.
    memory.approve("Pressemitteilung", "プレスリリース", "de", "ja", reviewer="M. Weber")
    assert memory.conflicts() == []
    assert memory.lookup(["Pressemitteilung"], "de", "ja") == {"Pressemitteilung": "プレスリリース"}


def test_sample_tmx_files_in_any_order_give_the_same_memory(tmp_path: Path) -> None:
    import random

    from tests.conftest import SAMPLES
    from toolkit.exchange import read_tmx

    files = sorted(SAMPLES.glob("*.tmx"))
    loaded = {f: read_tmx(f)[0] for f in files}

    def state(order: list[Path]) -> tuple[object, ...]:
        with TranslationMemory(":memory:") as store:
            for f in order:
                store.add(loaded[f])
            served = sorted((u.source_lang, u.source, u.target, u.kind) for u in store.units())
            versions = sorted(
                (u.source_lang, u.source, u.target, u.kind, u.origin, u.updated_at)
                for u in store.versions()
            )
            conflicts = sorted(c.describe() for c in store.conflicts())
            return served, versions, conflicts

    reference = state(files)
    rng = random.Random(12)
    for _ in range(4):
        order = files[:]
        rng.shuffle(order)
        assert state(order) == reference
    assert state(files[::-1]) == reference


def test_fuzzy_suggestions_are_offered_never_applied(memory: TranslationMemory) -> None:
    from toolkit import FakeEngine, read_text, translate_document

    memory.approve(
        "Die Delegation reist nach Fukushima.",
        "代表団は福島へ向かう。",
        "de",
        "ja",
        reviewer="K. Sato",
    )
    doc = read_text("Die Delegation reist nach Fukuoka.\n", source_name="x.txt", lang="de")
    out = translate_document(doc, target_lang="ja", memory=memory, engine=FakeEngine())
    (seg,) = out.segments()
    assert seg.target is None  # the engine knows nothing; the suggestion is not applied
    assert seg.status == "fuzzy"
    (near,) = seg.suggestions
    assert (near.target, near.approved) == ("代表団は福島へ向かう。", True)
    assert 75 <= near.score < 100


def test_fuzzy_matches_see_what_another_process_wrote(tmp_path: Path) -> None:
    from toolkit.memory import suggest

    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as reader, TranslationMemory(path) as writer:
        query = "Die Delegation reist nach Fukuoka."
        assert suggest(reader, [query], "de", "ja") == {}
        writer.add([TranslationUnit("de", "ja", "Die Delegation reist nach Fukushima.", "訳。")])
        assert [s.target for s in suggest(reader, [query], "de", "ja")[query]] == ["訳。"]


def test_the_reported_incident_approved_unit_survives_the_sample_imports(
    memory: TranslationMemory, tmp_path: Path
) -> None:
    """Issue 12: importing the samples silently replaced an approved unit; now it stays."""
    from tests.conftest import SAMPLES
    from toolkit.exchange import read_tmx, write_tmx

    memory.approve("Pressemitteilung", "報道発表資料", "de", "ja", reviewer="K. Sato")
    results = memory.add_batches(
        [read_tmx(SAMPLES / name)[0] for name in ("pr-fukushima-ja.tmx", "pm-wasserstoff-de.tmx")]
    )
    assert memory.lookup(["Pressemitteilung"], "de", "ja") == {"Pressemitteilung": "報道発表資料"}
    # The ja→de file read backwards agrees or is derived: no conflict; the de→ja file's
    # プレスリリース is kept as a version and reported.
    assert results[0].conflicts == ()
    assert [(c.source, c.other.target) for c in results[1].conflicts] == [
        ("Pressemitteilung", "プレスリリース")
    ]
    out = tmp_path / "export.tmx"
    write_tmx(memory.units("de", "ja"), out)
    exported = {u.source: u.target for u in read_tmx(out)[0] if u.source_lang == "de"}
    assert exported["Pressemitteilung"] == "報道発表資料"
