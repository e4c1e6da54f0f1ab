"""Dates: what the user typed -> a date, and a tree's date rules -> real dates.

`today` is always passed in (from --today or the clock at the edge of the program),
so every rule is testable and snapshots are stable.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import msgspec

from advice.model import WEEKDAYS, DateRule

# Patterns as text: `re` compiles each on first use and keeps it, so a start that
# asks no date does not pay for compiling them (~0.5 ms).
_RELATIVE = (
    r"^(?:in\s+)?(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s*"
    r"(?P<unit>days?|weeks?|d|w)?(?:\s+(?P<dir>later|after|ago))?$"
)
# Words people put in front of a date that do not change it ("about a week ago").
_FILLER = r"^(?:about|around|roughly|approximately|on|next)\s+"
_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}


class DateInputError(ValueError):
    """The user's text is not a date we understand; the message says what would be."""


HELP = (
    "a date like 2026-11-20, 'today', 'yesterday', a weekday like 'friday', "
    "'3 days' or 'a week ago'"
)


def parse_date(text: str, today: date, base: date | None = None, past: bool = False) -> date:
    """Read a date as a person would write it.

    `base` is what relative answers count from ("3 days" after the interview; "friday"
    = the first Friday after it); without one they count from today. "ago" and
    "last friday" always count back from today: they describe the past as of now.
    `past`: the day has happened (the interview), so "friday" is the latest Friday up
    to today, "3 days" means 3 days ago, and a date after today is refused.
    """
    try:
        day = _parse_date(text, today, base, past)
    except DateInputError:
        raise
    except (OverflowError, ValueError):  # "99999999 days", 5000 digits, "tomorrow" in 9999
        raise DateInputError(f"'{text}' is beyond the calendar; type {HELP}") from None
    if past and day > today:
        raise DateInputError(
            f"{day.strftime('%A %d %B %Y')} is after today; give the day it happened"
        )
    return day


def _parse_date(text: str, today: date, base: date | None, past: bool) -> date:
    raw = " ".join(text.strip().lower().split())
    raw = re.sub(_FILLER, "", raw)
    start = base or today
    if not raw:
        raise DateInputError(f"no date given; type {HELP}")
    if raw == "today":
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if raw == "tomorrow":
        return today + timedelta(days=1)
    last = raw.startswith("last ")
    day_name = raw[5:] if last else raw
    for i, name in enumerate(WEEKDAYS):
        if day_name in (name, name[:3]):
            if last:
                return today - timedelta(days=(today.weekday() - i) % 7 or 7)
            if past:  # the latest such day up to today
                return today - timedelta(days=(today.weekday() - i) % 7)
            return start + timedelta(days=(i - start.weekday()) % 7 or 7)
    m = re.match(_RELATIVE, raw)
    if m:
        n = _WORDS.get(m["n"]) or int(m["n"])
        span = timedelta(days=n * (7 if (m["unit"] or "d")[0] == "w" else 1))
        back = m["dir"] == "ago" or (past and not raw.startswith("in "))
        return today - span if back else start + span
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise DateInputError(f"'{text}' is not a date we understand; type {HELP}") from None


class ScheduledStep(msgspec.Struct, frozen=True):
    """A dated step of the plan. `step` is the rule's position in the recommendation's
    `when` list: with the tree and node ids it names the step stably (calendar UIDs)."""

    date: date
    action: str
    by: bool
    step: int = 0

    def describe(self) -> str:
        when = self.date.strftime("%A %d %B %Y")
        return f"{'By' if self.by else 'On'} {when}: {self.action}"


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


def resolve(rule: DateRule, facts: dict[str, date], step: int = 0) -> ScheduledStep | None:
    """The date a rule gives, or None when the fact it counts from is not known."""
    base = facts.get(rule.of)
    if base is None:
        return None
    try:
        if rule.working_days:
            day = add_working_days(base, rule.days)
        else:
            day = base + timedelta(days=rule.days)
        avoid = {WEEKDAYS.index(w) for w in rule.avoid}
        if len(avoid) < 7:  # a rule that avoids every day would never end
            while day.weekday() in avoid:
                day += timedelta(days=1)
    except OverflowError:  # a date near the year 9999 or a huge `days`: no real date
        return None
    return ScheduledStep(day, rule.action, rule.by, step)


def plan(rules: tuple[DateRule, ...], facts: dict[str, date]) -> list[ScheduledStep]:
    """The dated steps, earliest first; rules whose fact is unknown give none."""
    steps = [s for s in (resolve(r, facts, i) for i, r in enumerate(rules)) if s is not None]
    return sorted(steps, key=lambda s: (s.date, s.step))
