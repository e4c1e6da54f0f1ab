"""Follow-ups: one per interview, each a named walk of a tree with its dated steps.

A follow-up has a name the person gives ("Acme, data analyst"), a walk (answers by
question id, the cursor), its details (the placeholder values) and the dated steps of
the recommendation it reached, each possibly marked done on a day. advice/store.py
keeps them in SQLite; this module turns a stored follow-up into a Session and back.

    tracker = Tracker.open()                    # messages: a database set aside, imports
    case = tracker.create("Acme, data analyst", tree, tree_path)
    walk = tracker.open_walk(case, tree, today) # Walk: session, filled, dropped answers
    walk.session.answer("just-interviewed")
    case = tracker.save(walk)                   # after every change: the next step too
    steps = tracker.steps(walk)                 # TrackedStep: the step, its node, done_on
    tracker.mark_done(walk, steps[0], today)

Every save stores the next step (its action and date) in the row, so `advice status`
reads one table and loads no tree. A step is named stably by its recommendation's node
id and `ScheduledStep.step` (the rule's place in the node's `when` list).

The JSON save files of earlier versions (advice/saves.py) are imported once, when the
tracker opens and finds them: all in one transaction, then each file is renamed
`NAME.json.imported` (kept, and never imported again).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import msgspec

from advice.diagnostics import AdviceError
from advice.model import Question, Recommendation, Tree
from advice.records import DoneRow, FollowUpRow
from advice.schedule import ScheduledStep
from advice.session import Session
from advice.store import Conflict, NameTaken, Store, StoreError

__all__ = [
    "BACKUP_FORMAT",
    "Conflict",
    "FollowUpRow",
    "NameTaken",
    "StoreError",
    "TrackedStep",
    "Tracker",
    "Walk",
    "check_name",
    "what_changed",
]

BACKUP_FORMAT = "advice-follow-ups"
BACKUP_VERSION = 1
MAX_NAME = 200


def check_name(name: str) -> str:
    """A follow-up's name as stored: one line, spaces tidied; AdviceError if empty or long."""
    tidy = " ".join(name.split())
    if not tidy:
        raise AdviceError("a follow-up needs a name, such as 'Acme, data analyst'")
    if len(tidy) > MAX_NAME:
        raise AdviceError(f"a follow-up's name can have at most {MAX_NAME} characters")
    return tidy


class TrackedStep(msgspec.Struct, frozen=True):
    """A dated step of a follow-up: the step, the recommendation it is of, and the day
    it was marked done (None: still to do)."""

    node_id: str
    step: ScheduledStep
    done_on: date | None = None

    @property
    def key(self) -> tuple[str, int]:
        """What names the step across saves and tree edits: (node id, rule position)."""
        return (self.node_id, self.step.step)


class Walk(msgspec.Struct):
    """A follow-up opened as a walk: its session and details, what was dropped because
    the tree changed since (one sentence each), and the row as last read or written
    (its `revision` tells a save whether someone else wrote meanwhile)."""

    row: FollowUpRow
    session: Session
    filled: dict[str, str]
    dropped: list[str]
    tree_path: Path


def _short(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def what_changed(old: list[TrackedStep], new: list[TrackedStep]) -> list[str]:
    """What a changed answer did to the dated steps, one line each: "Email them moved
    from Tue 8 Dec to Wed 9 Dec", a step that is new, one that is no longer there."""
    before = {s.key: s for s in old}
    after = {s.key: s for s in new}
    lines = []
    for key, s in after.items():
        was = before.get(key)
        if was is None:
            lines.append(f"New step: {s.step.action}, {_short(s.step.date)}")
        elif was.step.date != s.step.date:
            lines.append(
                f"{s.step.action} moved from {_short(was.step.date)} to {_short(s.step.date)}"
            )
    lines += [f"No longer a step: {s.step.action}" for k, s in before.items() if k not in after]
    return lines


def _next(steps: list[TrackedStep], session: Session) -> tuple[str | None, str | None, bool]:
    """(action, ISO date, passed) of what comes next: the first step not done; for a
    walk not finished, the question to answer (no date)."""
    node = session.current
    if isinstance(node, Question):
        return f"Answer: {node.text}", None, False
    for s in steps:
        if s.done_on is None:
            return s.step.action, s.step.date.isoformat(), s.step.passed
    return None, None, False


def _walk_of(row: FollowUpRow) -> tuple[str | None, str, str]:
    """What a save writes of the walk itself: another writer changing any of it is a
    conflict; changing anything else of the row (marks, name, archive) is not."""
    return (row.cursor, row.answers, row.filled)


class Tracker:
    """The follow-ups of this user. Methods raise AdviceError with one clear line."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # What to tell the user about opening: a database set aside, saves imported.
        self.messages: list[str] = [store.message] if store.message else []

    @classmethod
    def open(cls, path: Path | None = None, *, import_saves: bool = True) -> Tracker:
        """The database (default: in the user data folder), with the JSON saves of
        earlier versions imported if there are any (see import_json_saves)."""
        tracker = cls(Store.open(path))
        if import_saves:
            tracker.messages += tracker.import_json_saves()
        return tracker

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- finding ---------------------------------------------------------------------
    def find(self, name: str) -> FollowUpRow | None:
        return self.store.find(name)

    def get(self, name: str) -> FollowUpRow:
        """The follow-up of this name, or AdviceError listing the names there are."""
        row = self.find(name)
        if row is None:
            names = ", ".join(repr(r.name) for r in self.all(archived=True)) or "none yet"
            raise AdviceError(f"no follow-up named {name!r}; there are: {names}")
        return row

    def all(self, archived: bool = False) -> list[FollowUpRow]:
        return self.store.all(archived)

    # -- a walk ----------------------------------------------------------------------
    def create(self, name: str, tree: Tree, tree_path: Path) -> FollowUpRow:
        """A new follow-up of `tree`, not yet answered. Raises NameTaken (an AdviceError)."""
        from advice.saves import tree_hash

        digest = tree_hash(tree_path)
        start = tree.nodes.get(tree.start)
        first = f"Answer: {start.text}" if isinstance(start, Question) else None
        return self.store.create(
            check_name(name), tree.id, str(Path(tree_path).resolve()), digest, first
        )

    def open_walk(self, row: FollowUpRow, tree: Tree, tree_path: Path, today: date) -> Walk:
        """The follow-up as a Session on `tree` as it is now: answers that no longer fit
        are dropped and listed (advice.saves.restore, as for a JSON save)."""
        from advice.saves import SavedSession, restore

        if row.tree_id != tree.id:
            raise AdviceError(
                f"the follow-up {row.name!r} walks the tree '{row.tree_id}', not '{tree.id}'"
            )
        saved = SavedSession(
            tree_id=row.tree_id,
            tree_hash=row.tree_hash,
            tree_path=row.tree_path,
            # msgspec's decoder, not json's: json is not imported before the first frame
            answers=msgspec.json.decode(row.answers),
            filled=msgspec.json.decode(row.filled),
            cursor=row.cursor,
            saved_at=row.updated_at,
            shown=msgspec.json.decode(row.shown),
        )
        session, dropped = restore(tree, today, saved)
        return Walk(row, session, dict(saved.filled), dropped, Path(tree_path))

    def save(self, walk: Walk, *, digest: str | None = None, check: bool = True) -> FollowUpRow:
        """Write the walk (answers, cursor, details) and its next step; `walk.row` is
        then the row as written. `check`: refuse (Conflict) when another process or
        window saved this follow-up since `walk.row` was read. `digest`: the tree
        file's tree_hash() as loaded (default: hash it now)."""
        import json  # here: a start that only reads a follow-up does without it

        from advice.saves import shown_answers, tree_hash

        session = walk.session
        action, next_date, passed = _next(self.steps(walk), session)
        filled = {k: v for k, v in walk.filled.items() if v.strip()}
        fields: dict[str, Any] = dict(
            tree_path=str(walk.tree_path.resolve()),
            tree_hash=digest or tree_hash(walk.tree_path),
            cursor=session.cursor,
            answers=json.dumps(session.answers, ensure_ascii=False),
            filled=json.dumps(filled, ensure_ascii=False),
            shown=json.dumps(shown_answers(session), ensure_ascii=False),
            next_action=action,
            next_date=next_date,
            next_passed=passed,
        )
        revision = walk.row.revision if check else None
        try:
            walk.row = self.store.save_walk(walk.row.id, **fields, revision=revision)
        except Conflict:
            # Refused only when the walk itself was written meanwhile. A step marked done
            # elsewhere (`advice done`), a rename or an archive changes the row too, but
            # nothing this save writes: it goes on over the fresh row (the marks are in
            # their own table and stay), else every later move here would be refused.
            fresh = self.store.get(walk.row.id)
            if fresh is None or _walk_of(fresh) != _walk_of(walk.row):
                raise
            action, next_date, passed = _next(self.steps(walk), session)
            fields.update(next_action=action, next_date=next_date, next_passed=passed)
            walk.row = self.store.save_walk(walk.row.id, **fields, revision=fresh.revision)
        return walk.row

    def steps(self, walk: Walk) -> list[TrackedStep]:
        """The dated steps of the recommendation the walk is at, earliest first, with
        the day each was marked done; [] while the walk is at a question."""
        session = walk.session
        if not isinstance(session.current, Recommendation):
            return []
        done = {(d.node_id, d.step): d.done_on for d in self.store.done(walk.row.id)}
        node_id = session.cursor
        out = []
        for s in session.schedule():
            on = done.get((node_id, s.step))
            out.append(TrackedStep(node_id, s, date.fromisoformat(on) if on else None))
        return out

    def next_step(self, walk: Walk) -> TrackedStep | None:
        """The first dated step not yet done (None: none left, or the walk is unfinished)."""
        return next((s for s in self.steps(walk) if s.done_on is None), None)

    def mark_done(self, walk: Walk, step: TrackedStep, day: date) -> FollowUpRow:
        """Mark a step done on `day` (today, or a date typed); the next step moves on."""
        node_id, number = step.key
        self.store.mark_done(walk.row.id, node_id, number, day.isoformat())
        return self._refresh_next(walk)

    def undo_done(self, walk: Walk, step: TrackedStep) -> FollowUpRow:
        node_id, number = step.key
        self.store.undo_done(walk.row.id, node_id, number)
        return self._refresh_next(walk)

    def _refresh_next(self, walk: Walk) -> FollowUpRow:
        action, next_date, passed = _next(self.steps(walk), walk.session)
        self.store.set_next(walk.row.id, action, next_date, passed)
        row = self.store.get(walk.row.id)
        if row is None:
            raise AdviceError("this follow-up was deleted meanwhile")
        walk.row = row
        return row

    # -- the follow-up itself --------------------------------------------------------
    def rename(self, row: FollowUpRow, name: str) -> None:
        self.store.rename(row.id, check_name(name))

    def archive(self, row: FollowUpRow) -> None:
        """Out of `advice status` and the open list; kept, and can come back."""
        self.store.set_archived(row.id, True)

    def unarchive(self, row: FollowUpRow) -> None:
        self.store.set_archived(row.id, False)

    def delete(self, row: FollowUpRow) -> bool:
        """Gone for good, with its done marks."""
        return self.store.delete(row.id)

    # -- old JSON saves --------------------------------------------------------------
    def import_json_saves(self) -> list[str]:
        """Import the JSON saves of earlier versions (one per tree) as follow-ups, all
        in one transaction; after it commits each file is renamed `*.json.imported`.
        A file that cannot be read is set aside as saves.load does. The messages."""
        from advice.datadir import json_saves_waiting

        if not json_saves_waiting():  # one os.listdir: every start of a returning user
            return []
        import json

        from advice.saves import legacy_files, parse_file, set_aside

        files_waiting = legacy_files()
        if not files_waiting:
            return []
        messages: list[str] = []
        taken = {r.name.casefold() for r in self.all(archived=True)}
        items: list[tuple[str, FollowUpRow]] = []
        files: dict[str, Path] = {}
        for path in files_waiting:
            try:
                saved = parse_file(path)
            except AdviceError as exc:
                if path.exists():
                    messages.append(set_aside(path, str(exc)))
                # else: gone since listed, imported and renamed by another process
                continue
            tree = _tree_for(saved.tree_path, saved.tree_id)
            name = _unique(_import_name(saved.filled, tree, saved.tree_id), taken)
            taken.add(name.casefold())
            action, next_date, passed = _imported_next(saved, tree)
            key = f"{path.name}@{saved.saved_at}"
            files[key] = path
            row = FollowUpRow(
                id=0,
                uid="",
                name=name,
                tree_id=saved.tree_id,
                tree_path=saved.tree_path,
                tree_hash=saved.tree_hash,
                cursor=saved.cursor,
                answers=json.dumps(saved.answers, ensure_ascii=False),
                filled=json.dumps(saved.filled, ensure_ascii=False),
                shown=json.dumps(saved.shown, ensure_ascii=False),
                next_action=action,
                next_date=next_date,
                next_passed=passed,
                created_at=saved.saved_at,
                updated_at=saved.saved_at,
                archived_at=None,
                revision=1,
            )
            items.append((key, row))
        imported = self.store.import_saves(items) if items else []
        for path in files.values():  # imported now, or a moment ago by another process
            try:
                path.replace(path.with_name(path.name + ".imported"))
            except FileNotFoundError:
                pass  # the other process renamed it
            except OSError as exc:  # imported already: the file stays, said once
                messages.append(f"imported {path} but could not rename it: {exc.strerror}")
        if imported:
            names = ", ".join(repr(row.name) for key, row in items if key in imported)
            messages.append(
                f"imported {len(imported)} saved walk(s) as follow-ups: {names} "
                "(the old files are kept, renamed *.json.imported)"
            )
        return messages

    def _done(self, followup_id: int) -> list[DoneRow]:
        return self.store.done(followup_id)

    # -- backup and restore ----------------------------------------------------------
    def backup(self) -> dict[str, Any]:
        """Every follow-up (archived too) with its done steps, as JSON-ready data."""
        import json

        out = []
        for row in self.all(archived=True):
            item: dict[str, Any] = {
                k: v for k, v in row._asdict().items() if k not in ("id", "revision")
            }
            for k in ("answers", "filled", "shown"):
                item[k] = json.loads(item[k])
            item["done"] = [d._asdict() for d in self._done(row.id)]
            out.append(item)
        return {"format": BACKUP_FORMAT, "version": BACKUP_VERSION, "followups": out}

    def restore(self, data: Any) -> list[str]:
        """Add a backup's follow-ups. One already here with the same name and the same
        content is skipped; one with the same name and different content is a clash:
        then nothing is written and AdviceError names the clashes (rename or delete
        those here first). The lines to tell the user."""
        items = _parse_backup(data)
        added, same, clashes = [], [], []
        for row, done in items:
            here = self.find(row.name)
            if here is None:
                added.append((row, done))
            elif _same(here, row, self._done(here.id), done):
                same.append(row.name)
            else:
                clashes.append(row.name)
        if clashes:
            raise AdviceError(
                "not restored: these follow-ups are already here with different answers or "
                f"steps: {', '.join(repr(n) for n in clashes)}; rename or delete them first"
            )
        self.store.insert_many(added)
        lines = [f"restored {len(added)} follow-up(s)"]
        if same:
            lines.append(f"already here, unchanged: {', '.join(repr(n) for n in same)}")
        return lines


def _same(
    here: FollowUpRow, row: FollowUpRow, here_done: list[DoneRow], done: list[DoneRow]
) -> bool:
    import json

    fields = ("tree_id", "cursor", "answers", "filled", "archived_at")

    def norm(r: FollowUpRow, f: str) -> Any:
        value = getattr(r, f)
        return json.loads(value) if f in ("answers", "filled") else value

    return all(norm(here, f) == norm(row, f) for f in fields) and sorted(here_done) == sorted(done)


def _parse_backup(data: Any) -> list[tuple[FollowUpRow, list[DoneRow]]]:
    """A backup's follow-ups, checked field by field; AdviceError for a file not ours."""
    import json

    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
        raise AdviceError(f'not a backup of advice\'s follow-ups (no "format": "{BACKUP_FORMAT}")')
    version = data.get("version")
    if type(version) is not int or version != BACKUP_VERSION:
        raise AdviceError(f"a backup of an unknown version ({json.dumps(version)})")
    raw = data.get("followups")
    if not isinstance(raw, list):
        raise AdviceError("the backup's `followups` is not a list")
    out = []
    seen: set[str] = set()
    for i, item in enumerate(raw, 1):
        where = f"follow-up {i} of the backup"
        if not isinstance(item, dict):
            raise AdviceError(f"{where} is not an object")

        name = check_name(_text(item, "name", where))
        if name.casefold() in seen:
            raise AdviceError(f"{where}: the name {name!r} is there twice")
        seen.add(name.casefold())
        next_date = _text(item, "next_date", where, optional=True)
        if next_date is not None:
            _iso(next_date, where)
        done_raw = item.get("done", [])
        if not isinstance(done_raw, list):
            raise AdviceError(f"{where}: `done` is not a list")
        done = []
        for d in done_raw:
            if not (
                isinstance(d, dict)
                and isinstance(d.get("node_id"), str)
                and type(d.get("step")) is int
                and isinstance(d.get("done_on"), str)
            ):
                raise AdviceError(f"{where}: a `done` entry is not {{node_id, step, done_on}}")
            done.append(DoneRow(d["node_id"], d["step"], _iso(d["done_on"], where)))
        out.append(
            (
                FollowUpRow(
                    id=0,
                    uid=_text(item, "uid", where),
                    name=name,
                    tree_id=_text(item, "tree_id", where),
                    tree_path=_text(item, "tree_path", where),
                    tree_hash=_text(item, "tree_hash", where),
                    cursor=_text(item, "cursor", where, optional=True),
                    answers=_texts(item, "answers", where),
                    filled=_texts(item, "filled", where),
                    shown=_texts(item, "shown", where),
                    next_action=_text(item, "next_action", where, optional=True),
                    next_date=next_date,
                    next_passed=bool(item.get("next_passed", False)),
                    created_at=_text(item, "created_at", where),
                    updated_at=_text(item, "updated_at", where),
                    archived_at=_text(item, "archived_at", where, optional=True),
                    revision=1,
                ),
                done,
            )
        )
    return out


def _text(item: dict[str, Any], key: str, where: str, optional: bool = False) -> Any:
    value = item.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise AdviceError(f"{where}: `{key}` is missing or not text")
    return value


def _texts(item: dict[str, Any], key: str, where: str) -> str:
    import json

    value = item.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise AdviceError(f"{where}: `{key}` is not a mapping")
    return json.dumps(value, ensure_ascii=False)


def _iso(text: str, where: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise AdviceError(f"{where}: {text!r} is not a date like 2026-11-20") from None


def _tree_for(tree_path: str, tree_id: str) -> Tree | None:
    """The tree a save was of, if it can still be found and passes the checker."""
    from advice.cache import checked
    from advice.library import find_tree

    for ref in (tree_path, tree_id):
        try:
            path = Path(ref) if Path(ref).is_file() else find_tree(ref)
            result = checked(path)
        except (AdviceError, OSError):
            continue
        if result.ok() and result.tree is not None and result.tree.id == tree_id:
            return result.tree
    return None


def _import_name(filled: dict[str, str], tree: Tree | None, tree_id: str) -> str:
    """ "Acme, data analyst" from the details when they are filled; else the tree's title."""
    parts = [filled.get(k, "").strip() for k in ("company", "position")]
    named = ", ".join(p for p in parts if p)
    return check_name(named or (tree.title if tree else tree_id))


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def _imported_next(saved: Any, tree: Tree | None) -> tuple[str | None, str | None, bool]:
    """The next step of an imported save, computed on its tree as of today."""
    if tree is None:
        return "Open this follow-up: its tree could not be found", None, False
    from advice.saves import restore

    session, _ = restore(tree, datetime.now(UTC).date(), saved)
    steps = session.schedule()
    node_id = session.cursor
    return _next([TrackedStep(node_id, s) for s in steps], session)
