from __future__ import annotations

import pytest

from toolkit.engines import FakeEngine
from toolkit.errors import ConfigError
from toolkit.ingest import read_text
from toolkit.memory import TranslationMemory, TranslationUnit
from toolkit.pipeline import is_verbatim, translate_document
from toolkit.render.view import summarize

TEXT = """\
Wasserstoff verbindet

Düsseldorf, 15. Januar 2026

Wasserstoff ist wichtig. Ammoniak auch. Das ist neu.

Kontakt
+49 211 61772-204
presse@wirtschaft-beispiel.nrw.de
"""


def test_memory_first_then_engine_then_untranslated(memory: TranslationMemory) -> None:
    memory.add(
        [
            TranslationUnit("de", "ja", "Wasserstoff ist wichtig.", "水素は重要です。"),
            TranslationUnit("de", "ja", "Ammoniak auch.", "アンモニアも。"),
        ]
    )
    engine = FakeEngine({"Ammoniak auch.": "エンジンの訳", "Wasserstoff verbindet": "水素がつなぐ"})
    doc = translate_document(read_text(TEXT), target_lang="ja", memory=memory, engine=engine)
    by_source = {s.source: (s.target, s.origin) for s in doc.segments()}
    assert by_source["Wasserstoff ist wichtig."] == ("水素は重要です。", "memory")
    # The approved translation wins over the engine's.
    assert by_source["Ammoniak auch."] == ("アンモニアも。", "memory")
    assert by_source["Wasserstoff verbindet"] == ("水素がつなぐ", "engine")
    assert by_source["Das ist neu."] == (None, None)
    assert by_source["+49 211 61772-204"] == ("+49 211 61772-204", "verbatim")
    # The engine only ever saw what the memory could not translate.
    assert "Wasserstoff ist wichtig." not in engine.calls[0]
    counts = summarize(doc)
    assert counts["memory"] == 2
    assert counts["engine"] == 1
    assert counts["untranslated"] >= 3
    assert doc.target_lang == "ja"


def test_nothing_translates_nothing() -> None:
    doc = translate_document(read_text(TEXT), target_lang="ja")
    counts = summarize(doc)
    assert counts["untranslated"] == counts["total"] - counts["verbatim"]
    assert all(s.target is None for s in doc.segments() if s.origin != "verbatim")


def test_engine_failures_stay_untranslated() -> None:
    engine = FakeEngine({"Ammoniak auch.": "  "})  # blank output counts as a failure
    doc = translate_document(read_text(TEXT), target_lang="ja", engine=engine)
    assert all(s.origin != "engine" for s in doc.segments())


def test_same_language_is_refused() -> None:
    with pytest.raises(ConfigError, match="already in de"):
        translate_document(read_text(TEXT), target_lang="de")


def test_original_is_unchanged() -> None:
    doc = read_text(TEXT)
    translate_document(doc, target_lang="ja", engine=FakeEngine(fallback=lambda t: "訳"))
    assert all(s.target is None for s in doc.segments())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+49 211 61772-204", True),
        ("presse@wirtschaft-beispiel.nrw.de", True),
        ("https://www.land.nrw/", True),
        ("15.01.2026", True),
        ("Telefon: +49 211 61772-204", False),
        ("NRW.Energy4Climate", False),
    ],
)
def test_is_verbatim(text: str, expected: bool) -> None:
    assert is_verbatim(text) is expected
