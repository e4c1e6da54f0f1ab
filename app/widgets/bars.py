"""The widgets of the bars every screen shares (advice.app.widgets.chrome): imported
when the first of them is made, as their rules are added then."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from advice.app.styles import add_styles
from advice.app.widgets.chrome import MIN_HEIGHT, MIN_WIDTH, top_line

# The rules of these bars, added to the app's stylesheet when the first of them is made.
STYLES = Path(__file__).parent / "chrome.tcss"


class TopBar(Static):
    """`advice · <tree title>` on the left, today's date on the right; a long title is
    cut with "…" so the date stays. One widget, drawn to the width it has."""

    COMPONENT_CLASSES = {"top-bar--date"}

    def __init__(self, heading: str, today: date | None = None) -> None:
        super().__init__(markup=False)
        add_styles(self.app.stylesheet, STYLES)
        self.heading = heading
        self.today = today

    def render(self) -> Content:
        width = self.content_region.width if self.is_mounted else 0
        return top_line(self.heading, self.today, width, self.get_visual_style("top-bar--date"))


class TooSmall(Static):
    """Shown instead of the screen's content when the terminal is too small."""

    def __init__(self) -> None:
        super().__init__(classes="too-small")
        add_styles(self.app.stylesheet, STYLES)

    def render(self) -> Content:
        # Drawn only while shown (CSS hides it otherwise): no update, and so no extra
        # layout pass, each time a screen is mounted.
        w, h = self.app.size
        return Content(
            f"The terminal is too small ({w}x{h}).\n\n"
            f"Make it at least {MIN_WIDTH}x{MIN_HEIGHT}, or press ctrl+q to quit."
        )
