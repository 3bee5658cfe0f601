"""The translation memory: approved translations in SQLite, looked up before any engine runs.

One file holds everything (embedded, zero set-up): approved units, and later the machine
translation cache. Text is stored NFC; lookups use a match key (NFKC, case-folded, whitespace
collapsed), so „Wasserstoff“ typed with a full-width space still finds its unit. Writes run in
``BEGIN IMMEDIATE`` transactions in WAL mode, so a reader never sees half an import and two
processes never interleave writes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import MemoryStoreError

__all__ = [
    "ImportResult",
    "MemoryStats",
    "TranslationMemory",
    "TranslationUnit",
    "default_memory_path",
    "match_key",
]

SCHEMA_VERSION = 1
_SCHEMA = """
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
);
"""
_SPACE = re.compile(r"\s+")


def match_key(text: str) -> str:
    """Return the lookup key of `text`: NFKC, case-folded, whitespace collapsed and trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def default_memory_path() -> Path:
    """Return the memory used when none is given: ``$DEJAKIT_MEMORY`` or the user data dir."""
    env = os.environ.get("DEJAKIT_MEMORY")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("dejakit", appauthor=False) / "memory.sqlite"


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """One approved translation of a segment."""

    source_lang: str
    target_lang: str
    source: str
    target: str
    origin: str = ""  # where it came from, e.g. "tmx:samples/pm-wasserstoff-de.tmx"
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """How many units an import added, changed, or found already present."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # units without text in both languages


@dataclass(frozen=True, slots=True)
class MemoryStats:
    """What a memory holds, per language direction."""

    path: str
    units: dict[str, int]  # "de→ja" -> count
    size_bytes: int
    cached: int = 0  # machine translations in the cache


class TranslationMemory:
    """Approved translations in an SQLite file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            file = Path(self.path)
            if file.is_dir():
                raise MemoryStoreError(f"{file}: is a directory; give a file path for the memory")
            if not file.exists() and not create:
                raise MemoryStoreError(
                    f"{file}: no translation memory here; import one first "
                    "(dejakit memory import FILE.tmx) or pass --memory"
                )
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise MemoryStoreError(
                    f"{file.parent}: can't create folder ({exc.strerror})"
                ) from None
        try:
            self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._prepare()
        except sqlite3.DatabaseError as exc:
            raise MemoryStoreError(
                f"{self.path}: not a usable translation memory ({exc}); "
                "pass --memory with another file, or move this one away"
            ) from None

    def _prepare(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise MemoryStoreError(
                f"{self.path}: written by a newer dejakit (schema {version}); upgrade dejakit"
            )
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
        if version < SCHEMA_VERSION:
            with self._write():
                # executescript() would COMMIT our transaction first: run statements one by one.
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _write(self) -> _Transaction:
        return _Transaction(self._db, self.path)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def lookup(self, sources: Sequence[str], source_lang: str, target_lang: str) -> dict[str, str]:
        """Return ``{source: approved target}`` for each of `sources` the memory knows."""
        keys = {match_key(s): s for s in sources}
        found: dict[str, str] = {}
        items = list(keys.items())
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT source_key, target FROM units WHERE source_lang = ? AND target_lang = ?"
                f" AND source_key IN ({marks})",
                [source_lang, target_lang, *(k for k, _ in chunk)],
            )
            for key, target in rows:
                found[keys[key]] = target
        return {s: found[s] for s in sources if s in found}

    def add(self, units: Iterable[TranslationUnit]) -> ImportResult:
        """Store `units` in one transaction; a unit for a known source replaces the old target."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        added = updated = unchanged = skipped = 0
        with self._write():
            for unit in units:
                source = unicodedata.normalize("NFC", unit.source).strip()
                target = unicodedata.normalize("NFC", unit.target).strip()
                if not source or not target:
                    skipped += 1
                    continue
                key = match_key(source)
                row = self._db.execute(
                    "SELECT target FROM units"
                    " WHERE source_lang = ? AND target_lang = ? AND source_key = ?",
                    (unit.source_lang, unit.target_lang, key),
                ).fetchone()
                if row is None:
                    self._db.execute(
                        "INSERT INTO units (source_lang, target_lang, source, target, source_key,"
                        " origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            unit.source_lang,
                            unit.target_lang,
                            source,
                            target,
                            key,
                            unit.origin,
                            now,
                            now,
                        ),
                    )
                    added += 1
                elif row[0] == target:
                    unchanged += 1
                else:
                    self._db.execute(
                        "UPDATE units SET source=?, target=?, origin=?, updated_at=?"
                        " WHERE source_lang=? AND target_lang=? AND source_key=?",
                        (source, target, unit.origin, now, unit.source_lang, unit.target_lang, key),
                    )
                    updated += 1
        return ImportResult(added=added, updated=updated, unchanged=unchanged, skipped=skipped)

    def units(
        self, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[TranslationUnit]:
        """Yield the stored units, optionally only one direction, oldest first."""
        sql = "SELECT source_lang, target_lang, source, target, origin, updated_at FROM units"
        where, args = [], []
        if source_lang:
            where.append("source_lang = ?")
            args.append(source_lang)
        if target_lang:
            where.append("target_lang = ?")
            args.append(target_lang)
        if where:
            sql += " WHERE " + " AND ".join(where)
        for row in self._query(sql + " ORDER BY id", args):
            yield TranslationUnit(*row)

    def cached(self, keys: Sequence[str]) -> dict[str, str]:
        """Return the machine-translation cache entries (JSON text) stored under `keys`."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for key, result in self._query(
                f"SELECT key, result FROM mt_cache WHERE key IN ({marks})", chunk
            ):
                found[key] = result
        return found

    def store_cached(self, entries: Iterable[tuple[str, str, str, str, str]]) -> None:
        """Store (key, source_lang, target_lang, source, result JSON) machine translations.

        Machine output lives apart from the approved units: it is never served as approved.
        """
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._write():
            self._db.executemany(
                "INSERT OR REPLACE INTO mt_cache (key, source_lang, target_lang, source, result,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [(*entry, now) for entry in entries],
            )

    def stats(self) -> MemoryStats:
        """Return how many units the memory holds per direction."""
        rows = self._query(
            "SELECT source_lang, target_lang, count(*) FROM units GROUP BY 1, 2 ORDER BY 1, 2", []
        )
        size = 0 if self.path == ":memory:" else Path(self.path).stat().st_size
        cached = self._query("SELECT count(*) FROM mt_cache", [])[0][0]
        return MemoryStats(
            path=self.path,
            units={f"{s}→{t}": n for s, t, n in rows},
            size_bytes=size,
            cached=cached,
        )

    def _query(self, sql: str, args: Sequence[object]) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise MemoryStoreError(f"{self.path}: can't read the memory ({exc})") from None


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error, SQLite errors made ours."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise MemoryStoreError(
                f"{self._path}: the memory is busy ({exc}); another dejakit is writing to it, "
                "try again when it has finished"
            ) from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            try:
                self._db.execute("COMMIT")
                return
            except sqlite3.DatabaseError as err:
                self._db.execute("ROLLBACK")
                raise MemoryStoreError(f"{self._path}: can't write the memory ({err})") from None
        self._db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.DatabaseError):
            raise MemoryStoreError(f"{self._path}: can't write the memory ({exc})") from None
