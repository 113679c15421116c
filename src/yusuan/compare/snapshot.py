"""The figures a comparison looks at, taken from the corpus records of one document
(store/records.py): 本年收入/支出合计, 功能分类 类/款/项, 一般公共预算 by 功能分类, 经济分类 款 of basic spending,
三公, 人员/公用/基本/项目, and each project, every amount in 元 with its page and line."""

from __future__ import annotations

from typing import Any

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.recognise.columns import CARRYOVER_IN, CARRYOVER_OUT

# section → (table kind, column keys in order of preference); the first table and key found
SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "functional": ("expenditure", ("total", "actual")),
    "general": ("general_budget_expenditure", ("actual", "total")),
    "economic": ("basic_expenditure", ("total", "actual")),
}
SECTION_TITLES = {
    "totals": "收支总额",
    "functional": "支出（功能分类）", "general": "一般公共预算支出（功能分类）",
    "economic": "基本支出（经济分类）", "sangong": "“三公”经费", "parts": "基本支出与项目支出",
    "projects": "项目支出",
}
SECTION_TITLES_EN = {
    "totals": "income and spending",
    "functional": "spending by function", "general": "general budget by function",
    "economic": "basic spending by economic class", "sangong": "“three public” spending",
    "parts": "basic and project spending", "projects": "projects",
}
SANGONG_PARTS = {"total": "合计", "outbound": "因公出国（境）费", "vehicle": "公务用车购置及运行费",
                 "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行费",
                 "reception": "公务接待费"}
NUMBERED = r"^(?:[一二三四五六七八九十]+、)?"
# side → (name shown, the 本年 line, the grand total line (the same when nothing is carried over),
# the carry-over line)
TOTALS = {
    "income": ("本年收入合计", regexes.compile(NUMBERED + r"本年收入(?:合计)?$"),
               regexes.compile(r"^收入(?:总计|合计)$|^总计$"), regexes.compile(CARRYOVER_IN)),
    "expenditure": ("本年支出合计", regexes.compile(NUMBERED + r"本年支出(?:合计)?$"),
                    regexes.compile(r"^支出(?:总计|合计)$|^总计$"), regexes.compile(CARRYOVER_OUT)),
}
PARTS = {"basic": "基本支出", "personnel": "人员经费", "public": "公用经费", "project": "项目支出"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One amount of a document, in 元, with where it is printed."""

    name: str
    yuan: float
    page: int | None
    line: int


@dataclass(slots=True)
class Snapshot:
    """One document's figures by section and key (a code, or a name where there is none)."""

    label: str
    department: str | None
    year: int | None
    kind: str | None
    file_name: str
    sha256: str
    sections: dict[str, dict[str, Figure]] = field(default_factory=dict)


def _key_for(rows: list[dict[str, Any]], table_kind: str,
             keys: tuple[str, ...]) -> str | None:
    present = {r["column_key"] for r in rows if r["table_kind"] == table_kind}
    return next((key for key in keys if key in present), None)


def _line(row: dict[str, Any]) -> int:
    """The line as the reports cite it: within its page for a paged document."""
    return row["page_line"] if row.get("page") and row.get("page_line") else row["line"]


def _figure(row: dict[str, Any], name: str | None = None) -> Figure:
    return Figure(name or row["name"], row["value_yuan"], row["page"], _line(row))


def coded_section(rows: list[dict[str, Any]], table_kind: str,
                  keys: tuple[str, ...]) -> dict[str, Figure]:
    """The coded rows (and the total) of the first table of a kind, in the preferred column."""
    key = _key_for(rows, table_kind, keys)
    if key is None:
        return {}
    first = min(r["table_no"] for r in rows if r["table_kind"] == table_kind)
    out: dict[str, Figure] = {}
    for row in rows:
        if (row["table_no"], row["column_key"]) != (first, key) or row["value_yuan"] is None:
            continue
        if row["code"]:
            out.setdefault(row["code"], _figure(row))
        elif row["name"].replace(" ", "") in ("合计", "总计") and "total" not in out:
            out["total"] = _figure(row, "合计")
    return out


def sangong_section(rows: list[dict[str, Any]], final: bool) -> dict[str, Figure]:
    """三公: 预算数 of a budget, 决算数 of a 决算 (its second group, `actual` / `*_2`)."""
    mine = [r for r in rows if r["table_kind"] == "sangong" and r["value_yuan"] is not None]
    if not mine:
        return {}
    first = min(r["table_no"] for r in mine)
    cells = {r["column_key"]: r for r in mine if r["table_no"] == first and r["row_no"] == 1}
    out = {}
    for part, name in SANGONG_PARTS.items():
        if final:
            choices = ("actual",) if part == "total" else (f"{part}_2",)
        else:
            choices = ("total", "budget") if part == "total" else (part,)
        found = next((cells[c] for c in choices if c in cells), None)
        if found:
            out[part] = _figure(found, name)
    return out


def totals_section(rows: list[dict[str, Any]], final: bool) -> dict[str, Figure]:
    """本年收入合计 and 本年支出合计 from the first 收支总表 (its 决算数 in a 决算); a side
    printing no 本年 line and nothing carried over gives its 总计, which is then the same."""
    summary = [r for r in rows if r["table_kind"] == "summary" and r["value_yuan"] is not None]
    if not summary:
        return {}
    first = min(r["table_no"] for r in summary)
    columns = ("actual", "total", "budget") if final else ("budget", "total", "actual")
    out = {}
    for side, (name, this_year, grand_total, carried) in TOTALS.items():
        mine = [r for r in summary if r["table_no"] == first and r["side"] == side]
        names = [_compact(r["name"]) for r in mine]
        found = {r["column_key"]: r for r, n in zip(mine, names) if this_year.match(n)}
        if not found and not any(carried.match(n.lstrip("一二三四五六七八九十、")) for n in names):
            found = {r["column_key"]: r for r, n in zip(mine, names) if grand_total.match(n)}
        column = next((c for c in columns if c in found), None)
        if column:
            out[side] = _figure(found[column], name)
    return out


def _compact(name: str) -> str:
    return name.replace(" ", "").replace("\u3000", "")


def parts_section(rows: list[dict[str, Any]]) -> dict[str, Figure]:
    """基本/项目 from the spending table's total row, 人员/公用 from the basic table's."""
    out = {}
    for table_kind, wanted in (("expenditure", ("basic", "project")),
                               ("general_budget_expenditure", ("basic", "project", "personnel",
                                                               "public")),
                               ("basic_expenditure", ("personnel", "public"))):
        for row in rows:
            if (row["table_kind"] == table_kind and not row["code"] and row["column_key"] in wanted
                    and row["name"].replace(" ", "") in ("合计", "总计")
                    and row["column_key"] not in out and row["value_yuan"] is not None):
                out[row["column_key"]] = _figure(row, PARTS[row["column_key"]])
    for row in rows:  # a 决算's basic table prints 人员经费 and 公用经费 as rows
        name = row["name"].replace(" ", "")
        key = next((k for k, v in PARTS.items() if name in (v, f"{v}合计")), None)
        if (row["table_kind"] == "basic_expenditure" and not row["code"] and key
                and key not in out and row["column_key"] in ("actual", "total")
                and row["value_yuan"] is not None):
            out[key] = _figure(row, PARTS[key])
    return {key: out[key] for key in PARTS if key in out}


def projects_section(projects: list[dict[str, Any]], final: bool) -> dict[str, Figure]:
    """Each project's budget; in a 决算 its 执行数 where one is printed."""
    out = {}
    for project in projects:
        amount = project.get("spent_yuan") if final else None
        amount = amount if amount is not None else project["amount_yuan"]
        if amount is not None:
            out.setdefault(project["name"], Figure(project["name"], amount, project["page"],
                                                   _line(project)))
    return out


def snapshot(document: dict[str, Any], values: list[dict[str, Any]],
             projects: list[dict[str, Any]]) -> Snapshot:
    """A document's figures from its corpus records (documents, table_values, projects)."""
    final = bool(document.get("kind") and str(document["kind"]).endswith("决算"))
    label = " ".join(str(part) for part in (document.get("department"), document.get("year"),
                                            document.get("kind")) if part) or document["file_name"]
    shot = Snapshot(label, document.get("department"), document.get("year"), document.get("kind"),
                    document["file_name"], document["sha256"])
    for section, (table_kind, keys) in SECTIONS.items():
        shot.sections[section] = coded_section(values, table_kind, keys)
    shot.sections["totals"] = totals_section(values, final)
    shot.sections["sangong"] = sangong_section(values, final)
    shot.sections["parts"] = parts_section(values)
    shot.sections["projects"] = projects_section(projects, final)
    return shot


def snapshot_of_document(doc: Any) -> Snapshot:
    """The snapshot of a document read now (the records the corpus would keep of it)."""
    from pathlib import Path

    from yusuan.store.records import project_rows, value_rows

    record = {"department": doc.department, "year": doc.year, "kind": doc.kind,
              "file_name": Path(doc.source.path).name, "sha256": doc.source.sha256}
    return snapshot(record, value_rows(doc), project_rows(doc))
