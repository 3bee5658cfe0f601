"""What a single line break means in a plain text: a hard wrap, or the end of a paragraph.

A release typed or exported as text is hard-wrapped (lines of 70–80 columns inside a paragraph,
a blank line between paragraphs). A release copied from a web page has one paragraph per line,
often with no blank lines at all. Read the first way, a copied page becomes one title block
with its date and captions glued in; read the second way, a wrapped text falls apart into
half sentences. `decide_lines` looks at the line breaks inside blank-line separated blocks and
weighs the evidence for each convention; the user can override it (``--lines``).
"""

from __future__ import annotations

import itertools
import re
from typing import Literal, get_args

from ..japanese import wide_count
from ..model import Lang
from .dateline import parse_dateline

__all__ = ["LINE_CONVENTIONS", "LineConvention", "LineMode", "decide_lines", "width"]

LineMode = Literal["auto", "wrapped", "paragraphs"]
LineConvention = Literal["wrapped", "paragraphs"]
LINE_CONVENTIONS: tuple[LineMode, ...] = get_args(LineMode)

# Nobody wraps a text this wide (in columns, a full-width character counting two).
_TOO_WIDE = 110
_SENTENCE_END = tuple('.!?:;。！？：…“”」』"')
# A line that is only a list marker: "1.", "(2)", "①", "-": it belongs to the next line.
MARKER_ONLY = re.compile(r"^\s*(?:\d{1,2}[.)]|[(（]\d{1,2}[)）]|[①-⑳]|[-•*・●▪])\s*$")


def width(text: str) -> int:
    """Return the display width of `text`: wide (CJK) characters count two columns."""
    return len(text) + wide_count(text)


def decide_lines(text: str, lang: Lang) -> LineConvention:
    """Return how single line breaks in `text` are meant: ``wrapped`` or ``paragraphs``.

    Evidence for paragraphs: lines wider than anyone wraps, a line repeated with something
    added (an alt text, then the caption with its credit), a short line before a much longer
    one (a heading, a label, a date over its text), a sentence end at the line end followed by
    a new sentence. Evidence for hard wraps: a line that stops mid-sentence at wrapping width,
    a word hyphenated across the break, a German line that goes on in lower case. A text with
    no line break inside a paragraph is ``wrapped`` (the classic convention; nothing changes).
    """
    paragraphs = wrapped = 0
    for block in re.split(r"\n[ \t\u3000]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        lines = [line for line in lines if not MARKER_ONLY.match(line)]
        for line, after in itertools.pairwise(lines):
            para, wrap = _weigh(line, after, lang)
            paragraphs += para
            wrapped += wrap
    return "paragraphs" if paragraphs > wrapped else "wrapped"


def _weigh(line: str, after: str, lang: Lang) -> tuple[int, int]:
    """Return the (paragraph, wrap) evidence of the break between `line` and `after`."""
    cols, next_cols = width(line), width(after)
    if cols > _TOO_WIDE or next_cols > _TOO_WIDE:
        return 2, 0
    if after.startswith(line) and len(after) > len(line):
        return 2, 0  # an alt text, then the same caption with its credit
    if parse_dateline(after) is not None or parse_dateline(line) is not None:
        return 2, 0  # a date line of its own
    if line.endswith("-") and line[-2:-1].isalpha() and lang == "de":
        return 0, 2  # "Wasserstoff-" / "strategie"
    if line.endswith(_SENTENCE_END):
        if lang == "de" and after[:1].islower():
            return 0, 1
        return 1, 0
    if cols < 40 and next_cols > 2 * cols + 20:
        return 1, 0  # a heading or label over its text
    if lang == "de" and after[:1].islower() and cols >= 40 and not line.endswith(","):
        return 0, 2  # the sentence goes on
    if cols >= 50:
        return 0, 1  # stops mid-sentence at wrapping width
    return 0, 0
