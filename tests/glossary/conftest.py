"""A small fixed glossary for the matcher tests (the shipped ones change as they grow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.glossary import Glossary, load_glossary

MINI_TOML = """\
[glossary]
id = "mini"
domain = "test"
title_de = "Testglossar"
title_ja = "テスト用語集"
version = "1"

[[entry]]
de = "Wasserstoff"
de_variants = ["H2", "H₂"]
ja = "水素"
en = "hydrogen"
type = "term"
forbidden_ja = ["ハイドロジェン"]

[[entry]]
de = "Wasserstoffwirtschaft"
ja = "水素経済"
ja_variants = ["水素社会"]
en = "hydrogen economy"
type = "term"

[[entry]]
de = "Wasserstoffstrategie"
ja = "水素戦略"
en = "hydrogen strategy"
type = "term"

[[entry]]
de = "grüner Wasserstoff"
ja = "グリーン水素"
en = "green hydrogen"
type = "term"

[[entry]]
de = "Ammoniak"
ja = "アンモニア"
en = "ammonia"
type = "term"

[[entry]]
de = "Brennstoffzelle"
ja = "燃料電池"
en = "fuel cell"
type = "term"

[[entry]]
de = "Elektrolyseur"
ja = "水電解装置"
en = "electrolyser"
type = "term"

[[entry]]
de = "erneuerbare Energie"
ja = "再生可能エネルギー"
ja_variants = ["再エネ"]
en = "renewable energy"
type = "term"

[[entry]]
de = "Erneuerbare-Energien-Gesetz"
ja = "再生可能エネルギー法"
en = "Renewable Energy Sources Act"
type = "term"

[[entry]]
de = "Medizintechnik"
ja = "医療技術"
en = "medical technology"
type = "term"

[[entry]]
de = "Gas"
ja = "ガス"
en = "gas"
type = "term"

[[entry]]
de = "Rat"
ja = "評議会"
en = "council"
type = "term"

[[entry]]
de = "Netz"
ja = "送電網"
en = "grid"
type = "term"

[[entry]]
de = "Arzt"
ja = "医師"
en = "doctor"
type = "term"

[[entry]]
de = "Zentrum"
ja = "センター"
en = "centre"
type = "term"

[[entry]]
de = "Bundesland"
ja = "州"
en = "federal state"
type = "term"

[[entry]]
de = "Gouverneur"
ja = "知事"
en = "Governor"
type = "title"
ja_position = "after"

[[entry]]
de = "Doktor"
de_variants = ["Dr."]
ja = "博士"
en = "Dr"
type = "title"
ja_position = "after"

[[entry]]
de = "Mona Neubaur"
de_short = "Neubaur"
ja = "モナ・ノイバウアー"
ja_short = "ノイバウアー"
en = "Mona Neubaur"
type = "person"

[[entry]]
de = "Masao Uchibori"
de_short = "Uchibori"
ja = "内堀雅雄"
ja_short = "内堀"
en = "Masao Uchibori"
type = "person"
reading = "うちぼり まさお"
romaji = "Uchibori Masao"

[[entry]]
de = "Präfektur Fukushima"
de_variants = ["Fukushima"]
ja = "福島県"
ja_variants = ["本県"]
en = "Fukushima Prefecture"
type = "place"
reading = "ふくしまけん"
romaji = "Fukushima-ken"

[[entry]]
de = "Nordrhein-Westfalen"
de_variants = ["NRW"]
ja = "ノルトライン＝ヴェストファーレン州"
ja_variants = ["NRW州"]
en = "North Rhine-Westphalia"
type = "place"
abbr = "NRW"
reading = "のるとらいん ゔぇすとふぁーれんしゅう"
romaji = "Norutorain-Vesutofāren-shū"

[[entry]]
de = "NRW.Energy4Climate"
ja = "NRW.Energy4Climate"
en = "NRW.Energy4Climate"
type = "organisation"

[[entry]]
de = "Medizinprodukteverordnung"
de_variants = ["MDR"]
ja = "欧州医療機器規則"
ja_variants = ["MDR"]
en = "Medical Device Regulation"
type = "term"

[[entry]]
de = "MEDICA"
ja = "MEDICA"
en = "MEDICA"
type = "term"
"""


@pytest.fixture
def mini_path(tmp_path: Path) -> Path:
    """The path of the small test glossary, written to a temporary folder."""
    path = tmp_path / "mini.toml"
    path.write_text(MINI_TOML, encoding="utf-8")
    return path


@pytest.fixture
def mini(mini_path: Path) -> Glossary:
    """The small test glossary, loaded."""
    return load_glossary(mini_path)
