"""A rule explained for its reader (`yusuan rules ID`), and the catalog as JSON
(`yusuan rules --format json`): what the rule checks, why, a passing and a failing example (from
the rule's docstring in English, from rules/explain_zh.toml in Chinese), the documents and tables it applies to and its tolerance."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from yusuan import regexes
from yusuan.report.i18n import category_label, severity_label

# the comparisons of amounts, judged with rounding intervals (rules/engine/tolerance.py)
NUMERIC_CATEGORIES = frozenset({"arithmetic", "cross_table", "narrative_vs_table", "percentage",
                                "year_over_year", "performance_vs_budget", "measurement_basis",
                                "rounding"})
TOLERANCE = {
    "zh": "按区间判断舍入：印到几位小数的数，代表上下各差末位半个单位的区间（印为 1.23 的数在"
          " 1.225 至 1.235 之间）；差额在舍入范围内时只作“提示”（类别：舍入），超出时才按本规则的"
          "严重程度报告。",
    "en": "Rounding is judged by intervals: a figure printed with d decimals stands for the value "
          "± ½·10⁻ᵈ; a gap rounding explains is only an info (category rounding), a larger one "
          "is reported at the rule's severity.",
}
WORDS = {
    "zh": {"rule": "规则", "severity": "严重程度", "category": "类别", "applies": "适用文件",
           "tables": "涉及表格", "checks": "检查内容", "why": "依据与理由", "passes": "通过的例子",
           "fails": "不通过的例子", "tolerance": "容差", "every": "全部预决算公开文件"},
    "en": {"rule": "Rule", "severity": "Severity", "category": "Category",
           "applies": "Applies to", "tables": "Tables", "checks": "What it checks",
           "why": "Why", "passes": "Passes", "fails": "Fails", "tolerance": "Tolerance",
           "every": "every disclosure"},
}
_EXAMPLE = regexes.compile(r"\b(Passes|Fails)\s*:\s*")


def docstring_parts(doc: str) -> dict[str, str]:
    """The docstring's description (before the first example) and its Passes / Fails texts."""
    pieces = _EXAMPLE.split(doc or "")
    out = {"checks": _squash(pieces[0])}
    for label, text in zip(pieces[1::2], pieces[2::2]):
        out["passes" if label == "Passes" else "fails"] = _squash(text)
    return out


def _squash(text: str) -> str:
    return " ".join(text.split())


@cache
def chinese_texts() -> dict[str, dict[str, str]]:
    """Each rule's Chinese explanation (rules/explain_zh.toml): `checks`, `why`, and a passing
    and a failing example (`passes`, `fails`)."""
    import yusuan.rules

    path = Path(yusuan.rules.__file__).parent / "explain_zh.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def rule_json(rule_id: str) -> dict[str, Any]:
    from yusuan.rules.engine import _REGISTRY, spec_of

    spec = spec_of(rule_id)
    parts = docstring_parts(_REGISTRY.funcs[rule_id].__doc__ or "")
    chinese = chinese_texts().get(rule_id, {})
    return {
        "id": spec.id, "title_zh": spec.title_zh, "title_en": spec.title_en,
        "severity": spec.severity, "category": spec.category,
        "applies_to": list(spec.applies_to), "tables": list(spec.tables),
        "rationale": spec.rationale, "checks": parts.get("checks", ""),
        "checks_zh": chinese.get("checks", ""), "why_zh": chinese.get("why", ""),
        "passes": parts.get("passes", ""), "fails": parts.get("fails", ""),
        "passes_zh": chinese.get("passes", ""), "fails_zh": chinese.get("fails", ""),
        "tolerance": TOLERANCE["zh"] if spec.category in NUMERIC_CATEGORIES else "",
    }


def catalog_json() -> list[dict[str, Any]]:
    from yusuan.rules import catalog

    return [rule_json(spec.id) for spec in catalog()]


def explain_text(rule_id: str, lang: str = "zh") -> str:
    from yusuan.rules.engine.printed import KIND_NAMES

    info = rule_json(rule_id)
    words = WORDS[lang]
    colon = "：" if lang == "zh" else ": "
    title = info["title_zh"] if lang == "zh" else info["title_en"]
    tables = "、".join(KIND_NAMES.get(kind, kind) for kind in info["tables"])
    lines = [f"{words['rule']}{colon}{info['id']} {title}",
             f"{words['severity']}{colon}{severity_label(info['severity'], lang)}",
             f"{words['category']}{colon}{category_label(info['category'], lang)}",
             f"{words['applies']}{colon}{'、'.join(info['applies_to']) or words['every']}"]
    if tables:
        lines.append(f"{words['tables']}{colon}{tables}")
    texts = {"checks": info["checks"], "why": info["rationale"],
             "passes": info["passes"], "fails": info["fails"]}
    if lang == "zh":
        texts = {key: info[f"{key}_zh"] or info["rationale" if key == "why" else key]
                 for key in texts}
    for key, text in texts.items():
        if text:
            lines.append(f"{words[key]}{colon}{text}")
    if info["tolerance"]:
        lines.append(f"{words['tolerance']}{colon}{TOLERANCE[lang]}")
    return "\n".join(lines) + "\n"


def catalog_text(lang: str = "zh") -> str:
    from yusuan.rules import catalog

    return "".join(f"{spec.id:<32} {severity_label(spec.severity, lang):<8} "
                   f"{category_label(spec.category, lang):<12} "
                   f"{spec.title_zh if lang == 'zh' else spec.title_en}\n" for spec in catalog())
