"""The memory page: what the translation memory holds, its undecided conflicts, TMX/XLIFF
import (all files in one transaction, as ``dejakit memory import``) and TMX export."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from .. import ToolkitError, TranslationMemory
from .workspace import UploadRejected, keep_name, store_upload

if TYPE_CHECKING:
    from .server import WebApp

__all__ = ["memory_routes"]

MEMORY_SUFFIXES = (".tmx", ".xlf", ".xliff")
DIRECTIONS = ("de-ja", "ja-de")


def memory_routes(web: WebApp) -> list[Route]:
    """Return the routes of the memory page, bound to `web`."""

    def overview() -> tuple[Any, list[Any]]:
        with TranslationMemory(web.memory_path) as store:
            return store.stats(), store.conflicts()

    async def show(request: Request, results: list[Any] | None = None) -> Response:
        stats, conflicts = await asyncio.to_thread(overview)
        return web.page(
            request,
            "memory.html.j2",
            stats=stats,
            conflicts=conflicts,
            results=results,
            directions=DIRECTIONS,
        )

    async def page(request: Request) -> Response:
        return await show(request)

    async def import_files(request: Request, form: FormData) -> Response:
        t = web.t(request)
        uploads = [u for u in form.getlist("files") if isinstance(u, UploadFile) and u.filename]
        if not uploads:
            return web.error(request, 400, t("error.empty"))
        _, folder = web.workspace.new_folder()
        stored: list[tuple[Path, str]] = []
        try:
            for upload in uploads:
                data = await upload.read(web.max_upload + 1)
                path, name = store_upload(
                    data, upload.filename, folder, limit=web.max_upload, suffixes=MEMORY_SUFFIXES
                )
                # the memory records the file each translation came from
                stored.append((keep_name(path, name), name))
        except UploadRejected as exc:
            if exc.reason == "too_large":
                return web.error(request, 413, t("error.too_large", size=web.upload_size_text))
            return web.error(request, 415, t("error.type", **exc.values))

        def run() -> list[tuple[str, Any, int]]:
            from .. import read_tmx, read_xliff_units

            # every file is read before anything is written: one bad file stops the import
            loaded = [
                (name, *(read_tmx(p) if p.suffix.lower() == ".tmx" else read_xliff_units(p)))
                for p, name in stored
            ]
            with TranslationMemory(web.memory_path) as store:
                results = store.add_batches([units for _, units, _ in loaded])
            return [
                (name, result, skipped)
                for (name, _, skipped), result in zip(loaded, results, strict=True)
            ]

        try:
            results = await asyncio.to_thread(run)
        except ToolkitError as exc:
            message = str(exc)
            for path, name in stored:
                message = message.replace(str(path), name)
            return web.error(request, 400, message)
        return await show(request, results)

    async def export(request: Request) -> Response:
        form = await web.checked_form(request)
        direction = str(form.get("direction", ""))
        if direction not in DIRECTIONS:
            return web.error(request, 400, f"direction={direction!r}: use de-ja or ja-de")
        source, target = direction.split("-")
        _, folder = web.workspace.new_folder()
        out = folder / f"memory.{direction}.tmx"

        def run() -> None:
            from .. import write_tmx

            with TranslationMemory(web.memory_path) as store:
                write_tmx(store.units(source, target), out, source_lang=source)

        await asyncio.to_thread(run)
        return FileResponse(out, media_type="application/x-tmx+xml", filename=out.name)

    return [
        Route("/memory", page),
        Route("/memory/import", web.with_form(import_files), methods=["POST"]),
        Route("/memory/export", export, methods=["POST"]),
    ]
