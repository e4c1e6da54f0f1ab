"""Pick one of a few: asked when a key could mean more than one thing (which ready text
to copy when several are on screen)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from advice.app.screens.dialog import Dialog


class ChooseScreen(Dialog[int | None]):
    """Dismisses with the index of the choice (its number key, a click, or Enter on its
    button), or None (esc)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "app.focus_next", "Next", show=False),
        Binding("up", "app.focus_previous", "Previous", show=False),
        *(Binding(str(n), f"choose({n - 1})", f"Choose {n}", show=False) for n in range(1, 10)),
    ]

    def __init__(self, heading: str, choices: list[str], chosen: int = 0) -> None:
        super().__init__()
        self.HEADING = heading
        self.choices = choices
        self.chosen = chosen  # the button with the focus at first

    def compose_body(self) -> ComposeResult:
        with Vertical(classes="choices"):
            for i, label in enumerate(self.choices):
                key = f"{i + 1}  " if i < 9 else "   "
                yield Button(Content(key + label), id=f"choice-{i}", compact=True)
        yield Static("↑ ↓ and Enter, or its number, picks one; esc cancels.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.chosen}", Button).focus()

    def action_choose(self, index: int) -> None:
        if 0 <= index < len(self.choices):
            self.dismiss(index)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(int((event.button.id or "choice-0").rsplit("-", 1)[1]))
