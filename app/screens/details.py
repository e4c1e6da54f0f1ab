""" "Your details": the names the ready texts need (the tree's `placeholders`)."""

from __future__ import annotations

from advice.app.screens.dialog import FormDialog
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static


class DetailsScreen(FormDialog[dict[str, str] | None]):
    """Dismisses with {placeholder name: value}, or None when cancelled."""

    HEADING = "Your details"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        labels: dict[str, str],
        values: dict[str, str],
        answered: dict[str, str] | None = None,
    ) -> None:
        """`answered`: values the walk's answers give (the interview's date): one value
        per fact, so such a field shows the answer, cannot be typed over, and says where
        to change it."""
        super().__init__()
        self.labels = labels
        self.values = values
        self.answered = answered or {}

    def compose_body(self) -> ComposeResult:
        yield Static(
            Content("Used in every ready text; empty ones stay as [label]."),
            classes="dialog-hint",
        )
        with VerticalScroll(classes="fields"):
            for i, (name, label) in enumerate(self.labels.items()):
                answer = self.answered.get(name)
                if answer is not None:
                    label = f"{label} (your answer; change it there)"
                yield Label(Content(label), classes="field-label")
                yield Input(
                    value=self.values.get(name, "") if answer is None else answer,
                    id=f"field-{i}",
                    name=name,
                    select_on_focus=False,
                    compact=True,
                    disabled=answer is not None,
                )
        yield self.save_cancel()

    def on_mount(self) -> None:
        self.set_up_fields()

    def action_save(self) -> None:
        fields = [f for f in self.query(Input) if f.name not in self.answered]
        self.dismiss({f.name or "": f.value.strip() for f in fields})

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def next_or_save(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it saves."""
        fields = [f for f in self.query(Input) if not f.disabled]
        i = fields.index(event.input)
        if i + 1 < len(fields):
            fields[i + 1].focus()
        else:
            self.action_save()
