"""Header labels of an unaligned table, found in fragments ("一般公共预" / "算"): the header text
is joined, the standard labels are found in it, and the columns are built from them.

A group label (本年收入, 上年结转结余, 基本支出, 本年拨款, 公务用车购置及运行费) whose 小计 or
members follow it later is a parent: its columns stand where its label stands, in the
standard order of its members. A group label nothing opens is an ordinary column.
"""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Column, Row
from yusuan.recognise.columns import (
    LABEL_COLUMN_KEYS,
    SOURCE_KEYS,
    compact_label,
    label_key,
    path_key,
)

_SOURCES = (r"一般公共预算(?:财政拨款|拨款)?(?:收入)?|政府性基金(?:预算)?(?:财政拨款|拨款)?(?:收入)?|"
            r"国有资本经营(?:预算)?(?:财政拨款|拨款)?(?:收入)?|财政专户管理资金(?:收入)?")
_SPANS = (r"部门预算支出经济分类科目|(?:支出)?(?:功能|经济)分类科目|"
          r"本年(?:一般公共预算|政府性基金预算?|国有资本经营预算?)(?:财政拨款)?(?:基本|项目)?支出")
_LABELS = regexes.compile("|".join((
    f"(?P<span>{_SPANS})",
    (r"[“\"]?三公[”\"]?经费(?:支出)?(?:合计)?|因公出国（境）费?(?:用)?|公务用车购置及运行(?:维护)?费|"
     r"公务用车购置费|公务用车运行(?:维护)?费|公务接待费"),
    r"(?:功能分类科目|经济分类科目|科目|项目|部门（单位）|单位)?(?:编码|代码)",
    r"(?:科目|项目|部门（单位）|单位)?名称|项目单位|行次",
    r"事业单位经营支出|上缴上级支出|对附属单位补助支出|基本支出|项目支出|人员经费|公用经费",
    r"本年收入|(?:上年|年初)(?:财政拨款)?结转(?:和|及)?(?:结余)?|本年拨款|财政拨款结转结余|本年支出",
    _SOURCES,
    r"事业单位经营收入|事业收入|上级补助收入|附属单位上缴收入|其他收入|单位资金|用事业基金弥补收支差额",
    r"(?:年初|调整后?|全年)?预算数?|(?:本年)?决算数|上年数",
    r"合计|小计|总计|项目|金额",
)))
PARENT_KEYS = frozenset({"current_income", "current", "carryover", "basic", "vehicle"})
FUNDING_PARENTS = frozenset({"current_income", "current", "carryover"})
STANDARD_ORDER = (
    "total", "current_income", "current", "basic", "personnel", "public", "project",
    "general_budget", "gov_fund", "soe_capital", "special_account", "business", "operating",
    "superior_subsidy", "subordinate", "other", "unit_funds", "carryover",
    "carryover_general_budget", "carryover_gov_fund", "carryover_soe_capital",
    "carryover_special_account", "carryover_unit_funds", "operating_expenditure",
    "remit_to_superior", "subsidy_to_subordinate", "outbound", "vehicle", "vehicle_purchase",
    "vehicle_operation", "reception",
)
_RANK = {key: index for index, key in enumerate(STANDARD_ORDER)}


@dataclass(slots=True)
class Entry:
    """A top-level header entry: a column label, or a parent label with its members."""

    label: str
    key: str
    members: list[str] = field(default_factory=list)
    opened: bool = False


def header_text(rows: list[Row]) -> str:
    return compact_label("".join(cell.text for row in rows for cell in row.filled))


def header_labels(rows: list[Row]) -> list[str]:
    """The standard labels found in the joined header text, in printed order (spans left out)."""
    return [match.group(0) for match in _LABELS.finditer(header_text(rows)) if not match.group("span")]


def build_entries(labels: list[str]) -> list[Entry]:
    entries: list[Entry] = []
    pending: list[Entry] = []
    current: Entry | None = None
    for label in labels:
        key = label_key(label)
        if key is None or key in LABEL_COLUMN_KEYS:
            continue
        if key in PARENT_KEYS:
            entry = Entry(label, key)
            entries.append(entry)
            pending.append(entry)
            continue
        if opens_next(key, current, pending):
            current = pending.pop(0)
            current.opened = True
        if current is None:
            entries.append(Entry(label, key))
        else:
            current.members.append(label)
    return entries


def opens_next(key: str, current: Entry | None, pending: list[Entry]) -> bool:
    """小计 opens the next group; so does a revenue source repeated, or the first one when a
    funding group (本年收入, 上年结转) waits."""
    if not pending:
        return False
    if key == "subtotal":
        return True
    if key not in SOURCE_KEYS or pending[0].key not in FUNDING_PARENTS:
        return False
    if current is None:
        return True
    return key in {label_key(label) for label in current.members}


def entry_columns(entry: Entry) -> list[Column]:
    if not entry.opened:
        return [Column(key=entry.key, header=[entry.label])]
    columns = [Column(key=path_key([entry.label, label]) or entry.key, header=[entry.label, label])
               for label in entry.members]
    return sorted(columns, key=lambda column: _RANK.get(column.key, len(_RANK)))


def value_columns(labels: list[str]) -> list[Column]:
    """Columns of a one-sided table from its header labels."""
    columns: list[Column] = []
    counts: dict[str, int] = {}
    for entry in build_entries(labels):
        for column in entry_columns(entry):
            counts[column.key] = counts.get(column.key, 0) + 1
            if counts[column.key] > 1:
                column.key = f"{column.key}_{counts[column.key]}"
            columns.append(column)
    return columns


def side_columns(labels: list[str]) -> list[Column]:
    """Value columns of one side of a two-sided table: the value labels before the second
    label column (项目 预算数 项目 预算数 → 预算数); 金额 when the header names none."""
    columns: list[Column] = []
    names = 0
    for label in labels:
        key = label_key(label)
        if key in ("code", "name"):
            names += 1
            if names > 1:
                break
            continue
        if key and key not in LABEL_COLUMN_KEYS and key not in {c.key for c in columns}:
            columns.append(Column(key=key, header=[label]))
    return columns or [Column(key="amount", header=[])]
