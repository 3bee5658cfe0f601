"""The review loop: send a translation out for review (Word or XLIFF), take the corrections back.

`export_review` writes the review file and records what was sent in the memory;
`import_review` reads the file the reviewer returns (Word, LibreOffice, a CAT tool), shows what
changed and approves it into the memory, all or nothing; `compare_with_review` tells a revised
release what changed since its reviewed version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import ExchangeError
from ..memory import Conflict, TranslationMemory, utc_now
from ..memory.reviews import (
    ReviewedSegment,
    ReviewRecord,
    apply_reviews,
    new_review_id,
    record_review,
)
from ..model import Document, Issue
from .apply import ReviewChange, ReviewFile, ReviewImport, ReviewRow, plan_review
from .revision import RevisionReport, compare_with_review

__all__ = [
    "REVIEW_SUFFIXES",
    "ReviewChange",
    "ReviewFile",
    "ReviewImport",
    "ReviewRow",
    "RevisionReport",
    "compare_with_review",
    "export_pack_review",
    "export_review",
    "import_review",
    "is_review_path",
    "list_conflicts",
]

REVIEW_SUFFIXES = (".review.docx", ".xlf", ".xliff")


def is_review_path(path: Path) -> bool:
    """Return whether `path` names a review file (``X.review.docx``, ``.xlf``, ``.xliff``)."""
    return path.name.lower().endswith(REVIEW_SUFFIXES)


def export_review(
    docs: Document | Sequence[Document],
    path: Path,
    *,
    memory: TranslationMemory,
    issues: Sequence[Issue] = (),
    xliff_version: str = "2.1",
    omegat: bool = False,
) -> list[str]:
    """Write the review file `path` for translated `docs` and record it; return the review ids.

    ``.docx`` gives the Word review table (one document); ``.xlf``/``.xliff`` gives XLIFF
    (`xliff_version` 2.1 or 1.2; several documents, e.g. a pack, go into one file).
    """
    documents = [docs] if isinstance(docs, Document) else list(docs)
    suffix = path.suffix.lower()
    if any(d.target_lang is None for d in documents):
        raise ExchangeError(f"{path}: translate the document before exporting it for review")
    ids = [new_review_id() for _ in documents]
    if suffix == ".docx":
        if len(documents) != 1:
            raise ExchangeError(f"{path}: a Word review file holds one document; use .xlf")
        from .docx import write_review_docx

        write_review_docx(documents[0], path, review_id=ids[0], issues=issues)
        fmt = "docx"
    elif suffix in (".xlf", ".xliff"):
        from ..exchange.xliff import write_xliff

        write_xliff(
            list(zip(documents, ids, strict=True)),
            path,
            version=xliff_version,
            issues=issues,
            omegat=omegat,
        )
        fmt = f"xliff-{'1.2' if omegat else xliff_version}"
    else:
        raise ExchangeError(
            f"{path}: unknown review file type; use X.review.docx, X.xlf or X.xliff"
        )
    now = utc_now()
    for doc, review_id in zip(documents, ids, strict=True):
        record_review(
            memory,
            ReviewRecord(
                id=review_id,
                document=doc.source_name,
                source_lang=doc.source_lang,
                target_lang=doc.target_lang or "",
                format=fmt,
                path=str(path),
                exported_at=now,
                segments=tuple(
                    ReviewedSegment(s.id, s.source, s.target or "", s.status)
                    for s in doc.segments()
                ),
            ),
        )
    return ids


def export_pack_review(
    docs: Sequence[Document],
    path: Path,
    *,
    memory: TranslationMemory,
    xliff_version: str = "2.1",
) -> list[Path]:
    """Write XLIFF review files for a pack's translated `docs`; return the files written.

    XLIFF 2.1 names one language pair per file, so a pack with German and Japanese sources gets
    one file per direction (``pack.de-ja.xlf``, ``pack.ja-de.xlf``); with one direction `path`.
    """
    if path.suffix.lower() not in (".xlf", ".xliff"):
        raise ExchangeError(f"{path}: a pack's review file is XLIFF; name it .xlf or .xliff")
    directions: dict[str, list[Document]] = {}
    for doc in docs:
        if doc.target_lang is not None:
            directions.setdefault(f"{doc.source_lang}-{doc.target_lang}", []).append(doc)
    written = []
    for direction, group in directions.items():
        out = path if len(directions) == 1 else path.with_suffix(f".{direction}{path.suffix}")
        export_review(group, out, memory=memory, xliff_version=xliff_version)
        written.append(out)
    return written


def import_review(
    path: Path,
    *,
    memory: TranslationMemory,
    reviewer: str,
    pending: str = "accept",
    dry_run: bool = False,
) -> list[ReviewImport]:
    """Approve into `memory` what the reviewer changed in review file `path`.

    Every document of the file is checked before anything is written; then each is imported in
    one transaction. `pending` says what to do with tracked changes still pending in a DOCX.
    """
    if not path.is_file():
        raise ExchangeError(f"{path}: no such file")
    if path.suffix.lower() == ".docx":
        from .docx import read_review_docx

        returned = [read_review_docx(path, pending=pending)]
    elif path.suffix.lower() in (".xlf", ".xliff"):
        from ..exchange.xliff import read_xliff

        returned = read_xliff(path)
    elif path.suffix.lower() in (".odt", ".doc", ".rtf"):
        raise ExchangeError(
            f"{path}: saved as {path.suffix}; save it as Word 2007–365 (.docx) and import that"
        )
    else:
        raise ExchangeError(f"{path}: unknown review file type; give a .docx, .xlf or .xliff")
    # Check every document first (ids, export record): a bad one stops the whole import,
    # then write all of them in one transaction.
    plans = [plan_review(memory, item, dry_run=dry_run) for item in returned]
    if not dry_run:
        apply_reviews(memory, [outcome for _, outcome in plans], reviewer=reviewer)
    return [result for result, _ in plans]


def list_conflicts(memory: TranslationMemory | Path | str) -> list[Conflict]:
    """Return the memory's undecided conflicts (see `TranslationMemory.conflicts`)."""
    with _opened(memory) as store:
        return store.conflicts()


@contextlib.contextmanager
def _opened(memory: TranslationMemory | Path | str) -> Iterator[TranslationMemory]:
    if isinstance(memory, TranslationMemory):
        yield memory
        return
    with TranslationMemory(memory) as store:
        yield store
