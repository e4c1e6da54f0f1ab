"""The answers so far on one line, each clickable: a click goes back to that question.

One widget draws the whole line (a widget per crumb cost a mount per step). When the
line is wider than the screen, the oldest crumbs give way to "…", so where the user
is ("This question" / "Your next step") always shows; on step 1, a line saying how the
crumbs work.
"""

from __future__ import annotations

import msgspec
from rich.cells import cell_len, set_cell_size
from textual import events
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from advice.session import Step

SEP = " › "
ELLIPSIS = "…"
MAX_CRUMB = 30  # a long answer is cut to this many cells, unless it is the only one


class Piece(msgspec.Struct, frozen=True):
    text: str
    kind: str  # count, crumb, sep or here: its component class
    node_id: str = ""  # a crumb's question
    label: str = ""  # a crumb's whole answer, however much of it shows


class Span(msgspec.Struct, frozen=True):
    start: int
    end: int
    node_id: str
    label: str


class Breadcrumb(Static):
    """`Step N  answer › answer › This question`."""

    # Few component classes: Textual styles each one as a node on every restyle.
    COMPONENT_CLASSES = {"breadcrumb--crumb", "breadcrumb--muted"}

    class Selected(Message):
        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    def __init__(self, steps: list[Step], here: str) -> None:
        super().__init__(markup=False)
        self.steps = steps
        self.here = here
        self._spans: list[Span] = []
        self._hover: int | None = None  # index into _spans

    def show_steps(self, steps: list[Step], here: str) -> None:
        self.steps, self.here = steps, here
        self._hover = None
        self.tooltip = None  # it named a crumb that may have moved or gone
        self.refresh()

    def layout(self, width: int) -> list[Piece]:
        """The pieces of the line that fits `width` cells: every crumb in full if they
        fit; else crumbs cut to MAX_CRUMB, then to 12 cells, the oldest folded into "…"
        as needed. Where the user is always shows."""
        tries = [(None, 0)]
        for limit in (MAX_CRUMB, 12):
            tries += [(limit, first) for first in range(len(self.steps) + 1)]
        pieces: list[Piece] = []
        for limit, first in tries:
            pieces = self._pieces(limit, first)
            if sum(cell_len(p.text) for p in pieces) <= width:
                break
        return pieces

    def _pieces(self, limit: int | None, first: int) -> list[Piece]:
        pieces = [Piece(f"Step {len(self.steps) + 1}  ", "count")]
        if first:
            pieces += [Piece(ELLIPSIS, "sep"), Piece(SEP, "sep")]
        for step in self.steps[first:]:
            label = step.label
            if limit is not None and cell_len(label) > limit:
                label = set_cell_size(label, limit - 1).rstrip() + ELLIPSIS
            pieces += [Piece(label, "crumb", step.question.id, step.label), Piece(SEP, "sep")]
        return [*pieces, Piece(self.here, "here")]

    def render(self) -> Content:
        width = self.content_region.width if self.is_mounted else 0
        pieces = self.layout(width or 10_000)
        muted = self.get_visual_style("breadcrumb--muted")
        styles = {
            "count": muted,
            "sep": muted,
            "here": muted + Style(italic=True),
            "crumb": self.get_visual_style("breadcrumb--crumb"),
        }
        spans: list[Span] = []
        parts: list[Content] = []
        x = 0
        for piece in pieces:
            part = Content.styled(piece.text, styles[piece.kind])
            if piece.kind == "crumb":
                if len(spans) == self._hover:
                    part = part.stylize("reverse")
                spans.append(Span(x, x + cell_len(piece.text), piece.node_id, piece.label))
            parts.append(part)
            x += cell_len(piece.text)
        self._spans = spans
        return Content("").join(parts)

    @property
    def spans(self) -> list[Span]:
        """The crumbs drawn last, with their columns (inside the padding)."""
        return list(self._spans)

    def _span_at(self, x: int) -> int | None:
        return next((i for i, s in enumerate(self._spans) if s.start <= x < s.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._span_at(event.x - self.gutter.left)
        if hover != self._hover:
            self._hover = hover
            label = self._spans[hover].label if hover is not None else None
            self.tooltip = Content(f"Go back to this question ({label})") if label else None
            self.refresh()

    def on_leave(self) -> None:
        self.tooltip = None
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._span_at(event.x - self.gutter.left)
        if index is not None:
            event.stop()
            self.post_message(self.Selected(self._spans[index].node_id))
