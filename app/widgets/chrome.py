"""The bars every screen shares: the top line and the too-small message.

Their widgets, TopBar and TooSmall, are in advice.app.widgets.bars, imported when the
first is made (a walk's first screen has neither, and Textual spends ~2M instructions
of the start making each Widget class: docs/performance.md); they are importable from
here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

if TYPE_CHECKING:
    from advice.app.widgets.bars import TooSmall as TooSmall
    from advice.app.widgets.bars import TopBar as TopBar


def __getattr__(name: str) -> Any:
    # `from advice.app.widgets.chrome import TopBar` works as before, made on first use.
    if name in ("TopBar", "TooSmall"):
        from advice.app.widgets import bars

        return getattr(bars, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Below this the screens cannot show a question and its answers; a message says so.
MIN_WIDTH = 60
MIN_HEIGHT = 16


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


def too_small(screen: Screen[Any]) -> bool:
    """The screen has a size class below the minimum (see AdviceApp's breakpoints)."""
    return screen.has_class("-too-narrow") or screen.has_class("-too-short")


def too_small_message(screen: Screen[Any]) -> Iterator[TooSmall]:
    """For a screen's compose: the message, only when the terminal is too small now.
    Most starts never need it, and every widget on the first screen costs start-up."""
    if too_small(screen):
        from advice.app.widgets.bars import TooSmall

        yield TooSmall()


# The widget that had the focus when the terminal became too small, by screen: hiding
# the content blurs it (Textual), and without focus the keys that scroll or move a
# highlight do nothing until Tab is pressed.
_focus_before: WeakKeyDictionary[Screen[Any], Widget] = WeakKeyDictionary()


def show_too_small(screen: Screen[Any]) -> None:
    """For a screen's on_resize: the message, mounted once the terminal is too small;
    and once it is big enough again, the focus back where it was."""
    if too_small(screen):
        from advice.app.widgets.bars import TooSmall

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
