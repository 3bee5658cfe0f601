"""The other pages: sign-in, briefing pack, glossary and memory search, system status."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from .. import Lang, ToolkitError, TranslationMemory, import_review
from ..review import ReviewImport
from .jobs import Progress
from .security import SESSION_COOKIE
from .workspace import UploadRejected, check_inside, keep_name, store_upload

if TYPE_CHECKING:
    from .server import WebApp

__all__ = ["page_routes"]

PACK_DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".toml")
REVIEW_SUFFIXES = (".docx", ".xlf", ".xliff")  # a Word review file, or XLIFF from a CAT tool


def page_routes(web: WebApp) -> list[Route]:
    """Return the routes of the sign-in, pack, search and status pages, bound to `web`."""

    async def login(request: Request) -> Response:
        if request.method == "GET":
            return web.page(request, "login.html.j2", wrong=False)
        form = await web.checked_form(request)
        session = web.config.access.sign_in(str(form.get("token", "")))
        if session is None:
            return web.page(request, "login.html.j2", status=401, wrong=True)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict")
        return response

    async def pack_form(request: Request) -> Response:
        return web.page(request, "pack.html.j2", record=None, job=None)

    async def pack_build(request: Request, form: FormData) -> Response:
        record_id, folder = web.workspace.new_folder()
        manifest_upload = form.get("manifest")
        t = web.t(request)
        if manifest_upload is None or isinstance(manifest_upload, str):
            return web.error(request, 400, t("error.empty"))
        try:
            data = await manifest_upload.read(web.max_upload + 1)
            stored, _ = store_upload(
                data, manifest_upload.filename, folder, limit=web.max_upload, suffixes=(".toml",)
            )
            manifest = stored.rename(folder / "pack.toml")
            for upload in form.getlist("documents"):
                if isinstance(upload, str) or not upload.filename:
                    continue
                data = await upload.read(web.max_upload + 1)
                path, name = store_upload(
                    data,
                    upload.filename,
                    folder,
                    limit=web.max_upload,
                    suffixes=PACK_DOCUMENT_SUFFIXES,
                )
                if name == "pack.toml":
                    raise UploadRejected("type", name=name, allowed="one file per name")
                keep_name(path, name)  # pack.toml names its documents by file name
        except UploadRejected as exc:
            if exc.reason == "too_large":
                return web.error(request, 413, t("error.too_large", size=web.upload_size_text))
            return web.error(request, 415, t("error.type", **exc.values))
        job = web.jobs.submit(
            "pack", record_id, lambda progress: _build_pack(web, manifest, progress)
        )
        return RedirectResponse(f"/packs/{job.id}", status_code=303)

    async def pack_job(request: Request) -> Response:
        job = web.jobs.get(request.path_params["job_id"])
        if job is None or job.kind != "pack":
            return web.error(request, 404, web.t(request)("error.not_found"))
        return web.page(request, "pack.html.j2", job=job, record=None, error=web.scrub(job.error))

    async def pack_cancel(request: Request) -> Response:
        await web.checked_form(request)
        job = web.jobs.get(request.path_params["job_id"])
        if job is None or job.kind != "pack":
            return web.error(request, 404, web.t(request)("error.not_found"))
        web.jobs.cancel(job.id)
        return RedirectResponse(f"/packs/{job.id}", status_code=303)

    async def pack_file(request: Request) -> Response:
        job = web.jobs.get(request.path_params["job_id"])
        kind = request.path_params["kind"]
        if job is None or job.kind != "pack" or job.state != "done" or kind not in ("pdf", "docx"):
            return web.error(request, 404, web.t(request)("error.not_found"))
        pdf, docx = job.result
        path = pdf if kind == "pdf" else docx
        if not path.is_file():  # the workspace dropped it (see Workspace.keep)
            return web.error(request, 404, web.t(request)("error.not_found"))
        return FileResponse(path, filename=path.name)

    async def search(request: Request) -> Response:
        query = request.query_params.get("q", "").strip()[:200]
        result = None
        if query:
            from ..search import search_all

            def run() -> Any:
                with TranslationMemory(web.memory_path) as memory:
                    return search_all(query, glossary=web.glossary(), memory=memory)

            result = await asyncio.to_thread(run)
        return web.page(request, "search.html.j2", query=query, result=result)

    async def doctor(request: Request) -> Response:
        from .. import run_checks

        checks = await asyncio.to_thread(run_checks, memory_path=web.memory_path)
        ready = all(c.ok or not c.required for c in checks)
        return web.page(request, "doctor.html.j2", checks=checks, ready=ready)

    async def review_form(request: Request) -> Response:
        return web.page(
            request, "review.html.j2", results=None, reviewer=web.reviewer_name(request)
        )

    async def review_import(request: Request, form: FormData) -> Response:
        t = web.t(request)
        upload = form.get("file")
        reviewer = request.state.user or str(form.get("reviewer", "")).strip()[:100]
        if upload is None or isinstance(upload, str) or not upload.filename:
            return web.error(request, 400, t("error.empty"))
        if not reviewer:
            return web.error(request, 400, t("result.reviewer_missing"))
        _, folder = web.workspace.new_folder()
        try:
            data = await upload.read(web.max_upload + 1)
            path, name = store_upload(
                data, upload.filename, folder, limit=web.max_upload, suffixes=REVIEW_SUFFIXES
            )
            path = keep_name(path, name)  # the memory records the file approvals came from
        except UploadRejected as exc:
            if exc.reason == "too_large":
                return web.error(request, 413, t("error.too_large", size=web.upload_size_text))
            return web.error(request, 415, t("error.type", **exc.values))
        dry_run = bool(form.get("dry_run"))

        def run() -> list[ReviewImport]:
            with TranslationMemory(web.memory_path) as memory:
                return import_review(path, memory=memory, reviewer=reviewer, dry_run=dry_run)

        try:
            results = await asyncio.to_thread(run)
        except ToolkitError as exc:
            return web.error(request, 400, str(exc).replace(str(path), name))
        return web.page(request, "review.html.j2", results=results, reviewer=reviewer, name=name)

    return [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/reviews", review_form),
        Route("/reviews/import", web.with_form(review_import), methods=["POST"]),
        Route("/pack", pack_form),
        Route("/packs", web.with_form(pack_build), methods=["POST"]),
        Route("/packs/{job_id}", pack_job),
        Route("/packs/{job_id}/cancel", pack_cancel, methods=["POST"]),
        Route("/packs/{job_id}/{kind}", pack_file),
        Route("/search", search),
        Route("/doctor", doctor),
    ]


def _build_pack(web: WebApp, manifest: Path, progress: Progress) -> tuple[Path, Path]:
    """Build the pack `manifest` describes into its folder, as ``dejakit pack`` does."""
    from .. import build_pack, read_manifest, template_dir, write_pack

    glossary = web.glossary()
    checked = read_manifest(manifest, glossary=glossary)
    for source in checked.sources:
        check_inside(source.path, manifest.parent)
    steps = len(checked.sources) + 2
    done = 0

    def step(_label: str) -> None:
        nonlocal done
        done += 1
        progress(done, steps)

    made: dict[tuple[str, str], Any] = {}

    def engine_for(source: Lang, target: Lang) -> Any:
        if (source, target) not in made:
            made[(source, target)] = web.engine(source, target)
        return made[(source, target)]

    with TranslationMemory(web.memory_path) as memory:
        built = build_pack(
            checked, memory=memory, engine_for=engine_for, glossary=glossary, step=step
        )
    pdf, docx = write_pack(built, manifest.parent / "out", template_dir=template_dir())
    step("render")
    return pdf, docx
