from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import ExchangeError
from toolkit.glossary import (
    Entry,
    Glossary,
    load_glossary,
    read_glossary_csv,
    write_glossary_csv,
    write_glossary_toml,
)


def write(tmp_path: Path, text: str, name: str = "terms.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def pairs(entries: list[Entry]) -> list[tuple[str, str, str]]:
    return [(e.de, e.ja, e.en) for e in entries]


def test_csv_round_trip(tmp_path: Path, mini: Glossary) -> None:
    path = tmp_path / "out.csv"
    assert write_glossary_csv(mini, path) == len(mini)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "Wasserstoff,水素"
    entries, skipped = read_glossary_csv(path)
    assert skipped == 0
    assert [(e.de, e.ja) for e in entries] == [(e.de, e.ja) for e in mini]
    assert entries[0].id == "out:1"
    assert entries[0].line == 1


def test_csv_export_directions_and_variants(tmp_path: Path, mini: Glossary) -> None:
    path = tmp_path / "ja-de.csv"
    write_glossary_csv(mini, path, source_lang="ja", target_lang="de", variants=True)
    rows = path.read_text(encoding="utf-8").splitlines()
    assert rows[:3] == [
        "水素,Wasserstoff",
        "水素経済,Wasserstoffwirtschaft",
        "水素社会,Wasserstoffwirtschaft",
    ]
    # DeepL refuses a source twice: "MDR" (variant) and "MEDICA" (main) appear once each
    sources = [r.split(",")[0] for r in rows]
    assert len(sources) == len(set(sources))


def test_csv_with_header_quotes_and_bom(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '\ufeffsource,target\nWasserstoff,水素\n"Forschung, Entwicklung",研究開発\n\n',
    )
    entries, skipped = read_glossary_csv(path)
    assert (pairs(entries), skipped) == (
        [("Wasserstoff", "水素", ""), ("Forschung, Entwicklung", "研究開発", "")],
        0,
    )


def test_csv_header_names_the_languages(tmp_path: Path) -> None:
    path = write(tmp_path, "ja,de\n水素,Wasserstoff\n")
    entries, _ = read_glossary_csv(path)
    assert pairs(entries) == [("Wasserstoff", "水素", "")]


def test_csv_four_columns_merge_by_german_form(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Wasserstoff,水素,de-DE,ja-JP\n"
        "Wasserstoff,hydrogen,de,en\n"
        "アンモニア,Ammoniak,ja,de\n"
        "アンモニア,ammonia,ja,en\n"
        "Wasserstoff,hydrogène,de,fr\n"
        "Gas,gas,de,en\n",
    )
    entries, skipped = read_glossary_csv(path)
    assert pairs(entries) == [
        ("Wasserstoff", "水素", "hydrogen"),
        ("Ammoniak", "アンモニア", "ammonia"),
    ]
    assert skipped == 2  # the French row, and Gas without Japanese


def test_tab_separated(tmp_path: Path) -> None:
    entries, _ = read_glossary_csv(write(tmp_path, "Wasserstoff\t水素\n", "terms.tsv"))
    assert pairs(entries) == [("Wasserstoff", "水素", "")]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("Wasserstoff,水素\nAmmoniak,アンモニア,x\n", r"terms\.csv:2: expected 2 columns .* got 3"),
        ("Wasserstoff,\n", r"terms\.csv:1: empty source or target; fill in both cells"),
        ("Wasserstoff,水素,de,de\n", r"terms\.csv:1: source and target language are both 'de'"),
        ('"Wasserstoff,水素\n', r"terms\.csv:\d+: not valid CSV"),
    ],
)
def test_csv_errors(tmp_path: Path, text: str, pattern: str) -> None:
    with pytest.raises(ExchangeError, match=pattern):
        read_glossary_csv(write(tmp_path, text))


def test_csv_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "Präfektur,prefecture\n", encoding="cp1252")
    with pytest.raises(
        ExchangeError, match=r"terms\.csv:1: not valid UTF-8; save the CSV as UTF-8"
    ):
        read_glossary_csv(path)


def test_toml_round_trip(tmp_path: Path, mini: Glossary) -> None:
    path = tmp_path / "copy.toml"
    assert write_glossary_toml(mini, path, domain="test", title_de="Kopie") == len(mini)
    again = load_glossary(path)
    assert [e.content() for e in again] == [e.content() for e in mini]
    assert again.version == mini.version
    assert again.files[0].id == "copy"


def test_toml_writes_any_text_safely(tmp_path: Path) -> None:
    tricky = 'Zitat „x“ "y" \\ Tab\tNeue\nZeile \x7f Ende'
    entry = Entry(id="t:1", de="Wasserstoff", ja="水素", en="", note=tricky, forbidden_ja=('"',))
    path = tmp_path / "tricky.toml"
    write_glossary_toml([entry], path, comment="Zeile eins\nZeile zwei")
    loaded = load_glossary(path).entries[0]
    assert (loaded.note, loaded.forbidden_ja, loaded.en) == (tricky.strip(), ('"',), "")
    assert path.read_text(encoding="utf-8").startswith("# Zeile eins\n# Zeile zwei\n")


def test_csv_import_then_toml_is_a_glossary(tmp_path: Path) -> None:
    entries, _ = read_glossary_csv(write(tmp_path, "Wasserstoff,水素\nH2,水素\n"))
    path = tmp_path / "imported.toml"
    write_glossary_toml(entries, path)
    glossary = load_glossary(path)
    assert [e.id for e in glossary] == ["imported:1", "imported:2"]
