"""`python -m yusuan …`: the `yusuan` command."""

import sys

from yusuan.cli import main

sys.exit(main())
