"""Command-line words that name files although they look like options (`-x.txt`).

argparse takes any word that starts with "-" for an option and answers a file named so with
its usage. A word before "--" that starts with "-", is not shaped like an option (letters and
dashes, perhaps "=value") and names an existing file is passed on as "./-x.txt", which reads
the same file; `yusuan check -- -x.txt` works as in any command.
"""

from __future__ import annotations

import os

from yusuan import regexes

_OPTION = regexes.compile(r"--?[A-Za-z][A-Za-z-]*(=.*)?")


def dash_files_as_paths(argv: list[str]) -> list[str]:
    words: list[str] = []
    for index, word in enumerate(argv):
        if word == "--":
            return words + argv[index:]
        if (word.startswith("-") and len(word) > 1 and not _OPTION.fullmatch(word)
                and os.path.lexists(word)):
            word = os.path.join(".", word)
        words.append(word)
    return words
