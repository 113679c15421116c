"""SUBTOTAL.PART: a numbered sub-row (①中央财政资金, ②…, 其中：…) printed under a 小计 / 合计 row
is part of it, never larger — also where the 小计 is printed as 0.00 and no table rule reads the
block (the 资金来源 lines of a 绩效自评表: 财政资金小计 0.00 over ③地方财政资金 9209.55)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from yusuan.layout.tabbed import line_to_row
from yusuan.model import Document, Finding, Line, Location
from yusuan.recognise.numbers import parse_amount
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "SUBTOTAL.PART": {
        "zh": "“{whole}”{heading}印为 {total}，其下分项“{part}”却为 {value}：分项大于小计",
        "en": "{whole} {heading} is printed as {total}, but the line under it, {part}, holds "
              "{value}: a part larger than its subtotal",
    },
})

SUBTOTAL = re.compile(r"^.{0,12}(小计|合计)$")
SUB_ROW = re.compile(r"^(?:[①-⑳]|其中[:：])")
# a column of rates, scores or counts: its figures do not add up
NOT_AMOUNT = re.compile(r"率|%|％|分值|得分|比例|占比|人数|序号|编码|代码|行次")
HEADER_LOOK_BACK = 6
SLACK = 1e-6


@dataclass(frozen=True)
class Figures:
    """One TAB-separated line: its label and its figures by cell position."""

    line: int
    label: str
    figures: dict[int, tuple[float, int]]
    words: dict[int, str]


def _figures(line: Line) -> Figures | None:
    cells = [cell.text.strip() for cell in line_to_row(line).cells]
    figures = {i: parsed for i, text in enumerate(cells) if (parsed := parse_amount(text))}
    words = {i: text for i, text in enumerate(cells) if text and i not in figures}
    label = "".join(next(iter(words.values()), "").split()) if words else ""
    return Figures(line.number, label, figures, words)


def _read(lines: list[Line]) -> list[Figures | None]:
    return [_figures(line) if "\t" in line.text else None for line in lines]


def _header(rows: list[Figures | None], index: int, columns: set[int]) -> dict[int, str]:
    """The words above each figure column: the lines without figures just before the block's
    first line of figures (the lines of figures above the subtotal are the block's own)."""
    heads: dict[int, str] = {}
    started = False
    for row in reversed(rows[max(index - HEADER_LOOK_BACK, 0):index]):
        if row is None or (row.figures and started):
            break
        if row.figures:
            continue
        started = True
        for column in columns:
            if column in row.words:
                heads[column] = row.words[column] + "\n" + heads.get(column, "")
    return heads


@rule("SUBTOTAL.PART", category="arithmetic", severity="warning",
      title_zh="分项不大于其小计", title_en="No part larger than its subtotal")
def parts_within_subtotal(doc: Document) -> Iterator[Finding]:
    """A line numbered ①②③ (or 其中：) under a …小计 / 合计 line holds no more than it in any
    amount column (columns headed 率, %, 分值, 得分 are not amounts; a column without a header
    word is not judged).

    Passes: 财政资金小计 9209.55 | ①中央财政资金 0.00 | ③地方财政资金 9209.55.
    Fails:  财政资金小计 0.00 | ①中央财政资金 0.00 | ③地方财政资金 9209.55.
    """
    rows = _read(doc.source.lines)
    for index, row in enumerate(rows):
        if row is None or not row.figures or not SUBTOTAL.match(row.label):
            continue
        parts = _sub_rows(rows, index)
        heads = _header(rows, index, set(row.figures))
        finding = _larger_part(row, parts, heads)
        if finding is not None:
            yield finding


def _sub_rows(rows: list[Figures | None], index: int) -> list[Figures]:
    parts: list[Figures] = []
    for row in rows[index + 1:]:
        if row is None or not SUB_ROW.match(row.label):
            break
        parts.append(row)
    return parts


def _larger_part(whole: Figures, parts: list[Figures], heads: dict[int, str]) -> Finding | None:
    for part in parts:
        for column, (total, decimals) in sorted(whole.figures.items()):
            head = heads.get(column, "")
            if not head or NOT_AMOUNT.search(head) or column not in part.figures:
                continue
            value, part_decimals = part.figures[column]
            half = 0.5 * 10.0 ** -decimals + 0.5 * 10.0 ** -part_decimals
            if total < 0 or value <= total + half + SLACK:
                continue
            name = re.sub(r"\s+", "", head.strip().split("\n")[-1])
            return make_finding(
                "SUBTOTAL.PART", [Location(whole.line, name=whole.label, column=name),
                                  Location(part.line, name=part.label, column=name)],
                {"reported": total, "computed": value},
                whole=whole.label, part=part.label, heading=f"（{name}）",
                total=f"{total:.{decimals}f}", value=f"{value:.{part_decimals}f}")
    return None
