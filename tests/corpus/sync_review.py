"""Bring the reviewed findings (tests/fixtures/corpus_review) up to date after a change.

    python -m tests.corpus.sync_review      (from the repository root)

Checks every corpus document again and rewrites the lists: a finding still reported keeps its
verdict (matched by rule and message, else by rule and the lines it cites: a message worded
anew keeps its verdict and takes the new words), one no longer reported is dropped and counted
(a true one apart when a finding still reported folds it and cites its lines), a new one
is added with "verdict": null — test_every_reviewed_finding_has_a_verdict fails until a reader
has judged it on the page. It then rewrites the README's total and table of verdicts, which
`python -m tests.corpus.sync_review --summary` does alone (after verdicts are set by hand).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable

from yusuan.model import Document, Finding, Location
from yusuan.rules import run_rules

from .corpusfiles import CORPUS, corpus_document
from .test_findings import REVIEW, REVIEWED


def _place(doc: Document, loc: Location) -> list[int | None]:
    return list(doc.source.page_and_line(loc.line))


def cited(doc: Document, finding) -> list[list[int | None]]:
    return [list(doc.source.page_and_line(loc.line)) for loc in finding.locations[:4]]


def _reworded(doc: Document, findings: list, known: dict[tuple[str, str], list[dict]]
              ) -> dict[int, dict]:
    """Entries of findings whose message changed but whose rule and cited lines did not, taken
    out of `known` with the new message."""
    messages = {(f.rule, f.message) for f in findings}
    by_place: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for key, entries in known.items():
        if key not in messages:
            for entry in entries:
                by_place[(entry["rule"], json.dumps(entry.get("where")))].append(entry)
    out: dict[int, dict] = {}
    for finding in findings:
        if (finding.rule, finding.message) in known:
            continue
        same = by_place.get((finding.rule, json.dumps(cited(doc, finding))))
        if same:
            entry = same.pop(0)
            known[(entry["rule"], entry["message"])].remove(entry)
            out[id(finding)] = {**entry, "message": finding.message}
    return out


def folded_into(entry: dict, findings: list[Finding], place: Callable[[Location], list]) -> bool:
    """Whether a finding still reported folds the entry's (one cause reported once) and cites
    every [page, line] the entry cited: a true defect folded so is not lost."""
    said = f"{entry['rule']}: {entry['message']}"
    return any(said in finding.folded
               and all(where in [place(loc) for loc in finding.locations]
                       for where in entry.get("where") or [])
               for finding in findings)


def _dropped_as(entry: dict, findings: list[Finding], place: Callable[[Location], list]) -> str:
    if entry.get("verdict") != "true":
        return "false"
    return "folded" if folded_into(entry, findings, place) else "true"


def main() -> None:
    names = sorted({str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*")
                    if p.is_file() and p.suffix not in (".md", ".tsv")})
    by_province: dict[str, dict[str, list[dict]]] = defaultdict(dict)
    dropped: Counter[str] = Counter()
    added = 0
    for name in names:
        doc = corpus_document(name)
        if not isinstance(doc, Document):
            continue
        known: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for entry in REVIEWED.get(name, []):
            known[(entry["rule"], entry["message"])].append(entry)
        serious = [f for f in run_rules(doc) if f.severity in ("error", "warning")]
        reworded = _reworded(doc, serious, known)
        listed = []
        for finding in serious:
            same = known.get((finding.rule, finding.message))
            entry = same.pop(0) if same else reworded.pop(id(finding), None)
            if entry is None:
                added += 1
                entry = {"rule": finding.rule, "severity": finding.severity,
                         "message": finding.message, "where": cited(doc, finding), "verdict": None}
            listed.append(entry)
        place = functools.partial(_place, doc)
        dropped.update(_dropped_as(x, serious, place) for same in known.values() for x in same)
        if listed:
            by_province[name.split("/")[0]][name] = listed
    for path in REVIEW.glob("*.json"):
        path.unlink()
    for province, documents in by_province.items():
        (REVIEW / f"{province}.json").write_text(
            json.dumps(documents, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_summary()
    print(f"dropped: {dropped['false']} false, {dropped['true']} TRUE (look at these), "
          f"{dropped['folded']} true folded into a finding that cites their lines; added: {added}")


TABLE_HEAD = "| document | true | false |\n|---|---|---|\n"


def summary(text: str) -> str:
    """The README `text` with its total and its table of verdicts per document made anew from
    the lists."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(REVIEW.glob("*.json")):
        for name, entries in json.loads(path.read_text(encoding="utf-8")).items():
            counts[name].update(str(entry.get("verdict")) for entry in entries)
    true, false = (sum(c[v] for c in counts.values()) for v in ("true", "false"))
    text = re.sub(r"^total: \d+ true, \d+ false", f"total: {true} true, {false} false", text,
                  count=1, flags=re.MULTILINE)
    rows = "".join(f"| {name} | {c['true']} | {c['false']} |\n" for name, c in sorted(counts.items()))
    return text[:text.index(TABLE_HEAD) + len(TABLE_HEAD)] + rows


def write_summary() -> None:
    readme = REVIEW / "README.md"
    readme.write_text(summary(readme.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    write_summary() if sys.argv[1:] == ["--summary"] else main()
