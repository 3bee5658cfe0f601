from __future__ import annotations

import pytest

from toolkit.errors import ConfigError
from toolkit.render.options import DEFAULT_NOTICE, PDF_VARIANT_NAMES, RenderOptions


def test_defaults() -> None:
    options = RenderOptions()
    assert (options.layout, options.first, options.paper, options.orientation) == (
        "side-by-side",
        "source",
        "a4",
        "portrait",
    )
    assert options.pdf_variant == "pdf/ua-1"
    assert options.notice == DEFAULT_NOTICE == "Arbeitsübersetzung – 仮訳"
    assert not options.pivot_column
    assert not options.classification


@pytest.mark.parametrize(
    ("first", "source_lang", "expected"),
    [
        ("source", "de", True),
        ("target", "de", False),
        ("de", "de", True),
        ("ja", "de", False),
        ("ja", "ja", True),
        ("de", "ja", False),
    ],
)
def test_source_first(first: str, source_lang: str, expected: bool) -> None:
    options = RenderOptions(first=first)  # type: ignore[arg-type]
    assert options.source_first(source_lang) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value"),
    [("layout", "columns"), ("first", "en"), ("paper", "a3"), ("pdf_variant", "pdf/x-4")],
)
def test_unknown_values_are_refused(field: str, value: str) -> None:
    with pytest.raises(ConfigError, match=rf"{field}={value!r} is unknown; use one of"):
        RenderOptions(**{field: value})  # type: ignore[arg-type]


def test_markings_are_one_line() -> None:
    with pytest.raises(ConfigError, match="classification has a line break"):
        RenderOptions(classification="VS\nNfD")


def test_cli_names_map_to_weasyprint_variants() -> None:
    assert PDF_VARIANT_NAMES == {"ua": "pdf/ua-1", "a3u": "pdf/a-3u", "none": "none"}
