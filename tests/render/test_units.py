"""Protected units and the page marking: renderer-neutral data every output uses."""

from __future__ import annotations

import pytest

from toolkit.render.marking import Pair, make_marking, split_languages
from toolkit.render.units import name_words, protected_spans


def _units(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in protected_spans(text, lang)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Am 20. November 2026 in Tokio", "20. November 2026"),
        ("Es sprach Dr. Katharina Brandt.", "Dr. Katharina"),
        ("Telefon: +81 24-521-7283 – E-Mail", "+81 24-521-7283"),
        ("ein Elektrolyseur mit 10 MW Leistung", "10 MW"),
        ("rund 30 Prozent mehr", "30 Prozent"),
        (
            "Mail an fukushima@energy4climate-beispiel.nrw bitte",
            "fukushima@energy4climate-beispiel.nrw",
        ),
    ],
)
def test_german_units(text: str, unit: str) -> None:
    assert unit in _units(text, "de")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("2026年3月2日（月）、福島市で", "2026年3月2日（月）"),
        ("今後3年間で", "3年間"),
        ("2014年から続く", "2014年"),
        ("午前10時（日本時間）解禁", "日本時間"),
        ("郡山市の産業技術総合研究所", "郡山市"),
        ("モナ・ノイバウアー大臣", "モナ・ノイバウアー"),
        ("電話：024-521-7283", "024-521-7283"),
    ],
)
def test_japanese_units(text: str, unit: str) -> None:
    assert any(unit in found for found in _units(text, "ja"))


def test_name_words_hold_names_not_nouns() -> None:
    words = name_words()
    assert {"Uchibori", "Düsseldorf", "Fukushima", "NRW.Energy4Climate"} <= words
    assert not {"Ministerium", "Präfektur", "Energie"} & words


def test_marking_splits_languages_and_adds_the_japanese_level() -> None:
    assert split_languages("Arbeitsübersetzung – 仮訳") == Pair("Arbeitsübersetzung", "仮訳")
    assert split_languages("Nur für den Dienstgebrauch · 取扱注意") == Pair(
        "Nur für den Dienstgebrauch", "取扱注意"
    )
    assert split_languages("取扱注意") == Pair("", "取扱注意")
    marking = make_marking(classification="VS – NUR FÜR DEN DIENSTGEBRAUCH", notice="")
    assert marking.classification == Pair("VS – NUR FÜR DEN DIENSTGEBRAUCH", "取扱注意")
    assert not marking.notice
