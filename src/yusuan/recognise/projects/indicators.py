"""Goals and indicator rows of a form: 一级/二级/三级 指标 and their values."""

from __future__ import annotations

import re

from yusuan.model import Line
from yusuan.recognise.projects.labels import Joined
from yusuan.recognise.projects.model import Indicator
from yusuan.recognise.projects.text import compact, line_cells

LEVEL1 = re.compile(r"^(产出|效益|满意度|成本)\s*指标$")
LEVEL2 = re.compile(r"^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|社会效益|经济效益|生态效益|"
                    r"可持续(?:发展)?影响|可持续发展|服务对象满意度|满意度)\s*指?\s*标?$")
VALUE = re.compile(r"^(?:[≥≧≤≦><=＞＜]\s*=?\s*)?\d[\d.,]*\s*(?:%|％|[^\s\d]{0,4}(?:/[^\s\d]{1,2})?)$"
                   r"|^[≥≧≤≦><=＞＜]")
TEXT_VALUES = ("无", "成效显著", "据实际情况确定", "按合同约定节点支付费用", "有效提升", "明显提升")
STANDARD = ("计划标准", "经验标准", "计划数据", "历史标准", "行业标准", "其他标准")
GOAL_NAME = re.compile(r"^(长期|年度)?\s*(绩效)?\s*目标\s*\d+\s*[:：]?")
HEADER = ("目标名称", "一级指标", "二级指标", "三级指标", "指标名称", "指标值", "指标内容",
          "前年", "上年", "预计当年实现", "绩效标准", "指标值确定依据", "近两年指标值")


def read_goals(joined: Joined) -> list[tuple[str, str, int]]:
    """(kind, text, line) of each 长期/年度 goal of the 项目绩效总目标 block."""
    found = joined.find("goal")
    if found is None:
        return []
    end_match = joined.find("long", found.end()) or joined.find("annual", found.end())
    end = end_match.start() if end_match else min(len(joined.text), found.end() + 400)
    cells = joined.text[found.end():end].split("|")
    out: list[tuple[str, str, int]] = []
    offset = found.end()
    for index, cell in enumerate(cells):
        kind = "long" if "长期" in cell else "annual" if "年度" in cell else ""
        if kind and index + 1 < len(cells):
            out.append((kind, cells[index + 1].strip(), joined.line_at(offset + len(cell) + 1)))
        offset += len(cell) + 1
    return out


def read_indicators(lines: list[Line], joined: Joined) -> list[Indicator]:
    """Indicator rows after the goal tables' headers (tables "long" and "annual")."""
    out: list[Indicator] = []
    for table in ("long", "annual"):
        found = joined.find(table)
        if found is None:
            continue
        others = [m.start() for m in (joined.find(t, found.end()) for t in ("long", "annual")) if m]
        end = min(others) if others else len(joined.text)
        first, last = joined.line_at(found.start()), joined.line_at(max(end - 1, 0))
        out.extend(indicator_rows(lines, first, last, table))
    return out


def is_value(text: str) -> bool:
    text = text.strip()
    return bool(VALUE.match(text)) or text in TEXT_VALUES


def indicator_rows(lines: list[Line], first: int, last: int, table: str) -> list[Indicator]:
    """Rows read as runs: levels set context, a name then its values, closed by a standard."""
    out: list[Indicator] = []
    level1 = level2 = ""
    name_parts: list[str] = []
    values: list[str] = []
    name_line = 0

    def close() -> None:
        nonlocal name_parts, values
        name = compact("".join(name_parts))
        if name and values:
            out.append(Indicator(name, values, name_line, level1, level2, table))
        name_parts, values = [], []

    for line in lines[first - 1:last]:
        for cell in line_cells(line):
            for piece in _pieces(cell.text):
                word = compact(piece)
                if not word or word in HEADER or GOAL_NAME.match(word):
                    continue
                if LEVEL1.match(word) and not values:
                    close()
                    level1 = word
                elif LEVEL2.match(word) and not name_parts:
                    close()
                    level2 = word
                elif word in STANDARD:
                    close()
                elif is_value(piece) and name_parts:
                    values.append(piece.strip())
                else:
                    if values:
                        close()
                    if not name_parts:
                        name_line = cell.line
                    name_parts.append(piece)
    close()
    return out


def _pieces(text: str) -> list[str]:
    """A cell split on spaces when it holds several short items ("28项 计划标准")."""
    parts = text.split(" ")
    if len(parts) > 1 and any(is_value(p) or compact(p) in STANDARD for p in parts):
        merged: list[str] = []
        for part in parts:
            if merged and part and part[0] in "≥≧≤≦><=＞＜" and len(part) == 1:
                merged.append(part)
            elif merged and merged[-1] in "≥≧≤≦><=＞＜":
                merged[-1] += part
            else:
                merged.append(part)
        return merged
    return [text]
