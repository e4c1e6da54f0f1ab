"""Watching files: the engine generator and `advice check --watch`, with real files
changed on disk. Waits are bounded by generous timeouts; nothing asserts on timing."""

from __future__ import annotations

import queue
import signal
import subprocess
import threading
from pathlib import Path

from advice.watch import changes, watched_files
from tests.support import ADVICE

TIMEOUT = 30  # seconds; generous, the polls are 0.1-0.5 s apart


def test_watched_files_are_the_trees_and_their_sources(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    files = watched_files([tmp_path])
    assert tmp_path / "a.yaml" in files
    assert tmp_path / "sources.yaml" in files  # not there yet, but creating it counts
    assert tmp_path / "notes.txt" not in files


def test_changes_yields_the_saved_file(tmp_path: Path, minimal_text: str) -> None:
    tree = tmp_path / "t.yaml"
    tree.write_text(minimal_text, encoding="utf-8")
    stop = threading.Event()
    found: queue.Queue[set[Path]] = queue.Queue()

    def watch() -> None:
        for changed in changes([tmp_path], interval=0.1, stop=stop):
            found.put(changed)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        # Keep saving until the watcher (which starts with a snapshot) has seen a change.
        for i in range(TIMEOUT * 2):
            tree.write_text(minimal_text + f"# save {i}\n", encoding="utf-8")
            try:
                assert found.get(timeout=0.5) == {tree}
                break
            except queue.Empty:
                continue
        else:
            raise AssertionError("no change reported")
        new = tmp_path / "other.yaml"
        new.write_text(minimal_text, encoding="utf-8")
        assert new in found.get(timeout=TIMEOUT)
    finally:
        stop.set()
        thread.join(timeout=TIMEOUT)
    assert not thread.is_alive()


def test_check_watch_rechecks_on_save_and_ctrl_c_exits_0(tmp_path: Path, minimal_text: str) -> None:
    tree = tmp_path / "t.yaml"
    tree.write_text(minimal_text, encoding="utf-8")
    proc = subprocess.Popen(
        [ADVICE, "check", "--watch", str(tree)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout or ()])
    reader.daemon = True
    reader.start()

    def wait_for(text: str) -> list[str]:
        seen = []
        while True:
            line = lines.get(timeout=TIMEOUT)
            seen.append(line)
            if text in line:
                return seen

    try:
        wait_for("checked 1 file(s): 0 error(s)")
        wait_for("watching for changes")
        tree.write_text(minimal_text.replace("goto: send", "goto: sned"), encoding="utf-8")
        seen = wait_for("checked 1 file(s):")
        assert "checked 1 file(s): 0 error(s)" not in seen[-1]
        assert any(f"changed: {tree}" in x for x in seen)
        assert any(f"{tree}:" in x and "ADV007" in x for x in seen)
        tree.write_text(minimal_text, encoding="utf-8")
        wait_for("checked 1 file(s): 0 error(s)")
        proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
        assert proc.wait(timeout=TIMEOUT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(timeout=TIMEOUT)
    rest = "".join(iter_queue(lines))
    assert "Traceback" not in rest


def iter_queue(q: queue.Queue[str]) -> list[str]:
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    return out
