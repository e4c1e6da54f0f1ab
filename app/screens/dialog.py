"""What the dialogs share: the too-small message, a framed box under a heading, a row of
buttons, and for forms the Save/Cancel pair with its keys."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from advice.app.styles import styles_path
from advice.app.widgets.chrome import show_too_small, too_small_message

ResultT = TypeVar("ResultT")


def button_row(*buttons: Button) -> Horizontal:
    return Horizontal(*buttons, classes="dialog-buttons")


class Dialog(ModalScreen[ResultT]):
    """A box titled HEADING holding compose_body()."""

    STYLES = styles_path("dialogs.tcss")
    HEADING = ""
    BOX_CLASSES = "dialog"
    # Rows of the box besides its scrolling `.fields` (border, heading, hint, buttons):
    # the fields get what the screen has left, less its top and bottom lines, so the
    # rest of the box stays in view however short the terminal (CSS cannot say "100%
    # less the rest of the box").
    CHROME_ROWS = 0

    def on_resize(self) -> None:
        show_too_small(self)
        if self.CHROME_ROWS:
            room = max(2, self.app.size.height - self.CHROME_ROWS - 2)
            for fields in self.query(".fields"):
                fields.styles.max_height = room

    def compose(self) -> ComposeResult:
        yield from too_small_message(self)
        with Vertical(classes=self.BOX_CLASSES):
            yield Static(self.HEADING, classes="dialog-title")
            yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def set_up_fields(self) -> None:
        """Every text field blinks as the app says (tests switch it off); the first has
        the focus."""
        fields = self.query(Input)
        for field in fields:
            field.cursor_blink = getattr(self.app, "blink", True)
        if fields:
            fields.first().focus()


class FormDialog(Dialog[ResultT]):
    """A dialog that saves or cancels: subclasses define action_save and action_cancel
    (escape is bound to cancel by the subclass's BINDINGS)."""

    @staticmethod
    def save_cancel(save_key: str = "Enter") -> Horizontal:
        """The buttons, each with the key that does the same (`save_key` saves)."""
        return button_row(
            Button(f"Save ({save_key})", variant="primary", id="save", compact=True),
            Button("Cancel (Esc)", id="cancel", compact=True),
        )

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()
