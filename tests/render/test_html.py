"""The HTML the templates produce: golden files per layout, escaping, languages."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import ROOT
from tests.render.conftest import hostile_document
from toolkit.model import Document
from toolkit.render import RenderOptions, render_document
from toolkit.render.html import inline_stylesheet, render_html

TEMPLATES = ROOT / "templates"
GOLDEN = ROOT / "tests" / "golden"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")

LAYOUTS = {
    "parallel.html": RenderOptions(),
    "parallel-interleaved.html": RenderOptions(layout="interleaved", first="ja"),
    "parallel-target-only.html": RenderOptions(
        layout="target-only",
        pivot_column=True,
        paper="letter",
        orientation="landscape",
        classification="VS – NUR FÜR DEN DIENSTGEBRAUCH",
        notice="Entwurf",
        author="MWIKE NRW",
    ),
}


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_html_matches_golden(translated: Document, name: str) -> None:
    doc = translated.with_targets({}, "ja", pivots={"b5.s1": "The state and the prefecture."})
    html = render_html(
        doc, template_dir=TEMPLATES, today=dt.date(2026, 1, 15), options=LAYOUTS[name]
    )
    # The stylesheet is inlined verbatim: the golden file names it instead of repeating it, and
    # keeps what the template writes around it (the page size, margins).
    stylesheet = str(inline_stylesheet(TEMPLATES, "parallel.css"))
    assert stylesheet in html
    html = html.replace(stylesheet, "/* templates/typeset.css + parallel.css, inlined */\n")
    golden = GOLDEN / name
    if os.environ.get("DEJAKIT_UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_untrusted_text_stays_text() -> None:
    html = render_html(hostile_document(), template_dir=TEMPLATES)
    assert "<link rel=attachment" not in html
    assert "&lt;link rel=attachment href=file:///etc/passwd&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "49" not in html
    assert "<script>" not in html
    assert "&lt;/td&gt;&lt;script&gt;" in html


def test_options_text_is_escaped_too(translated: Document) -> None:
    options = RenderOptions(
        notice="</style><script>x</script>", classification="<b>{{ 7*7 }}</b>", author='"><x'
    )
    html = render_html(translated, template_dir=TEMPLATES, options=options)
    assert "<script>" not in html
    assert "&lt;b&gt;{{ 7*7 }}&lt;/b&gt;" in html
    assert 'content="&#34;&gt;&lt;x"' in html


def test_html_declares_languages(translated: Document) -> None:
    html = render_html(translated, template_dir=TEMPLATES)
    assert '<html lang="de">' in html
    assert '<td class="target" lang="ja">' in html
    assert "<title>Wasserstoff verbindet NRW und Fukushima</title>" in html


@pytest.mark.parametrize("options", list(LAYOUTS.values()))
def test_every_japanese_text_is_tagged_ja(translated: Document, options: RenderOptions) -> None:
    import tinyhtml5  # type: ignore[import-untyped]

    html = render_html(translated, template_dir=TEMPLATES, options=options)
    root = tinyhtml5.parse(html, namespace_html_elements=False)

    def walk(element: ElementTree.Element, lang: str) -> None:
        lang = element.get("lang", lang)
        for text in (element.text, *(child.tail for child in element)):
            if text and CJK.search(text):
                assert lang == "ja", (element.tag, element.get("class"), text)
        for child in element:
            walk(child, lang)

    walk(root, "")


def test_japanese_breaks_only_between_phrases(translated: Document) -> None:
    html = render_html(translated, template_dir=TEMPLATES)
    assert (
        '<span class="bx">州と</span><span class="bx">県は</span>'
        '<span class="bx">パートナーシップを</span>'
    ) in html


def test_page_setup_follows_the_options(translated: Document) -> None:
    html = render_html(translated, template_dir=TEMPLATES, options=LAYOUTS["parallel.html"])
    assert "@page { size: A4 portrait;" in html
    html = render_html(
        translated, template_dir=TEMPLATES, options=LAYOUTS["parallel-target-only.html"]
    )
    assert "@page { size: letter landscape;" in html


def test_write_html(translated: Document, tmp_path: Path) -> None:
    path = tmp_path / "out.html"
    render_document(translated, path, options=RenderOptions(layout="interleaved"))
    assert '<main class="flow">' in path.read_text(encoding="utf-8")
