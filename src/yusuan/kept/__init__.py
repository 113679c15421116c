"""What yusuan works out once per installation and keeps in the user's cache folder between runs:
regular expressions' programs (`yusuan.regexes`) and dataclasses' methods (`dataclass_code`),
each in one file handled by `files`."""
