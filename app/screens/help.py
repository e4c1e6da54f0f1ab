"""What the keys do (`?` or F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from advice.app.screens.dialog import Dialog

KEYS = [
    ("Questions", ""),
    ("↑ ↓  Enter", "move through the answers and pick one"),
    ("1-9", "pick an answer by its number"),
    ("mouse", "click an answer; click one in the line of answers to go back to it"),
    ("esc  backspace", "back one question; your answer stays highlighted"),
    ("r", "start this tree again"),
    ("t", "pick another tree"),
    ("h", "your follow-ups: every interview's next step and date"),
    ("Your next step", ""),
    ("c", "copy the ready text on screen (with two, it asks which)"),
    ("d", "your details: names the ready texts use"),
    ("w", "why this step: your answers, each date's rule, the quotes"),
    ("s", "save the plan as a Markdown file"),
    ("x / o / u", "mark a dated step done today / on a day you type / undo"),
    ("Follow-ups (h)", ""),
    ("Enter  n", "open the one highlighted / start a new one"),
    ("r  a  d", "rename / archive (u undoes) / delete (asks first)"),
    ("v", "show the archived ones (a brings one back)"),
    ("Everywhere", ""),
    ("ctrl+p", "the command palette: every action by name"),
    ("ctrl+t", "switch between the dark and the light theme"),
    ("? or F1", "this help"),
    ("ctrl+q", "quit"),
]

ABOUT = (
    "Each step comes from the articles listed with it, quoted word for word. "
    "Where they disagree you see both sides: the choice is yours. "
    "Changing an earlier answer keeps the later answers that still apply."
)


class HelpScreen(Dialog[None]):
    HEADING = "Help"
    BOX_CLASSES = "dialog help"
    CHROME_ROWS = 7  # border 2, heading and its margins 3, hint 1, padding 1
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close", key_display="esc"),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="fields"):
            for key, what in KEYS:
                if not what:
                    yield Static(Content(key), classes="help-section")
                else:
                    with Horizontal(classes="help-row"):
                        yield Static(Content(key), classes="help-key")
                        yield Static(Content(what), classes="help-what")
            yield Static(Content(ABOUT), classes="help-about")
        yield Static("esc closes", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss()
