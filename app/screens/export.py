"""Save the plan as Markdown: a path the user can edit, then the write."""

from __future__ import annotations

from collections.abc import Callable

from advice.app.screens.dialog import FormDialog
from advice.app.widgets.field import TextField
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Static


class ExportScreen(FormDialog[bool]):
    """`write(path)` does the saving and says whether it worked; on failure the dialog
    stays open with the path as typed, so nothing is lost."""

    HEADING = "Save the plan as Markdown"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_path: str, write: Callable[[str], bool]) -> None:
        super().__init__()
        self.default_path = default_path
        self.write = write

    def compose_body(self) -> ComposeResult:
        yield Static("File (relative to where advice started):", classes="field-label")
        yield TextField(
            value=self.default_path, id="export-path", select_on_focus=False, compact=True
        )
        yield Static("", id="export-error")
        yield self.save_cancel()

    def on_mount(self) -> None:
        self.set_up_fields()

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
    def submitted(self) -> None:
        self.action_save()
