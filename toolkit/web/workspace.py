"""Where the web page keeps uploads and outputs: one folder per document under a private root.

No name from a request reaches the file system: an upload is stored under a generated name
(``upload.docx``), outputs under names made here; the uploaded name is kept only as text to
show (its last path part, without control characters). Records are found by a random id that
must be 32 hex digits.
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .. import Document, IngestError, Issue

__all__ = [
    "DOCUMENT_SUFFIXES",
    "DocRecord",
    "UploadRejected",
    "Workspace",
    "display_name",
    "download_name",
    "keep_name",
]

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")
_ID = re.compile(r"[0-9a-f]{32}")


class UploadRejected(Exception):
    """An upload is too large or of a type the page does not take."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason = reason  # "too_large" or "type"
        self.values = values


def display_name(raw: str | None, default: str = "text.txt") -> str:
    """Return the last path part of an uploaded file name, printable, at most 120 characters."""
    name = PurePosixPath((raw or "").replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    name = name.lstrip(".")
    return name[-120:] if name else default


def download_name(name: str, suffix: str) -> str:
    """Return the file name a download of document `name` gets, e.g. ``報道発表.de.pdf``.

    The name is the uploaded one (already printable, without path); Starlette sends names
    outside ASCII as RFC 5987 ``filename*``.
    """
    stem = PurePosixPath(name).stem.replace('"', "").strip() or "document"
    return f"{stem[:80]}{suffix}"


@dataclass
class DocRecord:
    """One uploaded document and what the page has made of it so far."""

    id: str
    folder: Path
    name: str  # as uploaded, for display only
    doc: Document  # as read
    translated: Document | None = None
    issues: list[Issue] = field(default_factory=list)
    job_id: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    extra: dict[str, Any] = field(default_factory=dict)


class Workspace:
    """The private folder of this server's uploads and outputs (removed when it stops).

    It keeps the latest `keep` folders (documents, packs, review files); older ones are
    deleted with their records, so a server that runs for months doesn't fill the disk.
    """

    def __init__(self, root: Path | None = None, *, keep: int = 300) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="dejakit-web-", dir=root))
        self.keep = keep
        self._folders: list[str] = []
        self._records: dict[str, DocRecord] = {}
        self._lock = threading.Lock()

    def new_folder(self) -> tuple[str, Path]:
        """Return a new random id and its empty folder (dropping the oldest beyond `keep`)."""
        record_id = secrets.token_hex(16)
        folder = self.root / record_id
        folder.mkdir(mode=0o700)
        with self._lock:
            self._folders.append(record_id)
            old, self._folders = self._folders[: -self.keep], self._folders[-self.keep :]
            for gone in old:
                self._records.pop(gone, None)
        for gone in old:
            shutil.rmtree(self.root / gone, ignore_errors=True)
        return record_id, folder

    def add(self, record: DocRecord) -> None:
        """Keep `record` for later requests."""
        with self._lock:
            self._records[record.id] = record

    def get(self, record_id: str) -> DocRecord | None:
        """Return the record `record_id`, or None (also for anything that is not an id)."""
        if not _ID.fullmatch(record_id):
            return None
        with self._lock:
            return self._records.get(record_id)

    def recent(self, count: int = 10) -> list[DocRecord]:
        """Return the latest records, newest first."""
        with self._lock:
            return list(self._records.values())[::-1][:count]

    def remove(self) -> None:
        """Delete the folder and everything in it."""
        shutil.rmtree(self.root, ignore_errors=True)


def store_upload(
    data: bytes, raw_name: str | None, folder: Path, *, limit: int, suffixes: tuple[str, ...]
) -> tuple[Path, str]:
    """Write upload `data` into `folder` under a generated name; return (path, display name).

    Refuses data above `limit` bytes, a name whose suffix is not in `suffixes`, and content
    that is plainly not what its suffix says (a DOCX that is no zip, text with NUL bytes).
    """
    name = display_name(raw_name)
    suffix = PurePosixPath(name).suffix.lower()
    if len(data) > limit:
        raise UploadRejected("too_large")
    if suffix not in suffixes:
        raise UploadRejected("type", name=name, allowed=", ".join(suffixes))
    if suffix == ".docx" and not data.startswith(b"PK\x03\x04"):
        raise UploadRejected("type", name=name, allowed=", ".join(suffixes))
    if suffix != ".docx" and b"\x00" in data[:8192]:
        raise UploadRejected("type", name=name, allowed=", ".join(suffixes))
    index = sum(1 for _ in folder.glob("upload*"))
    path = folder / f"upload{index or ''}{suffix}"
    path.write_bytes(data)
    return path, name


def keep_name(path: Path, name: str) -> Path:
    """Rename stored upload `path` to its checked display `name` in the same folder.

    For files whose name travels on: a pack's documents (pack.toml names them) and review or
    TMX files (the memory records where a translation came from). Each upload has a folder
    of its own, so only two files of one upload can share a name: that is refused.
    """
    target = path.parent / name
    if target.exists():
        raise UploadRejected("type", name=name, allowed="one file per name")
    return path.rename(target)


def check_inside(path: Path, folder: Path) -> None:
    """Refuse `path` unless it lies inside `folder` (after resolving links and ``..``)."""
    if not path.resolve().is_relative_to(folder.resolve()):
        raise IngestError(f"{path.name}: names a file outside the uploaded files; upload it too")
