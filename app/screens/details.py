""" "Your details": the names the ready texts need (the tree's `placeholders`)."""

from __future__ import annotations

from advice.app.styles import styles_path
from advice.app.widgets.chrome import TooSmall
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class DetailsScreen(ModalScreen[dict[str, str] | None]):
    """Dismisses with {placeholder name: value}, or None when cancelled."""

    STYLES = styles_path("dialogs.tcss")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, labels: dict[str, str], values: dict[str, str]) -> None:
        super().__init__()
        self.labels = labels
        self.values = values

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog"):
            yield Static("Your details", classes="dialog-title")
            yield Static(
                Content("Used in every ready text; empty ones stay as [label]."),
                classes="dialog-hint",
            )
            with VerticalScroll(classes="fields"):
                for i, (name, label) in enumerate(self.labels.items()):
                    yield Label(Content(label), classes="field-label")
                    yield Input(
                        value=self.values.get(name, ""),
                        id=f"field-{i}",
                        name=name,
                        select_on_focus=False,
                        compact=True,
                    )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (Enter)", variant="primary", id="save", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        blink = getattr(self.app, "blink", True)
        for field in self.query(Input):
            field.cursor_blink = blink
        fields = self.query(Input)
        if fields:
            fields.first().focus()

    def action_save(self) -> None:
        self.dismiss({f.name or "": f.value.strip() for f in self.query(Input)})

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def next_or_save(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it saves."""
        fields = list(self.query(Input))
        i = fields.index(event.input)
        if i + 1 < len(fields):
            fields[i + 1].focus()
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()
