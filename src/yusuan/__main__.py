"""`python -m yusuan …`: the `yusuan` command."""

from yusuan.cli import run

run()
