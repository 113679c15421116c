"""TABLE.LABEL_FORM: the tables of one document are labelled in one form (预算01表, 预算02表,
…): a label with the same characters in another order (预算表12) is a slip of the hand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TABLE.LABEL_FORM": {
        "zh": "表格编号写法与其他表不同：“{label}”，其他{count}张表写作“{usual}”",
        "en": "The table label {label} breaks the form the other {count} tables use ({usual})",
    },
})

# a label at the start of a table's title line: 预算01表, 预算表12, 表8, 公开07表, 附表15
LABEL = regexes.compile(r"^\s*([\u4e00-\u9fff]{0,3}?\s*(?:表\s*\d{1,2}(?!\d)|\d{1,2}\s*表))")
MIN_USUAL = 3  # labels in the usual form needed before another form stands out


def shape(label: str) -> str:
    """The label with its number as #: 预算01表 → 预算#表."""
    return regexes.sub(r"\d+", "#", regexes.sub(r"\s+", "", label))


def table_labels(doc: Document) -> list[tuple[int, str]]:
    """(line, label) of each table title line that starts with a numbered label."""
    found: dict[int, str] = {}
    for table in doc.tables:
        number = table.lines[0]
        match = LABEL.match(doc.source.line_text(number))
        if match:
            found[number] = regexes.sub(r"\s+", "", match.group(1))
    return sorted(found.items())


@rule("TABLE.LABEL_FORM", category="missing_content", severity="warning", words=True,
      title_zh="表格编号写法一致", title_en="Table labels share one form",
      rationale="预算11表, 预算表12, 预算13表: the odd label was typed by hand.")
def labels_in_one_form(doc: Document) -> Iterator[Finding]:
    """Every table label has the form most tables use; a label whose characters are the same
    but in another order (表 before the number instead of after it) is reported at its line.

    Passes: 预算11表、预算12表、预算13表.  Fails: 预算11表、预算表12、预算13表.
    """
    labels = table_labels(doc)
    shapes = Counter(shape(label) for _, label in labels)
    if not shapes:
        return
    usual, count = shapes.most_common(1)[0]
    if count < MIN_USUAL:
        return
    for line, label in labels:
        odd = shape(label)
        if odd != usual and sorted(odd) == sorted(usual) and shapes[odd] < count:
            example = next(lab for _, lab in labels if shape(lab) == usual)
            yield make_finding("TABLE.LABEL_FORM", [Location(line)],
                               {"label": label, "usual": usual},
                               label=label, usual=example, count=count)
