"""`dejakit segment` and `translate` on a release pasted from a web page (issue #9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli

PASTED = (
    "Startseite > Presse > Pressemitteilungen\n"
    "Partnerschaften\n"
    "Land und Präfektur Aichi vereinbaren Wasserstoffpartnerschaft\n"
    "Die Ministerin und der Gouverneur nach der Unterzeichnung © Staatskanzlei\n"
    "Düsseldorf, 15.01.2026\n"
    "Das Land und die Präfektur Aichi haben am Mittwoch eine Absichtserklärung unterzeichnet. "
    "Sie gilt zunächst für drei Jahre.\n"
    "1. Eine gemeinsame Arbeitsgruppe trifft sich im Frühjahr zum ersten Mal in Nagoya und "
    "legt die ersten Pilotprojekte fest.\n"
    "Drucken\n"
)


@pytest.fixture
def pasted(tmp_path: Path) -> Path:
    path = tmp_path / "aichi.txt"
    path.write_text(PASTED, encoding="utf-8")
    return path


def test_segment_json_shows_the_new_kinds(pasted: Path) -> None:
    result = CliRunner().invoke(cli, ["segment", str(pasted), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [b["kind"] for b in data["blocks"]] == [
        "furniture",
        "kicker",
        "title",
        "caption",
        "dateline",
        "paragraph",
        "list_item",
        "furniture",
    ]
    item = data["blocks"][6]
    assert item["marker"] == "1."
    assert item["segments"][0]["source"].startswith("Eine gemeinsame Arbeitsgruppe")
    assert data["meta"]["lines"] == "paragraphs (auto)"
    assert data["date"] == "2026-01-15"


def test_segment_listing_says_the_line_convention(pasted: Path) -> None:
    result = CliRunner().invoke(cli, ["segment", str(pasted), "--lines", "wrapped"])
    assert result.exit_code == 0, result.output
    assert "lines: wrapped (given)" in result.output.splitlines()[0]


def test_furniture_is_not_translated_nor_printed_unless_asked(pasted: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    plain, kept, data = tmp_path / "plain.html", tmp_path / "kept.html", tmp_path / "out.json"
    base = ["translate", str(pasted), "--to", "ja", "--engine", "none", "-q"]
    assert runner.invoke(cli, [*base, "-o", str(plain), "-o", str(data)]).exit_code == 0
    assert runner.invoke(cli, [*base, "-o", str(kept), "--keep-furniture"]).exit_code == 0
    assert "Startseite" not in plain.read_text(encoding="utf-8")
    assert "Startseite" in kept.read_text(encoding="utf-8")
    assert "kind-caption" in plain.read_text(encoding="utf-8")
    blocks = json.loads(data.read_text(encoding="utf-8"))["blocks"]
    furniture = [s for b in blocks if b["kind"] == "furniture" for s in b["segments"]]
    assert furniture
    assert all(s["origin"] == "verbatim" and s["target"] == s["source"] for s in furniture)
