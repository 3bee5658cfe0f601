from __future__ import annotations

import pytest

from toolkit.glossary import Glossary, find_terms
from toolkit.glossary.model import ja_key


def hits(text: str, glossary: Glossary) -> list[tuple[str, str]]:
    return [(h.form, h.entry.de) for h in find_terms(text, "ja", glossary)]


@pytest.mark.parametrize(
    "spelling",
    [
        "ノルトライン＝ヴェストファーレン州",
        "ノルトライン=ヴェストファーレン州",
        "ノルトライン゠ヴェストファーレン州",
        "ノルトライン・ヴェストファーレン州",
        "ノルトライン･ヴェストファーレン州",
        "ノルトライン-ヴェストファーレン州",
        "ノルトライン‐ヴェストファーレン州",
        "ノルトライン－ヴェストファーレン州",
        "ノルトラインヴェストファーレン州",
        "ﾉﾙﾄﾗｲﾝ･ｳﾞｪｽﾄﾌｧｰﾚﾝ州",  # half-width katakana with a separate voiced mark
        "ノルトライン＝\nヴェストファーレン州",  # a line break inside the name
        "ノルトライン＝ヴェスト ファーレン州",
    ],
)
def test_separator_width_and_line_break_variants(mini: Glossary, spelling: str) -> None:
    text = f"本日、{spelling}を訪問しました。"
    found = find_terms(text, "ja", mini)
    assert [(h.form, h.entry.de) for h in found] == [(spelling, "Nordrhein-Westfalen")]
    assert text[found[0].start : found[0].end] == spelling


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＮＲＷ州と本県", [("ＮＲＷ州", "Nordrhein-Westfalen"), ("本県", "Präfektur Fukushima")]),
        ("水\n素の利用", [("水\n素", "Wasserstoff")]),
        ("医療\n技術", [("医療\n技術", "Medizintechnik")]),
        ("ＭＥＤＩＣＡ", [("ＭＥＤＩＣＡ", "MEDICA")]),
        ("「MEDICA 2026」", [("MEDICA", "MEDICA")]),
        ("MDRに基づく", [("MDR", "Medizinprodukteverordnung")]),
    ],
)
def test_width_and_line_breaks(mini: Glossary, text: str, expected: list[tuple[str, str]]) -> None:
    assert hits(text, mini) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("水素社会の実現", [("水素社会", "Wasserstoffwirtschaft")]),  # a variant, and longest
        ("水素経済", [("水素経済", "Wasserstoffwirtschaft")]),
        ("グリーン水素", [("グリーン水素", "grüner Wasserstoff")]),
        (
            "再エネと再生可能エネルギー法",
            [
                ("再エネ", "erneuerbare Energie"),
                ("再生可能エネルギー法", "Erneuerbare-Energien-Gesetz"),
            ],
        ),
        ("内堀雅雄知事", [("内堀雅雄", "Masao Uchibori"), ("知事", "Gouverneur")]),
        ("内堀知事", [("内堀", "Masao Uchibori"), ("知事", "Gouverneur")]),
        ("モナ・ノイバウアー大臣", [("モナ・ノイバウアー", "Mona Neubaur")]),
        ("ノイバウアー大臣", [("ノイバウアー", "Mona Neubaur")]),
    ],
)
def test_longest_match_and_variants(
    mini: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    assert hits(text, mini) == expected


@pytest.mark.parametrize(
    "text",
    [
        "欧州連合",  # 州 inside a kanji word
        "州都デュッセルドルフ",
        "ガスタービン",  # a two-katakana form inside a katakana word
        "XMDR",  # a Latin form running on into more Latin
        "MDR2",
        "ハイドロジェン",  # a forbidden form is not a hit
        "ノイバウアーズ",  # a katakana name inside a longer katakana word
    ],
)
def test_no_false_hits(mini: Glossary, text: str) -> None:
    assert hits(text, mini) == []


def test_single_kanji_and_short_katakana_stand_alone(mini: Glossary) -> None:
    assert hits("NRWの州政府", mini) == [("NRW", "Nordrhein-Westfalen")]
    assert hits("州の政府", mini) == [("州", "Bundesland")]
    assert hits("ガスの供給", mini) == [("ガス", "Gas")]


def test_in_compound_means_glued_to_an_unmatched_kanji_or_katakana(mini: Glossary) -> None:
    found = find_terms("水素製造と内堀知事と水素", "ja", mini)
    assert [(h.form, h.in_compound) for h in found] == [
        ("水素", True),
        ("内堀", False),
        ("知事", False),
        ("水素", False),
    ]


def test_ja_key_drops_joiners_only_between_katakana() -> None:
    assert ja_key("ノルトライン＝ヴェストファーレン") == "ノルトラインヴェストファーレン"
    assert ja_key("水素・アンモニア") == "水素・アンモニア"
    assert ja_key("Power-to-X") == "Power-to-X"
    assert ja_key("ＮＲＷ　州") == "NRW州"
    assert ja_key("MEDICA  2026") == "MEDICA 2026"
