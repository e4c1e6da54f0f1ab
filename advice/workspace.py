"""The trees in play and their walks, for any front end: no Textual here.

A Workspace holds what lasts for a whole run of the app: the trees on offer (and the
folder they came from), one Session per tree (switching trees and back resumes), the
placeholder values typed in the details form, "today", and the follow-ups: each walk
the app shows is one (advice.tracker's Walk), saved at every move, detail and step
marked. It reloads a tree (its walk carried over) and follows a watched folder.

Methods return data. What the user should be told comes back as Notices, which the
front end shows (the app as notifications); a Workspace never prints.

The follow-ups database is opened when first needed: at start only when there is one
(or JSON saves of earlier versions to import), so a first run's first question does
not wait for sqlite3. Served (advice serve), there is no database at all.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advice.catalog import TreeEntry, load_entry
from advice.diagnostics import AdviceError
from advice.followups import Database
from advice.notice import Notice
from advice.session import Session

__all__ = ["Notice", "Workspace", "affected", "done_marks", "short_date"]

if TYPE_CHECKING:
    from advice.home import HomeLine
    from advice.model import Tree
    from advice.records import FollowUpRow
    from advice.tracker import TrackedStep, Tracker, Walk


def affected(entry_path: Path, saved: set[Path]) -> bool:
    """Whether a save touches this tree: its file or the sources.yaml beside it."""
    from advice.library import SOURCES_FILE, sources_for

    return bool({entry_path, entry_path.parent / SOURCES_FILE, sources_for(entry_path)} & saved)


def short_date(day: date) -> str:
    """`Fri 20 Nov`: how the app names a day in a line."""
    return f"{day:%a} {day.day} {day:%b}"


def done_marks(steps: list[TrackedStep]) -> dict[int, str]:
    """The steps marked done, by rule position: "Done Thu 19 Nov", as the plan says it
    (the Markdown plan of a follow-up, from the app or `export --case`)."""
    return {s.step.step: f"Done {short_date(s.done_on)}" for s in steps if s.done_on}


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Workspace:
    """The trees on offer and their walks; see the module's docstring."""

    def __init__(
        self,
        entries: list[TreeEntry],
        today: date | None = None,
        *,
        folder: Path | None = None,
        resume: bool = False,
        preset: dict[str, dict[str, str]] | None = None,
        served: bool = False,
        case: str | None = None,
    ) -> None:
        self.entries = entries
        # The folder the trees were listed from (None for one file): when followed, a
        # tree file added to it joins the list and a deleted one leaves it.
        self.folder = folder
        self.today = today or date.today()
        # --resume is the default now: kept so the flag still works (it changes nothing).
        self.resume = resume
        # Answers to start a tree with, by tree id (a test's or a picture's state);
        # each is used once, by the first walk of its tree.
        self.preset = dict(preset or {})
        # `advice --case NAME`: the follow-up to open, or to start under that name.
        self.case = case
        # One walk per tree file, by key_of(entry); and its follow-up once it has one.
        self.sessions: dict[str, Session] = {}
        self.walks: dict[str, Walk] = {}
        # Placeholder values (name -> text) of each walk, by key: a follow-up's own.
        self._details: dict[str, dict[str, str]] = {}
        self.current = ""  # the key of the walk last shown: whose details `details` are
        # A new walk's name, given before its first save (the home screen's `n`).
        self._names: dict[str, str] = {}
        # The dated steps as last saved, by key: what a changed answer moved is said.
        self._steps: dict[str, list[TrackedStep]] = {}
        # The tree file's digest as it was loaded, by key: a save records it, so an
        # edit of the tree made meanwhile is noticed when the follow-up is opened.
        self._digests: dict[str, str] = {}
        # Files whose digest is still to take (`settle`): hashing loads OpenSSL, which a
        # returning user's first frame need not wait for.
        self._undigested: dict[str, Path] = {}
        self.db = Database(served)  # the follow-ups database, opened when first needed
        self._save_failed = False  # a save refused or failing is said once, not per move

    # -- the trees on offer -------------------------------------------------------------
    @staticmethod
    def key_of(entry: TreeEntry) -> str:
        """The tree file, resolved: one walk per file, however it was named."""
        return str(entry.path.resolve())

    def latest(self, entry: TreeEntry) -> TreeEntry:
        """The latest check of this entry's file (a reload replaces it)."""
        return next((e for e in self.entries if e.path == entry.path), entry)

    def is_outdated(self, entry: TreeEntry) -> bool:
        """The file was checked again since this entry was made (a screen shows an
        older tree)."""
        return self.latest(entry) is not entry

    @property
    def details(self) -> dict[str, str]:
        """The placeholder values of the walk on show (its follow-up's)."""
        return self._details.setdefault(self.current, {})

    # -- walks ----------------------------------------------------------------------------
    def session_for(self, entry: TreeEntry, tree: Tree) -> tuple[Session, list[Notice]]:
        """The walk of a tree that loaded: the one in progress (moved over to the tree
        if it was reloaded), else the preset answers, the follow-up named by --case,
        the tree's only follow-up (continued where it stood), or a fresh walk."""
        key = self.key_of(entry)
        self.current = key
        session = self.sessions.get(key)
        notices: list[Notice] = []
        if session is None and tree.id in self.preset:
            session = Session(tree, self.today, self.preset.pop(tree.id))
        elif session is None:
            session, notices = self._first_walk(entry, tree)
        elif session.tree is not tree:
            session, notices = self._carry(entry, session, tree)
        self._set_session(key, session)
        return session, self._said() + notices

    def _set_session(self, key: str, session: Session) -> None:
        self.sessions[key] = session
        walk = self.walks.get(key)
        if walk is not None:
            walk.session = session

    def _first_walk(self, entry: TreeEntry, tree: Tree) -> tuple[Session, list[Notice]]:
        if self.case is not None:
            name, self.case = self.case, None
            row = self.db.find(name)
            if row is not None and row.tree_id == tree.id:
                return self._open_row(entry, tree, row)
            self._names[self.key_of(entry)] = name
            return Session(tree, self.today), [Notice(f"New follow-up: {name}")]
        mine = [r for r in self.db.rows() if r.tree_id == tree.id]
        if len(mine) == 1:
            return self._open_row(entry, tree, mine[0])
        return Session(tree, self.today), []

    def record_move(self, entry: TreeEntry, session: Session) -> list[Notice]:
        """After each move or detail typed: save the walk's follow-up (made at its first
        answer). A failure is said once (until a save works again) and never stops the
        walk; a follow-up saved meanwhile elsewhere is refused, never written over. Also
        what a changed answer did to the dated steps, one notice."""
        key = self.key_of(entry)
        if self.served:
            return []
        if key not in self.walks and key not in self._names and not session.answers:
            return self._said()  # nothing to keep yet: no database opened for it
        tracker = self.tracker()
        if tracker is None:
            return self._said()
        try:
            walk = self._walk_to_save(entry, session, tracker)
            if walk is None:
                return self._said()
            self.settle()
            tracker.save(walk, digest=self._digests.get(key))
            now = tracker.steps(walk)
        except AdviceError as exc:
            failed_before, self._save_failed = self._save_failed, True
            if failed_before:
                return self._said()
            text = f"Your answers are not being saved: {exc}. The walk goes on."
            return [*self._said(), Notice(text, "error", "Not saved", 10)]
        self._save_failed = False
        return self._said() + self._moved(key, now)

    def _walk_to_save(self, entry: TreeEntry, session: Session, tracker: Tracker) -> Walk | None:
        """The walk's follow-up, made now if it has none and something to keep."""
        from advice.tracker import Walk

        key = self.key_of(entry)
        walk = self.walks.get(key)
        if walk is not None and walk.session is session:
            return walk
        details = self._details.setdefault(key, {})
        named = self._names.pop(key, None)
        if named is None and not session.answers:
            return None  # nothing to keep yet: made at the first answer
        name = named or self.new_name(session.tree, details)
        row = tracker.create(name, session.tree, entry.path)
        self._note_digest(entry)
        walk = Walk(row, session, details, [], entry.path)
        self.walks[key] = walk
        self._steps.pop(key, None)
        return walk

    def _moved(self, key: str, now: list[TrackedStep]) -> list[Notice]:
        from advice.tracker import what_changed

        before = self._steps.get(key, [])
        lines = what_changed(before, now) if before and now else []
        if now:
            self._steps[key] = now
        if not lines:
            return []
        return [Notice("\n".join(lines), "warning", "Your dates changed", 12)]

    def new_name(self, tree: Tree, details: dict[str, str]) -> str:
        """A new follow-up's name: "Acme, data analyst" from the details when given,
        else "<tree title> Fri 20 Nov"; "(2)" and on when it is taken."""
        parts = [details.get(k, "").strip() for k in ("company", "position")]
        base = ", ".join(p for p in parts if p) or f"{tree.title} {short_date(self.today)}"
        taken = {r.name.casefold() for r in [*self.db.rows(), *self.db.rows(archived=True)]}
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base} ({n})"
        return name

    # -- the follow-ups -----------------------------------------------------------------
    @property
    def served(self) -> bool:
        """In a browser tab (advice serve): nothing is written to the server's disk for a
        visitor, nor read from it (every visitor would share one database)."""
        return self.db.served

    @served.setter
    def served(self, value: bool) -> None:
        self.db.served = value

    def tracker(self) -> Tracker | None:
        return self.db.tracker()

    def home_lines(self, archived: bool = False) -> list[HomeLine]:
        """The home screen's list (advice.home): rows only, no tree loaded."""
        return self.db.home_lines(self.today, archived)

    def opens_home(self) -> bool:
        """At start: the home screen, when there are two or more open follow-ups."""
        return self.case is None and self.db.count_open() >= 2

    def _said(self) -> list[Notice]:
        return self.db.said()

    def entry_for(self, row: FollowUpRow) -> TreeEntry | None:
        """The tree a follow-up walks: one on offer (its file, else its id), else its
        file as last saved, added to those on offer; None when it is nowhere."""
        saved = Path(row.tree_path)
        for e in self.entries:
            if self.key_of(e) == str(saved):
                return e
        for e in self.entries:
            if e.loaded is not None and e.loaded.id == row.tree_id:
                return e
        if not saved.is_file():
            return None
        entry = load_entry(saved)
        self.entries = [*self.entries, entry]
        return entry

    def open_followup(self, row: FollowUpRow) -> tuple[TreeEntry | None, list[Notice]]:
        """Open a follow-up (the home screen's Enter): its tree's walk becomes it. None
        and a notice when its tree cannot be found; a broken tree's entry as it is."""
        entry = self.entry_for(row)
        if entry is None:
            text = f"The tree of {row.name} ({row.tree_id}) is not here any more: {row.tree_path}"
            return None, [Notice(text, "error", timeout=10)]
        tree = entry.loaded
        if tree is None:
            return entry, []
        key = self.key_of(entry)
        self.current = key
        session, notices = self._open_row(entry, tree, row)
        self._set_session(key, session)
        return entry, self._said() + notices

    def _open_row(
        self, entry: TreeEntry, tree: Tree, row: FollowUpRow
    ) -> tuple[Session, list[Notice]]:
        """The follow-up as a walk of `tree`: where it stood (what no longer fits the tree
        is dropped, and said), its details; a notice says which it is."""
        tracker = self.tracker()
        if tracker is None:
            return Session(tree, self.today), self._said()
        key = self.key_of(entry)
        try:
            walk = tracker.open_walk(row, tree, entry.path, self.today)
            steps = tracker.steps(walk)
        except AdviceError as exc:
            return Session(tree, self.today), [Notice(str(exc), "error", timeout=10)]
        self.walks[key] = walk
        self._details[key] = walk.filled
        self._steps[key] = steps
        self._note_digest(entry, later=True)
        self._save_failed = False
        count = len(walk.session.answers)
        notices = [Notice(f"Continuing {row.name}: {_count(count, 'answer')}", timeout=6)]
        if walk.dropped:
            gone = "; ".join(walk.dropped)
            text = f"The tree changed since; these answers no longer fit and were dropped: {gone}"
            notices.append(Notice(text, "warning", timeout=10))
        return walk.session, notices

    def start_new(self, entry: TreeEntry, name: str) -> list[Notice]:
        """A new follow-up of this tree under `name` (the home screen's `n`), made now so
        a name taken is said at once (NameTaken, an AdviceError). Its walk is fresh."""
        from advice.tracker import Walk

        tree = entry.loaded
        tracker = self.tracker()
        if tree is None or tracker is None:
            raise AdviceError("the follow-ups cannot be saved here")
        key = self.key_of(entry)
        row = tracker.create(name, tree, entry.path)
        session = Session(tree, self.today)
        self._details[key] = {}
        self.walks[key] = Walk(row, session, self._details[key], [], entry.path)
        self._steps.pop(key, None)
        self._note_digest(entry)
        self._set_session(key, session)
        self.current = key
        return [*self._said(), Notice(f"New follow-up: {row.name}")]

    def walk_of(self, entry: TreeEntry) -> Walk | None:
        return self.walks.get(self.key_of(entry))

    def name_of(self, entry: TreeEntry) -> str | None:
        """The name of the follow-up this tree's walk is (None: not one yet)."""
        walk = self.walk_of(entry)
        return walk.row.name if walk is not None else self._names.get(self.key_of(entry))

    def steps(self, entry: TreeEntry, session: Session) -> list[TrackedStep]:
        """The dated steps of the recommendation on show, each with the day it was done."""
        from advice.model import Recommendation
        from advice.tracker import TrackedStep

        walk = self.walk_of(entry)
        tracker = self.tracker() if walk is not None else None
        if walk is not None and tracker is not None and walk.session is session:
            try:
                return tracker.steps(walk)
            except AdviceError:
                pass
        if not isinstance(session.current, Recommendation):
            return []
        return [TrackedStep(session.cursor or "", s) for s in session.schedule()]

    def mark_done(
        self, entry: TreeEntry, session: Session, step: TrackedStep, day: date | None
    ) -> list[Notice]:
        """Mark a dated step done on `day` (None: undo the mark); what comes next moves on."""
        notices = self.record_move(entry, session) if self.walk_of(entry) is None else []
        walk, tracker = self.walk_of(entry), self.tracker()
        if walk is None or tracker is None:
            return notices or [Notice("This walk is not being saved.", "error")]
        try:
            if day is None:
                tracker.undo_done(walk, step)
                text = f"Not done: {step.step.action}"
            else:
                tracker.mark_done(walk, step, day)
                text = f"Done {short_date(day)}: {step.step.action}"
        except AdviceError as exc:
            return [*notices, Notice(str(exc), "error", timeout=10)]
        self._steps[self.key_of(entry)] = tracker.steps(walk)
        return [*notices, Notice(text)]

    def _refresh(self, row: FollowUpRow) -> None:
        """A follow-up changed from here (renamed, archived): an open walk of it reads its
        row again, so its next save is not taken for someone else's change."""
        tracker = self.tracker()
        for walk in self.walks.values():
            if walk.row.id == row.id and tracker is not None:
                fresh = tracker.store.get(row.id)
                if fresh is not None:
                    walk.row = fresh

    def rename(self, row: FollowUpRow, name: str) -> None:
        """Raises AdviceError (a name taken, empty or too long)."""
        tracker = self.tracker()
        if tracker is None:
            raise AdviceError("the follow-ups cannot be read here")
        tracker.rename(row, name)
        self._refresh(row)

    def archive(self, row: FollowUpRow, archived: bool = True) -> None:
        tracker = self.tracker()
        if tracker is None:
            raise AdviceError("the follow-ups cannot be read here")
        if archived:
            tracker.archive(row)
        else:
            tracker.unarchive(row)
        self._refresh(row)

    def delete(self, row: FollowUpRow) -> None:
        """Gone for good; a walk of it on show goes on as a new walk, unsaved until moved."""
        tracker = self.tracker()
        if tracker is None:
            raise AdviceError("the follow-ups cannot be read here")
        tracker.delete(row)
        for key, walk in list(self.walks.items()):
            if walk.row.id == row.id:
                del self.walks[key]
                self.sessions.pop(key, None)
                self._steps.pop(key, None)

    def _note_digest(self, entry: TreeEntry, later: bool = False) -> None:
        """Note the tree file's digest now (an unreadable file keeps the old one);
        `later`: at `settle`, once the first frame is drawn (and before any save)."""
        from advice.saves import tree_hash

        key = self.key_of(entry)
        if later:
            self._undigested[key] = entry.path
            return
        self._undigested.pop(key, None)
        with contextlib.suppress(AdviceError):
            self._digests[key] = tree_hash(entry.path)

    def settle(self) -> None:
        """What the start put off: the digests of the trees opened (a tree edited in
        the moment between is reloaded by the watcher, which takes its digest again)."""
        if not self._undigested:
            return
        from advice.saves import tree_hash

        pending, self._undigested = self._undigested, {}
        for key, path in pending.items():
            with contextlib.suppress(AdviceError):
                self._digests[key] = tree_hash(path)

    # -- reloading and following a folder -----------------------------------------------
    def reload(self, entry: TreeEntry, say: bool = True) -> tuple[TreeEntry, list[Notice]]:
        """Check the file again; its walk moves over to the new tree, answers kept where
        they still fit (the dropped ones are always said). A broken file keeps the walk
        for when it is fixed. `say`: also say what happened otherwise (not needed when
        the user asked for the check)."""
        fresh = load_entry(entry.path)
        self.entries = [fresh if e.path == entry.path else e for e in self.entries]
        tree = fresh.loaded
        key = self.key_of(fresh)
        if tree is None:
            text = f"{entry.name} has problems now; fix them and save (your answers are kept)."
            return fresh, [Notice(text, "error", timeout=8)] if say else []
        if key in self._digests or key in self._undigested:
            self._note_digest(fresh)
        session = self.sessions.get(key)
        if session is None:
            return fresh, [Notice(f"Reloaded {entry.name}.")] if say else []
        moved, notices = self._carry(fresh, session, tree)
        self._set_session(key, moved)
        if say and moved.answers == session.answers:
            kept = "; your answers are kept" if session.answers else ""
            notices.append(Notice(f"Reloaded {entry.name}{kept}."))
        return fresh, notices

    def files_saved(
        self, saved: set[Path], shown: set[Path], on_picker: bool = False
    ) -> list[Notice]:
        """Files changed on disk: follow the folder, then reload each tree they touch.
        `shown`, `on_picker`: as for follow_folder."""
        notices = self.follow_folder(saved, shown, on_picker)
        for entry in list(self.entries):
            if affected(entry.path, saved):
                notices += self.reload(entry)[1]
        return notices

    def follow_folder(
        self, saved: set[Path], shown: set[Path], on_picker: bool = False
    ) -> list[Notice]:
        """A tree file new in the folder joins the list; a deleted one leaves it,
        unless it is `shown` (its screen then says the file is gone). `on_picker`: the
        list is on show, so a new tree needs no hint how to get to it."""
        from advice.library import tree_files

        if self.folder is None:
            return []
        listed = set(tree_files(self.folder)) if self.folder.is_dir() else set()
        known = {e.path for e in self.entries}
        added = [load_entry(path) for path in sorted(listed - known)]
        gone = [e for e in self.entries if e.path in saved - listed and e.path not in shown]
        if len(gone) == len(self.entries) and not added:
            return []  # the folder is empty now: keep the list (each entry says its file is gone)
        if not added and not gone:
            return []
        kept = [e for e in self.entries if e not in gone]
        self.entries = sorted([*kept, *added], key=lambda e: e.path)
        hint = "" if on_picker else " (press t to pick it)"
        return [
            *(Notice(f"New tree: {e.name}{hint}.") for e in added),
            *(Notice(f"{e.name} was removed.") for e in gone),
        ]

    def _carry(
        self, entry: TreeEntry, session: Session, tree: Tree
    ) -> tuple[Session, list[Notice]]:
        """The walk on the reloaded tree, and the answers that no longer fit, said."""
        moved, dropped = session.on_tree(tree)
        if not dropped:
            return moved, []
        gone = "; ".join(f'"{s.question.text}" -> "{s.label}"' for s in dropped)
        text = f"Reloaded {entry.name}. These answers no longer fit and were dropped: {gone}"
        return moved, [Notice(text, "warning", timeout=10)]
