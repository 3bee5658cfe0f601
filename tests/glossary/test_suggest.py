"""`glossary suggest`: candidates no glossary has, with FreeDict equivalents and their source."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.glossary import default_glossary
from toolkit.glossary.freedict import DICT_DIR, Dictionaries
from toolkit.glossary.suggest import find_candidates, propose
from toolkit.ingest import read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

needs_freedict = pytest.mark.skipif(
    not (DICT_DIR / "freedict-jpn-deu.index").is_file(),
    reason="FreeDict not installed (apt-get install dict-freedict-jpn-deu …)",
)

GERMAN = (
    "Informationsveranstaltung in Düsseldorf\n\n"
    "Die Informationsveranstaltung für Unternehmen zeigt Herausforderungen der Branche. "
    "Der Wasserstoff bleibt wichtig; zur Informationsveranstaltung kommen viele Gäste.\n"
)
JAPANESE = "デンマーク訪問\n\nデンマークの首都で水素の説明会を開き、サブタイトルを付けました。\n"


@needs_freedict
def test_dictionary_lookups_both_ways() -> None:
    books = Dictionaries.open()
    assert books.ja_to_de(["水素"])["水素"][0] == "Wasserstoff"
    assert "水素" in books.de_to_ja(["Wasserstoff"])["wasserstoff"]
    assert "hydrogen" in books.de_to_en(["Wasserstoff"])["wasserstoff"]
    assert "hydrogen" in books.ja_to_en(["水素"])["水素"]


@needs_freedict
def test_german_candidates_skip_glossary_terms_and_get_equivalents() -> None:
    doc = read_text(GERMAN, lang="de")
    candidates = find_candidates(doc, default_glossary())
    texts = [c.text for c in candidates]
    assert texts[0] == "Informationsveranstaltung"  # three times: ranked first
    assert "Wasserstoff" not in texts  # the glossary has it
    propose(candidates, Dictionaries.open())
    first = candidates[0]
    assert ("説明会", "FreeDict jpn-deu, read backwards") in first.proposals
    (plural,) = [c for c in candidates if c.text == "Herausforderungen"]
    assert plural.base == "Herausforderung"  # the dictionary form goes into the entry


@needs_freedict
def test_japanese_candidates_with_sources() -> None:
    doc = read_text(JAPANESE, lang="ja")
    candidates = find_candidates(doc, default_glossary())
    propose(candidates, Dictionaries.open())
    by_text = {c.text: c for c in candidates}
    assert "水素" not in by_text
    assert ("Untertitel", "FreeDict jpn-deu") in by_text["サブタイトル"].proposals


@needs_freedict
def test_cli_writes_a_fragment_the_loader_reads(tmp_path: Path) -> None:
    source = tmp_path / "release.txt"
    source.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "suggest", str(source), "--limit", "5"])
    assert result.exit_code == 0, result.output
    data = tomllib.loads(result.output)
    entry = data["entry"][0]
    assert entry["de"] == "Informationsveranstaltung"
    assert entry["ja"] == "説明会"
    assert entry["evidence"].startswith("dictionary: ")
    csv_out = CliRunner().invoke(cli, ["glossary", "suggest", str(source), "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("term,lang,count")


def test_missing_dictionary_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEJAKIT_DICT_DIR", str(tmp_path))
    source = tmp_path / "release.txt"
    source.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "suggest", str(source)])
    assert result.exit_code == 1
    assert "apt-get install dict-freedict-jpn-deu" in result.output
    assert "Traceback" not in result.output
