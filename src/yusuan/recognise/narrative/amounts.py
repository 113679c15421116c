"""Amount facts of one paragraph: figures, their concepts, and the changes, rates and shares
printed after them ("比2030年预算减少1234.56万元，减少12.34%", "占56.78%")."""

from __future__ import annotations

import re

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass, field
from yusuan.model import Fact
from yusuan.recognise.narrative.concepts import classify, scope_of, strip_label
from yusuan.recognise.narrative.mentions import Mention, find_mentions, sentence_bounds
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.recognise.narrative.text import HEADING

_UP = ("增加", "增长", "上升", "提高", "增")
_DOWN = ("减少", "下降", "降低", "减", "节约")
_DIRECTION = r"(?:增加|减少|增长|下降|降低|上升|提高|节约|增|减)"
_CHANGE = regexes.compile(rf"{_DIRECTION}(?:[（(]{_DIRECTION}[)）])?$")
_COMPARE = regexes.compile(r"(比|较|与|同比|相比)")
_SHARE = regexes.compile(r"^占")
# a rate named by its width or as a rate ('增幅 5.78%', '减幅8.12%', '下降率为 3%')
_RATE_WORD = regexes.compile(r"(?:(增|涨)|(减|降))(?:幅度?|长率)(?:为|是|达到?)?$"
                        r"|(?:(增长|增加|上升)|(下降|减少|降低))(?:率|幅度)(?:为|是|达到?)?$")
_EXECUTION = regexes.compile(r"(完成(?:年初|全年)?预算的?|预算执行率为?|执行率为?)$")
# '年初预算为', and the 三公 lines of a 决算: '公务接待费支出预算为…，支出决算为…'
_BUDGET = regexes.compile(r"(年初预算数?|全年预算数?|调整后预算数?|预算数)为$|年初预算数?$"
                     r"|(?:支出|经费|拨款|费)预算为$")
_ACTUAL = regexes.compile(r"(支出决算数?|决算数|执行数|实际支出)为?$")
_FLAT = regexes.compile(r"持平|无变化|没有变化")


@dataclass(slots=True)
class _State:
    """What reading one paragraph's amounts has found so far."""

    paragraph: Paragraph
    facts: list[Fact] = field(default_factory=list)
    subject: Fact | None = None
    subject_end: int = -1  # end of the sentence the subject stands in
    subject_at: int = 0  # where the subject's figure ends
    ends: list[int] = field(default_factory=list)  # where each fact's figure ends
    year: int | None = None  # the document's year, when known


def amount_facts(paragraph: Paragraph, year: int | None = None) -> list[Fact]:
    """The amount facts of one paragraph, with changes, rates and shares in `extra`; `year` is
    the document's (a figure of an earlier year is kept as its subject's `prior`)."""
    state = _State(paragraph, year=year)
    for mention in find_mentions(paragraph):
        if state.subject is not None and mention.start > state.subject_end:
            _carry_or_drop(state, mention)
        _take(state, mention)
    _mark_flat(state)
    return state.facts


_LEADING_COMPARE = regexes.compile(r"\s*(?:比|较)\s*\d{4}\s*年|\s*(?:比|较)上年|\s*同比")


def _carry_or_drop(state: _State, mention: Mention) -> None:
    """'…总预算 1,234.56 万元。比 2030 年预算增加 0 万元': a sentence that opens with the
    comparison and names nothing of its own continues the previous sentence's subject."""
    text = state.paragraph.text
    start, end = sentence_bounds(text, mention.start)
    if start == state.subject_end + 1 and _LEADING_COMPARE.match(text[start:mention.start]) \
            and not _listed_part(state):
        state.subject_end = end
    else:
        state.subject = None


_PARTS_LISTED = regexes.compile(r"主要包括|具体包括|其中|包括[：:]")


def _listed_part(state: _State) -> bool:
    """The subject is a part listed under an earlier figure of its sentence ('研究调研活动
    166.02万元，主要包括：…；专题培训 49.72万元…'): a comparison after the list may be of the
    whole or of the part, so it is of neither."""
    text = state.paragraph.text
    for fact, end in zip(state.facts, state.ends, strict=True):
        if fact is state.subject:
            return False
        between = text[end:state.subject_at]
        if "。" not in between and _PARTS_LISTED.search(between):
            return True
    return False


def _take(state: _State, mention: Mention) -> None:
    label = mention.label
    if mention.is_percent:
        _take_percent(state, mention)
    elif _ACTUAL.search(label) and state.subject is not None and "budget" in state.subject.extra:
        _set_actual(state.subject, mention)
    elif (year := _earlier_year(state, mention)) is not None:
        _set_prior(state, mention, year)
    elif _BUDGET.search(label):
        _new_fact(state, mention, _subject_text(state, label, _BUDGET), role="budget")
    elif _CHANGE.search(label) and (_COMPARE.search(_before(state, mention))
                                    or len(strip_label(label)) <= 6):
        _take_change(state, mention)
    elif mention.unit is not None:
        _new_fact(state, mention, label)


_CLAUSE_END = regexes.compile(r"[，,；;。：:]")
_YEAR_NAMED = regexes.compile(r"(?<!\d)(\d{4})\s*年")


def _clause(state: _State, mention: Mention) -> str:
    """The words of the figure's own clause: '，2025年预算数为' of '…，2025年预算数为9.23万元'."""
    text = state.paragraph.text[:mention.start]
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    return text[ends[-1] if ends else 0:]


def _earlier_year(state: _State, mention: Mention) -> int | None:
    """'“三公”经费预算数为7.61万元，2025年预算数为9.23万元': a figure right after its sentence's
    subject, before any change is stated, whose own clause names an earlier year than the
    subject (than the document, when the subject names none) is the subject's figure of that
    year, not a second figure of this year."""
    subject = state.subject
    clause = _clause(state, mention)
    named = _YEAR_NAMED.search(clause)
    if subject is None or named is None or mention.is_percent or _COMPARE.search(clause) \
            or _CHANGE.search(mention.label) or "prior" in subject.extra \
            or "change" in subject.extra:
        return None
    start, _ = sentence_bounds(state.paragraph.text, mention.start)
    between = _YEAR_NAMED.sub("", state.paragraph.text[state.subject_at:mention.start])
    if state.subject_at < start or regexes.search(r"\d", between):
        return None  # the subject stands in an earlier sentence, or another figure came between
    subject_years = [int(y) for y in _YEAR_NAMED.findall(state.paragraph.text[start:state.subject_at])]
    year = int(named.group(1))
    current = min(subject_years) if subject_years else state.year
    return year if current is not None and year < current else None


def _set_prior(state: _State, mention: Mention, year: int) -> None:
    subject = state.subject
    assert subject is not None
    subject.extra.update(prior=mention.value, prior_decimals=mention.decimals,
                         prior_line=mention.line, prior_year=year,
                         prior_unit=mention.unit or subject.unit)


def _before(state: _State, mention: Mention) -> str:
    """The sentence up to the figure: '与 2022 年度相比，…减少' compares with 2022."""
    start, _ = sentence_bounds(state.paragraph.text, mention.start)
    return state.paragraph.text[start:mention.start]


def _new_fact(state: _State, mention: Mention, label: str, role: str | None = None) -> None:
    label = _other_side(state, mention, label)
    concept, extra = classify(label, state.paragraph.context, state.year)
    if concept == "amount" and role is None and not state.facts \
            and HEADING.match(state.paragraph.text):
        label = state.paragraph.text[:mention.start]
        extra = {"label": strip_label(label)}
    extra = {**extra, "label": strip_label(label) or extra.get("label", "")}
    extra.setdefault("scope", scope_of(label, state.paragraph.context))
    if role == "budget":
        extra.update(budget=mention.value, budget_decimals=mention.decimals,
                     budget_line=mention.line)
    start, end = sentence_bounds(state.paragraph.text, mention.start)
    fact = Fact(concept, mention.value, mention.unit, mention.line, "narrative",
                state.paragraph.text[start:end].strip(), mention.decimals,
                state.paragraph.page, extra)
    fact.extra["section"] = state.paragraph.heading
    subject = state.subject
    if subject is not None and subject.concept in PART_PARENTS and subject.concept != concept \
            and "其中" in state.paragraph.text[state.subject_at:mention.start] \
            and not {subject.concept, concept} <= _SIBLINGS:
        fact.extra["part_of"] = subject.concept
    elif state.facts and state.facts[-1].concept == concept and state.facts[-1].extra.get("part_of"):
        fact.extra["part_of"] = state.facts[-1].extra["part_of"]  # the 其中 list goes on
    state.facts.append(fact)
    state.ends.append(mention.end)
    state.subject, state.subject_end, state.subject_at = fact, end, mention.end


_SIDES = {"收入": "支出", "支出": "收入"}


def _other_side(state: _State, mention: Mention, label: str) -> str:
    """'政府性基金预算财政拨款收入 2.00 万元，支出 2.00 万元': a bare 支出 (收入) right after the
    other side of the same sentence names that side of the same money."""
    side = strip_label(label)
    subject = state.subject
    if side not in _SIDES or subject is None or mention.start > state.subject_end:
        return label
    named = str(subject.extra.get("label", ""))
    if not named.endswith(_SIDES[side]) or len(named) <= len(side):
        return label
    return named[:-len(side)] + side


PART_PARENTS = frozenset({"basic_expenditure", "project_expenditure", "personnel_funds",
                          "public_funds", "functional_item", "sangong_total",
                          "procurement_total", "performance_coverage"})


_SIBLINGS = frozenset({"basic_expenditure", "project_expenditure"})


def _subject_text(state: _State, label: str, pattern: re.Pattern[str]) -> str:
    """The words naming what a '年初预算为…' figure is of (this clause, else the paragraph head)."""
    head = pattern.sub("", label).strip()
    if strip_label(head) not in ("", "项目"):
        return head
    text = state.paragraph.text
    cut = min((i for i in (text.find(ch) for ch in "。：:") if i >= 0), default=len(text))
    return text[:cut]


def _set_actual(fact: Fact, mention: Mention) -> None:
    fact.extra.update(actual=mention.value, actual_decimals=mention.decimals,
                      actual_line=mention.line)
    fact.value, fact.decimals, fact.line = mention.value, mention.decimals, mention.line
    fact.unit = mention.unit or fact.unit


def _direction(label: str) -> tuple[str, int]:
    words = regexes.findall(_DIRECTION, label)
    if not words:
        return "", 0
    if len(words) > 1 and any(w in _UP for w in words) and any(w in _DOWN for w in words) \
            and regexes.search(r"[（(]", label):
        return "".join(words), 0
    word = words[-1]
    return word, (1 if word in _UP else -1)


def _target(state: _State, label: str) -> Fact | None:
    """The fact a change refers to: named before '比' in the label, else the subject."""
    parts = _COMPARE.split(label, maxsplit=1)
    head = parts[0] if len(parts) > 1 else regexes.sub(rf"各?{_DIRECTION}.*$", "", label)
    if strip_label(head):
        concept, _ = classify(head, state.paragraph.context)
        if concept != "amount" and (state.subject is None or state.subject.concept != concept):
            return next((f for f in reversed(state.facts) if f.concept == concept), None)
    return state.subject


def _take_change(state: _State, mention: Mention) -> None:
    fact = _target(state, mention.label)
    if fact is None or "change" in fact.extra:
        return
    if fact is not state.subject:
        state.subject = fact
        state.subject_end = sentence_bounds(state.paragraph.text, mention.start)[1]
    word, sign = _direction(mention.label)
    year = regexes.search(r"(?:比|较|与)\s*(\d{4})\s*年", _before(state, mention))
    fact.extra.update(
        change=sign * mention.value if sign else mention.value, direction=word,
        change_decimals=mention.decimals, change_line=mention.line,
        change_unit=mention.unit or fact.unit, change_text=mention.label + mention.text,
        change_unit_missing=mention.unit is None,
        base_year=int(year.group(1)) if year else None,
        base="上年" if "上年" in mention.label else None)


def _take_percent(state: _State, mention: Mention) -> None:
    fact = state.subject
    label = mention.label
    if fact is None:
        return
    if _EXECUTION.search(label):
        fact.extra.update(execution_rate=mention.value, execution_decimals=mention.decimals,
                          execution_line=mention.line)
    elif _SHARE.search(label):
        fact.extra.update(share=mention.value, share_decimals=mention.decimals,
                          share_line=mention.line, share_of=regexes.sub(r"^比", "", label[1:]).strip("的 "))
    elif _CHANGE.search(label) and "rate" not in fact.extra:
        word, sign = _direction(label)
        fact.extra.update(rate=sign * mention.value if sign else mention.value,
                          rate_direction=word, rate_decimals=mention.decimals,
                          rate_line=mention.line)
    elif (width := _RATE_WORD.search(label)) and "rate" not in fact.extra:
        sign = 1 if width.group(1) or width.group(3) else -1
        fact.extra.update(rate=sign * mention.value, rate_direction=width.group(0),
                          rate_decimals=mention.decimals, rate_line=mention.line)
    elif "rate" not in fact.extra and fact.extra.get("change") \
            and _rate_in_brackets(state.paragraph.text, mention):
        sign = 1 if fact.extra["change"] > 0 else -1
        fact.extra.update(rate=sign * mention.value, rate_direction=fact.extra.get("direction"),
                          rate_decimals=mention.decimals, rate_line=mention.line)


# '较上年减少14.2万元（44.38%）': the rate of the change just stated, in brackets after it
_RATE_IN_BRACKETS = regexes.compile(rf"{_DIRECTION}\s*[\d.,]+\s*(?:亿元|万元|元)\s*[（(]\s*[\d.]+\s*%$")


def _rate_in_brackets(text: str, mention: Mention) -> bool:
    return bool(_RATE_IN_BRACKETS.search(text[:mention.end])
                and regexes.match(r"\s*[)）]", text[mention.end:]))


def _mark_flat(state: _State) -> None:
    for fact in state.facts:
        if "change" in fact.extra:
            continue
        if _FLAT.search(fact.text) and _COMPARE.search(fact.text):
            fact.extra.update(change=0.0, direction="持平", change_decimals=2,
                              change_line=fact.line, change_unit=fact.unit,
                              base_year=_base_year(fact.text))


def _base_year(text: str) -> int | None:
    match = regexes.search(r"(?:比|较|与)\s*(\d{4})\s*年", text)
    return int(match.group(1)) if match else None
