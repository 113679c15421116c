"""Header labels → column keys of the contract (total, basic, personnel, …)."""

from __future__ import annotations

import re
from functools import lru_cache

from yusuan import regexes

# the carry-over into the year, in every wording seen (上年结转, 年初结转和结余, 上年结余、结转 …):
# a column header here, a summary-table row in the headline and the SUMMARY rules
CARRYOVER_IN = r"^(上年|年初)(财政拨款)?(结转|结余)[、和及]?(结余|结转)?$"
# the spending side's carry-over line: 年终结转结余, 年末结转和结余, 结转下年(支出), 结转结余下年
CARRYOVER_OUT = r"^(年终|年末)(财政拨款)?结转(和|及)?(结余)?$|^结转(结余)?下年(支出|资金)?$"

# (pattern over a compact label, key). First match wins.
LABEL_KEYS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (regexes.compile(pattern), key)
    for pattern, key in (
        (r"^(项目|科目|功能分类)?(科目)?(编码|代码)$|^(功能|经济|部门|单位|部门（单位）|部门\(单位\)|项目)(分类)?(科目)?(编码|代码)$|编码$|代码$|^项目编号$", "code"),
        (r"^(类|款|项)$|^(功能|经济)分类(科目)?$", "code"),
        (r"^行次$|^序号$", "line_no"),
        (r"^项目单位$|^执行单位$|^预算单位$", "unit_name"),
        (r"^(项目|科目|功能科目|经济科目|部门经济科目|政府经济科目|功能分类科目|经济分类科目|单位|部门（单位）|部门\(单位\)|单位（项目）|单位\(项目\))?(名称)$|^项目(（按功能分类）|（按经济分类）|\(按功能分类\))?$", "name"),
        (r"^功能科目$|^(部门|政府)?(支出)?(经济|功能)分类科目名称$", "name"),
        # '支出功能分类科目（按大类）': the 大类 listed by name (the bracket may be cut off); a 政府采购 table's items
        (r"科目（按[^）]*）?$|^采购项目(名称)?$|^采购(物品|品目)(大类|名称)?$|^专项名称$", "name"),
        ((r"^[“\"]?三公[”\"]?经费(财政拨款)?(预算)?(支出)?(合计|总额)?$|^合计$|^总计$|^本年支出合计$"
          r"|^本年收入合计$"
          r"|^支出总计$"), "total"),
        (r"^小计$", "subtotal"),
        (r"^(本年)?基本支出$", "basic"),
        (r"^(本年)?项目支出$|^专项业务经费(支出)?$", "project"),
        (r"^人员(经费|支出|经费支出|类)$", "personnel"),
        (r"^(日常)?公用(经费|支出|经费支出|类)$", "public"),
        (r"因公出国", "outbound"),
        (r"^公务用车购置及运行(维护)?费?$|^公务用车购置及运维费$", "vehicle"),
        (r"^公务用车购置费?$", "vehicle_purchase"),
        (r"^公务用车运行(及|和)?维护费$|^公务用车运行费$|^公务用车运维费$", "vehicle_operation"),
        (r"^公务接待费$", "reception"),
        (r"^会议费$", "meeting"),
        (r"^培训费$", "training"),
        (r"^机关运行经费(预算)?数?$", "running_costs"),
        (r"^工资福利支出$", "wage_welfare"),
        (r"^商品(和)?服务支出$", "goods_services"),
        (r"^对个人和家庭的?补助(支出)?$", "individual_family"),
        (r"^部门项目$", "dept_project"),
        (r"^公共项目$", "public_project"),
        (r"^(项目)?金额$", "amount"),
        (r"^上缴上级支出$|^上级上缴支出$", "remit_to_superior"),
        (r"^事业单位经营支出$|^经营支出$", "operating_expenditure"),
        (r"^对附属单位(的)?补助支出$", "subsidy_to_subordinate"),
        (r"^本年收入$", "current_income"),
        (r"^本年拨款$|^本年支出$", "current"),
        (CARRYOVER_IN + r"|^财政拨款结转结余$", "carryover"),
        (r"^(年末|年终)结转(和|及)?(结余)?$|^结转下年资金$", "carryover_out"),
        (r"^单位预留机动经费$", "reserve"),
        (r"^用事业基金弥补收支差额$|^使用非财政拨款结余(资金)?$", "business_fund"),
        (r"^(一般)?公共预算(财政拨款|拨款)?(收入|资金)?$", "general_budget"),
        (r"^(本级)?财政拨款(收入)?$", "fiscal"),
        (r"^政府性基金(预算)?(财政拨款|拨款)?(收入|资金)?$", "gov_fund"),
        (r"^国有资本经营(预算)?(财政拨款|拨款)?(收入|资金)?$", "soe_capital"),
        (r"^财政专户(管理资金|拨款|管理事业)(收入)?$", "special_account"),
        (r"^教育收费(收入)?$", "special_account_education"),
        (r"^其他专户(收入)?拨款$", "special_account_other"),
        (r"^事业收入(（不含教育收费）)?$", "business"),
        (r"^事业单位经营(服务)?收入$|^经营收入$", "operating"),
        (r"^上级补助收入$", "superior_subsidy"),
        (r"^对?附属单位上缴收入$", "subordinate"),
        # the balance of the units' own bank accounts brought into the year
        (r"^上年实户资金余额$", "balance_in"),
        # a column that shows part of the one before it ("其中：专项资金列入部门预算的项目")
        (r"^其中[:：]", "of_which"),
        (r"^其[他它]收入$|^其他资金$", "other"),
        (r"^单位资金$", "unit_funds"),
        (r"^(本年)?预算数?$|^年初预算(数)?$|^全年预算数?$|^\d{4}年度?预算数?$|^预算金额$", "budget"),
        (r"^调整(后)?预算(数)?$", "adjusted_budget"),
        (r"^(本年)?决算数?$|^(本年)?支出决算$", "actual"),
        (r"^上年(度)?(预算|决算|执行)?数$|^上年(度)?(预算|决算|执行)$|^上年(度)?$", "prior_year"),
        (r"^增减(变化)?(情况|金额|数|额)?$|^比上年增减$", "change"),
        (r"^(增减|增长)(率|幅度)?（%）$", "change_rate"),
        (r"^(\d{4}年度?)?(扣除.*后)?执行数$|^实际执行(数|金额)?$", "executed"),
        (r"^预算批复(数|金额)?$", "approved"),
        (r"^(预算|资金)到位(数|金额)?$", "arrived"),
        (r"^指标结余(数|金额)?$", "balance"),
        (r"^编制预算(数)?$", "current"),
        (r"^(项目)?总(预算|金额)$", "project_total"),
    )
)

GROUP_KEYS = frozenset({"current_income", "current", "carryover", "budget", "actual", "prior_year",
                        "amount", "basic", "vehicle"})
IGNORED_LABELS = frozenset({"栏次", "行次栏次"})
SOURCE_KEYS = frozenset({"fiscal", "general_budget", "gov_fund", "soe_capital", "special_account", "business",
                         "operating", "superior_subsidy", "subordinate", "other", "unit_funds"})
LABEL_COLUMN_KEYS = frozenset({"code", "name", "unit_name", "line_no"})


def compact_label(label: str) -> str:
    label = regexes.sub(r"\s+", "", label)
    return label.replace("(", "（").replace(")", "）").replace("（境）", "（境）")


_OF_WHICH = regexes.compile(r"^其中[：:]\s*(.+)$")


@lru_cache(maxsize=1 << 12)  # the same headers are keyed again by every table and rule
def label_key(label: str) -> str | None:
    """The key of one header label; "其中：X" (a part of the column before it) takes X's key,
    or `of_which` when X names nothing known (a part that no sum counts)."""
    compact = compact_label(label)
    part = _OF_WHICH.match(compact)
    if part:
        return _plain_label_key(part.group(1)) or "of_which"
    return _plain_label_key(compact)


def _plain_label_key(compact: str) -> str | None:
    plain = compact.replace("（", "(").replace("）", ")")
    for pattern, key in LABEL_KEYS:
        if pattern.search(compact) or pattern.search(plain):
            return key
    return None


_YEAR_BUDGET = regexes.compile(r"^(\d{4})年度?(预算|决算)数?$")


def dated_keys(paths: list[list[str]], keys: list[str | None]) -> list[str | None]:
    """Columns headed by years ("2025年预算数" beside "2026年预算数"): the latest year is this
    year's; the earlier ones are last year's figures."""
    years = {i: int(m.group(1)) for i, path in enumerate(paths) if path
             and (m := _YEAR_BUDGET.match(compact_label(path[-1])))}
    if len(set(years.values())) < 2:
        return keys
    latest = max(years.values())
    return ["prior_year" if years.get(i, latest) < latest else key for i, key in enumerate(keys)]


def meetings_beside_sangong(paths: list[list[str]], keys: list[str | None]) -> list[str | None]:
    """A 三公 table that adds 会议费 and 培训费 (合计 | “三公”经费 / 小计 … | 会议费 | 培训费): its
    合计 holds all three (`total_with_meetings`), the 三公 小计 is the 三公 total."""
    totals = [i for i, key in enumerate(keys) if key == "total"]
    subtotals = [i for i, key in enumerate(keys)
                 if key == "subtotal" and "三公" in "".join(paths[i])]
    if len(totals) != 1 or len(subtotals) != 1 or not {"meeting", "training"} & set(keys):
        return keys
    out = list(keys)
    out[totals[0]], out[subtotals[0]] = "total_with_meetings", "total"
    return out


def path_key(path: list[str]) -> str | None:
    """The key for a header path such as ["基本支出", "小计"] → "basic"."""
    keys = [label_key(label) for label in path]
    known = [key for key in keys if key]
    if not known:
        return None
    for group in ("prior_year", "change"):  # last year's figures, or the change, beside this year's
        if group in known[:-1]:
            inner = path_key([label for label, key in zip(path, keys, strict=True)
                              if key != group])
            return group if inner in (None, "total", "subtotal") else f"{group}_{inner}"
    leaf = known[-1]
    if leaf == "amount" and len(known) > 1 and known[-2] in SOURCE_KEYS:
        return known[-2]  # 本级财政拨款 / 金额: the fund's own amount
    parents = [key for key in known[:-1] if key in GROUP_KEYS]
    parent = parents[-1] if parents else None
    if leaf == "subtotal":
        source = next((key for key in reversed(known[:-1]) if key in SOURCE_KEYS), None)
        return "total" if parent == "current" else (parent or source or "subtotal")
    if parent in ("budget", "actual", "amount"):
        return parent if leaf == "total" else leaf
    if parent == "carryover" and leaf in SOURCE_KEYS:
        return f"carryover_{leaf}"
    if parent == "carryover" and leaf == "total":
        return "carryover"
    return leaf
