from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import has_command
from tests.review.conftest import libreoffice_resave, translate
from toolkit import FakeEngine
from toolkit.errors import ExchangeError
from toolkit.memory import TranslationMemory
from toolkit.model import Document
from toolkit.review import export_review, import_review

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edit_with_python_docx(
    path: Path,
    edits: dict[str, str],
    comment: tuple[str, str],
    word_comment: tuple[str, str] = ("", ""),
) -> None:
    """Change the targets named in `edits`, write a comment in the column and one as a Word
    comment (Insert → Comment), as a reviewer would in Word."""
    import docx

    opened = docx.Document(str(path))
    table = opened.tables[0]
    for row in table.rows[1:]:
        seg_id = "".join(t.text or "" for t in row.cells[0]._tc.iter(f"{W}t"))
        if seg_id in edits:
            row.cells[2].text = edits[seg_id]
        if seg_id == comment[0]:
            row.cells[5].text = comment[1]
        if seg_id == word_comment[0]:
            opened.add_comment(row.cells[2].paragraphs[0].runs, word_comment[1], author="K. Sato")
    opened.save(str(path))


def three_machine_ids(doc: Document) -> list[str]:
    return [s.id for s in doc.segments() if s.status == "machine"][:3]


def round_trip(
    tmp_path: Path,
    release: Document,
    store: TranslationMemory,
    engine: FakeEngine,
    resave: bool,
) -> None:
    first = translate(release, store, engine)
    path = tmp_path / "release.review.docx"
    export_review(first, path, memory=store)
    ids = three_machine_ids(first)
    edits = {i: f"査読済みの訳文{n}。" for n, i in enumerate(ids)}
    word_comment = (ids[2], "Titel laut Protokoll: 知事")
    edit_with_python_docx(path, edits, (ids[0], "Bitte den Namen prüfen."), word_comment)
    if resave:
        path = libreoffice_resave(path, tmp_path / "lo")
    (result,) = import_review(path, memory=store, reviewer="K. Sato")
    assert [c.id for c in result.changed] == ids
    assert result.comments == ((ids[0], "Bitte den Namen prüfen."), word_comment)
    assert result.approved == 3
    second = translate(release, store, engine)
    before = {s.id: s for s in first.segments()}
    for seg in second.segments():
        if seg.id in edits:
            assert (seg.target, seg.status) == (edits[seg.id], "approved")
        else:
            assert (seg.target, seg.status) == (before[seg.id].target, before[seg.id].status)
    unit = store.lookup_units([before[ids[1]].source], "de", "ja")[before[ids[1]].source]
    assert (unit.reviewer, unit.document, unit.segment_id) == (
        "K. Sato",
        release.source_name,
        ids[1],
    )


def test_round_trip_python_docx(tmp_path, release, store, engine) -> None:
    round_trip(tmp_path, release, store, engine, resave=False)


@pytest.mark.skipif(not has_command("soffice"), reason="LibreOffice not installed")
def test_round_trip_through_libreoffice(tmp_path, release, store, engine) -> None:
    round_trip(tmp_path, release, store, engine, resave=True)


def test_ids_are_locked_and_notes_show_fuzzy_matches(tmp_path, release, store, engine) -> None:
    path = tmp_path / "r.review.docx"
    doc = translate(release, store, engine)
    export_review(doc, path, memory=store)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    first = next(doc.segments()).id
    assert f'<w:tag w:val="{first}"/><w:lock w:val="sdtContentLocked"/>' in xml
    fuzzy = next(s for s in doc.segments() if s.suggestions)
    near = fuzzy.suggestions[0]
    assert f"Fuzzy {near.score} %: {near.source} → {near.target}" in xml
    assert f"<w:t>{fuzzy.status}</w:t>" in xml


def _tracked(path: Path, seg_id: str) -> None:
    """Turn the target of `seg_id` into a pending tracked change: delete old, insert new."""
    import docx
    from docx.oxml.ns import qn

    opened = docx.Document(str(path))
    for row in opened.tables[0].rows[1:]:
        if "".join(t.text or "" for t in row.cells[0]._tc.iter(f"{W}t")) != seg_id:
            continue
        p = row.cells[2].paragraphs[0]._p
        run = p.find(qn("w:r"))
        old = run.find(qn("w:t"))
        old.tag = qn("w:delText")
        deleted = p.makeelement(qn("w:del"), {qn("w:id"): "1", qn("w:author"): "K"})
        p.remove(run)
        deleted.append(run)
        inserted = p.makeelement(qn("w:ins"), {qn("w:id"): "2", qn("w:author"): "K"})
        new_run = p.makeelement(qn("w:r"), {})
        t = new_run.makeelement(qn("w:t"), {})
        t.text = "変更後の訳文。"
        new_run.append(t)
        inserted.append(new_run)
        p.append(deleted)
        p.append(inserted)
    opened.save(str(path))


@pytest.mark.parametrize(("pending", "expected"), [("accept", 1), ("reject", 0)])
def test_pending_tracked_changes(tmp_path, release, store, engine, pending, expected) -> None:
    doc = translate(release, store, engine)
    path = tmp_path / "r.review.docx"
    export_review(doc, path, memory=store)
    seg_id = three_machine_ids(doc)[0]
    _tracked(path, seg_id)
    (result,) = import_review(path, memory=store, reviewer="K. Sato", pending=pending)
    assert result.pending == 2
    assert [c.after for c in result.changed] == ["変更後の訳文。"] * expected


def test_mismatching_ids_are_one_clear_line_and_nothing_is_written(
    tmp_path, release, store, engine
) -> None:
    import docx

    doc = translate(release, store, engine)
    path = tmp_path / "r.review.docx"
    export_review(doc, path, memory=store)
    edit_with_python_docx(path, {three_machine_ids(doc)[0]: "新しい訳。"}, ("", ""))
    opened = docx.Document(str(path))
    last = opened.tables[0].rows[-1]._tr
    table_element = last.getparent()
    assert table_element is not None
    table_element.remove(last)  # a reviewer deleted a row
    opened.save(str(path))
    versions = len(list(store.versions()))
    with pytest.raises(ExchangeError, match=r"segment ids don't match .* \(missing: b\d+\.s\d+\)"):
        import_review(path, memory=store, reviewer="K. Sato")
    assert len(list(store.versions())) == versions


def test_review_from_another_memory_is_refused(tmp_path, release, store, engine) -> None:
    doc = translate(release, store, engine)
    path = tmp_path / "r.review.docx"
    export_review(doc, path, memory=store)
    with (
        TranslationMemory(tmp_path / "other.sqlite") as other,
        pytest.raises(ExchangeError, match="was not exported from the memory"),
    ):
        import_review(path, memory=other, reviewer="K. Sato")


def test_typed_approval_confirms_an_unchanged_target(tmp_path, release, store, engine) -> None:
    import docx

    doc = translate(release, store, engine)
    path = tmp_path / "r.review.docx"
    export_review(doc, path, memory=store)
    opened = docx.Document(str(path))
    opened.tables[0].rows[3].cells[3].text = "freigegeben"
    opened.save(str(path))
    (result,) = import_review(path, memory=store, reviewer="K. Sato")
    assert (len(result.changed), len(result.confirmed)) == (0, 1)


def test_files_that_are_not_review_files(tmp_path, store) -> None:
    import docx

    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip")
    with pytest.raises(ExchangeError, match="not a Word file dejakit can read"):
        import_review(fake, memory=store, reviewer="K. Sato")
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(ExchangeError, match=r"no dejakit review id \(dk-…\)"):
        import_review(plain, memory=store, reviewer="K. Sato")


def test_a_target_typed_over_two_lines_is_one_segment(tmp_path, release, store, engine) -> None:
    doc = translate(release, store, engine)
    path = tmp_path / "r.review.docx"
    export_review(doc, path, memory=store)
    seg_id = three_machine_ids(doc)[0]
    edit_with_python_docx(path, {seg_id: "前半の訳、\n後半の訳。"}, ("", ""))
    (result,) = import_review(path, memory=store, reviewer="K. Sato")
    assert [c.after for c in result.changed] == ["前半の訳、後半の訳。"]
