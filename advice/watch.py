"""Notice when tree files are saved, by polling: `advice check --watch` uses it, and the
app can use it to reload a tree.

Polling a handful of small files twice a second costs next to nothing and works the same
everywhere (network drives, containers, editors that save by renaming a temporary file),
so no file-system-events dependency is needed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from advice.library import sources_for, tree_files

INTERVAL = 0.5

# What identifies one saved version of a file: an editor that saves by writing a new
# file and renaming it changes the inode even when size and mtime look the same.
Stamp = tuple[int, int, int]


def watched_files(paths: Iterable[Path]) -> set[Path]:
    """The files a check of `paths` reads: the trees and the sources.yaml beside them.
    Folders are listed again on every poll, so new and deleted trees count too."""
    out: set[Path] = set()
    for path in paths:
        if path.is_dir():
            out.add(path / "sources.yaml")
        for file in tree_files(path):
            out.add(file)
            out.add(sources_for(file))
    return out


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None  # missing (deleted, or in the middle of a rename)
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def snapshot(paths: Iterable[Path]) -> dict[Path, Stamp | None]:
    return {f: _stamp(f) for f in watched_files(paths)}


def changes(
    paths: Iterable[Path],
    interval: float = INTERVAL,
    stop: threading.Event | None = None,
) -> Iterator[set[Path]]:
    """Yield the set of files that changed, each time some did; runs until `stop` is set
    (or forever; Ctrl-C ends it in a terminal).

    The first snapshot is taken now, when called, not at the first `next()`: a caller
    that checks the files after calling this cannot miss a save made meanwhile. A change
    is yielded once the files have stayed the same for one more interval, so an editor
    that writes a file in several steps causes one re-check, not several.
    """
    paths = list(paths)
    return _poll(paths, snapshot(paths), interval, stop or threading.Event())


def _poll(
    paths: list[Path], before: dict[Path, Stamp | None], interval: float, stop: threading.Event
) -> Iterator[set[Path]]:
    while not stop.wait(interval):
        now = snapshot(paths)
        if now == before:
            continue
        while not stop.wait(interval):  # let the save settle
            settled = snapshot(paths)
            if settled == now:
                break
            now = settled
        if stop.is_set():
            return
        changed = {f for f in before.keys() | now.keys() if before.get(f) != now.get(f)}
        before = now
        if changed:
            yield changed
