"""The DOCX check: it finds what makes a DOCX hard to edit, and our DOCX pass it.

Every DOCX a test writes through dejakit is checked too (the autouse fixture in
tests/conftest.py); here: a DOCX made badly on purpose, the restyle-by-one-style promise read
back by LibreOffice, and the corpus documents (``../shared/corpus``, skipped when absent).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.render.conftest import pdf_fonts, soffice_to_pdf
from toolkit.findings import count_checks
from toolkit.model import Document, Lang
from toolkit.render import RenderOptions, render_document
from toolkit.render.docxcheck import check_docx

ROOT = Path(__file__).resolve().parents[2]
CORPUS = next(
    (
        p
        for p in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"))
        if (p / "docs").is_dir()
    ),
    None,
)


def test_a_badly_made_docx_shows_every_kind_of_defect(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph("Ein Absatz in Normal, fett und rot gesetzt.").runs[0]
    run.bold = True
    run.font.size = Pt(11)
    heading = document.styles.add_style("Tagesüberschrift Heading", 1)
    document.add_paragraph("Mittwoch, 4. März 2026", style=heading)
    ppr: Any = document.add_paragraph("Eingerückt", style="Heading 2")._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:keepNext"))
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "both")
    ppr.insert(1, jc)  # w:jc before w:keepNext: out of the schema's order
    document.add_paragraph(
        "本覚書は、二〇二三年に合意した水素・アンモニア分野の協力をさらに三年間継続するもので、"
        "初めて具体的な作業工程を定めています。",
        style="Body Text",
    )
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "kurz"
    path = tmp_path / "bad.docx"
    document.save(str(path))

    checks = count_checks(check_docx(path))
    assert checks["direct-format"] >= 2  # the bold run with its size, the paragraph's jc
    assert checks["unstyled"] >= 2  # a paragraph in Normal, a table in Table Grid
    assert checks["order"] == 1
    assert checks["row-may-split"] == 2
    assert checks["heading-not-kept"] == 1  # the custom day heading (Heading 2 keeps)
    assert checks["ja-ragged"] == 1


def test_a_long_row_may_split(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Normal Table"]
    table.rows[0].cells[0].text = "Lang. " * 200
    path = tmp_path / "long.docx"
    document.save(str(path))
    assert "row-may-split" not in count_checks(check_docx(path))


@pytest.mark.parametrize("layout", ["side-by-side", "interleaved", "target-only"])
def test_handouts_pass(translated: Document, tmp_path: Path, layout: str) -> None:
    path = tmp_path / f"{layout}.docx"
    options = RenderOptions(layout=layout, classification="VS – NfD")  # type: ignore[arg-type]
    render_document(translated, path, options=options)
    assert check_docx(path) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_one_style_change_restyles_every_body_paragraph(
    translated: Document, tmp_path: Path
) -> None:
    path = tmp_path / "handout.docx"
    render_document(translated, path)
    opened = docx.Document(str(path))
    fonts = opened.styles["Body German"].element.rPr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), "DejaVu Sans")
    restyled = tmp_path / "restyled.docx"
    opened.save(str(restyled))

    reopened = docx.Document(str(restyled))
    body = [
        p
        for t in reopened.tables
        for r in t.rows
        for c in r.cells
        for p in c.paragraphs
        if p.style is not None and p.style.name == "Body German" and p.text
    ]
    assert body
    for paragraph in body:  # nothing on the runs overrides the style
        assert all(r._r.rPr is None or r._r.rPr.rFonts is None for r in paragraph.runs)
    (pdf,) = soffice_to_pdf([restyled], tmp_path)
    names = {f["name"].split("+")[-1] for f in pdf_fonts(pdf)}
    assert "DejaVuSans" in names  # LibreOffice sets the German body in the new font
    assert any(n.startswith("NotoSerifCJK") for n in names)  # the Japanese body unchanged


@pytest.mark.skipif(CORPUS is None, reason="the shared corpus is not beside the repository")
def test_corpus_documents_pass(tmp_path: Path) -> None:
    from toolkit.ingest import read_text
    from toolkit.pipeline import translate_document

    assert CORPUS is not None
    sources = sorted((CORPUS / "docs").glob("*.txt"))
    assert sources
    failures = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        doc = read_text(text.split("\n\n", 1)[-1], source_name=source.name)  # after the header
        target: Lang = "de" if doc.source_lang == "ja" else "ja"
        translated = translate_document(doc, target_lang=target)  # --engine none
        for layout in ("side-by-side", "interleaved"):
            path = tmp_path / f"{source.stem}.{layout}.docx"
            render_document(translated, path, options=RenderOptions(layout=layout))
            failures += [str(d) for d in check_docx(path)]
            path.unlink()
    assert not failures, "\n".join(failures[:20])
