"""Placeholder app: the full UI is built in its own issue."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class AdviceApp(App[None]):
    TITLE = "advice"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, path: str | None = None, today: date | None = None) -> None:
        super().__init__()
        self.tree_path = path
        self.today_override = today

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("advice: the full app is coming.", markup=False)
        yield Footer()
