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
