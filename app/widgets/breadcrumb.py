"""The answers so far, one clickable crumb each: a click goes back to that question."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from advice.session import Step


class Crumb(Static):
    """One answered question; the question's node id travels in the message."""

    def __init__(self, step_index: int, node_id: str, label: str) -> None:
        super().__init__(Content(label), id=f"crumb-{step_index}", markup=False)
        self.node_id = node_id
        self.tooltip = Content(f"Go back to this question ({label})")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Breadcrumb.Selected(self.node_id))


class Breadcrumb(HorizontalScroll):
    """`Step N  answer › answer › …`; empty steps show where the user is."""

    class Selected(Message):
        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    def __init__(self, steps: list[Step], here: str) -> None:
        super().__init__()
        self.steps = steps
        self.here = here

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Step {len(self.steps) + 1}"), classes="step-count")
        for i, step in enumerate(self.steps):
            yield Crumb(i + 1, step.question.id, step.label)
            yield Static("›", classes="crumb-sep")
        yield Static(Content(self.here), classes="crumb-here")

    def on_mount(self) -> None:
        self.scroll_end(animate=False)

    async def show_steps(self, steps: list[Step], here: str) -> None:
        """Show new steps: one step further (the usual move) adds a crumb; any other
        change rebuilds the crumbs."""
        old, self.steps, self.here = self.steps, steps, here
        if len(steps) == len(old) + 1 and steps[: len(old)] == old:
            step = steps[-1]
            self.query_one(".step-count", Static).update(Content(f"Step {len(steps) + 1}"))
            self.query_one(".crumb-here", Static).update(Content(here))
            await self.mount_all(
                [Crumb(len(steps), step.question.id, step.label), Static("›", classes="crumb-sep")],
                before=self.query_one(".crumb-here"),
            )
        else:
            await self.recompose()
        self.scroll_end(animate=False)
