"""The rule registry is complete for every thread of a freshly started process (a web app's first
two jobs ran at once and one got a short catalog: a wrong "clean" report)."""

import json
import subprocess
import sys

SCRIPT = """
import threading
from yusuan.rules.engine import catalog
barrier = threading.Barrier(4)
counts = []
def run():
    barrier.wait()
    counts.append(len(catalog()))
threads = [threading.Thread(target=run) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
import json; print(json.dumps(sorted(counts)))
"""


def test_concurrent_first_use_sees_every_rule():
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
        counts = json.loads(out.stdout)
        assert len(counts) == 4 and counts[0] == counts[-1] > 50, counts


def test_a_rule_out_of_memory_stops_the_check_instead_of_reporting_clean() -> None:
    """A MemoryError inside a rule is not swallowed like a broken rule's error: a check cut
    short by its memory limit must not come back as a clean report."""
    import pytest

    from yusuan.model import Document, Source
    from yusuan.rules.engine import _REGISTRY, _run_one, catalog

    catalog()  # the registry loaded
    rule_id = next(iter(_REGISTRY.funcs))
    original = _REGISTRY.funcs[rule_id]

    def exhausted(doc):
        raise MemoryError

    _REGISTRY.funcs[rule_id] = exhausted
    try:
        with pytest.raises(MemoryError):
            _run_one(rule_id, Document(Source("t.txt", "text", "", [])))
    finally:
        _REGISTRY.funcs[rule_id] = original
