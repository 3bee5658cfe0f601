from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.render.phrases import MAX_PHRASE_EM, lang_markup, phrase_markup, split_phrases


@given(
    st.text(
        alphabet=st.sampled_from("州と県はパートナー、。「」2026年NRW.Energy4 <>&"), max_size=60
    )
)
@settings(max_examples=60, deadline=None)
def test_phrases_are_lossless(text: str) -> None:
    assert "".join(split_phrases(text)) == text


def test_phrases_follow_budoux() -> None:
    assert split_phrases("州と県はパートナーシップを拡大します。") == [
        "州と",
        "県は",
        "パートナーシップを",
        "拡大します。",
    ]


@pytest.mark.parametrize(
    "text", ["デュッセルドルフ、2026年1月15日", "NRW.Energy4Climateと", "最大1.200Nm3の水素"]
)
def test_numbers_and_latin_words_stay_whole(text: str) -> None:
    phrases = split_phrases(text)
    for a, b in itertools.pairwise(phrases):
        assert not (a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum())
        assert not (a.endswith(".") and b[0].isdigit())


def test_markup_escapes_every_piece() -> None:
    html = str(phrase_markup("「<script>」と{{ 7*7 }}&"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "&amp;" in html


def test_long_phrases_stay_breakable() -> None:
    name = "ノルトライン＝ヴェストファーレン州経済・産業・気候保護・エネルギー省の"
    assert len(name) > MAX_PHRASE_EM
    html = str(phrase_markup(name))
    assert '<span class="bx">ノルトライン＝</span>' in html
    assert '<span class="bx">産業・</span>' in html


def test_lang_markup_tags_japanese_inside_german() -> None:
    # German gets soft hyphens (shown only at a line break), Japanese its phrases.
    assert str(lang_markup("Arbeitsübersetzung – 仮訳", "de")) == (
        'Arbeits\u00adüber\u00adset\u00adzung – <span lang="ja"><span class="bx">仮訳</span></span>'
    )
    assert str(lang_markup("<b>", "de")) == "&lt;b&gt;"
    assert str(lang_markup("州と県", "ja")).startswith('<span class="bx">')
