from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.render.conftest import pdftotext
from toolkit.model import Document
from toolkit.render import render_document


def _render(doc: Document, tmp_path: Path) -> Path:
    path = tmp_path / "out.docx"
    render_document(doc, path)
    return path


def test_docx_reopens_with_aligned_rows(translated: Document, tmp_path: Path) -> None:
    reopened = docx.Document(str(_render(translated, tmp_path)))
    table = reopened.tables[0]
    rows = [(r.cells[0].text, r.cells[1].text) for r in table.rows]
    assert rows[0] == ("Deutsch", "日本語")
    assert ("Wasserstoff verbindet NRW und Fukushima", "水素がNRW州と福島をつなぐ") in rows
    assert (
        "Das Land und die Präfektur bauen ihre Partnerschaft aus. Ammoniak dient als Träger.",
        "州と県はパートナーシップを拡大します。アンモニアは水素キャリアとして機能します。",
    ) in rows
    untranslated = [r for r in rows if r[0] == "Ein Satz ohne Übersetzung."]
    assert untranslated
    assert "未翻訳" in untranslated[0][1]
    assert len(rows) == 1 + len(translated.blocks)


def test_docx_sets_east_asian_font_and_languages(translated: Document, tmp_path: Path) -> None:
    reopened = docx.Document(str(_render(translated, tmp_path)))
    target_cell = reopened.tables[0].rows[2].cells[1]
    run = target_cell.paragraphs[0].runs[0]
    rpr = run._r.rPr
    assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "Noto Serif CJK JP"
    assert rpr.find(qn("w:lang")).get(qn("w:val")) == "ja-JP"
    source_run = reopened.tables[0].rows[2].cells[0].paragraphs[0].runs[0]
    assert source_run._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "de-DE"
    footer_xml = reopened.sections[0].footer._element.xml
    assert "PAGE" in footer_xml
    assert "NUMPAGES" in footer_xml


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_docx(translated: Document, tmp_path: Path) -> None:
    path = _render(translated, tmp_path)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    # LibreOffice spaces Latin from kana/kanji ("水素が NRW 州"): compare without whitespace.
    text = re.sub(r"\s", "", pdftotext(tmp_path / "out.pdf"))
    assert "水素がNRW州と福島をつなぐ" in text
    assert "州と県はパートナーシップを拡大します。" in text
    assert "WasserstoffverbindetNRW" in text
