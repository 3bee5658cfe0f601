from __future__ import annotations

import pytest

from tests.render.conftest import sample_document
from toolkit.engines import FakeEngine
from toolkit.ingest import read_text
from toolkit.model import Document
from toolkit.pipeline import translate_document
from toolkit.render import RenderOptions
from toolkit.render.layout import plan_handout


@pytest.mark.parametrize(
    ("options", "roles", "langs", "flow"),
    [
        (RenderOptions(), ["source", "target"], ["de", "ja"], False),
        (RenderOptions(first="target"), ["target", "source"], ["ja", "de"], False),
        (RenderOptions(first="ja"), ["target", "source"], ["ja", "de"], False),
        (
            RenderOptions(pivot_column=True),
            ["source", "target", "pivot"],
            ["de", "ja", "en"],
            False,
        ),
        (RenderOptions(layout="interleaved"), ["source", "target"], ["de", "ja"], True),
        (RenderOptions(layout="target-only"), ["target"], ["ja"], True),
        (
            RenderOptions(layout="target-only", pivot_column=True),
            ["target", "pivot"],
            ["ja", "en"],
            False,
        ),
    ],
)
def test_columns(
    translated: Document, options: RenderOptions, roles: list[str], langs: list[str], flow: bool
) -> None:
    handout = plan_handout(translated, options)
    assert [c.role for c in handout.columns] == roles
    assert [c.lang for c in handout.columns] == langs
    assert handout.flow is flow
    assert handout.lang == langs[0]
    assert all([c.role for c in row.cells] == roles for row in handout.rows)
    if not flow:
        assert sum(c.share for c in handout.columns) == pytest.approx(1.0)


def test_pivot_cells(translated: Document) -> None:
    doc = translated.with_targets({}, "ja", pivots={"b4.s1": "The state grows.", "b4.s2": "Yes."})
    handout = plan_handout(doc, RenderOptions(pivot_column=True))
    pivots = {row.block_id: row.cells[2] for row in handout.rows}
    assert pivots["b4"].text == "The state grows. Yes."
    assert pivots["b4"].lang == "en"
    assert pivots["b1"].runs == ()  # no pivot: the renderers show a dash


def test_headings_and_bookmarks(translated: Document) -> None:
    rows = {row.block_id: row for row in plan_handout(translated).rows}
    assert rows["b2"].heading == 1
    assert (
        rows["b2"].bookmark == "Wasserstoff verbindet NRW und Fukushima · 水素がNRW州と福島をつなぐ"
    )
    assert rows["b4"].heading == 0
    assert rows["b4"].bookmark == ""


def test_sample_headings_are_level_two() -> None:
    rows = [row for row in plan_handout(sample_document()).rows if row.heading]
    assert [row.heading for row in rows] == [1, 2]


@pytest.mark.parametrize(
    ("paper", "orientation", "size", "css"),
    [
        ("a4", "portrait", (210.0, 297.0), "A4 portrait"),
        ("a4", "landscape", (297.0, 210.0), "A4 landscape"),
        ("letter", "portrait", (215.9, 279.4), "letter portrait"),
        ("letter", "landscape", (279.4, 215.9), "letter landscape"),
    ],
)
def test_page_geometry(
    translated: Document, paper: str, orientation: str, size: tuple[float, float], css: str
) -> None:
    page = plan_handout(
        translated,
        RenderOptions(paper=paper, orientation=orientation),  # type: ignore[arg-type]
    ).page
    assert (page.width, page.height) == size
    assert page.css_size == css
    assert page.text_width < page.width


def test_only_very_tall_rows_may_break() -> None:
    assert not any(row.tall for row in plan_handout(sample_document()).rows)
    german = " ".join(["Die Delegation besucht Anlagen für grünen Wasserstoff in Namie."] * 30)
    doc = translate_document(
        read_text(f"Titel\n\n{german}\n"),
        target_lang="ja",
        engine=FakeEngine(fallback=lambda t: "代表団は施設を視察します。"),
    )
    assert [row.tall for row in plan_handout(doc).rows] == [False, True]
    # Landscape pages are lower: the same row is taller compared to the page.
    assert plan_handout(doc, RenderOptions(orientation="landscape")).rows[1].tall
