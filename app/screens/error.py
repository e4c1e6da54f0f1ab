"""A tree the checker refused: its problems, one `file:line:col: CODE message` each."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from advice.app.screens.base import AppScreen
from advice.app.styles import styles_path
from advice.app.widgets.chrome import TopBar, too_small_message
from advice.app.widgets.keybar import KeyBar
from advice.catalog import TreeEntry


class ErrorScreen(AppScreen, Screen[None]):
    STYLES = styles_path("error.tcss")
    BINDINGS = [
        Binding("r", "reload", "Check again"),
        Binding("t", "switch_tree", "Trees"),
    ]

    def __init__(self, entry: TreeEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield from too_small_message(self)
        yield TopBar(self.entry.name)
        with VerticalScroll(id="error-body"):
            yield Static("This tree has problems", id="error-title")
            yield Static(
                Content(
                    f"{self.entry.where}\n\nThe checker (the same as `advice check`) found "
                    "these. Fix the file, then press r to check it again."
                ),
                id="error-intro",
            )
            yield from self.problem_lines()
        yield KeyBar()

    def problem_lines(self) -> list[Static]:
        return [Static(Content(line), classes="problem") for line in self.entry.problems]

    def show_problems(self, entry: TreeEntry) -> None:
        """The same file checked again and still broken: its new problems, in place."""
        self.entry = entry
        self.query(".problem").remove()
        self.query_one("#error-body").mount_all(self.problem_lines())

    def on_mount(self) -> None:
        self.query_one("#error-body").focus()

    def action_reload(self) -> None:
        self.advice_app.reload_entry(self.entry)

    def action_switch_tree(self) -> None:
        self.advice_app.action_switch_tree()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Check again", "Reload the file and check it", self.action_reload)
