from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from toolkit.errors import IngestError
from toolkit.ingest import read_document
from toolkit.ingest.mou import read_mou
from toolkit.model import BlockKind

MOU = SAMPLES / "mou-nrw-fukushima-2026.toml"
APPROVED = SAMPLES / "approved" / "mou-nrw-fukushima-2026.ja.toml"


def test_sample_mou_becomes_a_document_field_by_field() -> None:
    mou = read_mou(MOU)
    doc = mou.document
    assert doc.source_lang == "de"
    assert doc.title.startswith("Erweiterte Absichtserklärung zwischen dem Land")
    assert mou.signed == dt.date(2026, 3, 2)
    assert mou.until() == dt.date(2029, 3, 1)
    parties = mou.blocks(doc, "parties")
    assert [b.kind for b in parties] == [BlockKind.LIST_ITEM] * 2
    signatory = mou.blocks(doc, "signatory")[0]
    assert [s.source for s in signatory.segments] == [
        "Mona Neubaur",
        "Ministerin für Wirtschaft, Industrie, Klimaschutz und Energie des Landes "
        "Nordrhein-Westfalen",
    ]
    assert signatory.segments[0].space_after == "\n"
    assert len(mou.blocks(doc, "measures")) == 4
    assert mou.blocks(doc, "funding")[0].segments[0].source.endswith("bereit.")


def test_read_document_reads_an_mou_summary() -> None:
    doc = read_document(MOU)
    assert doc == read_mou(MOU).document


def test_approved_translation_aligns_sentence_by_sentence() -> None:
    source, target = read_mou(MOU).document, read_mou(APPROVED).document
    assert target.source_lang == "ja"
    assert [len(b.segments) for b in source.blocks] == [len(b.segments) for b in target.blocks]


def test_term_without_end_date_runs_to_the_day_before_the_anniversary(tmp_path: Path) -> None:
    path = tmp_path / "mou.toml"
    text = MOU.read_text(encoding="utf-8").replace("valid_until = 2029-03-01\n", "")
    path.write_text(text.replace("term_years = 3", "term_years = 2"), encoding="utf-8")
    assert read_mou(path).until() == dt.date(2028, 3, 1)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("[mou]", "[memo]", "unknown table 'memo'; use one of mou"),
        ("signed = 2026-03-02", 'signed = "2. März 2026"', "signed = '2. März 2026' is not a date"),
        ("term_years = 3", "term_years = 0", "term_years must be a whole number from 1 to 50"),
        ("bodies = [", "bodys = [", "unknown key 'bodys'; did you mean 'bodies'?"),
        ('place = "Stadt Fukushima"', 'place = "福島市"', "place is not written in de"),
        ("[[mou.signatory]]", "[[mou.signatories]]", "did you mean 'signatory'?"),
    ],
)
def test_mou_problems_name_file_and_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    path = tmp_path / "mou.toml"
    text = MOU.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_mou(path)
    message = str(info.value)
    assert message.startswith(f"{path}:")
    assert expected in message


def test_a_toml_file_that_is_no_mou_summary() -> None:
    with pytest.raises(
        IngestError, match=r"energy\.toml:1: not an MoU summary \(no \[mou\] table\)"
    ):
        read_document(SAMPLES.parent / "glossaries" / "energy.toml")
