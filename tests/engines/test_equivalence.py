"""dejakit's engine gives exactly what argostranslate.translate gives, on the same package."""

from __future__ import annotations

from pathlib import Path

from bench.argos_reference import reference_translator
from tests.engines.conftest import heldout
from toolkit.engines.argos import ArgosEngine
from toolkit.segment import split_text


def sentences(start: int, stop: int) -> list[str]:
    """Return single held-out sentences: Argos translates sentence by sentence too.

    argostranslate turns "_" into a space (dejakit keeps it): those are left out here.
    """
    found = [
        s.strip()
        for line in heldout(limit=240)
        for s in split_text(line, "ja" if any("\u3040" <= c <= "\u9fff" for c in line) else "de")
        if s.strip() and "_" not in s
    ]
    return found[start:stop]


def test_engine_equals_argostranslate(use_copy: Path) -> None:
    texts = sentences(0, 120)
    argos = reference_translator(use_copy)
    expected = [argos(s, "de", "en") for s in texts]
    leg = ArgosEngine().route("de", "en")[0]
    assert [t.text for t in leg.translate(texts)] == expected


def test_pivot_route_equals_argostranslate_composite(use_copy: Path) -> None:
    texts = sentences(120, 180)
    argos = reference_translator(use_copy)
    expected = [argos(s, "de", "ja") for s in texts]  # Argos pivots through en itself
    from toolkit.engines.base import run_route

    results = run_route(ArgosEngine().route("de", "ja"), texts)
    assert [r.text for r in results] == expected


def test_underscores_survive_in_dejakit(use_copy: Path) -> None:
    leg = ArgosEngine().route("de", "en")[0]
    [result] = leg.translate(["Schreiben Sie an k_yamamoto@example.jp bitte."])
    assert result.text == "Schreiben Sie an k_yamamoto@example.jp bitte."
