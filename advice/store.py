"""The follow-ups database: SQLite (the standard library's sqlite3), one file, the SQL only.

One database in the user data folder (advice.datadir), `advice.db`. WAL mode, so a
reader never waits for a writer; `busy_timeout`, so two `advice` processes writing at
once take turns instead of failing; every write inside `BEGIN IMMEDIATE` ... COMMIT, so
a process killed mid-write leaves the last committed state. The schema's version is
`PRAGMA user_version`, brought up to date by MIGRATIONS, in order, each in the same
transaction as the version it sets.

A database that cannot be read (not SQLite, corrupt, or made by a newer advice) is
renamed `advice.corrupt-YYYYMMDD-HHMMSS.db` (with its -wal and -shm), never
overwritten; a fresh one takes its place and `Store.message` says what happened.

The engine's side (walks, dated steps) is advice/tracker.py; this module imports
nothing of ours but advice.datadir and advice.errors, so `advice status` starts in a
few milliseconds.
Rows are advice.records' NamedTuples, imported when a row is built (status builds none).
"""

from __future__ import annotations

import os
import sqlite3
import time

# Datadir's, re-exported: the app looks for the database without importing sqlite3.
from advice.datadir import DB_NAME as DB_NAME
from advice.datadir import json_saves_waiting as json_saves_waiting
from advice.errors import AdviceError

# Not typing's TYPE_CHECKING: importing typing is a tenth of `advice status` (which never
# builds a row: the records are imported when one is); mypy reads the name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import TracebackType
    from typing import Any

    from advice.records import DoneRow, FollowUpRow

    PathLike = str | os.PathLike[str]

# A writer holds the lock for milliseconds; 20 processes in a row still fit well inside.
BUSY_TIMEOUT_MS = 30_000


class StoreError(AdviceError):
    """The database cannot be opened or written (one line for the user)."""


class NameTaken(StoreError):
    """Another follow-up already has this name (names are compared case-insensitively)."""


def _taken(db: sqlite3.Connection, name: str) -> NameTaken:
    """The clash, naming the follow-up that has the name as it is written ("Globex", not
    the "GLOBEX" typed), and saying when it is archived (out of the list shown)."""
    found = db.execute(
        "SELECT name, archived_at FROM followups WHERE name_key = ?", (name_key(name),)
    ).fetchone()
    held, archived = (found[0], found[1] is not None) if found else (name, False)
    return NameTaken(f"there is already a follow-up named {held!r}{' (archived)' * archived}")


class Conflict(StoreError):
    """The follow-up changed since it was read (another window or process saved it):
    the save is refused, never written over the other."""


# Each entry takes the schema from version i to i + 1 (i = its index). Never edit one
# that has shipped: add the next.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 -> 1: follow-ups and their done steps.
    (
        """CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            tree_id TEXT NOT NULL,
            tree_path TEXT NOT NULL,
            tree_hash TEXT NOT NULL,
            cursor TEXT,
            answers TEXT NOT NULL DEFAULT '{}',
            filled TEXT NOT NULL DEFAULT '{}',
            shown TEXT NOT NULL DEFAULT '{}',
            next_action TEXT,
            next_date TEXT,
            next_passed INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE done (
            followup_id INTEGER NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
            node_id TEXT NOT NULL,
            step INTEGER NOT NULL,
            done_on TEXT NOT NULL,
            PRIMARY KEY (followup_id, node_id, step)
        )""",
    ),
    # 1 -> 2: archiving, a revision to notice lost updates, and the status order's index.
    (
        "ALTER TABLE followups ADD COLUMN archived_at TEXT",
        "ALTER TABLE followups ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
        # Which JSON saves of earlier versions were imported (tracker.py): recorded in the
        # import's own transaction, so two processes starting at once import each once.
        "CREATE TABLE imported_saves (save TEXT PRIMARY KEY, imported_at TEXT NOT NULL)",
        # Exactly status()'s order, of the open ones only: its rows come sorted.
        "CREATE INDEX followups_status ON followups (next_date IS NULL, next_date, name_key) "
        "WHERE archived_at IS NULL",
    ),
)
VERSION = len(MIGRATIONS)

_COLUMNS = (
    "id, uid, name, tree_id, tree_path, tree_hash, cursor, answers, filled, shown, next_action, "
    "next_date, next_passed, created_at, updated_at, archived_at, revision"
)


def name_key(name: str) -> str:
    """What two names must not share: case and surrounding/inner runs of spaces ignored."""
    return " ".join(name.split()).casefold()


def new_uid() -> str:
    return os.urandom(12).hex()


def _row(values: Sequence[Any]) -> FollowUpRow:
    from advice.records import FollowUpRow

    r = FollowUpRow(*values)
    return r._replace(next_passed=bool(r.next_passed))


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _set_aside(path: str) -> str:
    """Rename an unreadable database (and its -wal/-shm) out of the way; the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = os.path.dirname(path)
    aside = os.path.join(folder, f"advice.corrupt-{stamp}.db")
    n = 1
    while os.path.lexists(aside):
        n += 1
        aside = os.path.join(folder, f"advice.corrupt-{stamp}-{n}.db")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        if os.path.lexists(path + suffix):
            os.replace(path + suffix, aside + suffix)
    return aside


class Store:
    """The database. Open with Store.open(); every method is one transaction."""

    def __init__(self, db: sqlite3.Connection, path: str, message: str | None) -> None:
        self.db = db
        self.path = path
        # What the user must be told about opening (a database set aside), else None.
        self.message = message

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: PathLike | None = None) -> Store:
        """The database at `path` (default: data_dir()/advice.db), created or migrated.
        Raises StoreError (one line) when the folder cannot be written."""
        # os.path, not pathlib: pathlib is an eighth of `advice status` (bench_status.py).
        if path is None:
            from advice.datadir import data_folder

            path = os.path.join(data_folder(), DB_NAME)
        path = os.fspath(path)
        folder = os.path.dirname(path) or "."
        message = None
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"could not create the data folder {folder}: {exc.strerror or exc}"
            ) from None
        try:
            return cls(_connect(path), path, None)
        except _Unreadable as exc:
            try:
                aside = _set_aside(path)
            except OSError as err:
                raise StoreError(
                    f"the database {path} cannot be read ({exc}) and could not be moved "
                    f"aside ({err.strerror or err}); move it yourself"
                ) from None
            message = (
                f"the database {path} could not be read ({exc}); it was moved to {aside} "
                "and a new one started"
            )
        try:
            return cls(_connect(path), path, message)
        except _Unreadable as exc:  # pragma: no cover - a fresh file that fails to open
            raise StoreError(f"could not start a new database at {path}: {exc}") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self) -> _Transaction:
        """One write transaction, taken at once (BEGIN IMMEDIATE: no upgrade deadlock
        between two readers turning writer); committed whole or rolled back."""
        return _Transaction(self)

    def _run(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise self._failed(exc, "read") from None

    def _failed(self, exc: sqlite3.Error, doing: str) -> StoreError:
        """A sqlite3 error as one line. A file found damaged on the way (its header was
        fine at open) is set aside at once, as at open: never written to again."""
        if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            return StoreError(f"could not {doing} {self.path}: {exc}")
        self.db.close()
        try:
            aside = _set_aside(self.path)
        except OSError as err:
            return StoreError(
                f"the database {self.path} is damaged ({exc}) and could not be moved aside "
                f"({err.strerror or err}); move it yourself"
            )
        return StoreError(
            f"the database {self.path} is damaged ({exc}); it was moved to {aside}, and "
            "the next command starts a new one"
        )

    # -- reading ---------------------------------------------------------------------
    def get(self, followup_id: int) -> FollowUpRow | None:
        rows = self._run(f"SELECT {_COLUMNS} FROM followups WHERE id = ?", (followup_id,))
        return _row(rows[0]) if rows else None

    def find(self, name: str) -> FollowUpRow | None:
        """The follow-up of this name (case and spacing ignored), archived or not."""
        rows = self._run(f"SELECT {_COLUMNS} FROM followups WHERE name_key = ?", (name_key(name),))
        return _row(rows[0]) if rows else None

    def all(self, archived: bool = False) -> list[FollowUpRow]:
        """Follow-ups by name: the open ones, or with `archived` every one."""
        where = "" if archived else "WHERE archived_at IS NULL"
        rows = self._run(f"SELECT {_COLUMNS} FROM followups {where} ORDER BY name_key")
        return [_row(r) for r in rows]

    def status(self) -> list[tuple[str, str | None, str | None]]:
        """(name, next action, next date) of every open follow-up, by date (so the
        overdue ones come first, oldest first), then those without a date, by name. The
        rows as sqlite3 gives them, and no more columns: status prints a thousand of
        them at every prompt, and a fourth (overdue, in SQL) was ~1M instructions of it
        (bench_status.py)."""
        return self._run(
            """SELECT name, next_action, next_date FROM followups WHERE archived_at IS NULL
               ORDER BY next_date IS NULL, next_date, name_key"""
        )

    def done(self, followup_id: int) -> list[DoneRow]:
        rows = self._run(
            "SELECT node_id, step, done_on FROM done WHERE followup_id = ? ORDER BY node_id, step",
            (followup_id,),
        )
        from advice.records import DoneRow

        return [DoneRow(*r) for r in rows]

    def count_open(self) -> int:
        return int(self._run("SELECT count(*) FROM followups WHERE archived_at IS NULL")[0][0])

    def home(
        self, archived: bool = False
    ) -> list[tuple[int, str, str, str | None, str | None, int]]:
        """(id, name, answers, next action, next date, steps done) of the open follow-ups
        (`archived`: of the archived ones), in status()'s order: the home screen's list,
        as sqlite3 gives the rows (a thousand of them at its start)."""
        where = "IS NOT NULL" if archived else "IS NULL"
        return self._run(
            f"""SELECT id, name, answers, next_action, next_date,
                   (SELECT count(*) FROM done WHERE followup_id = followups.id)
               FROM followups WHERE archived_at {where}
               ORDER BY next_date IS NULL, next_date, name_key"""
        )

    # -- writing ---------------------------------------------------------------------
    def create(
        self, name: str, tree_id: str, tree_path: str, tree_hash: str, next_action: str | None
    ) -> FollowUpRow:
        """A new follow-up with no answers yet (`next_action`: its first question).
        Raises NameTaken."""
        now = _now()
        with self.write() as db:
            try:
                cur = db.execute(
                    """INSERT INTO followups (uid, name, name_key, tree_id, tree_path,
                       tree_hash, next_action, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        new_uid(),
                        name,
                        name_key(name),
                        tree_id,
                        tree_path,
                        tree_hash,
                        next_action,
                        now,
                        now,
                    ),
                )
            except sqlite3.IntegrityError:
                raise _taken(db, name) from None
            new_id = cur.lastrowid
        row = self.get(int(new_id or 0))
        assert row is not None
        return row

    def save_walk(
        self,
        followup_id: int,
        *,
        tree_path: str,
        tree_hash: str,
        cursor: str | None,
        answers: str,
        filled: str,
        shown: str,
        next_action: str | None,
        next_date: str | None,
        next_passed: bool,
        revision: int | None = None,
    ) -> FollowUpRow:
        """Write a follow-up's walk and next step. With `revision` (the one read), a row
        changed meanwhile by someone else raises Conflict instead of being overwritten."""
        with self.write() as db:
            found = db.execute(
                "SELECT revision FROM followups WHERE id = ?", (followup_id,)
            ).fetchone()
            if found is None:
                raise StoreError("this follow-up was deleted meanwhile")
            if revision is not None and found[0] != revision:
                raise Conflict(
                    "this follow-up was changed by another window or command since it was "
                    "opened; it was not overwritten"
                )
            db.execute(
                """UPDATE followups SET tree_path = ?, tree_hash = ?, cursor = ?, answers = ?,
                   filled = ?, shown = ?, next_action = ?, next_date = ?, next_passed = ?,
                   updated_at = ?, revision = revision + 1 WHERE id = ?""",
                (
                    tree_path,
                    tree_hash,
                    cursor,
                    answers,
                    filled,
                    shown,
                    next_action,
                    next_date,
                    int(next_passed),
                    _now(),
                    followup_id,
                ),
            )
        row = self.get(followup_id)
        assert row is not None
        return row

    def set_next(
        self, followup_id: int, next_action: str | None, next_date: str | None, passed: bool
    ) -> None:
        with self.write() as db:
            db.execute(
                """UPDATE followups SET next_action = ?, next_date = ?, next_passed = ?,
                   revision = revision + 1 WHERE id = ?""",
                (next_action, next_date, int(passed), followup_id),
            )

    def mark_done(self, followup_id: int, node_id: str, step: int, done_on: str) -> None:
        with self.write() as db:
            db.execute(
                "INSERT OR REPLACE INTO done VALUES (?, ?, ?, ?)",
                (followup_id, node_id, step, done_on),
            )

    def undo_done(self, followup_id: int, node_id: str, step: int) -> bool:
        with self.write() as db:
            cur = db.execute(
                "DELETE FROM done WHERE followup_id = ? AND node_id = ? AND step = ?",
                (followup_id, node_id, step),
            )
        return cur.rowcount > 0

    def rename(self, followup_id: int, name: str) -> None:
        with self.write() as db:
            try:
                db.execute(
                    "UPDATE followups SET name = ?, name_key = ?, updated_at = ?, "
                    "revision = revision + 1 WHERE id = ?",
                    (name, name_key(name), _now(), followup_id),
                )
            except sqlite3.IntegrityError:
                raise _taken(db, name) from None

    def set_archived(self, followup_id: int, archived: bool) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE followups SET archived_at = ?, revision = revision + 1 WHERE id = ?",
                (_now() if archived else None, followup_id),
            )

    def delete(self, followup_id: int) -> bool:
        with self.write() as db:
            cur = db.execute("DELETE FROM followups WHERE id = ?", (followup_id,))
        return cur.rowcount > 0

    def _insert(self, db: sqlite3.Connection, row: FollowUpRow, done: Sequence[DoneRow]) -> int:
        try:
            cur = db.execute(
                """INSERT INTO followups (uid, name, name_key, tree_id, tree_path, tree_hash,
                   cursor, answers, filled, shown, next_action, next_date, next_passed,
                   created_at, updated_at, archived_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    row.uid or new_uid(),
                    row.name,
                    name_key(row.name),
                    row.tree_id,
                    row.tree_path,
                    row.tree_hash,
                    row.cursor,
                    row.answers,
                    row.filled,
                    row.shown,
                    row.next_action,
                    row.next_date,
                    int(row.next_passed),
                    row.created_at,
                    row.updated_at,
                    row.archived_at,
                ),
            )
        except sqlite3.IntegrityError:
            raise NameTaken(
                f"there is already a follow-up named {row.name!r} (or this same follow-up "
                "under another name)"
            ) from None
        new_id = int(cur.lastrowid or 0)
        db.executemany(
            "INSERT OR REPLACE INTO done VALUES (?, ?, ?, ?)",
            [(new_id, d.node_id, d.step, d.done_on) for d in done],
        )
        return new_id

    def insert_many(self, items: Sequence[tuple[FollowUpRow, Sequence[DoneRow]]]) -> list[int]:
        """Several whole follow-ups in one transaction: all or none."""
        with self.write() as db:
            return [self._insert(db, row, done) for row, done in items]

    def import_saves(self, items: Sequence[tuple[str, FollowUpRow]]) -> list[str]:
        """Follow-ups made from old save files, each keyed by its save (file name and
        time saved), in one transaction; a save imported before (by another process a
        moment ago) is skipped. The keys imported now."""
        done = []
        with self.write() as db:
            for key, row in items:
                if db.execute("SELECT 1 FROM imported_saves WHERE save = ?", (key,)).fetchone():
                    continue
                self._insert(db, row, [])
                db.execute("INSERT INTO imported_saves VALUES (?, ?)", (key, _now()))
                done.append(key)
        return done


class _Transaction:
    """`with store.write() as db:`. A class, not contextlib's generator: importing
    contextlib was 2.7M instructions, a sixth of what `advice status` adds to a bare start
    (bench_status.py)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.store.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.store._failed(exc, "write to") from None
        return self.store.db

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            try:
                self.store.db.execute("COMMIT")
                return
            except sqlite3.Error as err:
                exc = err
        try:  # noqa: SIM105 - contextlib is what this module does without
            self.store.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error that brought us here is the one to report
        if isinstance(exc, sqlite3.Error):
            raise self.store._failed(exc, "write to") from None
        # Anything else (NameTaken, Conflict, Ctrl-C) goes on as it was raised.


class _Unreadable(Exception):
    """The file at the database's path is not a database we can use (the reason)."""


def _connect(path: str) -> sqlite3.Connection:
    """Open, check and migrate. Raises _Unreadable for a file that is not ours to use,
    StoreError for a folder or file we may not write."""
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"could not open the database {path}: {exc}") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            raise _Unreadable(f"it was made by a newer version of advice (schema {version})")
        if version < VERSION:
            _migrate(db, path)
        # After the check: journal_mode=WAL writes to the file, which a file that is not
        # ours must never get.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        db.close()
        if isinstance(exc, sqlite3.OperationalError) and _is_access(exc):
            raise StoreError(f"could not open the database {path}: {exc}") from None
        raise _Unreadable(str(exc)) from None
    except BaseException:
        db.close()
        raise
    return db


def _is_access(exc: sqlite3.OperationalError) -> bool:
    """A folder or file we may not write, or a lock held too long: not a broken file."""
    text = str(exc).lower()
    return any(w in text for w in ("readonly", "unable to open", "locked", "disk i/o"))


def _migrate(db: sqlite3.Connection, path: str) -> None:
    """Bring the schema to VERSION, one step per transaction (the version with it)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the lock: another process may have migrated meanwhile.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for i in range(version, VERSION):
            for sql in MIGRATIONS[i]:
                db.execute(sql)
        db.execute(f"PRAGMA user_version = {VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
