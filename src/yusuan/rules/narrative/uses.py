"""What the narrative says a 类 was spent on, against the subjects the tables carry."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.narrative.codes import CodeBook
from yusuan.rules.narrative.common import fact_location, finding_args, narrative_facts

register_messages({"NARRATIVE.USES": {"zh": "{text}", "en": "{text_en}"}})

# Words that turn a subject's name into a purpose: "医疗救助款", "医疗救助资金", "…缴费".
_PURPOSE_SUFFIXES = ("款", "资金", "经费", "缴费", "支出", "补助款")
# A sentence saying the money of a subject went elsewhere this year.
_MOVED_AWAY = regexes.compile(r"划拨|划转|划归|移交|转由|调出|转至")


def purpose_names(purpose: str) -> list[str]:
    """The subject names a purpose may stand for: itself, without a suffix, with 支出."""
    names = [purpose]
    names += [purpose[:-len(s)] for s in _PURPOSE_SUFFIXES if purpose.endswith(s) and
              len(purpose) - len(s) >= 2]
    names.append(purpose + "支出")
    return list(dict.fromkeys(names))


def absent_subject(book: CodeBook, class_code: str, purpose: str) -> str | None:
    """The official 款/项 under `class_code` the purpose names, when no table row carries it."""
    for name in purpose_names(purpose):
        for length in (5, 7):
            codes = book.codes_named(name, length, class_code)
            if not codes:
                continue
            if any(row_code.startswith(code) for code in codes for row_code in book.rows):
                return None
            return codes[0]
    return None


@rule("NARRATIVE.USES", category="narrative_vs_table", severity="info",
      title_zh="所述支出用途在表格中有对应科目",
      title_en="A purpose the narrative gives for a 类 has its subject in the tables")
def uses_in_tables(doc: Document) -> Iterator[Finding]:
    """A purpose the narrative names for a 类 ("主要用于…") that is itself a 款/项 of that 类
    has a row in the functional tables.

    Passes: “卫生健康（类）支出 50.00 万元，主要用于医疗救助”; tables carry 2101301 城乡医疗救助.
    Fails:  the same sentence while the tables carry only 21011 行政事业单位医疗 under 210.
    """
    book: CodeBook | None = None
    for fact in narrative_facts(doc, "functional_item"):
        class_code = str(fact.extra.get("class_code") or "")
        if not class_code or not fact.extra.get("uses"):
            continue
        book = book or CodeBook.of(doc)
        if not any(code.startswith(class_code) for code in book.rows):
            continue
        for purpose in fact.extra["uses"]:
            code = absent_subject(book, class_code, purpose)
            if code is not None:
                yield _finding(doc, fact, purpose, code, book.name(code) or purpose)


def _finding(doc: Document, fact: Fact, purpose: str, code: str, name: str) -> Finding:
    label = fact.extra.get("label") or fact.extra.get("class")
    moved = _moved_away_lines(doc, name)
    text = (f"情况说明称 {label} 主要用于“{purpose}”，但表格中没有 {code} {name} 的支出"
            + ("；说明中另写该资金已划转他处" if moved else ""))
    text_en = (f"the narrative says {label} was spent on \"{purpose}\", but no table carries "
               f"{code} {name}")
    locations = [fact_location(fact, fact.extra.get("uses_line"))]
    locations += [Location(line, name="moved_away") for line in moved]
    return make_finding("NARRATIVE.USES", locations, {"purpose": purpose, "code": code},
                        **finding_args(text, text_en))


def _moved_away_lines(doc: Document, name: str) -> list[int]:
    """Lines that say the subject's money was transferred elsewhere (first of them)."""
    for line in doc.source.lines:
        if name in line.text and _MOVED_AWAY.search(line.text):
            return [line.number]
    return []
