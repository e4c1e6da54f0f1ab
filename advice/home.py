"""The home screen's list, for any front end: each follow-up's row, read from the
database's rows only (no tree is loaded until one is opened).

    for line in home_lines(rows, today, done_counts): line.name, line.standing, ...
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Literal

import msgspec

if TYPE_CHECKING:
    from advice.records import FollowUpRow

Due = Literal["overdue", "today", "later", "none"]


class HomeLine(msgspec.Struct, frozen=True):
    """One follow-up as the list says it: `standing` is where it stands ("question 2",
    "plan ready", "all steps done"); `next` the next step, `day` its date, `due` how
    that date stands to today (said in words, not by colour alone)."""

    row_id: int
    name: str
    standing: str
    next: str
    day: date | None
    due: Due


def _standing(row: FollowUpRow, done: int) -> str:
    answers = len(json.loads(row.answers or "{}"))
    if (row.next_action or "").startswith("Answer: "):
        return "not started" if answers == 0 else f"question {answers + 1}"
    if row.next_action is None:
        return "all steps done" if done else "plan ready, no dated steps"
    return "plan ready"


def home_line(row: FollowUpRow, today: date, done: int = 0) -> HomeLine:
    day = date.fromisoformat(row.next_date) if row.next_date else None
    due: Due = "none"
    if day is not None:
        due = "overdue" if day < today else "today" if day == today else "later"
    return HomeLine(
        row.id, row.name, _standing(row, done), row.next_action or "nothing left to do", day, due
    )


def home_lines(rows: list[FollowUpRow], today: date, done: dict[int, int]) -> list[HomeLine]:
    """Overdue first (oldest first), then due today, then later, then undated, by name:
    ISO dates sort as days do, so one key does it."""
    lines = [home_line(r, today, done.get(r.id, 0)) for r in rows]
    return sorted(lines, key=lambda h: (h.day is None, h.day or today, h.name.casefold()))
