"""Site furniture and photo captions in a release copied from a web page.

Furniture is what the site puts around the article: breadcrumbs („Home > Presse > …“,
„ホーム> 報道発表資料>“), site names and welcome lines, logo lines, cookie banners, UI labels
(„Drucken“, „Teilen“, „nach oben“, „印刷“, „…へ戻る“), download links with their file size and
photo credits on a line of their own. Captions are photo captions and image alt texts: a line
that names a photo („Foto …“, „写真(2014年5月3日)“), ends with a credit („… © GK Osaka-Kobe“,
„(Bild: dpa)“), says who stands where („(r.)“, „(左:…)“) or describes a scene („…の様子“).
Each rule looks at one line; `press.py` adds the rules that need the neighbours.
"""

from __future__ import annotations

import re

from ..model import Lang

__all__ = ["back_link_targets", "is_caption", "is_credit", "is_furniture", "is_profile_line"]

_UI_LABELS = frozenset(
    """
    top | nach oben | zum seitenanfang | seitenanfang | drucken | seite drucken | teilen | artikel
    | inhalt | navigation | menü | suche | zurück | startseite | home | sitemap | impressum
    | datenschutz | barrierefreiheit | leichte sprache | gebärdensprache | english | deutsch
    | presse | aktuelles | pressemitteilungen | presse & publikationen | mehr | weiterlesen
    | mehr erfahren | berechne lesezeit | schließen | facebook | twitter | x | linkedin
    | instagram | e-mail | mastodon | whatsapp | rss | bildergalerie | download | downloads
    | 本文 | 印刷 | 記事 | ページの先頭へ | ページの先頭 | このページのトップに戻る
    | トップページ | ホーム | メニュー | サイトマップ | 本文へ | 閉じる | シェア | ツイート
    | 文字サイズ | 拡大 | 標準 | 縮小
    | 検索 | 前のページ | 次のページ | ページトップ | ページトップへ | 戻る | english | 日本語
    | 印刷用ページ | このページを印刷する | 関連リンク | 関連情報 | お気に入り
    | このページの先頭へ | ページの先頭です | 本文ここから | 本文ここまで | メニューを飛ばして本文へ
    | よくある質問 | inhaltsverzeichnis | pressemitteilungen abonnieren | newsletter | rss-feed
    | zur übersicht | alle pressemitteilungen | 前へ | 次へ | 一覧へ戻る | 一覧に戻る
    """.replace("\n", " ").split(" | ")
)
_UI = frozenset(label.strip() for label in _UI_LABELS)
_BREADCRUMB = re.compile(
    r"^(?:sie sind hier:?|現在地|(?:ホーム|トップページ|home|startseite|start)\s*[>＞›»/])"
    r"|\S\s*[>＞›»]\s*\S.*[>＞›»]",
    re.I,
)
_GLUED_HOME = re.compile(r"^Home[A-ZÄÖÜ]\w+")  # "HomePresse & Publikationen…": glued breadcrumb
_SITE = re.compile(
    r"willkommen auf den seiten|ホームページにようこそ|^landesportal\b|\blogo\b|"
    r"^[A-ZÄÖÜ]{3,}\.[A-Z]{2,}\b|cookies?\b.*(?:verwende|nutz|akzeptier|einverstanden|"
    r"zustimm|einstellung)|クッキー|cookie.*(?:使用|利用)|別ウィンドウで開きます|"
    r"新しいウィンドウで開きます|^ページ番号\s*[:：]|^ページID|^法人番号\s*[:：]?\s*\d*$|"
    r"^lesezeit\b|^(?:bildnachweis|bildquelle|bildrechte)\s*:|adobe\s*(?:acrobat\s*)?reader",
    re.I,
)
_DOWNLOAD = re.compile(
    r"\b(?:PDF|DOCX?|XLSX?|PPTX?|ZIP)\b\s*[/:(（,-]?\s*\d+(?:[.,]\d+)?\s*[KM]B\b", re.I
)
_BACK_LINK = re.compile(
    r"^(?P<target>.{1,40}?)へ戻る$|^zurück (?:zu[mr]?|zur) (?P<de>.{1,40})$", re.I
)
_PIPES = re.compile(r"^\||\S\s\|\s\S.*\s\|\s\S")
_PROMO_URL = re.compile(r"[:：]\s*(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_CREDIT = re.compile(
    r"^(?:©|\(c\)\s|\(©|\((?:foto|fotos|bild|bilder|quelle)\s*:|(?:foto|fotos|bild|bilder|quelle|"
    r"photo|credit)\s*:|写真提供|出典\s*[:：]|撮影\s*[:：])",
    re.I,
)
_CAPTION_START = re.compile(
    r"^(?:portraitfoto|porträtfoto|porträt|foto|fotos|bild|abbildung|grafik|写真|（写真）|\(写真\)|"
    r"［写真］|【写真】|\[写真\])",
    re.I,
)
_CAPTION_END = re.compile(
    r"(?:©\s*[^©]{2,60}|\((?:bild|foto|fotos|quelle|photo)\s*:[^()]{2,60}\))\s*$", re.I
)
_CAPTION_POSITION = re.compile(
    r"\((?:r|l|m|v\. ?l\. ?n\. ?r|li|re|Mitte)\.?\)|[（(](?:左|右|中央)[:：)）]"
)
_JA_SCENE = re.compile(r"(?:様子|模様|記念撮影|集合写真|の一幕)[)）]?$")
_CAPITALS = r"[A-ZÄÖÜ][\w.’'-]*(?: [A-ZÄÖÜ][\w.’'-]*){0,2}"
_PROFILE = re.compile(rf"^{_CAPITALS} [-–|] {_CAPITALS}$")


def _plain(text: str) -> str:
    return " ".join(text.split()).strip(" .:：|>。").casefold()


def is_furniture(text: str, lang: Lang) -> bool:
    """Return whether the line `text` is site furniture rather than part of the release."""
    line = " ".join(text.split())
    if not line:
        return False
    if _plain(line) in _UI or is_credit(line):
        return True
    words = [w for w in re.split(r"[\s|/·]+", line) if w]
    if 1 < len(words) <= 6 and all(_plain(w) in _UI for w in words):
        return True  # "シェア 印刷", "Teilen | Drucken"
    if _BACK_LINK.match(line) or _GLUED_HOME.match(line) or _SITE.search(line):
        return True
    if len(line) <= 200 and "<" not in line and (_BREADCRUMB.search(line) or _PIPES.search(line)):
        return True
    if _DOWNLOAD.search(line) and len(line) <= 160:
        return True
    # A banner that sends readers elsewhere: "Informationen für …: berlin.de/ukraine"
    return bool(_PROMO_URL.search(line) and (_CYRILLIC.search(line) or len(line) <= 160))


def is_credit(text: str) -> bool:
    """Return whether `text` is a photo credit on its own („© dpa“, „Fotos: …“, „出典：…“)."""
    line = " ".join(text.split())
    if len(line) > 90 or re.search(r"\b(?:tel|fax)\b", line, re.I):
        return False  # "(c) Botschaft …, Tel: …" is the publisher's address: a contact block
    return bool(_CREDIT.match(line))


def is_caption(text: str, lang: Lang) -> bool:
    """Return whether the line `text` is a photo caption or an image's alt text."""
    line = " ".join(text.split())
    if not line or len(line) > 220 or is_credit(line):
        return False
    if _CAPTION_START.match(line) and not line.endswith(("。", ".")):
        return True
    if _CAPTION_START.match(line) and len(line) <= 40:
        return True
    if _CAPTION_END.search(line) or _CAPTION_POSITION.search(line):
        return True
    return lang == "ja" and not line.endswith("。") and bool(_JA_SCENE.search(line))


def is_profile_line(text: str) -> bool:
    """Return whether `text` is a portrait box line: „Winfried Kretschmann - Ministerpräsident“."""
    return bool(_PROFILE.match(" ".join(text.split())))


def back_link_targets(lines: list[str]) -> set[str]:
    """Return the section names that back links point to („ドイツ連邦共和国へ戻る“ -> that name).

    The same name standing alone elsewhere on the page is the section label, not a title.
    """
    targets: set[str] = set()
    for line in lines:
        match = _BACK_LINK.match(" ".join(line.split()))
        if match:
            targets.add(_plain(match.group("target") or match.group("de") or ""))
    return targets - {""}
