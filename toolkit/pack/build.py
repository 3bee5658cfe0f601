"""build_pack(): read, translate and check everything a manifest names, into a `Pack`.

Each document and MoU summary goes through the normal pipeline (memory first, then the engine
when one is given, held to the glossary; what neither translates stays marked), and so do the
manifest's own texts given in one language only (an agenda item written only in German). QA
runs on all of it. Nothing is written here: `write_pack` renders the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from ..engines.base import Engine
from ..errors import IngestError, PackError
from ..glossary import find_terms, scan_document
from ..glossary.model import Entry, Glossary
from ..ingest import read_document
from ..ingest.mou import read_mou
from ..memory import TranslationMemory
from ..model import Block, BlockKind, Document, Issue, Lang
from ..pipeline import translate_document
from ..qa import check_document
from ..render import without_furniture
from ..render.view import Run, build_rows
from ..segment import segment_text
from .content import Bilingual, Pack, Runs, Section, agenda_rows, paragraphs, plain
from .index import group_de, group_ja
from .manifest import Manifest, Source, Text
from .names import Name

__all__ = ["EngineFor", "Step", "build_pack", "translate_mou", "translate_section"]

LOGGER = logging.getLogger(__name__)

EngineFor = Callable[[Lang, Lang], Engine | None]  # (source, target) -> engine or None
Step = Callable[[str], None]  # called with a label after each step of the build


def build_pack(
    manifest: Manifest,
    *,
    memory: TranslationMemory | None,
    engine_for: EngineFor,
    glossary: Glossary | None,
    step: Step | None = None,
) -> Pack:
    """Return the pack `manifest` describes, every text translated as far as possible."""
    done = step or (lambda _label: None)
    sections: list[Section] = []
    counters = {"document": 0, "mou": 0}
    for source in manifest.sources:
        counters[source.kind] += 1
        anchor = f"{'doc' if source.kind == 'document' else 'mou'}-{counters[source.kind]}"
        sections.append(
            translate_section(
                source, anchor, memory=memory, engine_for=engine_for, glossary=glossary
            )
        )
        done(source.path.name)
    texts, manifest_doc, manifest_issues = _manifest_texts(
        manifest, memory=memory, engine_for=engine_for, glossary=glossary
    )
    done("manifest texts")
    entries = _used_entries(manifest, texts, sections, glossary) if glossary else []
    glossary_ja, readings = group_ja(entries)
    return Pack(
        manifest=manifest,
        texts=texts,
        agenda=agenda_rows(manifest, texts),
        sections=tuple(sections),
        glossary_de=group_de(entries),
        glossary_ja=glossary_ja,
        readings=readings,
        manifest_doc=manifest_doc,
        manifest_issues=tuple(manifest_issues),
    )


def translate_mou(
    path: Path,
    target_lang: Lang | None,
    *,
    memory: TranslationMemory | None,
    engine_for: EngineFor,
    glossary: Glossary | None,
) -> Section:
    """Return the MoU summary at `path` translated and checked, for its fact sheet.

    `target_lang` None: the other language than the summary's.
    """
    item = Source(path, "mou", None, target_lang, 0, path)
    return translate_section(item, "mou-1", memory=memory, engine_for=engine_for, glossary=glossary)


def translate_section(
    source: Source,
    anchor: str,
    *,
    memory: TranslationMemory | None,
    engine_for: EngineFor,
    glossary: Glossary | None,
) -> Section:
    """Return the translated, checked section for one document or MoU summary."""
    try:
        mou = read_mou(source.path, lang=source.source_lang) if source.kind == "mou" else None
        doc = mou.document if mou else read_document(source.path, lang=source.source_lang)
    except IngestError as exc:
        if not source.line:  # not named by a manifest (dejakit mou)
            raise
        raise PackError(f"{source.where}: {exc}") from None
    doc = without_furniture(doc)  # a briefing pack prints no site furniture
    target: Lang = source.target_lang or ("ja" if doc.source_lang == "de" else "de")
    if target == doc.source_lang:
        raise PackError(
            f"{source.where}: {source.path.name} is already in {target}; "
            f'remove to = "{target}" or write to = "{"ja" if target == "de" else "de"}"'
        )
    translated = translate_document(
        doc,
        target_lang=target,
        memory=memory,
        engine=engine_for(doc.source_lang, target),
        glossary=glossary,
    )
    issues = tuple(check_document(translated, glossary=glossary))
    return Section(
        kind=source.kind,
        anchor=anchor,
        title=_title(translated),
        doc=translated,
        issues=issues,
        mou=replace(mou, document=translated) if mou else None,
    )


def _title(doc: Document) -> Bilingual:
    """Return the document's title in both languages (the TITLE block, source and target)."""
    rows = [r for r in build_rows(doc) if r.kind is BlockKind.TITLE][:1]
    target_lang: Lang = doc.target_lang or doc.source_lang
    if not rows:
        name = Path(doc.source_name).stem
        runs: Runs = (Run(name),)
        return Bilingual((runs,), (runs,))
    sides = {doc.source_lang: (rows[0].source,), target_lang: (rows[0].target,)}
    return Bilingual(sides["de"], sides["ja"])


def _manifest_texts(
    manifest: Manifest,
    *,
    memory: TranslationMemory | None,
    engine_for: EngineFor,
    glossary: Glossary | None,
) -> tuple[dict[str, Bilingual], Document | None, list[Issue]]:
    """Return the manifest's texts in both languages, translating sides it leaves out."""
    fields: dict[str, Text | None] = {
        "title": manifest.pack.title,
        "subtitle": manifest.pack.subtitle,
        "classification": manifest.pack.classification,
        "note": manifest.pack.note,
        "who": manifest.delegation.who,
    }
    for index, item in enumerate(manifest.agenda):
        fields[f"agenda.{index}.item"] = item.item
        fields[f"agenda.{index}.note"] = item.note
    texts: dict[str, Bilingual] = {}
    pending: dict[Lang, dict[str, Text]] = {"de": {}, "ja": {}}
    for key, text in fields.items():
        if text is None:
            continue
        if text.de is not None and text.ja is not None:
            texts[key] = plain(text.de, text.ja)
        else:
            pending[text.given()][key] = text
    issues: list[Issue] = []
    docs: list[Document] = []
    for lang, items in pending.items():
        if not items:
            continue
        target: Lang = "ja" if lang == "de" else "de"
        doc, keys = _texts_document(manifest.path, lang, items)
        translated = translate_document(
            doc,
            target_lang=target,
            memory=memory,
            engine=engine_for(lang, target),
            glossary=glossary,
        )
        rows = {r.block_id: r for r in build_rows(translated)}
        for key, block_ids in keys.items():
            source = tuple(rows[b].source for b in block_ids)
            target_runs = tuple(rows[b].target for b in block_ids)
            texts[key] = (
                Bilingual(source, target_runs) if lang == "de" else Bilingual(target_runs, source)
            )
        for issue in check_document(translated, glossary=glossary):
            line = next(
                items[k].line for k, ids in keys.items() if issue.segment_id.split(".")[0] in ids
            )
            issues.append(replace(issue, segment_id=f"line {line}"))
        docs.append(translated)
    return texts, (docs[0] if docs else None), issues


def _texts_document(
    path: Path, lang: Lang, items: dict[str, Text]
) -> tuple[Document, dict[str, list[str]]]:
    """Return one document holding the paragraphs of `items`, and the block ids of each."""
    blocks: list[Block] = []
    keys: dict[str, list[str]] = {}
    for key, text in items.items():
        for para in paragraphs((text.de if lang == "de" else text.ja) or "", lang):
            block_id = f"b{len(blocks) + 1}"
            segments = segment_text(para[0].text, lang, block_id)
            if segments:
                blocks.append(Block(block_id, BlockKind.PARAGRAPH, segments))
                keys.setdefault(key, []).append(block_id)
    return Document(source_lang=lang, blocks=tuple(blocks), source_name=str(path)), keys


def _used_entries(
    manifest: Manifest,
    texts: dict[str, Bilingual],
    sections: Iterable[Section],
    glossary: Glossary,
) -> list[Entry]:
    """Return the glossary entries that occur anywhere in the pack, each once."""
    found: dict[str, Entry] = {}

    def add_text(text: str, lang: Lang) -> None:
        for hit in find_terms(text, lang, glossary):
            found.setdefault(hit.entry.id, hit.entry)

    for section in sections:
        for target in (False, True):
            if target and section.doc.target_lang is None:
                continue
            for hits in scan_document(section.doc, glossary, target=target).values():
                for hit in hits:
                    found.setdefault(hit.entry.id, hit.entry)
    for text in texts.values():
        add_text(text.text("de"), "de")
        add_text(text.text("ja"), "ja")
    names: list[Name | None] = []
    for person in manifest.participants:
        names += [person.name, person.title, person.function, person.organisation]
    for contact in manifest.contacts:
        names += [contact.name, contact.function, contact.organisation]
    names += [item.place for item in manifest.agenda]
    names += [manifest.delegation.origin, *manifest.delegation.destinations]
    for name in names:
        if name is None:
            continue
        if name.entry is not None:
            found.setdefault(name.entry.id, name.entry)
        add_text(name.de, "de")
    return list(found.values())
