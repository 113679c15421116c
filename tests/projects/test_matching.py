"""Name matching on names we vary ourselves: close variants match, different projects do not."""

from __future__ import annotations

from yusuan.recognise.projects.match import assign, best_match, similarity

NAMES = ["开展医疗保险宣传等工作经费", "医保政策宣传经费", "医保业务培训、督导检查等工作经费",
         "特殊人群医保工作经费", "业务政策培训费"]


def test_variants_match() -> None:
    assert similarity("开展医疗保险宣传等工作经费", "开展医保宣传等工作经费") == 1.0
    assert similarity("2024城乡居民参保工作经费", "城乡居民参保工作经费") == 1.0
    assert similarity("医保 政策 宣传经费", "医保政策宣传经费") == 1.0
    assert similarity("示例局本级医保政策宣传经费", "医保政策宣传经费", ["示例局本级"]) == 1.0
    assert similarity("医疗保障业务经费.....", "医疗保障业务经费") == 1.0


def test_different_projects_do_not_match() -> None:
    assert best_match("医保政策培训费", NAMES) is None or \
        NAMES[best_match("医保政策培训费", NAMES)[0]] != "医保政策宣传经费"  # type: ignore[index]
    assert best_match("医疗救助经费", NAMES) is None
    assert best_match("城乡居民基本医疗保险基金支出", ["城乡居民医疗保险区级补助"]) is None


def test_assign_is_one_to_one() -> None:
    forms = ["业务政策培训费", "医保政策宣传经费", "开展医保宣传等工作经费"]
    got = assign(NAMES, forms)
    assert got[0][0] == 2 and got[1][0] == 1 and got[4][0] == 0
    assert 2 not in got and 3 not in got


def _assign_every_pair(names: list[str], candidates: list[str]) -> dict[int, tuple[int, float]]:
    """The assignment by scoring every pair (what `assign` must give, faster)."""
    pairs = sorted(((similarity(n, c), i, j) for i, n in enumerate(names)
                    for j, c in enumerate(candidates)), reverse=True)
    out: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for score, i, j in pairs:
        if score < 0.8 or i in out or j in used:
            continue
        rivals = [s for s, i2, j2 in pairs if (i2 == i) != (j2 == j) and i2 not in out
                  and j2 not in used and s > 0]
        if rivals and score < 1.0 and score - max(rivals) < 0.08:
            continue
        out[i] = (j, score)
        used.add(j)
    return out


def _project_names(count: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    parts = ["医保", "政策", "宣传", "培训", "督导", "检查", "信息化", "运维", "城乡", "居民",
             "参保", "档案", "数字化", "安全", "保障", "业务", "专项", "经费", "补助", "系统"]
    return ["".join(rng.sample(parts, rng.randint(1, 5))) + rng.choice(["", "经费", "项目"])
            for _ in range(count)]


def test_assign_gives_what_scoring_every_pair_gives() -> None:
    for seed in range(40):
        names, forms = _project_names(25, seed), _project_names(20, seed + 1000)
        forms += [name[1:] for name in names[:5]] + [name + "工作" for name in names[5:9]]
        assert assign(names, forms) == _assign_every_pair(names, forms)


def test_assign_scores_few_pairs_of_many_projects(monkeypatch) -> None:
    from yusuan.recognise.projects import match

    scored = []
    real = match._score
    monkeypatch.setattr(match, "_score", lambda a, b: scored.append(1) or real(a, b))
    import random

    rng = random.Random(7)
    names = ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(rng.randint(4, 12)))
             + rng.choice(["经费", "项目", "专项资金", ""]) for _ in range(500)]
    got = assign(names, list(reversed(names)))
    assert got == {i: (499 - i, 1.0) for i in range(500)}
    assert len(scored) < 50 * 500  # of the 250,000 pairs


def test_a_form_belongs_to_the_project_listing_the_first_form_equal_to_it() -> None:
    from yusuan.model import Document, Project
    from yusuan.recognise.projects import ProjectForm
    from yusuan.rules.projects.common import form_project

    first, twin, other = (ProjectForm(lines=(1, 9), name="培训经费"),
                          ProjectForm(lines=(1, 9), name="培训经费"),
                          ProjectForm(lines=(10, 19), name="宣传经费"))
    owner = Project("培训经费", 3, extra={"forms": [{"index": 0}]})
    second = Project("宣传经费", 4, extra={"forms": [{"index": 2}, {"index": 0}]})
    doc = Document(source=None, projects=[owner, second], forms=[first, twin, other])
    assert form_project(doc, twin) is owner
    assert form_project(doc, other) is second
    assert form_project(doc, ProjectForm(lines=(10, 19), name="宣传经费")) is second
    doc.forms = [other]
    assert form_project(doc, other) is owner  # index 0 now: the maps are made anew


def test_assign_with_equal_and_repeated_names_gives_what_scoring_every_pair_gives() -> None:
    for seed in range(40):
        names = _project_names(25, seed)
        names += names[:3]  # the same name listed twice
        forms = list(reversed(names[:20])) + [name + "工作" for name in names[20:25]]
        forms += _project_names(4, seed + 1000) + names[1:2]
        assert assign(names, forms) == _assign_every_pair(names, forms)


def test_names_equal_to_a_candidate_are_not_scored_against_the_others(monkeypatch) -> None:
    from yusuan.recognise.projects import match

    scored = []
    real = match._score
    monkeypatch.setattr(match, "_score", lambda a, b: scored.append(1) or real(a, b))
    # 300 names of three words out of twelve: every pair shares characters
    words = ["公共", "文化", "场馆", "运行", "维护", "非遗", "保护", "传承", "群众", "文艺",
             "演出", "图书"]
    names = sorted({a + b + c for a in words for b in words for c in words
                    if len({a, b, c}) == 3})[:300]
    got = assign(names, list(reversed(names)))
    assert got == {i: (299 - i, 1.0) for i in range(300)}
    assert len(scored) < 300
