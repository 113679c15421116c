"""Matching project names across the 项目支出表, the narrative and the forms.

Names differ in small ways (医保 / 医疗保险, inserted spaces, a year or unit prefix, a
trailing 项目 or 经费). A pair is scored on normalised names; a wrong match is worse than
none, so a candidate must be clearly the best and above a floor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from yusuan.recognise.projects.text import compact

SYNONYMS = (("医疗保险", "医保"), ("医疗保障", "医保"), ("聘请", "聘用"), ("岗位", "岗"),
            ("工作经费", "经费"), ("项目经费", "经费"), ("（", "("), ("）", ")"))
PREFIX = re.compile(r"^(?:20\d\d\s*年?度?|项目)+")
SUFFIX = re.compile(r"(?:项目)+$")
TRAILING_DOTS = re.compile(r"[.。…]+$")
FLOOR = 0.8
MARGIN = 0.08


def normalise(name: str, units: Sequence[str] = ()) -> str:
    text = TRAILING_DOTS.sub("", compact(name))
    for unit in sorted(units, key=len, reverse=True):
        if unit and text.startswith(unit) and len(text) > len(unit) + 2:
            text = text[len(unit):]
    text = SUFFIX.sub("", PREFIX.sub("", text))
    for long, short in SYNONYMS:
        text = text.replace(long, short)
    return text


def similarity(left: str, right: str, units: Sequence[str] = ()) -> float:
    """1.0 for names equal after normalising; else a ratio discounted for length mismatch."""
    a, b = normalise(left, units), normalise(right, units)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    if a in b or b in a:
        ratio = max(ratio, 0.85 if min(len(a), len(b)) >= 4 else ratio)
    return round(ratio, 3)


def best_match(name: str, candidates: Sequence[str], units: Sequence[str] = (),
               taken: set[int] | None = None) -> tuple[int, float] | None:
    """Index and score of the one candidate that clearly matches `name`, else None."""
    scores = sorted(((similarity(name, c, units), i) for i, c in enumerate(candidates)
                     if not taken or i not in taken), reverse=True)
    if not scores or scores[0][0] < FLOOR:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < MARGIN and scores[0][0] < 1.0:
        return None
    return scores[0][1], scores[0][0]


def assign(names: Sequence[str], candidates: Sequence[str],
           units: Sequence[str] = ()) -> dict[int, tuple[int, float]]:
    """A one-to-one assignment name index → (candidate index, score), best pairs first."""
    pairs = sorted(((similarity(n, c, units), i, j) for i, n in enumerate(names)
                    for j, c in enumerate(candidates)), reverse=True)
    out: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for score, i, j in pairs:
        if score < FLOOR or i in out or j in used:
            continue
        rivals = [s for s, i2, j2 in pairs if (i2 == i) != (j2 == j) and i2 not in out
                  and j2 not in used and s > 0]
        if rivals and score < 1.0 and score - max(rivals) < MARGIN:
            continue
        out[i] = (j, score)
        used.add(j)
    return out
