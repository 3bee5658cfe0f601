"""The output formats dejakit writes, by file suffix: the extension point for new formats.

A format is one `WriterEntry`: a name, the suffixes it writes, and where its writer lives
(``"module:function"``, imported only when a file of that format is written, so WeasyPrint
loads only for a .pdf and python-docx only for a .docx). Every writer has the one signature
``write(doc, path, job)``: the translated `Document`, the file to write (atomically: a failed
build leaves the previous output untouched), and the `RenderJob` that `render_document` builds
once, holding what the caller asked for (templates, QA issues, `RenderOptions`); a writer uses
what applies to its format and ignores the rest.

Adding a format is one new module with such a writer and one line in `_BUILTIN` (or a
`register_writer` call); ``dejakit translate -o x.<suffix>`` then writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RenderError
from ..model import Document, Issue
from ..registry import Registry, for_suffix, load, suffixes
from .options import RenderOptions

__all__ = [
    "DOCX_MEDIA_TYPE",
    "WRITERS",
    "RenderJob",
    "Writer",
    "WriterEntry",
    "load_writer",
    "output_suffixes",
    "register_writer",
    "writer_entries",
    "writer_for",
]


DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class RenderJob:
    """What a writer gets besides the document and the path, the same for every format.

    `template_dir` holds the HTML templates and stylesheets (HTML and PDF); with `issues`, the
    printed formats end with a QA appendix for reviewers; `options` sets layout, paper and
    marking.
    """

    template_dir: Path
    issues: tuple[Issue, ...] = ()
    options: RenderOptions = field(default_factory=RenderOptions)


Writer = Callable[[Document, Path, RenderJob], None]


@dataclass(frozen=True, slots=True)
class WriterEntry:
    """One output format: its name, its suffixes, and its writer as ``module:function``.

    A `lossless` format gets every block, site furniture included (JSON: reading it back gives
    the document); the others get it only with ``RenderOptions.keep_furniture``.
    """

    name: str
    suffixes: tuple[str, ...]
    write: str
    lossless: bool = False
    media_type: str = "application/octet-stream"  # what the web page sends it as


_BUILTIN = (
    WriterEntry("pdf", (".pdf",), "toolkit.render.pdf:render_pdf", media_type="application/pdf"),
    WriterEntry("docx", (".docx",), "toolkit.render.docx:render_docx", media_type=DOCX_MEDIA_TYPE),
    WriterEntry(
        "html",
        (".html", ".htm"),
        "toolkit.render.html:write_html",
        media_type="text/html; charset=utf-8",
    ),
    WriterEntry(
        "json",
        (".json",),
        "toolkit.render.jsonout:write_json",
        lossless=True,
        media_type="application/json",
    ),
)

WRITERS: Registry[WriterEntry] = Registry(_BUILTIN)
register_writer = WRITERS.register  # a new format's suffixes win over older ones
writer_entries = WRITERS.entries


def output_suffixes() -> tuple[str, ...]:
    """Return the suffixes dejakit writes, in registration order (PDF first)."""
    return suffixes(WRITERS)


def writer_for(path: Path) -> WriterEntry:
    """Return the format of `path` by its suffix, raising `RenderError` for an unknown one."""
    entry = for_suffix(WRITERS, path.suffix.lower())
    if entry is None:
        raise RenderError(
            f"{path}: unknown output type {path.suffix or '(none)'!r}; "
            f"use one of {', '.join(output_suffixes())}"
        )
    return entry


def load_writer(entry: WriterEntry) -> Writer:
    """Return the writer function of `entry` (importing its module now)."""
    writer: Writer = load(entry.write)
    return writer
