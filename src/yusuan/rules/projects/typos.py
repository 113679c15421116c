"""Names misspelt by one character: "结口帮扶村满意度" in one table where every other table of
the document says 对口帮扶村满意度; a cited 《title》 once with 人民编制 where it is 人员编制
everywhere else."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.indicators import normalise
from yusuan.recognise.projects.model import Indicator
from yusuan.recognise.projects.text import compact
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import dept_form, project_forms

register_messages({
    "PROJECT.INDICATOR_TYPO": {
        "zh": "绩效指标“{typo}”与其他表中的“{name}”仅差一字，疑为笔误",
        "en": "Indicator {typo} differs by one character from {name} used elsewhere; "
              "probably a typo",
    },
    "PROJECT.TITLE_TYPO": {
        "zh": "文件名《{typo}》与文中其他处的《{name}》仅差一字，疑为笔误",
        "en": "Cited title {typo} differs by one character from {name} cited elsewhere; "
              "probably a typo",
    },
})

MIN_NAME = 5
TITLE = regexes.compile(r"《([^《》]{5,80})》")
Seen = tuple[Indicator, str | None, str, int]  # indicator, form name, table, form index


def _sightings(doc: Document) -> dict[str, list[Seen]]:
    out: dict[str, list[Seen]] = {}
    dept = dept_form(doc)
    pools: list[tuple[list[Indicator], str | None, str]] = [
        (f.indicators, f.name, "project_performance") for f in project_forms(doc)]
    pools += [(dept.indicators, None, "dept_performance")] if dept else []
    for index, (indicators, name, table) in enumerate(pools):
        for ind in indicators:
            out.setdefault(normalise(ind.name), []).append((ind, name, table, index))
    return out


def one_apart(a: str, b: str) -> bool:
    """One CJK character substituted, or one dropped (not a digit or letter)."""
    if min(len(a), len(b)) < MIN_NAME:
        return False
    if abs(len(a) - len(b)) == 1:
        short, long_ = sorted((a, b), key=len)
        cut = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
        return "\u4e00" <= long_[cut] <= "\u9fff" and long_[:cut] + long_[cut + 1:] == short
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and all("\u4e00" <= ch <= "\u9fff" for ch in diff[0])


def _together(left: list[Seen], right: list[Seen]) -> bool:
    """Both names in one table of one form (one 年度目标 of a 自评表): two indicators,
    not one misspelt."""
    places = {(s[3], s[0].table, s[0].goal) for s in left}
    return any((s[3], s[0].table, s[0].goal) in places for s in right)


@rule("PROJECT.INDICATOR_TYPO", category="naming", severity="info",
      title_zh="绩效指标名称无错字", title_en="Indicator names without typos",
      rationale="An indicator named once with one character different from a name the other "
                "tables use, and never beside it in one table, is the same indicator misspelt.")
def indicator_typos(doc: Document) -> Iterator[Finding]:
    """Passes: 居保/职保业务培训人数 side by side in one table. Fails: 结口帮扶村满意度 once,
    对口帮扶村满意度 in the other tables."""
    seen = _sightings(doc)
    names = sorted(seen)
    for typo in names:
        for name in names:
            rare, common = seen[typo], seen[name]
            if len(rare) >= len(common) or not one_apart(typo, name) or _together(rare, common):
                continue
            locations = [Location(s[0].value_line or s[0].line, table=s[2], name=s[1])
                         for s in rare + common]
            yield make_finding("PROJECT.INDICATOR_TYPO", locations, {"name": name},
                               typo=rare[0][0].name, name=common[0][0].name)


def _titles(doc: Document) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for line in doc.source.lines:
        if "《" not in line.text:
            continue
        for match in TITLE.finditer(line.text):
            out.setdefault(compact(match.group(1)), []).append((match.group(1), line.number))
    return out


@rule("PROJECT.TITLE_TYPO", category="naming", severity="info",
      title_zh="引用文件名无错字", title_en="Cited titles without typos",
      rationale="A document title cited once with one character different from the title cited "
                "elsewhere in the disclosure is the same document misspelt.")
def title_typos(doc: Document) -> Iterator[Finding]:
    """Passes: 《…人员编制规定》 everywhere. Fails: 《…人民编制规定》 once, 《…人员编制规定》 twice."""
    seen = _titles(doc)
    by_length: dict[int, list[str]] = {}
    for title in seen:
        by_length.setdefault(len(title), []).append(title)
    for titles in by_length.values():
        for typo in titles:
            for name in titles:
                rare, common = seen[typo], seen[name]
                if len(rare) >= len(common) or not one_apart(typo, name):
                    continue
                locations = [Location(n) for _, n in rare + common]
                yield make_finding("PROJECT.TITLE_TYPO", locations, {"name": name},
                                   typo=rare[0][0], name=common[0][0])
