"""A tree's date rules -> real dates, for the person reading them today.

`today` is always passed in (from --today or the clock at the edge of the program),
so every rule is testable and snapshots are stable. Reading the dates people type is
advice/dates.py.
"""

from __future__ import annotations

import datetime
from datetime import date, timedelta

import msgspec

from advice.model import WEEKDAYS, DateRule


class ScheduledStep(msgspec.Struct, frozen=True):
    """A dated step of the plan. `step` is the rule's position in the recommendation's
    `when` list: with the tree and node ids it names the step stably (calendar UIDs).

    `planned` is the day the rule gives when that day is before today: with `passed`
    the day is gone (the step keeps it as its date); without, the rule still applies
    and `date` is the first day from today it allows."""

    date: date
    action: str
    by: bool
    step: int = 0
    planned: datetime.date | None = None  # (the module: `date` is a field here)
    passed: bool = False
    late_note: str | None = None


_WEEKEND = (5, 6)


def add_working_days(start: date, days: int) -> date:
    """`days` Monday-to-Friday days after `start`; 0 = start, or the Monday after if it
    falls on a weekend (a working-day count never ends on a weekend)."""
    day = start
    while day.weekday() in _WEEKEND:
        day += timedelta(days=1)
    # Five working days from a weekday are always one calendar week: skip whole weeks
    # at once, so a huge count costs nothing (it overflows at the year 9999 instead).
    weeks, left = divmod(max(days, 0), 5)
    day += timedelta(weeks=weeks)
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() not in _WEEKEND:
            left -= 1
    return day


def _allowed(day: date, rule: DateRule) -> date:
    """`day`, or the first day after it that the rule allows (working days, `avoid`)."""
    if rule.working_days:
        day = add_working_days(day, 0)
    avoid = {WEEKDAYS.index(w) for w in rule.avoid}
    if len(avoid) < 7:  # a rule that avoids every day would never end
        while day.weekday() in avoid:
            day += timedelta(days=1)
    return day


def resolve(rule: DateRule, facts: dict[str, date], step: int = 0) -> ScheduledStep | None:
    """The date a rule gives, or None when the fact it counts from is not known.

    With `today` among the facts, a day before it is never left as it is: a rule that
    still applies (`late: move`) moves to the first day from today it allows; one that
    does not (`late: passed`) keeps its day, marked passed, with its note."""
    base = facts.get(rule.of)
    if base is None:
        return None
    try:
        if rule.working_days:
            day = add_working_days(base, rule.days)
        else:
            day = base + timedelta(days=rule.days)
        day = _allowed(day, rule)
        today = facts.get("today")
        if today is not None and day < today:
            if rule.late == "move":
                moved = _allowed(today, rule)
                return ScheduledStep(moved, rule.action, rule.by, step, planned=day)
            return ScheduledStep(
                day, rule.action, rule.by, step, planned=day, passed=True, late_note=rule.late_note
            )
    except OverflowError:  # a date near the year 9999 or a huge `days`: no real date
        return None
    return ScheduledStep(day, rule.action, rule.by, step)


def plan(rules: tuple[DateRule, ...], facts: dict[str, date]) -> list[ScheduledStep]:
    """The dated steps, earliest first; rules whose fact is unknown give none."""
    steps = [s for s in (resolve(r, facts, i) for i, r in enumerate(rules)) if s is not None]
    return sorted(steps, key=lambda s: (s.date, s.step))
