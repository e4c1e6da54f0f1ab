"""Why this step (`w`): the answers that led here, each date's rule with the sentences
of the articles it comes from, and the quotes. Shows the view's "why" (advice.view.WhyView,
`walk --json`'s "why"), the same the plain walk prints."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from advice.app.screens.dialog import Dialog
from advice.app.widgets.quote import quote_blocks
from advice.view import WhyView, step_text


class WhyScreen(Dialog[None]):
    HEADING = "Why this step"
    BOX_CLASSES = "dialog why"
    BINDINGS = [Binding("escape,q,w", "close", "Close", key_display="esc")]

    def __init__(self, why: WhyView) -> None:
        super().__init__()
        self.why = why

    def compose_body(self) -> ComposeResult:
        why = self.why
        with VerticalScroll(classes="fields", id="why-body"):
            if why.answers:
                yield Static("Your answers", classes="help-section")
                for a in why.answers:
                    yield Static(Content(f"{a.question} {a.answer}"), classes="why-line")
            for d in why.dates:
                yield Static("The date", classes="help-section")
                yield Static(Content(step_text(d, long=True)), classes="why-line")
                yield Static(Content(f"Rule: {d.rule}"), classes="why-line")
                yield from quote_blocks(d.because)
            yield Static("The quotes", classes="help-section")
            yield from quote_blocks(why.quotes)
        yield Static("esc closes", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#why-body").focus()

    def action_close(self) -> None:
        self.dismiss()
