"""The bars every screen shares: the top line and the too-small message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from advice.app.styles import add_styles

# The rules of these bars, added to the app's stylesheet when the first of them is made.
STYLES = Path(__file__).parent / "chrome.tcss"

# Below this the screens cannot show a question and its answers; a message says so.
MIN_WIDTH = 60
MIN_HEIGHT = 16


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


def top_line(heading: str, today: date | None, width: int, date_style: Style) -> Content:
    """`advice · <heading>` and today's date at the right; a long heading is cut with
    "…" so the date stays. `width` 0: not laid out yet, nothing is cut."""
    title = Content.assemble(("advice", "bold"), " · ", heading)
    if today is None:
        return title
    when = Content.styled(f"today {today:%a} {today.day} {today:%b %Y}", date_style)  # 2, not 02
    room = width - when.cell_length - 2
    if width and title.cell_length > room:
        title = title.truncate(max(room, 1), ellipsis=True)
    gap = max(width - title.cell_length - when.cell_length, 2)
    return Content.assemble(title, " " * gap, when)


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


def too_small(screen: Screen[Any]) -> bool:
    """The screen has a size class below the minimum (see AdviceApp's breakpoints)."""
    return screen.has_class("-too-narrow") or screen.has_class("-too-short")


def too_small_message(screen: Screen[Any]) -> Iterator[TooSmall]:
    """For a screen's compose: the message, only when the terminal is too small now.
    Most starts never need it, and every widget on the first screen costs start-up."""
    if too_small(screen):
        yield TooSmall()


# The widget that had the focus when the terminal became too small, by screen: hiding
# the content blurs it (Textual), and without focus the keys that scroll or move a
# highlight do nothing until Tab is pressed.
_focus_before: WeakKeyDictionary[Screen[Any], Widget] = WeakKeyDictionary()


def show_too_small(screen: Screen[Any]) -> None:
    """For a screen's on_resize: the message, mounted once the terminal is too small;
    and once it is big enough again, the focus back where it was."""
    if too_small(screen):
        if screen.focused is not None:
            _focus_before[screen] = screen.focused
        if not screen.query(TooSmall):
            screen.mount(TooSmall(), before=0)
        return
    was = _focus_before.pop(screen, None)
    if was is not None and screen.focused is None:
        # After the refresh that shows the content again: a hidden widget takes no focus.
        screen.call_after_refresh(refocus, screen, was)


def refocus(screen: Screen[Any], widget: Widget) -> None:
    if screen.focused is not None:
        return  # the user (or the screen) focused something meanwhile
    if widget.is_attached and widget.screen is screen:
        widget.focus()
    elif screen.focus_chain:
        screen.focus_chain[0].focus()
