"""The forms' contact block: a 邮政编码 has six digits, and one address has one postcode."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from yusuan.model import Document, Finding, Location
from yusuan.recognise.projects.model import ProjectForm
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.projects.common import project_forms

register_messages({
    "PROJECT.POSTCODE": {
        "zh": "项目“{name}”邮政编码为 {code}{why}；同一地址在其他绩效目标表为 {others}",
        "en": "Project {name}: postcode {code}{why_en}; the same address elsewhere has {others}",
    },
})


def _same_place(a: ProjectForm, b: ProjectForm) -> bool:
    return not a.address or not b.address or a.address == b.address


@rule("PROJECT.POSTCODE", category="cross_table", severity="warning",
      title_zh="邮政编码为六位且同一地址一致", title_en="Postcodes have six digits, one per address",
      rationale="A Chinese postcode has six digits; the forms of one unit at one address print "
                "the same postcode.")
def postcodes(doc: Document) -> Iterator[Finding]:
    """Passes: 430060 on every form. Fails: 43000 on one form, 430060 on the others."""
    forms = [f for f in project_forms(doc) if f.postcode and f.postcode_line]
    counts = _PostcodeCounts(forms)
    for form in forms:
        code = form.postcode or ""
        if counts.settled(form):
            continue
        others = [f for f in forms if f is not form and _same_place(form, f)
                  and len(f.postcode or "") == 6 and f.postcode != code]
        short = len(code) != 6
        common = {f.postcode for f in others}
        agree = [f for f in forms if f is not form and f.postcode == code]
        if not others or (not short and len(agree) >= len(others)):
            continue
        locations = [Location(form.postcode_line or 0, table="project_performance",
                              name=form.name)]
        locations += [Location(f.postcode_line or 0, table="project_performance", name=f.name)
                      for f in others]
        yield make_finding("PROJECT.POSTCODE", locations, {"code": code,
                                                           "others": sorted(common)},
                           name=form.name, code=code, why=f"（只有 {len(code)} 位）"
                           if short else "", why_en=f" ({len(code)} digits)" if short else "",
                           others="、".join(sorted(c for c in common if c)))


class _PostcodeCounts:
    """The forms' postcodes counted by address, to tell without comparing every form with
    every other that a form has no finding (most forms of a department agree)."""

    def __init__(self, forms: list[ProjectForm]) -> None:
        self.codes = Counter(f.postcode for f in forms)
        six = [(f.address or "", f.postcode) for f in forms if len(f.postcode or "") == 6]
        self.six = Counter(six)
        self.six_at = Counter(address for address, _ in six)
        self.six_code = Counter(code for _, code in six)

    def settled(self, form: ProjectForm) -> bool:
        """No other form at its place prints another six-digit postcode, or (for a six-digit
        postcode) as many other forms print the same one: `postcodes` yields nothing."""
        code = form.postcode
        if form.address:  # the forms at the same address, or without one
            others = (self.six_at[form.address] - self.six[(form.address, code)]
                      + self.six_at[""] - self.six[("", code)])
        else:
            others = sum(self.six_code.values()) - self.six_code[code]
        agree = self.codes[code] - 1
        return not others or (len(code or "") == 6 and agree >= others)
