"""Size and time limits: settings with sane defaults, raised through environment variables.

A shared office PC must survive whatever lands in the inbox: a 5 MB text pasted together from a
mailing list, a "Word file" that unpacks to gigabytes, a line of 50,000 characters without a
full stop. Each limit is a setting (defaults below, like libxml2's and SQLite's compiled-in
limits); ``DEJAKIT_MAX_<NAME>`` overrides it for one run or for good, e.g.
``DEJAKIT_MAX_PDF_PAGES=2000 dejakit translate …``. A refusal names the limit, the value found
and the variable that raises it; a segment above the length limit is not refused but cut into
bounded pieces (flagged ``split``), so translation time stays proportional to the length.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from dataclasses import dataclass, fields, replace

from .errors import ConfigError
from .model import Block, Document, Segment

__all__ = [
    "Limits",
    "bound_document",
    "current_limits",
    "describe_limit",
    "split_long_text",
]

LOGGER = logging.getLogger(__name__)

ENV_PREFIX = "DEJAKIT_MAX_"


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits one run works under (see the module docstring for how to raise them)."""

    input_bytes: int = 20 * 1024 * 1024  # any one input file
    segment_chars: int = 600  # longer segments are split into pieces of at most this
    segments: int = 100_000  # per document (a 300-page book has about 10,000)
    docx_unpacked_bytes: int = 200 * 1024 * 1024  # a DOCX's members, uncompressed, together
    docx_ratio: int = 100  # uncompressed : compressed, per member (zip bombs reach 1000+)
    xml_depth: int = 256  # element nesting (libxml2's own default without XML_PARSE_HUGE)
    xml_entities: int = 0  # entity declarations in a DOCTYPE that may be expanded: none
    pdf_pages: int = 300  # per PDF, estimated before layout (WeasyPrint needs ~3 MB a page)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """Return the defaults, each overridden by ``DEJAKIT_MAX_<NAME>`` when set."""
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for item in fields(cls):
            var = ENV_PREFIX + item.name.upper()
            raw = env.get(var)
            if raw is None or not raw.strip():
                continue
            try:
                value = int(raw.replace("_", "").strip())
            except ValueError:
                raise ConfigError(f"{var}={raw!r}: not a whole number; e.g. {var}=1000") from None
            if value < 0 or (value == 0 and item.name != "xml_entities"):
                raise ConfigError(f"{var}={raw!r}: must be a positive whole number")
            values[item.name] = value
        return cls(**values)


def current_limits() -> Limits:
    """Return the limits in force now (read from the environment on every call)."""
    return Limits.from_env()


def describe_limit(name: str, value: int) -> str:
    """Return how to raise limit `name` above `value`, for the end of an error message."""
    if name not in {f.name for f in dataclasses.fields(Limits)}:  # pragma: no cover - typo guard
        raise ValueError(name)
    return f"limit {name}={value:,}; raise it with {ENV_PREFIX}{name.upper()}=<number>"


# Where a long text is best cut: after sentence-like punctuation, then after a comma or 、,
# then at a space. Never inside a word if avoidable.
_STRONG = re.compile(r"[.!?。！？…:;：；」』）)](?=\s|$)|[。！？]")
_WEAK = re.compile(r"[,、，・]")


def split_long_text(text: str, limit: int) -> list[str]:
    """Return `text` cut into pieces of at most `limit` characters; joined they give `text`.

    Each cut goes at the last good break inside the window (punctuation, comma, space) in its
    second half, else at the window's end. Whitespace at a cut stays with the piece before it.
    The work is linear in the length of `text`.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = _best_cut(window)
        # Whitespace after the cut belongs to this piece (it becomes its space_after), so
        # every piece starts with a visible character.
        end = start + cut
        while end < n and text[end].isspace():
            end += 1
        pieces.append(text[start:end])
        start = end
    if start < n:
        pieces.append(text[start:])
    return pieces


def _best_cut(window: str) -> int:
    half = len(window) // 2
    for pattern in (_STRONG, _WEAK):
        cut = 0
        for match in pattern.finditer(window, half):
            cut = match.end()
        if cut:
            return cut
    space = window.rfind(" ", half)
    if space > 0:
        return space + 1
    cut = len(window)
    # Keep a surrogate pair or a base character with its combining marks together.
    while cut > half and (_combining(window[cut - 1 : cut + 1]) or _high(window[cut - 1])):
        cut -= 1
    return cut


def _high(char: str) -> bool:
    return "\ud800" <= char <= "\udbff"


def _combining(pair: str) -> bool:
    import unicodedata

    return len(pair) == 2 and unicodedata.combining(pair[1]) != 0


def bound_document(doc: Document, limits: Limits | None = None) -> Document:
    """Return `doc` with every segment above the length limit split into flagged pieces.

    Segment ids of the blocks touched are renumbered
    in order (``b3.s1`` … ``b3.s9``), the same on every run over the same input.
    """
    limits = limits or current_limits()
    cap = limits.segment_chars
    if all(len(s.source) <= cap for s in doc.segments()):
        return doc
    blocks: list[Block] = []
    split_count = 0
    for block in doc.blocks:
        if all(len(s.source) <= cap for s in block.segments):
            blocks.append(block)
            continue
        segments: list[Segment] = []
        for seg in block.segments:
            if len(seg.source) <= cap:
                segments.append(seg)
                continue
            split_count += 1
            pieces = split_long_text(seg.source, cap)
            for index, piece in enumerate(pieces):
                core = piece.rstrip()
                last = index == len(pieces) - 1
                segments.append(
                    replace(
                        seg,
                        source=core,
                        space_after=seg.space_after if last else piece[len(core) :],
                        flags=tuple(dict.fromkeys((*seg.flags, "split"))),
                    )
                )
        renumbered = tuple(
            replace(s, id=f"{block.id}.s{i}") for i, s in enumerate(segments, start=1)
        )
        blocks.append(replace(block, segments=renumbered))
    LOGGER.warning(
        "%s: %d segment(s) longer than %d characters were split into pieces (flagged 'split'); %s",
        doc.source_name,
        split_count,
        cap,
        describe_limit("segment_chars", cap),
    )
    return replace(doc, blocks=tuple(blocks))
