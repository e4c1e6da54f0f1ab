"""Save the plan as Markdown: a path the user can edit, then the write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Input, Static

from advice.app.screens.dialog import FormDialog
from advice.app.widgets.field import TextField
from advice.fileio import unused_name


class ExportScreen(FormDialog[bool]):
    """`write(path)` does the saving and says whether it worked; on failure the dialog
    stays open with the path as typed, so nothing is lost.

    A file that is there already may hold the user's edits: the default is a free name
    (and the dialog says why), and a name typed that is taken is replaced only after
    the user is asked and presses Enter again."""

    HEADING = "Save the plan as Markdown"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_path: str, write: Callable[[str], bool]) -> None:
        super().__init__()
        self.wanted = default_path
        self.default_path = str(unused_name(Path(default_path)))
        self.write = write
        self.replace_ok: Path | None = None  # the taken file the user agreed to replace

    def compose_body(self) -> ComposeResult:
        yield Static("File (relative to where advice started):", classes="field-label")
        yield TextField(
            value=self.default_path, id="export-path", select_on_focus=False, compact=True
        )
        if self.default_path != self.wanted:
            note = f"{self.wanted} is there already (you may have edited it): this is a new name."
            yield Static(Content(note), id="export-note", classes="dialog-hint")
        yield Static("", id="export-error")
        yield self.save_cancel()

    def on_mount(self) -> None:
        self.set_up_fields()

    def action_save(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#export-error", Static)
        if not path:
            error.update("Type a file name first.")
            return
        target = Path(path).expanduser()
        if target.is_dir():  # a folder: the plan goes in it, under a free name
            inside = str(unused_name(Path(path) / Path(self.wanted).name))
            self.query_one("#export-path", Input).value = inside
            error.update(Content(f"{path} is a folder: Enter saves the plan in it as {inside}."))
            return
        if target.exists() and target != self.replace_ok:
            self.replace_ok = target
            error.update(
                Content(
                    f"{path} is there already and may hold your edits. "
                    "Enter again replaces it; or change the name."
                )
            )
            self.query_one("#save", Button).label = "Replace (Enter)"
            return
        if self.write(path):
            self.dismiss(True)
        else:
            error.update(Content(f"Could not save to {path}; change the path and try again."))

    @on(Input.Changed, "#export-path")
    def path_changed(self) -> None:
        """A new name: ask again before replacing anything."""
        if self.replace_ok is not None:
            self.replace_ok = None
            self.query_one("#export-error", Static).update("")
            self.query_one("#save", Button).label = "Save (Enter)"

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_save()
