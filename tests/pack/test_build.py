from __future__ import annotations

from pathlib import Path

from tests.pack.conftest import edit
from toolkit.engines import FakeEngine
from toolkit.glossary.model import Glossary
from toolkit.memory import TranslationMemory
from toolkit.pack.build import build_pack
from toolkit.pack.manifest import read_manifest

ITEM_DE = "Fahrt mit dem Shinkansen nach Fukushima"


def test_sample_pack_is_complete_from_memory(
    pack_dir: Path, glossary: Glossary, sample_memory: TranslationMemory
) -> None:
    manifest = read_manifest(pack_dir / "pack.toml", glossary=glossary)
    steps: list[str] = []
    pack = build_pack(
        manifest,
        memory=sample_memory,
        engine_for=lambda source, target: None,
        glossary=glossary,
        step=steps.append,
    )
    assert steps == ["pm-wasserstoff-de.txt", "mou-nrw-fukushima-2026.toml", "manifest texts"]
    assert [s.anchor for s in pack.sections] == ["doc-1", "mou-1"]
    for section in pack.sections:
        assert all(seg.origin == "memory" for seg in section.doc.segments())
        assert section.critical == 0
    mou = pack.mous()[0]
    assert mou.title.text("ja").startswith("ノルトライン＝ヴェストファーレン州と福島県との")
    assert not any(text.untranslated for text in pack.texts.values())
    assert [day.label("ja") for day in pack.agenda][:2] == [
        "2026年3月1日（日）",
        "2026年3月2日（月）",
    ]
    assert pack.agenda[1].label("de") == "Montag, 2. März 2026"
    german = [e.de for group in pack.glossary_de for e in group.entries]
    assert {"Wasserstoff", "Masao Uchibori", "Koriyama", "Absichtserklärung"} <= set(german)
    labels = [g.label for g in pack.glossary_ja]
    assert labels[0] == "あ行"
    assert pack.readings[next(e.id for e in pack.glossary_de[0].entries if e.de == "Ammoniak")]


def test_manifest_text_in_one_language_is_translated_or_marked(
    pack_dir: Path, glossary: Glossary
) -> None:
    manifest_path = pack_dir / "pack.toml"
    edit(manifest_path, 'item_ja = "新幹線で福島へ移動"\n', "")
    manifest = read_manifest(manifest_path, glossary=glossary)
    with TranslationMemory(":memory:") as empty:
        pack = build_pack(manifest, memory=empty, engine_for=lambda s, t: None, glossary=glossary)
    row = pack.agenda[1].rows[0]
    assert row.item.text("de") == ITEM_DE
    assert row.item.ja[0][0].untranslated  # the German text, marked, stands in for it
    assert any(i.check == "untranslated" for i in pack.manifest_issues)
    engine = FakeEngine({ITEM_DE: "新幹線で福島へ"})
    with TranslationMemory(":memory:") as empty:
        pack = build_pack(
            manifest,
            memory=empty,
            engine_for=lambda s, t: engine if (s, t) == ("de", "ja") else None,
            glossary=None,
        )
    row = pack.agenda[1].rows[0]
    assert row.item.text("ja") == "新幹線で福島へ"
    assert not row.item.untranslated


def test_qa_summary_is_for_the_preparer_only(
    pack_dir: Path, glossary: Glossary, sample_memory: TranslationMemory
) -> None:
    from toolkit.pack.html import render_pack_html
    from toolkit.resources import template_dir

    manifest = read_manifest(pack_dir / "pack.toml", glossary=glossary)
    pack = build_pack(
        manifest, memory=sample_memory, engine_for=lambda s, t: None, glossary=glossary
    )
    handout = render_pack_html(pack, template_dir=template_dir())
    preparer = render_pack_html(pack, template_dir=template_dir(), with_qa=True)
    assert "品質チェック" not in handout
    assert "品質チェック" in preparer
    assert "<script>" not in handout
    assert 'lang="ja"' in handout
