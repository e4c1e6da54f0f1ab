"""Continue a saved session or start the tree over: asked when a tree with a save opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Static

from advice.app.screens.dialog import Dialog, button_row

if TYPE_CHECKING:
    from advice.app.advice_app import AdviceApp
    from advice.catalog import TreeEntry


def ask_continue(app: AdviceApp, entry: TreeEntry) -> None:
    """Continue the tree's save or start over: asked before the tree opens."""
    tree = entry.loaded
    assert tree is not None
    summary = app.workspace.offer_summary(tree.id)

    def answered(go_on: bool | None) -> None:
        latest, notices = app.workspace.take_offer(entry, bool(go_on))
        app.tell(notices)
        app.switch_screen(app.screen_for_entry(latest))

    app.push_screen(ContinueScreen(tree.title, f"Your walk so far: {summary}"), answered)


class ContinueScreen(Dialog[bool]):
    """Dismisses with True to continue the saved session, False to start over.
    Escape continues: it is the choice that changes nothing."""

    HEADING = "Continue where you left off?"
    BINDINGS = [
        Binding("c,escape", "answer(True)", "Continue", key_display="c"),
        Binding("n", "answer(False)", "Start over"),
    ]

    def __init__(self, tree_title: str, saved_line: str) -> None:
        super().__init__()
        self.tree_title = tree_title
        self.saved_line = saved_line

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.tree_title), id="continue-tree")
        yield Static(Content(self.saved_line), id="continue-saved", classes="dialog-hint")
        yield button_row(
            Button("Continue (c)", variant="primary", id="continue", compact=True),
            Button("Start over (n)", id="start-over", compact=True),
        )

    def on_mount(self) -> None:
        self.query_one("#continue", Button).focus()

    def action_answer(self, go_on: bool) -> None:
        self.dismiss(go_on)

    @on(Button.Pressed, "#continue")
    def continue_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#start-over")
    def start_over_pressed(self) -> None:
        self.dismiss(False)
