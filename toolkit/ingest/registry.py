"""The input formats dejakit reads, by file suffix: the extension point for new formats.

A format is one `ReaderEntry`: a name (what ``read_text(fmt=…)`` takes), the suffixes it
reads, and where its reader lives (``"module:function"``, imported only when a file of that
format is read, so python-docx loads only for a .docx). What the reader takes depends on `kind`:

- ``"text"``: the decoded, sanitised text -> a list of `RawBlock` (`toolkit.ingest.press`);
  dejakit decodes the file, guesses the language and builds the document (plain text,
  Markdown, HTML).
- ``"file"``: the path -> a list of `RawBlock`, for binary formats (DOCX).
- ``"document"``: the path and ``lang=`` the language (or None) -> a `Document`, for inputs
  that lay out their own blocks (MoU summaries).

Adding a format is one new module with such a reader and one line in `_BUILTIN` (or a
`register_reader` call). The size and segment limits hold for every kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import IngestError
from ..registry import Registry, for_suffix, load, suffixes

__all__ = [
    "READERS",
    "ReaderEntry",
    "ReaderKind",
    "load_reader",
    "reader_entries",
    "reader_for",
    "reader_named",
    "register_reader",
    "supported_suffixes",
]

ReaderKind = Literal["text", "file", "document"]


@dataclass(frozen=True, slots=True)
class ReaderEntry:
    """One input format: its name, its suffixes, and its reader as ``module:function``."""

    name: str
    suffixes: tuple[str, ...]
    read: str
    kind: ReaderKind = "text"


_BUILTIN = (
    ReaderEntry("text", (".txt", ".text"), "toolkit.ingest.text:split_raw_blocks"),
    ReaderEntry("markdown", (".md", ".markdown"), "toolkit.ingest.markdown:split_raw_blocks"),
    ReaderEntry("html", (".html", ".htm"), "toolkit.ingest.html:split_raw_blocks"),
    ReaderEntry("docx", (".docx",), "toolkit.ingest.docx:read_docx_blocks", "file"),
    ReaderEntry("mou", (".toml",), "toolkit.ingest.mou:read_mou_document", "document"),
)

READERS: Registry[ReaderEntry] = Registry(_BUILTIN)
register_reader = READERS.register  # a new format's suffixes win over older ones
reader_entries = READERS.entries


def supported_suffixes() -> tuple[str, ...]:
    """Return the suffixes dejakit reads, sorted."""
    return tuple(sorted(suffixes(READERS)))


def reader_for(path: Path) -> ReaderEntry:
    """Return the format of `path` by its suffix, raising `IngestError` for an unknown one."""
    entry = for_suffix(READERS, path.suffix.lower())
    if entry is None:
        known = ", ".join(supported_suffixes())
        raise IngestError(
            f"{path}: unsupported input type {path.suffix or '(none)'!r}; use {known}"
        )
    return entry


def reader_named(name: str) -> ReaderEntry:
    """Return the format called `name`, raising `IngestError` for an unknown one."""
    entry = READERS.get(name)
    if entry is None:
        known = ", ".join(READERS.names())
        raise IngestError(f"unknown input format {name!r}; use one of {known}")
    return entry


def load_reader(entry: ReaderEntry) -> Callable[..., Any]:
    """Return the reader function of `entry` (importing its module now)."""
    reader: Callable[..., Any] = load(entry.read)
    return reader
