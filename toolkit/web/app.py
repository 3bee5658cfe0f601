"""The web page's document routes: upload → read view → translate → parallel text → approve,
download. Every step calls the toolkit's public API, as the command line does.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .. import ToolkitError, TranslationMemory, read_document
from ..qa import check_segment
from .forms import download_formats, download_from_form, lang_from_form
from .workspace import DOCUMENT_SUFFIXES, DocRecord, UploadRejected, download_name, store_upload

if TYPE_CHECKING:
    from .server import WebApp

__all__ = ["document_routes"]

REVIEWER_COOKIE = "dejakit_reviewer"


def document_routes(web: WebApp) -> list[Route]:
    """Return the routes of the document pages, bound to `web`."""

    async def index(request: Request) -> Response:
        return web.page(request, "index.html.j2", recent=web.workspace.recent())

    async def upload(request: Request, form: FormData) -> Response:
        lang = lang_from_form(form, "source_lang", optional=True)
        record_id, folder = web.workspace.new_folder()
        file = form.get("file")
        pasted = form.get("text")
        t = web.t(request)
        try:
            suffixes: tuple[str, ...]
            if file is not None and not isinstance(file, str) and file.filename:
                data = await file.read(web.max_upload + 1)
                raw_name, suffixes = file.filename, DOCUMENT_SUFFIXES
            elif isinstance(pasted, str) and pasted.strip():
                data, raw_name, suffixes = pasted.encode("utf-8"), "text.txt", (".txt",)
            else:
                return web.error(request, 400, t("error.empty"))
            path, name = store_upload(
                data, raw_name, folder, limit=web.max_upload, suffixes=suffixes
            )
        except UploadRejected as exc:
            if exc.reason == "too_large":
                return web.error(request, 413, t("error.too_large", size=web.upload_size_text))
            return web.error(request, 415, t("error.type", **exc.values))
        try:
            doc = await asyncio.to_thread(read_document, path, lang=lang)
        except ToolkitError as exc:
            # the message names our generated file; the user knows their file by its own name
            return web.error(request, 400, str(exc).replace(str(path), name))
        doc = replace(doc, source_name=name)
        web.workspace.add(DocRecord(id=record_id, folder=folder, name=name, doc=doc))
        return RedirectResponse(f"/documents/{record_id}", status_code=303)

    async def show(request: Request) -> Response:
        record = web.record(request)
        return web.page(request, "document.html.j2", record=record, doc=record.doc)

    async def translate(request: Request) -> Response:
        record = web.record(request)
        form = await web.checked_form(request)
        target = lang_from_form(form, "target_lang")
        assert target is not None
        job = web.start_translation(record, target)
        record.job_id = job.id
        return RedirectResponse(f"/documents/{record.id}/job", status_code=303)

    async def job_page(request: Request) -> Response:
        record = web.record(request)
        job = web.jobs.get(record.job_id)
        if job is None:
            return RedirectResponse(f"/documents/{record.id}", status_code=303)
        if job.state == "done":
            return RedirectResponse(f"/documents/{record.id}/translation", status_code=303)
        return web.page(request, "job.html.j2", record=record, job=job, error=web.scrub(job.error))

    async def job_state(request: Request) -> Response:
        job = web.jobs.get(request.path_params["job_id"])
        if job is None:
            return JSONResponse({"error": "no such job"}, status_code=404)
        state = job.to_dict()
        state["error"] = web.scrub(job.error)  # no private folder in what the page shows
        return JSONResponse(state)

    async def cancel(request: Request) -> Response:
        record = web.record(request)
        await web.checked_form(request)
        web.jobs.cancel(record.job_id)
        return RedirectResponse(f"/documents/{record.id}/job", status_code=303)

    async def translation(request: Request) -> Response:
        record = web.record(request)
        if record.translated is None:
            return RedirectResponse(f"/documents/{record.id}", status_code=303)
        issues: dict[str, list[Any]] = {}
        for issue in record.issues:
            issues.setdefault(issue.segment_id, []).append(issue)
        return web.page(
            request,
            "translation.html.j2",
            record=record,
            doc=record.translated,
            issues=issues,
            approvals=record.extra.setdefault("approvals", {}),
            saved=request.query_params.get("saved", ""),
            reviewer=web.reviewer_name(request),
            formats=[(name, suffix) for name, (suffix, _) in download_formats().items()],
        )

    async def approve(request: Request) -> Response:
        record = web.record(request)
        form = await web.checked_form(request)
        doc = record.translated
        segment_id = str(form.get("segment", ""))
        target = str(form.get("target", "")).strip()
        reviewer = request.state.user or str(form.get("reviewer", "")).strip()
        t = web.t(request)
        if doc is None or doc.target_lang is None:
            return web.error(request, 409, t("error.not_found"))
        segment = next((s for s in doc.segments() if s.id == segment_id), None)
        if segment is None or not target:
            return web.error(request, 400, t("error.not_found"))
        if not reviewer:
            return web.error(request, 400, t("result.reviewer_missing"))
        source, langs = segment.source, (doc.source_lang, doc.target_lang)

        def approve_in_memory() -> None:
            with TranslationMemory(web.memory_path) as memory:
                memory.approve(
                    source,
                    target,
                    *langs,
                    reviewer=reviewer[:100],
                    document=record.name,
                    segment_id=segment_id,
                    origin="web",
                )

        await asyncio.to_thread(approve_in_memory)
        # The engine's term checks described the machine text; QA now checks the person's.
        glossary = await asyncio.to_thread(web.glossary)
        with record.lock:
            current = record.translated or doc
            updated = current.with_targets(
                {segment_id: (target, "human")}, doc.target_lang, checks={segment_id: ()}
            )
            approved = next(s for s in updated.segments() if s.id == segment_id)
            record.translated = updated
            record.issues = [i for i in record.issues if i.segment_id != segment_id] + (
                check_segment(approved, doc.source_lang, doc.target_lang, glossary=glossary)
            )
            record.extra.setdefault("approvals", {})[segment_id] = reviewer[:100]
        response = RedirectResponse(
            f"/documents/{record.id}/translation?saved={quote(segment_id)}#seg-{segment_id}",
            status_code=303,
        )
        if not request.state.user:
            response.set_cookie(
                REVIEWER_COOKIE, quote(reviewer[:100]), samesite="strict", httponly=True
            )
        return response

    async def download(request: Request) -> Response:
        record = web.record(request)
        form = await web.checked_form(request)
        doc = record.translated
        if doc is None:
            return RedirectResponse(f"/documents/{record.id}", status_code=303)
        wanted = download_from_form(form)
        suffix, media = download_formats()[wanted.format]
        out = record.folder / f"out-{web.next_name()}{suffix}"
        await asyncio.to_thread(web.write_output, doc, record, out, wanted)
        name = download_name(record.name, f".{doc.target_lang}{suffix}")
        return FileResponse(out, media_type=media, filename=name)

    async def save_reviewer(request: Request) -> Response:
        form = await web.checked_form(request)
        back = str(form.get("back", "/"))
        if not back.startswith("/documents/") or "//" in back or "\\" in back:
            back = "/"
        response = RedirectResponse(back, status_code=303)
        name = str(form.get("reviewer", "")).strip()[:100]
        response.set_cookie(REVIEWER_COOKIE, quote(name), samesite="strict", httponly=True)
        return response

    return [
        Route("/", index),
        Route("/reviewer", save_reviewer, methods=["POST"]),
        Route("/documents", web.with_form(upload), methods=["POST"]),
        Route("/documents/{doc_id}", show),
        Route("/documents/{doc_id}/translate", translate, methods=["POST"]),
        Route("/documents/{doc_id}/job", job_page),
        Route("/documents/{doc_id}/cancel", cancel, methods=["POST"]),
        Route("/documents/{doc_id}/translation", translation),
        Route("/documents/{doc_id}/approve", approve, methods=["POST"]),
        Route("/documents/{doc_id}/download", download, methods=["POST"]),
        Route("/jobs/{job_id}", job_state),
    ]
