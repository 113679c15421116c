"""The JSON API: POST /api/check, GET /api/jobs/{id}, GET /api/jobs/{id}/result."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from yusuan.web.uploads import save_uploads
from yusuan.web.views import job_or_404, public_job, rendered_result, store_of

router = APIRouter(prefix="/api", tags=["api"])
PENDING = ("queued", "running")


@router.post("/check", status_code=202, summary="Upload files; each becomes a job")
async def check(request: Request, files: Annotated[list[UploadFile], File()],
                wait: float = Query(0, ge=0, le=120,
                                    description="seconds to wait for the jobs to finish")) -> JSONResponse:
    store = store_of(request)
    saved = await save_uploads(files, store.settings, store.settings.incoming_dir)
    ids = [store.create(item.name, item.suffix, item.path, item.size)["id"] for item in saved]
    deadline = time.monotonic() + wait
    jobs = [store.get(i) or {} for i in ids]
    while any(job.get("state") in PENDING for job in jobs) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        jobs = [store.get(i) or {} for i in ids]
    done = not any(job.get("state") in PENDING for job in jobs)
    return JSONResponse({"jobs": [public_job(job) for job in jobs]}, status_code=200 if done else 202)


@router.get("/jobs/{job_id}", summary="A job's state, progress and links")
def job_status(request: Request, job_id: str) -> dict[str, Any]:
    return public_job(job_or_404(request, job_id))


@router.get("/jobs/{job_id}/result", summary="A finished job's report")
def job_result(request: Request, job_id: str,
               format: Literal["json", "sarif", "csv", "html"] = "json",
               lang: Literal["zh", "en"] = "zh") -> Response:
    return rendered_result(request, job_or_404(request, job_id), format, lang, attachment=False)
