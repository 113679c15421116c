"""Matching project names across the 项目支出表, the narrative and the forms.

Names differ in small ways (医保 / 医疗保险, inserted spaces, a year or unit prefix, a
trailing 项目 or 经费). A pair is scored on normalised names; a wrong match is worse than
none, so a candidate must be clearly the best and above a floor.

Only pairs that can score `NEAR` or more are scored: a score that low neither matches nor
comes within `MARGIN` of a match, so leaving the others out changes no assignment. Such a pair
shares at least `SHARE` of either name's characters (counted with
repetition), so an index of characters, probed with each name's rarest characters, finds them
all without comparing every name with every other (`likely_pairs`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from yusuan import regexes
from yusuan.recognise.projects.text import compact

SYNONYMS = (("医疗保险", "医保"), ("医疗保障", "医保"), ("聘请", "聘用"), ("岗位", "岗"),
            ("工作经费", "经费"), ("项目经费", "经费"), ("（", "("), ("）", ")"))
PREFIX = regexes.compile(r"^(?:20\d\d\s*年?度?|项目)+")
SUFFIX = regexes.compile(r"(?:项目)+$")
TRAILING_DOTS = regexes.compile(r"[.。…]+$")
FLOOR = 0.8
MARGIN = 0.08
NEAR = 0.7  # below FLOOR - MARGIN: a pair scoring less neither matches nor rivals a match
# ratio = 2·matched / (|a| + |b|) >= NEAR needs shared >= NEAR/2·(|a| + |b|), and as shared
# <= |b|, shared >= SHARE·|a|
SHARE = (NEAR / 2) / (1 - NEAR / 2)


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
    return _score(normalise(left, units), normalise(right, units))


def _score(a: str, b: str) -> float:
    """`similarity` of two normalised names."""
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
    if not names or not candidates:
        return {}  # nothing to pair (a form read as one long name would cost its tokens)
    left = [normalise(name, units) for name in names]
    right = [normalise(candidate, units) for candidate in candidates]
    out = _equal_pairs(left, right)
    used = {j for j, _ in out.values()}
    pairs = sorted(_scored_pairs(left, right, [i for i in range(len(left)) if i not in out],
                                 [j for j in range(len(right)) if j not in used]), reverse=True)
    by_name: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    by_candidate: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for pair in pairs:
        by_name[pair[1]].append(pair)
        by_candidate[pair[2]].append(pair)
    for score, i, j in pairs:
        if score < FLOOR or i in out or j in used:
            continue
        rivals = [s for s, i2, j2 in (*by_name[i], *by_candidate[j]) if (i2 == i) != (j2 == j)
                  and i2 not in out and j2 not in used]
        if rivals and score < 1.0 and score - max(rivals) < MARGIN:
            continue
        out[i] = (j, score)
        used.add(j)
    return out


def _scored_pairs(left: Sequence[str], right: Sequence[str], rows: list[int], columns: list[int]
                  ) -> Iterable[tuple[float, int, int]]:
    """(score, i, j) of the pairs of left[rows] × right[columns] that may score NEAR or more
    and score above 0."""
    left_tokens = {i: frozenset(_tokens(left[i])) for i in rows}
    right_tokens = {j: frozenset(_tokens(right[j])) for j in columns}
    for a, b in likely_pairs([left[i] for i in rows], [right[j] for j in columns]):
        i, j = rows[a], columns[b]
        if _may_be_near(left[i], right[j], left_tokens[i], right_tokens[j]):
            score = _score(left[i], right[j])
            if score > 0:
                yield score, i, j


def _equal_pairs(left: Sequence[str], right: Sequence[str]) -> dict[int, tuple[int, float]]:
    """The pairs of equal normalised names, assigned as `assign` does (the 1.0 pairs come
    first, the later name and then the later candidate first, and need no margin), found
    through a dictionary: the names matched here and their candidates leave the scoring."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, name in enumerate(right):
        if name:
            by_text[name].append(j)
    out: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for i in range(len(left) - 1, -1, -1):
        for j in reversed(by_text.get(left[i], ())):
            if j not in used:
                out[i] = (j, 1.0)
                used.add(j)
                break
    return out


def _may_be_near(a: str, b: str, a_tokens: frozenset[tuple[str, int]],
                 b_tokens: frozenset[tuple[str, int]]) -> bool:
    """Whether the pair may score NEAR or more: the characters they share (with repetition)
    bound the ratio from above; one name inside the other scores 0.85 whatever they share."""
    shared = len(a_tokens & b_tokens)
    return 2 * shared >= NEAR * (len(a) + len(b)) - 1e-9 or a in b or b in a


def likely_pairs(left: Sequence[str], right: Sequence[str]) -> set[tuple[int, int]]:
    """Every (i, j) whose normalised names may score NEAR or more (and a few that do not)."""
    found = set(_probe(left, right))
    found.update((i, j) for j, i in _probe(right, left))
    return found


def _probe(probes: Sequence[str], indexed: Sequence[str]) -> Iterable[tuple[int, int]]:
    """(probe, indexed) pairs sharing one of the probe's rarest characters, enough of them
    that a probe sharing SHARE of its characters with a name shares one of these."""
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    for j, name in enumerate(indexed):
        for token in _tokens(name):
            index[token].append(j)
    for i, name in enumerate(probes):
        tokens = sorted(_tokens(name), key=lambda token: (len(index.get(token, ())), token))
        needed = max(1, math.floor(SHARE * len(tokens)))
        for token in tokens[:len(tokens) - needed + 1]:
            for j in index.get(token, ()):
                yield i, j


def _tokens(name: str) -> list[tuple[str, int]]:
    """A name's characters, the k-th repeat of one as (char, k): shared tokens of two names
    count their shared characters with repetition."""
    seen: Counter[str] = Counter()
    tokens = []
    for char in name:
        seen[char] += 1
        tokens.append((char, seen[char]))
    return tokens
