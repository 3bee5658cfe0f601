"""Odd characters and encodings: sanitised with a warning or read right, never mojibake."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from toolkit.errors import IngestError
from toolkit.ingest import read_document, read_text
from toolkit.memory import TranslationMemory, TranslationUnit
from toolkit.render import RenderJob
from toolkit.render.docx import render_docx

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("Was\x00ser\x07stoff\x1b.", "Wasserstoff."),
        ("Wasser\u200bstoff und Ammo\u2060niak.", "Wasserstoff und Ammoniak."),
        ("Preis: \u202e0001\u202c Euro.", "Preis: 0001 Euro."),
        ("\u2067Fukushima\u2069 und \u200fNRW\u200e.", "Fukushima und NRW."),
        ("Lone \ud800 surrogate \udfff here.", "Lone  surrogate  here."),
        ("Mitten\ufeffdrin.", "Mittendrin."),
        ("Ein Emoji 👩\u200d🔬 bleibt.", "Ein Emoji 👩\u200d🔬 bleibt."),
    ],
    ids=["c0", "zero-width", "bidi-override", "bidi-isolate", "surrogates", "bom", "zwj"],
)
def test_sanitised_with_a_warning(dirty: str, clean: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        doc = read_text(f"Titel\n\n{dirty}\n", lang="de", source_name="x.txt")
    assert [s.source for s in doc.segments()][1:] == [clean]
    if dirty != clean:
        assert any("x.txt: removed" in r.getMessage() for r in caplog.records)


def test_dirty_docx_input_still_writes(tmp_path: Path, plain_docx: Path) -> None:
    import docx

    document = docx.Document(str(plain_docx))
    document.add_paragraph("Ein \u202eböser\u202c Absatz mit \u200bNullbreite.")
    document.save(str(plain_docx))
    doc = read_document(plain_docx)
    sources = [s.source for s in doc.segments()]
    assert "Ein böser Absatz mit Nullbreite." in sources
    out = tmp_path / "out.docx"
    render_docx(doc, out, RenderJob(TEMPLATES))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "\u202e" not in text


def test_control_characters_in_a_text_file_still_write_docx(tmp_path: Path) -> None:
    src = tmp_path / "dirty.txt"
    src.write_text(
        "Titel\x0b\n\nSatz mit \x01Steuerzeichen\x1f und \u202eBidi.\n", encoding="utf-8"
    )
    doc = read_document(src)
    out = tmp_path / "dirty.docx"
    render_docx(doc, out, RenderJob(TEMPLATES))
    assert out.stat().st_size > 0


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "Titel\n\nGrüße aus Düsseldorf, Straße 5.\n".encode("latin-1"),
            "Grüße aus Düsseldorf, Straße 5.",
        ),
        ("Titel\n\nÄrger über 3 € Gebühr.\n".encode("cp1252"), "Ärger über 3 € Gebühr."),
        ("見出し\n\nﾌｸｼﾏ県のｶﾞｲﾄﾞです。\n".encode("cp932"), "フクシマ県のガイドです。"),
        ("見出し\n\n福島県の発表です。\n".encode("cp932"), "福島県の発表です。"),
        ("ﾐﾀﾞｼ\n\nﾃｽﾄ ﾃﾞｽ ｶﾀｶﾅ ﾀﾞｹ\n".encode("cp932"), "テスト デス カタカナ ダケ"),
        ("Titel\n\nStraße.\n".encode("latin-1"), "Straße."),
        ("Titel\n\nÄpfel, Öl, Übel.\n".encode("latin-1"), "Äpfel, Öl, Übel."),
        (b"\xef\xbb\xbf" + "Titel\n\nGrüße.\n".encode(), "Grüße."),
        ("Titel\n\nGrüße.\n".encode("utf-16"), "Grüße."),
        (b"\xfe\xff" + "Titel\n\nGrüße.\n".encode("utf-16-be"), "Grüße."),
        (b"\xff\xfe" + "Titel\n\nGrüße.\n".encode("utf-16-le"), "Grüße."),
        (
            "Titel\n\nGrüße und Äpfel, öfter süß: \xff kaputt.\n".encode().replace(
                b"\xc3\xbf", b"\xff"
            ),
            "Grüße und Äpfel, öfter süß: \ufffd kaputt.",
        ),
    ],
    ids=[
        "latin-1",
        "cp1252",
        "cp932-halfwidth",
        "cp932",
        "cp932-halfwidth-only",
        "latin-1-short",
        "latin-1-caps",
        "utf8-bom",
        "utf16",
        "utf16-be-bom",
        "utf16-le-bom",
        "utf8-damaged",
    ],
)
def test_encodings_read_right(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    doc = read_document(path)
    # NFKC is not applied to the text: half-width kana are kept as NFC makes them.
    import unicodedata

    got = [s.source for s in doc.segments()][-1]
    assert unicodedata.normalize("NFKC", got) == unicodedata.normalize("NFKC", expected)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfeT\x00i\x00t", "UTF-16"),  # odd length: cut in half
        (b"\x00\x01\x02\x03binary\x00\x00", "binary"),
        (b"   \n\n  ", "empty"),
    ],
    ids=["utf16-cut", "binary", "blank"],
)
def test_bad_encodings_are_clear_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=message):
        read_document(path)


def test_memory_gets_no_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Titel\n\nGrüße aus Düsseldorf.\n".encode("latin-1"))
    doc = read_document(path)
    seg = list(doc.segments())[-1]
    with TranslationMemory(tmp_path / "m.sqlite") as memory:
        memory.add([TranslationUnit("de", "ja", seg.source, "デュッセルドルフより")])
        assert memory.lookup(["Grüße aus Düsseldorf."], "de", "ja") == {
            "Grüße aus Düsseldorf.": "デュッセルドルフより"
        }
        stored = [u.source for u in memory.units()]
    assert stored == ["Grüße aus Düsseldorf."]
    assert not any("Ã" in s or "\ufffd" in s for s in stored)
