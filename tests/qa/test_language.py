"""QA calls a translation that is mostly still in the source language critical, both ways."""

from __future__ import annotations

from pathlib import Path

from tests.engines.conftest import copy_packages, use_copy
from toolkit.engines.argos import ArgosEngine
from toolkit.glossary import default_glossary
from toolkit.ingest import read_text
from toolkit.model import Lang, Segment, TermCheck
from toolkit.pipeline import translate_document
from toolkit.qa import check_document, check_segment

__all__ = ["copy_packages", "use_copy"]


def _checks(source: str, target: str, src: str, tgt: str, *checks: TermCheck) -> set[str]:
    seg = Segment(id="b1.s1", source=src, target=tgt, origin="engine", checks=checks)
    return {f"{i.check}:{i.severity}" for i in check_segment(seg, source, target)}


def test_german_left_in_japanese_column_is_critical() -> None:
    forced = TermCheck("term", "Wasserstoff", "水素", "enforced", "energy:1", "placeholder")
    text = "Das Land fördert 水素 und die Zusammenarbeit mit der Präfektur."
    assert "script:critical" in _checks(
        "de", "ja", text.replace("水素", "Wasserstoff"), text, forced
    )


def test_japanese_with_latin_names_is_fine() -> None:
    item = TermCheck("name", "NRW.Energy4Climate", "NRW.Energy4Climate", "enforced", "", "")
    src = "NRW.Energy4Climate und Fukushima arbeiten beim Wasserstoff zusammen."
    tgt = "NRW.Energy4Climateと福島県は水素分野で協力します。"
    assert _checks("de", "ja", src, tgt, item) == set()


def test_japanese_left_in_german_column_is_critical() -> None:
    src = "福島県とノルトライン＝ヴェストファーレン州は水素分野で協力します。"
    assert "script:critical" in _checks("ja", "de", src, src)


def test_copy_models_both_directions_are_critical(use_copy: Path) -> None:
    glossary = default_glossary()
    cases: tuple[tuple[str, Lang], ...] = (
        ("Pressemitteilung\n\nDas Land fördert den Wasserstoff in der Region.\n", "ja"),
        ("報道発表\n\n県は地域の水素の利用を進めています。\n", "de"),
    )
    for text, target in cases:
        doc = translate_document(
            read_text(text), target_lang=target, engine=ArgosEngine(), glossary=glossary
        )
        critical = [i for i in check_document(doc, glossary=glossary) if i.severity == "critical"]
        assert any(i.check == "script" for i in critical), (target, critical)
