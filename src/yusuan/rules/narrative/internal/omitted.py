"""A 类 the tables print that a narrative's list by 功能分类 leaves out: "支出预算 515313.35 万元
…按支出功能分类，包括科学技术支出…住房保障支出 16588.47 万元" falls short of its total by
exactly the 其他支出 the 支出总表 prints. NARRATIVE.PARTS reports it."""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Fact, Table, TableRow
from yusuan.recognise.narrative.concepts import FUNCTIONAL_CLASSES
from yusuan.rules.engine.tolerance import Printed, Verdict, compare_sum
from yusuan.rules.narrative.common import in_unit, table_value

# the total the list is of → the tables printing its 类 lines
CLASS_TABLES = {"total_expenditure": ("expenditure",),
                "general_budget_expenditure": ("general_budget_expenditure",)}
SHIFT = {"元": 0, "万元": 4, "亿元": 8}
# a list that says it names only some 类 ("主要…", "…等")
_PARTIAL = regexes.compile(r"主要|等")
_CLASS_NAMES = regexes.compile("|".join(sorted(FUNCTIONAL_CLASSES, key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class OmittedClass:
    """A 类 row of a table that the narrative's list leaves out, with its value."""

    table: Table
    row: TableRow
    key: str
    value: float  # in the total's unit

    @property
    def name(self) -> str:
        return f"{self.row.code} {self.row.name}"


def omitted_class(doc: Document, parent: Fact, parts: list[Fact],
                  printed: list[Printed]) -> OmittedClass | None:
    """The one 类 line of the tables for the total that the listed 类 leave out and that makes
    up the total with them (within rounding); none when the list says it is partial."""
    kinds = CLASS_TABLES.get(parent.concept)
    listed = {p.extra.get("class_code") for p in parts}
    if not kinds or None in listed or _partial(parts):
        return None
    total = _as_printed(parent.value or 0.0, parent.decimals, parent.unit, parent.unit)
    found = []
    for kind in kinds:
        table = doc.table(kind)
        for row in table.rows if table is not None else []:
            cell = table_value(table, row)
            if not row.code or len(row.code) != 3 or row.code in listed or cell is None:
                continue
            key, value = cell
            shown = _as_printed(value, row.decimals.get(key, 2), table.unit or doc.unit, parent.unit)
            if shown.value and compare_sum(total, [*printed, shown]).verdict is not Verdict.MISMATCH:
                found.append(OmittedClass(table, row, key, shown.value))
        if found:
            break
    return found[0] if len(found) == 1 else None


def _partial(parts: list[Fact]) -> bool:
    """'主要…' or '…等' in the sentences of the list (besides the 类 names, '商业服务业等支出')."""
    texts = dict.fromkeys(p.text for p in parts)
    return any(_PARTIAL.search(_CLASS_NAMES.sub("", "".join(t.split()))) for t in texts)


def _as_printed(value: float, decimals: int | None, unit: str | None, target: str | None) -> Printed:
    places = (decimals if decimals is not None else 2) + SHIFT.get(target or "万元", 4) \
        - SHIFT.get(unit or "万元", 4)
    return Printed(in_unit(value, unit, target), max(places, 0))
