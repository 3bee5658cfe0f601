"""What changed in a revised release since its reviewed version.

The reviewed version is found by content (a revised release usually has a new file name): the
imported review that shares the most segments with the new document. The two source sequences
are aligned with difflib: equal runs are unchanged, replaced runs changed, the rest new or
removed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..memory import TranslationMemory, match_key
from ..memory.reviews import latest_review_like
from ..model import Document

__all__ = ["RevisionReport", "compare_with_review"]


@dataclass(frozen=True, slots=True)
class RevisionReport:
    """How a document differs from the version a reviewer last saw."""

    reviewed_document: str
    reviewer: str
    reviewed_at: str
    unchanged: int
    changed: tuple[str, ...]  # segment ids of the new document
    new: tuple[str, ...]
    removed: int

    def summary(self) -> str:
        """Return one line for the command line."""
        return (
            f"since the review of {self.reviewed_document} ({self.reviewer}, "
            f"{self.reviewed_at[:10]}): {len(self.changed)} changed, {len(self.new)} new, "
            f"{self.removed} removed, {self.unchanged} unchanged segments"
        )


def compare_with_review(doc: Document, memory: TranslationMemory) -> RevisionReport | None:
    """Return how `doc` differs from its last reviewed version, or None if none is known."""
    segments = list(doc.segments())
    record = latest_review_like(
        memory, [s.source for s in segments], doc.source_lang, doc.target_lang or ""
    )
    if record is None:
        return None
    old = [match_key(s.source) for s in record.segments]
    new = [match_key(s.source) for s in segments]
    unchanged = removed = 0
    changed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        ids = [s.id for s in segments[b0:b1]]
        if op == "equal":
            unchanged += b1 - b0
        elif op == "replace":
            pairs = min(a1 - a0, b1 - b0)
            changed += ids[:pairs]
            added += ids[pairs:]
            removed += max(0, (a1 - a0) - pairs)
        elif op == "insert":
            added += ids
        else:
            removed += a1 - a0
    return RevisionReport(
        reviewed_document=record.document,
        reviewer=record.reviewer,
        reviewed_at=record.imported_at or record.exported_at,
        unchanged=unchanged,
        changed=tuple(changed),
        new=tuple(added),
        removed=removed,
    )
