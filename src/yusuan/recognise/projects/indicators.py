"""Goals and indicator rows of a form: 一级/二级/三级 指标 and their values."""

from __future__ import annotations

from functools import lru_cache

from yusuan import regexes
from yusuan.model import Line
from yusuan.readers.normalise import PAGE_NUMBER
from yusuan.recognise.projects.labels import Joined
from yusuan.recognise.projects.model import Indicator
from yusuan.recognise.projects.text import compact, line_texts

LEVEL1 = regexes.compile(r"^(产出|效益|满意度|成本)\s*指标$")
LEVEL2 = regexes.compile(r"^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|社会效益|经济效益|社会经济效益|"
                    r"生态效益|可持续(?:发展)?影响|可持续发展|服务对象满意度|满意度)\s*指?\s*标?$")
VALUE = regexes.compile(r"^(?:[≥≧≤≦><=＞＜]\s*=?\s*)?\d[\d.,]*\s*(?:%|％|[^\s\d:：]{0,4}(?:/[^\s\d]{1,2})?)$"
                   r"|^[≥≧≤≦><=＞＜]")
UNIT = regexes.compile(r"^(?:次|项|家|人次?|篇|种|栏|份|册|个|天|万?元|张|户|件|所|场|期|批|条|本|小时|"
                  r"工作日|分钟|年|月|%|％)(?:/[年月日次人户])?$")
TEXT_VALUES = ("无", "成效显著", "效果显著", "全面保障", "据实际情况确定", "按合同约定节点支付费用", "有效提升", "明显提升")
STANDARD = ("计划标准", "经验标准", "计划数据", "历史标准", "行业标准", "其他标准")
GOAL_NAME = regexes.compile(r"^(长期|年度)?\s*(绩效)?\s*目标\s*\d+\s*[:：]?")
GOAL_CELL = regexes.compile(r"^\s*(长期|年度)\s*(?:绩效)?\s*(?:目标|指标)\s*(?:表)?\s*(?:\d+\s*[:：]?)?(?=\s|$)")
HEADER = ("目标名称", "一级指标", "二级指标", "三级指标", "指标名称", "指标值", "指标内容",
          "前年", "上年", "预计当年实现", "绩效标准", "指标值确定依据", "近两年指标值",
          "长期绩效目标表", "年度绩效目标表", "年度绩效指标", "长期绩效指标", "绩效指标",
          "预期当年实现值", "一级", "二级", "三级")
HEADER_WORDS = frozenset(HEADER)  # for asking whether a word is one
LEVEL_PREFIX = regexes.compile(r"^(?:(产出|效益|满意度|成本)指标)?"
                          r"(?:((?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|社会效益|经济效益|"
                          r"社会经济效益|生态效益|可持续(?:发展)?影响|服务对象满意度)指标)|指标|标(?!准))?")
MAX_NAME = 50
_PUNCTUATION = regexes.compile(r"[()（）“”\"'《》、，,。：:；;\-—]")
MAX_TEXT_VALUE = 20


def read_goals(joined: Joined) -> list[tuple[str, str, int]]:
    """(kind, text, line) of each 长期/年度 goal of the 项目绩效总目标 block."""
    found = joined.find("goal")
    if found is None:
        return []
    end_match = joined.find("long", found.end()) or joined.find("annual", found.end())
    end = end_match.start() if end_match else min(len(joined.text), found.end() + 400)
    cells = joined.text[found.end():end].split("|")
    out: list[tuple[str, str, int]] = []
    offset = found.end()
    for index, cell in enumerate(cells):
        kind = "long" if "长期" in cell else "annual" if "年度" in cell else ""
        if kind and index + 1 < len(cells):
            out.append((kind, cells[index + 1].strip(), joined.line_at(offset + len(cell) + 1)))
        offset += len(cell) + 1
    return out


def read_indicators(lines: list[Line], joined: Joined) -> list[Indicator]:
    """Indicator rows after the goal tables' headers (tables "long" and "annual")."""
    out: list[Indicator] = []
    for table in ("long", "annual"):
        found = joined.find(table)
        if found is None:
            continue
        others = [m.start() for m in (joined.find(t, found.end()) for t in ("long", "annual")) if m]
        end = min(others) if others else len(joined.text)
        first, last = joined.line_at(found.start()), joined.line_at(max(end - 1, 0))
        out.extend(indicator_rows(lines, first, last, table))
    return out


def is_value(text: str) -> bool:
    text = text.strip()
    return bool(VALUE.match(text)) or text in TEXT_VALUES


def is_unit(text: str) -> bool:
    return bool(UNIT.match(text.strip()))


def indicator_rows(lines: list[Line], first: int, last: int, table: str) -> list[Indicator]:
    """Rows read as runs: levels set context, a name then its values, closed by a standard.
    In the department form, 长期目标 / 年度目标 cells set each row's period."""
    rows = _Rows(table)
    feed = rows.feed
    for line in lines[first - 1:last]:
        if line.page is not None and PAGE_NUMBER.match(line.text.strip()):
            continue  # a PDF page's number at the foot of the form
        texts, number = line_texts(line.text), line.number  # its cells' texts
        # a lone cell on a line of its own without a tab is the wrapped end of the cell before
        wrapped = len(texts) == 1 and "\t" not in line.text
        for text in texts:
            period, pieces = _cell_pieces(text)
            if period:
                rows.period(period, number)
            new_cell = not wrapped
            for piece in pieces:
                feed(piece, number, new_cell)
                new_cell = False
    rows.close()
    return [tidy(i) for i in rows.out if tidy(i).name]


@lru_cache(maxsize=1 << 12)  # forms repeat their cells (levels, units, standards, values)
def _cell_pieces(text: str) -> tuple[str, tuple[str, ...]]:
    """The 长期/年度 a cell opens with ("" for none) and the tokens of the rest."""
    goal = GOAL_CELL.match(text)
    if goal:
        return goal.group(1), _tokens(text[goal.end():])
    return "", _tokens(text)


class _Rows:
    """The state of the row reader: current levels, the name read so far, its values."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.when = "long" if table == "long" else "annual" if table == "annual" else ""
        self.out: list[Indicator] = []
        self.level1 = self.level2 = ""
        self.name: list[str] = []
        self.cells: list[tuple[str, int]] = []  # the name's pieces grouped by cell, with lines
        self.values: list[str] = []
        self.lines: list[int] = []
        self.line = self.value_line = self.label_line = 0
        self.label = ""
        self.fresh = False  # the last piece was a 二级指标: a second level word is the name

    def period(self, word: str, line: int = 0) -> None:
        self.close()
        self.label, self.label_line = word, line
        if self.table == "dept":
            self.when = "long" if word == "长期" else "annual"

    def close(self) -> None:
        if not (self.name or self.values or self.lines or self.cells):
            return  # nothing read since the last close (a level word, a standard)
        name = compact("".join(self.name))
        if name and self.values:
            self.out.append(Indicator(name, self.values, self.line, self.level1, self.level2,
                                      self.table, self.when, self.value_line, self.lines,
                                      self.label, self.label_line))
        self.name, self.values, self.lines, self.cells = [], [], [], []

    def text_values(self) -> None:
        """A row closed by its 指标值确定依据 with no figure: its first cell is the name and the
        cells after it are text values ("对救助对象的报销时效 | 即时报销 | 计划标准")."""
        if self.values or len(self.cells) < 2:
            return
        rest = self.cells[1:]
        if any(len(compact(text)) > MAX_TEXT_VALUE for text, _ in rest):
            return
        self.name = [self.cells[0][0]]
        self.values = [text.strip() for text, _ in rest]
        self.lines = [line for _, line in rest]
        self.value_line = rest[-1][1]

    def feed(self, piece: str, line: int, new_cell: bool = True) -> None:
        word, skipped, level1, level2, standard, value = _piece_kinds(piece)
        if skipped:
            return
        fresh, self.fresh = self.fresh, False
        if level1 and not self.values:
            self.close()
            self.level1 = word
        elif level2 and not self.name and not fresh:
            self.close()
            self.level2 = word
            self.fresh = True
            return
        elif standard:
            self.text_values()
            self.close()
        elif value:
            self.values.append(piece.strip())
            self.lines.append(line)
            self.value_line = line
        else:
            if self.values:
                self.close()
            if not self.name:
                self.line = line
            self.name.append(piece)
            if new_cell or not self.cells:
                self.cells.append((piece, line))
            else:
                self.cells[-1] = (self.cells[-1][0] + piece, self.cells[-1][1])


@lru_cache(maxsize=1 << 12)  # forms repeat their words (levels, standards, values)
def _piece_kinds(piece: str) -> tuple[str, bool, bool, bool, bool, bool]:
    """What `_Rows.feed` asks of a piece: its word without blanks; whether it is no part of
    a row (a header word, a goal's name); whether it is a 一级指标, a 二级指标, a standard, a
    value."""
    word = compact(piece)
    skipped = not word or word in HEADER_WORDS or bool(GOAL_NAME.fullmatch(word))
    return (word, skipped, bool(LEVEL1.match(word)), bool(LEVEL2.match(word)), word in STANDARD,
            is_value(piece))


def tokens(text: str) -> list[str]:
    """A cell split on blanks into names, values and words, a unit kept with its value
    ("≥1 次/年", "=80 家") and the pieces of a wrapped name joined ("医疗保险 参保人业 务完成率")."""
    return list(_tokens(text))


@lru_cache(maxsize=1 << 12)  # forms repeat their cells (levels, units, standards, values)
def _tokens(text: str) -> tuple[str, ...]:
    out: list[str] = []
    kinds: list[str] = []
    for part in text.split():
        kind = _kind(part)
        unit = kind == "unit" and kinds and kinds[-1] == "value" and not _has_unit(out[-1])
        if unit or (kind == "op" and kinds and kinds[-1] == "op"):
            out[-1] += part
        elif kinds and kinds[-1] == "op":
            out[-1] += part
            kinds[-1] = "value"
        elif kind == "name" and kinds and kinds[-1] == "name":
            out[-1] += part
        else:
            out.append(part)
            kinds.append(kind)
    return tuple(out)


@lru_cache(maxsize=1 << 12)
def _kind(part: str) -> str:
    word = compact(part)
    if part in "≥≧≤≦><=＞＜":
        return "op"
    if is_unit(part):
        return "unit"
    if is_value(part):
        return "value"
    if word in HEADER_WORDS or word in STANDARD or LEVEL1.match(word) or LEVEL2.match(word):
        return "word"
    return "name"


def _has_unit(value: str) -> bool:
    return not value.rstrip()[-1:].isdigit()


def tidy(indicator: Indicator) -> Indicator:
    """A name without level words glued before it ("服务对象满意度指标参保人员满意度"),
    the levels taken from them; over-long runs of text are no indicator."""
    name = indicator.name
    if name.startswith(HEADER):  # (no header opens most names: none is taken away)
        for header in HEADER:
            name = name.replace(header, "") if name.startswith(header) else name
    match = LEVEL_PREFIX.match(name)
    if match and match.end() and match.end() < len(name):
        indicator.level1 = f"{match.group(1)}指标" if match.group(1) else indicator.level1
        indicator.level2 = match.group(2) or indicator.level2
        name = name[match.end():]
    junk = len(name) > MAX_NAME or "总目标" in name
    indicator.name = "" if junk else name
    return indicator


def normalise(name: str) -> str:
    """An indicator name for matching: no blanks, brackets or punctuation."""
    return _PUNCTUATION.sub("", compact(name))
