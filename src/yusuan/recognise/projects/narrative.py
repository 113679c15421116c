"""Projects the narrative lists with their amounts, and its statement of the 绩效目标 total."""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Line
from yusuan.recognise.projects.model import ListItem, Quote
from yusuan.recognise.projects.text import Amount, clean, parse_number

ENUM = r"(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|(?<![\d.])\d{1,2}[、.．](?!\d))"
ITEM = regexes.compile(ENUM + r"\s*(?:项目\s*)?(?P<name>[^，。；;,（(、][^，。；;]*?)\s*(?:项目\s*)?"
                  r"(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)")
INTRO = regexes.compile(r"项目支出")
TOP_HEADING = regexes.compile(r"^\s*[一二三四五六七八九十]{1,3}[、.．]")
CATEGORY_NAMES = ("运转类项目", "特定目标类项目", "人员类项目", "项目支出", "基本支出")
PERFORMANCE_TOTAL = regexes.compile(
    r"(?:(?P<count>\d+)\s*个\s*项目|项目个数\s*(?P<count2>\d+)\s*个)[^。]*?"
    r"(?:涉及|金额)(?P<fund>[^。\d]*?)(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)")
PERFORMANCE_SCOPE = regexes.compile(
    r"绩效目标[^。]*?(?:涉及|金额)(?P<fund>[^。\d]*?)(?P<amount>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<unit>万元|元)")
# "项目全年预算数为…万元，执行数为…万元": what a 决算's 绩效自评 paragraph says was spent
SPENT = regexes.compile(r"执行数\s*(?:为|是)?\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)")
GENERAL_FUND = "一般公共预算"
MAX_GAP = 12
# "2023 年度基金审计：项目全年预算数为 21 万元": the name ends at the colon before the budget clause
NAME_CLAUSE = regexes.compile(r"\s*[：:][^：:]*(?:预算|资金|金额|执行)[^：:]*$")


@dataclass(slots=True)
class PerformanceTotal:
    """"…设置…个项目支出绩效目标，涉及…万元": the project total the narrative puts under targets."""

    amount: Amount
    count: int | None
    line: int
    fund: str | None = None  # "一般公共预算" when the amount is that fund's part only


def narrative_items(lines: list[Line], skip: set[int]) -> list[ListItem]:
    """Enumerated "name amount万元" items after an introduction that names 项目支出."""
    items: list[ListItem] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.number not in skip and INTRO.search(line.text):
            found, index = _read_list(lines, index, skip)
            items.extend(found)
        index += 1
    return _dedupe(items)


def _read_list(lines: list[Line], start: int, skip: set[int]) -> tuple[list[ListItem], int]:
    items: list[ListItem] = []
    category: str | None = None
    gap, index = 0, start
    while index < len(lines) and gap <= MAX_GAP:
        line = lines[index]
        text = clean(line.text)
        if index > start and (line.number in skip or (TOP_HEADING.match(text) and not items
                                                       and gap > 2)):
            break
        if index > start and TOP_HEADING.match(text) and items:
            break
        found = _line_items(text, line.number)
        for item in found:
            if any(c in item.name for c in CATEGORY_NAMES):
                category = item.name
                continue
            item.category = category
            items.append(item)
        gap = 0 if found else gap + (1 if text else 0)
        index += 1
    return items, index - 1


def _line_items(text: str, number: int) -> list[ListItem]:
    out: list[ListItem] = []
    matches = list(ITEM.finditer(text))
    for k, match in enumerate(matches):
        parsed = parse_number(match.group("amount"))
        name = NAME_CLAUSE.sub("", match.group("name")).strip()
        if parsed is None or not name:
            continue
        item = ListItem(name, in_wan(parsed, match.group("unit"), number), number)
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        spent = SPENT.search(text, match.end(), end)
        figure = parse_number(spent.group("amount")) if spent else None
        if spent and figure is not None:
            item.spent = in_wan(figure, spent.group("unit"), number)
        out.append(item)
    return out


def in_wan(parsed: tuple[float, int], unit: str, line: int) -> Amount:
    """A narrative amount in 万元, the unit the project checks compare in: "12345元" is
    1.2345 万元, printed to 4 decimals (its precision is kept, not invented)."""
    value, decimals = parsed
    if unit == "元":
        return Amount(round(value / 10000, decimals + 4), decimals + 4, line)
    return Amount(value, decimals, line)


def _dedupe(items: list[ListItem]) -> list[ListItem]:
    seen: set[int] = set()
    out: list[ListItem] = []
    for item in items:
        key = hash((item.name, item.line))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def performance_total(lines: list[Line], skip: set[int]) -> PerformanceTotal | None:
    """The narrative's "绩效目标 … 涉及 … 万元" statement, read across wrapped lines."""
    for index, line in enumerate(lines):
        if line.number in skip or "绩效目标" not in line.text:
            continue
        window = [ln for ln in lines[index:index + 8] if ln.text.strip()][:4]
        joined = "".join(clean(ln.text) for ln in window)
        match = PERFORMANCE_TOTAL.search(joined) or PERFORMANCE_SCOPE.search(joined)
        if match is None:
            continue
        parsed = parse_number(match.group("amount"))
        if parsed is None:
            continue
        groups = match.groupdict()
        count = groups.get("count") or groups.get("count2")
        at = _line_of(window, match.group("amount"))
        fund = GENERAL_FUND if GENERAL_FUND in (groups.get("fund") or "") else None
        return PerformanceTotal(in_wan(parsed, match.group("unit"), at),
                                int(count) if count else None, line.number, fund)
    return None


def _line_of(window: list[Line], figure: str) -> int:
    for line in window:
        if figure in line.text.replace(" ", ""):
            return line.number
    return window[0].number


LATEX = (("$", ""), ("\\leqslant", "≤"), ("\\geqslant", "≥"), ("\\leq", "≤"), ("\\geq", "≥"),
         ("\\le", "≤"), ("\\ge", "≥"), ("\\%", "%"), ("＞", ">"), ("＜", "<"), ("％", "%"))
# measure words a quoted value may carry, longer before shorter ("人次" before "人")
MEASURES = ("万人次", "人次", "场次", "户次", "家次", "平方米", "公里", "小时", "万元", "次", "家",
            "人", "个", "件", "天", "日", "元", "场", "项", "批", "期", "篇", "份", "户", "所",
            "座", "台", "套", "辆", "名", "亩", "轮", "条")
QUOTE = regexes.compile(
    r"(?P<name>[^：:，,。；;、“”\"]{3,30}?)\s*(?:达到|达|为)?\s*"
    r"(?P<op>≥|≤|>=|<=|>|<|不低于|不少于|不高于|不超过)\s*"
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|" + "|".join(MEASURES) + ")?")
QUOTE_PREFIX = regexes.compile(r"^(?:主要产出和效益是)?(?:[一二三四五六七八九十]是)?(?:预计)?(?:当年|全年)?"
                          r"(?:实现|完成)?")
SUB_HEADING = regexes.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])")
ITEM_START = regexes.compile(r"^\s*" + ENUM)
MAX_PARAGRAPH = 6


def _unlatex(text: str) -> str:
    for old, new in LATEX:
        text = text.replace(old, new)
    return text


def attach_quotes(lines: list[Line], items: list[ListItem]) -> None:
    """Indicators with a comparator and a value quoted in each item's paragraph (the item's line
    and its wrapped continuation, up to the next item or heading)."""
    starts = {item.line for item in items}
    for item in items:
        pieces: list[tuple[int, str]] = []
        for line in lines[item.line - 1:item.line - 1 + MAX_PARAGRAPH * 2]:
            text = clean(line.text)
            if line.number != item.line and text and (
                    line.number in starts or SUB_HEADING.match(text) or ITEM_START.match(text)):
                break
            if text:
                pieces.append((line.number, _unlatex(text)))
            if len(pieces) >= MAX_PARAGRAPH:
                break
        item.quotes = _quotes(pieces)


def _quotes(pieces: list[tuple[int, str]]) -> list[Quote]:
    joined, starts = "", []
    for number, text in pieces:
        starts.append((len(joined), number))
        joined += text
    out: list[Quote] = []
    for clause in regexes.finditer(r"[^。；;]+", joined):
        for match in QUOTE.finditer(clause.group(0)):
            name = QUOTE_PREFIX.sub("", regexes.sub(r"\s+", "", match.group("name")))
            name = regexes.sub(r"(?:达到|达|为)$", "", name)
            if len(name) < 3 or "预算数" in name or "万元" in name:
                continue
            at = clause.start() + match.start("num")
            line = max((n for offset, n in starts if offset <= at), default=pieces[0][0])
            op = {">=": "≥", "<=": "≤"}.get(match.group("op"), match.group("op"))
            unit = match.group("unit") or ""
            out.append(Quote(name, f"{op}{match.group('num')}{unit}", float(match.group("num")),
                             unit, line))
    return out
