"""Glossaries: TOML files of approved terms, checked, exchanged (CSV, TBX) and found in text.

    glossary = default_glossary()            # every shipped glossaries/*.toml
    hits = find_terms("Grüner Wasserstoff aus Fukushima", "de", glossary)
    glossary.version                          # content hash, part of translation cache keys

`find_terms` knows German inflection, compounds and line-broken words, and Japanese width and
separator variants; see `match_de` and `match_ja`.
"""

from __future__ import annotations

from .exchange import read_glossary_csv, write_glossary_csv, write_glossary_toml
from .lint import check_glossary
from .load import default_glossary, load_glossaries, load_glossary
from .model import ENTRY_TYPES, Entry, EntryType, Glossary, GlossaryInfo, TermHit
from .scan import find_terms, scan_document
from .tbx import read_tbx, write_tbx

__all__ = [
    "ENTRY_TYPES",
    "Entry",
    "EntryType",
    "Glossary",
    "GlossaryInfo",
    "TermHit",
    "check_glossary",
    "default_glossary",
    "find_terms",
    "load_glossaries",
    "load_glossary",
    "read_glossary_csv",
    "read_tbx",
    "scan_document",
    "write_glossary_csv",
    "write_glossary_toml",
    "write_tbx",
]
