"""The web application: its settings, templates, shared state and the Starlette app itself."""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from .. import (
    Document,
    EngineOptions,
    Lang,
    ToolkitError,
    TranslationMemory,
    default_memory_path,
    make_engine,
    render_document,
    template_dir,
    translate_document,
)
from ..limits import current_limits
from .forms import REVIEW_FORMATS, Download
from .i18n import UI_COOKIE, UI_LANGS, pick_language, translator
from .jobs import Job, JobRunner, Progress
from .security import CSRF_FIELD, Access, SecurityMiddleware, csrf_ok, is_loopback
from .workspace import DocRecord, Workspace

__all__ = ["WebApp", "WebConfig", "create_app"]

# form fields other than files: a pasted text may be as long as an upload
MAX_FIELDS = 50
MAX_FILES = 30


@dataclass(frozen=True)
class WebConfig:
    """How the server runs: where it listens, who may sign in, which memory and engine."""

    host: str = "127.0.0.1"
    port: int = 8765
    access: Access = field(default_factory=Access)
    memory_path: Path | None = None
    engine: str = "auto"
    glossary_files: tuple[Path, ...] = ()
    workspace_root: Path | None = None


class WebApp:
    """What every request handler shares: config, templates, jobs, uploads, memory path."""

    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self.memory_path = config.memory_path or default_memory_path()
        self.max_upload = current_limits().input_bytes
        self.upload_size_text = _size_text(self.max_upload)
        self.workspace = Workspace(config.workspace_root)
        self.jobs = JobRunner()
        self.templates = template_dir() / "web"
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.templates),
            autoescape=True,  # every template, whatever its name: document text is untrusted
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._counter = itertools.count(1)
        self._glossary: Any = None
        self._glossary_lock = threading.Lock()

    # ---- requests -------------------------------------------------------------------------

    def t(self, request: Request) -> Callable[..., str]:
        """Return the message function for the request's interface language."""
        return translator(self.ui_lang(request))

    def ui_lang(self, request: Request) -> str:
        """Return the interface language of `request`."""
        return pick_language(
            request.query_params.get("ui"),
            request.cookies.get(UI_COOKIE),
            request.headers.get("accept-language", ""),
        )

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> Response:
        """Render `template` for `request`."""
        lang = self.ui_lang(request)
        html = self.env.get_template(template).render(
            request=request,
            t=translator(lang),
            ui=lang,
            ui_langs=UI_LANGS,
            csrf_field=CSRF_FIELD,
            csrf=request.state.csrf,
            user=request.state.user,
            sign_in=self.config.access.required,
            max_upload=self.upload_size_text,
            **context,
        )
        response = HTMLResponse(html, status_code=status)
        if request.query_params.get("ui") in UI_LANGS:
            response.set_cookie(UI_COOKIE, lang, samesite="strict", max_age=365 * 86400)
        return response

    def error(self, request: Request, status: int, message: str) -> Response:
        """Return the error page with `message` (shown as text)."""
        return self.page(request, "error.html.j2", status=status, message=message)

    async def checked_form(self, request: Request) -> FormData:
        """Return the request's form after checking its CSRF token (403 when it is wrong)."""
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS)
        if not csrf_ok(request.cookies.get("dejakit_csrf"), form.get(CSRF_FIELD)):
            await form.close()
            raise HTTPException(403, "csrf")
        return form

    def with_form(
        self, handler: Callable[[Request, FormData], Awaitable[Response]]
    ) -> Callable[[Request], Awaitable[Response]]:
        """Return an endpoint that hands the checked form to `handler`, then closes its uploads."""

        async def endpoint(request: Request) -> Response:
            form = await self.checked_form(request)
            try:
                return await handler(request, form)
            finally:
                await form.close()

        return endpoint

    def record(self, request: Request) -> DocRecord:
        """Return the document the path names (404 when none)."""
        record = self.workspace.get(request.path_params["doc_id"])
        if record is None:
            raise HTTPException(404)
        return record

    def reviewer_name(self, request: Request) -> str:
        """Return the reviewer's name: the signed-in user's, or the one given last time."""
        if request.state.user:
            return str(request.state.user)
        return unquote(request.cookies.get("dejakit_reviewer", ""))[:100]

    def scrub(self, message: str) -> str:
        """Return the toolkit's `message` without the private folder's paths."""
        return re.sub(re.escape(str(self.workspace.root)) + r"/[0-9a-f]{32}/", "", message)

    def next_name(self) -> str:
        """Return a fresh name part for an output file."""
        return str(next(self._counter))

    # ---- the toolkit ----------------------------------------------------------------------

    def glossary(self) -> Any:
        """Return the glossary jobs hold translations to (loaded once, like the CLI's)."""
        with self._glossary_lock:
            if self._glossary is None:
                from .. import default_glossary, load_glossaries

                files = self.config.glossary_files
                self._glossary = load_glossaries(files) if files else default_glossary()
            return self._glossary

    def engine(self, source: Lang, target: Lang) -> Any:
        """Return the engine the server was started with for `source`→`target` (or None)."""
        return make_engine(self.config.engine, source, target, EngineOptions())

    def start_translation(self, record: DocRecord, target: Lang) -> Job:
        """Start translating `record` into `target` as the CLI does; return the job."""

        def work(progress: Progress) -> tuple[Document, list[Any]]:
            from .. import check_document

            glossary = self.glossary()
            engine = self.engine(record.doc.source_lang, target)
            with TranslationMemory(self.memory_path) as memory:
                translated = translate_document(
                    record.doc,
                    target_lang=target,
                    memory=memory,
                    engine=engine,
                    glossary=glossary,
                    progress=progress,
                )
            issues = check_document(translated, glossary=glossary)
            progress(len(list(translated.segments())), len(list(translated.segments())))
            with record.lock:
                record.translated, record.issues = translated, issues
                record.extra["approvals"] = {}
            return translated, issues

        return self.jobs.submit("translate", record.id, work)

    def write_output(self, doc: Document, record: DocRecord, path: Path, wanted: Download) -> None:
        """Write `doc` to `path` as `wanted` says: a handout, or a review file for the memory."""
        if wanted.format in REVIEW_FORMATS:
            from .. import export_review

            with TranslationMemory(self.memory_path) as memory:
                export_review(doc, path, memory=memory, issues=record.issues)
            return
        issues = record.issues if wanted.qa_appendix else None
        render_document(doc, path, issues=issues, options=wanted.options)


def _size_text(size: int) -> str:
    """Return `size` bytes as people read it: "20 MB", "195 KB"."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.3g} MB"
    return f"{max(1, size // 1024)} KB"


def _allowed_hosts(host: str) -> list[str]:
    # Bound to this machine: only its own names, so a web page elsewhere can't reach us by
    # rebinding its DNS name to 127.0.0.1.
    if is_loopback(host):
        return ["127.0.0.1", "localhost", "[::1]", "::1"]
    return ["*"]


def create_app(config: WebConfig | None = None) -> Starlette:
    """Return the ASGI app for `config` (defaults: this machine only, no sign-in)."""
    from .app import document_routes
    from .memory import memory_routes
    from .pages import page_routes

    config = config or WebConfig()
    web = WebApp(config)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            web.jobs.shutdown()
            web.workspace.remove()

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        t = web.t(request)
        message = t("error.csrf") if exc.status_code == 403 else t("error.not_found")
        if exc.status_code not in (403, 404):
            message = str(exc.detail)
        return web.error(request, exc.status_code, message)

    async def toolkit_error(request: Request, exc: Exception) -> Response:
        return web.error(request, 400, web.scrub(str(exc)))

    app = Starlette(
        routes=[
            *document_routes(web),
            *page_routes(web),
            *memory_routes(web),
            Mount("/static", StaticFiles(directory=web.templates / "static"), name="static"),
        ],
        middleware=[
            Middleware(
                SecurityMiddleware,
                access=config.access,
                max_body=web.max_upload + 1024 * 1024,  # the upload plus the form around it
            ),
            Middleware(TrustedHostMiddleware, allowed_hosts=_allowed_hosts(config.host)),
        ],
        exception_handlers={HTTPException: http_error, ToolkitError: toolkit_error},
        lifespan=lifespan,
    )
    app.state.web = web
    return app
