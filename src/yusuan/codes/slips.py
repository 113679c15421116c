"""Names one character away from a classification name: which 科目 a misprinted name stands for.

“资金” in a list of 人员经费 items is one character from 30103 奖金 and from no other name, so it
stands for 奖金; “水电费” is one character from 水费, 电费 and 邮电费 at once and stands for none.
A name is *known* when some code of the list has carried it in any year, or carries it with
“费”, “费用” or “支出” written out (伙食补助 for 伙食补助费, 其他交通费 for 其他交通费用, 其他商品
和服务 for 其他商品和服务支出): a word left off the end is an abbreviation, not a slip.
"""

from __future__ import annotations

import functools

from yusuan.codes import all_entries, codes_named, normalise_name

__all__ = ["edit_distance", "known_codes", "one_off", "slip_of"]

_ABBREVIATED = ("费", "支出")  # endings a list may leave off


def known_codes(name: str, kind: str) -> tuple[str, ...]:
    """The codes that carry ``name`` in some year, as written or with an ending left off."""
    plain = normalise_name(name)
    variants = {plain, *(plain + end for end in _ABBREVIATED)}
    if plain.endswith("费"):
        variants.add(plain + "用")  # 其他交通费 for 其他交通费用
    variants |= {plain[: -len(end)] for end in _ABBREVIATED if plain.endswith(end)}
    return tuple(sorted({code for v in variants if v for code in codes_named(v, kind)}))


def one_off(written: str, name: str) -> bool:
    """One character substituted, missing or added between the two (and not equal)."""
    return abs(len(written) - len(name)) <= 1 and edit_distance(written, name) == 1


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


@functools.lru_cache(maxsize=8)
def _names(kind: str) -> dict[str, tuple[str, ...]]:
    """Every name of the list (normalised, any year) → the codes that carried it."""
    found: dict[str, set[str]] = {}
    for entry in all_entries(kind):
        for name in (entry.name, *entry.aliases):
            found.setdefault(normalise_name(name), set()).add(entry.code)
    return {name: tuple(sorted(codes)) for name, codes in found.items()}


def slip_of(written: str, kind: str) -> tuple[str, tuple[str, ...]] | None:
    """The one name ``written`` is a slip of — one character substituted, or its last one
    missing (提租补) — with its codes; ``None`` when it is a known name, when no name or several
    are one character away, or when the near name is shorter (an added character may make a
    word of its own) or lost a character inside (津补贴, the usual short form of 津贴补贴)."""
    plain = normalise_name(written)
    if len(plain) < 2 or known_codes(plain, kind):
        return None
    near = [(name, codes) for name, codes in _names(kind).items() if one_off(plain, name)]
    if len(near) != 1:
        return None
    name, codes = near[0]
    if len(name) == len(plain) or (len(name) == len(plain) + 1 and name.startswith(plain)):
        return name, codes
    return None  # an added character, or one left out inside (津补贴 is how 津贴补贴 is shortened)
