"""Save the plan as Markdown: a path the user can edit, then the write."""

from __future__ import annotations

from collections.abc import Callable

from advice.app.styles import styles_path
from advice.app.widgets.chrome import TooSmall
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class ExportScreen(ModalScreen[bool]):
    """`write(path)` does the saving and says whether it worked; on failure the dialog
    stays open with the path as typed, so nothing is lost."""

    STYLES = styles_path("dialogs.tcss")

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_path: str, write: Callable[[str], bool]) -> None:
        super().__init__()
        self.default_path = default_path
        self.write = write

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog"):
            yield Static("Save the plan as Markdown", classes="dialog-title")
            yield Static("File (relative to where advice started):", classes="field-label")
            yield Input(
                value=self.default_path, id="export-path", select_on_focus=False, compact=True
            )
            yield Static("", id="export-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (Enter)", variant="primary", id="save", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        field = self.query_one("#export-path", Input)
        field.cursor_blink = getattr(self.app, "blink", True)
        field.focus()

    def action_save(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.query_one("#export-error", Static).update("Type a file name first.")
            return
        if self.write(path):
            self.dismiss(True)
        else:
            self.query_one("#export-error", Static).update(
                Content(f"Could not save to {path}; change the path and try again.")
            )

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()
