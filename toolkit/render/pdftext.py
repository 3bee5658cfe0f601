"""What a printed PDF shows, read back with poppler: pages, paragraphs, lines, words and styles.

`read_pdf_layout` runs ``pdftotext -bbox-layout`` (blocks, lines and words with their boxes) and
``pdftohtml -xml`` (the font, size, weight and colour of each run of text) and joins them per
line, for the layout check (`toolkit.render.layoutcheck`). Coordinates are PDF points, y down.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RenderError

__all__ = ["Line", "Page", "is_cjk", "read_pdf_layout"]

_NS = "{http://www.w3.org/1999/xhtml}"


def is_cjk(char: str) -> bool:
    """Return whether `char` is set as Japanese (kana, kanji, full-width forms)."""
    return unicodedata.east_asian_width(char) in "WF"


@dataclass(slots=True)
class Line:
    """One printed line: its text, box, the paragraph (block) it belongs to, and its style."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    block: int
    bold_sans: bool = False  # every run of the line is set in bold sans (headings, labels)
    size: float = 0.0  # the largest font size on the line, in points


@dataclass(slots=True)
class Page:
    """One page: its size and its lines in reading order."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


def _run(args: list[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, check=True, timeout=300)
    except FileNotFoundError:
        raise RenderError(f"{args[0]} is missing; install poppler-utils") from None
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(
            f"{args[-2]}: {args[0]} failed ({message[-1] if message else exc})"
        ) from None
    return done.stdout.decode("utf-8", "replace")


def _join_words(words: list[str]) -> str:
    """Return the words of a line as one text: a space between words, none inside Japanese."""
    out = ""
    for word in words:
        if out and not (is_cjk(out[-1]) and is_cjk(word[0])):
            out += " "
        out += word
    return out


def read_pdf_layout(path: Path) -> list[Page]:
    """Return the pages of the PDF at `path` with their lines (text, box, paragraph, style)."""
    xhtml = _run(["pdftotext", "-bbox-layout", str(path), "-"])
    xhtml = re.sub(r"<!DOCTYPE[^>]*>", "", xhtml, count=1)
    root = ET.fromstring(xhtml)
    pages: list[Page] = []
    block_id = 0
    for number, page_el in enumerate(root.iter(f"{_NS}page"), start=1):
        page = Page(number, float(page_el.get("width", 0)), float(page_el.get("height", 0)))
        for block_el in page_el.iter(f"{_NS}block"):
            block_id += 1
            for line_el in block_el.iter(f"{_NS}line"):
                words = [w.text or "" for w in line_el.iter(f"{_NS}word")]
                text = _join_words([w for w in words if w])
                if not text:
                    continue
                x0, y0, x1, y1 = (
                    float(line_el.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")
                )
                page.lines.append(Line(text, x0, y0, x1, y1, block=block_id))
        pages.append(page)
    _add_styles(path, pages)
    return pages


_TEXT = re.compile(
    r'<text top="([\d.-]+)" left="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" '
    r'font="(\d+)">(.*?)</text>'
)
_FONT = re.compile(r'<fontspec id="(\d+)" size="([\d.]+)" family="([^"]*)"')
_PAGE = re.compile(r'<page number="(\d+)"')


def _add_styles(path: Path, pages: list[Page]) -> None:
    """Mark each line's style from ``pdftohtml -xml`` (bold sans, font size)."""
    # at zoom 1, sizes and positions are whole points (larger zooms don't scale sizes evenly)
    xml = _run(["pdftohtml", "-xml", "-i", "-q", "-zoom", "1", "-stdout", str(path), "x"])
    fonts: dict[str, tuple[float, str]] = {}
    runs: dict[int, list[tuple[float, float, float, float, float, bool]]] = {}
    page_no = 0
    for row in xml.splitlines():
        if m := _PAGE.search(row):
            page_no = int(m.group(1))
        if m := _FONT.search(row):
            fonts[m.group(1)] = (float(m.group(2)), m.group(3))
        for m in _TEXT.finditer(row):
            top, left, width, height = (float(m.group(i)) for i in range(1, 5))
            size, family = fonts.get(m.group(5), (0.0, ""))
            bold = "<b>" in m.group(6) or "Bold" in family
            sans = "Sans" in family
            runs.setdefault(page_no, []).append(
                (left, top, left + width, top + height, size, bold and sans)
            )
    for page in pages:
        page_runs = runs.get(page.number, [])
        for line in page.lines:
            hits = [
                r
                for r in page_runs
                if r[0] < line.x1 - 0.5
                and line.x0 < r[2] - 0.5
                and r[1] < line.y1 - 1
                and line.y0 < r[3] - 1
            ]
            if hits:
                line.bold_sans = all(r[5] for r in hits)
                line.size = max(r[4] for r in hits)
