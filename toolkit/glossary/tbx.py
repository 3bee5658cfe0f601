"""TBX (ISO 30042) glossaries: TBX-Basic out, TBX-Basic/Default v2 and TBX v3 in.

Reading goes through translate-toolkit's safe XML parser: entities are never resolved and
nothing is fetched, so a DOCTYPE (real files carry one) or an XXE entity is harmless; the
encoding (UTF-8, UTF-16) comes from the BOM or XML declaration. Writing builds TBX-Basic
(``<martif type="TBX-Basic">``) with lxml: one ``termEntry`` per entry with German, Japanese
and English ``langSet``s. The main form is the ``preferredTerm``, variants are ``admittedTerm``,
forbidden forms ``deprecatedTerm``; short forms and abbreviations carry a ``termType``; the
Japanese reading and romaji are ``pronunciation`` and ``transliteration`` term notes; what TBX
has no category for (the dejakit type, ja_position, the context fields) rides in
``x-dejakit-*`` admin elements; the evidence is the ``source`` admin element.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast, get_args

from lxml import etree

from ..errors import ExchangeError
from ..fileio import write_bytes_atomic
from ..textfile import read_xml
from .model import CONTEXTS, ENTRY_TYPES, Entry, EntryType, JaPosition

__all__ = ["read_tbx", "write_tbx"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
_PREFERRED = "preferredTerm-admn-sts"
_ADMITTED = "admittedTerm-admn-sts"
_DEPRECATED = "deprecatedTerm-admn-sts"
_FORBIDDEN_STATUSES = {"deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated"}
_SHORT = {"shortform", "short form"}
_ABBREVIATIONS = {"abbreviation", "acronym", "initialism"}


@dataclass
class _Term:
    text: str
    status: str = ""
    term_type: str = ""
    notes: dict[str, str] = field(default_factory=dict)


def write_tbx(entries: Iterable[Entry], path: Path, *, title: str = "dejakit glossary") -> int:
    """Write `entries` as TBX-Basic with de, ja and en langSets (atomically); return the count."""
    root = etree.Element("martif", {"type": "TBX-Basic", _XML_LANG: "de"})
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title").text = title
    source = etree.SubElement(etree.SubElement(file_desc, "sourceDesc"), "p")
    source.text = "Exported by dejakit from its glossary files."
    encoding = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    count = 0
    for entry in entries:
        _write_entry(body, entry)
        count += 1
    data = etree.tostring(
        root.getroottree(),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
        doctype=_DOCTYPE,
    )
    write_bytes_atomic(path, data)
    return count


def _write_entry(body: etree._Element, entry: Entry) -> None:
    concept = etree.SubElement(body, "termEntry", id="_" + entry.id.replace(":", "-"))
    if entry.domain:
        etree.SubElement(concept, "descrip", type="subjectField").text = entry.domain
    etree.SubElement(concept, "admin", type="x-dejakit-type").text = entry.type
    if entry.ja_position:
        etree.SubElement(concept, "admin", type="x-dejakit-ja-position").text = entry.ja_position
    if entry.note:
        etree.SubElement(concept, "note").text = entry.note
    if entry.evidence:
        etree.SubElement(concept, "admin", type="source").text = entry.evidence
    if entry.context:
        etree.SubElement(concept, "admin", type="x-dejakit-context").text = entry.context
    for kind, table in (
        ("x-dejakit-context-de", entry.context_de),
        ("x-dejakit-context-ja", entry.context_ja),
    ):
        if table:
            etree.SubElement(concept, "admin", type=kind).text = "; ".join(
                f"{k}={v}" for k, v in table
            )
    if not entry.inside:
        etree.SubElement(concept, "admin", type="x-dejakit-inside").text = "false"
    pos = "properNoun" if entry.type in ("person", "organisation", "place") else "noun"
    de_abbr = entry.abbr if entry.abbr not in (entry.de, *entry.de_variants) else ""
    langs = (
        ("de", entry.de, entry.de_variants, entry.forbidden_de, entry.de_short),
        ("ja", entry.ja, entry.ja_variants, entry.forbidden_ja, entry.ja_short),
    )
    for lang, main, variants, forbidden, short in langs:
        lang_set = etree.SubElement(concept, "langSet", {_XML_LANG: lang})
        notes = {"pronunciation": entry.reading, "transliteration": entry.romaji}
        kind = "abbreviation" if lang == "de" and main == entry.abbr else ""
        _write_term(lang_set, main, pos, _PREFERRED, notes if lang == "ja" else {}, kind)
        for variant in variants:
            kind = "abbreviation" if lang == "de" and variant == entry.abbr else ""
            _write_term(lang_set, variant, pos, _ADMITTED, {}, kind)
        if short:
            _write_term(lang_set, short, pos, _ADMITTED, {}, "shortForm")
        if lang == "de" and de_abbr:
            _write_term(lang_set, de_abbr, pos, "", {}, "abbreviation")
        for form in forbidden:
            _write_term(lang_set, form, pos, _DEPRECATED, {})
    if entry.en:
        lang_set = etree.SubElement(concept, "langSet", {_XML_LANG: "en"})
        _write_term(lang_set, entry.en, pos, _PREFERRED, {})


def _write_term(
    lang_set: etree._Element,
    text: str,
    pos: str,
    status: str,
    notes: dict[str, str],
    term_type: str = "",
) -> None:
    tig = etree.SubElement(lang_set, "tig")
    etree.SubElement(tig, "term").text = text
    etree.SubElement(tig, "termNote", type="partOfSpeech").text = pos
    if term_type:
        etree.SubElement(tig, "termNote", type="termType").text = term_type
    if status:
        etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
    for kind, value in notes.items():
        if value:
            etree.SubElement(tig, "termNote", type=kind).text = value


def read_tbx(path: Path) -> tuple[list[Entry], int]:
    """Return the entries in the TBX file at `path` and how many concepts were skipped.

    A concept needs a German and a Japanese term; English is taken when present.
    """
    root = read_xml(path, ExchangeError, "export the TBX again from its tool")
    name = etree.QName(root).localname
    if name not in ("martif", "tbx"):
        raise ExchangeError(
            f"{path}:{root.sourceline}: root element is <{name}>, not <martif> or <tbx>; "
            "give a TBX file"
        )
    entries: list[Entry] = []
    skipped = 0
    for concept in root.iter("{*}termEntry", "{*}conceptEntry"):
        entry = _read_concept(concept, path, len(entries) + 1)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    return entries, skipped


def _read_concept(concept: etree._Element, path: Path, number: int) -> Entry | None:
    meta = _meta(concept)
    notes = [meta[k] for k in ("definition", "note") if meta.get(k)]
    terms: dict[str, list[_Term]] = {}
    for lang_set in concept:
        if _local(lang_set) not in ("langSet", "langSec"):
            continue
        lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").replace("_", "-")
        lang = lang.split("-")[0].lower()
        inner = _meta(lang_set)
        notes += [inner[k] for k in ("definition", "note") if inner.get(k)]
        for group in lang_set:
            if _local(group) in ("tig", "ntig", "termSec"):
                term = _read_term(group)
                if term is not None:
                    terms.setdefault(lang, []).append(term)
    de, ja = _split(terms.get("de", [])), _split(terms.get("ja", []))
    if not de.main or not ja.main:
        return None
    en = _split(terms.get("en", [])).main
    kind = meta.get("x-dejakit-type", "")
    entry_type: EntryType = "term"
    for known in ENTRY_TYPES:
        if kind == known:
            entry_type = known
    position = meta.get("x-dejakit-ja-position", "")
    main_ja = next(t for t in terms["ja"] if t.text == ja.main)
    return Entry(
        id=f"{path.stem}:{number}",
        de=de.main,
        ja=ja.main,
        en=en,
        type=entry_type,
        de_variants=tuple(de.variants),
        ja_variants=tuple(ja.variants),
        reading=main_ja.notes.get("pronunciation", ""),
        romaji=main_ja.notes.get("transliteration", "") or main_ja.notes.get("transcription", ""),
        note=" / ".join(dict.fromkeys(notes)),
        forbidden_ja=tuple(ja.forbidden),
        forbidden_de=tuple(de.forbidden),
        de_short=de.short if entry_type == "person" else "",
        ja_short=ja.short if entry_type == "person" else "",
        ja_position=cast(JaPosition, position) if position in get_args(JaPosition) else None,
        abbr=de.abbr,
        domain=meta.get("subjectField", ""),
        evidence=meta.get("source", ""),
        context=meta.get("x-dejakit-context", "")
        if meta.get("x-dejakit-context") in CONTEXTS
        else "",
        context_de=_context_table(meta.get("x-dejakit-context-de", "")),
        context_ja=_context_table(meta.get("x-dejakit-context-ja", "")),
        inside=meta.get("x-dejakit-inside", "") != "false",
        source=str(path),
        line=concept.sourceline or 0,
    )


@dataclass
class _Split:
    main: str = ""
    variants: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    short: str = ""
    abbr: str = ""


def _context_table(text: str) -> tuple[tuple[str, str], ...]:
    """Return "land=州首相; japan=首相" as pairs, keeping only known contexts."""
    pairs = (item.partition("=") for item in text.split(";"))
    return tuple((k.strip(), v.strip()) for k, _, v in pairs if k.strip() in CONTEXTS and v.strip())


def _split(terms: list[_Term]) -> _Split:
    """Sort one language's terms into main form, variants, forbidden, short form, abbreviation."""
    out = _Split()
    usable = [t for t in terms if t.status.lower() not in _FORBIDDEN_STATUSES]
    out.forbidden = [t.text for t in terms if t not in usable]
    plain = [t for t in usable if t.term_type.lower() not in _SHORT | _ABBREVIATIONS]
    preferred = [t for t in usable if t.status.lower().startswith("preferred")]
    candidates = [t for t in preferred if t in plain] or preferred or plain or usable
    if not candidates:
        return out
    main = candidates[0]
    out.main = main.text
    if main.term_type.lower() in _ABBREVIATIONS:
        out.abbr = main.text  # "TEPCO": the name is its own abbreviation
    for term in usable:
        if term is main:
            continue
        kind = term.term_type.lower()
        if kind in _SHORT and not out.short:
            out.short = term.text
            continue
        if kind in _ABBREVIATIONS and not out.abbr:
            out.abbr = term.text
            if not term.status:  # an abbreviation that is not also listed as a variant
                continue
        if term.text not in out.variants and term.text != out.main:
            out.variants.append(term.text)
    return out


def _read_term(group: etree._Element) -> _Term | None:
    node = next(group.iter("{*}term"), None)
    if node is None:
        return None
    text = " ".join(_text(node).split())
    if not text:
        return None
    term = _Term(text)
    for note in group.iter("{*}termNote"):
        kind = note.get("type", "")
        value = " ".join(_text(note).split())
        if kind == "administrativeStatus":
            term.status = value
        elif kind == "termType":
            term.term_type = value
        elif kind and value:
            term.notes.setdefault(kind, value)
    return term


def _meta(element: etree._Element) -> dict[str, str]:
    """Return the descrip/admin/note values directly on `element` (and in their groups)."""
    out: dict[str, str] = {}
    for child in element:
        name = _local(child)
        if name in ("descripGrp", "adminGrp"):
            out.update({k: v for k, v in _meta(child).items() if k not in out})
        elif name in ("descrip", "admin", "note"):
            kind = "note" if name == "note" else child.get("type", "")
            value = " ".join(_text(child).split())
            if kind and value:
                out[kind] = f"{out[kind]} / {value}" if kind in out else value
    return out


def _local(element: etree._Element) -> str:
    if not isinstance(element.tag, str):
        return ""
    return etree.QName(element).localname


def _text(element: etree._Element) -> str:
    """Return the text of `element` and its children; unresolved entities and comments add none."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
