"""atomic_write: the whole new file or the previous one, never half; clear errors.

Failures are simulated at the OS boundary (os.write, os.fsync) or with real paths that
cannot be written even by root (a parent that is a regular file, /proc).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from advice.diagnostics import AdviceError
from advice.fileio import atomic_write

OLD = b"previous export: keep me\n" * 100
NEW = "new text with emoji 🙂 and [b]markup[/]\n" * 500


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "plan.md"
    atomic_write(target, NEW)
    assert target.read_text(encoding="utf-8") == NEW
    reference = tmp_path / "reference"
    reference.write_text("x")  # what a plain open() gives under the current umask
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)
    assert leftovers(target.parent) == []


def test_replaces_a_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(OLD)
    target.chmod(0o600)
    atomic_write(target, NEW.encode("utf-8"))
    assert target.read_text(encoding="utf-8") == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def _no_space(*args: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_full_disk_while_writing_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(OLD)
    real_write = os.write
    calls = []

    def write_some_then_fail(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:  # the first chunk lands, as on a nearly full disk
            return real_write(fd, bytes(data[:1000]))
        return _no_space()

    monkeypatch.setattr(os, "write", write_some_then_fail)
    with pytest.raises(AdviceError) as info:
        atomic_write(target, NEW)
    message = str(info.value)
    assert (
        message
        == f"could not write {target}: No space left on device; the previous file is unchanged"
    )
    assert len(calls) == 2
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_full_disk_at_fsync_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(AdviceError, match="No space left on device; the previous file"):
        atomic_write(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_full_disk_for_a_new_file_says_so_without_a_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "write", _no_space)
    target = tmp_path / "new.md"
    with pytest.raises(AdviceError) as info:
        atomic_write(target, NEW)
    assert str(info.value) == f"could not write {target}: No space left on device"
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_parent_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    # Root ignores chmod, so "not writable" is made with a path that cannot be a folder.
    blocker = tmp_path / "notes.txt"
    blocker.write_bytes(OLD)
    with pytest.raises(AdviceError, match=r"could not write .*notes\.txt/plan\.md: "):
        atomic_write(blocker / "plan.md", NEW)
    assert blocker.read_bytes() == OLD


def test_read_only_filesystem_is_a_clear_error() -> None:
    target = Path("/proc/advice-test-export.md")
    with pytest.raises(AdviceError, match=r"could not write /proc/advice-test-export\.md: "):
        atomic_write(target, NEW)
    assert not target.exists()


def test_a_folder_in_the_way_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.mkdir()
    (target / "inside").write_bytes(OLD)
    with pytest.raises(AdviceError, match=r"could not write .*plan\.md: .*; the previous file"):
        atomic_write(target, NEW)
    assert (target / "inside").read_bytes() == OLD
    assert leftovers(tmp_path) == []
