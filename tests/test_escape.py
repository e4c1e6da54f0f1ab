"""advice.escape's shortcuts: ASCII text with none of the C0 controls or DEL, and
other text that str.isprintable() accepts (newlines and tabs aside), are returned as
they are, without the pattern. So every character the pattern escapes must be one of
those ASCII ones or one isprintable() refuses, in this Python's Unicode."""

from __future__ import annotations

import sys

from advice.escape import CONTROL, CONTROL_OR_BREAK, shown


def test_every_character_escaped_is_one_isprintable_refuses() -> None:
    escaped = [chr(c) for c in range(sys.maxunicode + 1) if CONTROL_OR_BREAK.match(chr(c))]
    assert {"\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\u2069"} <= set(escaped)
    assert [c for c in escaped if c.isprintable()] == []
    ascii_ = [c for c in map(chr, range(128)) if CONTROL.match(c)]
    assert ascii_ == [c for c in map(chr, range(128)) if c not in "\t\n" and not c.isprintable()]
    for c in map(chr, range(128)):  # each ASCII one, alone and amid text, both ways
        for text in (c, f"a {c} b"):
            assert shown(text) == CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
            assert shown(text, one_line=True) == CONTROL_OR_BREAK.sub(
                lambda m: repr(m.group())[1:-1], text
            )


def test_the_shortcut_and_the_pattern_agree() -> None:
    for text in ["plain", "Société: étape", "two\nlines\tand a tab", "a\u00a0b", "", "\n"]:
        assert shown(text) == text
        assert CONTROL.search(text) is None
    assert shown("a\nb", one_line=True) == "a\\nb"
    assert shown("x\u202ey\x1b[2J\u00a0") == "x\\u202ey\\x1b[2J\u00a0"
    assert shown("tab\there\x7f", one_line=True) == "tab\\there\\x7f"
