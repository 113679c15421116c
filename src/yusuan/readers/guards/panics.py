"""A Rust library's panic report kept off stderr.

calamine is Rust: when it panics on a damaged file, Rust's panic hook writes "thread '…'
panicked at …" (and with RUST_BACKTRACE a backtrace) straight to file descriptor 2 before the
panic reaches Python as an exception, which the reader turns into one sentence. While a call
into the library runs, descriptor 2 goes to a temporary file; afterwards what it holds is
passed on to stderr, unless it is a panic report.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def panic_reports_held() -> Iterator[None]:
    sys.stderr.flush()
    with tempfile.TemporaryFile() as held:
        saved = os.dup(2)
        os.dup2(held.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            held.seek(0)
            written = held.read()
            if written and b"panicked at" not in written:
                os.write(2, written)
