"""NAME.DEPARTMENT: the department is named the same on the cover, in the headings, above the
tables and in the notes under them — not with its district dropped (某市某区财政局 → 某市财政局,
another department), its last word dropped (湖州市交通运输局 → 湖州市交通运输) or one joining word
changed (规划和自然资源局 → 规划与自然资源局)."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.meta import DEPARTMENT_LINE_OPENS, department_titles, labelled_department
from yusuan.repeats import once_per_text
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "NAME.DEPARTMENT": {
        "zh": "部门名称不一致：有处写“{variant}”，{how}，文件其他处为“{name}”",
        "en": "The department is named {variant} in places ({how_en}), {name} elsewhere",
    },
})

JOINING = frozenset("和与及")
DISTRICT = regexes.compile(r"(?<=市)[\u4e00-\u9fff]{1,4}?[区县]")
NUMBERING = regexes.compile(r"^(第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|(\d{4})?年度?)")
# a note naming the department as its subject: "注：湖州市交通运输局没有国有资本经营预算…"
NOTE_SUBJECT = regexes.compile(r"^(?:注|说明|备注)\s*\d?[：:、.]\s*([\u4e00-\u9fff]{4,20}?)\s*(?:\d{4}年度?)?\s*(?:没有|无|未)")
NOTE_OPENS = "注说备"  # NOTE_SUBJECT's first characters
NAMING_OPENS = DEPARTMENT_LINE_OPENS + NOTE_OPENS
BODY = regexes.compile(r"(?:局|委员会|委|办公室|办|中心|院|厅|部)$")
OWN_LEVEL = regexes.compile(r"(（本级）|\(本级\)|本级|（汇总）|\(汇总\))$")


def mentions(doc: Document) -> dict[str, list[int]]:
    """Each way the department is named (a table header's 部门：…, a title's …部门预算), with
    the lines that name it so."""
    found: dict[str, list[int]] = {}
    names_in = once_per_text(_names_in)  # a form's lines repeat
    for line in doc.source.lines:
        if "算" not in line.text and line.text.lstrip()[:1] not in NAMING_OPENS:
            continue  # no name in it (`_names_in`'s tests: most lines; none kept)
        for name in names_in(line.text):
            if line.number not in found.setdefault(name, []):
                found[name].append(line.number)
    return found


def _names_in(line_text: str) -> tuple[str, ...]:
    """The names of the department a line gives (of four characters or more, 本级 and 汇总
    dropped)."""
    text = line_text.strip()
    if not text:
        return ()
    labelled = labelled_department(text)
    names = [labelled] if labelled else []
    names += [NUMBERING.sub("", title.group(1)) for title in department_titles(text)]
    subject = NOTE_SUBJECT.match(text) if text[0] in NOTE_OPENS else None
    if subject and not subject.group(1).startswith(("本", "我")):
        names.append(subject.group(1))
    return tuple(name for name in (OWN_LEVEL.sub("", found) for found in names) if len(name) >= 4)


def variant_of(name: str, other: str) -> tuple[str, str] | None:
    """How `other` misprints `name` (Chinese and English words), or None."""
    if len(name) == len(other):
        differ = [(a, b) for a, b in zip(name, other, strict=True) if a != b]
        if len(differ) == 1 and set(differ[0]) <= JOINING:
            a, b = differ[0]
            return f"“{a}”写作“{b}”", f"{a} printed as {b}"
    body = BODY.search(name)
    if body and name[:body.start()] == other and len(other) >= 4:
        return f"漏了末尾的“{body.group(0)}”", f"the final {body.group(0)} dropped"
    for match in DISTRICT.finditer(name):
        if name[:match.start()] + name[match.end():] == other:
            return (f"漏了“{match.group(0)}”（成了另一个部门的名称）",
                    f"{match.group(0)} dropped, naming another department")
    return None


@rule("NAME.DEPARTMENT", category="naming", severity="warning",
      title_zh="部门名称前后一致", title_en="The department has one name throughout")
def department_named_alike(doc: Document) -> Iterator[Finding]:
    """The names the document gives its department (cover, titles, 部门：… above the tables)
    differ by no dropped district and no changed joining word (和 / 与 / 及). Other differences
    (a unit of the department, an abbreviation) are not judged.

    Passes: “某市某区规划和自然资源局2025年部门预算”; above the tables “部门：某市某区规划和自然资源局”.
    Fails:  the same title; above the tables “部门：某市规划和自然资源局” or “部门：某市某区规划与自然资源局”.
    """
    found = mentions(doc)
    names = sorted(found, key=lambda n: (-len(found[n]), found[n][0]))
    for index, name in enumerate(names):
        for other in names[index + 1:]:
            how = variant_of(name, other)
            if how is None:
                continue
            lines = found[other]
            yield make_finding("NAME.DEPARTMENT",
                               [*(Location(n) for n in lines), Location(found[name][0])],
                               {"name": name, "variant": other}, variant=other,
                               name=name, how=how[0], how_en=how[1])
