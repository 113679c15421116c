"""The FastAPI app: routes, readable errors (HTML for pages, JSON for the API), the token
check and per-client limits in front, the job store and worker pool behind, and a background
sweep that removes expired jobs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from yusuan.web import access, api, pages
from yusuan.web.corpus import pages as corpus_pages
from yusuan.web.jobs import JobStore
from yusuan.web.limits import RequestLimits
from yusuan.web.pool import WorkerPool
from yusuan.web.render import render_page
from yusuan.web.settings import Settings
from yusuan.web.uploads import UploadRejected

log = logging.getLogger(__name__)


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    page = render_page(request, "error.html.j2", status=status, message=message)
    return HTMLResponse(page, status_code=status, headers=headers)


def add_error_handlers(app: FastAPI) -> None:
    async def rejected(request: Request, error: Exception) -> Response:
        assert isinstance(error, UploadRejected)
        return error_response(request, error.status, error.message)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        return error_response(request, error.status_code, str(error.detail), error.headers)

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
    app.state.store = JobStore(settings, WorkerPool(settings))
    app.include_router(access.router)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(corpus_pages.router)
    add_error_handlers(app)
    app.add_middleware(access.TokenAccess, settings=settings, error_response=error_response)
    app.add_middleware(RequestLimits, settings=settings, error_response=error_response)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, Any]:
        return {"ok": True}

    return app
