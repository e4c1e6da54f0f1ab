"""The trees in play and their walks, for any front end: no Textual here.

A Workspace holds what lasts for a whole run of the app: the trees on offer (and the
folder they came from), one Session per tree (switching trees and back resumes), the
placeholder values typed in the details form, "today", and the saving policy: which
walks are kept on disk, what saves there are to continue, and the guard against
overwriting a save another walk wrote. It reloads a tree (its walk carried over) and
follows a watched folder (trees added, trees gone).

Methods return data. What the user should be told comes back as Notices, which the
front end shows (the app as notifications); a Workspace never prints.

Saves are read and written only in the `_store_*` methods: the one place to swap
the persistence. advice.saves is imported there, when first needed: reading a save
imports hashlib and reads files, which the first screen does not wait for.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import msgspec

from advice.catalog import TreeEntry, load_entry
from advice.diagnostics import AdviceError
from advice.session import Session

if TYPE_CHECKING:
    from advice.model import Tree
    from advice.saves import SavedSession, Seen

Severity = Literal["information", "warning", "error"]


class Notice(msgspec.Struct, frozen=True):
    """Something to tell the user. `timeout`: seconds it stays (None: the front end's
    default); longer for what takes reading (dropped answers, a save refused)."""

    text: str
    severity: Severity = "information"
    title: str = ""
    timeout: float | None = None


def affected(entry_path: Path, saved: set[Path]) -> bool:
    """Whether a save touches this tree: its file or the sources.yaml beside it."""
    from advice.library import SOURCES_FILE, sources_for

    return bool({entry_path, entry_path.parent / SOURCES_FILE, sources_for(entry_path)} & saved)


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
    ) -> None:
        self.entries = entries
        # The folder the trees were listed from (None for one file): when followed, a
        # tree file added to it joins the list and a deleted one leaves it.
        self.folder = folder
        self.today = today or date.today()
        # --resume: continue each tree's save without asking, and save after every move.
        self.resume = resume
        # In a browser tab (advice serve): nothing is written to the server's disk for
        # a visitor, nor offered from it: every visitor would share one save folder.
        self.served = served
        # Answers to start a tree with, by tree id (a test's or a picture's state);
        # each is used once, by the first walk of its tree.
        self.preset = dict(preset or {})
        # Placeholder values (name -> text) from the details form, for every tree.
        self.details: dict[str, str] = {}
        # One walk per tree file, by key_of(entry).
        self.sessions: dict[str, Session] = {}
        # Readable saves found by find_saves, by tree id: the offer to continue them.
        self.offered: dict[str, SavedSession] = {}
        # Trees (by key) the user chose to continue or start over from a save: their
        # walks are saved as they go, as every walk is with --resume.
        self.chosen: set[str] = set()
        # The tree file's digest as it was loaded, by key: a save records it, so an
        # edit of the tree made meanwhile is noticed on resume.
        self._digests: dict[str, str] = {}
        # What this run last read or wrote of each tree's save, by tree id.
        self._seen: dict[str, Seen] = {}
        self._save_failed = False  # an unwritable save folder is said once, not per move

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

    # -- walks ----------------------------------------------------------------------------
    def session_for(self, entry: TreeEntry, tree: Tree) -> tuple[Session, list[Notice]]:
        """The walk of a tree that loaded: the one in progress (moved over to the tree
        if it was reloaded), else the preset answers, the save (with --resume), or a
        fresh walk. It is kept as the tree's walk."""
        key = self.key_of(entry)
        session = self.sessions.get(key)
        notices: list[Notice] = []
        if session is None and tree.id in self.preset:
            session = Session(tree, self.today, self.preset.pop(tree.id))
        elif session is None and self.resume and not self.served:
            session, notices = self._store_resume(entry, tree)
        elif session is None:
            session = Session(tree, self.today)
        elif session.tree is not tree:
            session, notices = self._carry(entry, session, tree)
        self.sessions[key] = session
        return session, notices

    def saves_walks(self, entry: TreeEntry) -> bool:
        """Whether this tree's walk is kept on disk after each move: with --resume, or
        when the user chose to continue (or start over) from its save; never served."""
        return not self.served and (self.resume or self.key_of(entry) in self.chosen)

    def record_move(self, entry: TreeEntry, session: Session) -> list[Notice]:
        """After each move: save the walk if this tree's walks are saved. A failure is
        said once (until a save works again) and never stops the walk."""
        if not self.saves_walks(entry):
            return []
        try:
            self._store_save(entry, session)
        except AdviceError as exc:
            failed_before, self._save_failed = self._save_failed, True
            if failed_before:
                return []
            text = f"Your answers are not being saved: {exc}. The walk goes on."
            return [Notice(text, "error", "Not saved", 10)]
        self._save_failed = False
        return []

    # -- saves: the offer to continue ---------------------------------------------------
    def find_saves(self) -> list[Notice]:
        """Read the saves of the trees on offer into `offered`; an unreadable one is
        set aside (by advice.saves) and said. None when served."""
        if self.served:
            return []
        notices: list[Notice] = []
        for tree_id in sorted({e.loaded.id for e in self.entries if e.loaded is not None}):
            saved, notice = self._store_load(tree_id)
            if notice is not None:
                notices.append(notice)
            if saved is not None:
                self.offered[tree_id] = saved
        return notices

    def has_offer(self, entry: TreeEntry, opened: bool = False) -> bool:
        """The tree has a save to continue and was not opened yet in this run
        (`opened`: it was, only just now, as the first screen)."""
        tree = entry.loaded
        if tree is None or tree.id not in self.offered:
            return False
        return opened or self.key_of(entry) not in self.sessions

    def asks_first(self, entry: TreeEntry, opened: bool = False) -> bool:
        """Ask "continue or start over?" before opening the tree: it has an offer, and
        this is not --resume (which continues without asking)."""
        return not self.resume and self.has_offer(entry, opened)

    def offer_summary(self, tree_id: str) -> str:
        """`3 answers, saved 20 Nov 2026 14:05` (local time) for a tree's save."""
        from datetime import datetime

        saved = self.offered[tree_id]
        count = len(saved.answers)
        try:
            when = datetime.fromisoformat(saved.saved_at).astimezone()
            stamp = f", saved {when:%d %b %Y %H:%M}"
        except ValueError:
            stamp = ""
        return f"{count} answer{'s' if count != 1 else ''}{stamp}"

    def offer_lines(self) -> dict[Path, str]:
        """For the picker: the trees that can be continued, and how far they went."""
        return {
            e.path: f"continue where you left off ({self.offer_summary(e.loaded.id)})"
            for e in self.entries
            if e.loaded is not None and self.has_offer(e)
        }

    def take_offer(self, entry: TreeEntry, go_on: bool) -> tuple[TreeEntry, list[Notice]]:
        """The user's answer to the offer: continue the save (`go_on`) or start over.
        Either way the walk is saved from now on (starting over replaces the save at
        the first move). Returns the latest check of the entry: one broken meanwhile
        (live reload) is left as it is, for its problems to show."""
        entry = self.latest(entry)
        tree = entry.loaded
        if tree is None:
            return entry, []
        key = self.key_of(entry)
        self.chosen.add(key)
        self.offered.pop(tree.id, None)
        notices: list[Notice] = []
        if go_on:
            self.sessions[key], notices = self._store_resume(entry, tree)
        else:
            self.sessions[key] = Session(tree, self.today)
            self._store_digest(entry)
        return entry, notices

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
        if key in self._digests:
            self._store_digest(fresh)
        session = self.sessions.get(key)
        if session is None:
            return fresh, [Notice(f"Reloaded {entry.name}.")] if say else []
        moved, notices = self._carry(fresh, session, tree)
        self.sessions[key] = moved
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

    # -- persistence: the only calls into advice.saves ----------------------------------
    def _seen_of(self, tree_id: str) -> Seen:
        from advice.saves import Seen

        return self._seen.setdefault(tree_id, Seen())

    def _store_load(self, tree_id: str) -> tuple[SavedSession | None, Notice | None]:
        """A tree's save, if readable, and what to say about it (set aside, unreadable)."""
        from advice.saves import load

        try:
            found = load(tree_id, seen=self._seen_of(tree_id))
        except AdviceError as exc:
            return None, Notice(str(exc), "error", timeout=10)
        notice = Notice(found.message, "warning", timeout=10) if found.message else None
        return found.saved, notice

    def _store_resume(self, entry: TreeEntry, tree: Tree) -> tuple[Session, list[Notice]]:
        """The saved walk of this tree (what no longer fits is dropped, and said); its
        placeholder values fill the details not typed in this run."""
        from advice.saves import resume, tree_hash

        try:
            self._digests[self.key_of(entry)] = tree_hash(entry.path)
            found = resume(tree, entry.path, self.today, seen=self._seen_of(tree.id))
        except AdviceError as exc:
            return Session(tree, self.today), [Notice(str(exc), "error", timeout=10)]
        self.details.update({k: v for k, v in found.filled.items() if k not in self.details})
        return found.session, [Notice(line, "warning", timeout=10) for line in found.messages]

    def _store_digest(self, entry: TreeEntry) -> None:
        """Note the tree file's digest now (an unreadable file keeps the old one)."""
        from advice.saves import tree_hash

        with contextlib.suppress(AdviceError):
            self._digests[self.key_of(entry)] = tree_hash(entry.path)

    def _store_save(self, entry: TreeEntry, session: Session) -> None:
        """Write the walk; raises AdviceError (a SaveConflict when another walk wrote
        the save since this run read or wrote it)."""
        from advice.saves import save

        save(
            session,
            entry.path,
            self.details,
            digest=self._digests.get(self.key_of(entry)),
            seen=self._seen_of(session.tree.id),
        )
