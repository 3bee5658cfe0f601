from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tests.conftest import ROOT
from toolkit.engines import FakeEngine
from toolkit.ingest import read_text
from toolkit.model import Document
from toolkit.pipeline import translate_document
from toolkit.render.html import render_html

TEMPLATES = ROOT / "templates"
GOLDEN = ROOT / "tests" / "golden"


def test_html_matches_golden(translated: Document) -> None:
    html = render_html(translated, template_dir=TEMPLATES, today=dt.date(2026, 1, 15))
    golden = GOLDEN / "parallel.html"
    if os.environ.get("DEJAKIT_UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_untrusted_text_stays_text() -> None:
    hostile = (
        "Angriff\n\n"
        "<link rel=attachment href=file:///etc/passwd> {{ 7*7 }} </td><script>alert(1)</script>\n"
    )
    doc = translate_document(
        read_text(hostile), target_lang="ja", engine=FakeEngine(fallback=lambda t: t + " 訳")
    )
    html = render_html(doc, template_dir=TEMPLATES)
    assert "<link rel=attachment" not in html
    assert "&lt;link rel=attachment href=file:///etc/passwd&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "49" not in html
    assert "<script>" not in html
    assert "&lt;/td&gt;&lt;script&gt;" in html


def test_html_declares_languages(translated: Document, tmp_path: Path) -> None:
    html = render_html(translated, template_dir=TEMPLATES)
    assert '<html lang="de">' in html
    assert '<td class="tgt" lang="ja">' in html
    assert "<title>Wasserstoff verbindet NRW und Fukushima</title>" in html
