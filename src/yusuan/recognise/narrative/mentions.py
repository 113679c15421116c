"""Figures in a paragraph: amounts with their unit, percentages, and the words before them."""

from __future__ import annotations

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.recognise.numbers import parse_amount

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIGURE = regexes.compile(
    rf"(?<![\d.,])({NUMBER})\s*(亿元|万元|元|万(?![人余次份个多平户家名张件台套辆])|%)")
# A change printed without its unit ("减少0.4，"): the unit is the subject's.
_BARE_CHANGE = regexes.compile(rf"(?:增加|减少|增长|下降|降低|上升)\s*({NUMBER})(?=\s*[，,；;。])")
DELIMITERS = "，,；;。：:、\n"
UNITS = {"亿元": "亿元", "万元": "万元", "万": "万元", "元": "元", "%": "%"}


@dataclass(slots=True)
class Mention:
    """One printed figure: value, decimals, unit ('%' for percentages, None when omitted)."""

    start: int
    end: int
    value: float
    decimals: int
    unit: str | None
    line: int
    label: str
    text: str

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


def find_mentions(paragraph: Paragraph) -> list[Mention]:
    """Every amount and percentage in the paragraph, in order, each with its label."""
    text = paragraph.text
    spans: list[tuple[int, int, int, str | None]] = []
    for match in _FIGURE.finditer(text):
        spans.append((match.start(1), match.end(1), match.end(), UNITS[match.group(2)]))
    taken = {start for start, _, _, _ in spans}
    for match in _BARE_CHANGE.finditer(text):
        if match.start(1) not in taken:
            spans.append((match.start(1), match.end(1), match.end(1), None))
    spans.sort()
    mentions: list[Mention] = []
    previous_end = 0
    for start, number_end, end, unit in spans:
        parsed = parse_amount(text[start:number_end])
        if parsed is None:
            continue
        value, decimals = parsed
        label = label_before(text, start, previous_end)
        mentions.append(Mention(start, end, value, decimals, unit, paragraph.line_at(start),
                                label, text[start:end]))
        previous_end = end
    return mentions


_LEVEL_MARK = regexes.compile(r"[（(]\s*[类款项]\s*[)）]")


def label_before(text: str, start: int, floor: int) -> str:
    """The words between the previous delimiter (or figure) and position `start`; a 、 inside
    a list of 项 ('行政单位医疗、事业单位医疗（项）') does not end them."""
    index = start
    while index > floor:
        if text[index - 1] in DELIMITERS and text[index - 2:index + 1] != "收、支" and not (
                text[index - 1] == "、" and _LEVEL_MARK.search(text[index:start])):
            break
        index -= 1
    return text[index:start].strip().lstrip("、").strip()


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The [start, end) of the sentence (ended by 。；) around `position`."""
    start = max(text.rfind(ch, 0, position) for ch in "。；;") + 1
    ends = [i for i in (text.find(ch, position) for ch in "。；;") if i >= 0]
    return start, (min(ends) if ends else len(text))
