"""Reading inputs: path -> Document.

`read_document` decodes the file (UTF-8, UTF-16 with BOM, Shift_JIS/CP932 or Windows-1252),
refuses binary and empty files with an `IngestError`, guesses the language from the script when
it isn't given, and hands the text to the reader for its format.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from pathlib import Path

from ..errors import IngestError
from ..japanese import HALFWIDTH_KANA, KANA, KANJI, japanese_share
from ..limits import bound_document, current_limits, describe_limit
from ..model import LANGS, Document, Lang
from ..textfile import read_bytes
from .lines import LINE_CONVENTIONS, LineMode, decide_lines
from .press import RawBlock, build_document
from .registry import (
    ReaderEntry,
    load_reader,
    reader_for,
    reader_named,
    register_reader,
    supported_suffixes,
)

__all__ = [
    "LINE_CONVENTIONS",
    "RawBlock",
    "ReaderEntry",
    "decode_text",
    "detect_lang",
    "read_document",
    "read_text",
    "register_reader",
    "sanitize_text",
    "supported_suffixes",
]

LOGGER = logging.getLogger(__name__)

# C0/C1 controls other than tab and newline: Word and XML refuse them, so they never enter.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Lone surrogates (no file format can hold them), bidi overrides and isolates (they can make
# a text read differently from what is stored: "Trojan Source"), zero-width spaces, word
# joiners and stray BOMs (they split words for the glossary and the memory). Zero-width
# joiners stay: emoji sequences need them.
_INVISIBLE = re.compile(
    "[\ud800-\udfff\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def read_document(path: Path, *, lang: Lang | None = None, lines: LineMode = "auto") -> Document:
    """Return the document in the file at `path`, in `lang` (guessed from the text if None).

    `lines` says what a single line break in a plain text is: ``wrapped`` (a hard wrap inside a
    paragraph), ``paragraphs`` (one paragraph per line, as text copied from a web page comes)
    or ``auto`` (decided per document; the choice is in ``meta["lines"]``).

    The size limits (`toolkit.limits`) hold: a file above the input size or with more segments
    than the limit is refused; a segment above the length limit is split into flagged pieces.
    """
    _check_size(path, current_limits().input_bytes)
    return _apply_limits(_read_document(path, lang, lines), str(path))


def _apply_limits(doc: Document, source_name: str) -> Document:
    """Refuse `doc` above the segment limit; split its overlong segments (flagged)."""
    limits = current_limits()
    count = sum(len(b.segments) for b in doc.blocks)
    if count > limits.segments:
        raise IngestError(
            f"{source_name}: {count:,} segments are more than one job takes; split the "
            "document, or " + describe_limit("segments", limits.segments)
        )
    return bound_document(doc, limits)


def _check_size(path: Path, limit: int) -> None:
    """Refuse a file above `limit` bytes before reading any of it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it says what is wrong
    _refuse_size(path, size, limit)


def _refuse_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise IngestError(
            f"{path}: {size:,} bytes is too large for one document; split it, or "
            + describe_limit("input_bytes", limit)
        )


def _read_document(path: Path, lang: Lang | None, lines: LineMode = "auto") -> Document:
    entry = reader_for(path)
    if entry.kind == "document":  # a structured input (an MoU summary) lays out its blocks
        document: Document = load_reader(entry)(path, lang=lang)
        return document
    data = read_bytes(path, IngestError)
    _refuse_size(path, len(data), current_limits().input_bytes)  # it may have grown since
    if entry.kind == "file":
        return _build(load_reader(entry)(path), lang, str(path))
    return read_text(
        decode_text(data, path), lang=lang, fmt=entry.name, source_name=str(path), lines=lines
    )


def read_text(
    content: str,
    *,
    lang: Lang | None = None,
    fmt: str = "text",
    source_name: str = "<text>",
    lines: LineMode = "auto",
) -> Document:
    """Return the document that `content` (already decoded) holds.

    `lines` applies to plain text (see `read_document`).
    """
    content = sanitize_text(content.replace("\r\n", "\n").replace("\r", "\n"), source_name)
    if not content.strip():
        raise IngestError(f"{source_name}: the file is empty; give a text with at least a title")
    if lang is not None and lang not in LANGS:
        raise IngestError(f"{source_name}: unsupported language {lang!r}; use one of {LANGS}")
    if lines not in LINE_CONVENTIONS:
        known = ", ".join(LINE_CONVENTIONS)
        raise IngestError(f"{source_name}: unknown line convention {lines!r}; use one of {known}")
    entry = reader_named(fmt)
    if entry.kind != "text":
        raise IngestError(f"{source_name}: {fmt} is read from a file, not from text")
    convention = ""
    try:
        if entry.name == "text":  # plain text: what a single line break means, decided here
            chosen = (
                decide_lines(content, lang or detect_lang(content)) if lines == "auto" else lines
            )
            convention = f"{chosen} ({'auto' if lines == 'auto' else 'given'})"
            raw_blocks = load_reader(entry)(content, chosen)
        else:
            raw_blocks = load_reader(entry)(content)
    except IngestError as exc:
        raise IngestError(f"{source_name}: {exc}") from None
    return _apply_limits(_build(raw_blocks, lang, source_name, convention), source_name)


def sanitize_text(content: str, source_name: str) -> str:
    """Return `content` NFC-normalised without control, bidi and zero-width characters.

    What was removed is logged once as a warning naming `source_name`.
    """
    if _INVISIBLE.search(content):
        LOGGER.warning(
            "%s: removed invisible characters (bidi controls, zero-width spaces or broken "
            "surrogates) that would change how the text reads or matches",
            source_name,
        )
        content = _INVISIBLE.sub("", content)
    content = unicodedata.normalize("NFC", content)
    if _CONTROL.search(content):
        LOGGER.warning(
            "%s: removed control characters that no document format can hold", source_name
        )
        content = _CONTROL.sub("", content.replace("\f", "\n\n"))
    return content


def _build(
    raw_blocks: list[RawBlock], lang: Lang | None, source_name: str, lines: str = ""
) -> Document:
    """Return the document of `raw_blocks`, the language guessed from them if not given."""
    raw_blocks = _sanitize_blocks(raw_blocks, source_name)
    if not raw_blocks:
        raise IngestError(f"{source_name}: no text found; give a text with at least a title")
    if lang is None:  # guessed from the text read, never from markup
        lang = detect_lang("\n".join(line for raw in raw_blocks for line in raw.lines))
    return build_document(raw_blocks, lang, source_name=source_name, lines=lines)


def _sanitize_blocks(raw_blocks: list[RawBlock], source_name: str) -> list[RawBlock]:
    """Return `raw_blocks` with their lines sanitised (a DOCX may hold bidi controls too)."""
    joined = "\n".join(line for raw in raw_blocks for line in raw.lines)
    if not (_INVISIBLE.search(joined) or _CONTROL.search(joined)):
        return raw_blocks
    out = []
    for raw in raw_blocks:
        lines = tuple(
            line
            for line in (sanitize_text(x, source_name).replace("\n", " ") for x in raw.lines)
            if line.strip()
        )
        if lines:
            out.append(dataclasses.replace(raw, lines=lines))
    return out


def decode_text(data: bytes, path: Path) -> str:
    """Return `data` decoded as text, or raise IngestError if it is binary or undecodable."""
    if not data.strip():
        raise IngestError(f"{path}: the file is empty; give a text with at least a title")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            # surrogatepass: a lone surrogate is removed later with a warning, not fatal here
            return data.decode("utf-16", errors="surrogatepass")
        except UnicodeDecodeError:
            raise IngestError(f"{path}: starts like UTF-16 but isn't; save it as UTF-8") from None
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise IngestError(f"{path}: is a binary file, not text; give a .txt or .md file (UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data, path)
    if damaged is not None:
        return damaged
    for encoding in ("cp932", "cp1252"):
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp932" and not _looks_japanese(decoded):
            continue
        LOGGER.warning("%s: not UTF-8; read as %s", path, encoding)
        return decoded
    raise IngestError(f"{path}: is not UTF-8 text; save it as UTF-8 and try again")


def _looks_japanese(decoded: str) -> bool:
    """Return whether CP932-decoded text reads as Japanese rather than as chance bytes.

    Full-width kana or kanji settle it. Half-width kana alone (old mail and SAP exports) count
    when they come in runs: a Latin-1 "Straße" also decodes as CP932 (ß is the byte of ﾟ), but
    its high bytes stand alone between Latin letters.
    """
    if re.search(f"[{KANA}{KANJI}]", decoded):
        return True
    half = re.findall(f"[{HALFWIDTH_KANA}]+", decoded)
    in_runs = sum(len(run) for run in half if len(run) >= 2)
    total = sum(len(run) for run in half)
    return total >= 2 and in_runs * 2 >= total


def _damaged_utf8(data: bytes, path: Path) -> str | None:
    """Return `data` decoded as UTF-8 if it is UTF-8 with a few broken bytes, else None.

    Read as CP1252 instead, every umlaut and kana of such a file would turn into mojibake
    that then lands in the memory; a few U+FFFD marks show exactly where the damage is.
    """
    text = data.decode("utf-8-sig", errors="surrogateescape")
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    good = sum(1 for c in text if ord(c) > 0x7F and not "\udc80" <= c <= "\udcff")
    if good >= 4 * bad and good >= 3:
        LOGGER.warning("%s: %d bytes are not valid UTF-8; shown as \ufffd", path, bad)
        return re.sub("[\udc80-\udcff]+", "\ufffd", text)
    return None


def detect_lang(content: str) -> Lang:
    """Return ``"ja"`` when kana or kanji make up a tenth of the letters, else ``"de"``."""
    return "ja" if japanese_share(content) >= 0.1 else "de"


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)
