"""The review file in Word: one table row per segment, read back after Word or LibreOffice.

Columns: ID | source | target | status | notes (QA issues, glossary terms, fuzzy matches) |
comment. The reviewer edits the target and comment columns (and may type "approved" into the
status column to approve a target unchanged). Word comments anchored in a row (Insert → Comment)
are read like the comment column.

How the ids survive editing: each ID (and source) cell holds its text inside a *content control*
(``w:sdt``) tagged with the segment id and locked with ``sdtContentLocked`` (Word refuses to edit
it); LibreOffice 7.4 keeps the control on saving but drops its tag and lock (measured), and keeps
the cell text, so the reader takes the
tag when there is one and the cell text otherwise. The review id travels in the document's core
properties (``identifier``) and in the visible heading line, which LibreOffice both keep.

Tracked changes: accepted or rejected changes are plain text by the time we read them. Changes
still *pending* (``w:ins``/``w:del``/``w:moveTo``/``w:moveFrom``) are taken as the reviewer left
them: accepted by default (the reviewer made them), or rejected with ``pending="reject"``; the
import reports how many there were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ExchangeError
from ..fileio import write_bytes_atomic
from ..model import Document, Issue, Segment
from ..render.fonts import SANS
from .apply import ReviewFile, ReviewRow

__all__ = ["read_review_docx", "write_review_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REVIEW_ID = re.compile(r"\bdk-[0-9a-f]{12}\b")
_INSERTED = {f"{{{_W}}}ins", f"{{{_W}}}moveTo"}
_DELETED = {f"{{{_W}}}del", f"{{{_W}}}moveFrom"}
_BREAKS = {"tab": " ", "br": "\n"}
_LANG_NAMES = {"de": "Deutsch · ドイツ語", "ja": "Japanisch · 日本語"}
HEADERS = ("ID", "Ausgangstext · 原文", "Übersetzung · 訳文", "Status", "Hinweise · 注記")
COMMENT_HEADER = "Kommentar · コメント"


def write_review_docx(
    doc: Document, path: Path, *, review_id: str, issues: Sequence[Issue] = ()
) -> None:
    """Write the review table of translated `doc` to `path` (atomically)."""
    import io

    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    out = docx.Document()
    section = out.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = out.styles["Normal"]
    style.font.size = Pt(9.5)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), SANS.cjk)
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): "de-DE", qn("w:eastAsia"): "ja-JP"})
    rpr.append(lang)
    out.core_properties.identifier = review_id
    out.core_properties.title = f"Review: {doc.title or doc.source_name}"
    out.core_properties.subject = "dejakit review"
    target_lang = doc.target_lang or "ja"
    out.add_paragraph(
        f"Korrekturdatei · 校正用ファイル {review_id} — {doc.source_name} "
        f"({doc.source_lang}→{target_lang})"
    ).runs[0].bold = True
    out.add_paragraph(
        "Bitte nur die Spalten „Übersetzung“ und „Kommentar“ ändern; die ID nicht anfassen. "
        "「訳文」と「コメント」の列のみ修正してください。IDは変更しないでください。"
    )
    by_segment: dict[str, list[Issue]] = {}
    for issue in issues:
        by_segment.setdefault(issue.segment_id, []).append(issue)
    table = out.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    headers = [*HEADERS, COMMENT_HEADER]
    headers[1] = f"{headers[1]} ({_LANG_NAMES[doc.source_lang]})"
    headers[2] = f"{headers[2]} ({_LANG_NAMES[target_lang]})"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    _repeat_header(table.rows[0]._tr, qn)
    for seg in doc.segments():
        cells = table.add_row().cells
        _locked_text(cells[0], seg.id, seg.id, qn)
        _locked_text(cells[1], seg.source, f"{seg.id}:source", qn)
        cells[2].text = _clean(seg.target or "")
        cells[3].text = seg.status
        cells[4].text = _clean(_notes(seg, by_segment.get(seg.id, [])))
    for col, width in zip(table.columns, (2.2, 8.5, 8.5, 2.2, 4.0, 3.2), strict=True):
        for cell in col.cells:
            cell.width = Cm(width)
    buffer = io.BytesIO()
    out.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def read_review_docx(path: Path, *, pending: str = "accept") -> ReviewFile:
    """Return the rows of the review file at `path` as the reviewer left them.

    `pending` says what to do with tracked changes still pending: ``accept`` or ``reject``.
    """
    from zipfile import BadZipFile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        opened = docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ExchangeError(f"{path}: not a Word file dejakit can read ({exc})") from None
    review_id = (opened.core_properties.identifier or "").strip()
    if not _REVIEW_ID.fullmatch(review_id):
        heading = "\n".join(p.text for p in opened.paragraphs[:3])
        found = _REVIEW_ID.search(heading)
        if found is None:
            raise ExchangeError(
                f"{path}: no dejakit review id (dk-…) in the file; it is not a review file "
                "dejakit wrote (dejakit review export)"
            )
        review_id = found.group(0)
    table = next((t for t in opened.tables if _is_review_table(t)), None)
    if table is None:
        raise ExchangeError(f"{path}: the review table (ID | … | Kommentar) is missing")
    notes = _word_comments(opened)
    rows: list[ReviewRow] = []
    count = 0
    for row in table.rows[1:]:
        tcs = [c._tc for c in row.cells]
        if len(tcs) < 6:
            raise ExchangeError(f"{path}: row {len(rows) + 2} has {len(tcs)} columns, not 6")
        tag = _sdt_tag(tcs[0])
        seg_id, n0 = _cell_text(tcs[0], pending)
        target, n2 = _cell_text(tcs[2], pending)
        status, n3 = _cell_text(tcs[3], pending)
        comment, n5 = _cell_text(tcs[5], pending)
        count += n0 + n2 + n3 + n5
        anchored = dict.fromkeys(
            notes[i]
            for el in row._tr.iter(f"{{{_W}}}commentReference", f"{{{_W}}}commentRangeStart")
            if (i := el.get(f"{{{_W}}}id", "")) in notes
        )
        comment = "\n".join(x for x in (comment.strip(), *anchored) if x)
        rows.append(ReviewRow(tag or seg_id.strip(), target, status.strip(), comment))
    return ReviewFile(str(path), review_id, tuple(rows), pending=count, pending_mode=pending)


def _word_comments(opened: Any) -> dict[str, str]:
    """Return Word comments (Insert → Comment) by id; they count like the comment column."""
    try:
        comments = list(opened.comments)
    except (AttributeError, KeyError):  # python-docx before 1.2, or no comments part
        return {}
    return {str(c.comment_id): c.text.strip() for c in comments if c.text.strip()}


def _is_review_table(table: Any) -> bool:
    first = [c.text.strip() for c in table.rows[0].cells] if table.rows else []
    return len(first) >= 6 and first[0] == "ID" and first[5] == COMMENT_HEADER


def _cell_text(tc: Any, pending: str) -> tuple[str, int]:
    """Return the text of table cell `tc` with pending changes resolved, and how many there were."""
    changes = sum(
        1 for el in tc.iter(*_INSERTED, *_DELETED) if el.getparent().tag != f"{{{_W}}}rPr"
    )
    paragraphs = []
    for p in tc.iter(f"{{{_W}}}p"):
        parts = []
        for el in p.iter(f"{{{_W}}}t", f"{{{_W}}}delText", f"{{{_W}}}tab", f"{{{_W}}}br"):
            revision = _revision(el)
            if revision == "ins" and pending == "reject":
                continue
            if revision == "del" and pending != "reject":
                continue
            name = el.tag.rsplit("}", 1)[1]
            parts.append(el.text or "" if name in ("t", "delText") else _BREAKS[name])
        paragraphs.append("".join(parts))
    return "\n".join(p for p in paragraphs if p.strip()), changes


def _revision(el: Any) -> str:
    for parent in el.iterancestors():
        if parent.tag in _INSERTED:
            return "ins"
        if parent.tag in _DELETED:
            return "del"
        if parent.tag == f"{{{_W}}}p":
            break
    return ""


def _sdt_tag(tc: Any) -> str:
    for tag in tc.iter(f"{{{_W}}}tag"):
        value = tag.get(f"{{{_W}}}val") or ""
        if value and not value.endswith(":source"):
            return str(value)
    return ""


def _locked_text(cell: Any, text: str, tag: str, qn: Any) -> None:
    """Put `text` into `cell` inside a content control that Word won't let anyone edit."""
    p = cell.paragraphs[0]._p
    sdt = p.makeelement(qn("w:sdt"), {})
    pr = sdt.makeelement(qn("w:sdtPr"), {})
    pr.append(pr.makeelement(qn("w:tag"), {qn("w:val"): tag}))
    pr.append(pr.makeelement(qn("w:lock"), {qn("w:val"): "sdtContentLocked"}))
    sdt.append(pr)
    content = sdt.makeelement(qn("w:sdtContent"), {})
    run = content.makeelement(qn("w:r"), {})
    t = run.makeelement(qn("w:t"), {})
    t.text = _clean(text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    content.append(run)
    sdt.append(content)
    p.append(sdt)


def _repeat_header(tr: Any, qn: Any) -> None:
    trpr = tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {}))


def _notes(seg: Segment, issues: Sequence[Issue]) -> str:
    lines = [f"QA ({i.severity}): {i.message}" for i in issues]
    lines += [
        f"Glossar · 用語: {c.source} → {c.expected} ({c.status})" for c in seg.checks if c.kind
    ]
    lines += [f"Fuzzy {s.score} %: {s.source} → {s.target}" for s in seg.suggestions]
    return "\n".join(lines)


def _clean(text: str) -> str:
    """Drop the control characters python-docx refuses (keep tab and line feed)."""
    return "".join(c for c in text if c in "\t\n" or ord(c) >= 32)
