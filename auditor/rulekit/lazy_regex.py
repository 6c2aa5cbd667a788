"""Regular expressions a rule module declares at import, compiled on first use.

Every registered rule module is imported when the rules are loaded, selected or not; compiling its
expressions then (147 of them, a tenth of a lone draft's audit) paid for rules that may never run, and for
branches a given text never reaches. ``compile_later(pattern, flags)`` stands for ``re.compile(pattern,
flags)``: ``.pattern`` and ``.flags`` are there at once (rules build larger expressions from them), and the
first call of any other attribute compiles the expression and puts its methods on the object, so later calls
cost what a compiled pattern's do.
"""

from __future__ import annotations

import re

# The compiled pattern's methods put on the object at its first use.
METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyRegex:
    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str):
        # Only called for what the object does not have yet: the compiled pattern's attributes.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        self.regex = compiled
        for method in METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_later({self.pattern!r}, {self.flags!r})"


def compile_later(pattern: str, flags: int = 0) -> LazyRegex:
    return LazyRegex(pattern, flags)
