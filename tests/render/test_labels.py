"""The printed labels (``toolkit/render/labels.toml``): every one in German and Japanese."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

from toolkit.japanese import has_japanese
from toolkit.render import labels

_FILE = Path(labels.__file__).with_name("labels.toml")


def _pairs() -> list[tuple[str, str, list[object]]]:
    with _FILE.open("rb") as f:
        tables = tomllib.load(f)
    return [(section, key, value) for section, t in tables.items() for key, value in t.items()]


@pytest.mark.parametrize(("section", "key", "value"), _pairs())
def test_every_label_is_german_then_japanese(section: str, key: str, value: list[object]) -> None:
    where = f"[{section}] {key}"
    assert isinstance(value, list), f"{where}: give [German, Japanese]"
    assert len(value) == 2, f"{where}: give [German, Japanese]"
    de, ja = value
    assert isinstance(de, str), where
    assert de.strip(), where
    assert not has_japanese(de), where
    assert isinstance(ja, str), where
    assert has_japanese(ja), where


def test_pack_and_handout_labels_do_not_collide() -> None:
    # the pack prints both sets through one table
    assert not set(labels.HANDOUT) & set(labels.PACK)


def test_labels_reach_the_outputs() -> None:
    from toolkit.pack.html import LABELS
    from toolkit.render.html import BILINGUAL_LABELS
    from toolkit.render.view import UNTRANSLATED_LABEL

    assert UNTRANSLATED_LABEL == "nicht übersetzt · 未翻訳"
    assert BILINGUAL_LABELS["qa_title"] == (("QA-Bericht", "de"), ("品質チェック", "ja"))
    assert LABELS["glossary"] == ("Glossar", "用語集")
    assert LABELS["untranslated"] == labels.HANDOUT["untranslated"]
    assert LABELS["partner"] == ("Gesprächspartner", "先方")
