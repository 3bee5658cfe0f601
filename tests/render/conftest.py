"""A translated document for the renderer tests, and readers that check what a reader gets."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from toolkit.engines import FakeEngine
from toolkit.ingest import read_text
from toolkit.model import Document
from toolkit.pipeline import translate_document

SOURCE = """\
Pressemitteilung

Wasserstoff verbindet NRW und Fukushima

Düsseldorf, 15. Januar 2026

Das Land und die Präfektur bauen ihre Partnerschaft aus. Ammoniak dient als Träger.

„Wasserstoff ist der Schlüssel“, sagt Ministerin Mona Neubaur.

Ein Satz ohne Übersetzung.

Pressekontakt
Telefon: +49 211 61772-204
E-Mail: presse@wirtschaft-beispiel.nrw.de
"""

JAPANESE = {
    "Pressemitteilung": "プレスリリース",
    "Wasserstoff verbindet NRW und Fukushima": "水素がNRW州と福島をつなぐ",
    "Düsseldorf, 15. Januar 2026": "デュッセルドルフ、2026年1月15日",
    "Das Land und die Präfektur bauen ihre Partnerschaft aus.": (
        "州と県はパートナーシップを拡大します。"
    ),
    "Ammoniak dient als Träger.": "アンモニアは水素キャリアとして機能します。",
    "„Wasserstoff ist der Schlüssel“, sagt Ministerin Mona Neubaur.": (
        "「水素こそが鍵です」とモナ・ノイバウアー大臣は述べました。"
    ),
    "Pressekontakt": "報道関係のお問い合わせ",
    "Telefon: +49 211 61772-204": "電話：+49 211 61772-204",
    "E-Mail: presse@wirtschaft-beispiel.nrw.de": "メール：presse@wirtschaft-beispiel.nrw.de",
}


@pytest.fixture
def translated() -> Document:
    """A German release with Japanese for every segment but one."""
    doc = read_text(SOURCE, source_name="release.txt")
    return translate_document(doc, target_lang="ja", engine=FakeEngine(JAPANESE))


def pdftotext(path: Path) -> str:
    """Return the text poppler extracts from `path`, in reading order."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """Return the fonts `pdffonts` lists for `path` (name, type, emb)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type words..., encoding, emb, sub, uni, object, id
        fonts.append({"name": parts[0], "type": " ".join(parts[1:-6]), "emb": parts[-5]})
    return fonts
