from __future__ import annotations

from toolkit.glossary.model import Entry
from toolkit.pack.index import de_sort_key, group_de, group_ja, ja_sort_key, shown_reading


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


def test_persons_sort_by_family_name_in_both_lists() -> None:
    neubaur = Entry(
        id="n:1", de="Mona Neubaur", ja="モナ・ノイバウアー", en="", type="person",
        de_short="Neubaur", ja_short="ノイバウアー",
    )  # fmt: skip
    wuest = Entry(
        id="n:2", de="Hendrik Wüst", ja="ヘンドリック・ヴュスト", en="", type="person",
        de_short="Wüst", ja_short="ヴュスト",
    )  # fmt: skip
    meyer = _entry(3, "Messe", "見本市")
    assert [g.label for g in group_de([neubaur, wuest, meyer])] == ["M", "N", "W"]
    groups, _ = group_ja([neubaur, wuest, meyer])
    labels = {e.id: g.label for g in groups for e in g.entries}
    assert labels["n:1"] == "な行"  # ノイバウアー, not モナ
    assert labels["n:2"] == "あ行"  # ヴュスト (ゔ sorts as う)


def test_every_entry_gets_a_group_and_readings_show_for_kanji_only() -> None:
    entries = [
        _entry(1, "Absichtserklärung", "覚書"),
        _entry(2, "Mitverbrennung", "混焼"),
        _entry(3, "Arbeitsübersetzung", "仮訳", "かりやく"),  # pykakasi: かやく
        _entry(4, "Ammoniak", "アンモニア"),
        _entry(5, "Deutsche Auslandshandelskammer", "在日ドイツ商工会議所AHK"),
        _entry(6, "NRW.Energy4Climate", "NRW.Energy4Climate"),
    ]
    groups, readings = group_ja(entries)
    assert "読み未登録 · ohne Lesung" not in [g.label for g in groups]
    assert sum(len(g.entries) for g in groups) == len(entries)
    assert shown_reading(entries[0], readings) == "おぼえがき"
    assert shown_reading(entries[1], readings) == "こんしょう"
    assert shown_reading(entries[2], readings) == "かりやく"
    assert shown_reading(entries[3], readings) == ""  # katakana reads as written
    assert readings["t:5"].startswith("ざいにち")
    assert [e.id for e in groups[-1].entries] == ["t:6"]  # A–Z
