"""The bottom line of keys: what each key does on this screen; a click presses it.

One widget that draws one line, instead of Textual's Footer (a widget per key,
rebuilt whenever the bindings change): the Footer was about 90 ms of the first
screen and part of every step (see benchmarks/README.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec
from textual import events
from textual.content import Content
from textual.widget import Widget

from advice.app.widgets.hover import Hoverable

if TYPE_CHECKING:
    from textual.screen import Screen


class Key(msgspec.Struct, frozen=True):
    key: str  # what a click presses
    display: str  # how the key is shown, e.g. "esc", "^q"
    description: str
    enabled: bool
    action: str = ""


class KeyBar(Hoverable[Key], Widget, can_focus=False):
    """`esc Back  r Restart  1-9 Pick  ? Help  ^q Quit` and the palette key at the right."""

    ALLOW_SELECT = False
    # One component class: Textual styles each one as a node on every restyle.
    COMPONENT_CLASSES = {"keybar--key"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, Key]] = []  # columns of each key, for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            self._hover = None  # the keys under the mouse may have moved
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
                Key(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled,
                    binding.action,
                )
            )
        return shown, palette

    def render(self) -> Content:
        shown, palette = self.keys()
        width = self.size.width or 10_000
        # Most room first; then tighter until it fits: one space between keys, the
        # palette key without its word, no margins; last, cut keys from the right
        # (the palette key stays, as Textual's Footer keeps it).
        tries = [(2, True, 1), (1, True, 1), (1, False, 1)]
        # Then without the keys the screen can spare (its KEYBAR_SPARE actions: the help
        # and the palette say them), before keys are cut from the right.
        spare = getattr(self.screen, "KEYBAR_SPARE", ())
        needed = [k for k in shown if k.action not in spare]
        layouts = [(shown, *t) for t in tries] + [(needed, 1, False, 1), (needed, 1, False, 0)]
        for keys, sep, word, margin in layouts:
            parts, spans, used = self._layout(keys, palette, sep, word, margin, width)
            if used <= width:
                break
        self._spans = spans
        return Content("").join(parts)

    def _layout(
        self,
        shown: list[Key],
        palette: Key | None,
        sep: int,
        word: bool,
        margin: int,
        width: int,
    ) -> tuple[list[Content], list[tuple[int, int, Key]], int]:
        """The pieces of the line, each key's columns, and the cells it needs."""
        key_style = self.get_visual_style("keybar--key")

        def piece(key: Key, description: str) -> Content:
            text = Content.assemble(
                (key.display, key_style), " " if description else "", description
            )
            if not key.enabled:
                text = text.stylize("dim")
            hovered = self._hover is not None and key.key == self._hover.key
            return text.stylize("reverse") if hovered else text

        tail = piece(palette, "palette" if word else "") if palette else None
        room = width - margin - (tail.cell_length + 1 + margin if tail else 0)
        parts: list[Content] = [Content(" " * margin)]
        spans: list[tuple[int, int, Key]] = []
        x = margin
        for i, key in enumerate(shown):
            text = piece(key, key.description)
            gap = sep if i else 0
            last = i == len(shown) - 1
            if margin == 0 and x + gap + text.cell_length > room - (0 if last else 2):
                parts.append(Content(" …"))  # no room for the rest: say so
                x += 2
                break
            parts.append(Content(" " * gap))
            spans.append((x + gap, x + gap + text.cell_length, key))
            parts.append(text)
            x += gap + text.cell_length
        if tail is not None and palette is not None:
            gap = max(1, width - x - tail.cell_length - margin)
            parts.append(Content(" " * gap))
            spans.append((x + gap, x + gap + tail.cell_length, palette))
            parts.append(tail)
            x += gap + tail.cell_length
        return parts, spans, x + margin

    def _part_at(self, event: events.MouseEvent) -> Key | None:
        """The key under the mouse."""
        return next((k for a, b, k in self._spans if a <= event.x < b), None)

    def _pick(self, part: Key) -> None:
        if part.enabled:
            self.app.simulate_key(part.key)
        else:
            self.app.bell()
