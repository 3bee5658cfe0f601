"""The PDF as a reader gets it: fonts, text order, ink on the page, bookmarks, tags, metadata."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.render.conftest import (
    HOSTILE,
    hostile_document,
    pdf_catalog,
    pdf_column_lines,
    pdf_fonts,
    pdf_page_texts,
    pdftotext,
    sample_document,
)
from toolkit.engines import FakeEngine
from toolkit.errors import RenderError
from toolkit.ingest import read_text
from toolkit.model import Document
from toolkit.pipeline import translate_document
from toolkit.render import RenderOptions, render_document
from toolkit.render.html import render_html
from toolkit.render.layout import plan_handout
from toolkit.render.layoutcheck import check_pdf, line_breaks
from toolkit.render.pdf import write_pdf_from_html
from toolkit.render.pdftext import is_cjk, read_pdf_layout

TEMPLATES = ROOT / "templates"
NOTICE = "Arbeitsübersetzung – 仮訳"
MARKING = "VS – NUR FÜR DEN DIENSTGEBRAUCH · 取扱注意"


def _squash(text: str) -> str:
    """Return `text` casefolded, without white space and hyphens (words break at line ends)."""
    return re.sub(r"[\s\-‐\u00ad]", "", text).casefold()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample release as PDF in the layouts the tests look at (built once per module)."""
    folder = tmp_path_factory.mktemp("pdf")
    doc = sample_document()
    variants = {
        "side-by-side": RenderOptions(author="MWIKE NRW", keywords=("Wasserstoff",)),
        "interleaved": RenderOptions(layout="interleaved", pdf_variant="none"),
        "target-pivot": RenderOptions(
            layout="target-only",
            pivot_column=True,
            paper="letter",
            orientation="landscape",
            classification=MARKING,
            pdf_variant="none",
        ),
    }
    paths = {}
    for name, options in variants.items():
        paths[name] = folder / f"{name}.pdf"
        render_document(doc, paths[name], template_dir=TEMPLATES, options=options)
    return paths


# ---- fonts ----


def test_pdf_embeds_japanese_fonts(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    render_document(translated, path, template_dir=TEMPLATES)
    fonts = pdf_fonts(path)
    assert fonts, "no fonts in the PDF"
    assert all(f["emb"] == "yes" for f in fonts)
    assert not any("Type 3" in f["type"] for f in fonts)
    names = {re.sub(r"^[A-Z]{6}\+", "", f["name"]) for f in fonts}
    assert {"Noto-Serif", "Noto-Sans-Bold", "Noto-Serif-CJK-JP", "Noto-Sans-CJK-JP-Bold"} <= names


def test_german_keeps_its_latin_font_when_japanese_leads(
    translated: Document, tmp_path: Path
) -> None:
    path = tmp_path / "ja-first.pdf"
    options = RenderOptions(first="ja", pdf_variant="none")
    render_document(translated, path, template_dir=TEMPLATES, options=options)
    names = {re.sub(r"^[A-Z]{6}\+", "", f["name"]) for f in pdf_fonts(path)}
    assert "Noto-Serif" in names  # not the Latin letters of the CJK font
    assert not any("Oblique" in name for name in names)  # no slanted CJK for German italics


def test_every_layout_embeds_only_the_print_fonts(outputs: dict[str, Path]) -> None:
    for path in outputs.values():
        fonts = pdf_fonts(path)
        assert all(f["emb"] == "yes" for f in fonts), path.name
        assert not any("Type 3" in f["type"] for f in fonts), path.name
        assert all("Noto" in f["name"] for f in fonts), (path.name, fonts)


# ---- text in reading order ----


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
    assert re.search(r"1\s*/\s*1", reader.pages[0].extract_text())


@pytest.mark.parametrize("layout", ["side-by-side", "interleaved"])
def test_each_paragraph_is_followed_by_its_partner(
    outputs: dict[str, Path], sample_doc: Document, layout: str
) -> None:
    # In the order the page draws it (and tags it), each paragraph is whole, then its partner.
    text = _squash(pdftotext(outputs[layout], raw=True))
    position = 0
    for block in sample_doc.blocks:
        german = _squash(block.source_text)
        japanese = _squash(block.target_text("ja") or "")
        de_at = text.find(german, position)
        ja_at = text.find(japanese, de_at)
        assert 0 <= de_at < ja_at, (block.id, german[:30], japanese[:15])
        position = ja_at + len(japanese)
    # poppler's own reading order (physical layout) starts each paragraph before its partner.
    text = _squash(pdftotext(outputs[layout]))
    position = 0
    for block in sample_doc.blocks:
        de_at = text.find(_squash(block.source_text)[:25], position)
        ja_at = text.find(_squash(block.target_text("ja") or "")[:12], de_at)
        assert 0 <= de_at < ja_at, block.id
        position = ja_at


def test_target_only_prints_no_source(outputs: dict[str, Path], sample_doc: Document) -> None:
    text = _squash(pdftotext(outputs["target-pivot"]))
    for block in sample_doc.blocks:
        assert _squash(block.target_text("ja") or "")[:12] in text
    assert "Nordrhein-WestfalenunddiejapanischePräfektur" not in text
    assert "pivotb5.s1" in text  # the English pivot column


# ---- pages: rows kept whole, running head and foot ----


def test_paragraph_pairs_are_not_split_across_pages(
    outputs: dict[str, Path], sample_doc: Document
) -> None:
    pages = [_squash(t) for t in pdf_page_texts(outputs["side-by-side"], raw=True)]
    assert len(pages) == 3
    handout = plan_handout(sample_doc)
    for row, block in zip(handout.rows, sample_doc.blocks, strict=True):
        assert not row.tall
        german, japanese = _squash(block.source_text), _squash(block.target_text("ja") or "")
        whole = [i for i, page in enumerate(pages) if german in page and japanese in page]
        assert whole, f"{block.id} is split across pages"


def test_running_head_and_foot(outputs: dict[str, Path]) -> None:
    pages = pdf_page_texts(outputs["side-by-side"])
    total = len(pages)
    for number, page in enumerate(pages, 1):
        # the notice: German and Japanese a line each
        assert "Arbeitsübersetzung\n仮訳" in re.sub(r"\s*\n\s*", "\n", page)
        assert re.search(rf"\b{number}\s*/\s*{total}\b", page)
        assert "Deutsch · ドイツ語" in page  # the header row, repeated
        assert "日本語 · Japanisch" in page
    title = "Nordrhein-Westfalen und Fukushima vertiefen Zusammenarbeit"
    assert all(title in page for page in pages[1:])  # the running title from page 2


def test_layout_check_finds_no_defect(outputs: dict[str, Path]) -> None:
    for path in outputs.values():
        assert [str(d) for d in check_pdf(path)] == []


def test_classification_top_and_bottom_of_every_page(outputs: dict[str, Path]) -> None:
    reader = PdfReader(outputs["target-pivot"])
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (792, 612)  # Letter landscape
    for page in pdf_page_texts(outputs["target-pivot"]):
        # German and Japanese a line each, at the top and at the foot
        assert page.count("VS – NUR FÜR DEN DIENSTGEBRAUCH") == 2, page[:200]
        assert page.count("取扱注意") == 2, page[:200]


def test_a_very_long_pair_breaks_with_the_header_repeated(tmp_path: Path) -> None:
    german = " ".join(["Die Delegation besucht Anlagen für grünen Wasserstoff in Namie."] * 70)
    japanese = "代表団は浪江町のグリーン水素施設を視察します。"  # per sentence
    doc = translate_document(
        read_text(f"Kurz.\n\n{german}\n\nEnde.\n"),
        target_lang="ja",
        engine=FakeEngine({"Kurz.": "短い。", "Ende.": "終わり。"}, fallback=lambda t: japanese),
    )
    assert any(row.tall for row in plan_handout(doc).rows)
    path = tmp_path / "long.pdf"
    render_document(doc, path, template_dir=TEMPLATES)
    pages = pdf_page_texts(path)
    assert len(pages) >= 2
    # The long row starts right under the short one on page 1 (no blank page 1) ...
    assert "Die Delegation besucht" in pages[0]
    assert "代表団は" in _squash(pages[0])
    # ... and continues on page 2 under the repeated column heads.
    assert "Die Delegation besucht" in pages[1]
    assert "Deutsch · ドイツ語" in pages[1]


# ---- Japanese line breaking and German hyphenation ----


def test_japanese_lines_break_at_phrases_and_obey_kinsoku(tmp_path: Path) -> None:
    japanese = (
        "州と県はパートナーシップを拡大します。アンモニアは水素キャリアとして機能します。"
        "「水素こそが鍵です」とモナ・ノイバウアー大臣は述べました。代表団は、経済界と"
        "学術界の代表者で構成され、福島県の企業との意見交換、研究所の視察、東京での"
        "専門フォーラムなどに参加します。"
    ) * 2
    doc = translate_document(
        read_text("Titel\n\nEin Absatz.\n"),
        target_lang="ja",
        engine=FakeEngine({"Titel": "題"}, fallback=lambda t: japanese),
    )
    path = tmp_path / "ja.pdf"
    render_document(doc, path, template_dir=TEMPLATES, options=RenderOptions(pdf_variant="none"))
    lines = [line.replace(" ", "") for line in pdf_column_lines(path, 1, 0.5, 0.95)]
    body = lines[lines.index("題") + 1 :]
    assert "".join(body) == japanese
    assert len(body) > 5
    for line in body[1:]:
        assert line[0] not in "。、」）・ー", f"kinsoku: line starts with {line[0]!r}"
    # No line breaks inside a name, a unit or a katakana word (the layout check's rules).
    assert [str(d) for d in check_pdf(path)] == []


def test_german_is_hyphenated_and_copies_as_whole_words(outputs: dict[str, Path]) -> None:
    """Soft hyphens show an ASCII hyphen at a break only; poppler joins the word back."""
    pages = read_pdf_layout(outputs["side-by-side"])
    broken = [
        (line.text, below.text)
        for page in pages
        for line, below in line_breaks(page.lines)
        if re.search(r"[a-zäöüß]-$", line.text) and below.text[:1].islower()
    ]
    assert broken, "no German word was hyphenated in the narrow column"
    text = subprocess.run(
        ["pdftotext", str(outputs["side-by-side"]), "-"], capture_output=True, check=True, text=True
    ).stdout
    words = [(left.split()[-1][:-1] + right.split()[0]).strip(".,;:") for left, right in broken]
    # copying gives the whole word: poppler joins a word hyphenated with an ASCII hyphen within
    # a paragraph it recognises (not always across a table's interleaved columns)
    joined = [word for word in words if word in text]
    assert len(joined) * 2 > len(words), (joined, words)
    assert "\u00ad" not in text
    assert "\u2010" not in text


# ---- ink on the page, two engines ----


def _ink(gray: object, left: float, right: float) -> float:
    """Return the share of inked pixels in a column of the text area (head and foot left out)."""
    import numpy as np

    array = np.asarray(gray)
    height, width = array.shape[:2]
    part = array[int(height * 0.12) : int(height * 0.9), int(width * left) : int(width * right)]
    return float((part < 200).mean())


def test_pages_carry_ink_in_both_columns_with_pdfium(outputs: dict[str, Path]) -> None:
    pdf = pypdfium2.PdfDocument(str(outputs["side-by-side"]))
    try:
        for page in pdf:
            gray = page.render(scale=0.6).to_numpy()[..., :3].mean(axis=2)
            assert _ink(gray, 0.08, 0.5) > 0.03
            assert _ink(gray, 0.5, 0.92) > 0.03  # the Japanese column
    finally:
        pdf.close()


def test_pages_carry_ink_in_both_columns_with_poppler(
    outputs: dict[str, Path], tmp_path: Path
) -> None:
    import subprocess

    from PIL import Image

    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", str(outputs["side-by-side"]), str(tmp_path / "p")],
        check=True,
    )
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) == 3
    for page in pages:
        with Image.open(page) as image:
            gray = image.copy()
        assert _ink(gray, 0.08, 0.5) > 0.03
        assert _ink(gray, 0.5, 0.92) > 0.03


def test_pdf_pages_carry_ink_in_both_columns(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    render_document(translated, path, template_dir=TEMPLATES)
    pdf = pypdfium2.PdfDocument(str(path))
    bitmap = pdf[0].render(scale=1).to_numpy()
    pdf.close()
    gray = bitmap[..., :3].mean(axis=2)
    assert _ink(gray, 0.0, 0.5) > 0.01
    assert _ink(gray, 0.5, 1.0) > 0.01


# ---- bookmarks, metadata, tags ----


def test_bookmarks_per_heading_in_both_languages(outputs: dict[str, Path]) -> None:
    outline: Any = PdfReader(outputs["side-by-side"]).outline
    assert len(outline) == 2  # the title, then its children
    title, children = outline
    assert title.title.startswith("Nordrhein-Westfalen und Fukushima vertiefen")
    assert "ノルトライン＝ヴェストファーレン州と福島県" in title.title
    labels = [child.title for child in children]
    assert labels == ["Gemeinsame Arbeitsgruppe startet im Mai · 合同作業部会が5月に始動"]


def test_metadata(outputs: dict[str, Path]) -> None:
    reader = PdfReader(outputs["side-by-side"])
    meta: Any = reader.metadata
    assert meta.title.startswith("Nordrhein-Westfalen und Fukushima")
    assert meta.author == "MWIKE NRW"
    assert "Wasserstoff" in str(meta.get("/Keywords"))
    assert "対訳" in str(meta.get("/Keywords"))
    assert pdf_catalog(outputs["side-by-side"])["/Lang"] == "de"


def test_pdf_ua_is_tagged(outputs: dict[str, Path]) -> None:
    root = pdf_catalog(outputs["side-by-side"])
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    # Each table cell declares its language, so a screen reader switches voice per column.
    cells: dict[str, int] = {}

    def walk(node: Any, lang: str) -> None:
        node = node.get_object()
        lang = str(node.get("/Lang", lang))
        if node.get("/S") in ("/TD", "/H1", "/H2"):
            cells[lang] = cells.get(lang, 0) + 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else []:
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
                walk(kid, lang)

    walk(root["/StructTreeRoot"]["/K"][0], "")
    assert cells.get("de", 0) >= 15
    assert cells.get("ja", 0) >= 15


def test_pdf_a3u_variant(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "archive.pdf"
    render_document(
        translated, path, template_dir=TEMPLATES, options=RenderOptions(pdf_variant="pdf/a-3u")
    )
    root = pdf_catalog(path)
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", xmp)
    assert re.search(r"pdfaid:conformance[^A-Z]*U", xmp)
    assert "/OutputIntents" in root
    assert "/StructTreeRoot" in root  # tagged as well


def test_plain_variant_is_untagged(outputs: dict[str, Path]) -> None:
    root = pdf_catalog(outputs["interleaved"])
    assert "/StructTreeRoot" not in root


# ---- untrusted text, fonts that lack a glyph ----


def test_hostile_text_prints_as_text_and_embeds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pdf"
    render_document(hostile_document(), path, template_dir=TEMPLATES)
    text = re.sub(r"\s+", "", pdftotext(path, raw=True))
    assert re.sub(r"\s+", "", HOSTILE) in text
    assert "49" not in text
    reader = PdfReader(path)
    assert not reader.attachments
    names = pdf_catalog(path).get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()
    assert b"/EmbeddedFile" not in path.read_bytes()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wasserstoff 😀 verbindet.", r"U\+1F600 😀 \(grinning face\) in b1\.s1"),
        ("Hieroglyphe 𓀀.", r"U\+13000 𓀀 .* in b1\.s1"),
    ],
)
def test_preflight_names_characters_without_glyph(tmp_path: Path, text: str, expected: str) -> None:
    doc = translate_document(read_text(text + "\n"), target_lang="ja", engine=FakeEngine())
    path = tmp_path / "out.pdf"
    path.write_bytes(b"previous")
    with pytest.raises(RenderError, match=expected) as info:
        render_document(doc, path, template_dir=TEMPLATES)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == b"previous"


def test_preflight_checks_the_translation_too(tmp_path: Path) -> None:
    doc = translate_document(
        read_text("Ein Satz.\n"), target_lang="ja", engine=FakeEngine({"Ein Satz.": "文🎌。"})
    )
    with pytest.raises(RenderError, match=r"U\+1F38C .* in b1\.s1"):
        render_document(doc, tmp_path / "out.pdf", template_dir=TEMPLATES)


# ---- the public helper other renderers use, and failures ----


def test_write_pdf_from_html_keeps_its_meaning(translated: Document, tmp_path: Path) -> None:
    html = render_html(translated, template_dir=TEMPLATES)
    path = tmp_path / "pack.pdf"
    write_pdf_from_html(html, path, template_dir=TEMPLATES, title=translated.title, lang="de")
    assert "/StructTreeRoot" not in pdf_catalog(path)  # plain unless asked
    assert "Wasserstoff verbindet NRW" in pdftotext(path)
    write_pdf_from_html(html, path, template_dir=TEMPLATES, pdf_variant="pdf/ua-1")
    assert "/StructTreeRoot" in pdf_catalog(path)


def test_failed_render_keeps_the_previous_file(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(b"previous")
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "parallel.html.j2").write_text("{{ no_such_value }}")
    (broken / "parallel.css").write_text("")
    (broken / "typeset.css").write_text("")
    with pytest.raises(Exception, match="no_such_value"):  # StrictUndefined, from jinja2
        render_document(translated, path, template_dir=broken)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_output_type(translated: Document, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown output type"):
        render_document(translated, tmp_path / "out.odt")


def test_words_with_ff_keep_their_letters_in_the_text_layer(tmp_path: Path) -> None:
    """With hyphens: manual, an „ff“ ligature would reach the text layer as a blank."""
    german = "Die Stoffe schaffen es zur Erstaufführung, treffen Sie uns offiziell. " * 3
    doc = translate_document(
        read_text(f"Titel\n\n{german}\n"),
        target_lang="ja",
        engine=FakeEngine({"Titel": "題"}, fallback=lambda t: "資料です。"),
    )
    path = tmp_path / "ff.pdf"
    render_document(doc, path, template_dir=TEMPLATES, options=RenderOptions(pdf_variant="none"))
    text = re.sub(r"-\n", "", " ".join(pdf_page_texts(path)))
    for word in ("Stoffe", "schaffen", "treffen", "offiziell"):
        assert word in text


def test_japanese_paragraphs_are_justified(tmp_path: Path) -> None:
    """Every line of a Japanese paragraph but its last ends at the column's right edge."""
    japanese = (
        "州と県はパートナーシップを拡大します。アンモニアは水素キャリアとして機能します。"
        "代表団は、経済界と学術界の代表者で構成され、福島県の企業との意見交換、研究所の視察、"
        "東京での専門フォーラムなどに参加します。同施設では、2020年から大規模なグリーン水素の"
        "製造が行われており、出力10MWの水電解装置が太陽光発電設備の電力で稼働しています。"
    ) * 2
    doc = translate_document(
        read_text("Titel\n\nEin Absatz.\n"),
        target_lang="ja",
        engine=FakeEngine({"Titel": "題"}, fallback=lambda t: japanese),
    )
    path = tmp_path / "ja.pdf"
    render_document(doc, path, template_dir=TEMPLATES, options=RenderOptions(pdf_variant="none"))
    page = read_pdf_layout(path)[0]
    column = [line for line in page.lines if line.x0 > page.width / 2 and is_cjk(line.text[0])]
    ends = [first.x1 for first, _ in line_breaks(column)]
    assert len(ends) > 8
    right = max(ends)
    assert [round(right - x, 1) for x in ends if right - x > 1.0] == []
