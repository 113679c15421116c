"""NARRATIVE.COMPARED: a change the 情况说明 states against the comparison grid it prints itself
('经济分类科目 | 2022 年 | 2021 年 | 2022 比 2021 | 主要原因'): the sentence's figure less its
change is the grid's earlier figure; a change the grid's reason writes for one of its columns
('人员经费较2021年度减少117.71万元') is that column's difference."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location
from yusuan.recognise.narrative.compared import (
    WHOLE,
    Compared,
    ComparedRow,
    Figure,
    compared_rows,
    rows_outside,
)
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import lines_in_tables, paragraphs
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.engine.tolerance import Interval
from yusuan.rules.narrative.common import fact_location, finding_args, fmt, in_unit, narrative_facts

register_messages({"NARRATIVE.COMPARED": {"zh": "{text}", "en": "{text_en}"}})

_ORDINAL = regexes.compile(r"^(?:[①-⑳]|[（(]\s*[\d一二三四五六七八九十]+\s*[)）]|\d{1,2}\s*[.、．])")
_CODE = regexes.compile(r"[（(](\d{3,7})[)）]")
_CLAUSE = regexes.compile(r"[^，,；;。（(]+")
_STATED = regexes.compile(r"(增加|减少|增长|下降|降低)\s*(\d[\d,]*(?:\.\d+)?)\s*万元")
_UP = ("增加", "增长")


def _interval(figure: Figure) -> Interval:
    return Interval.printed(figure[0], figure[1])


def _adds_up(compared: Compared) -> bool:
    """The grid's own row: later − earlier is its difference (a row that is not says nothing)."""
    if compared.difference is None:
        return True
    return (_interval(compared.later) - _interval(compared.earlier)).meets(
        _interval(compared.difference))


def _plain_name(name: str) -> str:
    return _ORDINAL.sub("", "".join(name.split())).removesuffix("支出")


def _same_item(fact: Fact, row: ComparedRow) -> bool:
    """The sentence's item is the row's: the same name (numbering aside), or the same code."""
    label = str(fact.extra.get("label") or "")
    named, listed = _plain_name(label), _plain_name(row.name)
    if named and named == listed:
        return True
    codes = _CODE.findall(label)
    return bool(codes) and codes == _CODE.findall(row.name)


@rule("NARRATIVE.COMPARED", category="narrative_vs_table", severity="warning",
      title_zh="说明所写增减额与说明中的对比表一致",
      title_en="A change the narrative states agrees with the comparison grid it prints")
def changes_match_own_grid(doc: Document) -> Iterator[Finding]:
    """A stated change agrees with the comparison grid the narrative prints: this year's figure
    less the change is the grid's earlier figure; a change the grid's reason gives for one of
    its columns is that column's printed difference.

    Passes: 工资福利支出（301）120.00 万元，较上年减少 10.00 万元; the grid: 120.00 | 130.00 | -10.00.
    Fails:  工资福利支出（301）120.00 万元，较上年减少 12.00 万元; the grid: 120.00 | 130.00 | -10.00.
    """
    rows = compared_rows(rows_outside(doc.source.lines, lines_in_tables(doc)))
    if not rows:
        return
    yield from _sentences_against_rows(doc, rows)
    yield from _reasons_against_columns(doc, rows)


def _sentences_against_rows(doc: Document, rows: list[ComparedRow]) -> Iterator[Finding]:
    for fact in narrative_facts(doc):
        change = fact.extra.get("change")
        if fact.value is None or not isinstance(change, (int, float)) or fact.unit != "万元":
            continue
        for row in rows:
            whole = row.figures.get(WHOLE)
            if whole is None or not _same_item(fact, row) or not _adds_up(whole) \
                    or not Interval.printed(fact.value, fact.decimals).meets(_interval(whole.later)):
                continue
            finding = _sentence_finding(fact, row, whole)
            if finding is not None:
                yield finding
            break


def _sentence_finding(fact: Fact, row: ComparedRow, whole: Compared) -> Finding | None:
    extra = fact.extra
    change = in_unit(extra["change"], extra.get("change_unit"), fact.unit)
    step = Interval.printed(abs(change), extra.get("change_decimals"))
    implied = Interval.printed(fact.value or 0.0, fact.decimals) - (step if change >= 0 else -step)
    if implied.meets(_interval(whole.earlier)):
        return None
    label = extra.get("label") or fact.concept
    should = round(whole.later[0] - whole.earlier[0], 2)
    text = (f"{label} {fmt(fact.value or 0)}万元，增减 {fmt(change)} 万元，即上年 "
            f"{fmt((fact.value or 0) - change)}；说明所附对比表列 {row.years[1]} 年 "
            f"{fmt(whole.earlier[0])}，增减应为 {fmt(should)}")
    text_en = (f"{label} {fmt(fact.value or 0)} changed by {fmt(change)}, implying "
               f"{fmt((fact.value or 0) - change)} the year before; the narrative's own grid "
               f"prints {fmt(whole.earlier[0])} for {row.years[1]}, a change of {fmt(should)}")
    locations = [fact_location(fact, extra.get("change_line"))]
    locations += [Location(line, page=row.page, name="compared") for line in row.lines]
    return make_finding("NARRATIVE.COMPARED", locations,
                        {"reported": extra["change"], "computed": should},
                        **finding_args(text, text_en))


def _reasons_against_columns(doc: Document, rows: list[ComparedRow]) -> Iterator[Finding]:
    for row in rows:
        for column, compared in row.figures.items():
            if column == WHOLE or not _adds_up(compared):
                continue
            said = _said_of(row.reason, column)
            if said is None:
                continue
            clause, stated = said
            if Interval.printed(stated[0], stated[1]).meets(_interval(compared.difference
                                                                      or compared.later)):
                continue
            yield _column_finding(doc, row, column, compared, clause, stated[0])


def _said_of(reason: str, column: str) -> tuple[str, Figure] | None:
    """The one clause of the reason that names the column, and the signed change it states
    there; None when the column is named in several clauses (one unit's share of it, then
    another's) or the clause states no single change."""
    clauses = [c for c in _CLAUSE.findall(reason) if column in "".join(c.split())]
    if len(clauses) != 1:
        return None
    stated = _STATED.findall(clauses[0])
    if len(stated) != 1:
        return None
    word, number = stated[0]
    value = float(number.replace(",", ""))
    decimals = len(number.split(".")[1]) if "." in number else 0
    return clauses[0].strip(), (value if word in _UP else -value, decimals)


def _column_finding(doc: Document, row: ComparedRow, column: str, compared: Compared,
                    clause: str, stated: float) -> Finding:
    difference = compared.difference[0] if compared.difference else 0.0
    text = (f"{row.name}：说明写“{clause}”，即{column}增减 {fmt(stated)} 万元；所附对比表"
            f"{column} {row.years[0]} 年 {fmt(compared.later[0])}、{row.years[1]} 年 "
            f"{fmt(compared.earlier[0])}，增减 {fmt(difference)}")
    text_en = (f"{row.name}: the reason gives {column} a change of {fmt(stated)}, but the grid "
               f"prints {fmt(compared.later[0])} against {fmt(compared.earlier[0])}, a change "
               f"of {fmt(difference)}")
    locations = [Location(row.reason_line, page=row.page, name="compared")]
    locations += [Location(line, page=row.page, name="compared") for line in row.lines[1:]]
    locations += [Location(line) for line in _repeated_in_text(doc, clause)
                  if line not in row.lines]
    return make_finding("NARRATIVE.COMPARED", locations,
                        {"reported": stated, "computed": difference},
                        **finding_args(text, text_en))


def _repeated_in_text(doc: Document, clause: str) -> list[int]:
    """The lines of the paragraphs that write the same clause again (the item's own section)."""
    wanted = "".join(clause.split())
    lines = []
    for paragraph in paragraphs(doc):
        compact = "".join(paragraph.text.split())
        at = compact.find(wanted)
        if at >= 0:
            offsets = [i for i, ch in enumerate(paragraph.text) if not ch.isspace()]
            lines.append(paragraph.line_at(offsets[at]))
    return lines
