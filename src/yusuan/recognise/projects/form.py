"""One project performance form read from its lines: identity, budget, funding, change text,
cited documents, detail lines and indicators."""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Line
from yusuan.recognise.projects.details import read_details
from yusuan.recognise.projects.indicators import read_goals, read_indicators
from yusuan.recognise.projects.labels import Joined
from yusuan.recognise.projects.model import ProjectForm, Reference, YearFigure
from yusuan.recognise.projects.spans import Span
from yusuan.recognise.projects.text import (
    Amount,
    compact,
    find_date,
    in_money,
    parse_number,
    span_texts,
)

POSTCODE = regexes.compile(r"\d{4,7}(?!\d)")
CODE = regexes.compile(r"[0-9A-Z][0-9A-Z\-]{5,}")
FIGURE = regexes.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")
CHANGE_FIGURE = regexes.compile(
    r"(20\d\d)\s*年([^，。；;,\d]{0,12}?)(\d[\d,]*(?:\.\d+)?)\s*(万元|万|元)")
CHANGE_WORDS = regexes.compile("增|减|较|比|下降")
FUNDING_ROW = regexes.compile(
    r"(?P<label>合\s*计|(?:\d{1,2}\s*[.、．]\s*)?[^|\d\s.、．][^|\d]*?)[\s|]*"
    r"(?P<value>\d[\d,]*(?:\.\d+)?)(?:\s*万元)?(?=[\s|]|$)")
TITLE_YEAR = regexes.compile(r"《[^》]*?(20\d\d)\s*年[^》]*》|关于[^《》。；]*?(20\d\d)\s*年[^《》。；]*")
DOC_NUMBER_YEAR = regexes.compile(r"[〔\[【(（]\s*(20\d\d)\s*[〕\]】)）]")


MONEY = regexes.compile(r"单位\s*[:：]\s*(万元|元)")


def read_form(lines: list[Line], span: Span, money: str | None = None) -> ProjectForm:
    """The form of `span`; its amounts are in the unit its head names, else in `money` (the
    tables' unit), else in 万元."""
    joined = Joined.of_texts(*span_texts(lines, span.first, span.last))
    form = ProjectForm(lines=(span.first, span.last), title=span.title,
                       money=_form_money(lines, span) or money or "万元")
    _identity(form, joined)
    _date(form, lines, span)
    _budget(form, joined)
    _change(form, joined)
    _funding(form, joined)
    form.references = _references(joined)
    read_details(form, lines, joined)
    form.goals = read_goals(joined)
    form.indicators = read_indicators(lines, joined)
    return form


def _form_money(lines: list[Line], span: Span) -> str | None:
    for line in lines[span.first - 1:span.name_line]:
        found = MONEY.search(line.text)
        if found:
            return found.group(1)
    return None


def _identity(form: ProjectForm, joined: Joined) -> None:
    found = joined.value("name")
    if found:
        form.name, form.name_line = compact(found[0]), found[1]
    code = joined.value("code")
    if code and CODE.match(compact(code[0])):
        form.code, form.code_line = CODE.match(compact(code[0])).group(0), code[1]  # type: ignore[union-attr]
    unit = joined.value("unit")
    if unit and unit[0]:
        form.unit, form.unit_line = compact(unit[0]), unit[1]
    _contact(form, joined)
    department = joined.value("department")
    form.department = compact(department[0]) if department and department[0] else None
    for field in ("property", "category", "type"):
        value = joined.value(field)
        if value and value[0] and not form.category:
            form.category = compact(value[0])


def _contact(form: ProjectForm, joined: Joined) -> None:
    address = joined.value("address")
    if address and address[0]:
        form.address = compact(address[0])
    postcode = joined.value("postcode")
    digits = POSTCODE.match(compact(postcode[0])) if postcode else None
    if postcode and digits:
        form.postcode, form.postcode_line = digits.group(0), postcode[1]


def _date(form: ProjectForm, lines: list[Line], span: Span) -> None:
    for line in lines[span.first - 1:span.name_line]:
        date = find_date(line.text)
        if date and "日期" in line.text:
            form.date, form.date_line = date, line.number
            return


def _amount_of(joined: Joined, field: str) -> Amount | None:
    found = joined.value(field)
    if not found:
        return None
    match = FIGURE.match(found[0].replace(" ", ""))
    parsed = parse_number(match.group(0)) if match else None
    return Amount(parsed[0], parsed[1], found[1]) if parsed else None


def _budget(form: ProjectForm, joined: Joined) -> None:
    form.total = _amount_of(joined, "total")
    form.current = _amount_of(joined, "current")


def _change(form: ProjectForm, joined: Joined) -> None:
    found = joined.value("change")
    if not found:
        return
    _, line, offset = found
    stop = joined.find("funding", offset)
    text = joined.text[offset:stop.start() if stop else offset + 300]
    form.change_text, form.change_line = text.replace("|", "").strip(), line
    for match in CHANGE_FIGURE.finditer(text):
        parsed = parse_number(match.group(3))
        if parsed is None or CHANGE_WORDS.search(match.group(2)):
            continue
        value, decimals = in_money(parsed[0], parsed[1], match.group(4), form.money)
        at = joined.line_at(offset + match.start(3))
        form.change_figures.append(YearFigure(int(match.group(1)), value, decimals, at))


def _funding(form: ProjectForm, joined: Joined) -> None:
    found = joined.value("funding")
    if not found:
        return
    start = found[2]
    end_match = joined.find("details", start)
    end = end_match.start() if end_match else min(len(joined.text), start + 600)
    for match in FUNDING_ROW.finditer(joined.text, start, end):
        label = regexes.sub(r"^\d{1,2}\s*[.、．]\s*", "", compact(match.group("label"))).strip("|")
        parsed = parse_number(match.group("value"))
        if not label or parsed is None or label in form.funding:
            continue
        form.funding[label] = Amount(parsed[0], parsed[1],
                                     joined.line_at(match.start("value")))


def _references(joined: Joined) -> list[Reference]:
    out: list[Reference] = []
    for field in ("basis", "plan"):
        found = joined.value(field)
        if not found:
            continue
        text, _, offset = found
        for match in TITLE_YEAR.finditer(text):
            year = int(match.group(1) or match.group(2))
            line = joined.line_at(offset + match.start())
            out.append(Reference(match.group(0).replace("|", ""), [year], line, field))
    return out


def funding_total(form: ProjectForm) -> Amount | None:
    return next((a for k, a in form.funding.items() if k.replace(" ", "") == "合计"), None)


def doc_number_years(text: str) -> list[int]:
    return [int(y) for y in DOC_NUMBER_YEAR.findall(text)]
