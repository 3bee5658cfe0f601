from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.errors import SegmentError
from toolkit.segment import segment_text, split_text

TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ äöüß.,!?;:„“「」。、！？ \n0123456789-@水素アンモニア")),
    max_size=200,
)


@given(TEXT, st.sampled_from(["de", "ja"]))
@settings(max_examples=300, deadline=None)
def test_segmentation_is_lossless(text: str, lang: str) -> None:
    assert "".join(split_text(text, lang)) == text  # type: ignore[arg-type]


@given(TEXT, st.sampled_from(["de", "ja"]))
@settings(max_examples=200, deadline=None)
def test_segments_rebuild_the_stripped_text(text: str, lang: str) -> None:
    segments = segment_text(text, lang, "b1")  # type: ignore[arg-type]
    rebuilt = "".join(s.source + s.space_after for s in segments)
    assert rebuilt.strip() == text.strip()
    assert all(s.source == s.source.strip() and s.source for s in segments)


def test_segment_ids_are_stable_and_numbered() -> None:
    first = segment_text("Eins. Zwei. Drei.", "de", "b4")
    second = segment_text("Eins. Zwei. Drei.", "de", "b4")
    assert [s.id for s in first] == ["b4.s1", "b4.s2", "b4.s3"]
    assert first == second


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(SegmentError, match="no sentence segmenter"):
        split_text("Hello.", "en")  # type: ignore[arg-type]


def test_empty_text_has_no_segments() -> None:
    assert split_text("", "de") == []
    assert segment_text("   ", "ja", "b1") == ()
