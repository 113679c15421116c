"""The pages: upload form, job list with progress, the HTML report of a job, downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, HTTPException, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from yusuan.report.formats import BUNDLE_FORMATS
from yusuan.report.html import render_html
from yusuan.web.jobs import JOB_ID, progress
from yusuan.web.render import WORDS, render_page, request_lang
from yusuan.web.reviews import MARKS, Reviews, finding_key, with_marks
from yusuan.web.uploads import save_uploads
from yusuan.web.views import job_or_404, rendered_result, store_of

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return HTMLResponse(render_page(request, "index.html.j2"))


@router.post("/upload")
async def upload(request: Request, files: Annotated[list[UploadFile], File()]) -> Response:
    store = store_of(request)
    saved = await save_uploads(files, store.settings, store.settings.incoming_dir)
    jobs = [store.create(item.name, item.suffix, item.path, item.size) for item in saved]
    lang = "&lang=en" if request_lang(request) == "en" else ""
    if len(jobs) == 1:
        target = f"/jobs/{jobs[0]['id']}" + (f"?{lang[1:]}" if lang else "")
    else:
        target = "/jobs?ids=" + ",".join(job["id"] for job in jobs) + lang
    return RedirectResponse(target, status_code=303)


@router.get("/jobs", response_class=HTMLResponse)
def job_list(request: Request, ids: str = "") -> HTMLResponse:
    store = store_of(request)
    jobs = [job for job in (store.get(i) for i in ids.split(",")[:200] if JOB_ID.match(i)) if job]
    for job in jobs:
        job["progress"] = progress(job)
    pending = any(job["state"] in ("queued", "running") for job in jobs)
    return HTMLResponse(render_page(request, "jobs.html.j2", jobs=jobs, pending=pending))


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    job = job_or_404(request, job_id)
    lang = request_lang(request)
    if job["state"] in ("queued", "running"):
        job["progress"] = progress(job)
        return HTMLResponse(render_page(request, "progress.html.j2", job=job))
    if job["state"] == "failed":
        page = render_page(request, "error.html.j2", status=422,
                           message=f"{WORDS[lang]['failed']}: {job.get('error')}")
        return HTMLResponse(page, status_code=422)
    bundle = store_of(request).result(job_id)
    if bundle is None:
        return HTMLResponse(render_page(request, "error.html.j2", status=404,
                                        message="The result has expired."), status_code=404)
    bundle = with_marks(bundle, reviews_of(request).marks(bundle["check"]["source"]["sha256"]))
    return HTMLResponse(render_html(bundle, lang, links=report_links(job_id, lang),
                                    review_action=f"/jobs/{job_id}/findings"))


def reviews_of(request: Request) -> Reviews:
    return Reviews(Path(store_of(request).settings.data_dir) / "reviews")


@router.post("/jobs/{job_id}/findings/{index}")
async def mark_finding(request: Request, job_id: str, index: int) -> Response:
    """Mark a finding of a finished job 已复核 or 误报 (an empty mark clears it) for its document."""
    job_or_404(request, job_id)
    bundle = store_of(request).result(job_id)
    findings = bundle["check"]["findings"] if bundle else []
    if not 0 <= index < len(findings):
        raise HTTPException(404, "No such finding.")
    mark = str((await request.form()).get("mark") or "") or None
    if mark is not None and mark not in MARKS:
        raise HTTPException(400, f"Unknown mark {mark!r}; use one of {', '.join(MARKS)}.")
    reviews_of(request).mark(bundle["check"]["source"]["sha256"], finding_key(findings[index]), mark)
    lang = "?lang=en" if request_lang(request) == "en" else ""
    return RedirectResponse(f"/jobs/{job_id}{lang}#f{index}", status_code=303)


def report_links(job_id: str, lang: str) -> list[dict[str, object]]:
    words = WORDS[lang]
    query = f"?lang={lang}"
    links: list[dict[str, object]] = [{"label": words["back"], "href": f"/{query if lang == 'en' else ''}"}]
    for fmt in BUNDLE_FORMATS:
        links.append({"label": f"{words['download']} {fmt.upper()}", "download": True,
                      "href": f"/jobs/{job_id}/download/{fmt}{query}"})
    other = "zh" if lang == "en" else "en"
    links.append({"label": words["other_lang"], "href": f"/jobs/{job_id}?lang={other}"})
    return links


@router.get("/jobs/{job_id}/download/{fmt}")
def download(request: Request, job_id: str, fmt: str) -> Response:
    job = job_or_404(request, job_id)
    return rendered_result(request, job, fmt, request_lang(request), attachment=True)
