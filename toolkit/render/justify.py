"""Japanese set justified with inter-character spacing, which WeasyPrint 70 does not do.

WeasyPrint justifies a line by widening its spaces only (``justify_line`` in
``weasyprint.layout.inline``); a Japanese line has none, so ``text-align: justify`` leaves it
ragged, and a Japanese line holding a Latin name puts all the slack into one or two spaces.
`inter_character_justification` wraps that internal while a document is laid out: a line whose
text is mostly Japanese gets the slack spread evenly between its characters (as
``text-justify: inter-character`` would), by Pango letter spacing on each of its text boxes.
Every other line is justified by WeasyPrint as before. Without the internal (another WeasyPrint
version) nothing changes: the text stays ragged, never broken.
"""

from __future__ import annotations

import contextlib
import copy
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

__all__ = ["MAX_SPACING_EM", "MAX_SPACING_LATIN_EM", "inter_character_justification"]

# Spread at most this much between two characters: a line that would need more (a long
# unbreakable phrase pushed to the next line) is left as it is rather than torn apart.
MAX_SPACING_EM = 0.4
# A line holding a Latin word (NRW.Global, FREA) would have that word letter-spaced too,
# which reads as a different word: such a line takes at most this much, else stays ragged.
MAX_SPACING_LATIN_EM = 0.15
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _text_boxes(box: Any, boxes_module: Any) -> Iterator[Any]:
    if isinstance(box, boxes_module.TextBox):
        yield box
    elif isinstance(box, (boxes_module.LineBox, boxes_module.InlineBox)):
        for child in box.children:
            if child.is_in_normal_flow():
                yield from _text_boxes(child, boxes_module)


def _mostly_japanese(text: str) -> bool:
    wide = sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")
    return wide * 2 > len(text.replace(" ", ""))


@contextlib.contextmanager
def inter_character_justification() -> Iterator[None]:
    """Justify mostly-Japanese lines by spacing their characters while WeasyPrint lays out."""
    try:
        from weasyprint.formatting_structure import boxes
        from weasyprint.layout import inline
    except ImportError:  # pragma: no cover - a WeasyPrint without these internals
        yield
        return
    original = getattr(inline, "justify_line", None)
    if original is None:  # pragma: no cover
        yield
        return

    def justify_line(context: Any, line: Any, extra_width: float) -> None:
        texts = list(_text_boxes(line, boxes))
        joined = "".join(t.text for t in texts)
        # By the line's own text, not the cell's language: untranslated German kept in the
        # Japanese column (tagged ja) is justified by its spaces, never letter-spaced.
        japanese = _mostly_japanese(joined)
        if not texts or extra_width <= 0 or not japanese:
            original(context, line, extra_width)
            return
        gaps = len(joined.rstrip()) - 1
        size = texts[0].style["font_size"]
        limit = MAX_SPACING_LATIN_EM if _LATIN_WORD.search(joined) else MAX_SPACING_EM
        if gaps < 1 or extra_width / gaps > limit * size:
            return
        _spread(line, extra_width / gaps, 0.0, texts[-1], boxes)

    inline.justify_line = justify_line
    try:
        yield
    finally:
        inline.justify_line = original


def _spread(
    box: Any,
    spacing: float,
    x_advance: float,
    last: Any,
    boxes: Any,
) -> float:
    """Add `spacing` after every character in `box`, moving what follows; return the shift."""
    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        style = copy.copy(box.style)
        letter = style["letter_spacing"]
        style["letter_spacing"] = (0 if letter == "normal" else letter) + spacing
        # Pango adds the spacing once per character; the line's last character gets none
        # after it. WeasyPrint rebuilds the box's Pango layout from its style when it draws.
        added = spacing * (len(box.text) - (1 if box is last else 0))
        box.style = style
        box.width += added
        return float(x_advance + added)
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        for child in box.children:
            if child.is_in_normal_flow():
                x_advance = _spread(child, spacing, x_advance, last, boxes)
        box.width += x_advance - before
        return x_advance
    box.translate(x_advance, 0)
    return x_advance
