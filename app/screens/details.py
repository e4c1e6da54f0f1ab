""" "Your details": the names the ready texts need (the tree's `placeholders`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from advice.app.screens.dialog import FormDialog
from advice.app.widgets.field import TextField


class DetailsScreen(FormDialog[dict[str, str] | None]):
    """Dismisses with {placeholder name: value}, or None when cancelled.

    One line per field (label, then the field), so the usual trees' details fit at
    80x24 with the buttons in view; more fields scroll. `answered`: what the texts use
    now for a name the user has not typed (a text answer of the walk), shown in its
    empty field so a field the texts fill does not look empty."""

    HEADING = "Your details"
    # Border 2, heading and its margins 3, hint 1, the fields' margin 1, buttons and
    # their margin 2, padding 1.
    CHROME_ROWS = 10

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
        if set(self.answered) & set(labels):
            self.CHROME_ROWS += 1  # the line that says what the greyed fields are

    def compose_body(self) -> ComposeResult:
        yield Static(
            Content("Used in every ready text; empty ones stay as [label]."),
            classes="dialog-hint",
        )
        if set(self.answered) & set(self.labels):
            # Said once here, not in each field: a field as narrow as 30 cells cuts off
            # a note after a date ("Wednesday 30 September (your answer; change...").
            yield Static(
                Content("Greyed ones are your answers: go back to change them."),
                classes="dialog-hint",
            )
        # The labels' column as wide as the longest (up to a third of the box or so).
        width = min(
            max((Content(label).cell_length for label in self.labels.values()), default=0), 30
        )
        with VerticalScroll(classes="fields detail-fields"):
            for i, (name, label) in enumerate(self.labels.items()):
                answer = self.answered.get(name)
                with Horizontal(classes="detail-row"):
                    column = Label(Content(label), classes="detail-label")
                    column.styles.width = width + 2
                    yield column
                    # An answered fact shows the answer and cannot be typed over: one
                    # value per fact (change it in the answers).
                    yield TextField(
                        value=self.values.get(name, "") if answer is None else answer,
                        placeholder="",
                        id=f"field-{i}",
                        name=name,
                        select_on_focus=False,
                        compact=True,
                        disabled=answer is not None,
                        tooltip="Your answer: go back to change it" if answer is not None else None,
                    )
        yield self.save_cancel("ctrl+s")

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
            # Now, not after a refresh: what is typed next goes into the next field.
            self.set_focus(fields[i + 1])
        else:
            self.action_save()
