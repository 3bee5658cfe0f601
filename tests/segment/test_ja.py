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
