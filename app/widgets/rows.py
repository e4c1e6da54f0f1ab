"""A long list of two-line rows, one highlighted: the home screen's follow-ups.

Drawn line by line (Textual's line API): only the lines in view are made, so a
thousand follow-ups cost what a screenful does (benchmarks/bench_home.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

ROW_LINES = 2


T = TypeVar("T")
Lines = tuple[Content, Content]


class RowList(ScrollView, Generic[T], can_focus=True):
    """Rows of two lines each (Content, drawn literally); Enter or a click picks one."""

    ALLOW_SELECT = False
    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Last", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "select", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"row-list--highlighted"}

    class Selected(Message):
        def __init__(self, rows: RowList[Any], index: int) -> None:
            super().__init__()
            self.rows = rows
            self.index = index

        @property
        def control(self) -> RowList[Any]:
            return self.rows

    def __init__(
        self, rows: Sequence[T], draw: Callable[[T], Lines], id: str | None = None
    ) -> None:
        """`draw(row)`: its two lines, made when the row first comes into view."""
        super().__init__(id=id)
        self.draw = draw
        self.set_rows(rows, 0)

    def set_rows(self, rows: Sequence[T], highlighted: int) -> None:
        self.rows = rows
        self._drawn: dict[int, Lines] = {}
        self.highlighted = max(0, min(highlighted, len(rows) - 1))
        self.virtual_size = Size(0, len(rows) * ROW_LINES)
        if self.is_mounted:
            self.refresh()
            self.call_after_refresh(self._follow)

    def lines_of(self, index: int) -> Lines:
        lines = self._drawn.get(index)
        if lines is None:
            lines = self._drawn[index] = self.draw(self.rows[index])
        return lines

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, part = divmod(y + self.scroll_offset.y, ROW_LINES)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        line = self.lines_of(index)[part].truncate(max(1, width - 2), ellipsis=True)
        line = line.pad(1, max(0, width - 1 - line.cell_length))
        base = self.visual_style
        if index == self.highlighted and self.rows:
            base = base + self.get_visual_style("row-list--highlighted")
        return Strip(line.render_segments(base), width)

    def _follow(self) -> None:
        top = self.highlighted * ROW_LINES
        self.scroll_to_region(Region(0, top, 1, ROW_LINES), animate=False, immediate=True)

    def action_move(self, by: int) -> None:
        if not self.rows:
            return
        self.highlighted = max(0, min(self.highlighted + by, len(self.rows) - 1))
        self.refresh()
        self._follow()

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height // ROW_LINES))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + self.scroll_offset.y) // ROW_LINES
        if 0 <= index < len(self.rows):
            self.highlighted = index
            self.refresh()
            self.post_message(self.Selected(self, index))
