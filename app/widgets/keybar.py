"""The bottom line of keys: what each key does on this screen; a click presses it.

One widget that draws one line, instead of Textual's Footer (a widget per key,
rebuilt whenever the bindings change): the Footer was about 90 ms of the first
screen and part of every step (see benchmarks/README.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual import events
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


class Key(NamedTuple):
    key: str  # what a click presses
    display: str  # how the key is shown, e.g. "esc", "^q"
    description: str
    enabled: bool


class KeyBar(Widget, can_focus=False):
    """`esc Back  r Restart  1-9 Pick  ? Help  ^q Quit` and the palette key at the right."""

    ALLOW_SELECT = False
    # One component class: Textual styles each one as a node on every restyle.
    COMPONENT_CLASSES = {"keybar--key"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, Key]] = []  # columns of each key, for clicks
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The shown keys, one per action (the first binding of it), and the palette's."""
        app = self.app
        seen: set[str] = set()
        shown: list[Key] = []
        palette: Key | None = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if app.ENABLE_COMMAND_PALETTE and binding.key == app.COMMAND_PALETTE_BINDING:
                palette = Key(binding.key, app.get_key_display(binding), "palette", enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            shown.append(
                Key(binding.key, app.get_key_display(binding), binding.description, enabled)
            )
        return shown, palette

    def render(self) -> Content:
        shown, palette = self.keys()
        key_style = self.get_visual_style("keybar--key")
        parts: list[Content] = []
        spans: list[tuple[int, int, Key]] = []
        x = 0

        def add(key: Key, index: int) -> None:
            nonlocal x
            piece = Content.assemble((key.display, key_style), " ", key.description)
            if not key.enabled:
                piece = piece.stylize("dim")
            if index == self._hover:
                piece = piece.stylize("reverse")
            parts.append(piece)
            spans.append((x, x + len(piece), key))
            x += len(piece)

        parts.append(Content(" "))
        x += 1
        for i, key in enumerate(shown):
            add(key, i)
            parts.append(Content("  "))
            x += 2
        if palette is not None:
            tail = len(palette.display) + len(" palette") + 1
            gap = max(1, self.size.width - x - tail)
            parts.append(Content(" " * gap))
            x += gap
            add(palette, len(shown))
        self._spans = spans
        return Content("").join(parts)

    def _key_at(self, x: int) -> int | None:
        return next((i for i, (a, b, _k) in enumerate(self._spans) if a <= x < b), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        event.stop()
        key = self._spans[index][2]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
