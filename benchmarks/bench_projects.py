"""Documents/s of `yusuan check` on a generated text disclosure of a department with many
projects (prints figures; not a test).

    python benchmarks/bench_projects.py [PROJECTS]     (default 500)

The department is the test suite's `culture_bureau` (tests/docbuilder.py) with each project
split into several of invented, distinct names whose amounts sum to the original, printed with
a 项目支出绩效目标表 per project and the 部门整体支出绩效目标表, so project-name matching pairs
the 项目支出表, the narrative and the forms of every project. Prints the document's lines, the
time to read + check it (best of three, by wall clock and by CPU time: the machine may be
busy) and documents/s.
"""

from __future__ import annotations

import dataclasses
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import docbuilder
from docbuilder import Budget, culture_bureau, render

from yusuan.pipeline import read_document
from yusuan.rules import run_rules

WORDS = ["公共文化", "场馆", "运行", "维护", "非遗", "保护", "传承", "群众", "文艺", "演出",
         "图书", "采购", "数字", "平台", "建设", "旅游", "推介", "宣传", "安全", "监管", "培训",
         "志愿", "服务", "文物", "修缮", "普查", "节庆", "活动", "阅读", "推广", "美术", "展览"]


def numeral(n: int) -> str:
    """一 … 九百九十九, for the narrative's （N） before each project."""
    digits = "零一二三四五六七八九"
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = f"{digits[hundreds]}百" if hundreds else ""
    if tens:
        out += f"{digits[tens] if tens > 1 or hundreds else ''}十"
    elif hundreds and ones:
        out += "零"
    return out + (digits[ones] if ones else "")


def many_projects(budget: Budget, count: int, seed: int = 1) -> Budget:
    """The budget with its projects split into about `count` projects of distinct names."""
    rng = random.Random(seed)
    per = max(1, count // len(budget.projects))
    names: set[str] = set()
    projects = []
    for project in budget.projects:
        hundreds = project.amount // 100
        shares = [hundreds // per] * per
        shares[0] += hundreds - sum(shares)
        for share in shares:
            name = ""
            while not name or name in names:
                name = "".join(rng.sample(WORDS, 3)) + rng.choice(["经费", "项目", "专项"])
            names.add(name)
            projects.append(dataclasses.replace(project, name=name, amount=share * 100,
                                                own_funds=0, gov_fund=0, prior=None))
        projects[-per] = dataclasses.replace(projects[-per], amount=projects[-per].amount
                                             + project.amount % 100, own_funds=project.own_funds,
                                             gov_fund=project.gov_fund, prior=project.prior)
    return dataclasses.replace(budget, projects=projects, forms=True, dept_form=True)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    docbuilder.NUMERALS = [numeral(n) for n in range(1, 1000)]
    budget = many_projects(culture_bureau(), count)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "department.txt"
        path.write_text(render(budget), encoding="utf-8")
        lines = len(path.read_text(encoding="utf-8").splitlines())
        best, best_cpu = float("inf"), float("inf")
        for _ in range(3):
            start, cpu = time.perf_counter(), time.process_time()
            document = read_document(str(path))
            findings = run_rules(document)
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - cpu)
    print(f"{len(budget.projects)} projects, {lines} lines: {best:.2f} s = {1 / best:.2f} documents/s "
          f"(CPU {best_cpu:.2f} s = {1 / best_cpu:.2f} documents/s; {len(document.projects)} "
          f"projects read, {len(findings)} findings)")


if __name__ == "__main__":
    main()
