"""Why this step: the answers that led here, each date's rule with the sentences it
comes from, and the quotes. One model every front end shows (`walk --json`'s "why",
the plain walk, the app's "Why this step" dialog), so they cannot tell it differently.
"""

from __future__ import annotations

from datetime import date

import msgspec

from advice.dates import long_date
from advice.model import Citation, DateRule, Recommendation
from advice.schedule import ScheduledStep
from advice.session import Session, Step


class DateReason(msgspec.Struct, frozen=True):
    """One dated step and why it falls where it does."""

    step: ScheduledStep
    rule: str  # the rule in words: "1 day after the interview (Monday 16 ...)"
    because: tuple[Citation, ...]  # the articles' sentences the rule comes from


class Why(msgspec.Struct, frozen=True):
    answers: list[Step]
    dates: list[DateReason]
    quotes: tuple[Citation, ...]


def _days(n: int, working: bool) -> str:
    unit = "working day" if working else "day"
    return f"{n} {unit}{'' if n == 1 else 's'}"


def _listed(names: tuple[str, ...]) -> str:
    words = [n.title() for n in names]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def rule_text(rule: DateRule, facts: dict[str, date]) -> str:
    """A date rule in words, with the day it counts from."""
    base = facts.get(rule.of)
    what = "today" if rule.of == "today" else f"the {rule.of.replace('_', ' ')}"
    if base is not None and rule.of != "today":
        what = f"{what} ({long_date(base)})"
    when = f"{_days(rule.days, rule.working_days)} after {what}" if rule.days else what
    parts = [f"No later than {when}" if rule.by else when[0].upper() + when[1:]]
    if rule.avoid:
        parts.append(f"not on a {_listed(rule.avoid)}")
    text = ", ".join(parts)
    if rule.of == "today" and rule.days >= 0:
        return f"{text}."  # a day counted from today cannot have passed
    if rule.late == "move":
        return f"{text}. If that day has passed, the first day from today the rule allows."
    return f"{text}. If that day has passed, it is not moved: the step says so."


def explain(session: Session) -> Why | None:
    """Why the recommendation on screen; None when the walk is at a question."""
    node = session.current
    if not isinstance(node, Recommendation):
        return None
    facts = session.facts()
    dates = [
        DateReason(s, rule_text(node.schedule[s.step], facts), node.schedule[s.step].because)
        for s in session.schedule()
    ]
    return Why(session.transcript(), dates, node.citations)
