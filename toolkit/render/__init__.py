"""Renderers: a translated Document -> DOCX, PDF, HTML or JSON, chosen by the file suffix.

Every renderer reads only the `Document` and writes atomically: a failed build leaves the
previous output untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import RenderError
from ..model import BlockKind, Document, Issue
from .options import RenderOptions

__all__ = ["OUTPUT_SUFFIXES", "RenderOptions", "render_document", "without_furniture"]

OUTPUT_SUFFIXES = (".pdf", ".docx", ".html", ".json")


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
    """Write `doc` to `path` in the format its suffix names (.pdf, .docx, .html, .json).

    With `issues`, PDF, DOCX and HTML end with a QA appendix for reviewers; `options` sets the
    layout, paper and marking of PDF, DOCX and HTML (default: A4, side by side, PDF/UA-1).
    """
    suffix = path.suffix.lower()
    if suffix == ".htm":
        suffix = ".html"
    if suffix not in OUTPUT_SUFFIXES:
        raise RenderError(
            f"{path}: unknown output type {path.suffix or '(none)'!r}; "
            f"use one of {', '.join(OUTPUT_SUFFIXES)}"
        )
    if suffix != ".json" and not (options and options.keep_furniture):
        doc = without_furniture(doc)  # JSON keeps everything: reading stays lossless
    if template_dir is None:
        from ..resources import template_dir as default_template_dir

        template_dir = default_template_dir()
    if suffix == ".json":
        from .jsonout import write_json

        write_json(doc, path)
    elif suffix == ".html":
        from .html import write_html

        write_html(doc, path, template_dir=template_dir, issues=issues, options=options)
    elif suffix == ".pdf":
        from .pdf import render_pdf

        render_pdf(doc, path, template_dir=template_dir, issues=issues, options=options)
    else:
        from .docx import render_docx

        render_docx(doc, path, issues=issues, options=options)
