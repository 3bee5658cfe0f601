"""The web page's words in German, Japanese and English, and how a request picks its language.

A ``?ui=de`` link sets the language (kept in a cookie); otherwise the browser's
Accept-Language decides; German is the fallback (the office that runs this is in Germany or
in Japan, and German staff are the larger group).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["UI_COOKIE", "UI_LANGS", "pick_language", "translator"]

UI_LANGS = ("de", "ja", "en")
UI_COOKIE = "dejakit_ui"

# key: (German, Japanese, English)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "app.title": (
        "dejakit – Übersetzen und Prüfen",
        "dejakit – 翻訳とチェック",
        "dejakit – translate and review",
    ),
    "nav.skip": ("Zum Inhalt springen", "本文へ移動", "Skip to content"),
    "nav.translate": ("Dokument übersetzen", "文書を翻訳", "Translate a document"),
    "nav.pack": ("Besuchsmappe", "訪問資料集", "Briefing pack"),
    "nav.search": (
        "Glossar und Speicher durchsuchen",
        "用語集・翻訳メモリ検索",
        "Search glossary and memory",
    ),
    "nav.review": (
        "Prüfdatei zurückgeben",
        "チェック済みファイルの取り込み",
        "Return a review file",
    ),
    "nav.memory": ("Übersetzungsspeicher", "翻訳メモリ", "Translation memory"),
    "nav.doctor": ("Systemstatus", "システム状態", "System status"),
    "nav.language": ("Sprache der Oberfläche", "表示言語", "Interface language"),
    "nav.signed_in": ("Angemeldet als", "ログイン中：", "Signed in as"),
    "upload.heading": (
        "Dokument hochladen oder Text einfügen",
        "文書のアップロードまたはテキストの貼り付け",
        "Upload a document or paste text",
    ),
    "upload.file": (
        "Datei (.txt, .md, .docx, .html)",
        "ファイル（.txt、.md、.docx、.html）",
        "File (.txt, .md, .docx, .html)",
    ),
    "upload.paste": (
        "… oder Text hier einfügen",
        "…またはここにテキストを貼り付け",
        "… or paste the text here",
    ),
    "upload.from": ("Sprache des Dokuments", "原文の言語", "Language of the document"),
    "upload.auto": ("automatisch erkennen", "自動判定", "detect automatically"),
    "upload.submit": ("Einlesen", "読み込む", "Read it"),
    "upload.limit": (
        "Höchstens {size} pro Datei.",
        "1ファイルあたり最大{size}。",
        "At most {size} per file.",
    ),
    "upload.recent": ("Zuletzt bearbeitet", "最近の文書", "Recent documents"),
    "read.heading": (
        "So wurde das Dokument gelesen",
        "文書の読み取り結果",
        "How the document was read",
    ),
    "read.summary": (
        "Abschnitte: {blocks}, Sätze: {segments}, Sprache: {lang}",
        "{blocks}ブロック、{segments}文、言語：{lang}",
        "Blocks: {blocks}, sentences: {segments}, language: {lang}",
    ),
    "read.kind": ("Art", "種類", "Kind"),
    "read.text": ("Sätze", "文", "Sentences"),
    "kind.kicker": ("Dachzeile", "種別", "kicker"),
    "kind.title": ("Titel", "表題", "title"),
    "kind.subtitle": ("Untertitel", "副題", "subtitle"),
    "kind.dateline": ("Ort und Datum", "日付・場所", "dateline"),
    "kind.heading": ("Zwischenüberschrift", "見出し", "heading"),
    "kind.paragraph": ("Absatz", "段落", "paragraph"),
    "kind.quote": ("Zitat", "引用", "quote"),
    "kind.list_item": ("Aufzählungspunkt", "箇条書き", "list item"),
    "kind.contact": ("Kontakt", "問い合わせ先", "contact"),
    "translate.heading": ("Übersetzen", "翻訳する", "Translate"),
    "translate.to": ("Zielsprache", "訳文の言語", "Target language"),
    "translate.engine": ("Maschinelle Übersetzung", "機械翻訳", "Machine translation"),
    "translate.submit": ("Übersetzen", "翻訳を開始", "Translate"),
    "job.heading": ("Übersetzung läuft", "翻訳中", "Translating"),
    "job.progress": (
        "Sätze: {done} von {total}",
        "{total}文中{done}文完了",
        "{done} of {total} sentences",
    ),
    "job.waiting": ("Wird vorbereitet …", "準備中…", "Preparing …"),
    "job.cancel": ("Abbrechen", "中止", "Cancel"),
    "job.cancelled": (
        "Die Übersetzung wurde abgebrochen.",
        "翻訳を中止しました。",
        "The translation was cancelled.",
    ),
    "job.failed": (
        "Die Übersetzung ist fehlgeschlagen:",
        "翻訳に失敗しました：",
        "The translation failed:",
    ),
    "job.noscript": (
        "Diese Seite lädt sich alle zwei Sekunden neu.",
        "このページは2秒ごとに更新されます。",
        "This page reloads every two seconds.",
    ),
    "result.heading": ("Paralleltext", "対訳", "Parallel text"),
    "result.counts": (
        "Herkunft der Übersetzungen",
        "訳文の出所",
        "Where the translations come from",
    ),
    "result.source": ("Ausgangstext", "原文", "Source"),
    "result.target": ("Übersetzung", "訳文", "Translation"),
    "result.status": ("Status", "状態", "Status"),
    "result.checks": ("Glossar und Prüfung", "用語集とチェック", "Glossary and checks"),
    "result.approve": ("Freigeben", "承認", "Approve"),
    "result.approved_by": ("freigegeben von {name}", "{name}が承認", "approved by {name}"),
    "result.reviewer": (
        "Ihr Name (wird mit jeder Freigabe gespeichert)",
        "お名前（承認ごとに記録されます）",
        "Your name (stored with each approval)",
    ),
    "result.reviewer_missing": (
        "Bitte geben Sie Ihren Namen an, bevor Sie freigeben.",
        "承認する前にお名前を入力してください。",
        "Please give your name before approving.",
    ),
    "result.edit_label": (
        "Übersetzung von Satz {id}",
        "文{id}の訳文",
        "Translation of sentence {id}",
    ),
    "result.saved": (
        "Satz {id} wurde freigegeben und im Übersetzungsspeicher gespeichert.",
        "文{id}を承認し、翻訳メモリに保存しました。",
        "Sentence {id} was approved and stored in the translation memory.",
    ),
    "result.suggestion": (
        "Ähnlicher Eintrag im Speicher ({score} %)",
        "メモリ内の類似訳（{score}%）",
        "Similar memory entry ({score} %)",
    ),
    "download.heading": ("Herunterladen", "ダウンロード", "Download"),
    "download.format": ("Format", "形式", "Format"),
    "download.layout": ("Anordnung", "レイアウト", "Layout"),
    "download.first": ("Zuerst steht", "先に置く言語", "First comes"),
    "download.paper": ("Papier", "用紙", "Paper"),
    "download.landscape": ("Querformat", "横向き", "Landscape"),
    "download.pivot": (
        "Englische Zwischenübersetzung zeigen (für Dolmetscher)",
        "英語の中間訳を表示（通訳者向け）",
        "Show the English pivot (for interpreters)",
    ),
    "download.classification": (
        "Einstufung (oben und unten auf jeder Seite)",
        "取扱区分（各ページの上下に表示）",
        "Classification (top and bottom of every page)",
    ),
    "download.notice": ("Fußzeile", "フッター", "Footer line"),
    "download.qa": ("Prüfbericht anhängen", "チェック結果を付ける", "Append the QA report"),
    "download.submit": ("Herunterladen", "ダウンロード", "Download"),
    "fmt.pdf": ("PDF zum Drucken", "印刷用PDF", "PDF for printing"),
    "fmt.docx": ("Word-Dokument (DOCX)", "Word文書（DOCX）", "Word document (DOCX)"),
    "fmt.html": ("Webseite (HTML)", "Webページ（HTML）", "Web page (HTML)"),
    "fmt.json": ("Daten (JSON)", "データ（JSON）", "Data (JSON)"),
    "fmt.review": (
        "Prüfdatei für Word (DOCX)",
        "Word用チェックファイル（DOCX）",
        "Review file for Word (DOCX)",
    ),
    "fmt.xliff": ("XLIFF für CAT-Werkzeuge", "翻訳支援ツール用XLIFF", "XLIFF for CAT tools"),
    "layout.side-by-side": ("nebeneinander", "左右対訳", "side by side"),
    "layout.interleaved": ("abwechselnd", "段落ごとに交互", "interleaved"),
    "layout.target-only": ("nur Übersetzung", "訳文のみ", "translation only"),
    "first.source": ("Ausgangstext", "原文", "source"),
    "first.target": ("Übersetzung", "訳文", "translation"),
    "first.de": ("Deutsch", "ドイツ語", "German"),
    "first.ja": ("Japanisch", "日本語", "Japanese"),
    "lang.de": ("Deutsch", "ドイツ語", "German"),
    "lang.ja": ("Japanisch", "日本語", "Japanese"),
    "status.approved": ("freigegeben", "承認済み", "approved"),
    "status.memory": ("aus dem Speicher", "メモリから", "from memory"),
    "status.fuzzy": ("ähnlicher Treffer", "類似訳あり", "fuzzy match"),
    "status.machine": ("maschinell", "機械翻訳", "machine"),
    "status.untranslated": ("nicht übersetzt", "未翻訳", "untranslated"),
    "check.verified": ("bestätigt", "確認済み", "verified"),
    "check.enforced": ("durchgesetzt", "修正済み", "enforced"),
    "check.violated": ("verletzt", "不一致", "violated"),
    "severity.critical": ("kritisch", "重大", "critical"),
    "severity.functional": ("inhaltlich", "内容", "functional"),
    "severity.cosmetic": ("formal", "体裁", "cosmetic"),
    "pack.heading": ("Besuchsmappe erstellen", "訪問資料集の作成", "Build a briefing pack"),
    "pack.manifest": (
        "Beschreibung der Mappe (pack.toml)",
        "資料集の定義ファイル（pack.toml）",
        "Pack description (pack.toml)",
    ),
    "pack.documents": (
        "Dokumente, die pack.toml nennt (mehrere möglich)",
        "pack.tomlが指定する文書（複数選択可）",
        "Documents pack.toml names (several allowed)",
    ),
    "pack.submit": ("Mappe erstellen", "資料集を作成", "Build the pack"),
    "pack.done": ("Die Mappe ist fertig.", "資料集ができました。", "The pack is ready."),
    "review.heading": (
        "Geprüfte Datei einlesen",
        "チェック済みファイルの取り込み",
        "Import a reviewed file",
    ),
    "review.intro": (
        "Die Prüfdatei für Word oder die XLIFF-Datei, die hier heruntergeladen und geprüft wurde: Jede Änderung wird als freigegebene Übersetzung gespeichert, alles oder nichts.",
        "ここでダウンロードしてチェックしたWord用チェックファイルまたはXLIFFファイルを取り込みます。修正箇所はすべて承認済みの訳として保存されます（一部だけの保存は行いません）。",
        "The Word review file or XLIFF downloaded here and reviewed: every change is stored as an approved translation, all or nothing.",
    ),
    "review.file": (
        "Geprüfte Datei (.docx, .xlf)",
        "チェック済みファイル（.docx、.xlf）",
        "Reviewed file (.docx, .xlf)",
    ),
    "review.dry_run": (
        "Nur anzeigen, was sich ändert (nichts speichern)",
        "変更点の確認のみ（保存しない）",
        "Only show what changes (store nothing)",
    ),
    "review.submit": ("Einlesen", "取り込む", "Import"),
    "review.result": (
        "{name}: freigegebene Übersetzungen: {count}",
        "{name}：{count}件の訳を承認",
        "{name}: translations approved: {count}",
    ),
    "review.result_dry": (
        "{name}: Übersetzungen, die freigegeben würden: {count} (nichts gespeichert)",
        "{name}：{count}件の訳が承認されます（未保存）",
        "{name}: translations that would be approved: {count} (nothing stored)",
    ),
    "review.before": ("vorher", "修正前", "before"),
    "review.after": ("nachher", "修正後", "after"),
    "review.unchanged": ("unverändert freigegeben", "修正なしで承認", "approved unchanged"),
    "review.comments": ("Kommentare", "コメント", "Comments"),
    "review.pending": (
        "{count} nachverfolgte Änderungen waren noch offen und wurden übernommen.",
        "未処理の変更履歴{count}件を反映しました。",
        "{count} tracked changes were still pending and were accepted.",
    ),
    "memory.heading": ("Übersetzungsspeicher", "翻訳メモリ", "Translation memory"),
    "memory.summary": (
        "Fassungen: {versions}, davon von Prüfenden freigegeben: {approved}; offene Widersprüche: {conflicts}.",
        "登録されている訳{versions}件（うち承認済み{approved}件）、未解決の不一致{conflicts}件。",
        "Versions: {versions}, approved by a reviewer: {approved}; undecided conflicts: {conflicts}.",
    ),
    "memory.conflicts": ("Widersprüche", "訳の不一致", "Conflicts"),
    "memory.conflicts_help": (
        "Für diese Sätze gibt es zwei Übersetzungen, und noch niemand hat entschieden. Geben Sie die richtige im Paralleltext oder in einer Prüfdatei frei.",
        "次の文には2通りの訳があり、まだどちらにするか決まっていません。対訳画面またはチェック用ファイルで正しい方を承認してください。",
        "These sentences have two translations and nobody has decided yet. Approve the right one in the parallel text or a review file.",
    ),
    "memory.served": ("wird verwendet", "現在使用中の訳", "served"),
    "memory.other": ("abweichende Fassung", "別の訳", "other version"),
    "memory.import": (
        "TMX- oder XLIFF-Dateien einlesen",
        "TMX・XLIFFファイルの取り込み",
        "Import TMX or XLIFF files",
    ),
    "memory.files": (
        "Dateien (.tmx, .xlf; mehrere möglich)",
        "ファイル（.tmx、.xlf／複数選択可）",
        "Files (.tmx, .xlf; several allowed)",
    ),
    "memory.import_submit": ("Einlesen", "取り込む", "Import"),
    "memory.imported": ("Eingelesen", "取り込み結果", "Imported"),
    "memory.import_line": (
        "{name}: neu {added}, aktualisiert {updated}, unverändert {unchanged}, Widersprüche {conflicts}",
        "{name}：新規{added}件、更新{updated}件、変更なし{unchanged}件、不一致{conflicts}件",
        "{name}: added {added}, updated {updated}, unchanged {unchanged}, conflicts {conflicts}",
    ),
    "memory.skipped": (
        "(übersprungen, weil Deutsch oder Japanisch fehlt: {count})",
        "（ドイツ語・日本語の両方がない{count}件は対象外）",
        "(skipped for want of German or Japanese: {count})",
    ),
    "memory.export": ("Als TMX herunterladen", "TMX形式でダウンロード", "Download as TMX"),
    "memory.direction": ("Richtung", "翻訳の方向", "Direction"),
    "memory.dir.de-ja": ("Deutsch → Japanisch", "ドイツ語→日本語", "German → Japanese"),
    "memory.dir.ja-de": ("Japanisch → Deutsch", "日本語→ドイツ語", "Japanese → German"),
    "search.heading": (
        "Glossar und Übersetzungsspeicher durchsuchen",
        "用語集・翻訳メモリの検索",
        "Search the glossary and the memory",
    ),
    "search.query": (
        "Suchbegriff (Deutsch oder Japanisch)",
        "検索語（ドイツ語または日本語）",
        "Search term (German or Japanese)",
    ),
    "search.submit": ("Suchen", "検索", "Search"),
    "search.glossary": ("Glossar", "用語集", "Glossary"),
    "search.memory": ("Übersetzungsspeicher", "翻訳メモリ", "Translation memory"),
    "search.none": ("Keine Treffer.", "該当なし。", "Nothing found."),
    "search.more": (
        "Weitere Treffer – bitte genauer suchen.",
        "ほかにも該当があります。検索語を絞ってください。",
        "More matches – please narrow the search.",
    ),
    "doctor.heading": ("Systemstatus", "システム状態", "System status"),
    "doctor.ok": ("in Ordnung", "正常", "ok"),
    "doctor.missing": ("fehlt", "不足", "missing"),
    "doctor.optional": ("optional, fehlt", "任意（未導入）", "optional, missing"),
    "doctor.fix": ("Abhilfe", "対処方法", "Fix"),
    "doctor.ready": ("dejakit ist einsatzbereit.", "dejakitは使用できます。", "dejakit is ready."),
    "doctor.not_ready": (
        "Es fehlen notwendige Teile; die IT kann sie mit den genannten Befehlen installieren.",
        "必要な構成要素が不足しています。表示されたコマンドでIT担当者が導入できます。",
        "Required parts are missing; IT can install them with the commands shown.",
    ),
    "login.heading": ("Anmelden", "ログイン", "Sign in"),
    "login.token": ("Zugangsschlüssel", "アクセスキー", "Access key"),
    "login.submit": ("Anmelden", "ログイン", "Sign in"),
    "login.wrong": (
        "Dieser Zugangsschlüssel ist nicht gültig.",
        "このアクセスキーは無効です。",
        "This access key is not valid.",
    ),
    "error.heading": ("Das hat nicht geklappt", "処理できませんでした", "That did not work"),
    "error.back": ("Zurück zur Startseite", "トップページへ戻る", "Back to the start page"),
    "error.not_found": (
        "Diese Seite gibt es nicht (mehr).",
        "このページは存在しないか、削除されました。",
        "This page does not exist (any more).",
    ),
    "error.csrf": (
        "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
        "フォームの有効期限が切れました。ページを再読み込みしてから、もう一度お試しください。",
        "The form has expired. Please reload the page and try again.",
    ),
    "error.too_large": (
        "Die Datei ist zu groß: höchstens {size}.",
        "ファイルが大きすぎます（上限{size}）。",
        "The file is too large: at most {size}.",
    ),
    "error.type": (
        "Dieser Dateityp wird nicht unterstützt: {name}. Erlaubt sind {allowed}.",
        "このファイル形式には対応していません：{name}。対応形式は{allowed}です。",
        "This file type is not supported: {name}. Allowed: {allowed}.",
    ),
    "error.empty": (
        "Bitte eine Datei wählen oder Text einfügen.",
        "ファイルを選択するか、テキストを貼り付けてください。",
        "Please choose a file or paste text.",
    ),
}


def pick_language(query: str | None, cookie: str | None, accept: str) -> str:
    """Return the interface language: the query's, the cookie's, or the browser's first."""
    for choice in (query, cookie):
        if choice in UI_LANGS:
            return choice
    for part in accept.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in UI_LANGS:
            return code
    return "de"


def translator(lang: str) -> Callable[..., str]:
    """Return ``t(key, **values)`` giving the message `key` in `lang`, filled in."""
    index = UI_LANGS.index(lang) if lang in UI_LANGS else 0

    def t(key: str, **values: object) -> str:
        texts: Mapping[str, tuple[str, str, str]] = MESSAGES
        text = texts[key][index] if key in texts else key
        return text.format(**values) if values else text

    return t
