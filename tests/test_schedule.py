from __future__ import annotations

from datetime import date

import pytest

from advice.model import DateRule
from advice.render import fill, placeholders_in
from advice.schedule import DateInputError, parse_date, resolve

FRI = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "base", "want"),
    [
        ("2026-11-02", None, date(2026, 11, 2)),
        ("today", None, FRI),
        ("Yesterday", None, date(2026, 11, 19)),
        ("friday", None, date(2026, 11, 27)),  # the next Friday, not today
        ("tue", None, date(2026, 11, 24)),
        ("3 days", date(2026, 11, 19), date(2026, 11, 22)),
        ("in 3 days", None, date(2026, 11, 23)),
        ("a week", date(2026, 12, 28), date(2027, 1, 4)),  # over the year end
        ("2 weeks", date(2026, 1, 31), date(2026, 2, 14)),
    ],
)
def test_parse_date(text: str, base: date | None, want: date) -> None:
    assert parse_date(text, FRI, base) == want


@pytest.mark.parametrize("text", ["", "soon", "2026-13-01", "32 november"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(DateInputError):
        parse_date(text, FRI)


NOT_MON = ("saturday", "sunday", "monday")


@pytest.mark.parametrize(
    ("base", "days", "avoid", "want"),
    [
        (date(2026, 11, 19), 1, (), date(2026, 11, 20)),  # within a day
        (date(2026, 11, 22), 1, NOT_MON, date(2026, 11, 24)),  # day four lands on Monday
        (date(2026, 11, 27), 1, NOT_MON, date(2026, 12, 1)),  # decision Friday -> Tuesday
        (date(2026, 12, 31), 1, (), date(2027, 1, 1)),  # year end
        (date(2026, 2, 28), 1, (), date(2026, 3, 1)),  # month end
        (date(2026, 12, 26), 7, NOT_MON, date(2027, 1, 5)),  # a week on, off a Monday
    ],
)
def test_rules(base: date, days: int, avoid: tuple, want: date) -> None:
    rule = DateRule(action="x", of="interview", days=days, avoid=avoid)
    step = resolve(rule, {"interview": base})
    assert step is not None and step.date == want


def test_rule_without_its_fact_gives_no_date() -> None:
    assert resolve(DateRule(action="x", of="decision"), {"today": FRI}) is None


def test_fill_marks_missing_and_never_formats() -> None:
    text = "Dear {interviewer}, {{literal}} {missing} {0.__class__} [b]x[/b]"
    out = fill(text, {"interviewer": "Ms [Lee]"}, {"missing": "Something in common"})
    assert out == "Dear Ms [Lee], {literal} [Something in common] {0.__class__} [b]x[/b]"
    assert placeholders_in(text) == ["interviewer", "missing"]
