"""Ids that are not what they look like: invisible characters and look-alike letters.

Ids are keys (saved walks, examples and `--answer` use them), so `send` and `send`
with a zero-width space, or with a Cyrillic `е`, are two different ids that read the
same: an answer that seems right fails, or a second node hides behind the first. The
loader warns about them (ADV027); they are not errors, ids in any alphabet are fine.
"""

from __future__ import annotations

import unicodedata

# Characters that show nothing yet are not format characters (category Cf) for
# Unicode: Hangul fillers, the grapheme joiner, and the variation selectors.
_BLANK = frozenset(
    "\u115f\u1160\u3164\uffa0\u034f"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
# Alphabets written together in one word: Japanese mixes these three.
_WRITTEN_TOGETHER = frozenset(("CJK", "HIRAGANA", "KATAKANA"))


def _script(ch: str) -> str:
    """The alphabet of a letter, as the first word of its Unicode name (LATIN, GREEK)."""
    return unicodedata.name(ch, "?").split(" ", 1)[0]


def _code(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def lookalike(text: str) -> str | None:
    """What makes `text` read as something it is not, or None when nothing does."""
    if text.isascii():  # nearly every id: nothing to look at
        return None
    scripts: dict[str, str] = {}
    for ch in text:
        if ch.isascii():
            if ch.isalpha():
                scripts.setdefault("LATIN", ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cf" or category.startswith("Z") or ch in _BLANK:
            return f"the invisible character {_code(ch)}"
        plain = unicodedata.normalize("NFKC", ch)
        if plain != ch:
            return f"the character {_code(ch)}, which reads as '{plain}'"
        if category.startswith("L"):
            scripts.setdefault(_script(ch), ch)
    if len({"JAPANESE" if s in _WRITTEN_TOGETHER else s for s in scripts}) > 1:
        names = ", ".join(
            f"{script.title()} ('{ch}', {_code(ch)})" for script, ch in scripts.items()
        )
        return f"letters of more than one alphabet: {names}"
    return None
