"""The follow-ups database as the app uses it: opened at the first need, and at start only
when there is one (or JSON saves to import), so a first run's first question does not
wait for sqlite3; never when served. What it has to say (a database set aside, saves
imported, a folder that cannot be written) waits in `outbox` for the front end.

Rows only: nothing here loads a tree (advice/workspace.py opens a follow-up as a walk).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from advice.diagnostics import AdviceError
from advice.notice import Notice

if TYPE_CHECKING:
    from advice.home import HomeLine
    from advice.records import FollowUpRow
    from advice.tracker import Tracker


class Database:
    def __init__(self, served: bool = False) -> None:
        self.served = served
        self._tracker: Tracker | None = None
        self._failed = False  # it could not be opened: said once, not tried again
        self.outbox: list[Notice] = []

    def tracker(self) -> Tracker | None:
        """The tracker, opened now if need be (None when served, or when it cannot be
        opened: said once, and the walk goes on unsaved)."""
        if self._tracker is not None or self.served or self._failed:
            return self._tracker
        from advice.tracker import Tracker

        try:
            self._tracker = Tracker.open()
        except AdviceError as exc:
            self._failed = True
            text = f"Your answers are not being saved: {exc}. The walk goes on."
            self.outbox.append(Notice(text, "error", "Not saved", 10))
            return None
        self.outbox += [Notice(m, "warning", timeout=12) for m in self._tracker.messages]
        return self._tracker

    def has_data(self) -> bool:
        """Whether there are follow-ups to read (a database, or JSON saves to import): a
        look at the folder."""
        import os

        from advice.datadir import DB_NAME, data_folder, json_saves_waiting

        if self.served:
            return False
        return os.path.exists(os.path.join(data_folder(), DB_NAME)) or json_saves_waiting()

    def if_data(self) -> Tracker | None:
        """The tracker if there is a database (a first run opens none to find nothing)."""
        if self._tracker is None and not self.has_data():
            return None
        return self.tracker()

    def said(self) -> list[Notice]:
        out, self.outbox = self.outbox, []
        return out

    def _failing(self, exc: AdviceError) -> None:
        self.outbox.append(Notice(str(exc), "error", timeout=12))

    def rows(self, archived: bool = False) -> list[FollowUpRow]:
        """The open follow-ups (`archived`: only the archived ones); [] with none yet."""
        tracker = self.if_data()
        if tracker is None:
            return []
        try:
            if not archived:
                return tracker.all()
            return [r for r in tracker.all(archived=True) if r.archived_at is not None]
        except AdviceError as exc:
            self._failing(exc)
            return []

    def home_lines(self, today: date, archived: bool = False) -> list[HomeLine]:
        """The home screen's list (advice.home), from one query."""
        from advice.home import home_lines

        tracker = self.if_data()
        if tracker is None:
            return []
        try:
            return home_lines(tracker.store.home(archived), today)
        except AdviceError as exc:
            self._failing(exc)
            return []

    def count_open(self) -> int:
        tracker = self.if_data()
        if tracker is None:
            return 0
        try:
            return tracker.store.count_open()
        except AdviceError as exc:
            self._failing(exc)
            return 0

    def row(self, row_id: int) -> FollowUpRow | None:
        """A follow-up's row as stored now (None: deleted meanwhile, or no database)."""
        tracker = self.tracker()
        return tracker.store.get(row_id) if tracker is not None else None

    def find(self, name: str) -> FollowUpRow | None:
        tracker = self.if_data()
        return tracker.find(name) if tracker is not None else None
