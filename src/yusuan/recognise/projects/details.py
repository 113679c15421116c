"""测算明细: the lines that make up a form's budget, each with its amount and basis."""

from __future__ import annotations

from functools import lru_cache

from yusuan import regexes
from yusuan.model import Line
from yusuan.recognise.projects.labels import Joined
from yusuan.recognise.projects.model import DetailLine, ProjectForm
from yusuan.recognise.projects.text import Amount, Cell, cells_of, compact, parse_money

HEADERS = ("项目活动", "活动内容", "活动内容表述", "支出经济分类", "测算依据及说明", "表述", "支出经济", "分类", "金额", "备注", "项目支出明细",
           "项目支出明细预算", "预算及测算依", "据", "算", "细金额", "项目支出明", "预", "明", "及测算依据", "算及测算依据", "项目支出明细预",
           "算及测算依")
BASIS_LABEL = "测算依据及说明"
ENDS = ("purchase", "goal", "long", "annual")
TRAILING = regexes.compile(r"^(?P<text>.*?\S)\s+(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?:万元)?$")
LEADING = regexes.compile(r"^(?P<amount>\d[\d,]*(?:\.\d+)?)\s+(?P<text>[^\d\s].*)$")
ENUMERATOR = regexes.compile(r"^\d{1,2}\s*[.、．]$")
MAX_ITEM = 60


def detail_range(joined: Joined) -> tuple[int, int] | None:
    start = joined.find("details")
    if start is None:
        return None
    ends = [m.start() for m in (joined.find(f, start.end()) for f in ENDS) if m]
    end = min(ends) if ends else len(joined.text)
    return joined.line_at(start.start()), joined.line_at(end) - (1 if ends else 0)


def read_details(form: ProjectForm, lines: list[Line], joined: Joined) -> None:
    found = detail_range(joined)
    if found is None:
        return
    first, last = found
    pending: list[str] = []
    for line in lines[first - 1:last]:
        cells = [c for c in cells_of(line) if not ENUMERATOR.match(c.text)]
        if not cells:
            continue
        if "\t" in line.text and _attach_basis(form, cells, pending):
            continue
        _read_line(form, cells, pending)


def _attach_basis(form: ProjectForm, cells: list[Cell], pending: list[str]) -> bool:
    """One cell per line: the cell after a lone amount is that line's basis."""
    if not form.details or pending or len(cells) != 1:
        return False
    last = form.details[-1]
    text = cells[0].text
    if last.basis or last.line != cells[0].line - 1 - _gap(cells[0].line, last.line) \
            or parse_money(text, cells[0].line, form.money) or _is_header(text) or TRAILING.match(text):
        return False
    if len(text) < 12:
        return False
    last.basis, last.basis_line = text, cells[0].line
    return True


def _gap(line: int, previous: int) -> int:
    return max(line - previous - 1, 0) if line - previous <= 3 else 0


@lru_cache(maxsize=1 << 12)  # a form's cells are asked again for each line and amount
def _is_header(text: str) -> bool:
    words = compact(text)
    return words in HEADERS or all(w in HEADERS for w in text.split()) or \
        words.startswith(("项目支出明细", "项目活动", "项目支出预算", "项目支出明细预算"))


def _read_line(form: ProjectForm, cells: list[Cell], pending: list[str]) -> None:
    moneys = [i for i, c in enumerate(cells) if parse_money(c.text, c.line, form.money)]
    if moneys and any(_is_header(c.text) for c in cells[: moneys[0]]):
        pending.clear()
        return
    for index, cell in enumerate(cells):
        text = cell.text
        if compact(text).startswith(BASIS_LABEL):
            rest = compact(text)[len(BASIS_LABEL):]
            tail = rest or " ".join(c.text for c in cells[index + 1:])
            if tail and not _is_header(tail):
                form.basis_text.append((tail, cell.line))
            return
        if _is_header(text):
            pending.clear()
            continue
        money = parse_money(text, cell.line, form.money)
        if money is not None:
            basis = " ".join(c.text for c in cells[index + 1:] if not _is_header(c.text))
            _add(form, pending, money, basis, cell.line)
            if basis:
                return
            continue
        trailing = TRAILING.match(text)
        if trailing and not moneys:
            money = parse_money(trailing.group("amount"), cell.line, form.money)
            if money is not None:
                pending.append(trailing.group("text"))
                _add(form, pending, money, "", cell.line)
                continue
        leading = LEADING.match(text)
        if leading and not moneys:
            money = parse_money(leading.group("amount"), cell.line, form.money)
            if money is not None:
                _add(form, pending, money, leading.group("text"), cell.line)
                continue
        pending.append(text)


def _add(form: ProjectForm, pending: list[str], money: Amount, basis: str, line: int) -> None:
    item = compact("".join(pending))[:MAX_ITEM]
    pending.clear()
    if item.endswith("合计"):
        form.detail_total = money
        return
    if not item and not basis:
        return
    form.details.append(DetailLine(item, money, line, basis, line if basis else None))
