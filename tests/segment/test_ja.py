from __future__ import annotations

import pytest

from toolkit.segment import split_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共同声明に署名した。協力を強化する。", ["共同声明に署名した。", "協力を強化する。"]),
        (
            "内堀雅雄知事は「水素は重要です。さらに進めます。」と述べました。次の議題に移りました。",
            [
                "内堀雅雄知事は「水素は重要です。さらに進めます。」と述べました。",
                "次の議題に移りました。",
            ],
        ),
        ("本当ですか？はい！そうです。", ["本当ですか？", "はい！", "そうです。"]),
        (
            "詳細はwww.pref.fukushima.lg.jpをご覧ください。以上です。",
            ["詳細はwww.pref.fukushima.lg.jpをご覧ください。", "以上です。"],
        ),
        ("県は3.5億円を計上しました。", ["県は3.5億円を計上しました。"]),
        ("「ようこそ。」と知事が迎えた。", ["「ようこそ。」と知事が迎えた。"]),
        ("見出しには句点がない", ["見出しには句点がない"]),
    ],
)
def test_split_japanese(text: str, expected: list[str]) -> None:
    assert split_text(text, "ja") == expected


def test_list_number_is_no_sentence() -> None:
    text = "1.現地時間14日、両者は覚書に署名しました。2.本覚書は三年間有効です。"
    assert split_text(text, "ja") == [
        "1.現地時間14日、両者は覚書に署名しました。",
        "2.本覚書は三年間有効です。",
    ]


def test_long_quote_is_split_into_its_sentences() -> None:
    text = (
        "知事は「水素は本県の未来を支えるエネルギーであり、県内の企業と研究機関が力を合わせて"
        "取り組んでいます。ドイツの皆さんとの連携をさらに深め、実証から実装へと進めていきたいと"
        "考えています。来年は州の企業団を本県にお迎えします。今後も交流を続けます。」と述べました。"
    )
    parts = split_text(text, "ja")
    assert len(parts) == 4
    assert parts[-1] == "今後も交流を続けます。」と述べました。"
    assert "".join(parts) == text
