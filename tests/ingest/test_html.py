"""Saved web pages: the article found among the site's furniture, read by its own markup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from toolkit.ingest import read_document
from toolkit.model import BlockKind

PAGES = Path(__file__).parent / "pages"


def test_land_page() -> None:
    doc = read_document(PAGES / "land_de.html")
    # readability-lxml 0.9 lets the share line through where 0.8 drops it: either way it must
    # not reach a printed block (as furniture it is kept, not translated, not printed)
    text = "\n".join(b.source_text for b in doc.blocks if b.kind is not BlockKind.FURNITURE)
    for site in ("Cookies", "Startseite", "Themen", "Förderrichtlinie", "Impressum", "Teilen"):
        assert site not in text
    assert doc.title == "Land und Präfektur Aichi vereinbaren enge Zusammenarbeit beim Wasserstoff"
    assert doc.date == dt.date(2026, 1, 15)
    kinds = {b.source_text[:12]: b.kind for b in doc.blocks}
    assert kinds["Pressemittei"] is BlockKind.KICKER
    assert kinds["Ministerin A"] is BlockKind.CAPTION
    assert kinds["Nächste Schr"] is BlockKind.HEADING
    assert kinds["Pilotprojekt"] is BlockKind.LIST_ITEM
    quote = next(b for b in doc.blocks if b.kind is BlockKind.QUOTE)
    assert quote.source_text.startswith("„Aichi ist einer")
    assert quote.speaker == "Wirtschaftsministerin Anna Beispiel"
    contact = next(b for b in doc.blocks if b.kind is BlockKind.CONTACT)
    assert contact.source_text.split("\n")[-1] == "E-Mail: presse@ministerium-beispiel.de"


def test_consulate_page() -> None:
    doc = read_document(PAGES / "consulate_ja.html")
    text = "\n".join(b.source_text for b in doc.blocks if b.kind is not BlockKind.FURNITURE)
    for site in ("査証", "文字サイズ", "クッキー", "サイトポリシー", "シェア", "戻る"):
        assert site not in text
    assert doc.title == "総領事によるノルトライン＝ヴェストファーレン州経済大臣表敬"
    assert doc.date == dt.date(2026, 1, 15)
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count(BlockKind.LIST_ITEM) == 2
    assert BlockKind.CAPTION in kinds
    quote = next(b for b in doc.blocks if b.kind is BlockKind.QUOTE)
    assert quote.speaker == "州経済大臣"
    assert kinds[-1] is BlockKind.FURNITURE  # "…へ戻る": kept, never printed by default


def test_page_without_main_or_article_markup(tmp_path: Path) -> None:
    page = (PAGES / "land_de.html").read_text(encoding="utf-8")
    assert "<main" not in page
    assert "<article" not in page  # the extractor, not the markup, found the article
    path = tmp_path / "copy.html"
    path.write_text(page.replace('id="content" class="content"', ""), encoding="utf-8")
    doc = read_document(path)
    assert doc.title.startswith("Land und Präfektur Aichi")
    assert all("Impressum" not in b.source_text for b in doc.blocks)


def test_alt_text_without_figcaption_is_a_caption(tmp_path: Path) -> None:
    path = tmp_path / "alt.html"
    path.write_text(
        "<html><body><main><h1>Ministerin besucht Nagoya</h1>"
        '<img src="a.jpg" alt="Die Ministerin im Rathaus von Nagoya">'
        '<figure><img src="b.jpg" alt="doppelt"><figcaption>Am Hafen</figcaption></figure>'
        "<p>Die Ministerin war zwei Tage in Nagoya.</p></main></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    captions = [b.source_text for b in doc.blocks if b.kind is BlockKind.CAPTION]
    assert captions == ["Die Ministerin im Rathaus von Nagoya", "Am Hafen"]
