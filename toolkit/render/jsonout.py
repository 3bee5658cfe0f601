"""The translated Document as JSON: for scripts, diffs and debugging."""

from __future__ import annotations

import json
from pathlib import Path

from ..fileio import write_bytes_atomic
from ..model import Document, document_to_dict
from .registry import RenderJob

__all__ = ["document_json", "write_json"]


def document_json(doc: Document) -> str:
    """Return `doc` as indented JSON text (UTF-8, non-ASCII kept)."""
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2) + "\n"


def write_json(doc: Document, path: Path, job: RenderJob) -> None:
    """Write `doc` as JSON to `path` atomically: every field, so nothing of `job` applies."""
    write_bytes_atomic(path, document_json(doc).encode("utf-8"))
