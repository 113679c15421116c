"""Table titles → table kinds, by title words and their synonyms (never by position)."""

from __future__ import annotations

import re

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass

# Order matters: the first pattern that matches names the kind.
TITLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, regexes.compile(pattern))
    for kind, pattern in (
        ("project_performance", (r"项目(支出)?绩效(目标|自评)|项目申报表|项目.{0,6}绩效(目标)?表|专项.{0,8}绩效目标表"
                                r"|政策和项目.{0,4}绩效")),
        ("dept_performance", r"整体(支出)?(预算)?绩效(目标|自评)"),
        ("project_performance", r"绩效(目标|自评)表$"),
        ("sangong", r"三公"),
        ("fiscal_summary", r"财政拨款收(入)?支(出)?.{0,4}总(体情况)?表"),
        ("gov_fund", r"政府性基金"),
        ("soe_capital", r"国有资本经营"),
        ("procurement", r"政府采购"),
        ("other", r"机关运行经费.*表|国有资产.*表|政府购买服务.*表"),
        # the 财政拨款 tables beside the 一般公共预算 ones (Jiangsu) and the 一般公共预算 spending by
        # economic class (basic and project together) are kept with their titles
        ("other", r"^财政拨款(基本)?支出.{0,6}表|一般公共预算(财政拨款)?支出.{0,2}经济分类"),
        ("basic_expenditure", r"基本支出.{0,14}表"),
        ("general_budget_expenditure", r"一般公共预算(财政)?(拨款)?支出.{0,10}表"),
        ("summary", r"收支.{0,4}总(体情况)?表|收入支出(决算|预算)?(总)?表|财务收支(预算)?总表"),
        ("income", r"收入(预算|决算)?(总(体情况)?|情况)?表"),
        ("project_expenditure", r"项目支出(预算|情况|明细|决算|总)*(情况)?表|专项业务经费支出表"),
        ("expenditure", r"支出(预算|决算)?(总(体情况)?|情况)?表"),
        ("other", r"经济分类.*表"),
    )
)
# Words that prefix a title and are dropped before it is matched (the 财政拨款 of a table
# beside the 一般公共预算 ones is not such a prefix).
_TITLE_PREFIX = regexes.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])?"
                           r"(?:(?:预算|部门|市级部门|单位|部门综合预算|部门综合)(?=[^表]))*")

# A number in Arabic or in Chinese numerals, never running into the 一 of a title's 一般.
_DIGITS = r"(?:[0-9]+|[一二三四五六七八九十]+(?!般))"
_NUMBER = regexes.compile(rf"(?:附表|公开|表)\s*({_DIGITS}(?:\s*[-—－]\s*[0-9]+)?)\s*(?:表)?")
_NUMBER_ONLY = regexes.compile(
    r"^(?:附表\s*[0-9]+(?:\s*[-—－]\s*[0-9]+)?|表\s*[0-9一二三四五六七八九十]+(?:\s*[-—－]\s*[0-9]+)?|"
    r"公开\s*[0-9]+\s*表)\.?$"
)
_TOC_TAIL = regexes.compile(r"(\.{3,}|…{2,}|·{3,})\s*\d*$")
_SENTENCE = regexes.compile(r"[。；;，,！]|详见|见附表|《|^本表|^[（(]?按|反映|填写|填报")


@dataclass(frozen=True, slots=True)
class Title:
    """A table title read: its kind, its text and its number in the document."""

    kind: str
    text: str
    number: str | None


def printed_number(text: str) -> str | None:
    """The printed table number ("附表 4-2" → "附表4-2", "（表一）" → "表一", "公开 04 表" → "公开04表")."""
    match = _NUMBER.search(text)
    if not match:
        return None
    return regexes.sub(r"\s+", "", match.group(0)).rstrip(".")


def is_number_only(text: str) -> bool:
    return bool(_NUMBER_ONLY.match(text.replace(" ", "")))


def classify_title(text: str) -> Title | None:
    """A title row's kind, or None when the text is not a table title (TOC line, sentence)."""
    compact = text.replace(" ", "")
    if "表" not in compact or len(compact) > 60:  # the cheapest tests first (most rows fail)
        return None
    if _TOC_TAIL.search(compact) or _SENTENCE.search(compact):
        return None
    if compact.startswith(("-", "*", "注", "备注", "说明")):
        return None
    if "说明" in compact or compact.endswith(("情况", "分析", "解释")):
        return None
    if "分单位" in compact or "按单位" in compact:
        return Title(kind="other", text=title_core(compact), number=printed_number(compact))
    core = title_core(compact)
    subject = _TITLE_PREFIX.sub("", core)
    for kind, pattern in TITLE_PATTERNS:
        if pattern.search(subject):
            return Title(kind=kind, text=core, number=printed_number(compact))
    return None


_NAMED_TABLE = regexes.compile(r"[^\s，。；:：《》]{2,40}?表")


def announced_titles(text: str) -> list[Title]:
    """Table titles a contents line or a sentence names ("五、一般公共预算支出表……8",
    "详见《政府性基金预算支出表》"): the tables the document says it holds."""
    if "表" not in text:  # every title names its 表; most lines of a document do not
        return []
    compact = _TOC_TAIL.sub("", text.replace(" ", ""))
    found = []
    for match in _NAMED_TABLE.finditer(compact):
        start = match.start()
        for offset in range(start, match.end() - 2):
            title = classify_title(compact[offset:match.end()])
            if title:
                found.append(title)
                break
    return found


def title_core(compact: str) -> str:
    """The title without its number, year, and department prefix, for display."""
    core = regexes.sub(rf"^(附表|表)\s*{_DIGITS}(\s*[-—－]\s*[0-9]+)?[.．、:：]?", "", compact)
    core = regexes.sub(r"[（(]表\s*[0-9一二三四五六七八九十]+[)）]$", "", core)
    match = regexes.search(r"\d{4}年(度)?", core)
    if match:
        core = core[match.end():]
    return core.strip() or compact
