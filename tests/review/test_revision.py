from __future__ import annotations

from dataclasses import replace

from tests.review.conftest import translate
from toolkit.model import Document
from toolkit.review import compare_with_review, export_review, import_review


def revise(doc: Document) -> Document:
    """Change one sentence and append a new paragraph, as a revised release would."""
    blocks = list(doc.blocks)
    para = next(i for i, b in enumerate(blocks) if len(b.segments) > 1)
    seg = replace(blocks[para].segments[0], source="Die Delegation blieb zehn Tage in NRW.")
    blocks[para] = replace(blocks[para], segments=(seg, *blocks[para].segments[1:]))
    extra = replace(blocks[para], id="b99", segments=(replace(seg, id="b99.s1", source="Neu."),))
    return replace(doc, blocks=(*blocks, extra), source_name="release-v2.txt")


def test_revised_release_sends_only_new_and_changed_segments(
    tmp_path, release, store, engine
) -> None:
    first = translate(release, store, engine)
    path = tmp_path / "r.review.docx"
    export_review(first, path, memory=store)
    import_review(path, memory=store, reviewer="K. Sato")
    same = compare_with_review(first, store)
    assert same is not None
    total = sum(1 for _ in first.segments())
    assert same.summary().endswith(f"0 changed, 0 new, 0 removed, {total} unchanged segments")
    engine.calls.clear()
    second = translate(revise(release), store, engine)
    assert engine.calls == [["Die Delegation blieb zehn Tage in NRW.", "Neu."]]
    assert second.meta["engine_segments"] == "2"
    report = compare_with_review(second, store)
    assert report is not None
    assert (len(report.changed), report.new, report.removed) == (1, ("b99.s1",), 0)
    assert report.reviewer == "K. Sato"
