"""What a narrative amount is of: its label (and the heading above it) → a concept."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from yusuan import regexes
from yusuan.recognise.narrative.text import HEADING

# 功能分类 类 names (general classification, every year) → 类 code.
FUNCTIONAL_CLASSES = {
    "一般公共服务支出": "201", "外交支出": "202", "国防支出": "203", "公共安全支出": "204",
    "教育支出": "205", "科学技术支出": "206", "文化旅游体育与传媒支出": "207",
    "社会保障和就业支出": "208", "卫生健康支出": "210", "节能环保支出": "211",
    "城乡社区支出": "212", "农林水支出": "213", "交通运输支出": "214",
    "资源勘探工业信息等支出": "215", "商业服务业等支出": "216", "金融支出": "217",
    "援助其他地区支出": "219", "自然资源海洋气象等支出": "220", "住房保障支出": "221",
    "粮油物资储备支出": "222", "灾害防治及应急管理支出": "224", "其他支出": "229",
    "债务还本支出": "231", "债务付息支出": "232", "债务发行费用支出": "233",
}
# 部门经济分类 names that narratives list with amounts.
ECONOMIC_NAMES = (
    "工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出", "基本工资", "津贴补贴",
    "奖金", "绩效工资", "伙食补助费", "机关事业单位基本养老保险缴费", "职业年金缴费",
    "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费", "住房公积金", "医疗费",
    "其他工资福利支出", "离休费", "退休费", "生活补助", "医疗费补助", "奖励金",
    "其他对个人和家庭的补助", "办公费", "印刷费", "咨询费", "手续费", "水费", "电费", "邮电费",
    "取暖费", "物业管理费", "差旅费", "因公出国(境)费用", "维修(护)费", "租赁费", "会议费",
    "培训费", "公务接待费", "专用材料费", "被装购置费", "专用燃料费", "劳务费", "委托业务费",
    "工会经费", "福利费", "公务用车运行维护费", "其他交通费用", "税金及附加费用",
    "其他商品和服务支出", "办公设备购置", "专用设备购置", "信息网络及软件购置更新",
)
_ECONOMIC_RE = regexes.compile("(" + "|".join(re.escape(n).replace(r"\(", "[(（]").replace(r"\)", "[)）]")
                                         for n in sorted(ECONOMIC_NAMES, key=len, reverse=True))
                          + ")$")
_LEAD = regexes.compile(r"^(?:其中|主要用于|主要包括|包括|均为|主要是|分别为|用于|为|：|:|\s)+")
_YEAR = regexes.compile(r"^(?:\d{4}\s*年度?)\s*")
# a name may hold a bracketed part of its own ("中医（民族）医院（项）", "党委办公厅（室）…"), not
# a level mark and not a list number ("（18）")
_NAME_BRACKET = r"[（(](?!\s*[类款项]\s*[)）])(?![\d一二三四五六七八九十\s]+[)）])[^（()）]*[)）]"
_LEVEL = regexes.compile(rf"((?:[^（()）]|{_NAME_BRACKET})*?)[（(]\s*(类|款|项)\s*[)）]")

SANGONG = (
    ("因公出国", "sangong_outbound"),
    ("公务用车购置及运行|公务用车购置和运行|公务用车购置及维护", "sangong_vehicle"),
    ("公务用车购置", "sangong_vehicle_purchase"),
    ("公务用车运行|车辆运行", "sangong_vehicle_operation"),
    ("公务接待", "sangong_reception"),
    ("三公", "sangong_total"),
)
# 会议费 / 培训费 stated beside the 三公 (the 三公 table prints them): the label is the item and
# the words of its money, not a unit's part of it ("局本级会议费增加")
_MEETING_TRAINING = regexes.compile(r"^(?:本部门|部门)?(?:当年)?(?:一般公共预算)?(?:财政拨款)?(?:安排的?)?"
                               r"(会议|培训)费(?:预算|支出|决算)*数?(?:安排)?为?$")
_MEETINGS_HEADING = regexes.compile(r"会议费.{0,3}培训费")
INCOME = (
    ("一般公共预算", "general_budget_income"), ("政府性基金", "gov_fund_income"),
    ("国有资本经营", "soe_capital_income"), ("财政专户", "special_account_income"),
    ("经营收入", "operating_income"), ("事业收入", "business_income"),
    ("上级补助", "superior_subsidy_income"), ("附属单位", "subordinate_income"),
    ("其他收入", "other_income"), ("财政拨款", "fiscal_income"),
)
EXPENDITURE_BY_SCOPE = {
    "department": "total_expenditure", "general_budget": "general_budget_expenditure",
    "fiscal": "fiscal_expenditure", "gov_fund": "gov_fund_expenditure",
    "soe_capital": "soe_capital_expenditure",
}
_SCOPE_WORDS = regexes.compile(
    r"一般公共预算|政府性基金预算?|国有资本经营预算?|财政拨款|部门预算|部门|预算数?|资金|安排|"
    r"本年度?|当年|年度|全年|[、，]|各")
_EXPENDITURE_RESIDUES = frozenset({"", "支出", "总支出", "支出合计", "支出总额", "支出决算", "拨款",
                                   "拨款支出", "总", "合计"})
_INCOME_RESIDUES = frozenset({"收入", "总收入", "收入合计", "收入总额", "收入决算", "拨款收入",
                              "拨款总收入"})


def residue(text: str) -> str:
    """The label without its scope words: '一般公共预算财政拨款支出预算' → '支出'."""
    return _SCOPE_WORDS.sub("", text).strip()


@lru_cache(maxsize=1 << 12)  # a label is stripped again by each step of its classifying
def strip_label(label: str) -> str:
    """Drop list markers, leading years and filler words ('其中：', '主要用于')."""
    text = label.strip()
    for _ in range(3):
        before = text
        match = HEADING.match(text)
        if match:
            text = text[match.end():]
        text = _LEAD.sub("", text)
        text = _YEAR.sub("", text).strip()
        if text == before:
            break
    return text


def scope_of(label: str, context: str) -> str:
    """Which money the figure counts: the whole department, 一般公共预算, 财政拨款, …"""
    for source in (label, "".join(context.split())):
        # a heading cut at its line end ("…2026年一般公共预") still names its money
        if "一般公共预算" in source or source.endswith("一般公共预"):
            return "general_budget"
        if "政府性基金" in source or source.endswith("政府性基"):
            return "gov_fund"
        if "国有资本经营" in source or source.endswith("国有资本经"):
            return "soe_capital"
        if "财政拨款" in source:
            return "fiscal"
    return "department"


def functional_item(label: str) -> dict[str, Any] | None:
    """'卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）…' → its names by level."""
    levels = {kind: name.strip(" 。.、") for name, kind in _LEVEL.findall(label)}
    if not levels:
        return None
    names = {"类": "class", "款": "section", "项": "item"}
    out: dict[str, Any] = {names[k]: v for k, v in levels.items() if v}
    lei = out.get("class")
    if lei and not lei.endswith("支出"):
        out["class"] = lei + "支出"
    if "class" in out:
        out["class"] = _strip_numbering(out["class"])
        out["class_code"] = FUNCTIONAL_CLASSES.get(out["class"])
    if "section" in out:
        out["kuan"] = out["section"]  # "section" is also the heading an amount stands under
    if "item" in out:
        out["items"] = [n for n in regexes.split(r"[、，,]", out["item"]) if n]
    out["name"] = out.get("item") or out.get("section") or out.get("class")
    return out


def _strip_numbering(name: str) -> str:
    match = HEADING.match(name)
    return name[match.end():].strip() if match else name.strip()


# '湖州市卫生健康委员会 2026 年支出预算', '况说明××局2026年收入预算': the department (after the
# tail of a heading wrapped onto the paragraph) and the year before the words that name the figure
_SUBJECT_YEAR = regexes.compile(r"^([^\d，,。；;：:、]{2,40}?(?:委员会|联合会|政府|局|厅|院|中心|办公室|署|部|"
                           r"馆|站|所|队|处|社))\s*((?:19|20)\d\d)\s*年度?\s*")
_NOT_A_UNIT = regexes.compile(r"项目|专项|资金|经费|费|比|较|与|同|原因|是")
# what a department's total of its year may be ('××局 2026 年支出预算', '…年财政拨款预算支出')
_DEPARTMENT_TOTALS = frozenset({
    "total_income", "total_expenditure", "income_grand_total", "fiscal_grand_total",
    "fiscal_income", "fiscal_expenditure", "general_budget_income", "general_budget_expenditure",
    "gov_fund_income", "gov_fund_expenditure", "soe_capital_income", "soe_capital_expenditure",
    "basic_expenditure", "project_expenditure"})


def classify(label: str, context: str, year: int | None = None) -> tuple[str, dict[str, Any]]:
    """The concept of an amount whose label is `label`, under headings `context`; a label that
    opens on the department and the document's `year` ('湖州市卫生健康委员会 2026 年支出预算')
    names one of the department's totals with the words after them."""
    concept, extra = _classify(label, context)
    subject = _SUBJECT_YEAR.match(strip_label(label)) if concept == "amount" else None
    if subject and not _NOT_A_UNIT.search(subject.group(1)) \
            and (year is None or int(subject.group(2)) == year):
        named = _classify(strip_label(label)[subject.end():], context)
        if named[0] in _DEPARTMENT_TOTALS:
            return named
    return concept, extra


def _classify(label: str, context: str) -> tuple[str, dict[str, Any]]:
    text = strip_label(label)
    if len(text) > 60:
        return "amount", {"label": text[-60:]}
    if "(项)" in label.replace("（", "(").replace("）", ")") or regexes.search(
            r"[（(]\s*[类款]\s*[)）]", label):
        item = functional_item(label)
        if item:
            return "functional_item", item
    if "机关运行经费" in text:
        return "agency_operating_costs", {}
    if "涉及" in text or ("绩效" in context and regexes.search(r"资金|金额|预算支出|拨款", text)):
        return "performance_coverage", {"fund": scope_of(text, "")}
    if "三公" in context or "三公" in text or _MEETINGS_HEADING.search(context):
        beside = _MEETING_TRAINING.match("".join(text.split()))
        if beside:
            return ("sangong_meeting" if beside.group(1) == "会议" else "sangong_training"), {}
    if "三公" in context or "三公" in text:
        for pattern, concept in SANGONG:
            if regexes.search(pattern, text):
                return concept, {}
    if "采购" in context and "政府购买服务" not in context + text:
        found = _procurement(text)  # "拟购买服务支出" is the 服务 part of 政府采购
        if found:
            return found, {}
    if "购买服务" in context or "购买服务" in text:
        found_total = regexes.search(r"合计|总额|总计|预算|金额", text)
        return ("purchased_services" if found_total else "amount"), {"label": text}
    if "资产" in context and "绩效" not in context:
        return "asset_amount", {"label": text}
    side = _money_side(text, context)
    if side:
        return side
    match = _ECONOMIC_RE.search(text)
    if match and match.start() == 0:
        return "economic_item", {"name": match.group(1)}
    spaced_out = "".join(text.split())  # a justified line spaces its letters ("住 房保障支出")
    for name, code in FUNCTIONAL_CLASSES.items():
        if spaced_out.endswith(name):
            return "functional_item", {"class": name, "class_code": code, "name": name}
    return "amount", {"label": text}


def _procurement(text: str) -> str | None:
    text = "".join(text.split())  # a label wrapped at a line end ("拟购买服 / 务支出")
    if "小微企业" in text:  # a part of the 中小企业 amount, itself a part of the total
        return "procurement_small_micro"
    if "中小企业" in text:
        return "procurement_sme"
    for word, concept in (("货物", "procurement_goods"), ("工程", "procurement_works"),
                          ("服务", "procurement_services")):
        if word in text:
            return concept
    if regexes.search(r"采购|合计|总额|总计|预算|金额", text):
        return "procurement_total"
    return None


# '信访局临聘人员经费 15.56 万元': the cost of one kind of staff (a project), not the 人员经费
_STAFF_OF_A_KIND = regexes.compile(r"(临聘|聘用|编外|派遣|外聘|临时|协管|辅助|公益性岗位)人员经费$")


def _money_side(text: str, context: str) -> tuple[str, dict[str, Any]] | None:
    scope = scope_of(text, context)
    extra = {"scope": scope}
    simple = ((r"人员经费$|人员类项目(支出)?$", "personnel_funds"),
              (r"公用经费$|公用经费运转类项目(支出)?$", "public_funds"),
              (r"基本支出(预算|决算)?$", "basic_expenditure"),
              (r"项目支出(预算|决算)?$", "project_expenditure"))
    for pattern, concept in simple:
        if regexes.search(pattern, text) and not _STAFF_OF_A_KIND.search(text):
            return concept, extra
    if regexes.fullmatch(r"(?:财政)?专户(?:管理)?资金(?:收入)?", "".join(text.split())):
        return "special_account_income", extra  # '专户资金 432.00 万元' among the 收入
    if regexes.search(r"上年结转|年初结转", text):
        return "carryover_in", extra
    if regexes.search(r"收、?支总|收、?支各?$", text):
        return ("fiscal_grand_total" if "财政拨款" in text else "income_grand_total"), extra
    rest = residue(text)
    if regexes.search(r"收入$|收入[（(]", text):
        for word, concept in INCOME[1:-1]:
            if word in text:
                return concept, extra
    if rest in _INCOME_RESIDUES:
        if "一般公共预算" in text:
            return "general_budget_income", extra
        return ("fiscal_income" if "财政拨款" in text else "total_income"), extra
    if rest in _EXPENDITURE_RESIDUES and len(text) >= 4:
        return EXPENDITURE_BY_SCOPE[scope], extra
    return None
