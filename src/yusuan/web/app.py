"""The FastAPI app: routes, readable errors (HTML for pages, JSON for the API), the job
store and a background sweep that removes expired jobs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from yusuan.web import api, pages
from yusuan.web.jobs import JobStore
from yusuan.web.render import render_page
from yusuan.web.settings import Settings
from yusuan.web.uploads import UploadRejected

log = logging.getLogger(__name__)
UPLOAD_PATHS = ("/upload", "/api/check")
MULTIPART_OVERHEAD = 1024 * 1024


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    page = render_page(request, "error.html.j2", status=status, message=message)
    return HTMLResponse(page, status_code=status)


def add_error_handlers(app: FastAPI) -> None:
    async def rejected(request: Request, error: Exception) -> Response:
        assert isinstance(error, UploadRejected)
        return error_response(request, error.status, error.message)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        return error_response(request, error.status_code, str(error.detail))

    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in error.errors())
        return error_response(request, 400, f"The request is incomplete or invalid ({fields}).")

    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "Something went wrong on the server; please try again.")

    app.add_exception_handler(UploadRejected, rejected)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, unexpected)


def add_size_guard(app: FastAPI, settings: Settings) -> None:
    """Refuse an upload whose declared size is beyond any allowed request before reading it."""
    limit = settings.max_upload_bytes * settings.max_files + MULTIPART_OVERHEAD

    @app.middleware("http")
    async def size_guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length", "")
        if request.method == "POST" and request.url.path in UPLOAD_PATHS and length.isdigit() \
                and int(length) > limit:
            return error_response(request, 413, "The upload is larger than the server accepts.")
        return await call_next(request)


async def sweep_forever(store: JobStore) -> None:
    while True:
        with contextlib.suppress(OSError):
            store.sweep()
        await asyncio.sleep(max(1.0, min(store.settings.sweep_seconds, store.settings.retention_seconds / 2)))


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(sweep_forever(app.state.store))
        try:
            yield
        finally:
            task.cancel()
            app.state.store.close()

    app = FastAPI(title="yusuan", summary="Check Chinese government budget disclosures",
                  version="1", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.store = JobStore(settings)
    app.include_router(pages.router)
    app.include_router(api.router)
    add_error_handlers(app)
    add_size_guard(app, settings)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, Any]:
        return {"ok": True}

    return app
