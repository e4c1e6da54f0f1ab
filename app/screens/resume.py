"""Continue a saved session or start the tree over: asked when a tree with a save opens."""

from __future__ import annotations

from advice.app.styles import styles_path
from advice.app.widgets.chrome import TooSmall
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ContinueScreen(ModalScreen[bool]):
    """Dismisses with True to continue the saved session, False to start over.
    Escape continues: it is the choice that changes nothing."""

    STYLES = styles_path("dialogs.tcss")

    BINDINGS = [
        Binding("c,escape", "answer(True)", "Continue", key_display="c"),
        Binding("n", "answer(False)", "Start over"),
    ]

    def __init__(self, tree_title: str, saved_line: str) -> None:
        super().__init__()
        self.tree_title = tree_title
        self.saved_line = saved_line

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog"):
            yield Static("Continue where you left off?", classes="dialog-title")
            yield Static(Content(self.tree_title), id="continue-tree")
            yield Static(Content(self.saved_line), id="continue-saved", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Continue (c)", variant="primary", id="continue", compact=True)
                yield Button("Start over (n)", id="start-over", compact=True)

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
