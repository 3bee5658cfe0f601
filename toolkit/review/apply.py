"""Compare a review file that came back with what was sent out, and approve what changed.

Shared by the DOCX and XLIFF readers: they return a `ReviewFile`; `plan_review` checks its segment
ids against the export record and works out the changes; `toolkit.memory.reviews.apply_reviews`
writes them in one transaction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..errors import ExchangeError
from ..memory import TranslationMemory
from ..memory.reviews import ReviewedSegment, ReviewOutcome, load_review

__all__ = ["ReviewChange", "ReviewFile", "ReviewImport", "ReviewRow", "plan_review"]

# A status a reviewer may type into the status column to approve a target they did not change.
APPROVE_WORDS = {
    "approved",
    "approve",
    "ok",
    "freigegeben",
    "freigabe",
    "承認",
    "承認済み",
    "確認済み",
}


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One segment as the review file holds it after the reviewer's work."""

    id: str
    target: str
    status: str = ""
    comment: str = ""
    final: bool = False  # the file itself marks it approved (XLIFF state final/signed-off)


@dataclass(frozen=True, slots=True)
class ReviewFile:
    """What a reader found in a returned review file."""

    path: str
    review_id: str
    rows: tuple[ReviewRow, ...]
    pending: int = 0  # tracked changes still pending in the file (DOCX)
    pending_mode: str = "accept"


@dataclass(frozen=True, slots=True)
class ReviewChange:
    """A target the reviewer changed (or confirmed), as approved into the memory."""

    id: str
    source: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class ReviewImport:
    """The outcome of importing one review file."""

    review_id: str
    document: str
    changed: tuple[ReviewChange, ...]
    confirmed: tuple[ReviewChange, ...]  # unchanged targets the reviewer marked approved
    comments: tuple[tuple[str, str], ...]
    pending: int
    pending_mode: str
    dry_run: bool = False

    @property
    def approved(self) -> int:
        """Return how many targets go into the memory as approved."""
        return len(self.changed) + len(self.confirmed)

    def diff_lines(self) -> list[str]:
        """Return the changes as a readable diff, one block per segment."""
        lines: list[str] = []
        for change in self.changed:
            lines.append(f"{change.id}  {change.source}")
            lines.append(f"  - {change.before or '(empty)'}")
            lines.append(f"  + {change.after}")
        for change in self.confirmed:
            lines.append(f"{change.id}  {change.source}")
            lines.append(f"  = {change.after}  (approved unchanged)")
        for seg_id, text in self.comments:
            lines.append(f"{seg_id}  comment: {text}")
        return lines


def plan_review(
    memory: TranslationMemory, returned: ReviewFile, *, dry_run: bool = False
) -> tuple[ReviewImport, ReviewOutcome]:
    """Return what importing `returned` changes, and what to write for it (nothing written)."""
    record = load_review(memory, returned.review_id)
    if record is None:
        raise ExchangeError(
            f"{returned.path}: review {returned.review_id} was not exported from the memory "
            f"{memory.path}; import it with the --memory it was exported with"
        )
    sent = {s.id: s for s in record.segments}
    got = [r.id for r in returned.rows]
    missing = [i for i in sent if i not in set(got)]
    unknown = [i for i in got if i not in sent]
    doubled = sorted({i for i in got if got.count(i) > 1})
    if missing or unknown or doubled:
        parts = [
            f"{label}: {', '.join(ids[:5])}{' …' if len(ids) > 5 else ''}"
            for label, ids in (("missing", missing), ("unknown", unknown), ("twice", doubled))
            if ids
        ]
        raise ExchangeError(
            f"{returned.path}: segment ids don't match {record.document} as exported "
            f"({'; '.join(parts)}); nothing imported — export a fresh review file"
        )
    changed: list[ReviewChange] = []
    confirmed: list[ReviewChange] = []
    comments: list[tuple[str, str]] = []
    for row in returned.rows:
        before = sent[row.id]
        after = _one_line(row.target, record.target_lang)
        if row.comment.strip():
            comments.append((row.id, row.comment.strip()))
        if not after:
            continue  # an emptied cell approves nothing; the old target stays as it was
        if after != before.target:
            changed.append(ReviewChange(row.id, before.source, before.target, after))
        elif before.status != "approved" and (
            row.final or row.status.strip().casefold() in APPROVE_WORDS
        ):
            confirmed.append(ReviewChange(row.id, before.source, before.target, after))
    result = ReviewImport(
        review_id=record.id,
        document=record.document,
        changed=tuple(changed),
        confirmed=tuple(confirmed),
        comments=tuple(comments),
        pending=returned.pending,
        pending_mode=returned.pending_mode,
        dry_run=dry_run,
    )
    outcome = ReviewOutcome(
        record=record,
        approvals=tuple(
            ReviewedSegment(c.id, c.source, c.after, "approved") for c in changed + confirmed
        ),
        comments=tuple(comments),
        origin=f"review:{returned.path.rsplit('/', 1)[-1]}",
    )
    return result, outcome


def _one_line(text: str, lang: str) -> str:
    """Return `text` NFC as one segment: a reviewer's line breaks joined as `lang` joins."""
    lines = [line.strip() for line in unicodedata.normalize("NFC", text).splitlines()]
    return ("" if lang == "ja" else " ").join(line for line in lines if line)
