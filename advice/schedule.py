"""Dates: what the user typed -> a date, and a tree's date rules -> real dates.

`today` is always passed in (from --today or the clock at the edge of the program),
so every rule is testable and snapshots are stable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from advice.model import WEEKDAYS, DateRule

_RELATIVE = re.compile(
    r"^(?:in\s+)?(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s*"
    r"(?P<unit>days?|weeks?|d|w)?(?:\s+(?:later|after))?$"
)
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


HELP = "a date like 2026-11-20, 'today', 'yesterday', a weekday like 'friday', or '3 days'"


def parse_date(text: str, today: date, base: date | None = None) -> date:
    """Read a date as a person would write it.

    `base` is what relative answers count from ("3 days" after the interview; "friday"
    = the first Friday after it); without one they count from today.
    """
    raw = text.strip().lower()
    start = base or today
    if not raw:
        raise DateInputError(f"no date given; type {HELP}")
    if raw == "today":
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if raw == "tomorrow":
        return today + timedelta(days=1)
    for i, name in enumerate(WEEKDAYS):
        if raw in (name, name[:3]):
            ahead = (i - start.weekday()) % 7 or 7
            return start + timedelta(days=ahead)
    m = _RELATIVE.match(raw)
    if m:
        n = _WORDS.get(m["n"]) or int(m["n"])
        unit = (m["unit"] or "d")[0]
        return start + timedelta(days=n * (7 if unit == "w" else 1))
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise DateInputError(f"'{text}' is not a date we understand; type {HELP}") from None


@dataclass(frozen=True, slots=True)
class ScheduledStep:
    """A dated step of the plan."""

    date: date
    action: str
    by: bool

    def describe(self) -> str:
        when = self.date.strftime("%A %d %B %Y")
        return f"{'By' if self.by else 'On'} {when}: {self.action}"


def resolve(rule: DateRule, facts: dict[str, date]) -> ScheduledStep | None:
    """The date a rule gives, or None when the fact it counts from is not known."""
    base = facts.get(rule.of)
    if base is None:
        return None
    day = base + timedelta(days=rule.days)
    avoid = {WEEKDAYS.index(w) for w in rule.avoid}
    if len(avoid) < 7:  # a rule that avoids every day would never end
        while day.weekday() in avoid:
            day += timedelta(days=1)
    return ScheduledStep(day, rule.action, rule.by)


def plan(rules: tuple[DateRule, ...], facts: dict[str, date]) -> list[ScheduledStep]:
    steps = [s for s in (resolve(r, facts) for r in rules) if s is not None]
    return sorted(steps, key=lambda s: s.date)
