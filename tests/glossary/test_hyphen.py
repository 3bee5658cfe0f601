"""The German hyphenation patterns come from the cache as Pyphen itself would parse them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.glossary import hyphen


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    hyphen.hyphenator.cache_clear()
    yield tmp_path
    hyphen.hyphenator.cache_clear()


def test_cached_patterns_hyphenate_like_pyphen(fresh: Path) -> None:
    import pyphen  # type: ignore[import-untyped]

    words = ["Wasserstoffbasierte", "Brennstoffzellenfahrzeug", "Gastgeberin", "Klimaschutz"]
    first = [hyphen.hyphenator().positions(w) for w in words]  # parses and writes the cache
    assert list(fresh.glob("dejakit/pyphen-de_DE-*.marshal"))
    hyphen.hyphenator.cache_clear()
    second = [hyphen.hyphenator().positions(w) for w in words]  # reads the cache
    reference = pyphen.Pyphen(lang="de_DE")
    assert first == second == [reference.positions(w) for w in words]


def test_broken_cache_falls_back_to_parsing(fresh: Path) -> None:
    hyphen.hyphenator()
    (cache,) = fresh.glob("dejakit/*.marshal")
    cache.write_bytes(b"not marshal data")
    hyphen.hyphenator.cache_clear()
    import pyphen

    expected = pyphen.Pyphen(lang="de_DE").positions("Wasserstoff")
    assert hyphen.hyphenator().positions("Wasserstoff") == expected
