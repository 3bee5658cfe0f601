"""Sentence segmentation: Block text -> sentence-sized pieces, lossless.

The maintained rule-based segmenter `sentencex` (Wikimedia) does the first cut for each language;
`de.py` and `ja.py` then repair what it misses (agency names with dots, ordinal dates, quotes
followed by a speaker clause). Joining the pieces always gives back the input text.
"""

from __future__ import annotations

from collections.abc import Callable

from sentencex import segment as _sentencex_segment

from ..errors import SegmentError
from ..model import LANGS, Lang, Segment
from . import de, ja

__all__ = ["segment_text", "split_text"]

_REPAIRS: dict[Lang, Callable[[list[str]], list[str]]] = {
    "de": de.repair_pieces,
    "ja": ja.repair_pieces,
}


def split_text(text: str, lang: Lang) -> list[str]:
    """Return the sentences of `text` in `lang`; joined, they give back `text` exactly."""
    if lang not in LANGS:
        raise SegmentError(f"no sentence segmenter for language {lang!r}; use one of {LANGS}")
    if not text:
        return []
    pieces = [p for p in _sentencex_segment(lang, text) if p]
    if "".join(pieces) != text:
        # sentencex is lossless on every input we have seen; never trust that blindly.
        pieces = [text]
    # the repair rules may split again: their pieces get the same whitespace rule
    return _attach_whitespace(_REPAIRS[lang](_attach_whitespace(pieces)))


def segment_text(text: str, lang: Lang, block_id: str) -> tuple[Segment, ...]:
    """Return `text` as Segments with ids ``"<block_id>.s1"``, ``".s2"``, ….

    Each segment's source is stripped; the whitespace after it is kept in ``space_after`` so the
    block text can be rebuilt. Leading whitespace of `text` is dropped.
    """
    segments: list[Segment] = []
    for piece in split_text(text.lstrip(), lang):
        core = piece.rstrip()
        if not core:
            continue
        segments.append(
            Segment(
                id=f"{block_id}.s{len(segments) + 1}", source=core, space_after=piece[len(core) :]
            )
        )
    return tuple(segments)


def _attach_whitespace(pieces: list[str]) -> list[str]:
    """Fold whitespace-only pieces and leading whitespace into the previous piece."""
    out: list[str] = []
    for piece in pieces:
        stripped = piece.lstrip()
        lead = piece[: len(piece) - len(stripped)]
        if out and lead:
            out[-1] += lead
            piece = stripped
        if not piece:
            continue
        if out and not out[-1].strip():
            out[-1] += piece
        else:
            out.append(piece)
    return out
