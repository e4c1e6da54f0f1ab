"""Live reload (`advice PATH --watch`): a worker thread polls the tree files with
advice.watch and tells the app, by message, which files were saved; the workspace
reloads them (advice.workspace) and here the screen on show follows."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.message import Message
from textual.screen import Screen

from advice.catalog import TreeEntry
from advice.watch import INTERVAL, changes

if TYPE_CHECKING:
    from advice.app.advice_app import AdviceApp


class FilesSaved(Message):
    """Some watched files changed on disk (trees or a sources.yaml)."""

    def __init__(self, paths: set[Path]) -> None:
        super().__init__()
        self.paths = paths


class Watcher:
    """Polls in a Textual thread worker until stop(); start() takes the first snapshot
    at once, so a save made while the app starts up is not missed."""

    def __init__(self, paths: Iterable[Path], interval: float | None = None) -> None:
        self.paths = list(paths)
        self.interval = INTERVAL if interval is None else interval
        self._stop = threading.Event()

    def start(self, app: App[Any]) -> None:
        found = changes(self.paths, self.interval, self._stop)
        app.run_worker(lambda: self._forward(app, found), thread=True, name="watch")

    def _forward(self, app: App[Any], found: Iterator[set[Path]]) -> None:
        for paths in found:
            app.post_message(FilesSaved(paths))  # thread-safe in Textual

    def stop(self) -> None:
        self._stop.set()


def files_saved(app: AdviceApp, saved: set[Path]) -> None:
    """The workspace follows the folder and reloads the trees the saved files touch;
    then the screen on show follows."""
    from advice.app.screens.picker import PickerScreen

    shown = {
        e.path for s in app.screen_stack if isinstance(e := getattr(s, "entry", None), TreeEntry)
    }
    on_picker = isinstance(app.screen, PickerScreen)
    app.tell(app.workspace.files_saved(saved, shown, on_picker))
    app.show_reloaded(app.screen)


def show_reloaded(app: AdviceApp, screen: Screen[Any]) -> None:
    """Show the reloaded tree where the screen on show was made for an older check.
    Under a dialog nothing changes until it closes (the screen below is resumed)."""
    from advice.app.screens.error import ErrorScreen
    from advice.app.screens.picker import PickerScreen

    if isinstance(screen, PickerScreen):
        if screen.entries is not app.entries:
            app.switch_screen(app.picker())
        return
    entry = getattr(screen, "entry", None)
    if not isinstance(entry, TreeEntry) or not app.workspace.is_outdated(entry):
        return
    fresh = app.workspace.latest(entry)
    if isinstance(screen, ErrorScreen) and fresh.loaded is None:
        screen.show_problems(fresh)  # still broken: the new list, in place
    elif isinstance(screen, ErrorScreen):
        app.open_entry(fresh)  # fixed (a save may be offered to continue)
    else:
        app.switch_screen(app.screen_for_entry(fresh))
