"""Glossary and memory search (the web page's search box)."""

from __future__ import annotations

from toolkit import TranslationMemory, default_glossary
from toolkit.search import search_all, search_glossary, search_memory


def test_glossary_search_is_case_and_width_blind_exact_first() -> None:
    hits, more = search_glossary(default_glossary(), "ＷＡＳＳＥＲＳＴＯＦＦ")
    assert not more
    assert hits[0].exact
    assert hits[0].entry.ja == "水素"
    assert all("wasserstoff" in " ".join(h.entry.forms("de")).casefold() for h in hits)


def test_glossary_search_finds_japanese_and_readings() -> None:
    by_ja, _ = search_glossary(default_glossary(), "水素")
    assert any(h.entry.de == "Wasserstoff" for h in by_ja)
    assert search_glossary(default_glossary(), "   ") == ([], False)


def test_memory_search_source_and_target_with_limit(memory: TranslationMemory) -> None:
    for n in range(5):
        memory.approve(
            f"Satz {n} über Wasserstoff.",
            f"水素に関する文{n}。",
            "de",
            "ja",
            reviewer="Erika Muster",
        )
    units, more = search_memory(memory, "水素", limit=3)
    assert len(units) == 3
    assert more
    assert all(u.reviewer == "Erika Muster" for u in units)
    assert search_memory(memory, "wasserstoff", source_lang="ja", target_lang="de") == ([], False)
    result = search_all("Satz 4", glossary=None, memory=memory)
    assert [u.target for u in result.memory] == ["水素に関する文4。"]
    assert result.glossary == ()
