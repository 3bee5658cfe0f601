"""Property tests: every reader and loader, fed generated input, raises only toolkit errors.

Inputs are the samples mutated at random (cuts, repeats, markup, TOML syntax, controls,
surrogates, bidi characters, random bytes; DOCX mostly edited inside its main part). The text
reader and the segmenter must also stay lossless. A longer run of the same targets lives in
bench/fuzz.py (≥ 10,000 inputs).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz_targets import TARGETS, make_input, run_target
from toolkit.ingest import read_text
from toolkit.segment import split_text


@pytest.fixture(autouse=True)
def _quiet_logs() -> Iterator[None]:
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("target", sorted(TARGETS))
@FUZZ
@given(rnd=st.randoms(use_true_random=False))
def test_only_toolkit_errors_escape(target: str, rnd: random.Random) -> None:
    run_target(target, make_input(target, rnd))  # raises Escape on anything else


@settings(max_examples=150, deadline=None)
@given(st.text(), st.sampled_from(["de", "ja"]))
def test_segmentation_is_lossless(text: str, lang: str) -> None:
    assert "".join(split_text(text, lang)) == text  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1))
def test_text_reader_keeps_every_visible_character(text: str) -> None:
    import re

    from toolkit.errors import IngestError
    from toolkit.ingest import sanitize_text

    try:
        doc = read_text(text, fmt="text")
    except IngestError:
        return
    clean = sanitize_text(text.replace("\r\n", "\n").replace("\r", "\n"), "x")
    got = "".join(s.source for s in doc.segments())
    assert re.sub(r"\s", "", got) == re.sub(r"\s", "", clean)
