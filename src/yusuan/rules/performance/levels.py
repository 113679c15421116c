"""Indicators filed under the wrong 一级指标: a 二级指标 belongs to one 一级指标 (时效指标 to
产出指标, 社会效益指标 to 效益指标, 经济成本指标 to 成本指标)."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import Indicator
from yusuan.recognise.projects.text import compact
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import dept_form, project_forms

register_messages({
    "PROJECT.INDICATOR_LEVEL": {
        "zh": "绩效指标“{indicator}”的二级指标“{level2}”归在一级指标“{level1}”下，应属“{expected}”",
        "en": "Indicator {indicator}: the second-level {level2} is filed under {level1}; "
              "it belongs to {expected}",
    },
})

# 二级指标 → its 一级指标. 成本指标 is left out: the older template files it under 产出指标, and
# 服务对象满意度指标 too: the older template files it under 效益指标.
PARENT = ((regexes.compile(r"^(数量|质量|时效)指标"), "产出指标"),
          (regexes.compile(r"^(经济成本|社会成本|生态环境成本)指标"), "成本指标"),
          (regexes.compile(r"^(社会|经济|生态|社会经济)效益指标|^可持续"), "效益指标"))
LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")


def expected_parent(level2: str) -> str | None:
    word = compact(level2)
    word = word if word.endswith("指标") else f"{word}指标"
    return next((parent for pattern, parent in PARENT if pattern.match(word)), None)


def misfiled(ind: Indicator, line_text: str) -> str | None:
    """The 一级指标 the row's 二级指标 belongs to, when both are printed on the row's line
    (not carried down from rows above) and the printed 一级 is another."""
    level1, level2 = compact(ind.level1), compact(ind.level2)
    parent = expected_parent(level2)
    text = compact(line_text)
    if parent is None or level1 not in LEVEL1 or level1 == parent:
        return None
    if level1 not in text or level2 not in text or text.index(level1) > text.index(level2):
        return None
    return parent


@rule("PROJECT.INDICATOR_LEVEL", category="classification", severity="info",
      title_zh="二级指标归在正确的一级指标下", title_en="Second-level indicators under their parent",
      rationale="The indicator framework fixes each 二级指标's 一级指标: 数量/质量/时效 under 产出, "
                "经济/社会/生态成本 under 成本, 社会/经济/生态效益 under 效益.")
def indicator_levels(doc: Document) -> Iterator[Finding]:
    """Passes: 产出指标 | 时效指标. Fails: 效益指标 | 时效指标 on one row."""
    dept = dept_form(doc)
    pools: list[tuple[list[Indicator], str | None, str]] = [
        (f.indicators, f.name, "project_performance") for f in project_forms(doc)]
    pools += [(dept.indicators, None, "dept_performance")] if dept else []
    lines = doc.source.lines
    for indicators, form_name, table in pools:
        for ind in indicators:
            text = lines[ind.line - 1].text if 0 < ind.line <= len(lines) else ""
            parent = misfiled(ind, text)
            if parent is None:
                continue
            yield make_finding("PROJECT.INDICATOR_LEVEL",
                               [Location(ind.line, table=table, name=form_name)],
                               {"level1": ind.level1, "level2": ind.level2, "expected": parent},
                               indicator=ind.name, level1=compact(ind.level1),
                               level2=compact(ind.level2), expected=parent)
