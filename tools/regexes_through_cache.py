"""Send every `re.compile(...)`, `re.search(...)` and the other calls of `re`'s functions that
compile a pattern, in src/yusuan, through `yusuan.regexes` (the kept programs), the mechanical
edit tests/test_regexes.py asks for:

    python tools/regexes_through_cache.py [--check]

In each module but regexes.py: `re.compile(` becomes `regexes.compile(` (`re.search(` becomes
`regexes.search(`, and so on), `from yusuan import
regexes` is put before the module's first top-level `from yusuan` import (else after its last
top-level import), and `import re` goes when nothing else of `re` is left. Run it again after a
merge brings new `re.compile` calls; a second run changes nothing. --check lists the modules it
would change and exits 1 when there are any.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "yusuan"
CALL = re.compile(r"(?<![\w.])re\.(compile|search|match|fullmatch|subn?|split|findall|finditer)\(")
IMPORT_LINE = "from yusuan import regexes\n"


def top_level_imports(tree: ast.Module) -> list[ast.stmt]:
    return [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]


def rewritten(text: str) -> str:
    """`text` with its calls sent through regexes; unchanged when it has none."""
    if not CALL.search(text):
        return text
    text = CALL.sub(r"regexes.\1(", text)
    lines = text.splitlines(keepends=True)
    imports = top_level_imports(ast.parse(text))
    if IMPORT_LINE not in lines:
        ours = [node for node in imports
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("yusuan")]
        if ours:
            lines.insert(ours[0].lineno - 1, IMPORT_LINE)
        else:
            lines.insert(imports[-1].end_lineno or 0, "\n" + IMPORT_LINE)
    text = "".join(lines)
    if not re.search(r"(?<![\w.])re\.", text):  # `import re` goes, and a blank line it leaves
        alone = re.sub(r"^\nimport re\n(?=\n)", "", text, count=1, flags=re.MULTILINE)
        text = alone if alone != text else re.sub(r"^import re\n", "", text, count=1,
                                                  flags=re.MULTILINE)
    return text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "regexes.py":
            continue
        text = path.read_text(encoding="utf-8")
        new = rewritten(text)
        if new != text:
            changed.append(path.relative_to(PACKAGE.parents[1]))
            if not check:
                path.write_text(new, encoding="utf-8")
    for name in changed:
        print(name)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
