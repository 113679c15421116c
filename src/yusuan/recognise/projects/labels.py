"""A form's text joined into one string with its line map, and label lookups that tolerate
labels wrapped over lines or cells ("项目前两年预算|及当年预算变动|情况")."""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from itertools import accumulate

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.recognise.projects.text import Cell

GAP = r"[\s|]*"

LABELS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称",),
    "code": ("项目编码", "项目代码"),
    "department": ("项目主管部门", "主管部门"),
    "unit": ("项目执行单位", "项目实施单位"),
    "leader": ("项目负责人",),
    "phone": ("联系电话",),
    "address": ("单位地址",),
    "postcode": ("邮政编码",),
    "property": ("项目属性",),
    "category": ("支出项目类别",),
    "type": ("项目类型",),
    "start_year": ("起始年度",),
    "end_year": ("终止年度",),
    "basis": ("项目立项依据", "项目申请理由"),
    "plan": ("项目实施方案", "项目主要内容"),
    "total": ("项目总预算",),
    "current": ("项目当年预算",),
    "change": ("项目前两年预算及当年预算变动情况",),
    "funding": ("项目当年资金来源", "项目资金来源"),
    "execution": ("预算执行情况",),
    "details": ("项目支出明细测算", "项目支出明细预算及测算依据", "项目支出预算及测算依据",
                "项目支出明细预算"),
    "purchase": ("项目采购",),
    "goal": ("项目绩效总目标",),
    "long": ("长期绩效目标表",),
    "annual": ("年度绩效目标表", "项目年度绩效指标", "年度绩效指标"),
}


@lru_cache(maxsize=256)
def label_pattern(label: str) -> re.Pattern[str]:
    return regexes.compile(_label_regex(label))


def _label_regex(label: str) -> str:
    return GAP.join(re.escape(ch) for ch in label)


def _any_of(labels: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for several labels: its match is the leftmost, and of labels matching at
    the same place the first listed (what the earliest of their own matches would be)."""
    return regexes.compile("|".join(f"(?:{_label_regex(label)})" for label in labels))


# Compiled when a form is first read (a document without forms never asks): the patterns of
# all the labels were a fifth of the projects stage's import
@cache
def field_pattern(field: str) -> re.Pattern[str]:
    """Any label of `field`."""
    return _any_of(LABELS[field])


@cache
def any_label() -> re.Pattern[str]:
    """Any label of any field."""
    return _any_of(tuple(label for labels in LABELS.values() for label in labels))


@dataclass(slots=True)
class Joined:
    """Cells joined by "|" with the offset where each cell starts."""

    text: str
    starts: list[int]
    lines: list[int]

    @classmethod
    def of(cls, cells: list[Cell]) -> Joined:
        return cls.of_texts([cell.text for cell in cells], [c.line for c in cells])

    @classmethod
    def of_texts(cls, parts: list[str], lines: list[int]) -> Joined:
        """Cells given as their texts and the line of each."""
        starts = [0, *accumulate([len(part) + 1 for part in parts])]  # each part and its "|"
        del starts[len(parts):]  # the offset after the last part starts no cell
        return cls("|".join(parts), starts, lines)

    def line_at(self, offset: int) -> int:
        if not self.lines:
            return 0
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.lines[index]

    def find(self, field: str, start: int = 0) -> re.Match[str] | None:
        """The first occurrence of any label of `field` at or after `start`."""
        return field_pattern(field).search(self.text, start)

    def next_label(self, start: int) -> int:
        """Where the next label of any field begins after `start` (or the end of the text)."""
        found = any_label().search(self.text, start)
        return found.start() if found else len(self.text)

    def value(self, field: str, start: int = 0) -> tuple[str, int, int] | None:
        """(text after the label up to the next label, its line, its offset)."""
        match = self.find(field, start)
        if match is None:
            return None
        end = self.next_label(match.end())
        raw = self.text[match.end():end]
        lead = len(raw) - len(raw.lstrip(" |:："))
        text = raw.strip(" |:：")
        return text, self.line_at(match.end() + lead), match.end() + lead
