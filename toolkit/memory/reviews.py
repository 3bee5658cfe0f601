"""What was sent out for review, and what came back: the records behind `dejakit review`.

Exporting a review file (DOCX or XLIFF) records its segments (id, source, target, status) under
a review id that the file carries. Importing compares the file with that record, so only what
the reviewer changed is approved, ids that don't belong are caught, and a later translation of
a revised release can say what changed since the reviewed version.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import MemoryStoreError
from .store import TranslationMemory, TranslationUnit, match_key, utc_now

__all__ = [
    "ReviewOutcome",
    "ReviewRecord",
    "ReviewedSegment",
    "apply_reviews",
    "latest_review_like",
    "load_review",
    "new_review_id",
    "record_review",
]


@dataclass(frozen=True, slots=True)
class ReviewedSegment:
    """One row of a review file as exported (or as approved after import)."""

    id: str
    source: str
    target: str
    status: str


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """A review file sent out: for which document, which direction, which segments."""

    id: str
    document: str
    source_lang: str
    target_lang: str
    format: str
    path: str
    exported_at: str
    segments: tuple[ReviewedSegment, ...]
    imported_at: str | None = None
    reviewer: str = ""


# The columns of ``reviews``, named as `ReviewRecord`'s fields.
_REVIEW_COLUMNS = (
    "id, document, source_lang, target_lang, format, path, exported_at, segments, imported_at,"
    " reviewer"
)


def new_review_id() -> str:
    """Return a fresh review id (``dk-`` and 12 hex digits), unique enough to never collide."""
    return "dk-" + secrets.token_hex(6)


def record_review(memory: TranslationMemory, record: ReviewRecord) -> None:
    """Store `record` (one transaction)."""
    with memory._write():
        memory._db.execute(
            "INSERT OR REPLACE INTO reviews (id, document, source_lang, target_lang, format, path,"
            " exported_at, segments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.document,
                record.source_lang,
                record.target_lang,
                record.format,
                record.path,
                record.exported_at,
                _dump(record.segments),
            ),
        )


def load_review(memory: TranslationMemory, review_id: str) -> ReviewRecord | None:
    """Return the record of review `review_id`, or None when this memory never exported it."""
    rows = memory._query(
        f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE id = ?",
        [review_id],
    )
    return _record(rows[0]) if rows else None


def latest_review_like(
    memory: TranslationMemory, sources: Sequence[str], source_lang: str, target_lang: str
) -> ReviewRecord | None:
    """Return the imported review whose segments share the most sources with `sources`.

    A revised release has a new file name, so the match is by content: at least half of the
    reviewed segments must still be there.
    """
    keys = {match_key(s) for s in sources}
    best: tuple[int, str, ReviewRecord] | None = None
    for row in memory._query(
        f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE imported_at IS NOT NULL"
        " AND source_lang = ? AND target_lang = ?",
        [source_lang, target_lang],
    ):
        record = _record(row)
        shared = sum(match_key(s.source) in keys for s in record.segments)
        if shared * 2 >= len(record.segments) and shared:
            candidate = (shared, record.imported_at or "", record)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best else None


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """What to write for one returned review: approvals and comments (segment id, text)."""

    record: ReviewRecord
    approvals: tuple[ReviewedSegment, ...]
    comments: tuple[tuple[str, str], ...]
    origin: str


def apply_reviews(
    memory: TranslationMemory, outcomes: Sequence[ReviewOutcome], *, reviewer: str
) -> None:
    """Approve, store comments and mark imported, for every one of `outcomes`.

    Everything happens in ONE transaction: a review file (even a pack's, with several
    documents) is imported completely or not at all.
    """
    if not reviewer.strip():
        raise MemoryStoreError("a review import needs the reviewer's name (--reviewer NAME)")
    now = utc_now()
    with memory._write():
        for outcome in outcomes:
            _apply(memory, outcome, reviewer.strip(), now)
    memory._fuzzy_cache.clear()


def _apply(memory: TranslationMemory, outcome: ReviewOutcome, reviewer: str, now: str) -> None:
    record = outcome.record
    by_id = {s.id: s for s in record.segments}
    for item in outcome.approvals:
        memory._store(
            TranslationUnit(
                record.source_lang,
                record.target_lang,
                item.source,
                item.target,
                origin=outcome.origin,
                updated_at=now,
                kind="approved",
                reviewer=reviewer,
                document=record.document,
                segment_id=item.id,
            ),
            now,
        )
    for seg_id, text in outcome.comments:
        memory._db.execute(
            "INSERT INTO comments (review_id, document, segment_id, source, reviewer, text,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (record.id, record.document, seg_id, by_id[seg_id].source, reviewer, text, now),
        )
    approved = {a.id: a for a in outcome.approvals}
    final = tuple(approved.get(s.id, s) for s in record.segments)
    memory._db.execute(
        "UPDATE reviews SET imported_at = ?, reviewer = ?, segments = ? WHERE id = ?",
        (now, reviewer, _dump(final), record.id),
    )


def _dump(segments: Sequence[ReviewedSegment]) -> str:
    return json.dumps([[s.id, s.source, s.target, s.status] for s in segments], ensure_ascii=False)


def _record(row: sqlite3.Row) -> ReviewRecord:
    """Return the review in `row`, a row of ``reviews`` (its columns are the record's fields)."""
    data = dict(zip(row.keys(), row, strict=True))
    segments = tuple(
        ReviewedSegment(i, unicodedata.normalize("NFC", src), tgt, st)
        for i, src, tgt, st in json.loads(data.pop("segments"))
    )
    return ReviewRecord(**data, segments=segments)
