"""Who is meant decides the equivalent; longest match wins; no hit inside a longer word."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import GlossaryError
from toolkit.glossary import Glossary, default_glossary, find_terms, load_glossary, scan_document
from toolkit.ingest import read_text


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return default_glossary()


def resolved(text: str, lang: str, glossary: Glossary) -> list[tuple[str, str, bool]]:
    return [(h.form, h.target_form(), h.review) for h in find_terms(text, lang, glossary)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("ノルトライン＝ヴェストファーレン州のクラフト首相は", "首相", "Ministerpräsident"),
        ("ドイツのメルツ首相は", "首相", "Bundeskanzler"),
        ("安倍首相と会談した。", "首相", "Premierminister"),
        ("ドイツのハベック副首相", "副首相", "Vizekanzler"),
        ("アル=ヴァジール独ヘッセン州副首相", "副首相", "stellvertretender Ministerpräsident"),
        ("ハンブルク州のホルヒ大臣", "大臣", "Senator"),
    ],
)
def test_japanese_title_takes_its_context(
    shipped: Glossary, text: str, form: str, expected: str
) -> None:
    assert (form, expected, False) in resolved(text, "ja", shipped)


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("den niedersächsischen Ministerpräsidenten besucht", "Ministerpräsidenten", "州首相"),
        ("Gespräche mit Ministerpräsident Abe", "Ministerpräsident", "内閣総理大臣"),
        ("Ministerpräsident Hendrik Wüst trifft", "Ministerpräsident", "州首相"),
    ],
)
def test_german_title_takes_its_context(
    shipped: Glossary, text: str, form: str, expected: str
) -> None:
    assert (form, expected, False) in resolved(text, "de", shipped)


def test_undecided_context_is_flagged_not_guessed(shipped: Glossary) -> None:
    ((form, target, review),) = resolved("首相は次のように述べた。", "ja", shipped)
    assert (form, review) == ("首相", True)
    assert target == "首相" or target  # the main form stands, marked for a reviewer


def test_document_context_decides_what_the_sentence_leaves_open(shipped: Glossary) -> None:
    doc = read_text("ニーダーザクセン州との交流\n\n首相は次のように述べた。\n", lang="ja")
    hits = [h for found in scan_document(doc, shipped).values() for h in found]
    (title,) = [h for h in hits if h.form == "首相"]
    assert (title.context, title.review, title.target_form()) == (
        "land",
        False,
        "Ministerpräsident",
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("経済産業副大臣", "ja", ["経済産業副大臣"]),
        ("NRW首相府", "ja", ["NRW首相府"]),
        ("日本酒", "ja", ["日本酒"]),
        ("福島県知事", "ja", ["福島県知事"]),
        ("ハンブルク州首相", "ja", ["ハンブルク州首相"]),
        ("首相官邸", "ja", []),  # 首相 is never part of a longer word
        ("NRW.International und NRW.Invest", "de", ["NRW.International", "NRW.Invest"]),
        ("EnergyAgency.NRWとNRW.Invest", "ja", ["NRW.Invest"]),  # no NRW inside either
        ("Erster Bürgermeister Tschentscher", "de", ["Erster Bürgermeister", "Tschentscher"]),
        ("die Wirtschaftsministerin", "de", ["Wirtschaftsministerin"]),
        ("eine gemeinsame Absichtserklärung", "de", ["gemeinsame Absichtserklärung"]),
        ("drei MoUs", "de", ["MoUs"]),
        ("die wasserstoffbasierte Wirtschaft", "de", ["wasserstoff"]),
        ("WASSERSTOFF", "de", ["WASSERSTOFF"]),
    ],
)
def test_longest_match_and_whole_words(
    shipped: Glossary, text: str, lang: str, expected: list[str]
) -> None:
    assert [h.form for h in find_terms(text, lang, shipped)] == expected  # type: ignore[arg-type]


def test_context_fields_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[glossary]\nid = "bad"\n\n[[entry]]\nde = "Premier"\nja = "首相"\nen = "premier"\n'
        'type = "title"\nja_position = "after"\ncontext_de = { county = "Landrat" }\n',
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match=r"bad.toml:10: .*unknown context 'county'"):
        load_glossary(path)


def test_evidence_and_context_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(
        '[glossary]\nid = "ok"\n\n[[entry]]\nde = "Bundeskanzler"\nja = "首相"\nen = "Chancellor"\n'
        'type = "title"\nja_position = "after"\ncontext = "federal"\ninside = false\n'
        'context_de = { land = "Ministerpräsident", japan = "Premierminister" }\n'
        'evidence = "dictionary"\n',
        encoding="utf-8",
    )
    (entry,) = load_glossary(path)
    assert (entry.context, entry.inside, entry.evidence) == ("federal", False, "dictionary")
    assert entry.equivalent("de", "land") == "Ministerpräsident"
    assert entry.equivalent("de", "") == "Bundeskanzler"


def test_every_relations_entry_names_its_evidence() -> None:
    from toolkit import glossary_dir

    relations = load_glossary(glossary_dir() / "relations.toml")
    assert len(relations) > 250
    missing = [e.de for e in relations if not e.evidence]
    assert not missing
    kinds = {e.evidence.split()[0].rstrip(";:") for e in relations}
    assert kinds <= {"parallel", "comparable", "official", "dictionary", "dictionary;"}
