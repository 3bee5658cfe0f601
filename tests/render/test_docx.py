"""The DOCX as Word (python-docx) and LibreOffice read it back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.render.conftest import (
    HOSTILE,
    WEB_CAPTION,
    WEB_FURNITURE,
    docx_pages,
    hostile_document,
    pdftotext,
    sample_document,
    soffice_to_pdf,
    web_page_document,
)
from toolkit.model import Document
from toolkit.render import RenderOptions, render_document
from toolkit.render.docxcheck import check_docx


def _render(doc: Document, tmp_path: Path, options: RenderOptions | None = None) -> Path:
    path = tmp_path / "out.docx"
    render_document(doc, path, options=options)
    return path


def _texts(table: object) -> list[tuple[str, ...]]:
    return [tuple(c.text for c in row.cells) for row in table.rows]  # type: ignore[attr-defined]


def test_docx_reopens_with_aligned_rows(translated: Document, tmp_path: Path) -> None:
    reopened = docx.Document(str(_render(translated, tmp_path)))
    rows = _texts(reopened.tables[0])
    assert rows[0] == ("Deutsch · ドイツ語", "日本語 · Japanisch")
    assert ("Wasserstoff verbindet NRW und Fukushima", "水素がNRW州と福島をつなぐ") in rows
    assert (
        "Das Land und die Präfektur bauen ihre Partnerschaft aus. Ammoniak dient als Träger.",
        "州と県はパートナーシップを拡大します。アンモニアは水素キャリアとして機能します。",
    ) in rows
    untranslated = [r for r in rows if r[0] == "Ein Satz ohne Übersetzung."]
    assert untranslated
    assert "未翻訳" in untranslated[0][1]
    assert len(rows) == 1 + len(translated.blocks)


def test_target_first_swaps_the_columns(translated: Document, tmp_path: Path) -> None:
    reopened = docx.Document(str(_render(translated, tmp_path, RenderOptions(first="ja"))))
    rows = _texts(reopened.tables[0])
    assert rows[0] == ("日本語 · Japanisch", "Deutsch · ドイツ語")
    assert ("水素がNRW州と福島をつなぐ", "Wasserstoff verbindet NRW und Fukushima") in rows


def test_docx_sets_styles_east_asian_font_and_languages(
    translated: Document, tmp_path: Path
) -> None:
    reopened = docx.Document(str(_render(translated, tmp_path)))
    styles = reopened.styles
    for name in ("Title", "Heading 1", "Body German", "Body Japanese", "Body English"):
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")).endswith("CJK JP"), name
        assert fonts.get(qn("w:asciiTheme")) is None, name  # no theme font overrides ours
    lang = styles["Body Japanese"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "ja-JP"  # kana and kanji; Latin letters: en-US
    assert lang.get(qn("w:val")) == "en-US"  # (tagged ja-JP, LibreOffice breaks inside words)
    assert styles["Body German"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "de-DE"

    fonts = styles["Body Japanese"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Noto Serif CJK JP"

    table = reopened.tables[0]
    paragraph_row = table.rows[4]  # kicker, title, dateline header… then the first paragraph
    source, target = paragraph_row.cells[0].paragraphs[0], paragraph_row.cells[1].paragraphs[0]
    assert source.style.name == "Body German"
    assert target.style.name == "Body Japanese"
    # Fonts and language come from the style: the runs carry none (one style change restyles).
    for run in (*source.runs, *target.runs):
        assert run._r.rPr is None
    # A Japanese heading in a shared heading style is tagged Japanese on its runs.
    heading = next(c.paragraphs[0] for r in table.rows for c in r.cells if "水素が" in c.text)
    assert heading.runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-US"
    title_row = table.rows[2]
    assert {c.paragraphs[0].style.name for c in title_row.cells} == {"Title"}


def test_header_footer_fields_and_marking(translated: Document, tmp_path: Path) -> None:
    options = RenderOptions(classification="VS – NUR FÜR DEN DIENSTGEBRAUCH", notice="Entwurf")
    reopened = docx.Document(str(_render(translated, tmp_path, options)))
    section = reopened.sections[0]
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml
    assert "NUMPAGES" in footer_xml
    footer = [p.text for p in section.footer.paragraphs]
    assert footer[0].startswith("Entwurf\t")
    assert footer[1] == "VS – NUR FÜR DEN DIENSTGEBRAUCH"
    header = [p.text for p in section.header.paragraphs]
    assert header == ["VS – NUR FÜR DEN DIENSTGEBRAUCH", "Wasserstoff verbindet NRW und Fukushima"]


def test_german_is_hyphenated_automatically(translated: Document, tmp_path: Path) -> None:
    settings = docx.Document(str(_render(translated, tmp_path))).settings.element
    names = [child.tag.split("}")[1] for child in settings]
    assert names[names.index("defaultTabStop") + 1] == "autoHyphenation"


def test_default_notice(translated: Document, tmp_path: Path) -> None:
    reopened = docx.Document(str(_render(translated, tmp_path)))
    assert reopened.sections[0].footer.paragraphs[0].text.startswith("Arbeitsübersetzung – 仮訳")


def test_table_rows_keep_together_repeat_header_and_show_no_borders(
    translated: Document, tmp_path: Path
) -> None:
    reopened = docx.Document(str(_render(translated, tmp_path)))
    table = reopened.tables[0]
    first: Any = table.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        properties: Any = row._tr.trPr
        assert properties.find(qn("w:cantSplit")) is not None
    style: Any = table.style
    assert style.name == "Parallel Text"  # its borders are the table style's
    borders = style.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_tall_rows_may_split(tmp_path: Path) -> None:
    from toolkit.engines import FakeEngine
    from toolkit.ingest import read_text
    from toolkit.pipeline import translate_document

    german = " ".join(["Die Delegation besucht Anlagen für grünen Wasserstoff in Namie."] * 70)
    doc = translate_document(
        read_text(f"Kurz.\n\n{german}\n"),
        target_lang="ja",
        engine=FakeEngine(fallback=lambda t: "代表団は施設を視察します。"),
    )
    table = docx.Document(str(_render(doc, tmp_path))).tables[0]
    short: Any = table.rows[1]._tr.trPr
    tall: Any = table.rows[2]._tr.trPr
    assert short.find(qn("w:cantSplit")) is not None
    assert tall is None or tall.find(qn("w:cantSplit")) is None


def test_letter_landscape_page_setup(translated: Document, tmp_path: Path) -> None:
    options = RenderOptions(paper="letter", orientation="landscape")
    section: Any = docx.Document(str(_render(translated, tmp_path, options))).sections[0]
    assert abs(section.page_width - Mm(279.4)) < Mm(0.5)
    assert abs(section.page_height - Mm(215.9)) < Mm(0.5)
    assert section.orientation == 1  # WD_ORIENT.LANDSCAPE


def test_pivot_column(tmp_path: Path) -> None:
    doc = sample_document()
    table = docx.Document(str(_render(doc, tmp_path, RenderOptions(pivot_column=True)))).tables[0]
    rows = _texts(table)
    assert rows[0][2] == "Englisch (Pivot) · 英語（中継訳）"
    assert rows[1][2] == "–"  # the kicker has no pivot text
    assert rows[5][2].startswith("Pivot b5.s1: the English text")
    pivot = table.rows[5].cells[2].paragraphs[0]
    assert pivot.style.name == "Body English"
    assert pivot.runs[0]._r.rPr is None  # tagged English by its style
    assert pivot.style.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_interleaved_and_target_only_are_paragraphs(translated: Document, tmp_path: Path) -> None:
    reopened = docx.Document(
        str(_render(translated, tmp_path, RenderOptions(layout="interleaved")))
    )
    assert not reopened.tables
    texts = [p.text for p in reopened.paragraphs]
    german = texts.index(
        "Das Land und die Präfektur bauen ihre Partnerschaft aus. Ammoniak dient als Träger."
    )
    assert texts[german + 1] == (
        "州と県はパートナーシップを拡大します。アンモニアは水素キャリアとして機能します。"
    )
    assert reopened.paragraphs[german].paragraph_format.keep_with_next

    reopened = docx.Document(
        str(_render(translated, tmp_path, RenderOptions(layout="target-only")))
    )
    texts = [p.text for p in reopened.paragraphs]
    assert "水素がNRW州と福島をつなぐ" in texts
    assert "Wasserstoff verbindet NRW und Fukushima" not in texts
    assert any("未翻訳" in t and "Ein Satz ohne Übersetzung." in t for t in texts)


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    reopened = docx.Document(str(_render(hostile_document(), tmp_path)))
    cells = [c.text for row in reopened.tables[0].rows for c in row.cells]
    assert HOSTILE in cells
    assert HOSTILE + " 訳" in cells
    assert "49" not in "".join(cells)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_docx_in_two_layouts(tmp_path: Path) -> None:
    doc = sample_document()
    side = tmp_path / "side.docx"
    render_document(doc, side, options=RenderOptions(pivot_column=True, classification="VS – NfD"))
    interleaved = tmp_path / "interleaved.docx"
    render_document(doc, interleaved, options=RenderOptions(layout="interleaved", paper="letter"))
    for pdf in soffice_to_pdf([side, interleaved], tmp_path):
        # LibreOffice spaces Latin from kana/kanji ("水素が NRW 州"): compare without spaces.
        text = re.sub(r"\s", "", pdftotext(pdf, raw=True))
        assert "ノルトライン＝ヴェストファーレン州と福島県" in text, pdf.name
        assert "合同作業部会が5月に始動" in text, pdf.name
        assert "GemeinsameArbeitsgruppestartetimMai" in text, pdf.name
        assert "Arbeitsübersetzung–仮訳" in text, pdf.name
        pages = re.search(r"仮訳1/(\d)", text)  # the PAGE / NUMPAGES fields, updated
        assert pages, pdf.name
        assert f"仮訳{pages.group(1)}/{pages.group(1)}" in text, pdf.name
        assert "\ufffd" not in text  # no replacement characters: the Japanese is intact


def _styled(path: Path) -> dict[str, str]:
    """Return each non-empty body paragraph's text -> its style name, tables included."""
    opened = docx.Document(str(path))
    paragraphs = [*opened.paragraphs]
    for table in opened.tables:
        paragraphs += [p for r in table.rows for c in r.cells for p in c.paragraphs]
    return {p.text: p.style.name for p in paragraphs if p.text and p.style is not None}


@pytest.mark.parametrize("layout", ["side-by-side", "interleaved", "target-only"])
def test_captions_in_their_style_and_furniture_only_on_request(tmp_path: Path, layout: str) -> None:
    doc = web_page_document(tmp_path)
    options = RenderOptions(layout=layout)  # type: ignore[arg-type]
    plain = tmp_path / "plain.docx"
    render_document(doc, plain, options=options)
    styles = _styled(plain)
    assert not [t for t in styles if any(f in t for f in WEB_FURNITURE)]
    captions = {s for t, s in styles.items() if any(c in t for c in WEB_CAPTION)}
    expected = {"Caption Japanese"} if layout == "target-only" else {"Caption German"}
    if layout == "side-by-side":
        expected.add("Caption Japanese")
    if layout == "interleaved":
        expected.add("Translation Japanese")  # the caption's translation under it
    assert captions == expected
    kept = tmp_path / "kept.docx"
    render_document(doc, kept, options=RenderOptions(layout=layout, keep_furniture=True))  # type: ignore[arg-type]
    furniture = {s for t, s in _styled(kept).items() if any(f in t for f in WEB_FURNITURE)}
    assert furniture == {"Furniture German"}  # kept as read, in the source's language
    assert check_docx(plain) == check_docx(kept) == []
    caption = docx.Document(str(kept)).styles["Caption Japanese"]
    assert caption.font.italic is False  # Japanese has no italics


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_last_page_holds_more_than_the_contact(tmp_path: Path) -> None:
    """The document's tail goes over the page break together (#11: a page of only contact)."""
    from tests.conftest import SAMPLES
    from toolkit.exchange.tmx import read_tmx
    from toolkit.ingest import read_document
    from toolkit.memory import TranslationMemory
    from toolkit.pipeline import translate_document

    doc = read_document(SAMPLES / "pm-erneuerbare-de.txt")
    with TranslationMemory(":memory:") as memory:
        memory.add(read_tmx(SAMPLES / "pm-erneuerbare-de.tmx")[0])
        doc = translate_document(doc, target_lang="ja", memory=memory, engine=None)
    paths = []
    for layout in ("side-by-side", "interleaved", "target-only"):
        paths.append(tmp_path / f"{layout}.docx")
        render_document(doc, paths[-1], options=RenderOptions(layout=layout))
        assert check_docx(paths[-1]) == []
    for pdf in soffice_to_pdf(paths, tmp_path):
        pages = docx_pages(pdf)
        assert len(pages) > 1, pdf.name
        assert [f for f, _ in pages[:-1] if f < 1 / 3] == [], pdf.name
        *_, (_, last) = pages
        assert any(line.text.rstrip().endswith((".", "。")) for line in last), pdf.name


def test_the_tail_keeps_with_the_next_but_a_tall_paragraph_may_still_break(
    tmp_path: Path,
) -> None:
    from toolkit.engines import FakeEngine
    from toolkit.ingest import read_text
    from toolkit.pipeline import translate_document

    long = " ".join(f"Satz Nummer {n} über die Zusammenarbeit der Partner." for n in range(90))
    text = f"Titel\n\nErster kurzer Absatz.\n\n{long}\n\nPressekontakt\nTelefon: +49 211 1234\n"
    doc = translate_document(
        read_text(text, source_name="tail.txt"),
        target_lang="ja",
        engine=FakeEngine(
            fallback=lambda t: (
                "両者の協力について述べた、かなり長い訳文の一文です。"
                if t.startswith(("Satz", "Erster"))
                else t.replace("Pressekontakt", "お問い合わせ先").replace("Telefon: ", "電話：")
            )
        ),
    )
    path = tmp_path / "tail.docx"
    render_document(doc, path, options=RenderOptions(layout="target-only"))
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text]

    def flags(paragraph: Any) -> set[str]:
        ppr = paragraph._p.pPr
        names = ("keepNext", "keepLines")
        return {n for n in names if ppr is not None and ppr.find(qn(f"w:{n}")) is not None}

    tall, contact = paragraphs[-2], paragraphs[-1]
    assert len(tall.text) > 1500  # more than a page
    assert flags(tall) == {"keepNext"}  # its end goes with the contact, its lines may break
    assert flags(contact) == {"keepLines"}  # the last block: whole, kept with nothing
    assert check_docx(path) == []


def test_qa_appendix_has_fixed_columns_and_marks_cut_excerpts(
    translated: Document, tmp_path: Path
) -> None:
    from toolkit.model import Issue

    segment = next(iter(translated.segments()))
    issues = [Issue(segment.id, "untranslated", "critical", "not translated")]
    path = tmp_path / "qa.docx"
    render_document(translated, path, issues=issues)
    table = docx.Document(str(path)).tables[-1]
    assert table.rows[0].cells[0].text == "Segment · 番号"
    widths = [cell.width for cell in table.rows[1].cells]
    assert widths[3] > 3 * widths[0]  # the finding gets the room
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None
    assert layout.get(qn("w:type")) == "fixed"


def test_cut_excerpt_ends_after_a_word_with_an_ellipsis() -> None:
    from toolkit.render.docx import _shortened

    text = "Die Ministerin ist vom 1. bis 6. März mit einer Delegation aus Wirtschaft unterwegs."
    assert _shortened(text, 200) == text
    assert _shortened(text, 40) == "Die Ministerin ist vom 1. bis 6. März…"
