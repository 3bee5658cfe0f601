from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from tests.engines.conftest import heldout
from toolkit.engines.argos import ArgosEngine, ArgosLeg, EngineSettings
from toolkit.engines.base import run_route
from toolkit.ingest import read_text
from toolkit.memory import TranslationMemory
from toolkit.pipeline import translate_document


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the batched model calls (their sizes)."""
    seen: list[int] = []
    original = ArgosLeg._translate_batch

    def spy(self: ArgosLeg, translator: Any, batch: list[list[str]], n_best: int) -> Any:
        seen.append(len(batch))
        return original(self, translator, batch, n_best)

    monkeypatch.setattr(ArgosLeg, "_translate_batch", spy)
    return seen


def test_copy_model_reproduces_heldout_sentences(use_copy: Path) -> None:
    sentences = heldout(limit=120)
    leg = ArgosEngine().route("de", "en")[0]
    out = leg.translate(sentences)
    exact = sum(t.text == s for t, s in zip(out, sentences, strict=True))
    assert exact / len(sentences) >= 0.9


def test_whole_job_is_one_batch_per_leg(use_copy: Path, calls: list[int]) -> None:
    sentences = heldout(limit=50)
    legs = ArgosEngine().route("de", "ja")
    results = run_route(legs, sentences)
    assert calls == [50, 50]  # one batched call per leg, not one per sentence
    assert [len(r.pivot) for r in results] == [2] * 50


def test_n_best_lists(use_copy: Path) -> None:
    leg = ArgosEngine().route("de", "en")[0]
    [result] = leg.translate(["Wasserstoff aus Fukushima für Nordrhein-Westfalen."], n_best=3)
    assert len(result.hypotheses) == 3
    assert result.hypotheses[0].score >= result.hypotheses[1].score


def test_empty_input_gives_empty_output(use_copy: Path, calls: list[int]) -> None:
    leg = ArgosEngine().route("de", "en")[0]
    out = leg.translate(["", "Guten Tag."])
    assert out[0].text == ""
    assert out[1].text == "Guten Tag."
    assert calls == [1]


def test_long_segments_are_split_before_the_limit(use_copy: Path) -> None:
    text = "Das Land fördert Wasserstoff, Ammoniak und Brennstoffzellen, " * 6
    leg = ArgosEngine(EngineSettings(max_input_tokens=40)).route("de", "en")[0]
    [result] = leg.translate([text.strip()])
    assert "split" in result.flags
    assert result.text is not None
    assert result.text.count("Ammoniak") == 6


def test_split_inside_a_word_joins_without_a_space(use_copy: Path) -> None:
    leg = ArgosEngine(EngineSettings(max_decoding_length=8)).route("de", "en")[0]
    text = "Die Präfektur Fukushima und das Land vertiefen die Zusammenarbeit."
    [result] = leg.translate([text])
    assert "split" in result.flags
    assert result.text == text


def test_output_at_the_decoding_limit_is_flagged(use_untrained: Path) -> None:
    # The untrained model never emits </s>: it runs to the decoding limit.
    leg = ArgosEngine(EngineSettings(max_decoding_length=64)).route("de", "en")[0]
    [result] = leg.translate(["Die Präfektur Fukushima und das Land."])
    assert "truncated" in result.flags


def test_model_error_fails_only_its_segment(
    use_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leg = ArgosEngine().route("de", "en")[0]
    original = ArgosLeg._translate_batch

    def flaky(self: ArgosLeg, translator: Any, batch: list[list[str]], n_best: int) -> Any:
        if any("⟦13⟧" in tokens for tokens in batch):
            raise RuntimeError("CUDA out of memory (simulated)")
        return original(self, translator, batch, n_best)

    monkeypatch.setattr(ArgosLeg, "_translate_batch", flaky)
    texts = ["Satz eins.", "Ein ⟦13⟧ vergiftet.", "Satz drei.", "Satz vier."]
    out = leg.translate(texts)
    assert [t.failed for t in out] == [False, True, False, False]
    assert "out of memory" in out[1].error
    assert out[3].text == "Satz vier."


def test_translation_needs_no_network(use_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network is unreachable (test)")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    doc = read_text("Titel\n\nWasserstoff aus Fukushima. Ammoniak aus Japan.\n")
    out = translate_document(doc, target_lang="ja", engine=ArgosEngine())
    assert [s.target for s in out.segments()] == [
        "Titel",
        "Wasserstoff aus Fukushima.",
        "Ammoniak aus Japan.",
    ]
    assert {s.origin for s in out.segments()} == {"engine"}


def test_cache_skips_inference_on_a_rerun(use_copy: Path, tmp_path: Path, calls: list[int]) -> None:
    doc = read_text("Titel\n\nWasserstoff aus Fukushima. Ammoniak aus Japan.\n")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        first = translate_document(doc, target_lang="ja", memory=memory, engine=ArgosEngine())
        assert calls == [3, 3]
        second = translate_document(doc, target_lang="ja", memory=memory, engine=ArgosEngine())
        assert calls == [3, 3]  # nothing new reached the model
        assert [s.target for s in second.segments()] == [s.target for s in first.segments()]
        assert memory.stats().cached == 3
        assert memory.stats().units == {}  # machine output is never an approved unit
        translate_document(
            doc, target_lang="ja", memory=memory, engine=ArgosEngine(EngineSettings(beam_size=2))
        )
        assert calls == [3, 3, 3, 3]  # other settings, other cache entries


def test_untrained_model_output_is_not_passed_off(use_untrained: Path) -> None:
    doc = read_text("Titel\n\nWasserstoff aus Fukushima.\n")
    out = translate_document(doc, target_lang="ja", engine=ArgosEngine())
    for seg in out.segments():
        assert seg.target is None or seg.target != seg.source
        if seg.target is None:
            assert "failed" in seg.flags
