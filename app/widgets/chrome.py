"""The bars every screen shares: the top line and the too-small message."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

# Below this the screens cannot show a question and its answers; a message says so.
MIN_WIDTH = 60
MIN_HEIGHT = 16


class TopBar(Horizontal):
    """`advice · <tree title>` on the left, today's date on the right."""

    def __init__(self, heading: str, today: date | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.today = today

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("advice", "bold"), " · ", self.heading), classes="top-title")
        if self.today is not None:
            yield Static(Content(f"today {self.today:%a %d %b %Y}"), classes="top-date")


class TooSmall(Static):
    """Shown instead of the screen's content when the terminal is too small."""

    def __init__(self) -> None:
        super().__init__(classes="too-small")

    def on_mount(self) -> None:
        self.update_size()

    def on_resize(self) -> None:
        self.update_size()

    def update_size(self) -> None:
        w, h = self.app.size
        self.update(
            Content(
                f"The terminal is too small ({w}x{h}).\n\n"
                f"Make it at least {MIN_WIDTH}x{MIN_HEIGHT}, or press ctrl+q to quit."
            )
        )
