from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from toolkit.errors import RenderError
from toolkit.render.fonts import (
    SANS,
    SERIF,
    Missing,
    check_glyphs,
    find_missing,
    font_coverage,
    font_file,
)


def test_fonts_resolve_to_files() -> None:
    for family in (*SERIF.families, *SANS.families):
        path, index = font_file(family)
        assert path.is_file()
        assert index >= 0


def test_coverage_has_both_scripts() -> None:
    assert ord("ß") in font_coverage("Noto Serif")
    assert ord("水") in font_coverage("Noto Serif CJK JP")
    assert ord("😀") not in font_coverage("Noto Serif CJK JP")


def test_find_missing_names_each_character_once_where_it_first_occurs() -> None:
    missing = find_missing(
        [
            ("b1.s1", "Grüße 水素 😀", SERIF),
            ("b2.s1", "noch einmal 😀 und 𓀀", SERIF),
            ("b3.s1", "zero\u200bwidth\u00adsoft\ufe0f", SANS),
        ]
    )
    assert missing == [Missing("😀", "b1.s1"), Missing("𓀀", "b2.s1")]
    assert str(missing[0]) == "U+1F600 😀 (grinning face) in b1.s1"


def test_check_glyphs_message(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as info:
        check_glyphs([("b3.s2", "Gruß 😀", SERIF)], path=tmp_path / "x.pdf")
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'x.pdf'}: no print font has a glyph for U+1F600")
    assert "in b3.s2" in message
    assert "replace or remove these characters" in message


def test_an_uninstalled_family_is_named() -> None:
    with pytest.raises(RenderError, match="'No Such Family Xyz': not installed"):
        font_file("No Such Family Xyz")


def test_stylesheet_uses_exactly_the_preflight_fonts() -> None:
    css = (ROOT / "templates" / "parallel.css").read_text(encoding="utf-8")
    declarations = re.findall(r"\bfont(?:-family)?\s*:([^;}]+)", css)
    assert len(declarations) >= 4
    named = {name for value in declarations for name in re.findall(r'"([^"]+)"', value)}
    assert named == {*SERIF.families, *SANS.families}
