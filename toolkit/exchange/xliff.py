"""XLIFF 2.1 and 1.2: review files for translators' CAT tools (OmegaT, Trados, memoQ, Phrase).

One ``<file>`` per document (a pack gives several), one unit per segment with the segment id as
its id, the status as the state (2.1: initial/translated/reviewed/final; 1.2: state plus
state-qualifier), notes with QA issues and glossary terms, fuzzy matches as alternatives (2.1:
the Translation Candidates module ``mtc:match``; 1.2: ``alt-trans`` with ``match-quality``), and
the review id as a ``dk:review`` attribute on the file, which CAT tools carry through.

Files are built with lxml (translate-toolkit's XLIFF 2 writer puts ``<notes>`` inside
``<segment>``, which the 2.1 schema forbids) and read with translate-toolkit's safe parser: no
entities resolved, nothing fetched.

``omegat=True`` writes 1.2 the way OmegaT 3.6's XLIFF filter wants it: that filter translates
the text of ``<target>`` (it expects Okapi Rainbow's convention of a target pre-filled with the
source), so every target holds the source and the current translation goes into ``alt-trans``.
On reading, a target still equal to its source counts as untranslated.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from ..errors import ExchangeError
from ..fileio import write_bytes_atomic
from ..memory import TranslationUnit
from ..model import Document, Issue, Segment, Status
from ..review.apply import ReviewFile, ReviewRow
from ..textfile import read_xml

__all__ = ["XLIFF_VERSIONS", "read_xliff", "read_xliff_units", "write_xliff"]

XLIFF_VERSIONS = ("2.1", "1.2")
_NS2 = "urn:oasis:names:tc:xliff:document:2.0"
_NS1 = "urn:oasis:names:tc:xliff:document:1.2"
_MTC = "urn:oasis:names:tc:xliff:matches:2.0"
_DK = "https://dejakit.invalid/xliff/1"  # our extension attributes (allowed on <file>)
_STATE2: dict[Status, str] = {
    "approved": "final",
    "memory": "reviewed",
    "fuzzy": "translated",
    "machine": "translated",
    "untranslated": "initial",
}
_STATE1: dict[Status, tuple[str, str]] = {
    "approved": ("final", ""),
    "memory": ("translated", "exact-match"),
    "fuzzy": ("needs-review-translation", "fuzzy-match"),
    "machine": ("needs-review-translation", "mt-suggestion"),
    "untranslated": ("needs-translation", ""),
}


def write_xliff(
    docs: Sequence[tuple[Document, str]],
    path: Path,
    *,
    version: str = "2.1",
    issues: Sequence[Issue] = (),
    omegat: bool = False,
) -> int:
    """Write (document, review id) pairs `docs` to `path` as XLIFF; return the unit count."""
    if version not in XLIFF_VERSIONS:
        raise ExchangeError(f"{path}: XLIFF {version} is not supported; use 2.1 or 1.2")
    if not docs:
        raise ExchangeError(f"{path}: nothing to write")
    first = docs[0][0]
    source_lang, target_lang = first.source_lang, first.target_lang or "ja"
    by_segment: dict[str, list[Issue]] = {}
    for issue in issues:
        by_segment.setdefault(issue.segment_id, []).append(issue)
    if version == "2.1" and not omegat:
        root = etree.Element(
            f"{{{_NS2}}}xliff",
            nsmap={None: _NS2, "mtc": _MTC, "dk": _DK},
            version="2.1",
            srcLang=source_lang,
            trgLang=target_lang,
        )
    else:
        root = etree.Element(f"{{{_NS1}}}xliff", nsmap={None: _NS1, "dk": _DK}, version="1.2")
    count = 0
    for index, (doc, review_id) in enumerate(docs, start=1):
        if (doc.source_lang, doc.target_lang or "ja") != (source_lang, target_lang):
            raise ExchangeError(f"{path}: all documents of one XLIFF file need one direction")
        notes = by_segment if len(docs) == 1 else {}
        if root.tag == f"{{{_NS2}}}xliff":
            count += _file2(root, doc, review_id, index, notes)
        else:
            count += _file1(root, doc, review_id, target_lang, notes, omegat=omegat)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    write_bytes_atomic(path, data)
    return count


def _file2(
    root: etree._Element, doc: Document, review_id: str, index: int, issues: dict[str, list[Issue]]
) -> int:
    file = etree.SubElement(root, f"{{{_NS2}}}file", id=f"f{index}", original=doc.source_name)
    file.set(f"{{{_DK}}}review", review_id)
    count = 0
    for seg in doc.segments():
        unit = etree.SubElement(file, f"{{{_NS2}}}unit", id=seg.id)
        if seg.suggestions:
            matches = etree.SubElement(unit, f"{{{_MTC}}}matches")
            for n, s in enumerate(seg.suggestions, start=1):
                match = etree.SubElement(
                    matches,
                    f"{{{_MTC}}}match",
                    id=f"m{n}",
                    ref=f"#{seg.id}",
                    similarity=f"{s.score:.2f}",
                    type="tm",
                    origin=s.origin or "dejakit memory",
                )
                etree.SubElement(match, f"{{{_NS2}}}source").text = s.source
                etree.SubElement(match, f"{{{_NS2}}}target").text = s.target
        lines = _notes(seg, issues.get(seg.id, []))
        if lines:
            notes = etree.SubElement(unit, f"{{{_NS2}}}notes")
            for category, text in lines:
                etree.SubElement(notes, f"{{{_NS2}}}note", category=category).text = text
        segment = etree.SubElement(unit, f"{{{_NS2}}}segment", id=seg.id, state=_STATE2[seg.status])
        segment.set(f"{{{_DK}}}status", seg.status)
        etree.SubElement(segment, f"{{{_NS2}}}source").text = seg.source
        if seg.target is not None:
            etree.SubElement(segment, f"{{{_NS2}}}target").text = seg.target
        count += 1
    return count


def _file1(
    root: etree._Element,
    doc: Document,
    review_id: str,
    target_lang: str,
    issues: dict[str, list[Issue]],
    *,
    omegat: bool,
) -> int:
    file = etree.SubElement(
        root,
        f"{{{_NS1}}}file",
        original=doc.source_name or "document",
        datatype="plaintext",
        attrib={"source-language": doc.source_lang, "target-language": target_lang},
    )
    file.set(f"{{{_DK}}}review", review_id)
    header = etree.SubElement(file, f"{{{_NS1}}}header")
    etree.SubElement(
        header, f"{{{_NS1}}}tool", attrib={"tool-id": "dejakit", "tool-name": "dejakit"}
    )
    body = etree.SubElement(file, f"{{{_NS1}}}body")
    count = 0
    for seg in doc.segments():
        unit = etree.SubElement(body, f"{{{_NS1}}}trans-unit", id=seg.id)
        unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if seg.status == "approved":
            unit.set("approved", "yes")
        etree.SubElement(unit, f"{{{_NS1}}}source").text = seg.source
        state, qualifier = _STATE1[seg.status]
        if omegat or seg.target is not None:
            target = etree.SubElement(unit, f"{{{_NS1}}}target", state=state)
            target.text = seg.source if omegat else seg.target
            if qualifier:
                target.set("state-qualifier", qualifier)
        for category, text in _notes(seg, issues.get(seg.id, [])):
            etree.SubElement(
                unit, f"{{{_NS1}}}note", {"from": "dejakit"}
            ).text = f"{category}: {text}"
        alternatives = [(seg.target, 100, "dejakit " + seg.status)] if omegat and seg.target else []
        alternatives += [(s.target, s.score, s.origin or "dejakit memory") for s in seg.suggestions]
        for text, score, origin in alternatives:
            alt = etree.SubElement(
                unit, f"{{{_NS1}}}alt-trans", {"match-quality": str(score), "origin": origin}
            )
            etree.SubElement(alt, f"{{{_NS1}}}target").text = text
        count += 1
    return count


def read_xliff(path: Path) -> list[ReviewFile]:
    """Return one `ReviewFile` per ``<file>`` of the XLIFF 1.2/2.x file at `path`."""
    root = _parse(path)
    name = etree.QName(root)
    files = []
    for file in root.findall(f"{{{name.namespace}}}file"):
        review_id = file.get(f"{{{_DK}}}review") or ""
        if not review_id:
            raise ExchangeError(
                f"{path}:{file.sourceline}: <file> has no dk:review id; it was not exported by "
                "dejakit (review it with `dejakit memory import` instead)"
            )
        if name.namespace == _NS2:
            rows = [_row2(u) for u in file.iter(f"{{{_NS2}}}unit")]
        else:
            rows = [_row1(u) for u in file.iter(f"{{{_NS1}}}trans-unit")]
        files.append(ReviewFile(str(path), review_id, tuple(rows)))
    if not files:
        raise ExchangeError(f"{path}: no <file> element")
    return files


def read_xliff_units(path: Path) -> tuple[list[TranslationUnit], int]:
    """Return the translated de↔ja units of any XLIFF 1.2/2.x file and the count skipped.

    For a CAT tool's finished file (not a dejakit review): units whose target is missing, only
    a copy of the source, or in state initial/new/needs-translation are skipped. Each unit also
    serves the other direction, as a ``derived`` unit (see `read_tmx`).
    """
    root = _parse(path)
    ns = etree.QName(root).namespace
    units: list[TranslationUnit] = []
    skipped = 0
    origin = f"xliff:{path.name}"
    for file in root.findall(f"{{{ns}}}file"):
        if ns == _NS2:
            pair = (root.get("srcLang", ""), root.get("trgLang", ""))
            items = [
                (_text(s.find(f"{{{ns}}}source")), _text(s.find(f"{{{ns}}}target")), s.get("state"))
                for s in file.iter(f"{{{ns}}}segment")
            ]
        else:
            pair = (file.get("source-language", ""), file.get("target-language", ""))
            items = []
            for tu in file.iter(f"{{{ns}}}trans-unit"):
                target_el = tu.find(f"{{{ns}}}target")
                state = target_el.get("state") if target_el is not None else None
                items.append((_text(tu.find(f"{{{ns}}}source")), _text(target_el), state))
        src, tgt = (p.replace("_", "-").split("-")[0].lower() for p in pair)
        if {src, tgt} != {"de", "ja"}:
            raise ExchangeError(
                f"{path}:{file.sourceline}: languages {pair[0] or '?'}→{pair[1] or '?'}; "
                "dejakit's memory holds German–Japanese only"
            )
        for source, target, state in items:
            if not target.strip() or target.strip() == source.strip() or state in _OPEN:
                skipped += 1
                continue
            units.append(TranslationUnit(src, tgt, source, target, origin=origin))
            units.append(TranslationUnit(tgt, src, target, source, origin=origin, kind="derived"))
    return units, skipped


_OPEN = {"initial", "new", "needs-translation"}


def _parse(path: Path) -> etree._Element:
    root = read_xml(path, ExchangeError, "save it again from the CAT tool")
    name = etree.QName(root)
    if name.localname != "xliff" or name.namespace not in (_NS1, _NS2):
        raise ExchangeError(f"{path}: not an XLIFF 1.2 or 2.x file (root <{name.localname}>)")
    return root


def _row2(unit: etree._Element) -> ReviewRow:
    segment = unit.find(f"{{{_NS2}}}segment")
    if segment is None:
        return ReviewRow(unit.get("id", ""), "")
    source = _text(segment.find(f"{{{_NS2}}}source"))
    target = _text(segment.find(f"{{{_NS2}}}target"))
    state = segment.get("state", "")
    notes = [
        _text(n)
        for n in unit.findall(f"{{{_NS2}}}notes/{{{_NS2}}}note")
        if n.get("category") in ("comment", "reviewer")
    ]
    return ReviewRow(
        unit.get("id", ""),
        _untranslated_copy(source, target, final=state == "final"),
        final=state == "final" and segment.get(f"{{{_DK}}}status") != "approved",
        comment="\n".join(notes),
    )


def _row1(unit: etree._Element) -> ReviewRow:
    source = _text(unit.find(f"{{{_NS1}}}source"))
    target_el = unit.find(f"{{{_NS1}}}target")
    target = _text(target_el)
    state = target_el.get("state", "") if target_el is not None else ""
    final = unit.get("approved") == "yes" or state in ("final", "signed-off")
    notes = [_text(n) for n in unit.findall(f"{{{_NS1}}}note") if n.get("from") not in ("dejakit",)]
    return ReviewRow(
        unit.get("id", ""),
        _untranslated_copy(source, target, final=final),
        final=final,
        comment="\n".join(n for n in notes if n),
    )


def _untranslated_copy(source: str, target: str, *, final: bool) -> str:
    """Return `target`, or "" when it is only the source copied over (OmegaT, Rainbow)."""
    return "" if target.strip() == source.strip() and not final else target


def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _notes(seg: Segment, issues: Sequence[Issue]) -> list[tuple[str, str]]:
    lines = [("qa", f"{i.severity}: {i.message}") for i in issues]
    lines += [("glossary", f"{c.source} → {c.expected} ({c.status})") for c in seg.checks]
    return lines
