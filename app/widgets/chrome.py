"""The bars every screen shares: the top line and the too-small message."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

# Below this the screens cannot show a question and its answers; a message says so.
MIN_WIDTH = 60
MIN_HEIGHT = 16


class TopBar(Static):
    """`advice · <tree title>` on the left, today's date on the right; a long title is
    cut with "…" so the date stays. One widget, drawn to the width it has."""

    COMPONENT_CLASSES = {"top-bar--date"}

    def __init__(self, heading: str, today: date | None = None) -> None:
        super().__init__(markup=False)
        self.heading = heading
        self.today = today

    def render(self) -> Content:
        width = self.content_region.width if self.is_mounted else 0
        title = Content.assemble(("advice", "bold"), " · ", self.heading)
        if self.today is None:
            return title
        when = Content.styled(
            f"today {self.today:%a %d %b %Y}",
            self.get_visual_style("top-bar--date"),
        )
        room = width - when.cell_length - 2
        if width and title.cell_length > room:
            title = title.truncate(max(room, 1), ellipsis=True)
        gap = max(width - title.cell_length - when.cell_length, 2)
        return Content.assemble(title, " " * gap, when)


class TooSmall(Static):
    """Shown instead of the screen's content when the terminal is too small."""

    def __init__(self) -> None:
        super().__init__(classes="too-small")

    def render(self) -> Content:
        # Drawn only while shown (CSS hides it otherwise): no update, and so no extra
        # layout pass, each time a screen is mounted.
        w, h = self.app.size
        return Content(
            f"The terminal is too small ({w}x{h}).\n\n"
            f"Make it at least {MIN_WIDTH}x{MIN_HEIGHT}, or press ctrl+q to quit."
        )
