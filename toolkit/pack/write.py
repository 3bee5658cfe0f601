"""Writing a built pack: ``<name>.pdf`` and ``<name>.docx``, both or neither.

Both files are built into temporary files next to their final place and moved there only when
both builds succeeded, so a failing build leaves no partial output and the previous pack intact.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from ..errors import RenderError
from ..fileio import atomic_path
from ..render.options import DEFAULT_NOTICE
from .content import Pack, Section
from .html import render_fact_sheet_html, render_pack_html

__all__ = ["pack_paths", "write_fact_sheet", "write_pack"]

FACT_SHEET_SUFFIXES = (".pdf", ".docx", ".html")


def pack_paths(pack: Pack, out_dir: Path) -> tuple[Path, Path]:
    """Return the PDF and DOCX paths `write_pack` writes for `pack` into `out_dir`."""
    return out_dir / f"{pack.name}.pdf", out_dir / f"{pack.name}.docx"


def write_pack(
    pack: Pack,
    out_dir: Path,
    *,
    template_dir: Path,
    with_qa: bool = False,
    today: dt.date | None = None,
) -> tuple[Path, Path]:
    """Write `pack` as PDF and DOCX into `out_dir`; return the two paths."""
    from ..render.pdf import write_pdf_from_html
    from .docx import write_pack_docx

    pdf, docx = pack_paths(pack, out_dir)
    html = render_pack_html(pack, template_dir=template_dir, with_qa=with_qa, today=today)
    created = not out_dir.exists()
    try:
        with atomic_path(pdf) as tmp_pdf, atomic_path(docx) as tmp_docx:
            try:
                write_pack_docx(pack, tmp_docx, with_qa=with_qa)
            except (OSError, ValueError) as exc:
                raise RenderError(f"{docx}: can't write the DOCX ({exc})") from None
            write_pdf_from_html(
                html,
                tmp_pdf,
                template_dir=template_dir,
                title=f"{pack.manifest.pack.title.de} · {pack.manifest.pack.title.ja}",
                lang="de",
                pdf_variant="pdf/ua-1",  # tagged like the handouts, language per cell
                tagged=True,
            )
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                out_dir.rmdir()  # only if empty: nothing of ours is left in it
        raise
    return pdf, docx


def write_fact_sheet(
    section: Section,
    path: Path,
    *,
    template_dir: Path,
    classification: str = "",
    notice: str | None = None,
) -> None:
    """Write the one-page fact sheet of an MoU `section` to `path` (.pdf, .docx or .html).

    Every output carries `notice` (default: the working-translation notice) and
    `classification` in its header and footer, as the handouts and packs do.
    """
    suffix = path.suffix.lower()
    if suffix not in FACT_SHEET_SUFFIXES:
        raise RenderError(
            f"{path}: unknown output type {path.suffix or '(none)'!r}; "
            f"use one of {', '.join(FACT_SHEET_SUFFIXES)}"
        )
    if suffix == ".docx":
        from ..render.docxstyles import NOTICE
        from .docx import write_fact_sheet_docx

        with atomic_path(path) as tmp:
            write_fact_sheet_docx(
                section,
                tmp,
                classification=classification,
                notice=NOTICE if notice is None else notice,
            )
        return
    html = render_fact_sheet_html(
        section,
        template_dir=template_dir,
        classification=classification,
        notice=DEFAULT_NOTICE if notice is None else notice,
    )
    if suffix == ".html":
        from ..fileio import write_bytes_atomic

        write_bytes_atomic(path, html.encode("utf-8"))
        return
    from ..render.pdf import write_pdf_from_html

    # Tagged PDF/UA-1 like the handouts: structure, reading order, language per cell.
    write_pdf_from_html(
        html,
        path,
        template_dir=template_dir,
        title=section.title.text("de"),
        lang="de",
        pdf_variant="pdf/ua-1",
        tagged=True,
    )
