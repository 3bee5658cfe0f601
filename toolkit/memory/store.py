"""The translation memory: every version of every approved translation, in one SQLite file.

Text is stored NFC; lookups use a match key (NFKC, case-folded, whitespace collapsed), so
„Wasserstoff“ typed with a full-width space still finds its unit. Nothing is overwritten: a
different target becomes a new version with its provenance, and `versions` decides which one is
served and which disagreements are conflicts. Writes run in ``BEGIN IMMEDIATE`` transactions in
WAL mode: an import is all or nothing, and two processes never interleave writes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from ..errors import MemoryStoreError
from .schema import KIND_RANK, SCHEMA_VERSION, migrate
from .versions import Conflict, conflicts_of, rank_key, sortable, winner

__all__ = [
    "Conflict",
    "ImportResult",
    "MemoryStats",
    "TranslationMemory",
    "TranslationUnit",
    "UnitKind",
    "default_memory_path",
    "match_key",
    "utc_now",
]

UnitKind = Literal["approved", "imported", "derived"]
_SPACE = re.compile(r"\s+")
_COLUMNS = (
    "id, source_lang, target_lang, source, target, source_key, kind, rank, origin, reviewer,"
    " document, segment_id, created_at, changed_at"
)


def match_key(text: str) -> str:
    """Return the lookup key of `text`: NFKC, case-folded, whitespace collapsed and trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def utc_now() -> str:
    """Return the current time as an ISO 8601 UTC timestamp (seconds)."""
    # Microseconds: an approval and an import in the same second must still be ordered.
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def default_memory_path() -> Path:
    """Return the memory used when none is given: ``$DEJAKIT_MEMORY`` or the user data dir."""
    env = os.environ.get("DEJAKIT_MEMORY")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("dejakit", appauthor=False) / "memory.sqlite"


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """One version of the translation of a source, with where it came from."""

    source_lang: str
    target_lang: str
    source: str
    target: str
    origin: str = ""  # e.g. "tmx:pm-wasserstoff-de.tmx", "review:release.review.docx", "web"
    updated_at: str = ""  # when it was approved or last changed (ISO 8601 or TMX date)
    kind: UnitKind = "imported"
    reviewer: str = ""
    document: str = ""
    segment_id: str = ""
    created_at: str = ""  # when this memory first stored it

    @property
    def approved(self) -> bool:
        """Return whether a person approved this version in a review."""
        return self.kind == "approved"


# TranslationUnit's fields and the columns of `versions` that hold them.
_UNIT_FIELDS = tuple(
    (f.name, "changed_at" if f.name == "updated_at" else f.name) for f in fields(TranslationUnit)
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """How many versions an import added, changed, or found already present."""

    added: int = 0
    updated: int = 0  # an existing version re-approved or given a newer date
    unchanged: int = 0
    skipped: int = 0  # units without text in both languages
    conflicts: tuple[Conflict, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class MemoryStats:
    """What a memory holds, per language direction."""

    path: str
    units: dict[str, int]  # "de→ja" -> sources with a translation
    size_bytes: int
    cached: int = 0  # machine translations in the cache
    versions: int = 0
    approved: int = 0
    conflicts: int = 0


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
            self._db.row_factory = sqlite3.Row  # rows are read by column name
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._prepare()
        except sqlite3.DatabaseError as exc:
            raise MemoryStoreError(
                f"{self.path}: not a usable translation memory ({exc}); "
                "pass --memory with another file, or move this one away"
            ) from None
        self._fuzzy_cache: dict[tuple[str, str], Any] = {}

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
                # Another process may have migrated while we waited for the lock.
                current = self._db.execute("PRAGMA user_version").fetchone()[0]
                if current < SCHEMA_VERSION:
                    migrate(self._db, current)

    def _write(self) -> _Transaction:
        return _Transaction(self._db, self.path)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------

    def lookup(self, sources: Sequence[str], source_lang: str, target_lang: str) -> dict[str, str]:
        """Return ``{source: target}`` for each of `sources` the memory knows (the winners)."""
        return {
            s: u.target for s, u in self.lookup_units(sources, source_lang, target_lang).items()
        }

    def lookup_units(
        self, sources: Sequence[str], source_lang: str, target_lang: str
    ) -> dict[str, TranslationUnit]:
        """Return ``{source: winning version}`` for each of `sources` the memory knows."""
        keys = {match_key(s): s for s in sources}
        versions: dict[str, list[TranslationUnit]] = {}
        items = list(keys)
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._query(
                f"SELECT {_COLUMNS} FROM versions WHERE source_lang = ? AND target_lang = ?"
                f" AND source_key IN ({marks})",
                [source_lang, target_lang, *chunk],
            ):
                versions.setdefault(row["source_key"], []).append(_unit(row))
        found = {keys[k]: winner(v) for k, v in versions.items()}
        return {s: found[s] for s in sources if s in found}

    def history(self, source: str, source_lang: str, target_lang: str) -> list[TranslationUnit]:
        """Return every version stored for `source`, the one served first."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM versions WHERE source_lang = ? AND target_lang = ?"
            " AND source_key = ?",
            [source_lang, target_lang, match_key(source)],
        )
        units = [_unit(r) for r in rows]
        return sorted(units, key=rank_key, reverse=True)

    def units(
        self, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[TranslationUnit]:
        """Yield the served version of every source, optionally one direction, oldest first."""
        groups: dict[tuple[str, str, str], list[tuple[int, TranslationUnit]]] = {}
        for row in self._versions(source_lang, target_lang):
            groups.setdefault(_group(row), []).append((row["id"], _unit(row)))
        winners = [(min(i for i, _ in g), winner([u for _, u in g])) for g in groups.values()]
        for _, unit in sorted(winners, key=lambda w: w[0]):
            yield unit

    def versions(
        self, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[TranslationUnit]:
        """Yield every stored version, optionally one direction, oldest first."""
        for row in self._versions(source_lang, target_lang):
            yield _unit(row)

    def conflicts(self) -> list[Conflict]:
        """Return the sources whose versions disagree and that no person has decided on.

        A version that is not served conflicts with the served one when both come at least from
        an imported file (derived units never conflict), unless the served one was approved by a
        person after the other was stored: that reviewer decided.
        """
        groups: dict[tuple[str, str, str], list[TranslationUnit]] = {}
        for row in self._versions(None, None):
            groups.setdefault(_group(row), []).append(_unit(row))
        found: list[Conflict] = []
        for (sl, tl, _), units in groups.items():
            if len(units) > 1:
                found.extend(conflicts_of(sl, tl, units))
        return found

    def stats(self) -> MemoryStats:
        """Return how many sources, versions and conflicts the memory holds."""
        rows = self._query(
            "SELECT source_lang, target_lang, count(DISTINCT source_key) FROM versions"
            " GROUP BY 1, 2 ORDER BY 1, 2",
            [],
        )
        size = 0 if self.path == ":memory:" else Path(self.path).stat().st_size
        cached = self._query("SELECT count(*) FROM mt_cache", [])[0][0]
        versions, approved = self._query(
            "SELECT count(*), coalesce(sum(kind = 'approved'), 0) FROM versions", []
        )[0]
        return MemoryStats(
            path=self.path,
            units={f"{s}→{t}": n for s, t, n in rows},
            size_bytes=size,
            cached=cached,
            versions=versions,
            approved=approved,
            conflicts=len(self.conflicts()),
        )

    # -- writing ---------------------------------------------------------------------------

    def add(self, units: Iterable[TranslationUnit]) -> ImportResult:
        """Store `units` in one transaction as versions; nothing stored is ever replaced."""
        return self.add_batches([units])[0]

    def add_batches(self, batches: Sequence[Iterable[TranslationUnit]]) -> list[ImportResult]:
        """Store every batch of `batches` in ONE transaction and return a result per batch.

        A failure anywhere (a broken unit, a full disk, a killed process) leaves the memory as it
        was before: an import of several files is all or nothing.
        """
        now = utc_now()
        results: list[ImportResult] = []
        with self._write():
            for units in batches:
                counts = {"added": 0, "updated": 0, "unchanged": 0, "skipped": 0}
                touched: set[tuple[str, str, str]] = set()
                for unit in units:
                    outcome = self._store(unit, now)
                    counts[outcome[0]] += 1
                    if outcome[1]:
                        touched.add(outcome[1])
                results.append(ImportResult(**counts, conflicts=self._conflicts_in(touched)))
        self._fuzzy_cache.clear()
        return results

    def approve(
        self,
        source: str,
        target: str,
        source_lang: str,
        target_lang: str,
        *,
        reviewer: str,
        document: str = "",
        segment_id: str = "",
        origin: str = "review",
    ) -> TranslationUnit | None:
        """Approve `target` for `source` as `reviewer`; return the version it displaced, if any.

        The approved version is served from now on (it is the newest approval); earlier versions
        stay in the history.
        """
        if not reviewer.strip():
            raise MemoryStoreError("an approval needs the reviewer's name (--reviewer)")
        before = self.lookup_units([source], source_lang, target_lang).get(source)
        unit = TranslationUnit(
            source_lang,
            target_lang,
            source,
            target,
            origin=origin,
            updated_at=utc_now(),
            kind="approved",
            reviewer=reviewer.strip(),
            document=document,
            segment_id=segment_id,
        )
        self.add([unit])
        if before is not None and before.target != unicodedata.normalize("NFC", target).strip():
            return before
        return None

    def _store(self, unit: TranslationUnit, now: str) -> tuple[str, tuple[str, str, str] | None]:
        source = unicodedata.normalize("NFC", unit.source).strip()
        target = unicodedata.normalize("NFC", unit.target).strip()
        if not source or not target:
            return "skipped", None
        if unit.kind not in KIND_RANK:
            raise MemoryStoreError(f"unknown unit kind {unit.kind!r}")
        key = match_key(source)
        group = (unit.source_lang, unit.target_lang, key)
        changed = unit.updated_at or now
        row = self._db.execute(
            "SELECT id, rank, changed_at, origin FROM versions WHERE source_lang = ?"
            " AND target_lang = ? AND source_key = ? AND target = ?",
            (*group, target),
        ).fetchone()
        rank = KIND_RANK[unit.kind]
        if row is None:
            self._db.execute(
                f"INSERT INTO versions ({_COLUMNS.removeprefix('id, ')})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *group[:2],
                    source,
                    target,
                    key,
                    unit.kind,
                    rank,
                    *_provenance(unit),
                    unit.created_at or now,
                    changed,
                ),
            )
            return "added", group
        vid, old_rank, old_changed, old_origin = row
        # Without a date of its own (a TMX without changedate) the same text again is no news.
        newer = rank > old_rank or (
            rank == old_rank
            and bool(unit.updated_at)
            and (sortable(changed), unit.origin) > (sortable(old_changed), old_origin)
        )
        if not newer:
            return "unchanged", None
        # The same target again, from a higher kind or with a newer date: it takes over the
        # provenance (an approval of an imported text records who approved it and when).
        self._db.execute(
            "UPDATE versions SET kind = ?, rank = ?, origin = ?, reviewer = ?, document = ?,"
            " segment_id = ?, changed_at = ? WHERE id = ?",
            (
                unit.kind,
                rank,
                *_provenance(unit),
                changed,
                vid,
            ),
        )
        return "updated", group

    def _conflicts_in(self, groups: set[tuple[str, str, str]]) -> tuple[Conflict, ...]:
        found: list[Conflict] = []
        for sl, tl, key in sorted(groups):
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM versions WHERE source_lang = ? AND target_lang = ?"
                " AND source_key = ?",
                (sl, tl, key),
            ).fetchall()
            found.extend(conflicts_of(sl, tl, [_unit(r) for r in rows]))
        return tuple(found)

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
        now = utc_now()
        with self._write():
            self._db.executemany(
                "INSERT OR REPLACE INTO mt_cache (key, source_lang, target_lang, source, result,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [(*entry, now) for entry in entries],
            )

    def _versions(self, source_lang: str | None, target_lang: str | None) -> list[sqlite3.Row]:
        where, args = [], []
        if source_lang:
            where.append("source_lang = ?")
            args.append(source_lang)
        if target_lang:
            where.append("target_lang = ?")
            args.append(target_lang)
        sql = f"SELECT {_COLUMNS} FROM versions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return self._query(sql + " ORDER BY id", args)

    def _query(self, sql: str, args: Sequence[object]) -> list[sqlite3.Row]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise MemoryStoreError(f"{self.path}: can't read the memory ({exc})") from None


def _provenance(unit: TranslationUnit) -> tuple[str, str, str, str]:
    return (unit.origin, unit.reviewer, unit.document, unit.segment_id)


def _unit(row: sqlite3.Row) -> TranslationUnit:
    """Return the version in `row` (selected with `_COLUMNS`) as a unit."""
    return TranslationUnit(**{name: row[column] for name, column in _UNIT_FIELDS})


def _group(row: sqlite3.Row) -> tuple[str, str, str]:
    """Return the direction and match key of the version in `row`: the versions of one source."""
    return (row["source_lang"], row["target_lang"], row["source_key"])


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
