"""The department's name across the two documents."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.model import Document, Finding
from yusuan.rules.across.common import alike, file_name, located
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import compact_name
from yusuan.rules.engine.messages import register_messages

register_messages({
    "ACROSS.DEPARTMENT": {
        "zh": "部门名称不一致：{first} 为“{name_first}”，{second} 为“{name_second}”",
        "en": "The department's name differs: “{name_first}” in {first}, “{name_second}” in "
              "{second}",
    },
})

def _name_line(doc: Document, name: str) -> int:
    for line in doc.source.lines[:200]:
        if name in line.text.replace(" ", ""):
            return line.number
    return 1


@rule("ACROSS.DEPARTMENT", category="naming", severity="info", pair=True,
      title_zh="两份文件的部门名称一致",
      title_en="The two documents name the department alike",
      rationale="Documents compared across years or kinds should be of one department; a "
                "renamed department (机构改革) or a misprinted name is worth a look.")
def department_name(earlier: Document, later: Document) -> Iterator[Finding]:
    """Passes: 某市某区文化和旅游局 in both (or 某区文化和旅游局（本级） beside 某区文化和旅游局,
    省委办公厅 beside 中国共产党江苏省委员会办公厅). Fails: 某市某区文化和旅游局 beside 某市某区文化广电和旅游局."""
    if not earlier.department or not later.department:
        return
    if alike(earlier.department, later.department):
        return
    yield make_finding(
        "ACROSS.DEPARTMENT",
        [located(earlier, _name_line(earlier, compact_name(earlier.department)),
                 name=earlier.department),
         located(later, _name_line(later, compact_name(later.department)), name=later.department)],
        {"other_sha256": earlier.source.sha256},
        first=file_name(earlier), second=file_name(later), name_first=earlier.department,
        name_second=later.department)
