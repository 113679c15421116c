"""NAME.ROW_VARIANT: one item under two names — two table rows of the same amount whose names
differ by a joining word alone (广州市政务服务数据管理局…穗智管运营服务项目 1,391.47 in the
项目支出表, 广州市政务服务和数据管理局…穗智管运营服务项目 1,391.47 in the narrative's table)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.repeats import once_per_text
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "NAME.ROW_VARIANT": {
        "zh": "同一金额 {amount} 的项目名称两处不同：“{name}”与“{variant}”（漏了“{char}”）",
        "en": "Two rows of {amount} name one item differently: {name} and {variant} ({char} dropped)",
    },
})

JOINING = frozenset("和与及")
AMOUNT = regexes.compile(r"\d[\d,]*\.\d{2,6}")
MIN_NAME = 8  # characters: a project's name, not a heading word
WORDS = regexes.compile(r"[\u4e00-\u9fff]{6}")
LOOK_AHEAD = 2  # cells after the name where its amount is (a unit or a category between)


def named_amounts(doc: Document) -> dict[str, dict[str, list[int]]]:
    """amount → name → lines, for each table cell of words with an amount in one of the two
    cells after it."""
    found: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    pairs_of = once_per_text(_named_amounts_of)  # a form's lines repeat
    for line in doc.source.lines:
        if "\t" not in line.text or "." not in line.text:  # one cell, or no amount (x.xx)
            continue
        for amount, name in pairs_of(line.text):
            found[amount][name].append(line.number)
    return found


def _named_amounts_of(text: str) -> tuple[tuple[str, str], ...]:
    """(amount without commas, name) of each cell of words of a TAB line with an amount in
    one of the two cells after it."""
    cells = text.split("\t")
    if max(map(len, cells)) < MIN_NAME:  # no cell long enough for a name (most lines)
        return ()
    pairs = []
    for index, cell in enumerate(cells):
        if len(cell) < MIN_NAME:  # its blanks taken out, shorter still
            continue
        name = "".join(cell.split())
        if len(name) < MIN_NAME or not WORDS.search(name):
            continue
        after = ("".join(cell.split()) for cell in cells[index + 1:index + 1 + LOOK_AHEAD])
        amount = next((cell for cell in after if AMOUNT.fullmatch(cell)), None)
        if amount is not None:
            pairs.append((amount.replace(",", ""), name))
    return tuple(pairs)


@rule("NAME.ROW_VARIANT", category="naming", severity="warning", words=True,
      title_zh="同一项目名称一致", title_en="One item, one name")
def one_name_per_amount(doc: Document) -> Iterator[Finding]:
    """Two rows printing the same amount are not named alike but for a dropped joining word
    (和 / 与 / 及); such a pair is one item under two names, reported at both.

    Passes: 项目支出表 “某局运营服务项目 1,391.47”; 说明 “某局运营服务项目 1,391.47”.
    Fails:  项目支出表 “政务服务数据管理局运营项目 1,391.47”; 说明 “政务服务和数据管理局运营项目 1,391.47”.
    """
    for amount, names in named_amounts(doc).items():
        for name, lines in names.items():
            for index, char in enumerate(name):
                if char not in JOINING:  # a variant only without a joining word
                    continue
                variant = name[:index] + name[index + 1:]
                if variant in names:
                    yield make_finding("NAME.ROW_VARIANT",
                                       [*(Location(n) for n in names[variant]),
                                        *(Location(n) for n in lines)],
                                       {"amount": amount}, amount=amount, name=name,
                                       variant=variant, char=char)
