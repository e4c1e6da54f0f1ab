"""Small questions a screen asks: one line of text (a name, a date), or yes/no."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Input, Static

from advice.app.screens.dialog import Dialog, FormDialog, button_row
from advice.app.widgets.field import TextField


class TextScreen(FormDialog[str | None]):
    """One line of text. `check(text)` returns an error to show (the dialog stays open
    with what was typed) or None to dismiss with the text; esc dismisses with None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        heading: str,
        label: str,
        value: str = "",
        check: Callable[[str], str | None] | None = None,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.HEADING = heading
        self.label = label
        self.value = value
        self.check = check
        self.hint = hint

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.label), classes="field-label")
        yield TextField(value=self.value, id="ask-text", select_on_focus=True, compact=True)
        if self.hint:
            yield Static(Content(self.hint), classes="dialog-hint")
        yield Static("", id="ask-error")
        yield self.save_cancel()

    def on_mount(self) -> None:
        self.set_up_fields()

    def action_save(self) -> None:
        text = self.query_one("#ask-text", Input).value.strip()
        problem = self.check(text) if self.check is not None else None
        if problem is not None:
            self.query_one("#ask-error", Static).update(Content(problem))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_save()


class ConfirmScreen(Dialog[bool]):
    """Yes or no; No has the focus and esc (or n) says it: the answer that loses nothing."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No", key_display="n"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, heading: str, text: str) -> None:
        super().__init__()
        self.HEADING = heading
        self.text = text

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.text), classes="dialog-hint")
        yield button_row(
            Button("No (n)", variant="primary", id="no", compact=True),
            Button("Yes (y)", id="yes", compact=True),
        )

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed, "#yes")
    def yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def no_pressed(self) -> None:
        self.dismiss(False)
