"""A small fixed glossary and scripted engines for the enforcement tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from toolkit.engines.base import Hypothesis, Progress, Translation
from toolkit.glossary import Glossary, load_glossary

TERMS_TOML = """\
[glossary]
id = "t"
domain = "test"
title_de = "Test"
title_ja = "テスト"
version = "1"

[[entry]]
de = "Wasserstoff"
ja = "水素"
en = "hydrogen"
type = "term"
forbidden_ja = ["ハイドロジェン"]

[[entry]]
de = "Ammoniak"
ja = "アンモニア"
en = "ammonia"
type = "term"

[[entry]]
de = "Ministerin"
de_variants = ["Minister"]
ja = "大臣"
en = "Minister"
type = "title"
ja_position = "after"

[[entry]]
de = "Gouverneur"
ja = "知事"
en = "Governor"
type = "title"
ja_position = "after"

[[entry]]
de = "Mona Neubaur"
ja = "モナ・ノイバウアー"
en = "Mona Neubaur"
type = "person"
de_short = "Neubaur"
ja_short = "ノイバウアー"

[[entry]]
de = "Masao Uchibori"
ja = "内堀雅雄"
en = "Masao Uchibori"
type = "person"
reading = "うちぼり まさお"
romaji = "Uchibori Masao"
de_short = "Uchibori"
ja_short = "内堀"

[[entry]]
de = "Präfektur Fukushima"
de_variants = ["Fukushima"]
ja = "福島県"
en = "Fukushima Prefecture"
type = "place"
reading = "ふくしまけん"
romaji = "Fukushima-ken"
"""


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    """The test glossary."""
    path = tmp_path / "t.toml"
    path.write_text(TERMS_TOML, encoding="utf-8")
    return load_glossary(path)


class ScriptedLeg:
    """A leg whose hypotheses are a function of the input: a test double for a model."""

    def __init__(self, source: str, target: str, script: Callable[[str], Sequence[str]]) -> None:
        self.source = source
        self.target = target
        self.script = script
        self.seen: list[list[str]] = []

    @property
    def fingerprint(self) -> str:
        return f"scripted:{self.source}-{self.target}"

    def translate(
        self, texts: Sequence[str], *, n_best: int = 1, progress: Progress | None = None
    ) -> list[Translation]:
        self.seen.append(list(texts))
        out = []
        for text in texts:
            options = list(self.script(text))[: max(1, n_best)]
            out.append(Translation(tuple(Hypothesis(o, -float(i)) for i, o in enumerate(options))))
        return out


def copy(text: str) -> list[str]:
    """A perfect copy model."""
    return [text]


# The project's tiny Argos packages, for the end-to-end tests.
from tests.engines.conftest import (  # noqa: E402
    copy_packages,
    untrained_packages,
    use_copy,
    use_untrained,
)

__all__ = ["copy_packages", "untrained_packages", "use_copy", "use_untrained"]
