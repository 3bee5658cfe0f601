"""dejakit: offline German–Japanese document toolkit.

Read a document, translate it (approved memory first, then an offline engine), and render a
parallel text; build briefing packs and MoU fact sheets; exchange the memory as TMX/XLIFF and
glossaries as CSV/TBX; send translations out for review. The command line uses only what this
module exports. Importing it is light: heavy libraries (WeasyPrint, python-docx, CTranslate2)
are imported only by the stage that uses them, and the names in `_LAZY` load on first use.

    doc = read_document(Path("samples/pm-wasserstoff-de.txt"))
    engine = make_engine("auto", doc.source_lang, "ja", EngineOptions())
    with TranslationMemory(default_memory_path()) as memory:
        translated = translate_document(doc, target_lang="ja", memory=memory, engine=engine)
    render_document(translated, Path("out/pm.pdf"), options=RenderOptions(layout="interleaved"))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .engines import Engine, FakeEngine
from .engines.base import Progress
from .engines.registry import (
    EngineEntry,
    EngineOptions,
    engine_entries,
    engine_names,
    make_engine,
    register_engine,
)
from .errors import (
    ConfigError,
    EngineError,
    ExchangeError,
    GlossaryError,
    IngestError,
    MemoryStoreError,
    PackError,
    RenderError,
    SegmentError,
    ToolkitError,
)
from .findings import Finding, count_checks
from .ingest import (
    LINE_CONVENTIONS,
    RawBlock,
    ReaderEntry,
    decode_text,
    read_document,
    read_text,
    register_reader,
    sanitize_text,
    supported_suffixes,
)
from .ingest.jsondoc import read_json_document
from .ingest.lines import LineMode
from .memory import TranslationMemory, TranslationUnit, default_memory_path
from .model import (
    SEVERITIES,
    Block,
    BlockKind,
    Document,
    Issue,
    Lang,
    Segment,
    TermCheck,
    document_to_dict,
)
from .pipeline import translate_document, translate_texts
from .render import (
    RenderJob,
    WriterEntry,
    output_suffixes,
    register_writer,
    render_document,
    writer_entries,
)
from .resources import glossary_dir, template_dir
from .segment import segment_text, split_text
from .version import __version__

if TYPE_CHECKING:
    from .doctor import run_checks
    from .engines.argos import ArgosEngine
    from .engines.argos import EngineSettings as ArgosSettings
    from .engines.packages import (
        describe_routes,
        download_route,
        install_package,
        installed_packages,
        packages_dir,
        remove_package,
    )
    from .exchange import read_tmx, write_tmx
    from .exchange.xliff import read_xliff_units
    from .glossary import (
        Glossary,
        TermHit,
        check_glossary,
        default_glossary,
        find_terms,
        load_glossaries,
        read_glossary_csv,
        read_tbx,
        scan_document,
        write_glossary_csv,
        write_glossary_toml,
        write_tbx,
    )
    from .glossary.freedict import Dictionaries
    from .glossary.model import LookupLang
    from .glossary.suggest import suggest_terms
    from .pack import build_pack, read_manifest, translate_mou, write_fact_sheet, write_pack
    from .pack.write import pack_paths
    from .qa import check_document, summarize_issues
    from .render.options import (
        DEFAULT_NOTICE,
        FIRSTS,
        LAYOUTS,
        PAPERS,
        PDF_VARIANT_NAMES,
        RenderOptions,
        render_options_from_names,
    )
    from .render.view import summarize as summarize_document
    from .review import (
        compare_with_review,
        export_pack_review,
        export_review,
        import_review,
        is_review_path,
        list_conflicts,
    )
    from .web import WebConfig, create_app, is_loopback, load_access

# Loaded on first use ("module" or "module:attribute"): glossary matchers, QA (Babel), packs,
# review files, TMX and the model store are not needed to start the command line.
_LAZY = {
    "WebConfig": ".web",
    "create_app": ".web",
    "is_loopback": ".web",
    "load_access": ".web",
    "render_options_from_names": ".render.options",
    "ArgosEngine": ".engines.argos",
    "ArgosSettings": ".engines.argos:EngineSettings",
    "DEFAULT_NOTICE": ".render.options",
    "Dictionaries": ".glossary.freedict",
    "FIRSTS": ".render.options",
    "Glossary": ".glossary",
    "LAYOUTS": ".render.options",
    "LookupLang": ".glossary.model",
    "PAPERS": ".render.options",
    "PDF_VARIANT_NAMES": ".render.options",
    "RenderOptions": ".render.options",
    "TermHit": ".glossary",
    "build_pack": ".pack",
    "check_document": ".qa",
    "check_docx": ".render.docxcheck",
    "check_pdf": ".render.layoutcheck",
    "check_glossary": ".glossary",
    "compare_with_review": ".review",
    "default_glossary": ".glossary",
    "describe_routes": ".engines.packages",
    "download_route": ".engines.packages",
    "export_pack_review": ".review",
    "export_review": ".review",
    "find_terms": ".glossary",
    "import_review": ".review",
    "install_package": ".engines.packages",
    "installed_packages": ".engines.packages",
    "is_review_path": ".review",
    "list_conflicts": ".review",
    "load_glossaries": ".glossary",
    "pack_paths": ".pack.write",
    "packages_dir": ".engines.packages",
    "read_glossary_csv": ".glossary",
    "read_manifest": ".pack",
    "read_tbx": ".glossary",
    "read_tmx": ".exchange",
    "read_xliff_units": ".exchange.xliff",
    "remove_package": ".engines.packages",
    "run_checks": ".doctor",
    "scan_document": ".glossary",
    "suggest_terms": ".glossary.suggest",
    "summarize_document": ".render.view:summarize",
    "summarize_issues": ".qa",
    "translate_mou": ".pack",
    "write_fact_sheet": ".pack",
    "write_glossary_csv": ".glossary",
    "write_glossary_toml": ".glossary",
    "write_pack": ".pack",
    "write_tbx": ".glossary",
    "write_tmx": ".exchange",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, _, attribute = _LAZY[name].partition(":")
        return getattr(importlib.import_module(module, __name__), attribute or name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [  # noqa: RUF022  # plainly sorted, as tests/test_package.py checks
    "ArgosEngine",
    "ArgosSettings",
    "Block",
    "BlockKind",
    "ConfigError",
    "DEFAULT_NOTICE",
    "Dictionaries",
    "Document",
    "Engine",
    "EngineEntry",
    "EngineError",
    "EngineOptions",
    "ExchangeError",
    "FIRSTS",
    "FakeEngine",
    "Finding",
    "Glossary",
    "GlossaryError",
    "IngestError",
    "Issue",
    "LAYOUTS",
    "LINE_CONVENTIONS",
    "Lang",
    "LineMode",
    "LookupLang",
    "MemoryStoreError",
    "PAPERS",
    "PDF_VARIANT_NAMES",
    "PackError",
    "Progress",
    "RawBlock",
    "ReaderEntry",
    "RenderError",
    "RenderJob",
    "RenderOptions",
    "SEVERITIES",
    "Segment",
    "SegmentError",
    "TermCheck",
    "TermHit",
    "ToolkitError",
    "TranslationMemory",
    "TranslationUnit",
    "WebConfig",
    "WriterEntry",
    "__version__",
    "build_pack",
    "check_document",
    "check_docx",
    "check_glossary",
    "check_pdf",
    "compare_with_review",
    "count_checks",
    "create_app",
    "decode_text",
    "default_glossary",
    "default_memory_path",
    "describe_routes",
    "document_to_dict",
    "download_route",
    "engine_entries",
    "engine_names",
    "export_pack_review",
    "export_review",
    "find_terms",
    "glossary_dir",
    "import_review",
    "install_package",
    "installed_packages",
    "is_loopback",
    "is_review_path",
    "list_conflicts",
    "load_access",
    "load_glossaries",
    "make_engine",
    "output_suffixes",
    "pack_paths",
    "packages_dir",
    "read_document",
    "read_glossary_csv",
    "read_json_document",
    "read_manifest",
    "read_tbx",
    "read_text",
    "read_tmx",
    "read_xliff_units",
    "register_engine",
    "register_reader",
    "register_writer",
    "remove_package",
    "render_document",
    "render_options_from_names",
    "run_checks",
    "sanitize_text",
    "scan_document",
    "segment_text",
    "split_text",
    "suggest_terms",
    "summarize_document",
    "summarize_issues",
    "supported_suffixes",
    "template_dir",
    "translate_document",
    "translate_mou",
    "translate_texts",
    "write_fact_sheet",
    "write_glossary_csv",
    "write_glossary_toml",
    "write_pack",
    "write_tbx",
    "write_tmx",
    "writer_entries",
]
