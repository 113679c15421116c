"""Document metadata: department, year, kind (部门预算/单位预算/部门决算/单位决算), unit."""

from __future__ import annotations

import re
from collections import Counter

from yusuan import regexes
from yusuan.model import Line, Table

_KIND = regexes.compile(r"(部门|单位)\s*(预算|决算)")
# How the names of government bodies end (局, 委员会, 中心 …): one list for both patterns below.
_BODY_SUFFIX = "局|委员会|委|办公室|办|中心|院|所|站|馆|厅|部|会|队|处|学校|医院"
_DEPARTMENT = regexes.compile(
    rf"([\u4e00-\u9fff（）()]{{2,40}}?(?:{_BODY_SUFFIX}))"
    r"(?:本级)?\s*(?:（本级）)?\s*(?:[0-9]{4}\s*年\s*度?)?\s*(?:部门|单位)(?:预算|决算)"
)
_UNIT = regexes.compile(r"单位\s*[:：]\s*(万元|元|亿元)")


_YEAR = regexes.compile(r"((?:19|20)\d{2})年")


_BARE_YEAR = regexes.compile(r"^((?:19|20)\d{2})$")
_HEADER_YEAR = regexes.compile(r"((?:19|20)\d{2})年(?:度)?(?:预算|决算)")


def document_year(lines: list[Line], tables: list[Table] | None = None) -> int | None:
    """The year of the lines that name the document (…2023年…部门预算…), not of comparisons;
    a file of tables alone is dated by its tables' titles and 预算数/决算数 headers."""
    counts: Counter[int] = Counter()
    for index, line in enumerate(lines[:400]):
        compact = line.text.replace(" ", "")
        if not _KIND.search(compact):
            continue
        match = _YEAR.search(compact)
        if match and "比" not in compact[: match.start()] and "上年" not in compact[: match.start()]:
            counts[int(match.group(1))] += 1
        elif not match:
            counts.update(int(m.group(1)) for near in lines[max(0, index - 1):index + 2]
                          if (m := _BARE_YEAR.match(near.text.strip())))
    if counts:
        return counts.most_common(1)[0][0]
    return tables_year(lines, tables or []) or prevailing_year(lines)


def file_name_year(name: str) -> int | None:
    """The one year a file's name gives ("2026年北京市财政局部门预算.pdf"), for a file whose text
    names none (tables alone, titled 预算01表…); a name with two years gives none."""
    years = {int(y) for y in regexes.findall(r"(?<!\d)(20\d\d)\s*年", name)}
    return years.pop() if len(years) == 1 else None


def tables_year(lines: list[Line], tables: list[Table]) -> int | None:
    """The latest year a table's title line or a 预算数/决算数 header names (上年 columns are earlier)."""
    titles = [lines[t.lines[0] - 1].text for t in tables if 0 < t.lines[0] <= len(lines)]
    years = [int(m.group(1)) for title in titles for m in _YEAR.finditer(title.replace(" ", ""))]
    years += [int(m.group(1)) for table in tables for column in table.columns
              for m in _HEADER_YEAR.finditer("".join(column.header))]
    return max(years) if years else None


def prevailing_year(lines: list[Line]) -> int | None:
    """The year most of the first pages name, when it is named at least twice as often as any other."""
    counts = Counter(int(m.group(1)) for line in lines[:400] for m in _YEAR.finditer(line.text.replace(" ", "")))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def document_kind(lines: list[Line], tables: list[Table] | None = None) -> str | None:
    counts: Counter[str] = Counter()
    for line in lines[:400]:
        for match in _KIND.finditer(line.text.replace(" ", "")):
            counts[match.group(1) + match.group(2)] += 1
    from_tables = tables_kind(tables or [])
    if not counts:
        return from_tables
    budget = counts["部门预算"] + counts["单位预算"]
    accounts = counts["部门决算"] + counts["单位决算"]
    phase = "预算" if budget >= accounts else "决算"
    if from_tables and not from_tables.endswith(phase) and budget + accounts < FEW_MENTIONS:
        phase = from_tables[-2:]  # a passing mention (批复部门决算) in a file of 预算 tables
    unit_count, dept_count = counts[f"单位{phase}"], counts[f"部门{phase}"]
    return f"{'单位' if unit_count > dept_count else '部门'}{phase}"


FEW_MENTIONS = 5
MAX_TITLE = 60


def names_a_disclosure(lines: list[Line]) -> bool:
    """Whether a heading among the first lines names a 部门/单位 预算/决算: a short line that is
    no sentence (a title, a cover, a running head), not a passing mention in running text."""
    for line in lines[:400]:
        compact = line.text.replace(" ", "")
        if (len(compact) <= MAX_TITLE and not compact.endswith(("。", "；", "，", "！", "？"))
                and _KIND.search(compact)):
            return True
    return False


def tables_kind(tables: list[Table]) -> str | None:
    """A file of standard tables alone (预算01表 收支总表 …): 预算 or 决算 by its titles and
    column headers; 部门, the kind such files are published for."""
    text = "".join(table.title + "".join("".join(c.header) for c in table.columns) for table in tables
                   if table.kind not in ("other", "project_performance", "dept_performance"))
    text = regexes.sub(r"一般公共预算|政府性基金预算|国有资本经营预算", "", text)
    budget, accounts = text.count("预算"), text.count("决算")
    if not budget and not accounts:
        return None
    return "部门决算" if accounts > budget else "部门预算"


_DEPARTMENT_LINE = regexes.compile(r"^(?:部门/单位|部门（单位）|部门|部门名称|单位名称|编制单位)\s*[:：]\s*(\S+?)(?:\s+(?:金额)?单位\s*[:：].*)?$")
_ORGANISATION = regexes.compile(rf"^[\u4e00-\u9fff（）()]{{3,40}}(?:{_BODY_SUFFIX})(?:（本级）|\(本级\))?$")
_UNIT_LIST = regexes.compile(r"\[\d+\]\s*([^\[\],，]+)")
DEPARTMENT_LINE_OPENS = "部单编"  # the first characters of _DEPARTMENT_LINE's labels


def labelled_department(text: str) -> str | None:
    """The organisation a stripped line names under a label ("部门：某某局", "编制单位：…")."""
    # each label opens with 部, 单 or 编 (most lines none)
    match = _DEPARTMENT_LINE.match(text) if text[:1] in DEPARTMENT_LINE_OPENS else None
    return match.group(1) if match and _ORGANISATION.match(match.group(1)) else None


def printed_department(lines: list[Line]) -> str | None:
    """The department a table header names ("部门：…", or the last unit of "[056]… , [056002]…")."""
    counts: Counter[str] = Counter()
    for line in lines:
        text = line.text.strip()
        labelled = labelled_department(text)
        if labelled:
            counts[labelled] += 1
            continue
        units = _UNIT_LIST.findall(text) if text[:1] == "[" else None  # a unit list opens with [
        if units and _ORGANISATION.match(units[-1].strip()):
            counts[units[-1].strip()] += 1
    return counts.most_common(1)[0][0] if counts else None


def department_titles(text: str) -> list[re.Match[str]]:
    """The titles naming a department in one line (…局部门预算, …中心2026年单位决算), its spaces
    taken out; group 1 is the name."""
    compact = text.replace(" ", "")
    if "预算" not in compact and "决算" not in compact:  # every title ends in one of them
        return []
    return list(_DEPARTMENT.finditer(compact))


def document_department(lines: list[Line]) -> str | None:
    printed = printed_department(lines)
    if printed:
        return printed
    counts: Counter[str] = Counter()
    for line in lines[:400]:
        for match in department_titles(line.text):
            name = regexes.sub(r"^(第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|(\d{4})?年度?)", "",
                          match.group(1))
            if len(name) >= 4:
                counts[name] += 1
    return counts.most_common(1)[0][0] if counts else None


_CELL_AMOUNT_UNIT = regexes.compile(r"^[≤≥<>=＜＞＝]?\s*\d[\d,]*(\.\d+)?\s*(万元|亿元|元)$")
MIN_CELLS_WITH_UNIT = 2


def document_unit(tables: list[Table], lines: list[Line]) -> str | None:
    """The unit of the tables: the one most tables state, else the first 单位 line's, else the
    one the table cells write with their amounts or headings use ('≤3843.67万元' in a 绩效自评表
    whose money block states none, '预算金额（万元）'), when two cells at least do and all agree."""
    counts = Counter(table.unit for table in tables if table.unit)
    if counts:
        return counts.most_common(1)[0][0]
    for line in lines:
        match = _UNIT.search(line.text)
        if match:
            return match.group(1)
    return cells_unit(lines)


_CELL_HEADED_UNIT = regexes.compile(r"[（(](万元|亿元|元)[)）]$")


def cells_unit(lines: list[Line]) -> str | None:
    """The unit table cells write: after their amounts ('≤3843.67万元') or in their headings
    ('预算金额（万元）')."""
    units = [match.group(match.lastindex or 0) for line in lines if "\t" in line.text
             for cell in line.text.split("\t")
             if (match := _CELL_AMOUNT_UNIT.match(cell.strip()) or _CELL_HEADED_UNIT.search(cell.strip()))]
    return units[0] if len(units) >= MIN_CELLS_WITH_UNIT and len(set(units)) == 1 else None
