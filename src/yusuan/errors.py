"""The one exception the command line turns into a readable sentence and exit status 2."""

from __future__ import annotations


class InputError(Exception):
    """The input could not be read as a disclosure; the message is one sentence for the user.

    The sentence is Chinese (`str(error)`); `en` holds the English one when the raiser wrote it,
    and `message(lang)` picks between them.
    """

    def __init__(self, zh: str, en: str | None = None) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh
