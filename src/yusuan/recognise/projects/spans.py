"""Where each performance form begins and ends, found from its 项目名称 line, not by position."""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Line, Table
from yusuan.recognise.projects.text import cells_of, compact

PERFORMANCE_KINDS = ("dept_performance", "project_performance")
NAME_LABEL = "项目名称"
HEADER_VALUES = ("支出项目类别", "项目类型", "项目总预算", "项目总额", "项目单位", "项目编码", "合计",
                 "项目属性")
TITLE = regexes.compile(r"(申报表|目标表|自评表|绩效目标)")
LOOK_BACK = 10
LISTING_HEAD = 6  # lines from a table's title within which a listing's header row stands
PART_HEADING = regexes.compile(r"^\s*第[一二三四五六七八九十]+部分")


def _part_heading(text: str) -> bool:
    """A 第N部分 heading (looked for by its pattern only on lines holding 部分)."""
    return "部分" in text and PART_HEADING.match(text) is not None


@dataclass(frozen=True, slots=True)
class Span:
    """The lines one performance form takes, from its 项目名称 line."""

    first: int
    last: int
    name_line: int
    title: str = ""
    title_line: int | None = None


def region_start(tables: list[Table]) -> int | None:
    starts = [t.lines[0] for t in tables if t.kind in PERFORMANCE_KINDS]
    return min(starts) if starts else None


def is_name_line(lines: list[Line], index: int) -> bool:
    """A line that opens a project form: 项目名称 and a name (on it or on the next line)."""
    text = lines[index].text
    if NAME_LABEL[0] not in text or NAME_LABEL[-1] not in text:
        return False  # the label's first and last characters are in any cell that starts with it
    cells = cells_of(lines[index])
    if not cells or not compact(cells[0].text).startswith(NAME_LABEL):
        return False
    rest = compact(cells[0].text)[len(NAME_LABEL):].lstrip(":：")
    if not rest:
        following = cells[1:] or _next_cells(lines, index)
        rest = compact(following[0].text) if following else ""
    return bool(rest) and not any(rest.startswith(h) for h in HEADER_VALUES)


def lists_many_projects(lines: list[Line], table: Table) -> bool:
    """A 项目支出绩效目标表 that lists every project under one header row (项目名称 | 项目总额 |
    … | 一级指标 | 二级指标 …) instead of one form a project: its projects are not read."""
    first, last = table.lines
    for line in lines[first - 1:min(last, first + LISTING_HEAD)]:
        cells = cells_of(line)
        if len(cells) > 2 and compact(cells[0].text) == NAME_LABEL \
                and any(compact(cells[1].text).startswith(h) for h in HEADER_VALUES) \
                and "一级指标" in compact(line.text):
            return True
    return False


def _next_cells(lines: list[Line], index: int) -> list:
    for line in lines[index + 1:index + 3]:
        cells = cells_of(line)
        if cells:
            return cells
    return []


def form_spans(lines: list[Line], tables: list[Table]) -> list[Span]:
    """The span of every project form after the first performance table."""
    start = region_start(tables)
    if start is None:
        return []
    names = [i for i in range(start - 1, len(lines)) if is_name_line(lines, i)]
    stops = sorted([t.lines[0] for t in tables if t.kind not in PERFORMANCE_KINDS
                    and t.lines[0] > start]
                   + [i + 1 for i in range(start, len(lines))
                      if _part_heading(lines[i].text)])
    spans: list[Span] = []
    heads = [_head(lines, i) for i in names]
    for k, index in enumerate(names):
        first, title, title_line = heads[k]
        nxt = heads[k + 1][0] - 1 if k + 1 < len(names) else len(lines)
        stop = next((s - 1 for s in stops if s > index + 1), len(lines))
        spans.append(Span(first, min(nxt, stop), index + 1, title, title_line))
    return spans


def _head(lines: list[Line], index: int) -> tuple[int, str, int | None]:
    """The form's first line: its title line when one stands just above 项目名称."""
    for back in range(index - 1, max(index - LOOK_BACK, -1), -1):
        text = lines[back].text.strip()
        if NAME_LABEL in text or "测算" in text or "指标" in text:
            break
        if TITLE.search(text) and len(text) < 60:
            return back + 1, compact(text), back + 1
    return index + 1, "", None


def dept_span(lines: list[Line], tables: list[Table], spans: list[Span]) -> tuple[int, int] | None:
    dept = next((t for t in tables if t.kind == "dept_performance"), None)
    if dept is None:
        return None
    first = dept.lines[0]
    ends = [s.first - 1 for s in spans if s.first > first]
    ends += [t.lines[0] - 1 for t in tables if t.lines[0] > first and t.kind != "dept_performance"]
    ends += [i for i in range(first, len(lines))
             if _part_heading(lines[i].text)][:1]
    return first, min(ends) if ends else len(lines)
