from __future__ import annotations

from datetime import date

import pytest

from advice.dates import DateInputError, parse_date
from advice.loader import load_text
from advice.model import WEEKDAYS, DateRule, Recommendation, Tree
from advice.schedule import add_working_days, plan, resolve
from advice.texts import fill, placeholders_in

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
        ("on friday", None, date(2026, 11, 27)),
        ("next  tuesday", date(2026, 12, 30), date(2027, 1, 5)),
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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("about a week ago", date(2026, 11, 13)),  # Singer's "about a week ago"
        ("3 days ago", date(2026, 11, 17)),
        ("two weeks ago", date(2026, 11, 6)),
        ("last friday", date(2026, 11, 13)),  # today is a Friday: the one before
        ("last Mon", date(2026, 11, 16)),
    ],
)
def test_parse_date_past_and_filler_words(text: str, want: date) -> None:
    # `base` is ignored by "ago"/"last": they describe the past as of today.
    assert parse_date(text, FRI, base=date(2026, 1, 1)) == want


def test_ago_over_the_year_and_month_end() -> None:
    assert parse_date("a week ago", date(2027, 1, 3)) == date(2026, 12, 27)
    assert parse_date("2 days ago", date(2026, 3, 1)) == date(2026, 2, 27)


@pytest.mark.parametrize(
    ("start", "days", "want"),
    [
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday + 1 working day = Monday
        (date(2026, 11, 19), 3, date(2026, 11, 24)),  # Thursday + 3 = Tuesday
        (date(2026, 11, 21), 0, date(2026, 11, 23)),  # Saturday, same day -> Monday
        (date(2026, 11, 22), 1, date(2026, 11, 24)),  # Sunday counts from Monday
        (date(2026, 12, 31), 2, date(2027, 1, 4)),  # year end: Thu -> Fri, Mon
        (date(2026, 2, 27), 1, date(2026, 3, 2)),  # month end on a Friday
        (date(2026, 11, 16), 5, date(2026, 11, 23)),  # a working week
    ],
)
def test_working_days(start: date, days: int, want: date) -> None:
    assert add_working_days(start, days) == want
    rule = DateRule(action="x", of="d", days=days, working_days=True)
    step = resolve(rule, {"d": start})
    assert step is not None and step.date == want and step.date.weekday() < 5


def test_working_days_then_not_on_monday() -> None:
    # Friday + 1 working day is a Monday, which the community post says to avoid.
    rule = DateRule(action="x", of="d", days=1, working_days=True, avoid=("monday",))
    step = resolve(rule, {"d": FRI})
    assert step is not None and step.date == date(2026, 11, 24)


def test_a_rule_avoiding_every_day_still_ends() -> None:
    rule = DateRule(action="x", of="d", days=1, avoid=WEEKDAYS)
    step = resolve(rule, {"d": FRI})
    assert step is not None and step.date == date(2026, 11, 21)


def test_plan_sorts_by_date_and_keeps_each_rules_position() -> None:
    rules = (
        DateRule(action="late", of="d", days=7),
        DateRule(action="unknown fact", of="nope"),
        DateRule(action="early", of="d", days=1),
    )
    steps = plan(rules, {"d": FRI})
    assert [(s.action, s.step) for s in steps] == [("early", 2), ("late", 0)]


def test_working_days_is_read_from_yaml_and_must_be_true_or_false() -> None:
    tree = """
id: t
title: T
start: d
nodes:
  d: {question: When?, input: date, fact: d, goto: r}
  r:
    recommend: R
    text: T
    because: [{source: barnes-call, quote: q}]
    when: [{action: Call, of: d, days: 2, working_days: WD}]
"""
    good = load_text(tree.replace("WD", "true"), "t.yaml", Tree)
    assert good.diagnostics == []
    rec = good.value.nodes["r"]
    assert isinstance(rec, Recommendation) and rec.schedule[0].working_days is True
    bad = load_text(tree.replace("WD", "yes"), "t.yaml", Tree)  # `yes` stays a string
    assert [d.code for d in bad.diagnostics] == ["ADV004"]


def test_fill_is_one_pass_and_values_are_never_read_as_markup_or_format() -> None:
    labels = {"interviewer": "Interviewer's name", "company": "Company"}
    values = {
        "interviewer": "{company} {0.__class__.__mro__} [bold]x[/bold] [@click=app.quit]",
        "company": "Acme {name}",
    }
    out = fill("Dear {interviewer} of {company}; {name}", values, labels)
    # A value is inserted as it is: its braces are not filled again, brackets stay.
    assert out == (
        "Dear {company} {0.__class__.__mro__} [bold]x[/bold] [@click=app.quit] of "
        "Acme {name}; [name]"
    )


def test_fill_treats_blank_values_as_unfilled() -> None:
    assert fill("Hi {interviewer}", {"interviewer": "  "}, {"interviewer": "Name"}) == "Hi [Name]"


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("99999999 days", date(2026, 11, 20)),
        ("9" * 5000 + " days", date(2026, 11, 20)),
        ("tomorrow", date.max),
        ("friday", date.max),
        ("yesterday", date.min),
    ],
)
def test_dates_beyond_the_calendar_are_a_clear_input_error(text: str, today: date) -> None:
    with pytest.raises(DateInputError, match="beyond the calendar"):
        parse_date(text, today)


def test_a_rule_past_the_calendar_gives_no_date_instead_of_crashing() -> None:
    rule = DateRule(action="Call", of="interview", days=10**9)
    assert resolve(rule, {"interview": date(2026, 11, 20)}) is None
    near_end = DateRule(action="Call", of="interview", days=1, avoid=("friday", "saturday"))
    assert resolve(near_end, {"interview": date(9999, 12, 30)}) is None
    working = DateRule(action="Call", of="interview", days=10**8, working_days=True)
    assert resolve(working, {"interview": date(2026, 11, 20)}) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("monday", date(2026, 11, 16)),  # the last Monday, not next week's
        ("friday", FRI),  # today is a Friday: the interview was today
        ("3 days", date(2026, 11, 17)),  # three days ago
        ("a week", date(2026, 11, 13)),
        ("today", FRI),
        ("2026-11-02", date(2026, 11, 2)),
    ],
)
def test_a_day_that_has_happened_counts_back(text: str, want: date) -> None:
    assert parse_date(text, FRI, past=True) == want


@pytest.mark.parametrize("text", ["tomorrow", "2026-12-25", "in 3 days"])
def test_a_day_that_has_happened_cannot_be_after_today(text: str) -> None:
    with pytest.raises(DateInputError, match="is after today"):
        parse_date(text, FRI, past=True)
