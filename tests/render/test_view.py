"""Rows of a parallel text: list numbers before their item, furniture left out by default."""

from __future__ import annotations

from pathlib import Path

import docx

from toolkit.engines import FakeEngine
from toolkit.ingest import read_text
from toolkit.model import BlockKind, Document
from toolkit.pipeline import translate_document
from toolkit.render import render_document, without_furniture
from toolkit.render.view import build_rows

TEXT = (
    "Treffen in Nagoya\n\n"
    "Startseite > Presse > Meldungen\n\n"
    "1. Beide Seiten begrüßten die Vereinbarung und kündigten weitere Gespräche an.\n\n"
    "- Ein Workshop im Herbst.\n"
)


def translated() -> Document:
    return translate_document(
        read_text(TEXT, lang="de"), target_lang="ja", engine=FakeEngine(fallback=lambda t: "訳")
    )


def test_list_number_stands_before_both_sides_bullets_do_not() -> None:
    rows = build_rows(translated())
    numbered = [r for r in rows if r.numbered]
    assert len(numbered) == 1
    assert numbered[0].source[0].text.startswith("1. Beide Seiten")
    assert numbered[0].target[0].text == "1. 訳"
    bullet = next(r for r in rows if r.source[0].text.startswith("Ein Workshop"))
    assert bullet.kind is BlockKind.LIST_ITEM
    assert not bullet.numbered


def test_furniture_is_left_out_of_handouts(tmp_path: Path) -> None:
    doc = translated()
    assert any(b.kind is BlockKind.FURNITURE for b in doc.blocks)
    assert all(b.kind is not BlockKind.FURNITURE for b in without_furniture(doc).blocks)
    out = tmp_path / "out.docx"
    render_document(doc, out)
    paragraphs = [
        p
        for t in docx.Document(str(out)).tables
        for r in t.rows
        for c in r.cells
        for p in c.paragraphs
    ]
    assert not any("Startseite" in p.text for p in paragraphs)
    styles = {p.text[:14]: p.style.name for p in paragraphs if p.style is not None}
    assert styles["1. Beide Seite"] == "Body German"  # its number, no bullet
    assert styles["Ein Workshop i"] == "List German"  # the style's bullet
