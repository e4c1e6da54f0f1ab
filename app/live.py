"""Live reload (`advice PATH --watch`): a worker thread polls the tree files with
advice.watch and tells the app, by message, which files were saved."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from textual.app import App
from textual.message import Message

from advice.watch import INTERVAL, changes


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


def affected(entry_path: Path, saved: set[Path]) -> bool:
    """Whether a save touches this tree: its file or the sources.yaml beside it."""
    from advice.library import SOURCES_FILE, sources_for

    return bool({entry_path, entry_path.parent / SOURCES_FILE, sources_for(entry_path)} & saved)
