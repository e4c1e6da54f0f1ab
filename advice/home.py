"""The home screen's list, for any front end: each follow-up's row, read from the
database's rows only (no tree is loaded until one is opened).

    for line in home_lines(store.home(), today): line.name, line.standing, ...
"""

from __future__ import annotations

import json
from datetime import date
from typing import Literal

import msgspec

Due = Literal["overdue", "today", "later", "none"]
# (id, name, answers JSON, next action, next date, steps done): Store.home's rows.
HomeRow = tuple[int, str, str, str | None, str | None, int]


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


def _standing(answers: str, next_action: str | None, done: int) -> str:
    count = len(json.loads(answers or "{}"))
    if (next_action or "").startswith("Answer: "):
        return "not started" if count == 0 else f"question {count + 1}"
    if next_action is None:
        return "all steps done" if done else "plan ready, no dated steps"
    return "plan ready"


def home_lines(rows: list[HomeRow], today: date) -> list[HomeLine]:
    """Each row (advice.store.Store.home: overdue first, oldest first, then later, then
    undated, by name) as the list says it."""
    out = []
    for row_id, name, answers, next_action, next_date, done in rows:
        day = date.fromisoformat(next_date) if next_date else None
        due: Due = "none"
        if day is not None:
            due = "overdue" if day < today else "today" if day == today else "later"
        standing = _standing(answers, next_action, done)
        out.append(HomeLine(row_id, name, standing, next_action or "nothing left to do", day, due))
    return out
