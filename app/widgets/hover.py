"""The mouse handling the clickable one-widget lines share (AnswerList, KeyBar,
Breadcrumb): what is under the mouse is highlighted, leaving clears it, a click on
something picks it. Each widget says only what is at a point and what a pick does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual import events

T = TypeVar("T")

if TYPE_CHECKING:
    from textual.widget import Widget

    class _Base(Widget, Generic[T]):
        pass

else:

    class _Base:
        # The type parameter is for mypy: at run time typing's Generic would cost its
        # subscriptions and class checks at every start (~0.7M instructions).
        def __class_getitem__(cls, item: object) -> type:
            return cls


class Hoverable(_Base[T]):
    """A widget whose parts (answers, keys, crumbs) answer hover and click.

    Mixed in before Widget (`class AnswerList(Hoverable[int], Widget)`), not a Widget
    itself: Textual spends ~2M instructions making each Widget class (its reactives,
    bindings and CSS names, merged over its whole MRO), and a walk's first screen
    imports three of these. Textual finds the handlers below through the MRO all the
    same.

    `_hover` is the part under the mouse (None: none); the widget draws it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._hover: T | None = None

    def _part_at(self, event: events.MouseEvent) -> T | None:
        """The part under the mouse, or None."""
        raise NotImplementedError

    def _pick(self, part: T) -> None:
        """A click on `part`."""
        raise NotImplementedError

    def _hover_changed(self) -> None:
        """After `_hover` changed (a widget's tooltip follows it)."""

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._part_at(event)
        if hover != self._hover:
            self._hover = hover
            self._hover_changed()
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self._hover_changed()
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        part = self._part_at(event)
        if part is not None:
            event.stop()
            self._pick(part)
