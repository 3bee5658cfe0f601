"""Delegation briefing packs and MoU fact sheets.

    manifest = read_manifest(Path("samples/pack.toml"), glossary=default_glossary())
    pack = build_pack(manifest, memory=memory, engine_for=lambda s, t: None, glossary=glossary)
    write_pack(pack, Path("out"), template_dir=template_dir())   # out/<name>.pdf, .docx

`manifest` checks the pack.toml (file:line for every problem), `mou` reads MoU summaries into
documents, `build` translates and checks everything, `html`/`docx` render, `write` writes both
files or neither. Importing this package is light: the renderers load their libraries on use.
"""

from __future__ import annotations

from ..ingest.mou import Mou, read_mou, read_mou_document
from .build import build_pack, translate_mou, translate_section
from .content import Pack, Section
from .manifest import Manifest, read_manifest
from .write import write_fact_sheet, write_pack

__all__ = [
    "Manifest",
    "Mou",
    "Pack",
    "Section",
    "build_pack",
    "read_manifest",
    "read_mou",
    "read_mou_document",
    "translate_mou",
    "translate_section",
    "write_fact_sheet",
    "write_pack",
]
