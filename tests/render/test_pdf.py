from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.render.conftest import pdf_fonts, pdftotext
from toolkit.errors import RenderError
from toolkit.model import Document
from toolkit.render import render_document

TEMPLATES = ROOT / "templates"


def test_pdf_embeds_japanese_fonts(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    render_document(translated, path, template_dir=TEMPLATES)
    fonts = pdf_fonts(path)
    assert fonts, "no fonts in the PDF"
    assert all(f["emb"] == "yes" for f in fonts)
    assert not any("Type 3" in f["type"] for f in fonts)
    assert any("CJK" in f["name"] for f in fonts)


def test_pdf_text_has_both_languages_row_by_row(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    render_document(translated, path, template_dir=TEMPLATES)
    text = re.sub(r"\s+", "", pdftotext(path))
    order = [
        "WasserstoffverbindetNRWundFukushima",
        "水素がNRW州と福島をつなぐ",
        "DasLandunddiePräfektur",
        "州と県はパートナーシップを拡大します。",
        "モナ・ノイバウアー大臣",
        "EinSatzohneÜbersetzung.",
    ]
    positions = [text.find(item) for item in order]
    assert all(p >= 0 for p in positions), dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    # The untranslated sentence is marked as such in the target column.
    assert text.find("未翻訳]EinSatzohneÜbersetzung.", positions[-1]) > positions[-1]
    reader = PdfReader(path)
    assert "1 / 1" in reader.pages[0].extract_text()


def test_pdf_pages_carry_ink_in_both_columns(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    render_document(translated, path, template_dir=TEMPLATES)
    pdf = pypdfium2.PdfDocument(str(path))
    bitmap = pdf[0].render(scale=1).to_numpy()
    pdf.close()
    gray = bitmap[..., :3].mean(axis=2)
    width = gray.shape[1]
    left, right = gray[:, : width // 2], gray[:, width // 2 :]
    assert (left < 128).mean() > 0.005
    assert (right < 128).mean() > 0.005


def test_failed_render_keeps_the_previous_file(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(b"previous")
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "parallel.html.j2").write_text("{{ no_such_value }}")
    (broken / "parallel.css").write_text("")
    with pytest.raises(Exception, match="no_such_value"):  # StrictUndefined, from jinja2
        render_document(translated, path, template_dir=broken)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_output_type(translated: Document, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown output type"):
        render_document(translated, tmp_path / "out.odt")
