"""The layout check: each rule on lines made by hand, then real PDFs of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.render.hyphenate import hyphenation_available
from toolkit.render.layoutcheck import check_pages, check_pdf
from toolkit.render.pdftext import Line, Page

ROOT = Path(__file__).resolve().parents[2]
TOP = 70.0  # below the running header zone
SIZE = 10.0


def _page(*texts: str, bold: tuple[int, ...] = (), fill: bool = True, number: int = 1) -> Page:
    """Return a page with `texts` as the lines of one paragraph, each line full."""
    page = Page(number, 595.0, 842.0)
    for i, text in enumerate(texts):
        y = TOP + i * 15
        width = 300.0 if fill or i == len(texts) - 1 else 120.0
        page.lines.append(
            Line(text, 50.0, y, 50.0 + width, y + 12, block=1, bold_sans=i in bold, size=SIZE)
        )
    return page


def _checks(*pages: Page) -> list[str]:
    return [d.check for d in check_pages(list(pages), "x.pdf")]


def test_kinsoku_both_ways() -> None:
    assert _checks(_page("日本の福島県は水素分野での協力を", "、深めています。" + "あ" * 20)) == [
        "kinsoku"
    ]
    assert _checks(_page("知事は署名式で次のように述べた「", "協力は重要です")) == ["kinsoku"]


def test_a_defect_names_its_page_check_and_the_lines_around_it() -> None:
    page = _page("日本の福島県は水素分野での協力を", "、深めています。" + "あ" * 20, number=3)
    (defect,) = check_pages([page], "x.pdf")
    assert (defect.page, defect.check, defect.severity) == (3, "kinsoku", "error")
    assert (
        str(defect) == f"x.pdf:p.3: error: kinsoku: line starts with „、“ — {page.lines[1].text!r}"
    )


def test_breaks_inside_units() -> None:
    assert "unit" in _checks(
        _page("モナ・ノイバウアー大臣と内堀雅雄知事は、2026年3月2日", "（月）に署名した。")
    )
    assert "unit" in _checks(_page("新たな協力の枠組みは今後3", "年間続きます。"))
    assert "unit" in _checks(_page("視察団は郡", "山市の研究所を訪れました。"))
    assert "unit" in _checks(
        _page("Es sprach die Leiterin der Geschäftsstelle Dr.", "Katharina Brandt über die Pläne.")
    )
    assert "unit" in _checks(
        _page("Sie erreichen die Geschäftsstelle unter +81", "24-521-7283 oder per E-Mail.")
    )
    assert "unit" in _checks(
        _page("Die Unterzeichnung erfolgte am Freitag, dem 20.", "November 2026, in Tokio.")
    )
    # between two units, or a unit and a word: fine
    assert (
        _checks(_page("Die Unterzeichnung erfolgte am 20. November 2026", "in Tokio vor Gästen."))
        == []
    )


def test_katakana_words_break_only_between_their_words() -> None:
    assert "unit" in _checks(
        _page("州の産業界は気候にやさしいエネル", "ギーキャリアを大量に必要としている。")
    )


@pytest.mark.skipif(not hyphenation_available(), reason="libhyphen0 and hyphen-de missing")
def test_hyphenation_checked_against_the_patterns() -> None:
    assert _checks(
        _page("Die Unternehmen brauchen große Mengen klimaf-", "reundlicher Energie.")
    ) == ["hyphen"]
    assert (
        _checks(_page("Die Unternehmen brauchen große Mengen klima-", "freundlicher Energie."))
        == []
    )
    assert _checks(
        _page("Am Stand stellte sich Gouverneur Masao Uchi-", "bori den Gästen vor.")
    ) == ["name-hyphen"]
    assert _checks(_page("Organisiert hat die Reise NRW.Ener-", "gy4Climate im Auftrag.")) == [
        "name-hyphen"
    ]
    # a hyphen before „und“ ends a truncated compound: no hyphenation
    assert (
        _checks(_page("Der Plan betrifft den Industrie-", "und Wärmesektor gleichermaßen.")) == []
    )


def test_a_short_line_ends_a_paragraph_not_a_break() -> None:
    page = _page(
        "Kontakt: NRW.Energy4Climate 国際チーム",
        "メール：international@energy4climate.nrw",
        fill=False,
    )
    assert _checks(page) == []


def test_heading_at_the_foot_of_a_page_and_short_pages() -> None:
    full = _page(*[f"Zeile {i} eines langen Absatzes mit Text." for i in range(40)], bold=(39,))
    after = _page("Der Text des Tages geht hier weiter.", number=2)
    assert _checks(full, after).count("stranded") == 1
    short = _page("Nur zwei Zeilen stehen", "auf dieser Seite.", number=1)
    assert "short-page" in _checks(short, after)  # a short page before more of the chapter
    assert "short-page" not in _checks(full, short)  # the last page ends the chapter


def _corpus() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if (candidate / "docs").is_dir():
            return candidate
    return None


@pytest.mark.skipif(_corpus() is None, reason="the shared corpus is not beside the repository")
def test_corpus_documents_print_without_defects(tmp_path: Path) -> None:
    """A few corpus documents, both directions, built with no engine (bench/ checks them all)."""
    corpus = _corpus()
    assert corpus is not None
    docs = (
        sorted((corpus / "docs").glob("de_*.txt"))[:2]
        + sorted((corpus / "docs").glob("ja_*.txt"))[:2]
    )
    for doc in docs:
        source = tmp_path / doc.name
        source.write_text(doc.read_text(encoding="utf-8").split("\n\n", 1)[-1], encoding="utf-8")
        to = "ja" if doc.name.startswith("de_") else "de"
        pdf = tmp_path / f"{doc.stem}.pdf"
        args = ["translate", str(source), "--to", to, "--engine", "none"]
        args += ["--memory", str(tmp_path / "m.sqlite"), "-o", str(pdf)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert [str(d) for d in check_pdf(pdf)] == []
