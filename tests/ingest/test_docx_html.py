from __future__ import annotations

from pathlib import Path

import docx
import pytest

from toolkit.errors import IngestError
from toolkit.ingest import read_document
from toolkit.model import BlockKind


def test_word_release(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Pressemitteilung")
    document.add_paragraph("Wasserstoff verbindet NRW und Fukushima", style="Title")
    document.add_paragraph("Düsseldorf, 3. März 2026")
    document.add_paragraph(
        "Das Land und die Präfektur bauen ihre Partnerschaft aus. Es geht z. B. um Ammoniak."
    )
    document.add_paragraph(
        "„Wasserstoff ist der Schlüssel“, sagt Ministerin Mona Neubaur.", style="Quote"
    )
    document.add_paragraph("Nächste Schritte", style="Heading 1")
    document.add_paragraph("Eine gemeinsame Arbeitsgruppe", style="List Bullet")
    contact = document.add_paragraph("Pressekontakt")
    contact.add_run().add_break()
    contact.add_run("Telefon: +49 211 61772-204")
    contact.add_run().add_break()
    contact.add_run("E-Mail: presse@wirtschaft-beispiel.nrw.de")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Tabelle links."
    table.cell(0, 1).text = "Tabelle rechts."
    path = tmp_path / "release.docx"
    document.save(str(path))

    doc = read_document(path)
    assert doc.source_lang == "de"
    assert doc.title == "Wasserstoff verbindet NRW und Fukushima"
    assert [b.kind for b in doc.blocks] == [
        BlockKind.KICKER,
        BlockKind.TITLE,
        BlockKind.DATELINE,
        BlockKind.PARAGRAPH,
        BlockKind.QUOTE,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.CONTACT,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
    assert len(doc.blocks[3].segments) == 2
    assert doc.blocks[4].speaker == "Ministerin Mona Neubaur"
    assert doc.blocks[7].source_text.split("\n") == [
        "Pressekontakt",
        "Telefon: +49 211 61772-204",
        "E-Mail: presse@wirtschaft-beispiel.nrw.de",
    ]


def test_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("just text")
    with pytest.raises(IngestError, match="not a Word document"):
        read_document(path)


HTML = """<!DOCTYPE html>
<html lang="ja"><head><title>x</title><script>alert("x")</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">ホーム</a></nav>
<main>
<p>報道発表資料</p>
<h1>内堀知事が<b>NRW州</b>を訪問しました</h1>
<p>2026年11月24日</p>
<p>知事は、<a href="https://example.jp">デュッセルドルフ</a>で大臣と会談しました。
今回の訪問は成功しました。</p>
<blockquote>「水素は重要です。」と知事は述べました。</blockquote>
<ul><li>合同作業部会</li><li>商談会</li></ul>
<address>【お問い合わせ先】<br>電話：024-521-7283<br>メール：energy@pref-beispiel.fukushima.jp</address>
<p>&lt;script&gt; は文字です。</p>
</main>
<footer>Copyright</footer></body></html>
"""


def test_html_release(tmp_path: Path) -> None:
    path = tmp_path / "release.html"
    path.write_text(HTML, encoding="utf-8")
    doc = read_document(path)
    assert doc.source_lang == "ja"
    assert [b.kind for b in doc.blocks] == [
        BlockKind.KICKER,
        BlockKind.TITLE,
        BlockKind.DATELINE,
        BlockKind.PARAGRAPH,
        BlockKind.QUOTE,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.CONTACT,
        BlockKind.PARAGRAPH,
    ]
    assert doc.title == "内堀知事がNRW州を訪問しました"
    assert len(doc.blocks[3].segments) == 2
    assert doc.blocks[7].source_text.split("\n") == [
        "【お問い合わせ先】",
        "電話：024-521-7283",
        "メール：energy@pref-beispiel.fukushima.jp",
    ]
    text = "".join(b.source_text for b in doc.blocks)
    assert "alert" not in text
    assert "ホーム" not in text
    assert "Copyright" not in text
    assert doc.blocks[-1].source_text == "<script> は文字です。"
