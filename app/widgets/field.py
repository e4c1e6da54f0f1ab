"""A one-line text field that never holds a control character.

Textual's Input draws its value as it is, so a pasted escape sequence (or one in a saved
value shown for editing) would reach the terminal: the clipboard, the title, the screen.
Whatever comes in, typed, pasted or given, is escaped (advice.escape) on the way.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from advice.escape import shown


class TextField(Input):
    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        super().__init__(None if value is None else shown(value, one_line=True), **kwargs)

    def replace(self, text: str, start: int, end: int) -> None:
        # Every insertion goes through here: keys, paste, insert_text_at_cursor.
        super().replace(shown(text, one_line=True), start, end)
