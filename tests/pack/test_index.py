from __future__ import annotations

from toolkit.glossary.model import Entry
from toolkit.pack.index import de_sort_key, group_de, group_ja, ja_sort_key


def _entry(n: int, de: str, ja: str, reading: str = "") -> Entry:
    return Entry(id=f"t:{n}", de=de, ja=ja, en="", reading=reading)


def test_gojuon_order_ignores_voicing_and_small_kana_first() -> None:
    words = ["はん", "ぱん", "ばーでん", "はーと", "かっぱ", "かつ", "がき", "かき", "あい"]
    assert sorted(words, key=ja_sort_key) == [
        "あい", "かき", "がき", "かつ", "かっぱ", "ばーでん", "はーと", "はん", "ぱん",
    ]  # fmt: skip


def test_german_order_folds_umlauts_and_case() -> None:
    words = ["Zukunft", "Ärztekammer", "ammoniak", "Abteilung", "Öl", "Ofen"]
    assert sorted(words, key=de_sort_key) == [
        "Abteilung", "ammoniak", "Ärztekammer", "Ofen", "Öl", "Zukunft",
    ]  # fmt: skip


def test_groups_by_row_and_keeps_unreadable_entries_apart() -> None:
    entries = [
        _entry(1, "Wasserstoff", "水素"),  # kanji, no reading in the glossary: pykakasi reads it
        _entry(2, "Ammoniak", "アンモニア"),
        _entry(3, "Masao Uchibori", "内堀雅雄", "うちぼり まさお"),
        _entry(4, "Koriyama", "郡山市", "こおりやまし"),
        _entry(5, "MEDICA", "MEDICA"),
    ]
    groups, readings = group_ja(entries)
    assert [(g.label, [e.de for e in g.entries]) for g in groups] == [
        ("あ行", ["Ammoniak", "Masao Uchibori"]),
        ("か行", ["Koriyama"]),
        ("さ行", ["Wasserstoff"]),
        ("A–Z", ["MEDICA"]),
    ]
    assert readings["t:2"] == "あんもにあ"
    assert readings["t:1"] == "すいそ"
    assert readings["t:4"] == "こおりやまし"  # the glossary's reading, not pykakasi's
    assert [g.label for g in group_de(entries)] == ["A", "K", "M", "W"]
