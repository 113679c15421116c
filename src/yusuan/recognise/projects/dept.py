"""The 部门整体支出绩效目标表: funding by class and year, tasks, goals, project list, indicators."""

from __future__ import annotations

from yusuan import regexes
from yusuan.layout.pipe import is_pipe_row
from yusuan.model import Line
from yusuan.recognise.projects.indicators import indicator_rows
from yusuan.recognise.projects.model import DeptForm, DeptProject
from yusuan.recognise.projects.tasks import read_tasks
from yusuan.recognise.projects.text import Amount, clean, compact, find_date, parse_number

FUNDING_LABELS = ("财政拨款", "财政专户管理资金", "单位资金", "其他资金", "合计", "资金总额",
                  "人员类项目支出", "运转类项目支出", "特定目标类项目支出", "基本支出", "项目支出")
CATEGORY = regexes.compile(r"(类项目|性项目|支出项目)$")
YEAR = regexes.compile(r"(20\d\d)\s*年")
GOAL_START = ("长期目标", "年度目标", "年度绩效指标", "长期绩效指标")
MARKS = {"tasks": ("年度工作任务", "年度主要任务"), "projects": "项目支出情况", "goals": "整体绩效总目",
         "duties": "部门职能概述"}


def read_dept_form(lines: list[Line], first: int, last: int, title: str = "") -> DeptForm:
    form = DeptForm(lines=(first, last), title=title)
    block = [_tabbed(line) for line in lines[first - 1:last]]
    marks = _marks(block)
    for line in block[:8]:
        date = find_date(line.text)
        if date and "日期" in line.text:
            form.date, form.date_line = date, line.number
    end_funding = marks.get("duties", marks.get("tasks", last))
    _funding(form, [ln for ln in block if ln.number < end_funding])
    tasks_end = marks.get("projects", marks.get("goals", last))
    if "tasks" in marks:
        form.tasks = [(clean(ln.text), ln.number) for ln in block
                      if marks["tasks"] <= ln.number < tasks_end and clean(ln.text)]
    read_tasks(form, block)
    if "projects" in marks:
        stop = marks.get("goals", last)
        form.projects = _projects([ln for ln in block if marks["projects"] < ln.number < stop])
    if "goals" in marks:
        goal_lines = [ln for ln in block if ln.number >= marks["goals"]]
        form.goals = [(clean(ln.text), ln.number) for ln in goal_lines if "目标" in ln.text]
        form.indicators = indicator_rows(lines, marks["goals"], last, "dept")
    return form


def _tabbed(line: Line) -> Line:
    """A markdown pipe row as the TAB-separated row it stands for."""
    text = line.text.strip()
    if not is_pipe_row(text):
        return line
    return Line(line.number, "\t".join(part.strip() for part in text[1:-1].split("|")),
                line.page)


def _marks(block: list[Line]) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in block:
        text = compact(line.text)
        for key, word in MARKS.items():
            if key not in out and text.startswith(word):
                out[key] = line.number
        if "goals" not in out and "projects" in out and text.startswith(GOAL_START):
            out["goals"] = line.number
    return out


TOTAL_HEADS = ("预算支出总额",)


def _headed_total(form: DeptForm, block: list[Line]) -> None:
    """北京 13表: 预算支出总额 heads a column (beside 财政拨款 and 其他资金 with their 合计,
    基本支出, 项目支出 below), its figure on the first line of figures under it, in the same
    cell."""
    for index, line in enumerate(block):
        cells = [compact(cell) for cell in line.text.split("\t")]
        column = next((i for i, cell in enumerate(cells) if cell in TOTAL_HEADS), None)
        if column is None or _figures(line):
            continue
        for below in block[index + 1:index + 4]:
            if not _figures(below):
                continue
            under = below.text.split("\t")
            parsed = parse_number(compact(under[column])) if column < len(under) else None
            if parsed is not None:
                form.funding.setdefault("expenditure_total",
                                        {"current": Amount(parsed[0], parsed[1], below.number)})
                form.label_lines.setdefault("expenditure_total", line.number)
            return


def _funding(form: DeptForm, block: list[Line]) -> None:
    _headed_total(form, block)
    side = "income"
    for index, line in enumerate(block):
        text = compact(line.text)
        if not form.years:
            form.years = _column_years(block[index:])
        if "支出构成" in text or text.startswith("支出"):
            side = "expenditure"
        pairs = _label_figure_pairs(line)
        if len(pairs) >= 2:  # 基本支出 | 12,634.14 | 财政拨款 | 98,880.78: two blocks side by side
            for pair_label, amount in pairs:
                form.label_lines.setdefault(pair_label, line.number)
                form.funding.setdefault(pair_label, {"current": amount})
            continue
        label = _funding_label(line)
        if label is None:
            continue
        if label == "合计":
            label = f"{side}_total"
        elif label == "资金总额":  # 年度预算安排 | 资金总额, above 项目支出 and 基本支出
            label = "expenditure_total"
        form.label_lines.setdefault(label, line.number)
        figures = _figures(line) or _cells_below(block[index + 1:])
        if figures and label not in form.funding:
            keys = ["current", *form.years][: len(figures)]
            form.funding[label] = dict(zip(keys, figures, strict=False))
        elif not figures and label not in form.funding:
            form.blank.setdefault(label, line.number)


_LEAD = regexes.compile(r"^(其中[:：]?|[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]+)")


def _funding_label(line: Line) -> str | None:
    """The funding label a cell of the line begins with ('项目支出', '财政拨款'); a label inside
    other words ('截至11月底项目支出完成率', an indicator) is none, and so is a line of several
    labels and no figure (总额 | 财政拨款 | 其他资金: the heads of columns, not a row)."""
    cells = [_LEAD.sub("", compact(cell)) for cell in regexes.split(r"\t|\s{2,}", line.text)]
    labelled = [cell for cell in cells if cell.startswith(FUNDING_LABELS)]
    if len(labelled) >= 2 and not _figures(line):
        return None
    return next((label for label in FUNDING_LABELS
                 if any(cell.startswith(label) for cell in cells)), None)


def _label_figure_pairs(line: Line) -> list[tuple[str, Amount]]:
    """The (label, figure) pairs of a row whose cells are funding labels each followed by its
    one figure; a label whose next cell is no figure ends the pairs (none then)."""
    if "\t" not in line.text:
        return []
    cells = [_LEAD.sub("", compact(cell)) for cell in line.text.split("\t")]
    pairs: list[tuple[str, Amount]] = []
    for index, cell in enumerate(cells[:-1]):
        if cell not in FUNDING_LABELS:
            continue
        parsed = parse_number(cells[index + 1])
        if parsed is None:
            return []
        pairs.append((cell, Amount(parsed[0], parsed[1], line.number)))
    return pairs


def _column_years(rest: list[Line]) -> list[str]:
    """The 近两年 column years: two on one line, or (one cell per line) on consecutive lines."""
    years = YEAR.findall(rest[0].text)
    if len(years) >= 2:
        return years
    if len(years) != 1 or compact(rest[0].text) != f"{years[0]}年":
        return []
    for line in rest[1:]:
        word = compact(line.text)
        if not word:
            continue
        found = YEAR.fullmatch(word)
        if found is None:
            break
        years.append(found.group(1))
    return years if len(years) >= 2 else []


def _cells_below(after: list[Line]) -> list[Amount]:
    """One cell per line: a label's figures on the lines below it, up to the next text
    (shares such as "100%" skipped); none when the cells are blank."""
    out: list[Amount] = []
    for line in after:
        word = compact(line.text)
        if not word or word.endswith(("%", "％")):
            continue
        parsed = parse_number(word)
        if parsed is None:
            break
        out.append(Amount(parsed[0], parsed[1], line.number))
    return out


def _figures(line: Line) -> list[Amount]:
    out: list[Amount] = []
    for word in regexes.split(r"[\s\t]+", clean(line.text.replace("\t", " "))):
        parsed = parse_number(word)
        if parsed is not None:
            out.append(Amount(parsed[0], parsed[1], line.number))
    return out


def _projects(block: list[Line]) -> list[DeptProject]:
    out: list[DeptProject] = []
    pending: list[str] = []
    skip_line = False
    for line in block:
        parts = line.text.split("\t") if "\t" in line.text else clean(line.text).split(" ")
        words = [w for w in (clean(p) for p in parts) if w]
        if not words:
            continue
        if skip_line:
            skip_line = False
            continue
        nums = [i for i, w in enumerate(words) if parse_number(w.replace(" ", "")) is not None]
        if len(nums) < 2 and not (len(words) == 1 and parse_number(words[0])):
            pending.extend(w for w in words if not _is_header(w))
            continue
        if len(words) == 1:  # one cell per line: the figures come on lines of their own
            pending.append(words[0])
            figures = [w for w in pending if parse_number(w)]
            if len(figures) >= 2:
                name = [w for w in pending if not parse_number(w)]
                out.append(_project(name, figures, line.number))
                pending, skip_line = [], True
            continue
        before = [w for w in words[: nums[0]] if not _is_header(w)]
        has_name = any(not CATEGORY.search(compact(w)) for w in before)
        name = before if has_name else pending + before
        out.append(_project(name, [words[nums[0]], words[nums[1]]], line.number))
        pending = []
    return [p for p in out if p.name]


def _project(words: list[str], figures: list[str], line: int) -> DeptProject:
    category = next((w for w in words if CATEGORY.search(compact(w))), None)
    if category is None and words and " " in words[-1]:
        head, _, tail = words[-1].rpartition(" ")
        if CATEGORY.search(tail):
            words, category = [*words[:-1], head], tail
    name = compact("".join(w for w in words if w != category))
    total, current = (parse_number(f.replace(" ", "")) for f in figures[:2])
    return DeptProject(name, line, compact(category) if category else None,
                       Amount(total[0], total[1], line) if total else None,
                       Amount(current[0], current[1], line) if current else None)


def _is_header(word: str) -> bool:
    return compact(word) in ("项目名称", "支出项目类别", "项目类型", "项目总预算", "项目本年度预算",
                             "项目本年度预", "算", "项目主要", "支出方向和用途", "项目主要支出方向和用途")
