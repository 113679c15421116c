"""Shared pieces of the page and API routes: the store, public job JSON, rendered results."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from yusuan.report.formats import BUNDLE_FORMATS, MEDIA_TYPES, SUFFIXES, render_bundle
from yusuan.web.jobs import JobStore, progress
from yusuan.web.uploads import download_name

PUBLIC_KEYS = ("id", "name", "size", "state", "stage", "error", "created", "started", "finished",
               "summary", "document", "pages")


def store_of(request: Request) -> JobStore:
    return request.app.state.store  # type: ignore[no-any-return]


def public_job(job: dict[str, Any]) -> dict[str, Any]:
    out = {key: job.get(key) for key in PUBLIC_KEYS}
    out["progress"] = progress(job)
    job_id = job["id"]
    out["links"] = {"page": f"/jobs/{job_id}", "status": f"/api/jobs/{job_id}",
                    **{fmt: f"/api/jobs/{job_id}/result?format={fmt}" for fmt in BUNDLE_FORMATS}}
    return out


def job_or_404(request: Request, job_id: str) -> dict[str, Any]:
    job = store_of(request).get(job_id)
    if job is None:
        raise HTTPException(404, "No such job (it may have expired).")
    return job


def rendered_result(request: Request, job: dict[str, Any], fmt: str, lang: str,
                    attachment: bool) -> Response:
    """A finished job's report in `fmt`; 409 while it runs, 422 when it failed."""
    if fmt not in BUNDLE_FORMATS:
        raise HTTPException(400, f"Unknown format {fmt!r}; use one of {', '.join(BUNDLE_FORMATS)}.")
    if job["state"] == "failed":
        raise HTTPException(422, job.get("error") or "The file could not be checked.")
    bundle = store_of(request).result(job["id"]) if job["state"] == "done" else None
    if bundle is None:
        raise HTTPException(409, "The job has not finished yet.")
    body = render_bundle(bundle, fmt, lang, bom=fmt == "csv" and attachment)
    headers = {}
    if attachment:
        name = download_name(job["name"], SUFFIXES[fmt])
        headers["Content-Disposition"] = content_disposition(name)
    return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)


def content_disposition(name: str) -> str:
    from urllib.parse import quote

    ascii_name = name.encode("ascii", "ignore").decode() or "report"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
