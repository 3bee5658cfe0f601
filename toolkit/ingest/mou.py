"""MoU summaries: a structured TOML file -> a `Document` the normal pipeline translates.

An MoU summary holds the parties, signatories, date and place of signing, term, fields of
cooperation, implementing bodies, planned measures, funding and contact points (format by
example: ``samples/mou-nrw-fukushima-2026.toml``). Every text field becomes one or more blocks
of a `Document`, so memory, cache, engine, glossary and QA treat it like any release; `Mou.layout`
remembers which blocks hold which field, for the one-page fact sheet. Dates and the term are
not translated but written in each language's own form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import IngestError
from ..japanese import has_japanese
from ..model import LANGS, Block, BlockKind, Document, Lang, Segment
from ..segment import segment_text
from ..tomlfile import Problems, Table, read_toml, top_table
from .press import join_lines

__all__ = ["FIELDS", "Mou", "read_mou", "read_mou_document"]

# Fact-sheet order: (key, block kind, is a list)
FIELDS: tuple[tuple[str, BlockKind, bool], ...] = (
    ("title", BlockKind.TITLE, False),
    ("summary", BlockKind.SUBTITLE, False),
    ("parties", BlockKind.LIST_ITEM, True),
    ("signatory", BlockKind.PARAGRAPH, True),
    ("place", BlockKind.PARAGRAPH, False),
    ("renews", BlockKind.PARAGRAPH, False),
    ("fields", BlockKind.LIST_ITEM, True),
    ("bodies", BlockKind.LIST_ITEM, True),
    ("measures", BlockKind.LIST_ITEM, True),
    ("funding", BlockKind.PARAGRAPH, False),
    ("contact", BlockKind.CONTACT, True),
)
_KEYS = (
    "lang",
    "title",
    "summary",
    "signed",
    "place",
    "term_years",
    "valid_until",
    "renews",
    "parties",
    "fields",
    "bodies",
    "measures",
    "funding",
)


@dataclass(frozen=True)
class Mou:
    """An MoU summary: its dates and term, and its text as a `Document` to translate."""

    path: Path
    signed: dt.date
    term_years: int | None
    valid_until: dt.date | None
    document: Document
    layout: Mapping[str, tuple[str, ...]]  # field key -> the ids of the blocks that hold it

    def blocks(self, doc: Document, key: str) -> list[Block]:
        """Return the blocks of field `key` in `doc` (the MoU's document, translated or not)."""
        ids = self.layout.get(key, ())
        by_id = {b.id: b for b in doc.blocks}
        return [by_id[i] for i in ids if i in by_id]

    def until(self) -> dt.date | None:
        """Return the last day of the term: `valid_until`, or the day before the anniversary."""
        if self.valid_until is not None or self.term_years is None:
            return self.valid_until
        try:
            anniversary = self.signed.replace(year=self.signed.year + self.term_years)
        except ValueError:  # signed on 29 February
            anniversary = dt.date(self.signed.year + self.term_years, 3, 1)
        return anniversary - dt.timedelta(days=1)


def read_mou_document(path: Path, *, lang: Lang | None = None) -> Document:
    """Return the text of the MoU summary at `path` as a `Document` (for `read_document`)."""
    return read_mou(path, lang=lang).document


def read_mou(path: Path, *, lang: Lang | None = None) -> Mou:
    """Return the MoU summary at `path`, raising IngestError with file:line for each problem."""
    file = read_toml(path, IngestError, "MoU summary")
    problems = Problems(path)
    top = top_table(file, problems)
    top.check_keys((), ("mou",))
    table = top.table("mou")
    if table is None:
        raise IngestError(
            f"{path}:1: not an MoU summary (no [mou] table); dejakit reads .toml inputs as MoU "
            "summaries, see samples/mou-nrw-fukushima-2026.toml"
        )
    table.check_keys(_KEYS, ("signatory", "contact"))
    title = table.text("title", required=True)
    given = table.text("lang")
    if given is not None and given not in LANGS:
        table.problem("lang", f'lang = {given!r} is not a language; write lang = "de" or "ja"')
    doc_lang: Lang = lang or (
        given if given in LANGS else "ja" if title and has_japanese(title) else "de"
    )
    signed = table.date("signed", required=True)
    valid_until = table.date("valid_until")
    term_years = table.integer("term_years", low=1, high=50)
    if signed and valid_until and valid_until <= signed:
        table.problem("valid_until", f"valid_until {valid_until} is not after signed {signed}")
    parties = table.strings("parties", required=True) or ()
    if table.has("parties") and len(parties) < 2:
        table.problem("parties", 'an MoU has at least two parties; write parties = ["…", "…"]')
    texts = _field_texts(table)
    _check_language(table, texts, doc_lang)
    problems.raise_if_any(IngestError)
    assert signed is not None
    document, layout = _document(path, texts, doc_lang, signed)
    return Mou(path, signed, term_years, valid_until, document, layout)


def _field_texts(table: Table) -> dict[str, list[list[str]]]:
    """Return the text of each field: a list of blocks, each a list of lines."""
    texts: dict[str, list[list[str]]] = {}
    for key, _, many in FIELDS:
        if key == "signatory":
            texts[key] = [
                _lines(t, ("name", "function"), required=True)
                for t in table.tables(key, "[[mou.signatory]]")
            ]
        elif key == "contact":
            texts[key] = [
                _lines(t, ("lines",), required=True) for t in table.tables(key, "[[mou.contact]]")
            ]
        elif many:
            texts[key] = [[item] for item in table.strings(key) or ()]
        else:
            value = table.text(key)
            texts[key] = [[value]] if value else []
    return texts


def _check_language(table: Table, texts: dict[str, list[list[str]]], doc_lang: Lang) -> None:
    """Note every field not written in `doc_lang`."""
    title = texts["title"][0][0] if texts["title"] else None
    for key, fields in texts.items():
        # A Japanese field may hold Latin names (NRW.Energy4Climate); German never holds kana.
        mixed = doc_lang == "de" and any(has_japanese(line) for lines in fields for line in lines)
        if mixed or (doc_lang == "ja" and key == "title" and title and not has_japanese(title)):
            table.problem(
                key if table.has(key) else "",
                f"{key} is not written in {doc_lang}; write every field in the language "
                f'lang names (lang = "{doc_lang}"), or fix lang',
            )


def _document(
    path: Path, texts: dict[str, list[list[str]]], doc_lang: Lang, signed: dt.date
) -> tuple[Document, dict[str, tuple[str, ...]]]:
    """Return the MoU's document, one block per field text in fact-sheet order, and its layout."""
    blocks: list[Block] = []
    layout: dict[str, tuple[str, ...]] = {}
    for key, kind, _ in FIELDS:
        ids: list[str] = []
        for lines in texts[key]:
            block_id = f"b{len(blocks) + 1}"
            blocks.append(Block(block_id, kind, _segments(lines, doc_lang, block_id)))
            ids.append(block_id)
        layout[key] = tuple(ids)
    document = Document(
        source_lang=doc_lang,
        blocks=tuple(blocks),
        title=texts["title"][0][0],
        date=signed,
        source_name=str(path),
    )
    return document, layout


def _lines(table: Table, keys: tuple[str, ...], *, required: bool) -> list[str]:
    """Return the text lines of a signatory (name, function) or contact (lines) table."""
    table.check_keys(keys)
    out: list[str] = []
    for key in keys:
        if key == "lines":
            out.extend(table.strings(key, required=required) or ())
        else:
            value = table.text(key, required=required)
            if value:
                out.append(value)
    return out


def _segments(lines: list[str], lang: Lang, block_id: str) -> tuple[Segment, ...]:
    """Return the segments of a field: sentences of each line, line breaks kept between lines."""
    segments: list[Segment] = []
    for i, line in enumerate(lines):
        text = join_lines(line.splitlines(), lang)
        pieces = segment_text(text, lang, block_id)
        for j, seg in enumerate(pieces):
            last_of_line = j == len(pieces) - 1
            space = "\n" if last_of_line and i < len(lines) - 1 else seg.space_after
            if last_of_line and i == len(lines) - 1:
                space = ""
            segments.append(replace(seg, id=f"{block_id}.s{len(segments) + 1}", space_after=space))
    return tuple(segments)
