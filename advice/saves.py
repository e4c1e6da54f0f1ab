"""Saved sessions: a walk's answers, filled-in placeholders and cursor, kept between runs.

One JSON file per tree in the user data folder (`platformdirs`; `ADVICE_DATA_DIR`
overrides it, for tests and portable installs), written atomically. Answers are kept
by question id and answer id, with the tree file's sha256, so a save outlives edits to
the tree: on resume, answers that still fit are kept and the others are dropped and
listed for the user. A save file that cannot be read is moved aside, never crashes the
program and is never overwritten without a word: not JSON, nested deep, numbers of
thousands of digits, larger than MAX_SAVE_BYTES, or not a plain file (a FIFO, a device).

Two walks of one tree at once would each save over the other. A walk keeps a `Seen`:
the digest of the save as it last read or wrote it. A save that finds the file changed
since (another walk saved it) refuses with SaveConflict instead of overwriting it. It
is detected, not prevented: the check and the write are milliseconds apart.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import msgspec

from advice.datadir import ENV_DIR, data_dir
from advice.diagnostics import AdviceError
from advice.fileio import atomic_write
from advice.model import Question, Tree
from advice.session import AnswerError, Session

__all__ = ["ENV_DIR", "data_dir"]  # kept here too: older callers import them from saves
VERSION = 1
# A save holds ids and what the user typed: 1 MB is thousands of answers. A larger file
# is not a save of ours (and reading it whole at every start would be the user's cost).
MAX_SAVE_BYTES = 1024 * 1024
# The longest number a save of ours holds is none at all: the version, one digit.
MAX_NUMBER_DIGITS = 20


def save_path(tree_id: str) -> Path:
    """The save file of one tree (tree ids are file names already; made safe anyway)."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", tree_id).lstrip(".") or "_"
    return data_dir() / "sessions" / f"{safe}.json"


def tree_hash(tree_path: Path) -> str:
    """sha256 of the tree file's bytes: tells whether the tree changed since the save."""
    import hashlib  # here, not at start: it loads OpenSSL (~1.5 ms)

    try:
        return hashlib.sha256(Path(tree_path).read_bytes()).hexdigest()
    except OSError as exc:
        raise AdviceError(f"could not read {tree_path}: {exc.strerror or exc}") from None


class SavedSession(msgspec.Struct, frozen=True):
    """What a save file holds."""

    tree_id: str
    tree_hash: str
    tree_path: str
    answers: dict[str, str]  # question id -> answer id (or the value typed)
    filled: dict[str, str]  # placeholder name -> value
    cursor: str | None
    saved_at: str  # ISO timestamp, UTC
    # question id -> [question text, answer label] at save time: words to name an
    # answer that no longer exists when telling the user it was dropped.
    shown: dict[str, list[str]] = msgspec.field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "tree": self.tree_id,
            "tree_hash": self.tree_hash,
            "tree_path": self.tree_path,
            "answers": self.answers,
            "filled": self.filled,
            "cursor": self.cursor,
            "saved_at": self.saved_at,
            "shown": self.shown,
        }


class _Unreadable(Exception):
    """The save file is not a save we understand (the message says why)."""


class SaveConflict(AdviceError):
    """The save file changed since this walk read or wrote it: another walk saved it."""


class Seen:
    """What one walk last read from, or wrote to, its tree's save file: a digest of the
    bytes, None when there was no file. Handed to load/resume (which set it) and save
    (which checks it, then sets it to what it wrote)."""

    __slots__ = ("digest",)

    def __init__(self) -> None:
        self.digest: str | None = None


def _digest(raw: bytes | None) -> str | None:
    import hashlib  # here, not at start: it loads OpenSSL (~1.5 ms)

    return None if raw is None else hashlib.sha256(raw).hexdigest()


def _read(path: Path) -> bytes | None:
    """The save file's bytes, None if there is none. Raises _Unreadable for a file that
    cannot be a save (not a plain file, too large) and OSError for one that cannot be
    read. Opened without blocking: a FIFO in its place would wait forever for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if os.path.lexists(path):  # a symlink to nothing is a broken save, not no save
            raise _Unreadable("it is a link to a file that does not exist") from None
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _Unreadable("it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable("it is not a plain file")
        too_large = _Unreadable(f"it is larger than {MAX_SAVE_BYTES // 1024} KB")
        if info.st_size > MAX_SAVE_BYTES:
            raise too_large
        chunks, size = [], 0
        while size <= MAX_SAVE_BYTES:  # a file still growing: stop one byte over
            chunk = os.read(fd, MAX_SAVE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_SAVE_BYTES:
            raise too_large
        return b"".join(chunks)
    finally:
        os.close(fd)


def _number(digits: str) -> int:
    """json's reader of whole numbers, refusing thousands of digits in our own words
    (int() itself stops at 4,300 with a ValueError)."""
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Unreadable(f"it holds a number of {len(digits.lstrip('-'))} digits")
    return int(digits)


def _str_dict(value: Any, what: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise _Unreadable(f"`{what}` is not a mapping of texts")
    return dict(value)


def _parse(raw: bytes) -> SavedSession:
    import json  # only when there is a save to read: not part of every start

    try:
        data = json.loads(raw.decode("utf-8"), parse_int=_number)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _Unreadable(f"not JSON ({exc})") from None
    except RecursionError:  # json's reader recurses once per level of nesting
        raise _Unreadable("it is nested too deeply to be a save") from None
    if not isinstance(data, dict):
        raise _Unreadable("not a JSON object")
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # `true == 1` in Python
        raise _Unreadable(f"unknown version {json.dumps(version)}")
    for key in ("tree", "tree_hash", "tree_path", "saved_at"):
        if not isinstance(data.get(key), str):
            raise _Unreadable(f"`{key}` is missing or not text")
    cursor = data.get("cursor")
    if cursor is not None and not isinstance(cursor, str):
        raise _Unreadable("`cursor` is not text")
    shown_raw = data.get("shown", {})
    if not isinstance(shown_raw, dict) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
        for v in shown_raw.values()
    ):
        raise _Unreadable("`shown` is not a mapping of [question, answer] pairs")
    return SavedSession(
        tree_id=data["tree"],
        tree_hash=data["tree_hash"],
        tree_path=data["tree_path"],
        answers=_str_dict(data.get("answers"), "answers"),
        filled=_str_dict(data.get("filled", {}), "filled"),
        cursor=cursor,
        saved_at=data["saved_at"],
        shown={str(k): list(v) for k, v in shown_raw.items()},
    )


def _set_aside(path: Path, reason: str, now: datetime) -> str:
    """Move an unreadable save out of the way, keeping it for the user; the message."""
    aside = path.with_name(f"{path.stem}.corrupt-{now:%Y%m%dT%H%M%S}{path.suffix}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.stem}.corrupt-{now:%Y%m%dT%H%M%S}-{n}{path.suffix}")
        n += 1
    try:
        os.replace(path, aside)
    except OSError as exc:
        raise AdviceError(
            f"the saved session {path} is unreadable ({reason}) and could not be moved "
            f"aside ({exc.strerror or exc}); move or delete it yourself"
        ) from None
    return f"the saved session was unreadable ({reason}); it was moved to {aside}"


class Loaded(msgspec.Struct, frozen=True):
    """The outcome of reading a save: the save (or None) and a message for the user."""

    saved: SavedSession | None
    message: str | None = None


def load(tree_id: str, now: datetime | None = None, seen: Seen | None = None) -> Loaded:
    """Read a tree's save. No file: Loaded(None). An unreadable file is moved aside to
    NAME.corrupt-TIMESTAMP.json and reported in `message`; raises AdviceError only
    when it can neither be read nor moved (so it is never overwritten silently).
    `seen` is set to what was read (None when there is no save, or it was set aside)."""
    path = save_path(tree_id)
    now = now or datetime.now(UTC)
    if seen is not None:
        seen.digest = None
    try:
        raw = _read(path)
        if raw is None:
            return Loaded(None)
        saved = _parse(raw)
    except OSError as exc:
        if not os.path.lexists(path):  # e.g. the data folder is a file: there is no save
            return Loaded(None)
        return Loaded(None, _set_aside(path, exc.strerror or str(exc), now))
    except _Unreadable as exc:
        return Loaded(None, _set_aside(path, str(exc), now))
    if saved.tree_id != tree_id:
        reason = f"it belongs to tree '{saved.tree_id}'"
        return Loaded(None, _set_aside(path, reason, now))
    if seen is not None:
        seen.digest = _digest(raw)
    return Loaded(saved)


def save(
    session: Session,
    tree_path: Path,
    filled: dict[str, str] | None = None,
    now: datetime | None = None,
    digest: str | None = None,
    seen: Seen | None = None,
) -> Path:
    """Write the session's answers, placeholders and cursor; returns the file written.
    `digest`: tree_hash() of the file as it was loaded (default: hash it now; pass it
    when saving often, so an edit made meanwhile is noticed on resume). A file already
    there that is not a readable save is moved aside first, not overwritten. `seen`:
    what this walk last read or wrote; a readable save that differs from it was written
    by another walk, and raises SaveConflict instead of being overwritten. Raises
    AdviceError (one clear line) when the folder is not writable or the save too large."""
    path = save_path(session.tree.id)
    now = now or datetime.now(UTC)
    if os.path.lexists(path):
        there = Seen()
        other = load(session.tree.id, now, there).saved  # moves an unreadable file aside
        if seen is not None and other is not None and there.digest != seen.digest:
            raise SaveConflict(
                f"{path} was changed by another walk of this tree since this one "
                f"{'read' if seen.digest else 'started'} (saved at {other.saved_at}); "
                "it was not overwritten"
            )
    shown = shown_answers(session)
    saved = SavedSession(
        tree_id=session.tree.id,
        tree_hash=digest or tree_hash(tree_path),
        tree_path=str(Path(tree_path).resolve()),
        answers=dict(session.answers),
        filled={k: v for k, v in (filled or {}).items() if v.strip()},
        cursor=session.cursor,
        saved_at=now.isoformat(timespec="seconds"),
        shown=shown,
    )
    import json

    raw = (json.dumps(saved.to_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if len(raw) > MAX_SAVE_BYTES:  # it could not be read back
        raise AdviceError(
            f"this walk is too large to save (over {MAX_SAVE_BYTES // 1024} KB of answers)"
        )
    atomic_write(path, raw)
    if seen is not None:
        seen.digest = _digest(raw)
    return path


def shown_answers(session: Session) -> dict[str, list[str]]:
    """question id -> [question text, answer label] as they read now: the words to name
    an answer that a later version of the tree no longer has (saves and follow-ups)."""
    shown: dict[str, list[str]] = {}
    for qid, value in session.answers.items():
        node = session.tree.nodes.get(qid)
        if isinstance(node, Question):
            shown[qid] = [node.text, node.kind.said(node, value)]
    return shown


def legacy_files() -> list[Path]:
    """The JSON save files not yet imported into the follow-ups database (tracker.py),
    corrupt ones set aside before excluded."""
    folder = data_dir() / "sessions"
    with contextlib.suppress(OSError):
        return sorted(p for p in folder.glob("*.json") if ".corrupt-" not in p.name)
    return []


def parse_file(path: Path) -> SavedSession:
    """One save file read as load() reads it; raises AdviceError saying why it is not one."""
    try:
        raw = _read(path)
        if raw is None:
            raise AdviceError(f"{path} is gone")
        return _parse(raw)
    except _Unreadable as exc:
        raise AdviceError(str(exc)) from None
    except OSError as exc:
        raise AdviceError(exc.strerror or str(exc)) from None


def set_aside(path: Path, reason: str) -> str:
    """Move an unreadable save file out of the way (kept for the user); the message."""
    return _set_aside(path, reason, datetime.now(UTC))


def forget(tree_id: str) -> bool:
    """Delete a tree's save (the user finished or started over); True if there was one."""
    path = save_path(tree_id)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise AdviceError(f"could not delete {path}: {exc.strerror or exc}") from None
    return True


class Resumed(msgspec.Struct):
    """A session rebuilt from a save, and what the user should be told."""

    session: Session
    filled: dict[str, str]
    dropped: list[str]  # one sentence per answer that no longer fits the tree
    changed: bool  # the tree file changed since the save
    saved_at: str | None
    messages: list[str]  # everything to show, in order (unreadable file, dropped answers)


def _describe(saved: SavedSession, qid: str, value: str) -> str:
    question, label = saved.shown.get(qid, [qid, value])
    return f'"{question}" -> "{label}"'


def restore(tree: Tree, today: date, saved: SavedSession) -> tuple[Session, list[str]]:
    """A Session from a save against the tree as it is now, and the answers dropped:
    those whose question is gone or no longer asks the same way, or whose answer id is
    gone. Saved values are re-checked exactly as if typed now."""
    kept: dict[str, str] = {}
    dropped: list[str] = []
    probe = Session(tree, today)
    for qid, value in saved.answers.items():
        node = tree.nodes.get(qid)
        what = _describe(saved, qid, value)
        if not isinstance(node, Question):
            dropped.append(f"{what}: that question is no longer in the tree")
            continue
        try:
            # As if typed now; a date must also be as saved (ISO): else the question
            # changed kind since.
            stored = node.kind.restore(node, value, probe)
        except AnswerError:
            dropped.append(f"{what}: that answer is no longer offered")
            continue
        kept[qid] = stored
    session = Session(tree, today, kept)
    if saved.cursor and session.on_path(saved.cursor):
        session.goto(saved.cursor)
    return session, dropped


def resume(
    tree: Tree,
    tree_path: Path,
    today: date,
    now: datetime | None = None,
    seen: Seen | None = None,
) -> Resumed:
    """Continue a tree's saved session: the answers that still fit, the placeholders,
    the cursor; what was dropped and any unreadable save are in `messages`. With no save
    (or an unreadable one) the session starts fresh. `seen`: as for load()."""
    loaded = load(tree.id, now, seen)
    messages = [loaded.message] if loaded.message else []
    if loaded.saved is None:
        return Resumed(Session(tree, today), {}, [], False, None, messages)
    saved = loaded.saved
    session, dropped = restore(tree, today, saved)
    changed = saved.tree_hash != tree_hash(tree_path)
    if dropped:
        messages.append(
            "The tree changed since you saved; these answers no longer fit and were dropped:"
        )
        messages += [f"  {d}" for d in dropped]
    return Resumed(session, dict(saved.filled), dropped, changed, saved.saved_at, messages)


def list_saves() -> list[SavedSession]:
    """Every readable save (for a picker's "continue" offer); unreadable files are left
    for load() to report when their tree is opened."""
    folder = data_dir() / "sessions"
    out = []
    with contextlib.suppress(OSError):
        for path in sorted(folder.glob("*.json")):
            if ".corrupt-" in path.name:
                continue
            try:
                raw = _read(path)
                if raw is not None:
                    out.append(_parse(raw))
            except (_Unreadable, OSError):
                continue
    return out
