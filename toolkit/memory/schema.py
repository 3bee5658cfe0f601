"""The memory file's tables, their version (``PRAGMA user_version``) and their migrations.

Schema 1 (dejakit 0.1) held one row per source: a new import overwrote the target. Schema 2 keeps
every distinct translation of a source as a version with its provenance (kind, origin file, who,
when, document and segment), plus the review files sent out and the comments that came back.
Migrating copies every schema-1 row as an ``imported`` version: nothing is lost, and since
schema 1 never recorded which direction a TMX was written in, none is marked ``derived``.
"""

from __future__ import annotations

import sqlite3

__all__ = ["KIND_RANK", "SCHEMA_VERSION", "migrate"]

SCHEMA_VERSION = 2

# Which version of a source wins: a person's approval beats an imported file, which beats a
# unit read from a TMX the other way round (ja→de read as de→ja).
KIND_RANK = {"approved": 3, "imported": 2, "derived": 1}

# The tables of schema 2 besides the cache: a new file gets them as they are; a schema-1 file
# gets them too, then `versions` is filled from its `units`.
_SCHEMA_V2 = """
CREATE TABLE versions (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('approved', 'imported', 'derived')),
    rank        INTEGER NOT NULL,
    origin      TEXT NOT NULL DEFAULT '',
    reviewer    TEXT NOT NULL DEFAULT '',
    document    TEXT NOT NULL DEFAULT '',
    segment_id  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source_key, target)
);
CREATE INDEX versions_by_key ON versions (source_lang, target_lang, source_key);
CREATE TABLE reviews (
    id          TEXT PRIMARY KEY,
    document    TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    format      TEXT NOT NULL,
    path        TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    segments    TEXT NOT NULL,
    imported_at TEXT,
    reviewer    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    review_id   TEXT NOT NULL,
    document    TEXT NOT NULL,
    segment_id  TEXT NOT NULL,
    source      TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL
)
"""


# Machine translations by segment, engine and glossary: the same in both schemas.
_MT_CACHE = """
CREATE TABLE IF NOT EXISTS mt_cache (
    key         TEXT PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source      TEXT NOT NULL,
    result      TEXT NOT NULL,
    created_at  TEXT NOT NULL
)
"""


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring the tables of `db` from schema `version` to `SCHEMA_VERSION` (inside a transaction).

    A new file gets today's tables. A schema-1 file (or one from before the version was
    recorded, which has its ``units`` table) keeps its cache and has its units copied as versions.
    """
    old_units = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'units'"
    ).fetchone()
    _run(db, _MT_CACHE)
    _run(db, _SCHEMA_V2)
    if version < 2 and old_units:
        db.execute(
            "INSERT INTO versions (source_lang, target_lang, source, target, source_key, kind,"
            " rank, origin, created_at, changed_at)"
            " SELECT source_lang, target_lang, source, target, source_key, 'imported', 2, origin,"
            " created_at, updated_at FROM units ORDER BY id"
        )
        db.execute("DROP TABLE units")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _run(db: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the caller's transaction first: run statements one by one.
    for statement in filter(str.strip, script.split(";")):
        db.execute(statement)
