"""Staffing (编制, 实有, 离退休 counts) and unit composition ("机关及下属 2 家事业单位")."""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Fact, Line
from yusuan.recognise.narrative.mentions import label_before, sentence_bounds
from yusuan.recognise.narrative.paragraphs import Paragraph

_PEOPLE = regexes.compile(r"(\d+)\s*[人名](?![次份])")
_STAFF_KINDS = (
    ("参照公务员法管理|参公", "civil_service_managed"), ("离退休", "total"), ("离休", "lixiu"),
    ("退休", "tuixiu"), ("总编制|编制总数|核定编制|编制人数", "total"), ("行政编制", "admin"),
    ("事业编制", "institution"), ("工勤", "worker"), ("其他人员", "other"),
    ("实有人数|实有", "total"),
)
_UNIT_COUNT = regexes.compile(
    r"(下属|[(（]?含)?[^，。；、\d]{0,14}?(行政单位|参照公务员法管理事业单位|事业单位|二级单位|二级预算单位|"
    r"下属单位|预算单位)\s*(\d+)\s*[个家]"
    r"|下属\s*(\d+)\s*[个家]\s*(二级预算单位|二级单位|事业单位|单位)")
_COUNTED = regexes.compile(r"\d\s*[个家]")  # a count of units, the end of every _UNIT_COUNT
_OWN_ONLY = regexes.compile(r"(由|仅含|只有)?(机关)?本级(机关)?(决算|预算)?组成|单位本级决算组成")
_LIST_INTRO = regexes.compile(r"(单位|单位构成)[^。]{0,6}包括[：:]$")
_LIST_ITEM = regexes.compile(r"^\s*(?:\d{1,2}[、.．]|[（(]\d{1,2}[)）])\s*(.{2,40}?)[。；;]?$")


def staffing_facts(paragraph: Paragraph) -> list[Fact]:
    """'总编制人数 62人，其中：行政编制 7人…在职实有人数 59 人…离退休人员 9人'."""
    text = paragraph.text
    if not regexes.search(r"编制|实有|离退休|退休人员", text):
        return []
    facts = []
    actual_from = _first(text, r"实有")
    retired_from = _first(text, r"离退休|退休人员")
    for match in _PEOPLE.finditer(text):
        label = label_before(text, match.start(), 0)
        label = regexes.split(r"[(（]", label)[-1]
        kind = next((k for pattern, k in _STAFF_KINDS if regexes.search(pattern, label)), None)
        if kind is None:
            continue
        status = "authorised"
        if kind in ("lixiu", "tuixiu") or (match.start() >= retired_from and kind == "total"):
            status = "retired"
        elif match.start() >= actual_from or kind == "other":
            status = "actual"
        facts.append(_fact(paragraph, "staffing", float(match.group(1)), "人", match.start(),
                           {"status": status, "kind": kind, "label": label}))
    return facts


_HIRED = regexes.compile(r"聘[用请][^，。；、\d]{0,16}?人员\s*(\d+)\s*[人名]")


def hired_facts(paragraph: Paragraph) -> list[Fact]:
    """'聘用公共服务岗人员13人': staff hired outside the 编制 (the 其他人员 of the staffing)."""
    return [_fact(paragraph, "staffing", float(match.group(1)), "人", match.start(),
                  {"status": "hired", "kind": "other", "label": match.group(0)})
            for match in _HIRED.finditer(paragraph.text)]


def composition_facts(paragraph: Paragraph) -> list[Fact]:
    """Counts of units the narrative states, and '本级组成' (no subordinate units)."""
    text = paragraph.text
    if "单位" not in text and "本级" not in text:
        return []
    facts = []
    counted = _COUNTED.search(text) is not None  # what every _UNIT_COUNT ends with
    for match in _UNIT_COUNT.finditer(text) if counted else ():
        start, end = sentence_bounds(text, match.start())
        sentence = text[start:end]
        if regexes.search(r"新设|新增|新成立|撤销", sentence) or not regexes.search(
                r"组成|包括|构成|其中|范围|机关及下属|本级及下属", sentence + paragraph.heading):
            continue
        if match.group(4):
            kind, count, sub = match.group(5), match.group(4), True
        else:
            kind, count = match.group(2), match.group(3)
            sub = match.group(1) == "下属" or "下属" in match.group(0)
        within = bool(regexes.match(r"[(（]?含", match.group(0)))
        facts.append(_fact(paragraph, "unit_count", float(count), "个", match.start(),
                           {"kind": kind, "subordinate": sub, "included_in_previous": within,
                            "label": match.group(0)}))
    own = _OWN_ONLY.search(text) if "本级" in text else None  # every _OWN_ONLY says 本级
    if own and "下属" not in text[sentence_bounds(text, own.start())[0]:own.end()]:
        facts.append(_fact(paragraph, "unit_count", 0.0, "个", own.start(),
                           {"kind": "subordinate", "subordinate": True, "own_only": True,
                            "label": own.group(0)}))
    return facts


def unit_lists(paragraphs: list[Paragraph]) -> list[Fact]:
    """'…单位包括：' followed by numbered names → one fact listing the names."""
    facts = []
    for index, paragraph in enumerate(paragraphs):
        if not _LIST_INTRO.search(paragraph.text.rstrip()):
            continue
        names, lines = [], []
        for item in paragraphs[index + 1:index + 40]:
            match = _LIST_ITEM.match(item.text)
            if not match or regexes.search(r"\d+(\.\d+)?\s*万?元|，", item.text):
                break
            names.append(match.group(1).strip())
            lines.append(item.first_line)
        if names:
            facts.append(Fact("unit_list", float(len(names)), "个", paragraph.first_line,
                              "narrative", paragraph.text, 0, paragraph.page,
                              {"names": names, "lines": lines, "label": paragraph.text}))
    return facts


def _first(text: str, pattern: str) -> int:
    match = regexes.search(pattern, text)
    return match.start() if match else len(text) + 1


def _fact(paragraph: Paragraph, concept: str, value: float, unit: str, position: int,
          extra: dict[str, object]) -> Fact:
    start, end = sentence_bounds(paragraph.text, position)
    extra = {**extra, "section": paragraph.heading}
    return Fact(concept, value, unit, paragraph.line_at(position), "narrative",
                paragraph.text[start:end].strip(), 0, paragraph.page, extra)


_ROSTER_NUMBER = regexes.compile(r"^(?:\d{1,3}[、.．]?|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]?)$")
_CHINESE = regexes.compile(r"[\u4e00-\u9fff]")


def unit_roster(lines: list[Line]) -> list[tuple[str, int]]:
    """The units a grid headed 序号 | 单位名称 lists ("1 | 中共某市委讲师团 | 拟变动情况"), each
    with its line: the rows under the header whose first cell is a number."""
    out: list[tuple[str, int]] = []
    index = 0
    while index < len(lines):
        text = lines[index].text
        index += 1
        if "序" not in text or "称" not in text:  # no 序号 | 单位名称 (blanks inside or not)
            continue
        cells = ["".join(c.split()) for c in text.split("\t")]
        if len(cells) < 2 or cells[0] != "序号" or cells[1] != "单位名称":
            continue
        while index < len(lines):
            row = [c.strip() for c in lines[index].text.split("\t")]
            if len(row) < 2 or not _ROSTER_NUMBER.match("".join(row[0].split())) \
                    or not _CHINESE.search(row[1]):
                break
            out.append(("".join(row[1].split()), lines[index].number))
            index += 1
    return out
