"""`dejakit translate` with the handout options, as a user runs it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from tests.conftest import SAMPLES
from tests.render.conftest import pdf_catalog
from toolkit.cli import cli


@pytest.fixture
def memory(tmp_path: Path) -> Path:
    """A memory holding the approved translations of the hydrogen release."""
    path = tmp_path / "memory.sqlite"
    result = CliRunner().invoke(
        cli, ["memory", "import", str(SAMPLES / "pm-wasserstoff-de.tmx"), "--memory", str(path)]
    )
    assert result.exit_code == 0, result.output
    return path


def _translate(memory: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli,
        [
            "translate",
            str(SAMPLES / "pm-wasserstoff-de.txt"),
            "--to",
            "ja",
            "--engine",
            "none",
            "--memory",
            str(memory),
            "-q",
            *args,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_layout_paper_and_markings_reach_both_outputs(memory: Path, tmp_path: Path) -> None:
    pdf, word = tmp_path / "x.pdf", tmp_path / "x.docx"
    _translate(
        memory,
        "-o",
        str(pdf),
        "-o",
        str(word),
        "--layout",
        "interleaved",
        "--first",
        "ja",
        "--paper",
        "letter",
        "--landscape",
        "--classification",
        "VS – NUR FÜR DEN DIENSTGEBRAUCH",
        "--notice",
        "Entwurf – 草案",
        "--author",
        "MWIKE NRW",
        "--pdf-variant",
        "a3u",
    )
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    assert reader.metadata is not None
    assert reader.metadata.author == "MWIKE NRW"
    xmp = pdf_catalog(pdf)["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", xmp)
    first_page = reader.pages[0].extract_text()
    # the marking at the top and foot, the notice at the foot: German and Japanese a line each
    assert first_page.count("VS – NUR FÜR DEN DIENSTGEBRAUCH\n取扱注意") == 2
    assert "Entwurf\n草案" in first_page
    # interleaved, Japanese first
    text = re.sub(r"\s", "", first_page)
    assert text.index("ノルトライン") < text.index("Nordrhein-WestfalenundFukushimavertiefen")

    document = docx.Document(str(word))
    assert not document.tables
    assert document.sections[0].footer.paragraphs[1].text == "VS – NUR FÜR DEN DIENSTGEBRAUCH"
    assert document.core_properties.author == "MWIKE NRW"


def test_a_character_without_glyph_is_one_line_and_exit_1(tmp_path: Path) -> None:
    source = tmp_path / "emoji-de.txt"
    source.write_text("Pressemitteilung\n\nWasserstoff 😀 für alle.\n", encoding="utf-8")
    output = tmp_path / "x.pdf"
    output.write_bytes(b"previous")
    result = CliRunner().invoke(
        cli, ["translate", str(source), "--to", "ja", "--engine", "none", "-o", str(output)]
    )
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1
    assert "U+1F600 😀 (grinning face) in b2.s1" in lines[0]
    assert "Traceback" not in result.output
    assert output.read_bytes() == b"previous"


def test_bad_marking_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "translate",
            str(SAMPLES / "pm-wasserstoff-de.txt"),
            "--to",
            "ja",
            "--engine",
            "none",
            "--classification",
            "VS\nNfD",
            "-o",
            str(tmp_path / "x.pdf"),
        ],
    )
    assert result.exit_code == 1
    assert "classification has a line break" in result.output
