"""Characters that drive a terminal instead of showing: the one rule for all of advice.

The loader refuses them in a tree's text (ADV025), and every front end passes what it
prints from outside through `shown` (file names, saved values, what the user typed,
text of a tree that failed to load): an escape sequence from a file must never rewrite
the clipboard (OSC 52), the window title or the screen. They are shown as Python
writes them (`\\x1b`, `\\u202e`), so the reader sees that something is there and what.
"""

from __future__ import annotations

import functools
import io

# Not `from typing import TYPE_CHECKING`: typing costs `advice status` a tenth of its start
# (benchmarks/bench_status.py); mypy reads a name TYPE_CHECKING as true all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    import typing
    from typing import TextIO

# C0 controls but newline and tab, DEL, C1 (U+0080-U+009F, NEL included), the line and
# paragraph separators (line breaks in disguise), and Unicode's bidi controls: the
# marks, embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069) that make
# text read in another order than it is written ("Trojan Source").
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# CONTROL matches one of them; CONTROL_OR_BREAK newline and tab too, for what must stay
# on one line. Both are compiled on first use (see __getattr__): the app imports this
# module at start but escapes nothing until a text needs it, and the two compiles were
# ~2M instructions (0.2%) of a start-up at its goal line (benchmarks/README.md).
_SOURCES = {"CONTROL": f"[{_CONTROLS}]", "CONTROL_OR_BREAK": f"[\t\n{_CONTROLS}]"}


@functools.cache
def _compiled(name: str) -> re.Pattern[str]:
    import re  # here: `advice status` prints plain text without it (a quarter of a start)

    return re.compile(_SOURCES[name])


def __getattr__(name: str) -> re.Pattern[str]:
    """`advice.escape.CONTROL` and `CONTROL_OR_BREAK`, compiled the first time asked."""
    if name in _SOURCES:
        return _compiled(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The ASCII bytes `shown` keeps as they are: for a 50,000-character `advice status`,
# deleting them and finding nothing left was 0.3M instructions, isprintable() 1.5M.
_ASCII_ONE_LINE = bytes(range(0x20, 0x7F))
_ASCII = _ASCII_ONE_LINE + b"\t\n"


def _escaped(m: re.Match[str]) -> str:
    return repr(m.group())[1:-1]  # '\x1b' -> \x1b, '\u202e' -> \u202e, '\n' -> \n


def shown(text: str, *, one_line: bool = False) -> str:
    """`text` safe to print: each control character written out as an escape.
    Newlines and tabs are kept unless `one_line`."""
    # The usual cases, without the pattern. ASCII text (CPython knows that of a str without
    # looking) can only hold C0 controls and DEL: with every other byte deleted, nothing
    # is left. Other text: each character above is one str.isprintable() refuses (Cc,
    # Cf, Zl, Zp), so printable text (newlines and tabs aside) holds none of them
    # (tests/test_escape.py checks both of every one). Anything else, the pattern.
    if text.isascii():
        if not text.encode("ascii").translate(None, _ASCII_ONE_LINE if one_line else _ASCII):
            return text
    elif (text if one_line else text.replace("\n", " ").replace("\t", " ")).isprintable():
        return text
    pattern = _compiled("CONTROL_OR_BREAK" if one_line else "CONTROL")
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escaped, text)


class EscapingWriter(io.TextIOBase):
    """A text stream that passes everything written through `shown`: the command
    line's standard output and error, so no command can print a control sequence,
    whatever part of the input it came from."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(shown(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    @property
    def buffer(self) -> typing.BinaryIO:
        """The bytes underneath, unescaped: only for output already made safe
        (the exports, whose formats escape their own text)."""
        return self.stream.buffer
