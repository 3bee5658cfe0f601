"""The WordprocessingML helpers: fonts, fields, rows, styles, numbering, schema order."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from toolkit.render.ooxml import (
    Look,
    add_field,
    bullet_numbering,
    child,
    clean_text,
    keep_with_next,
    paragraph_style,
    set_fonts,
    set_row,
    shade_cell,
    tail_start,
    update_fields_on_open,
)
from toolkit.render.ooxmlorder import order_error, sequence


def _names(element: object) -> list[str]:
    """The prefixed names of the WordprocessingML children of `element` (w14: … left out)."""
    main = qn("w:x")[:-1]
    return [
        "w:" + c.tag[len(main) :]
        for c in element  # type: ignore[attr-defined]
        if c.tag.startswith(main)
    ]


def test_public_helpers() -> None:
    assert clean_text("a\x00b\x0bc") == "abc"
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("日本語")
    set_fonts(run._r, ("Noto Sans", "Noto Sans CJK JP"), "ja")
    add_field(paragraph, "PAGE")
    assert 'w:eastAsia="Noto Sans CJK JP"' in paragraph._p.xml
    assert "PAGE" in paragraph._p.xml
    assert run._r[0].tag == qn("w:rPr")  # run properties first, before the text


def test_sequences_come_from_python_docx_and_the_schema() -> None:
    ppr = sequence("w:pPr")
    assert ppr is not None
    assert ppr.index("w:keepNext") < ppr.index("w:pBdr") < ppr.index("w:spacing")
    assert ppr.index("w:ind") < ppr.index("w:jc") < ppr.index("w:rPr")
    assert sequence("w:lvl") is not None
    assert order_error("w:pPr", ["w:pStyle", "w:jc", "w:ind"]) == (
        "<w:pPr>: <w:ind> must come before <w:jc>"
    )
    assert order_error("w:pPr", ["w:pStyle", "w:bogus"]) is not None
    assert order_error("w:trPr", ["w:tblHeader", "w:cantSplit"]) is None  # an xsd:choice
    assert order_error("w:sectPr", ["w:footerReference", "w:headerReference", "w:pgSz"]) is None
    assert order_error("w:unknown", ["w:x"]) is None


def test_children_go_where_the_schema_puts_them() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Text")
    ppr = paragraph._p.get_or_add_pPr()
    child(ppr, "w:jc", val="both")
    child(ppr, "w:ind", left="200")
    child(ppr, "w:keepNext")
    child(ppr, "w:pBdr")
    child(ppr, "w:spacing", after="60")
    names = _names(ppr)
    assert names == ["w:keepNext", "w:pBdr", "w:spacing", "w:ind", "w:jc"]
    assert order_error("w:pPr", names) is None
    child(ppr, "w:jc", val="center")  # an existing child is updated, not repeated
    assert _names(ppr).count("w:jc") == 1

    table = document.add_table(rows=2, cols=2)
    set_row(table.rows[0], header=True)
    set_row(table.rows[1])
    assert _names(table.rows[0]._tr.trPr) == ["w:cantSplit", "w:tblHeader"]
    shade_cell(table.rows[1].cells[0], "E8EDF3")
    tcpr = table.rows[1].cells[0]._tc.tcPr
    assert order_error("w:tcPr", _names(tcpr)) is None


def test_styles_numbering_and_settings() -> None:
    document = docx.Document()
    number = bullet_numbering(document, "・", indent=5, hanging=4)
    style = paragraph_style(
        document,
        "List Japanese",
        Look(fonts=("Noto Serif", "Noto Serif CJK JP"), lang="ja", numbering=number, justify=True),
    )
    ppr = style.element.find(qn("w:pPr"))
    assert order_error("w:pPr", _names(ppr)) is None
    assert ppr.find(qn("w:jc")).get(qn("w:val")) == "both"
    assert ppr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val")) == str(number)
    numbering = document.part.numbering_part.element
    assert order_error("w:numbering", _names(numbering)) is None
    texts = [t.get(qn("w:val")) for t in numbering.iter(qn("w:lvlText"))]
    assert "・" in texts
    update_fields_on_open(document)
    assert order_error("w:settings", _names(document.settings.element)) is None


@pytest.mark.parametrize("tag", ["w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:sectPr"])
def test_every_property_element_has_a_sequence(tag: str) -> None:
    assert sequence(tag)


def test_tail_start_keeps_about_a_third_of_a_page_together() -> None:
    assert tail_start([50, 50, 20, 10], 33) == 1  # the last paragraph joins the contact
    assert tail_start([50, 50, 40], 33) == 1  # a long last block still has one before it
    assert tail_start([40], 33) == 0
    assert tail_start([5, 5, 5], 33) == 0  # a short document goes together
    assert tail_start([], 33) == 0


def test_keep_with_next_marks_every_paragraph_of_a_row() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[1].add_paragraph("zwei")
    keep_with_next(table.rows[0])
    paragraphs = [p for c in table.rows[0].cells for p in c.paragraphs]
    assert len(paragraphs) == 3
    for paragraph in paragraphs:
        assert paragraph._p.pPr is not None
        assert paragraph._p.pPr.find(qn("w:keepNext")) is not None
        assert paragraph._p[0].tag == qn("w:pPr")  # properties first, as the schema wants
