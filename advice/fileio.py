"""Writing user files safely: a temp file in the same folder, then an atomic rename.

Either the whole new file is there or the previous one is untouched; a full disk or a
read-only folder becomes an AdviceError with a clear message, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from advice.diagnostics import AdviceError


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new file beside `path`, with the mode a plain open() would give (umask applies)."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")  # pragma: no cover


def atomic_write(path: Path, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    existed = path.exists()
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(path)
        try:
            if existed:  # keep the permissions the user gave the file
                os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
            view = memoryview(raw)
            while view:  # os.write may write less than asked
                view = view[os.write(fd, view) :]
            os.fsync(fd)  # a full disk often shows only here
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = None
        _sync_folder(path.parent)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        kept = "; the previous file is unchanged" if existed else ""
        raise AdviceError(f"could not write {path}: {reason}{kept}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def unused_name(path: Path) -> Path:
    """`path` if nothing is there, else the first free `NAME-2.EXT`, `NAME-3.EXT`...:
    a file the user may have edited is never the default to write over."""
    candidate, n = path, 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, so best effort."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
