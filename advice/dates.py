"""What a person typed -> a date, and a date -> how a person says it.

Our own reader rather than dateparser: measured on this project (issue 16), dateparser
1.5 costs ~60 ms to import and ~120 ms for its first parse, silently reads "5/6" one way
(we must ask back), and puts "16/11" in next year when asked for a future date (a
decision said at an interview on 16 November is this year's). The forms people type
here are few; each is one branch below, tested through the CLI in tests/test_when.py.

`today` is always passed in (from --today or the clock at the edge of the program).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from advice.model import WEEKDAYS

# Patterns as text: `re` compiles each on first use and keeps it, so a start that
# asks no date does not pay for compiling them (~0.5 ms).
_RELATIVE = (
    r"^(?:in\s+)?(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s*"
    r"(?P<unit>days?|weeks?|d|w)?(?:\s+(?P<dir>later|after|ago))?$"
)
# Words people put in front of a date that do not change it ("about a week ago").
_FILLER = r"^(?:about|around|roughly|approximately|on)\s+"
_ISO = r"\d{4}-\d{2}-\d{2}"
_NUMERIC = r"^(?P<a>\d{1,2})\s*[/.]\s*(?P<b>\d{1,2})(?:\s*[/.]\s*(?P<y>\d{2}|\d{4}))?\.?$"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y>\d{4}))?"
_MONTH_FIRST = rf"^(?P<m>[a-z]+)\.?\s+{_DAY}{_YEAR}$"  # "Nov 16", "November 16th, 2026"
_DAY_FIRST = rf"^{_DAY}\s+(?:of\s+)?(?P<m>[a-z]+)\.?{_YEAR}$"  # "16 November", "16 nov"
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
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


class AmbiguousDate(DateInputError):
    """A date that reads two ways ("5/6"): the message asks which one."""


HELP = (
    "a date like 2026-11-20, '16 November', 'Nov 16', 'today', 'yesterday', "
    "a weekday like 'friday', 'next week', 'in 3 days' or 'a week ago'"
)
# For a day that has happened (the interview): no form that is always refused there
# ("next week", "in 3 days" are after today), so the hint never suggests one.
PAST_HELP = (
    "a date like 2026-11-20, '16 November', 'Nov 16', 'today', 'yesterday', "
    "a weekday like 'friday', 'last week', '3 days ago' or 'about a week ago'"
)


def help_for(past: bool) -> str:
    """The forms to suggest for a question whose day has happened (`past`) or not."""
    return PAST_HELP if past else HELP


def long_date(day: date) -> str:
    """'Friday 20 November 2026': how every message names a day."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def parse_date(text: str, today: date, base: date | None = None, past: bool = False) -> date:
    """Read a date as a person would write it.

    `base` is what relative answers count from ("3 days" after the interview; "friday"
    = the first Friday after it); without one they count from today. "ago", "last
    week" and "last friday" always count back from today: they describe the past as
    of now. A day and month without a year: the nearest such day in the right
    direction (see _nearest). `past`: the day has happened (the interview), so "friday"
    is the latest Friday up to today, "3 days" means 3 days ago, and a date after today
    is refused.
    """
    try:
        day = _parse_date(text, today, base, past)
    except DateInputError:
        raise
    except (OverflowError, ValueError):  # "99999999 days", 5000 digits, "tomorrow" in 9999
        raise DateInputError(f"'{text}' is beyond the calendar; type {help_for(past)}") from None
    if past and day > today:
        raise DateInputError(
            f"{long_date(day)} is after today ({long_date(today)}); give the day it happened"
        )
    return day


def _weekday(name: str) -> int | None:
    for i, full in enumerate(WEEKDAYS):
        if name in (full, full[:3]):
            return i
    return None


def _month(name: str) -> int | None:
    for i, full in enumerate(MONTHS, 1):
        if len(name) >= 3 and full.startswith(name):
            return i
    return None


def _parse_date(text: str, today: date, base: date | None, past: bool) -> date:
    raw = " ".join(text.strip().lower().split())
    if len(raw) == 10 and raw.isascii() and raw[4] == raw[7] == "-":
        # YYYY-MM-DD, as every follow-up stores a date and matches no other form below:
        # read at once, without compiling the five patterns (a fifth of what opening a
        # follow-up costs before the first frame). Not a day of the calendar: as below.
        try:
            if (raw[:4] + raw[5:7] + raw[8:]).isdigit():
                return date.fromisoformat(raw)
        except ValueError:
            pass
    raw = re.sub(_FILLER, "", raw)
    start = base or today
    if not raw:
        raise DateInputError(f"no date given; type {help_for(past)}")
    if raw == "today":
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if raw == "tomorrow":
        return today + timedelta(days=1)
    if raw == "last week":
        return today - timedelta(days=7)
    if raw == "next week":  # a week on from the day it counts from
        return start + timedelta(days=7)
    word, _, rest = raw.partition(" ")
    if word in ("last", "next", "this") and _weekday(rest) is not None:
        i = _weekday(rest)
        assert i is not None
        if word == "last":
            return today - timedelta(days=(today.weekday() - i) % 7 or 7)
        return start + timedelta(days=(i - start.weekday()) % 7 or 7)
    i = _weekday(raw)
    if i is not None:
        if past:  # the latest such day up to today
            return today - timedelta(days=(today.weekday() - i) % 7)
        return start + timedelta(days=(i - start.weekday()) % 7 or 7)
    m = re.match(_RELATIVE, raw)
    if m:
        n = _WORDS.get(m["n"]) or int(m["n"])
        span = timedelta(days=n * (7 if (m["unit"] or "d")[0] == "w" else 1))
        back = m["dir"] == "ago" or (past and not raw.startswith("in "))
        return today - span if back else start + span
    day_month = _day_month(raw, text)
    if day_month is not None:
        d, month, year = day_month
        if year is not None:
            return date(year, month, d)
        return _nearest(d, month, today if past else start, past, text)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        # Written as a date but not a day (2025-02-29, 2026-11-31): say so, as "31/02"
        # is told, not that the form is not understood.
        what = "a day of the calendar" if re.fullmatch(_ISO, raw) else "a date we understand"
        raise DateInputError(f"'{text}' is not {what}; type {help_for(past)}") from None


def _day_month(raw: str, text: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) from '16/11', 'Nov 16', '16 November 2026'."""
    m = re.match(_NUMERIC, raw)
    if m:
        a, b = int(m["a"]), int(m["b"])
        year = _year(m["y"])
        if a <= 12 and b <= 12 and a != b:
            one, two = f"{a} {MONTHS[b - 1].title()}", f"{MONTHS[a - 1].title()} {b}"
            raise AmbiguousDate(
                f"'{text.strip()}' could be {one} or {two}; "
                f"type it with the month's name, e.g. '{one}' or '{two}'"
            )
        return (b, a, year) if b > 12 else (a, b, year)  # 11/16 is month first
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        m = re.match(pattern, raw)
        if m:
            month = _month(m["m"])
            if month is None:
                return None
            return int(m["d"]), month, _year(m["y"])
    return None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def _nearest(d: int, month: int, ref: date, past: bool, text: str) -> date:
    """The day and month in the year that fits: in the right direction from `ref` (on
    or before it when `past`, else on or after it) if that is within half a year, else
    the nearest one (so "23 November" typed on 20 November is this year's, and refused
    as after today, not read as a year ago)."""
    found: list[date] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            found.append(date(year, month, d))
        except ValueError:  # 29 February in a year without it
            continue
    if not found:
        raise DateInputError(
            f"'{text.strip()}' is not a day of the calendar; type {help_for(past)}"
        )
    ahead = [f for f in found if (f <= ref if past else f >= ref)]
    if ahead:
        best = max(ahead) if past else min(ahead)
        if abs((best - ref).days) <= 183:
            return best
    return min(found, key=lambda f: abs((f - ref).days))


def spoken(day: date, on_day: date) -> str:
    """How a person says `day` (before `on_day`) in a sentence said on `on_day`:
    'today', 'yesterday', 'on Monday' (earlier the same week), 'last week' (003's
    message: "following up on a meeting you had last week"), else 'on 16 November'."""
    gap = (on_day - day).days
    if gap == 0:
        return "today"
    if gap == 1:
        return "yesterday"
    if 1 < gap < 7 and day.weekday() < on_day.weekday():
        return f"on {day:%A}"
    monday = on_day - timedelta(days=on_day.weekday())
    if monday - timedelta(days=7) <= day < monday:
        return "last week"
    if gap < 0:
        return f"on {day:%A} {day.day} {day:%B}{_year_if_other(day, on_day)}"
    return f"on {day.day} {day:%B}{_year_if_other(day, on_day)}"


def in_text(day: date, on_day: date) -> str:
    """`day` as a ready text writes it on `on_day`: "Monday 16 November", with the
    year when it is not `on_day`'s (an interview of last December, said in January)."""
    return f"{day:%A} {day.day} {day:%B}{_year_if_other(day, on_day)}"


def _year_if_other(day: date, on_day: date) -> str:
    # Without it "on 1 January" said in December reads as this year's, which is false.
    return "" if day.year == on_day.year else f" {day.year}"
