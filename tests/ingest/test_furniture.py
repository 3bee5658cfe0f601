"""Site furniture and photo captions copied with a release from its web page."""

from __future__ import annotations

import pytest

from toolkit.ingest import read_text
from toolkit.ingest.furniture import back_link_targets, is_caption, is_credit, is_furniture
from toolkit.model import BlockKind


@pytest.mark.parametrize(
    "line",
    [
        "Startseite > Presse > Pressemitteilungen",
        "HomePresse & PublikationenPressemitteilung",
        "ホーム> 報道・広報> 報道発表資料>",
        "現在地 トップページ > 記者発表資料 > 水素",
        "Willkommen auf den Seiten des Landesportals",
        "Logo Wirtschaftsministerium",
        "Niedersächsische Staatskanzlei Logo",
        "Diese Webseite verwendet Cookies. Wenn Sie weitersurfen, sind Sie einverstanden.",
        "Drucken",
        "Teilen",
        "nach oben",
        "Sitemap | Kontakt | Impressum",
        "印刷",
        "このページのトップに戻る",
        "ドイツ連邦共和国へ戻る",
        "シェア 印刷",
        "Gemeinsame Erklärung der Minister PDF / 193 KB",
        "© Staatskanzlei / Max Beispiel",
        "Fotos: Ministerium für Wirtschaft",
        "ページ番号：21852",
    ],
)
def test_furniture(line: str) -> None:
    assert is_furniture(line, "ja" if any(ord(c) > 0x3000 for c in line) else "de")


@pytest.mark.parametrize(
    "line",
    [
        "Land und Präfektur vereinbaren Wasserstoffpartnerschaft",
        "Nächste Schritte",
        "Die Ministerin dankte für die Gastfreundschaft.",
        "<link> {{ 7*7 }} </td>",
        "(c) Botschaft, Beispielstraße 6, 10785 Berlin, Tel: 030 1234-0, Fax: 030 1234-222",
        "知事が州首相と会談しました",
    ],
)
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line, "de")


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Portraitfoto Anna Beispiel", "de"),
        ("Eine Elektrolyseanlage im Hafen. (Bild: Max Beispiel/dpa)", "de"),
        ("Die Ministerin bei der Unterzeichnung, © Staatskanzlei", "de"),
        ("Gouverneur Omura (r.) und Ministerin Beispiel (l.) mit der Erklärung", "de"),
        ("写真（2026年1月15日）", "ja"),
        ("（写真）会談に臨む総領事", "ja"),
        ("意見交換（左：州首相）", "ja"),
        ("握手を交わす知事と州首相の様子", "ja"),
    ],
)
def test_captions(line: str, lang: str) -> None:
    assert is_caption(line, lang)  # type: ignore[arg-type]


def test_credit_alone_is_no_caption() -> None:
    assert is_credit("© Staatskanzlei")
    assert not is_caption("© Staatskanzlei", "de")


def test_back_link_names_the_section_label() -> None:
    assert back_link_targets(["総領事館の活動", "本文", "総領事館の活動へ戻る"]) == {
        "総領事館の活動"
    }


PARAGRAPH = (
    "Seit zehn Jahren arbeiten das Land und die Präfektur Aichi eng zusammen. "
    "Zum Jubiläum reiste die Ministerin nach Nagoya."
)
PAGE = f"""\
Willkommen auf den Seiten des Landesportals

Partnerschaften

Land und Präfektur Aichi feiern zehn Jahre Partnerschaft

Die Ministerin und der Gouverneur vor dem Rathaus in Nagoya
Die Ministerin und der Gouverneur vor dem Rathaus in Nagoya © Staatskanzlei

15.01.2026 - Artikel

{PARAGRAPH}

Drucken

nach oben
"""


def test_no_title_from_furniture_and_captions_kept_apart() -> None:
    doc = read_text(PAGE)
    kinds = [b.kind for b in doc.blocks]
    assert doc.title == "Land und Präfektur Aichi feiern zehn Jahre Partnerschaft"
    assert kinds == [
        BlockKind.FURNITURE,
        BlockKind.KICKER,
        BlockKind.TITLE,
        BlockKind.CAPTION,
        BlockKind.CAPTION,
        BlockKind.DATELINE,
        BlockKind.PARAGRAPH,
        BlockKind.FURNITURE,
        BlockKind.FURNITURE,
    ]
    assert doc.date is not None
    assert doc.date.isoformat() == "2026-01-15"


def test_site_header_lines_before_the_title() -> None:
    text = (
        "知事の部屋\n\nごあいさつプロフィール記者会見活動の紹介海外出張\n\n活動の紹介\n\n"
        "令和8年1月20日更新\n\nベルリン出張（市長と会談）\n\n"
        "知事は、1月15日、ベルリン市長と会談し、両都市の協力について意見を交換しました。\n"
    )
    doc = read_text(text)
    assert doc.title == "ベルリン出張（市長と会談）"
    assert [b.kind for b in doc.blocks[:3]] == [BlockKind.FURNITURE] * 3


def test_photo_lines_stay_captions() -> None:
    text = (
        "大臣がドイツを訪問しました\n\n写真（2026年1月15日）\n2026年1月15日\n"
        "ベルリン市内\n州首相と会談する大臣\n\n大臣は、1月15日から18日まで、ドイツを訪問しました。\n"
    )
    doc = read_text(text)
    assert [b.kind for b in doc.blocks[1:5]] == [BlockKind.CAPTION] * 4
    assert doc.date is None  # the date of a photo is not the date of the release


def test_logo_site_name_and_section_label_never_make_the_title() -> None:
    text = (
        "Logo Wirtschaftsministerium\n"
        "Bundesministerium für Wirtschaft und Klimaschutz\n"
        "Partnerschaften\n"
        "8. Oktober 2025\n"
        "Staatssekretärin besucht Tokio: Wasserstoffdialog mit Japan vertieft\n"
        "Die Parlamentarische Staatssekretärin Dr. Franziska Beispiel ist heute in Tokio mit "
        "Vertretern des japanischen Wirtschaftsministeriums zusammengetroffen.\n"
    )
    doc = read_text(text)
    assert doc.title == "Staatssekretärin besucht Tokio: Wasserstoffdialog mit Japan vertieft"
    assert [b.kind for b in doc.blocks[:4]] == [
        BlockKind.FURNITURE,
        BlockKind.FURNITURE,
        BlockKind.KICKER,
        BlockKind.DATELINE,
    ]


def test_ministry_over_a_japanese_release() -> None:
    doc = read_text(
        "外務省\n報道発表\n知事が州首相と会談\n令和8年1月15日\n知事は州首相と会談しました。\n"
    )
    assert doc.title == "知事が州首相と会談"
    assert doc.blocks[0].kind is BlockKind.FURNITURE


@pytest.mark.parametrize(
    "line",
    [
        "Lesezeit: 2 Minuten",
        "Bildnachweis: Staatskanzlei",
        "Zurück zur Übersicht",
        "ページの先頭です。",
        "メニューを飛ばして本文へ",
        "PDF形式のファイルをご覧いただく場合には、Adobe社が提供するAdobe Readerが必要です。",
    ],
)
def test_more_site_labels(line: str) -> None:
    assert is_furniture(line, "de")


def test_photo_caption_naming_people_between_title_and_date_line() -> None:
    text = (
        "Land und Präfektur unterzeichnen Kommuniqué\n\n"
        "Ministerin Anna Beispiel, Gouverneur Hideaki Omura und Delegation mit Kommuniqué\n\n"
        "Pressemitteilung vom 14.05.2026\n\n"
        "Die Ministerin und der Gouverneur haben heute ein Kommuniqué unterzeichnet.\n"
    )
    kinds = [b.kind for b in read_text(text).blocks]
    assert kinds[1] is BlockKind.CAPTION
    teaser = text.replace(
        "Ministerin Anna Beispiel, Gouverneur Hideaki Omura und Delegation mit Kommuniqué",
        "Ministerin Anna Beispiel und Gouverneur Hideaki Omura vertiefen die Partnerschaft",
    )
    assert read_text(teaser).blocks[1].kind is BlockKind.SUBTITLE
