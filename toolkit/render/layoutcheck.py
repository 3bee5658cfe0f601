"""The layout check: what a protocol officer would mark in a printed PDF, found automatically.

`check_pdf` reads a PDF back (`toolkit.render.pdftext`) and returns one `toolkit.findings.Finding`
(its page, the check, what is wrong and the text around it) for each:

- ``kinsoku``: a line starting with a character that may not start a line (。、」）・ー …) or
  ending with an opening bracket;
- ``unit``: a line break inside a protected unit (`toolkit.render.units`: a glossary name or
  term, a date with its weekday, a number with its unit, a phone number, „Dr.“ and a name) or
  inside a katakana word;
- ``name-hyphen``: a hyphenated name, brand, URL or e-mail address;
- ``hyphen``: a German word hyphenated where the patterns allow no break;
- ``stranded``: a heading, day heading, table header row or group label as the last line of a
  page (a line set all in bold sans, with nothing else beside it);
- ``short-page``: a page less than a third full that does not end a chapter (the next page
  opens with a chapter or document heading, or there is none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..findings import Finding
from .hyphenate import hyphen_points, hyphenation_available
from .pdftext import Line, Page, is_cjk, read_pdf_layout
from .phrases import MAX_PHRASE_EM, _width_em, first_piece, phrase_cuts
from .units import NO_LINE_END, NO_LINE_START, name_words, part_spans, protected_spans

__all__ = ["NO_LINE_END", "NO_LINE_START", "check_pages", "check_pdf", "line_breaks"]

# What a hyphenation break leaves at the line end: dejakit's stylesheets draw an ASCII hyphen
# (see parallel.css); U+2010 at a line end is a hyphen of the text itself.
_HYPHENS = "-\u00ad"
# „Industrie- und Wärmesektor“: a hyphen before these words ends a truncated compound.
_AFTER_TRUNCATION = frozenset({"und", "oder", "sowie", "bzw", "bis", "als", "wie", "noch"})
_KATAKANA = re.compile(r"[\u30a1-\u30faー]")
# Running header and footer zones (the stylesheets' margins are 20 mm top, 18–22 mm bottom).
TOP_MM, BOTTOM_MM = 19.0, 17.0
_MM = 72 / 25.4
# A page opening with bold sans this large starts a chapter, or a document of a pack (which
# starts on a new page, as a chapter does).
_CHAPTER_PT = 11.5


def check_pdf(path: Path) -> list[Finding]:
    """Return the layout defects of the PDF at `path`."""
    return check_pages(read_pdf_layout(path), str(path))


def check_pages(pages: list[Page], where: str) -> list[Finding]:
    """Return the layout defects of `pages` (read from the PDF named `where`)."""
    defects: list[Finding] = []
    for page in pages:
        body = _body(page)
        for first, second in line_breaks(body):
            shown = f"{first.text[-24:]} / {second.text[:24]}"
            defects.extend(
                _defect(where, page, check, message, shown)
                for check, message in _check_break(first, second)
            )
        for line in body:
            if line.text[:1] in NO_LINE_START:
                message = f"line starts with „{line.text[0]}“"
                defects.append(_defect(where, page, "kinsoku", message, line.text))
            if line.text[-1:] in NO_LINE_END:
                message = f"line ends with „{line.text[-1]}“"
                defects.append(_defect(where, page, "kinsoku", message, line.text))
    defects.extend(_page_defects(pages, where))
    return defects


def _defect(where: str, page: Page, check: str, message: str, excerpt: str) -> Finding:
    return Finding(file=where, page=page.number, check=check, message=message, excerpt=excerpt)


def _body(page: Page) -> list[Line]:
    """Return the lines of `page` between its running header and footer."""
    top = TOP_MM * _MM
    bottom = page.height - BOTTOM_MM * _MM
    return [line for line in page.lines if line.y0 >= top - 1 and line.y1 <= bottom + 1]


def line_breaks(lines: list[Line]) -> Iterator[tuple[Line, Line]]:
    """Yield each pair of lines where one paragraph runs on from one line to the next.

    The next line of a paragraph is the nearest line below in the same column (starting within
    a few points of the same x, less than half a line height below), and the line above is
    full: what starts the next line would not have fitted at its end. A short line followed
    by another is a paragraph's or a table row's end.
    """
    for first in lines:
        height = first.y1 - first.y0
        below = [
            line
            for line in lines
            if line.y0 > first.y0 + height / 2
            and line.y0 - first.y1 < height / 2
            and abs(line.x0 - first.x0) < 15
            and line.x0 < first.x1
        ]
        if not below:
            continue
        second = min(below, key=lambda line: line.y0)
        # lines of one paragraph are at most 1.9 font sizes apart (line-height up to 1.75);
        # table rows with their padding are further apart
        size = max(first.size, second.size)
        if size and second.y0 - first.y0 > 1.9 * size:
            continue
        right = max(line.x1 for line in lines if abs(line.x0 - first.x0) < 15)
        if right - first.x1 <= _lead_width(second.text, second.y1 - second.y0) + height:
            yield first, second


def _lead_width(text: str, height: float) -> float:
    """Return about how wide the first unbreakable piece of `text` is, in points."""
    if is_cjk(text[0]):
        return _width_em(first_piece(text[:60])) * height * 0.8
    word = text.split(" ", 1)[0]
    return len(word) * height * 0.45


def _check_break(first: Line, second: Line) -> Iterator[tuple[str, str]]:
    """Yield (check, message) for what is wrong where `first` runs on into `second`."""
    a, b = first.text, second.text
    if is_cjk(a[-1]) or is_cjk(b[0]):  # „今後3“ / „年間“: a Japanese line
        joined, at = a[-40:] + b[:40], len(a[-40:])
        yield from _unit_break(joined, at, "ja")
        # between the words of a katakana compound („アンモニア“ | „バリューチェーン“) is fine
        if _KATAKANA.match(a[-1]) and _KATAKANA.match(b[0]) and at not in phrase_cuts(joined):
            yield "unit", "break inside a katakana word"
        return
    hyphenated = a[-1] in _HYPHENS and b[:1].isalpha() and b[:1].islower()
    if hyphenated:
        yield from _hyphen_break(a[:-1], b)
        joined, at = a[-40:-1] + b[:40], len(a[-40:-1])
    else:
        joined, at = a[-40:] + " " + b[:40], len(a[-40:])
    yield from _unit_break(joined, at, "de")


def _unit_break(joined: str, at: int, lang: str) -> Iterator[tuple[str, str]]:
    for start, end in protected_spans(joined, lang):
        if start < at < end:
            unit = joined[start:end]
            # a unit wider than a phrase may be (a long official name) may break between the
            # names it is made of, never inside one of them
            if lang == "ja" and _width_em(unit) > MAX_PHRASE_EM:
                parts = part_spans(unit, int(MAX_PHRASE_EM))
                if not any(s < at - start < e for s, e in parts):
                    continue
            yield "unit", f"break inside „{unit.strip()}“"


_WORD_END = re.compile(r"[\w.@/:-]+$")
_WORD_START = re.compile(r"^[\w.@/:-]+")
# A brand, an address or a code: a dot or @ inside, a digit next to a letter, inner capitals.
_BRAND = re.compile(r"\w[.@]\w|://|[A-Za-zäöüß]\d|\d[A-Za-zäöüß]|[a-zäöüß][A-ZÄÖÜ]")


def _hyphen_break(left_line: str, right_line: str) -> Iterator[tuple[str, str]]:
    """Yield defects of a German word hyphenated across two lines."""
    left_m = _WORD_END.search(left_line)
    right_m = _WORD_START.search(right_line)
    left = left_m.group() if left_m else ""
    right = right_m.group() if right_m else ""
    word = (left + right).strip(".:")
    if not left or not right or right.rstrip(".,;:") in _AFTER_TRUNCATION:
        return
    core = re.split(r"-", left)[-1]  # "Nordrhein-Westfa" + "len": the last part is the word
    if not core[-1:].isalpha():
        return  # „45-“ / „minütigen“: a break after a hyphen of the text, not hyphenation
    names = name_words()
    if _BRAND.search(word) or word in names or core + right.rstrip(".:") in names:
        yield "name-hyphen", f"hyphenated name or address „{left}-{right}“"
        return
    letters = core + re.split(r"[^A-Za-zÄÖÜäöüß]", right)[0]
    if hyphenation_available() and letters.isalpha() and len(core) not in hyphen_points(letters):
        yield "hyphen", f"no break allowed at „{core}-{right}“"


def _page_defects(pages: list[Page], where: str) -> Iterable[Finding]:
    for index, page in enumerate(pages):
        body = _body(page)
        if not body:
            continue
        bottom = max(line.y1 for line in body)
        last = [line for line in body if line.y1 > bottom - 3]
        # a label cell whose row goes on to its right („Stand“ beside its date) is not alone
        reach = max(line.x1 for line in last)
        height = max(line.y1 - line.y0 for line in last)
        row = [line for line in body if line.x0 > reach and line.y1 > bottom - 2 * height]
        if index < len(pages) - 1 and all(line.bold_sans for line in last) and not row:
            text = " | ".join(line.text for line in last)
            yield _defect(where, page, "stranded", "the page's last line is a heading", text)
        top = TOP_MM * _MM
        fill = (bottom - top) / (page.height - top - BOTTOM_MM * _MM)
        if fill < 1 / 3 and not _ends_chapter(pages, index):
            yield _defect(where, page, "short-page", f"{fill:.0%} full", body[0].text)


def _ends_chapter(pages: list[Page], index: int) -> bool:
    """Return whether the page at `index` is the last of a chapter or of a document."""
    if index == len(pages) - 1:
        return True
    following = _body(pages[index + 1])[:3]
    return any(line.bold_sans and line.size >= _CHAPTER_PT for line in following)
