from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.conftest import SAMPLES
from tests.pack.conftest import edit, line_of
from tests.render.conftest import pdf_catalog, pdf_fonts, pdftotext
from toolkit.cli import cli
from toolkit.errors import RenderError
from toolkit.render.layoutcheck import check_pdf

NAME = "delegationsreise-japan-2026-03"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Return (level, title, 1-based page) for every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None
                found.append((level, item.title, page + 1))

    walk(reader.outline, 1)
    return found


def test_sample_pack_builds_pdf_and_docx(
    runner: CliRunner, pack_dir: Path, memory_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["pack", str(pack_dir / "pack.toml"), "-o", str(out), "--with-qa", "--engine", "none"]
    )
    assert result.exit_code == 0, result.output
    assert "36 segments: 36 from memory, 0 untranslated" in result.output
    assert re.search(r"QA: 0 critical, \d+ functional, \d+ cosmetic", result.output)
    assert sorted(p.name for p in out.iterdir()) == [f"{NAME}.docx", f"{NAME}.pdf"]

    pdf = out / f"{NAME}.pdf"
    reader = PdfReader(pdf)
    assert "/StructTreeRoot" in pdf_catalog(pdf)  # tagged (PDF/UA-1) like the handouts
    assert [str(d) for d in check_pdf(pdf)] == []  # the layout check finds nothing
    outline = _outline(reader)
    chapters = [title for level, title, _ in outline if level == 1]
    assert chapters == [
        "Inhalt · 目次",
        "Programm · 日程",
        "Teilnehmende · 出席者",
        "Absichtserklärungen · 覚書",
        "Dokumente · 資料",
        "Kontakte · 連絡先",
        "Glossar · 用語集",
        "QA-Bericht für die Bearbeitung · 品質チェック（作成者用）",
    ]
    nested = [title for level, title, _ in outline if level == 2]
    assert nested[0].startswith("Erweiterte Absichtserklärung zwischen")
    assert " · ノルトライン＝ヴェストファーレン州と福島県との" in nested[0]
    pages = {title: page for _, title, page in outline}

    # The contents list each bookmarked part with the page it starts on.
    contents = reader.pages[pages["Inhalt · 目次"] - 1].extract_text()
    listed = [int(n) for n in re.findall(r"(?:\. ?)+\s*(\d+)\s*$", contents, flags=re.M)]
    assert listed == [page for _, title, page in outline if title != "Inhalt · 目次"]

    # The fact sheet fills exactly one page: the documents chapter starts on the next.
    assert pages["Dokumente · 資料"] == pages["Absichtserklärungen · 覚書"] + 1

    # Running headers name the chapter on each page, in both languages.
    agenda = pdftotext(pdf).split("\f")[pages["Programm · 日程"] - 1]
    head = [line.strip() for line in agenda.splitlines() if line.strip()][:6]
    assert {"日程", "Programm"} <= {w for line in head for w in line.split()}  # left and right
    assert head[0].startswith("Nur für den Dienstgebrauch")  # the marking above it
    assert "Dienstag, 3. März 2026" in agenda
    assert "2026年3月3日（火）" in agenda
    text = pdftotext(pdf)
    assert "内堀雅雄（うちぼり まさお）" in text
    assert "Lesung: Uchibori Masao" in text
    assert "Nur für den Dienstgebrauch" in reader.pages[-1].extract_text()  # the footer notice
    assert all(f["emb"] == "yes" for f in pdf_fonts(pdf))

    document = docx.Document(str(out / f"{NAME}.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    for heading in ("Programm · 日程", "Absichtserklärungen · 覚書", "Glossar · 用語集"):
        assert heading in paragraphs
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "Dienstag, 3. März 2026" in cells
    assert any(c.startswith("内堀雅雄（うちぼり まさお）") for c in cells)
    headers = [p.text for s in document.sections for p in s.header.paragraphs]
    assert "Programm · 日程" in headers
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Noto Serif CJK JP"

    # The QA summary's heads: German above Japanese, from the labels file, in both outputs.
    assert "Segmente\n文数" in cells
    assert "funktional\n機能面" in cells
    qa_page = text.split("\f")[
        pages["QA-Bericht für die Bearbeitung · 品質チェック（作成者用）"] - 1
    ]
    assert "機械翻訳" in qa_page
    assert "体裁" in qa_page


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('file = "pm-wasserstoff-de.txt"', 'file = "pm-fehlt.txt"', "file 'pm-fehlt.txt' does not"),
        (
            "issued = 2026-02-24",
            "isued = 2026-02-24",
            "unknown key 'isued'; did you mean 'issued'?",
        ),
        ("date = 2026-03-04", "date = 2026-03-32", "2026-03-32 is not a valid date; write dates"),
    ],
)
def test_bad_manifest_gives_one_line_and_no_output(
    runner: CliRunner, pack_dir: Path, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    manifest = pack_dir / "pack.toml"
    line = line_of(manifest, old)
    edit(manifest, old, new)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["pack", str(manifest), "-o", str(out), "--engine", "none"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {manifest}:{line}: ")
    assert expected in lines[0]
    assert not out.exists()


def test_failed_build_leaves_no_partial_output(
    runner: CliRunner,
    pack_dir: Path,
    memory_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(html: str, path: Path, **_: object) -> None:
        path.write_bytes(b"%PDF half")
        raise RenderError(f"{path}: the fonts lack glyphs for some characters")

    monkeypatch.setattr("toolkit.render.pdf.write_pdf_from_html", broken)
    fresh = tmp_path / "fresh"
    args = ["pack", str(pack_dir / "pack.toml"), "--engine", "none", "-o"]
    result = runner.invoke(cli, [*args, str(fresh)])
    assert result.exit_code == 1
    assert "fonts lack glyphs" in result.output
    assert not fresh.exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / f"{NAME}.pdf").write_bytes(b"previous pdf")
    result = runner.invoke(cli, [*args, str(kept)])
    assert result.exit_code == 1
    assert [p.name for p in kept.iterdir()] == [f"{NAME}.pdf"]
    assert (kept / f"{NAME}.pdf").read_bytes() == b"previous pdf"


def test_strict_writes_nothing_when_qa_finds_critical_issues(
    runner: CliRunner, pack_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"  # the default memory is empty: nothing is translated
    args = ["pack", str(pack_dir / "pack.toml"), "-o", str(out), "--engine", "none", "--strict"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "36 untranslated" in result.output
    assert "untranslated: not translated" in result.output
    assert "nothing written (--strict)" in result.output
    assert not out.exists()


def test_mou_command_writes_a_one_page_fact_sheet(
    runner: CliRunner, memory_file: Path, tmp_path: Path
) -> None:
    pdf, sheet = tmp_path / "mou.pdf", tmp_path / "mou.docx"
    mou = SAMPLES / "mou-nrw-fukushima-2026.toml"
    args = ["mou", str(mou), "--to", "ja", "--engine", "none", "-o", str(pdf), "-o", str(sheet)]
    result = runner.invoke(cli, [*args, "--classification", "Nur für den Dienstgebrauch"])
    assert result.exit_code == 0, result.output
    assert "32 segments: 32 from memory" in result.output
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Laufzeit: drei Jahre, bis 1. März 2029" in text
    assert "3年間（2029年3月1日まで）" in text
    # notice and classification as on handouts and packs; tagged like them; no layout defect
    lines = [line.strip() for line in text.splitlines()]
    assert {"Arbeitsübersetzung", "仮訳", "Nur für den Dienstgebrauch", "取扱注意"} <= set(lines)
    assert "/StructTreeRoot" in pdf_catalog(pdf)
    assert [str(d) for d in check_pdf(pdf)] == []
    cells = [c.text for t in docx.Document(str(sheet)).tables for r in t.rows for c in r.cells]
    assert "Kooperationsfelder · 協力分野" in cells
    assert any("水電解装置の開発" in c for c in cells)
