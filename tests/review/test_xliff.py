from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import has_command
from tests.review.conftest import translate
from toolkit.errors import ExchangeError
from toolkit.exchange import write_tmx
from toolkit.exchange.xliff import read_xliff
from toolkit.memory import TranslationUnit
from toolkit.model import Document, Issue
from toolkit.review import export_review, import_review

NS = {
    "x2": "urn:oasis:names:tc:xliff:document:2.0",
    "x1": "urn:oasis:names:tc:xliff:document:1.2",
    "mtc": "urn:oasis:names:tc:xliff:matches:2.0",
}


def edit_targets(path: Path, edits: dict[str, str]) -> None:
    """Set the targets of the units named in `edits`, as a CAT tool would save them."""
    tree = etree.parse(str(path))
    for seg_id, text in edits.items():
        (target,) = tree.xpath(
            f"//x2:unit[@id='{seg_id}']/x2:segment/x2:target"
            f"|//x1:trans-unit[@id='{seg_id}']/x1:target",
            namespaces=NS,
        )
        target.text = text
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def check_second_run(first: Document, second: Document, edits: dict[str, str]) -> None:
    before = {s.id: s for s in first.segments()}
    for seg in second.segments():
        if seg.id in edits:
            assert (seg.target, seg.status) == (edits[seg.id], "approved")
        else:
            assert (seg.target, seg.status) == (before[seg.id].target, before[seg.id].status)


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_round_trip(tmp_path, release, store, engine, version) -> None:
    first = translate(release, store, engine)
    path = tmp_path / "release.xlf"
    export_review(first, path, memory=store, xliff_version=version)
    ids = [s.id for s in first.segments() if s.status == "machine"][:3]
    edits = {i: f"CATで修正した訳{n}。" for n, i in enumerate(ids)}
    edit_targets(path, edits)
    (result,) = import_review(path, memory=store, reviewer="T. Translator")
    assert [c.id for c in result.changed] == ids
    check_second_run(first, translate(release, store, engine), edits)


def test_xliff21_states_notes_and_fuzzy_alternatives(tmp_path, release, store, engine) -> None:
    store.add([TranslationUnit("de", "ja", "Pressekontakte", "報道関係お問い合わせ先")])
    doc = translate(release, store, engine)
    path = tmp_path / "r.xlf"
    first = next(doc.segments()).id
    issue = Issue(first, "term", "functional", "„Wasserstoff“ muss 水素 heißen")
    export_review(doc, path, memory=store, issues=[issue])
    tree = etree.parse(str(path))
    root = tree.getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "de", "ja")
    states = {
        u.get("id"): u.xpath("string(x2:segment/@state)", namespaces=NS)
        for u in tree.iterfind(".//x2:unit", NS)
    }
    by_status = {s.id: s.status for s in doc.segments()}
    assert {states[i] for i, st in by_status.items() if st == "memory"} == {"reviewed"}
    assert {states[i] for i, st in by_status.items() if st == "machine"} == {"translated"}
    fuzzy = [s for s in doc.segments() if s.suggestions]
    assert fuzzy, "the sample has a near match for Pressekontakt"
    match = tree.find(f".//x2:unit[@id='{fuzzy[0].id}']/mtc:matches/mtc:match", NS)
    assert match is not None
    assert float(match.get("similarity", "")) == fuzzy[0].suggestions[0].score
    note = tree.find(f".//x2:unit[@id='{first}']/x2:notes/x2:note[@category='qa']", NS)
    assert note is not None
    assert note.text == "functional: „Wasserstoff“ muss 水素 heißen"
    # notes belong to the unit, never to the segment (XLIFF 2.1 schema)
    assert tree.find(".//x2:segment/x2:notes", NS) is None


def test_a_pack_goes_into_one_file(tmp_path, release, store, engine, sample) -> None:
    from toolkit import read_document

    other = read_document(sample("pm-wasserstoff-de.txt"))
    docs = [translate(release, store, engine), translate(other, store, engine)]
    path = tmp_path / "pack.xlf"
    ids = export_review(docs, path, memory=store, xliff_version="1.2")
    assert [f.review_id for f in read_xliff(path)] == ids
    results = import_review(path, memory=store, reviewer="T. Translator")
    assert [r.document for r in results] == [d.source_name for d in docs]


def test_foreign_xliff_is_refused(tmp_path) -> None:
    path = tmp_path / "x.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de">'
        '<file id="f1"><unit id="u1"><segment><source>a</source></segment></unit></file></xliff>'
    )
    with pytest.raises(ExchangeError, match="no dk:review id"):
        read_xliff(path)


OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0">
  <source_dir>__DEFAULT__</source_dir><source_dir_excludes><mask>**/.svn/**</mask>
  </source_dir_excludes><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>
  <glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file>
  <dictionary_dir>__DEFAULT__</dictionary_dir>
  <source_lang>de</source_lang><target_lang>ja</target_lang>
  <source_tok>org.omegat.tokenizer.LuceneGermanTokenizer</source_tok>
  <target_tok>org.omegat.tokenizer.LuceneCJKTokenizer</target_tok>
  <sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations>
  <remove_tags>false</remove_tags>
</project></omegat>
"""


@pytest.mark.skipif(not has_command("omegat"), reason="OmegaT not installed")
def test_round_trip_through_omegat(tmp_path, release, store, engine) -> None:
    """OmegaT 3.6 console mode: our XLIFF 1.2 as source, our TMX as its memory (tm/auto)."""
    first = translate(release, store, engine)
    project = tmp_path / "omegat"
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT)
    export_review(first, project / "source" / "release.xlf", memory=store, omegat=True)
    # The translator's memory: what the memory serves, plus three corrections made in OmegaT.
    machine = [s for s in first.segments() if s.status == "machine"][:3]
    edits = {s.id: f"OmegaTで確定した訳{n}。" for n, s in enumerate(machine)}
    units = list(store.units("de", "ja"))
    units += [TranslationUnit("de", "ja", s.source, edits[s.id]) for s in machine]
    write_tmx(units, project / "tm" / "auto" / "dejakit.tmx")
    done = subprocess.run(
        [
            shutil.which("omegat") or "omegat",
            "--mode=console-translate",
            f"--config-dir={tmp_path / 'omegat-config'}",
            "--disable-project-locking",
            "--no-team",
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    translated = project / "target" / "release.xlf"
    assert translated.exists(), done.stdout[-2000:]
    (result,) = import_review(translated, memory=store, reviewer="O. Megat")
    assert sorted(c.id for c in result.changed) == sorted(edits)
    check_second_run(first, translate(release, store, engine), edits)


def test_a_pack_in_both_directions_gives_one_file_per_direction(
    tmp_path, release, store, engine, sample
) -> None:
    from toolkit import read_document, translate_document
    from toolkit.review import export_pack_review

    ja = read_document(sample("pr-fukushima-ja.txt"))
    docs = [
        translate(release, store, engine),
        translate_document(ja, target_lang="de", memory=store, engine=engine),
    ]
    written = export_pack_review(docs, tmp_path / "pack.xlf", memory=store)
    assert [p.name for p in written] == ["pack.de-ja.xlf", "pack.ja-de.xlf"]
    root = etree.parse(str(written[1])).getroot()
    assert (root.get("srcLang"), root.get("trgLang")) == ("ja", "de")
