"""The pack and fact-sheet DOCX: Word styles, numbering, contents field, marking, page breaks."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.render.conftest import docx_pages, pdftotext, soffice_to_pdf, starts_chapter
from toolkit.glossary.model import Glossary
from toolkit.memory import TranslationMemory
from toolkit.pack.build import build_pack, translate_section
from toolkit.pack.content import Pack
from toolkit.pack.docx import write_fact_sheet_docx, write_pack_docx
from toolkit.pack.manifest import Source, read_manifest

MOU = Path(__file__).resolve().parents[2] / "samples" / "mou-nrw-fukushima-2026.toml"
MARKING = "Nur für den Dienstgebrauch · 取扱注意"


@pytest.fixture
def pack(pack_dir: Path, glossary: Glossary, sample_memory: TranslationMemory) -> Pack:
    manifest = read_manifest(pack_dir / "pack.toml", glossary=glossary)
    return build_pack(
        manifest, memory=sample_memory, engine_for=lambda s, t: None, glossary=glossary
    )


def _fact_sheet(tmp_path: Path, memory: TranslationMemory) -> Path:
    source = Source(MOU, "mou", None, "ja", 0, MOU)
    section = translate_section(
        source, "mou-1", memory=memory, engine_for=lambda s, t: None, glossary=None
    )
    path = tmp_path / "mou.docx"
    write_fact_sheet_docx(section, path, classification=MARKING)
    return path


def _text(part: Any) -> list[str]:
    return [p.text for p in part.paragraphs]


def test_pack_is_built_on_styles_with_word_lists_and_light_rules(
    pack: Pack, tmp_path: Path
) -> None:
    path = tmp_path / "pack.docx"
    write_pack_docx(pack, path)
    opened = docx.Document(str(path))
    paragraphs = [
        p for t in opened.tables for r in t.rows for c in r.cells for p in c.paragraphs if p.text
    ]
    used = {p.style.name for p in paragraphs if p.style is not None}
    assert {"Body German", "Body Japanese", "Day Heading", "Table Heading", "Name German"} <= used
    assert "Normal" not in used
    assert not any(p.text.startswith(("•", "・")) for p in paragraphs)  # no typed bullets
    listed = [p for p in paragraphs if p.style is not None and "List" in p.style.name]
    assert listed
    number = opened.styles["List German"].element.pPr.find(qn("w:numPr"))
    assert number is not None  # the bullet is Word numbering (numbering.xml)
    assert {t.style.name for t in opened.tables if t.style is not None} == {"Light Rules"}
    day = opened.styles["Day Heading"].element.pPr
    assert day.find(qn("w:keepNext")) is not None  # a day heading stays with its first event
    for table in opened.tables:
        for row in table.rows:
            trpr: Any = row._tr.trPr
            assert trpr is not None
            assert trpr.find(qn("w:cantSplit")) is not None


def test_contents_field_marking_notice_and_cover(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "pack.docx"
    write_pack_docx(pack, path)
    opened = docx.Document(str(path))
    body = opened.element.body.xml
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    targets = set(re.findall(r"PAGEREF (_Toc\d+)", body))
    bookmarks = set(re.findall(r'w:name="(_Toc\d+)"', body))
    assert targets
    assert targets == bookmarks
    assert opened.settings.element.find(qn("w:updateFields")) is not None
    marking = pack.texts["classification"]
    cover = opened.sections[0]
    assert "PAGE" not in cover.footer._element.xml  # no page number on the cover
    assert marking.text("de") in _text(cover.header)
    for section in opened.sections[1:]:
        footer = _text(section.footer)
        assert footer[0].startswith("Arbeitsübersetzung – 仮訳\t")
        assert "PAGE" in section.footer._element.xml
        # German and Japanese on lines of their own, top and bottom
        assert footer[1:] == [marking.text("de"), marking.text("ja")]
        assert _text(section.header)[:2] == [marking.text("de"), marking.text("ja")]
        # the chapter's first page shows its heading, not the running title too
        assert section.different_first_page_header_footer
        assert len(_text(section.first_page_header)) == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_fact_sheet_is_one_page_with_notice_and_marking(
    tmp_path: Path, sample_memory: TranslationMemory
) -> None:
    path = _fact_sheet(tmp_path, sample_memory)
    opened = docx.Document(str(path))
    section = opened.sections[0]
    assert _text(section.header) == [MARKING]
    assert _text(section.footer)[1] == MARKING
    (pdf,) = soffice_to_pdf([path], tmp_path)
    assert len(PdfReader(pdf).pages) == 1  # as Word/LibreOffice lays it out
    text = re.sub(r"\s", "", pdftotext(pdf))
    assert "Arbeitsübersetzung–仮訳" in text
    assert text.count("NurfürdenDienstgebrauch·取扱注意") == 2
    assert "3年間（2029年3月1日まで）" in text


def test_pack_prints_captions_in_their_style_and_no_furniture(pack: Pack, tmp_path: Path) -> None:
    from tests.render.conftest import WEB_CAPTION, WEB_FURNITURE, WEB_JAPANESE, WEB_PAGE
    from toolkit.engines import FakeEngine
    from toolkit.render.docxcheck import check_docx

    page = tmp_path / "page.html"
    page.write_text(WEB_PAGE, encoding="utf-8")
    section = translate_section(
        Source(page, "document", "de", "ja", 0, page),
        "doc-web",
        memory=None,
        engine_for=lambda s, t: FakeEngine(WEB_JAPANESE),
        glossary=None,
    )
    path = tmp_path / "pack.docx"
    write_pack_docx(dataclasses.replace(pack, sections=(section,)), path)
    opened = docx.Document(str(path))
    styles = {
        p.text: p.style.name
        for t in opened.tables
        for r in t.rows
        for c in r.cells
        for p in c.paragraphs
        if p.text and p.style is not None
    }
    assert not [t for t in styles if any(f in t for f in WEB_FURNITURE)]
    captions = {s for t, s in styles.items() if any(c in t for c in WEB_CAPTION)}
    assert captions == {"Caption German", "Caption Japanese"}
    assert opened.styles["Caption Japanese"].font.italic is False
    assert check_docx(path) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_pages_are_a_third_full_but_chapter_ends(
    pack: Pack, tmp_path: Path, sample_memory: TranslationMemory
) -> None:
    """As LibreOffice lays the pack out, a page under a third full ends a chapter (#11)."""
    path = tmp_path / "pack.docx"
    write_pack_docx(pack, path)
    fact = _fact_sheet(tmp_path, sample_memory)
    pdf, fact_pdf = soffice_to_pdf([path, fact], tmp_path)
    pages = docx_pages(pdf)
    assert len(pages) > 10
    short = [
        f"p.{n}: {fill:.0%} {body[0].text if body else ''}"
        for n, (fill, body) in enumerate(pages, 1)
        if fill < 1 / 3 and n < len(pages) and not starts_chapter(pages[n][1])
    ]
    assert short == []
    last_of_documents = [
        body for n, (_, body) in enumerate(pages[:-1], 1) if "Kontakte" in pages[n][1][0].text
    ]
    (body,) = last_of_documents  # the page before the contacts ends the documents: its
    assert any(line.text.rstrip().endswith((".", "。")) for line in body)  # not only a contact
    assert len(docx_pages(fact_pdf)) == 1
