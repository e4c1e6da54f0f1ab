"""The two lines at the top of a walk: the top bar (`advice · <tree>`, today's date)
and under it the answers so far, each clickable: a click goes back to that question.

One widget draws both lines (a widget per crumb cost a mount per step, and the top
bar as a widget of its own cost start-up). When the answers are wider than the
screen, the oldest give way to "…", so where the user is ("This question" / "Your
next step") always shows; on step 1, a line saying how the crumbs work.
"""

from __future__ import annotations

from datetime import date

import msgspec
from rich.cells import cell_len, set_cell_size
from textual import events
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widget import Widget

from advice.app.widgets.chrome import top_line
from advice.app.widgets.hover import Hoverable
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


class Breadcrumb(Hoverable[int], Widget):
    """`advice · <tree>   today <date>` over `Step N  answer › answer › This question`.

    No CSS padding: the top line's own background reaches both edges, so each line
    is padded by a cell here (PAD)."""

    # Few component classes: Textual styles each one as a node on every restyle.
    COMPONENT_CLASSES = {
        "breadcrumb--crumb",
        "breadcrumb--muted",
        "breadcrumb--top",
    }
    CRUMBS_ROW = 1  # the row of the answers (the top bar is row 0)
    PAD = 1

    class Selected(Message):
        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    def __init__(
        self, steps: list[Step], here: str, heading: str = "", today: date | None = None
    ) -> None:
        super().__init__()
        self.steps = steps
        self.here = here
        self.heading = heading
        self.today = today
        self._spans: list[Span] = []

    def show_steps(self, steps: list[Step], here: str) -> None:
        self.steps, self.here = steps, here
        self._hover = None
        self.tooltip = None  # it named a crumb that may have moved or gone
        self.refresh()

    def fit(self, width: int) -> list[Piece]:
        """The pieces of the line that fits `width` cells: every crumb in full if they
        fit; else crumbs cut to MAX_CRUMB, then to 12 cells, the oldest folded into "…"
        as needed. Where the user is always shows."""
        tries: list[tuple[int | None, int]] = [(None, 0)]
        for cut in (MAX_CRUMB, 12):
            tries += [(cut, first) for first in range(len(self.steps) + 1)]
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
        inner = max(width - 2 * self.PAD, 1) if width else 0
        pad = " " * self.PAD
        top_style = self.get_visual_style("breadcrumb--top")
        # The date: muted like the crumbs' separators, on the top line's background.
        muted = self.get_visual_style("breadcrumb--muted")
        date_style = Style(background=top_style.background, foreground=muted.foreground)
        top = Content.assemble(pad, top_line(self.heading, self.today, inner, date_style), pad)
        if width:
            top = top.pad_right(width - top.cell_length)
        top = top.stylize_before(top_style)
        return Content("\n").join([top, Content.assemble(pad, self.crumbs_line(inner))])

    def crumbs_line(self, width: int) -> Content:
        """The answers line, `width` cells at most (0: not laid out yet)."""
        pieces = self.fit(width or 10_000)
        muted = self.get_visual_style("breadcrumb--muted")
        styles = {
            "count": muted,
            "sep": muted,
            "here": muted + Style(italic=True),
            "crumb": self.get_visual_style("breadcrumb--crumb"),
        }
        spans: list[Span] = []
        parts: list[Content] = []
        x = self.PAD
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
        """The crumbs drawn last, with their columns in the widget (row CRUMBS_ROW)."""
        return list(self._spans)

    def _part_at(self, event: events.MouseEvent) -> int | None:
        """The index in `spans` of the crumb under the mouse."""
        if event.y != self.CRUMBS_ROW:
            return None
        x = event.x
        return next((i for i, s in enumerate(self._spans) if s.start <= x < s.end), None)

    def _hover_changed(self) -> None:
        label = self._spans[self._hover].label if self._hover is not None else None
        self.tooltip = Content(f"Go back to this question ({label})") if label else None

    def _pick(self, part: int) -> None:
        self.post_message(self.Selected(self._spans[part].node_id))
