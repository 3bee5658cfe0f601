from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from toolkit.glossary import Glossary, load_glossary
from toolkit.glossary.model import Entry


def test_version_is_a_stable_content_hash(tmp_path: Path, mini_path: Path, mini: Glossary) -> None:
    assert len(mini.version) == 16
    moved = tmp_path / "elsewhere" / "mini.toml"
    moved.parent.mkdir()
    moved.write_text("# a comment changes nothing\n" + mini_path.read_text(encoding="utf-8"))
    assert load_glossary(moved).version == mini.version
    changed = Glossary(entries=(replace(mini.entries[0], ja="水素ガス"), *mini.entries[1:]))
    assert changed.version != mini.version
    assert Glossary().version != mini.version


def test_lookup_by_form(mini: Glossary) -> None:
    (hydrogen,) = mini.by_de("wasserstoff")
    assert mini.by_de("H₂") == (hydrogen,)
    assert mini.by_ja("水素") == (hydrogen,)
    assert mini.by_en("Hydrogen") == (hydrogen,)
    assert mini.lookup("ノルトライン・ヴェストファーレン州", "ja")[0].de == "Nordrhein-Westfalen"
    assert mini.by_de("Uchibori")[0].de == "Masao Uchibori"  # short forms count
    assert mini.by_de("Helium") == ()
    assert mini.by_id("mini:1") is hydrogen
    assert mini.by_id("mini:999") is None


def test_forms_and_plain_values() -> None:
    entry = Entry(
        id="t:1",
        de="Masao Uchibori",
        ja="内堀雅雄",
        en="Masao Uchibori",
        type="person",
        de_short="Uchibori",
        ja_short="内堀",
    )
    assert entry.forms("de") == ("Masao Uchibori", "Uchibori")
    assert entry.forms("ja") == ("内堀雅雄", "内堀")
    assert "id" not in entry.content()
    assert len(Glossary(entries=(entry,))) == 1


def test_glossaries_compare_by_content(mini_path: Path) -> None:
    first, second = load_glossary(mini_path), load_glossary(mini_path)
    first.memo("x", lambda: 1)
    assert first == second
    assert hash(first) == hash(second)
