"""/corpus and /corpus/department: read-only pages over the corpus database."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from yusuan.errors import InputError
from yusuan.web.render import render_page

router = APIRouter()

SEVERITIES = ("error", "warning", "info")
SIDE_SECTIONS = ("totals", "parts", "sangong", "functional", "economic")


def _database(request: Request) -> Any:
    from yusuan.store.connect import open_database

    target = request.app.state.settings.corpus_db
    if not target:
        raise HTTPException(404, "没有配置文件库（设环境变量 YUSUAN_CORPUS_DB 为 yusuan db 的数据库）。")
    try:
        return open_database(target, create=False)
    except InputError as error:
        raise HTTPException(503, error.message("zh")) from None


def _records(database: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    names, rows = database.query(sql, params)
    return [dict(zip(names, row)) for row in rows]


def corpus_documents(database: Any, year: str, department: str, kind: str,
                     severity: str) -> list[dict[str, Any]]:
    sql = "SELECT * FROM documents WHERE 1 = 1"
    params: list[Any] = []
    if year.isdigit():
        sql, params = sql + " AND year = ?", [*params, int(year)]
    if department:
        sql, params = sql + " AND department LIKE ?", [*params, f"%{department}%"]
    if kind:
        sql, params = sql + " AND kind LIKE ?", [*params, f"%{kind}%"]
    if severity in SEVERITIES:
        sql += " AND sha256 IN (SELECT sha256 FROM findings WHERE severity = ?)"
        params.append(severity)
    return _records(database, sql + " ORDER BY department, year, kind, file_name", params)


@router.get("/corpus", response_class=HTMLResponse)
def corpus(request: Request, year: str = "", department: str = "", kind: str = "",
           severity: str = "") -> HTMLResponse:
    database = _database(request)
    try:
        documents = corpus_documents(database, year, department, kind, severity)
        _, years = database.query("SELECT DISTINCT year FROM documents WHERE year IS NOT NULL "
                                  "ORDER BY year")
        _, kinds = database.query("SELECT DISTINCT kind FROM documents WHERE kind IS NOT NULL "
                                  "ORDER BY kind")
    finally:
        database.close()
    return HTMLResponse(render_page(
        request, "corpus.html.j2", documents=documents, years=[y for (y,) in years],
        kinds=[k for (k,) in kinds], chosen={"year": year, "department": department,
                                             "kind": kind, "severity": severity}))


def side_by_side(shots: list[Any]) -> list[dict[str, Any]]:
    """One row per (section, key) any document prints, its figure in each document and the
    width of each bar (the largest figure of the row is the full width)."""
    from yusuan.compare.snapshot import SECTION_TITLES

    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for section in SIDE_SECTIONS:
        for index, shot in enumerate(shots):
            for key, figure in shot.sections.get(section, {}).items():
                if section in ("functional", "economic") and key != "total" and len(key) > 5:
                    continue  # 类 and 款 here; 项 in `yusuan compare`
                row = rows.setdefault((section, key), {
                    "section": SECTION_TITLES[section], "key": key if key.isdigit() else "",
                    "name": figure.name, "values": [None] * len(shots)})
                row["values"][index] = figure.yuan
    for row in rows.values():
        widest = max((abs(v) for v in row["values"] if v is not None), default=0)
        row["bars"] = [round(abs(v) / widest * 100) if v is not None and widest else 0
                       for v in row["values"]]
        row["shown"] = ["" if v is None else f"{v / 10_000:,.2f}" for v in row["values"]]
    return list(rows.values())


@router.get("/static/echarts.min.js")
def echarts_script() -> Response:
    """The vendored Apache ECharts the department page draws its charts with."""
    from yusuan.compare.charts import echarts_source

    return Response(echarts_source(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/corpus/department", response_class=HTMLResponse)
def department(request: Request, name: str, kind: str = "") -> HTMLResponse:
    from yusuan.compare.charts import CHART_INIT, year_charts
    from yusuan.compare.snapshot import snapshot

    database = _database(request)
    try:
        documents = _records(database, "SELECT * FROM documents WHERE status = 'checked' AND "
                             "department = ? ORDER BY year, kind", [name])
        if kind:
            documents = [d for d in documents if d["kind"] and kind in d["kind"]]
        documents.sort(key=lambda d: (d["year"] or 0, str(d["kind"]).endswith("决算")))
        shots = [snapshot(d, _records(database, "SELECT * FROM table_values WHERE sha256 = ? "
                                      "ORDER BY table_no, row_no", [d["sha256"]]),
                          _records(database, "SELECT * FROM projects WHERE sha256 = ? "
                                   "ORDER BY project_no", [d["sha256"]]))
                 for d in documents]
    finally:
        database.close()
    if not documents:
        raise HTTPException(404, f"文件库中没有部门“{name}”的文件。")
    return HTMLResponse(render_page(request, "department.html.j2", name=name,
                                    documents=documents, rows=side_by_side(shots),
                                    charts=year_charts(shots), chart_init=CHART_INIT))
