"""Renderers: a translated Document -> PDF, DOCX, HTML, JSON or a registered format, by suffix.

The formats and their writers are listed in `registry`; every writer reads only the `Document`
and its `RenderJob`, and writes atomically: a failed build leaves the previous output untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..model import BlockKind, Document, Issue
from .options import RenderOptions
from .registry import (
    RenderJob,
    WriterEntry,
    load_writer,
    output_suffixes,
    register_writer,
    writer_entries,
    writer_for,
)

__all__ = [
    "RenderJob",
    "RenderOptions",
    "WriterEntry",
    "output_suffixes",
    "register_writer",
    "render_document",
    "without_furniture",
    "writer_entries",
]


def without_furniture(doc: Document) -> Document:
    """Return `doc` without its site furniture blocks (what a handout leaves out by default)."""
    blocks = tuple(b for b in doc.blocks if b.kind is not BlockKind.FURNITURE)
    return doc if len(blocks) == len(doc.blocks) else replace(doc, blocks=blocks)


def render_document(
    doc: Document,
    path: Path,
    *,
    template_dir: Path | None = None,
    issues: Sequence[Issue] | None = None,
    options: RenderOptions | None = None,
) -> None:
    """Write `doc` to `path` in the format its suffix names (.pdf, .docx, .html, .json, …).

    With `issues`, PDF, DOCX and HTML end with a QA appendix for reviewers; `options` sets the
    layout, paper and marking of PDF, DOCX and HTML (default: A4, side by side, PDF/UA-1).
    Raises `RenderError` for a suffix no registered format writes.
    """
    entry = writer_for(path)
    options = options or RenderOptions()
    if not (entry.lossless or options.keep_furniture):
        doc = without_furniture(doc)
    if template_dir is None:
        from ..resources import template_dir as default_template_dir

        template_dir = default_template_dir()
    job = RenderJob(template_dir, tuple(issues or ()), options)
    load_writer(entry)(doc, path, job)
