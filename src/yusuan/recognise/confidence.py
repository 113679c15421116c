"""Is a table's reading sure enough to accuse anything? Structural checks of the reading itself.

A misread table (columns whose headers were not understood, codes and names slipped into each
other's cells) would make every rule that reads it accuse a correct document. Each doubt found
here is a sentence; a table with doubts is reported once at info and its figures accuse nothing
(see `yusuan.rules.engine.confidence`).
"""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Source, Table

# tables read for their figures by the rules (forms and `other` have readers of their own)
CHECKED_KINDS = frozenset({"summary", "income", "expenditure", "fiscal_summary",
                           "general_budget_expenditure", "basic_expenditure", "sangong",
                           "gov_fund", "soe_capital", "project_expenditure", "procurement"})
FORM_KINDS = frozenset({"project_performance", "dept_performance"})
CODED_KINDS = frozenset({"expenditure", "general_budget_expenditure", "basic_expenditure",
                         "gov_fund", "soe_capital"})
CODE_LENGTHS = frozenset({3, 5, 7})
_DIGITS_ONLY = regexes.compile(r"^[\d\s.、]+$")
_TRAILING_AMOUNT = regexes.compile(r"[\u4e00-\u9fff）)]\s?-?\d[\d,]*\.\d+$")
# share of coded rows that may look wrong before the reading itself is doubted
MISREAD_SHARE = 0.2


def reading_doubts(table: Table) -> list[str]:
    """Why the table's reading is unsure (nothing when it is sure)."""
    if table.kind in FORM_KINDS or table.empty:
        return []
    checks = (unkeyed_columns(table) if table.kind in CHECKED_KINDS else None,
              slipped_codes(table), glued_amounts(table), codes_as_amounts(table),
              scattered_cells(table))
    return [doubt for doubt in checks if doubt]


def unkeyed_columns(table: Table) -> str | None:
    """A value column whose header was not read (keyed by position only)."""
    filled = {key for row in table.rows for key in row.values}
    unread = [c for c in table.columns if c.key.startswith("col_") and c.key in filled]
    if not unread:
        return None
    names = "、".join("/".join(c.header) or c.key.replace("col_", "第") + "列" for c in unread)
    return f"列标题未能识别（{names}）"


def slipped_codes(table: Table) -> str | None:
    """Codes of a length no classification has, or names that are only digits: the code's
    parts (类 | 款 | 项) or the name stand in the wrong cells."""
    if table.kind not in CODED_KINDS:
        return None
    coded = [row for row in table.rows if row.code and not row.unit_code]
    if not coded:
        return None
    odd = [row for row in coded
           if len(row.code or "") not in CODE_LENGTHS or _DIGITS_ONLY.match(row.name or "")]
    if len(odd) >= 2 and len(odd) > MISREAD_SHARE * len(coded):
        return f"{len(odd)} 行的科目编码或名称未能对齐"
    return None


def glued_amounts(table: Table) -> str | None:
    """Names that end in an amount ("基本工资1,015.15"): the row's cells ran together."""
    named = [row for row in table.rows if row.name]
    glued = [row for row in named if _TRAILING_AMOUNT.search(row.name)]
    if len(glued) >= 2 and len(glued) > MISREAD_SHARE * len(named):
        return f"{len(glued)} 行的名称与金额连在一起"
    return None


_GOV_ECONOMIC = regexes.compile(r"^5\d{2}(\d{2})?$")


def codes_as_amounts(table: Table) -> str | None:
    """Rows of 部门经济分类 codes (3xx) whose first figure is a 政府经济分类 code (501, 50501):
    the column of the second classification was read as amounts."""
    coded = [row for row in table.rows if row.code and row.code.startswith("3") and row.values]
    read_as_amount = [row for row in coded
                      if _GOV_ECONOMIC.match(f"{next(iter(row.values.values())):g}")]
    if len(read_as_amount) >= 2 and len(read_as_amount) > MISREAD_SHARE * len(coded):
        return f"{len(read_as_amount)} 行把政府经济分类编码读成了金额"
    return None


def scattered_cells(table: Table) -> str | None:
    """Rows of one figure and no name or code in a table of several value columns: each cell
    was read as a row of its own (a page that places every cell apart)."""
    if len(table.columns) < 3:
        return None
    valued = [row for row in table.rows if row.values]
    lone = [row for row in valued if len(row.values) == 1 and not row.name and not row.code]
    if len(lone) >= 3 and len(lone) > MISREAD_SHARE * len(valued):
        return f"{len(lone)} 行只有一个数字、没有名称，单元格未能排成行"
    return None


# a unit with no figure before it ("年初预算数      万元") and a line of punctuation alone: the
# text layer placed the page's figures and punctuation apart from its words
_BARE_UNIT = regexes.compile(r"(?<![\d.,\s：:])\s+万元")
_PUNCTUATION_ONLY = regexes.compile(r"^[\s()（）:：、。，,;；“”\"'—.-]+$")
SCRAMBLED_MARKS = 3


def scrambled_pages(source: Source) -> dict[int, str]:
    """Pages whose text layer scrambles words, figures and punctuation, with why: what they
    say cannot be read with confidence."""
    bare: dict[int, int] = {}
    alone: dict[int, int] = {}
    for line in source.lines:
        if line.page is None or "\t" in line.text:
            continue
        if "万元" in line.text:  # what _BARE_UNIT ends with (most lines have none)
            bare[line.page] = bare.get(line.page, 0) + len(_BARE_UNIT.findall(line.text))
        if line.text.strip() and _PUNCTUATION_ONLY.match(line.text):
            alone[line.page] = alone.get(line.page, 0) + 1
    out = {}
    for page in sorted(set(bare) | set(alone)):
        if bare.get(page, 0) >= SCRAMBLED_MARKS or alone.get(page, 0) >= SCRAMBLED_MARKS:
            out[page] = (f"文字层次序错乱：{bare.get(page, 0)} 处“万元”前没有数字，"
                         f"{alone.get(page, 0)} 行只有标点")
    return out
