"""The handout plan every renderer draws: columns, rows, headings, page geometry, tall rows.

`plan_handout` turns a `Document` and `RenderOptions` into a `Handout`. The HTML/PDF templates
and the DOCX writer both read this one value, so side-by-side, interleaved and target-only mean
the same in every format. A row is a paragraph pair (one block); it is kept on one page unless it
is estimated taller than a third of the page, where a break inside it beats a large blank area.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Literal

from ..model import BlockKind, Document, Lang
from .options import RenderOptions
from .view import Row, Run, build_rows

__all__ = [
    "LANG_LABELS",
    "PAPER_MM",
    "Cell",
    "CellLang",
    "Column",
    "Handout",
    "HandoutRow",
    "PageGeometry",
    "Role",
    "plan_handout",
]

Role = Literal["source", "target", "pivot"]
CellLang = Literal["de", "ja", "en"]

# A label in both languages, each part tagged with its language.
Label = tuple[tuple[str, CellLang], ...]
LANG_LABELS: dict[CellLang, Label] = {
    "de": (("Deutsch", "de"), ("ドイツ語", "ja")),
    "ja": (("日本語", "ja"), ("Japanisch", "de")),
    "en": (("Englisch (Pivot)", "de"), ("英語（中継訳）", "ja")),
}

PAPER_MM: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
_CSS_PAPER = {"a4": "A4", "letter": "letter"}
MARGINS_MM = (20.0, 16.0, 22.0, 16.0)  # top, right, bottom, left

# Type sizes of the stylesheet, for estimating row heights: (em in mm, line height in mm).
_METRICS: dict[CellLang, tuple[float, float]] = {
    "de": (3.53, 5.3),  # 10pt, line-height 1.5
    "ja": (3.35, 5.9),  # 9.5pt, line-height 1.75
    "en": (3.0, 4.35),  # 8.5pt, line-height 1.45
}
_CELL_PADDING_MM = 6.0  # horizontal, both sides together
_ROW_PADDING_MM = 3.5
_TALL_FRACTION = 1 / 3  # rows taller than this share of the text height may break


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """The paper, its orientation and the text area, in millimetres."""

    css_size: str  # "A4 portrait", for @page { size }
    width: float
    height: float
    margins: tuple[float, float, float, float]  # top, right, bottom, left

    @property
    def text_width(self) -> float:
        """Return the width between the left and right margins."""
        return self.width - self.margins[1] - self.margins[3]

    @property
    def text_height(self) -> float:
        """Return the height between the top and bottom margins."""
        return self.height - self.margins[0] - self.margins[2]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the handout: whose text it holds, in which language, how wide."""

    role: Role
    lang: CellLang
    label: Label
    share: float  # of the text width


@dataclass(frozen=True, slots=True)
class Cell:
    """One language's text of a row (no runs: a row without pivot text)."""

    role: Role
    lang: CellLang
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """Return the cell's plain text, lines joined by spaces."""
        return " ".join(r.text for r in self.runs).strip()


@dataclass(frozen=True, slots=True)
class HandoutRow:
    """One block as the handout shows it: its cells in column order."""

    row: Row
    cells: tuple[Cell, ...]
    heading: int  # 0: not a heading; 1: the title; 2–6: heading level
    bookmark: str  # PDF bookmark label ("" when none)
    tall: bool  # estimated taller than a third of the page: may break across pages
    height: float = 0.0  # estimated height (mm) on the page

    @property
    def kind(self) -> str:
        """Return the block kind's name (``"paragraph"``, ``"title"``, …)."""
        return self.row.kind.value

    @property
    def block_id(self) -> str:
        """Return the id of the block the row shows."""
        return self.row.block_id


@dataclass(frozen=True, slots=True)
class Handout:
    """Everything a renderer needs to lay out a parallel-text handout."""

    options: RenderOptions
    flow: bool  # True: paragraphs one after another; False: a table, one row per block
    lang: Lang  # the document's main language (<html lang>)
    source_lang: Lang
    target_lang: Lang
    columns: tuple[Column, ...]
    rows: tuple[HandoutRow, ...]
    page: PageGeometry


def plan_handout(doc: Document, options: RenderOptions | None = None) -> Handout:
    """Return the handout plan of `doc` laid out as `options` say."""
    options = options or RenderOptions()
    source_lang = doc.source_lang
    target_lang: Lang = doc.target_lang or doc.source_lang
    roles: list[Role]
    if options.layout == "target-only":
        roles = ["target"]
    elif options.source_first(source_lang):
        roles = ["source", "target"]
    else:
        roles = ["target", "source"]
    if options.pivot_column:
        roles.append("pivot")
    langs: dict[Role, CellLang] = {"source": source_lang, "target": target_lang, "pivot": "en"}
    flow = options.layout == "interleaved" or len(roles) == 1
    shares = _shares(roles, flow)
    columns = tuple(
        Column(role, langs[role], LANG_LABELS[langs[role]], share)
        for role, share in zip(roles, shares, strict=True)
    )
    page = _page(options)
    rows = tuple(_plan_row(row, columns, page, flow) for row in build_rows(doc))
    return Handout(
        options=options,
        flow=flow,
        lang=target_lang if roles[0] == "target" else source_lang,
        source_lang=source_lang,
        target_lang=target_lang,
        columns=columns,
        rows=rows,
        page=page,
    )


def _shares(roles: list[Role], flow: bool) -> tuple[float, ...]:
    if flow or len(roles) == 1:
        return tuple(1.0 for _ in roles)
    if len(roles) == 2:
        return (0.6, 0.4) if roles[-1] == "pivot" else (0.5, 0.5)
    return (0.38, 0.38, 0.24)


def _page(options: RenderOptions) -> PageGeometry:
    width, height = PAPER_MM[options.paper]
    if options.orientation == "landscape":
        width, height = height, width
    return PageGeometry(
        css_size=f"{_CSS_PAPER[options.paper]} {options.orientation}",
        width=width,
        height=height,
        margins=MARGINS_MM,
    )


def _plan_row(row: Row, columns: tuple[Column, ...], page: PageGeometry, flow: bool) -> HandoutRow:
    cells = tuple(_cell(row, column) for column in columns)
    if row.kind is BlockKind.TITLE:
        heading = 1
    elif row.kind is BlockKind.HEADING:
        heading = min(max(row.level, 2), 6)
    else:
        heading = 0
    bookmark = ""
    if heading:
        texts = [c.text for c in cells if c.role != "pivot" and c.text and not _untranslated(c)]
        bookmark = " · ".join(dict.fromkeys(texts))
    heights = [
        _height_mm(cell, page.text_width * column.share)
        for cell, column in zip(cells, columns, strict=True)
    ]
    height = sum(heights) if flow else max(heights)
    return HandoutRow(
        row=row,
        cells=cells,
        heading=heading,
        bookmark=bookmark,
        # a "heading" that tall is a misread paragraph: it must still break across pages
        tall=height > page.text_height * _TALL_FRACTION,
        height=height,
    )


def _cell(row: Row, column: Column) -> Cell:
    if column.role == "source":
        return Cell("source", column.lang, row.source)
    if column.role == "target":
        return Cell("target", column.lang, row.target)
    if row.pivot is None:
        return Cell("pivot", "en", ())
    lines = row.pivot.split("\n")
    runs = tuple(Run(line, line_break=i < len(lines) - 1) for i, line in enumerate(lines))
    return Cell("pivot", "en", runs)


def _untranslated(cell: Cell) -> bool:
    return cell.role == "target" and any(r.untranslated for r in cell.runs)


def _height_mm(cell: Cell, width: float) -> float:
    """Return a rough height of `cell` set in `width` mm (line count times line height)."""
    em, line = _METRICS[cell.lang]
    usable = max(width - _CELL_PADDING_MM, 10.0) * 0.92  # ragged lines are not full
    lines = 0
    text = "".join(r.text + ("\n" if r.line_break else "") for r in cell.runs)
    for part in text.split("\n"):
        units = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in part)
        lines += max(1, math.ceil(units * em / usable))
    return lines * line + _ROW_PADDING_MM
