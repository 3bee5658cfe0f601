"""Reading inputs: path -> Document.

`read_document` decodes the file (UTF-8, UTF-16 with BOM, Shift_JIS/CP932 or Windows-1252),
refuses binary and empty files with an `IngestError`, guesses the language from the script when
it isn't given, and hands the text to the reader for its format.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

from ..errors import IngestError
from ..model import LANGS, Document, Lang
from . import html, markdown, text
from .press import RawBlock, build_document

__all__ = ["SUPPORTED_SUFFIXES", "decode_text", "detect_lang", "read_document", "read_text"]

LOGGER = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
MAX_BYTES = 20 * 1024 * 1024
# C0/C1 controls other than tab and newline: Word and XML refuse them, so they never enter.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def read_document(path: Path, *, lang: Lang | None = None) -> Document:
    """Return the document in the file at `path`, in `lang` (guessed from the text if None)."""
    if path.suffix.lower() == ".toml":  # an MoU summary: toolkit/pack/mou.py reads it
        from ..pack.mou import read_mou_document

        return read_mou_document(path, lang=lang)
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(
            f"{path}: unsupported input type {path.suffix or '(none)'!r}; use {known}"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise IngestError(f"{path}: can't be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise IngestError(f"{path}: {len(data):,} bytes is too large for a document (limit 20 MB)")
    if fmt == "docx":
        from .docx import read_docx_blocks

        return _build(read_docx_blocks(path), lang, str(path))
    return read_text(decode_text(data, path), lang=lang, fmt=fmt, source_name=str(path))


def read_text(
    content: str, *, lang: Lang | None = None, fmt: str = "text", source_name: str = "<text>"
) -> Document:
    """Return the document that `content` (already decoded) holds."""
    content = unicodedata.normalize("NFC", content.replace("\r\n", "\n").replace("\r", "\n"))
    if _CONTROL.search(content):
        LOGGER.warning(
            "%s: removed control characters that no document format can hold", source_name
        )
        content = _CONTROL.sub("", content.replace("\f", "\n\n"))
    if not content.strip():
        raise IngestError(f"{source_name}: the file is empty; give a text with at least a title")
    if lang is not None and lang not in LANGS:
        raise IngestError(f"{source_name}: unsupported language {lang!r}; use one of {LANGS}")
    readers = {
        "text": text.split_raw_blocks,
        "markdown": markdown.split_raw_blocks,
        "html": html.split_raw_blocks,
    }
    try:
        raw_blocks = readers[fmt](content)
    except IngestError as exc:
        raise IngestError(f"{source_name}: {exc}") from None
    return _build(raw_blocks, lang, source_name)


def _build(raw_blocks: list[RawBlock], lang: Lang | None, source_name: str) -> Document:
    """Return the document of `raw_blocks`, the language guessed from them if not given."""
    if not raw_blocks:
        raise IngestError(f"{source_name}: no text found; give a text with at least a title")
    if lang is None:  # guessed from the text read, never from markup
        lang = detect_lang("\n".join(line for raw in raw_blocks for line in raw.lines))
    return build_document(raw_blocks, lang, source_name=source_name)


def decode_text(data: bytes, path: Path) -> str:
    """Return `data` decoded as text, or raise IngestError if it is binary or undecodable."""
    if not data.strip():
        raise IngestError(f"{path}: the file is empty; give a text with at least a title")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(f"{path}: starts like UTF-16 but isn't; save it as UTF-8") from None
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise IngestError(f"{path}: is a binary file, not text; give a .txt or .md file (UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in ("cp932", "cp1252"):
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp932" and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", decoded):
            continue
        LOGGER.warning("%s: not UTF-8; read as %s", path, encoding)
        return decoded
    raise IngestError(f"{path}: is not UTF-8 text; save it as UTF-8 and try again")


def detect_lang(content: str) -> Lang:
    """Return ``"ja"`` when kana or kanji make up a tenth of the letters, else ``"de"``."""
    letters = [c for c in content if c.isalpha()]
    if not letters:
        return "de"
    cjk = sum(1 for c in letters if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff")
    return "ja" if cjk / len(letters) >= 0.1 else "de"


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)
