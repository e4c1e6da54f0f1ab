"""A question's answers: one highlighted; arrows move it, Enter or a click picks one.

One widget draws every answer. Textual's OptionList did the same job, but it was the
costliest widget of the first screen (about 10 ms of a 0.3 s start, issue 8): a
scrolling view of its own with five component classes, where the question screen
already scrolls. Long answers wrap; the screen's scroll follows the highlight.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.widget import Widget

from advice.app.widgets.hover import Hoverable


class AnswerList(Hoverable[int], Widget, can_focus=True):
    """Answers, one per line (or more, wrapped), with a highlight that Enter picks."""

    ALLOW_SELECT = False
    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    # Two component classes: Textual styles each one as a node on every restyle.
    COMPONENT_CLASSES = {"answer-list--highlighted", "answer-list--hover"}

    class Selected(Message):
        """An answer was picked (Enter or a click)."""

        def __init__(self, answers: AnswerList, index: int) -> None:
            super().__init__()
            self.answers = answers
            self.index = index

        @property
        def control(self) -> AnswerList:
            return self.answers

    def __init__(
        self,
        labels: list[Content],
        highlighted: int = 0,
        *,
        hanging: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`hanging`: cells at the start of each label (its key, "1  ") that a wrapped
        label's later lines are indented by, so they line up under its text."""
        super().__init__(id=id, classes=classes)
        self.labels = labels
        self.hanging = hanging
        self._highlighted = self._clamp(highlighted)
        self._owners: list[int] = []  # the answer each drawn line belongs to
        self._lines: tuple[int, list[tuple[int, Content]]] | None = None  # (width, lines)

    # -- what is shown ------------------------------------------------------------------
    @property
    def highlighted(self) -> int:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int) -> None:
        index = self._clamp(index)
        if index != self._highlighted:
            self._highlighted = index
            self.refresh()
        self.call_after_refresh(self._follow)

    def set_labels(self, labels: list[Content], highlighted: int = 0) -> None:
        """Show other answers (the next question), with one highlighted."""
        self.labels = labels
        self._lines = None
        self._highlighted = self._clamp(highlighted)
        self._hover = None
        self.refresh(layout=True)

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self.labels) - 1))

    def _wrapped(self, width: int) -> list[tuple[int, Content]]:
        """(answer index, line) for every line at this width; a cell of room each side.
        Kept for the last width: layout asks for the height, then render draws."""
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        inner = max(1, width - 2)
        hanging = self.hanging if inner > 2 * self.hanging else 0  # too narrow: no indent
        lines: list[tuple[int, Content]] = []
        for index, label in enumerate(self.labels):
            if label.cell_length <= inner and not any(c in label.plain for c in "\n\t"):
                # One line as it is: wrapping it would change nothing (~1.6M
                # instructions of start-up, benchmarks/README.md).
                lines.append((index, label.pad(1, 1 + inner - label.cell_length)))
                continue
            head, body = label[:hanging], label[hanging:]
            for n, line in enumerate(body.wrap(inner - hanging)):
                line = (head if n == 0 else Content(" " * hanging)) + line
                lines.append((index, line.pad(1, 1 + inner - line.cell_length)))
        self._lines = (width, lines)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._wrapped(width))

    def render(self) -> Content:
        lines = self._wrapped(self.size.width)
        self._owners = [index for index, _ in lines]
        high = self.get_visual_style("answer-list--highlighted")
        hover = self.get_visual_style("answer-list--hover")
        shown = []
        for index, line in lines:
            if index == self._highlighted:
                line = line.stylize_before(high)
            elif index == self._hover:
                line = line.stylize_before(hover)
            shown.append(line)
        return Content("\n").join(shown)

    def on_focus(self) -> None:
        self.call_after_refresh(self._follow)  # (the screen does not scroll to it)

    def _follow(self) -> None:
        """Scroll the screen so the highlighted answer shows (the list can be taller)."""
        parent = self.parent
        if not isinstance(parent, Widget) or not self._owners:
            return
        rows = [y for y, owner in enumerate(self._owners) if owner == self._highlighted]
        if not rows:
            return
        if self._highlighted == 0:  # the first answer: show the question above it too
            parent.scroll_home(animate=False, immediate=True)
            return
        top = self.virtual_region.y + self.styles.gutter.top + rows[0]
        parent.scroll_to_region(
            Region(0, top, self.size.width, len(rows)), animate=False, immediate=True
        )

    # -- keys ---------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.labels:  # around the ends, as Textual's lists do
            self.highlighted = (self._highlighted + step) % len(self.labels)

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self.labels) - 1

    def action_page(self, direction: int) -> None:
        """About a screenful of lines up or down."""
        parent = self.parent
        page = parent.scrollable_content_region.height if isinstance(parent, Widget) else 10
        rows = [y for y, owner in enumerate(self._owners) if owner == self._highlighted]
        if not rows:
            return
        y = max(0, min(rows[0] + direction * max(1, page), len(self._owners) - 1))
        self.highlighted = self._owners[y]

    def action_select(self) -> None:
        if self.labels:
            self.post_message(self.Selected(self, self._highlighted))

    # -- mouse --------------------------------------------------------------------------
    def _part_at(self, event: events.MouseEvent) -> int | None:
        """The answer under the mouse."""
        offset = event.get_content_offset(self)
        if offset is None or not 0 <= offset.y < len(self._owners):
            return None
        return self._owners[offset.y]

    def _pick(self, part: int) -> None:
        self.highlighted = part
        self.post_message(self.Selected(self, part))
