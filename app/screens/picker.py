"""The trees on offer: title, one line of description, how many questions a walk asks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advice.app.screens.base import AppScreen
from advice.app.styles import styles_path
from advice.app.widgets.chrome import TopBar, too_small_message
from advice.app.widgets.keybar import KeyBar
from advice.catalog import TreeEntry

if TYPE_CHECKING:
    from advice.model import Tree


def how_long(tree: Tree) -> str:
    """How many questions a walk asks (`2 to 5 questions`), not how many the tree has."""
    from advice.routes import question_range

    fewest, most = question_range(tree)
    if most == 0:
        return "no questions"
    count = f"{fewest}" if fewest == most else f"{fewest} to {most}"
    return f"{count} question{'' if most == 1 else 's'}"


def describe(entry: TreeEntry, saved: str | None = None) -> Content:
    """Title, description, size; `saved`: the line offering to continue a save."""
    tree = entry.loaded
    if tree is None:
        errors = len(entry.result.errors())
        return Content.assemble(
            (entry.name, "bold"),
            "\n",
            (f"has {errors} problem(s): Enter shows them", "italic"),
        )
    return Content.assemble(
        (tree.title, "bold"),
        "\n",
        tree.description or "",
        "\n",
        (how_long(tree), "italic"),
        *(("\n", (saved, "bold italic")) if saved else ()),
    )


class PickerScreen(AppScreen, Screen[None]):
    STYLES = styles_path("picker.tcss")
    # Priority: the tree list also binds Enter (hidden), which would hide this one from
    # the key bar, and the bar would not say how to open a tree.
    BINDINGS = [Binding("enter", "open", "Open", priority=True)]

    def __init__(self, entries: list[TreeEntry], saved: dict[Path, str] | None = None) -> None:
        super().__init__()
        self.entries = entries
        self.saved = saved or {}  # tree file -> "continue where you left off (...)"

    def compose(self) -> ComposeResult:
        yield from too_small_message(self)
        yield TopBar("pick what you need help with")
        with Vertical(id="picker-body"):
            yield Static("What do you need help with?", id="picker-heading")
            options: list[Option | None] = []
            for n, e in enumerate(self.entries):
                options.append(Option(describe(e, self.saved.get(e.path))))
                if n + 1 < len(self.entries):
                    options.append(None)  # a separator line between trees
            yield OptionList(*options, id="trees")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#trees").focus()

    def action_open(self) -> None:
        self.query_one("#trees", OptionList).action_select()

    @on(OptionList.OptionSelected, "#trees")
    def picked(self, event: OptionList.OptionSelected) -> None:
        # Separators are not options, so the option index counts trees only.
        self.advice_app.open_entry(self.entries[event.option_index])
