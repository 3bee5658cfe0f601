"""A German text through the project's Argos packages, held to the shipped glossaries."""

from __future__ import annotations

from pathlib import Path

from toolkit.engines.argos import ArgosEngine
from toolkit.glossary import default_glossary
from toolkit.ingest import read_text
from toolkit.pipeline import translate_document
from toolkit.qa import check_document

TEXT = """\
Pressemitteilung

Wasserstoff und Ammoniak: Nordrhein-Westfalen und Fukushima vertiefen Zusammenarbeit

Düsseldorf, 3. März 2026

Ministerin Mona Neubaur und Gouverneur Masao Uchibori unterzeichnen am 3. März 2026
eine Absichtserklärung.
Das Land stellt für die Brennstoffzelle und die Elektrolyse bis zu 4,5 Millionen Euro bereit.
Ein Elektrolyseur mit 10 MW Leistung erzeugt grünen Wasserstoff.

Pressekontakt
Telefon: +49 211 61772-204
E-Mail: presse@wirtschaft-beispiel.nrw.de
"""

EXPECTED = [
    "プレスリリース",
    "水素",
    "アンモニア",
    "ノルトライン＝ヴェストファーレン州",
    "福島県",
    "協力",
    "2026年3月3日",
    "モナ・ノイバウアー大臣",
    "内堀雅雄知事",
    "覚書",
    "燃料電池",
    "水電解",
    "450万ユーロ",
    "水電解装置",
    "10MW",
    "お問い合わせ先",
    "電話",
    "+49 211 61772-204",
    "メール",
    "presse@wirtschaft-beispiel.nrw.de",
]


def test_copy_packages_bring_every_term_and_entity_in_japanese(use_copy: Path) -> None:
    glossary = default_glossary()
    doc = translate_document(
        read_text(TEXT), target_lang="ja", engine=ArgosEngine(), glossary=glossary
    )
    output = "\n".join(s.target or "" for s in doc.segments())
    missing = [item for item in EXPECTED if item not in output]
    assert not missing, output
    violated = [c for s in doc.segments() for c in s.checks if c.status == "violated"]
    assert not violated
    # Terms and entities arrive, but the copy models leave the words around them German:
    # QA calls exactly those segments untranslated/wrong language, and nothing else critical.
    critical = [i for i in check_document(doc, glossary=glossary) if i.severity == "critical"]
    assert {i.check for i in critical} == {"script"}, critical
    flagged = {i.segment_id for i in critical}
    by_source = {s.source: s.id for s in doc.segments()}
    german = [src for src in by_source if "stellt für die Brennstoffzelle" in src]
    assert german
    assert by_source[german[0]] in flagged
    assert by_source["Pressemitteilung"] not in flagged  # all of it is a glossary term


def test_untrained_packages_get_reported_not_hidden(use_untrained: Path) -> None:
    glossary = default_glossary()
    doc = translate_document(
        read_text(TEXT), target_lang="ja", engine=ArgosEngine(), glossary=glossary
    )
    issues = check_document(doc, glossary=glossary)
    critical = [i for i in issues if i.severity == "critical"]
    translatable = [s for s in doc.segments() if s.origin != "verbatim"]
    # Every segment the model touched is reported: failed, violated or untranslated.
    assert {i.segment_id for i in critical} == {s.id for s in translatable}


def test_context_decides_the_enforced_title(use_copy: Path) -> None:
    # 首相 of a German Land is Ministerpräsident, of the Federation Bundeskanzler; a 首相 no
    # context decides is only checked, never forced to a guess.
    glossary = default_glossary()
    text = (
        "首相の発言\n\nニーダーザクセン州のヴァイル首相が訪日しました。\n\n"
        "メルツ首相は歓迎しました。\n"
    )
    doc = translate_document(
        read_text(text, lang="ja"), target_lang="de", engine=ArgosEngine(), glossary=glossary
    )
    checks = {c.source: c for s in doc.segments() for c in s.checks}
    # a title written with its holder's name is protected with it, in the context's form
    assert (checks["ヴァイル首相"].expected, checks["ヴァイル首相"].status) == (
        "Ministerpräsident Weil",
        "enforced",
    )
    assert checks["メルツ首相"].expected == "Bundeskanzler Merz"
    # the heading's 首相 has nothing to go by: checked and shown to the reviewer, not forced
    assert (checks["首相"].status, checks["首相"].how) == ("violated", "soft")
    output = "\n".join(s.target or "" for s in doc.segments())
    assert "Ministerpräsident Weil" in output
    assert "Bundeskanzler Merz" in output
