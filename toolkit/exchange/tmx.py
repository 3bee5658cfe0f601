"""TMX 1.4b translation memories, read with translate-toolkit's safe XML parser.

Real TMX files carry DOCTYPEs, may be UTF-16, use ``xml:lang`` (TMX 1.4) or ``lang`` (1.1),
region subtags (``de-DE``) and inline codes (``<bpt>``, ``<ph>``) around formatting. Entities are
never resolved and nothing is fetched from the network. Inline codes are dropped: the memory holds
plain text. Writing goes through translate-toolkit's `tmxfile`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..errors import ExchangeError
from ..fileio import write_bytes_atomic
from ..memory import TranslationUnit, UnitKind, utc_now
from ..textfile import read_xml

__all__ = ["TMX_LANGS", "read_tmx", "write_tmx"]

TMX_LANGS = ("de", "ja")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = {"bpt", "ept", "ph", "it", "ut"}  # inline codes: markup of the original file, not text


def read_tmx(path: Path) -> tuple[list[TranslationUnit], int]:
    """Return the de↔ja units in the TMX file at `path` (both directions) and the count skipped.

    Every translation unit with a German and a Japanese variant gives a de→ja and a ja→de unit:
    an approved pair serves both directions.
    """
    root = read_xml(path, ExchangeError, "export the TMX again from its tool")
    if etree.QName(root).localname != "tmx":
        raise ExchangeError(
            f"{path}:{root.sourceline}: root element is <{etree.QName(root).localname}>, "
            "not <tmx>; give a TMX file"
        )
    origin = f"tmx:{path.name}"
    header = root.find("{*}header")
    file_src = _lang_code(header.get("srclang", "")) if header is not None else ""
    units: list[TranslationUnit] = []
    skipped = 0
    for tu in root.iter("{*}tu"):
        variants: dict[str, str] = {}
        for tuv in tu.iter("{*}tuv"):
            lang = _lang_code(tuv.get(_XML_LANG) or tuv.get("lang") or "")
            seg = tuv.find("{*}seg")
            if lang in TMX_LANGS and seg is not None:
                text = _seg_text(seg).strip()
                if text:
                    variants.setdefault(lang, text)
        if len(variants) < 2:
            skipped += 1
            continue
        written = _lang_code(tu.get("srclang", "")) or file_src
        props = {p.get("type", ""): (p.text or "").strip() for p in tu.findall("{*}prop")}
        stamp = tu.get("changedate") or tu.get("creationdate") or ""
        # Our own export keeps a person's approval (who and when) across machines.
        approved = props.get("x-dejakit-kind") == "approved" and bool(tu.get("creationid"))
        for src, tgt in (("de", "ja"), ("ja", "de")):
            kind: UnitKind = "imported"
            if approved:
                kind = "approved"
            elif written in TMX_LANGS and written != src:
                kind = "derived"  # read the other way round: never beats a unit written so
            elif props.get("x-dejakit-kind") == "derived":
                kind = "derived"  # our export of a derived unit stays derived
            units.append(
                TranslationUnit(
                    src,
                    tgt,
                    variants[src],
                    variants[tgt],
                    origin=props.get("x-dejakit-origin") or origin,
                    updated_at=stamp,
                    kind=kind,
                    reviewer=(tu.get("changeid") or tu.get("creationid") or "") if approved else "",
                    document=props.get("x-dejakit-document", ""),
                    segment_id=props.get("x-dejakit-segment", ""),
                )
            )
    return units, skipped


def write_tmx(units: Iterable[TranslationUnit], path: Path, *, source_lang: str = "de") -> int:
    """Write `units` to `path` as TMX 1.4b (atomically) and return how many were written.

    The header names dejakit and its version; each unit carries its dates from the memory
    (``creationdate`` = when it was approved or first dated, ``changedate`` = its last change),
    ``creationid`` = the reviewer, and its provenance as ``x-dejakit-*`` properties.
    """
    from translate.storage import tmx

    from ..version import __version__

    store = tmx.tmxfile(sourcelanguage=source_lang)
    count = 0
    now = _tmx_date(utc_now())
    for unit in units:
        store.addtranslation(unit.source, unit.source_lang, unit.target, unit.target_lang)
        element = store.units[-1].xmlelement
        changed = _tmx_date(unit.updated_at) or _tmx_date(unit.created_at) or now
        created = min(x for x in (_tmx_date(unit.created_at), changed) if x)
        element.set("creationdate", created)
        element.set("changedate", changed)
        element.set("creationtool", "dejakit")
        element.set("creationtoolversion", __version__)
        if unit.reviewer:
            element.set("creationid", unit.reviewer)
            element.set("changeid", unit.reviewer)
        props = {
            "x-dejakit-origin": unit.origin,
            "x-dejakit-kind": unit.kind,
            "x-dejakit-document": unit.document,
            "x-dejakit-segment": unit.segment_id,
        }
        for position, (name, value) in enumerate((k, v) for k, v in props.items() if v):
            prop = etree.Element("prop", type=name)
            prop.text = value
            element.insert(position, prop)
        count += 1
    header = store.document.getroot().find("{*}header")
    if header is not None:
        header.attrib.update(
            {
                "creationtool": "dejakit",
                "creationtoolversion": __version__,
                "segtype": "sentence",
                "o-tmf": "dejakit",
                "adminlang": "en",
                "srclang": source_lang,
                "datatype": "plaintext",
                "creationdate": now,
            }
        )
    buffer = io.BytesIO()
    store.serialize(buffer)
    write_bytes_atomic(path, buffer.getvalue())
    return count


def _lang_code(value: str) -> str:
    return value.replace("_", "-").split("-")[0].lower()


def _seg_text(seg: etree._Element) -> str:
    """Return the text of a ``<seg>``: text and ``<hi>`` content, without inline codes."""
    parts = [seg.text or ""]
    for child in seg:
        if not isinstance(child.tag, str):  # comment, processing instruction, unresolved entity
            parts.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name not in _CODES and name != "sub":
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tmx_date(iso: str) -> str:
    """Return an ISO timestamp in TMX's ``YYYYMMDDThhmmssZ`` form ("" if it can't be read)."""
    if not iso:
        return ""
    try:
        stamp = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso if len(iso) == 16 and iso.endswith("Z") else ""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
