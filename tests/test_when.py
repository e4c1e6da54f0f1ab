"""Dates that are right for the person today, and ready texts that say them truly
(issue 16, points 3 and 4): through the real `advice walk ... --today ... --json`, on
the shipped tree, around real calendar cases.

November 2026: Mon 16, Fri 20, Sat 21, Mon 23, Tue 24, Fri 27; Tue 1 December.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from tests.support import ADVICE
from tests.support.walks import TREE, node, refused
from tests.support.walks import walk_on as walk

CALL = ["want-to-call", "call"]  # then the interview date
THANKS = ["just-interviewed"]  # then the interview date and the channel


# -- point 3: a day that has passed is never left "(already passed)" -------------------


def test_a_thank_you_four_days_late_says_the_day_passed_and_what_the_articles_say() -> None:
    # Interview Monday 16, today Friday 20: "within a day" was Tuesday 17.
    n = node("2026-11-20", *THANKS, "2026-11-16", "email")
    [step] = n["schedule"]
    assert (step["date"], step["past"], step["planned"]) == ("2026-11-17", True, "2026-11-17")
    assert "That day has passed" in step["late_note"]
    note = step["late_note"]
    assert "None of the four articles says what to do once that day has gone" in note


def test_a_call_whose_day_passed_moves_to_the_next_day_the_rule_allows() -> None:
    # Decision Friday 13 -> the rule's call day is Tuesday 17; today is Saturday 21, so
    # the call moves past the weekend and Monday 23 to Tuesday 24.
    n = node("2026-11-21", *CALL, "2026-11-09", "gave-time", "2026-11-13")
    [step] = n["schedule"]
    assert (step["date"], step["planned"], step["past"]) == ("2026-11-24", "2026-11-17", False)


def test_a_call_due_today_is_today() -> None:
    # The same decision, read on Friday 20: Friday is a day the rule allows.
    [step] = node("2026-11-20", *CALL, "2026-11-09", "gave-time", "2026-11-13")["schedule"]
    assert (step["date"], step["planned"]) == ("2026-11-20", "2026-11-17")


def test_a_friday_decision_calls_on_tuesday_over_the_month_end() -> None:
    # 003: "decision on Friday, wait until Tuesday": Friday 27 November -> 1 December.
    [step] = node("2026-11-23", *CALL, "today", "gave-time", "friday")["schedule"]
    assert (step["date"], step["planned"]) == ("2026-12-01", None)


def test_no_timeframe_long_ago_calls_from_today_not_in_the_past() -> None:
    # Interview Monday 2 November, no timeframe, today Monday 23: not a Monday -> Tuesday.
    [step] = node("2026-11-23", *CALL, "2026-11-02", "no-timeframe")["schedule"]
    assert (step["date"], step["planned"], step["past"]) == ("2026-11-24", "2026-11-10", False)


def test_singer_emails_are_dated_from_the_interview() -> None:
    # "Email them if a week passes", the day after the interview: a date, not now.
    n = node("2026-11-20", "waiting", "emails", "yesterday")
    assert n["id"] == "email-hiring-manager"
    [step] = n["schedule"]
    assert (step["date"], step["planned"]) == ("2026-11-26", None)
    # Ten days on with no word, the step is due today.
    [late] = node("2026-11-20", "no-word", "10 days ago", "nothing-yet")["schedule"]
    assert (late["date"], late["planned"], late["past"]) == ("2026-11-20", "2026-11-17", False)


# -- point 3: impossible answers are refused -------------------------------------------


def test_a_decision_before_the_interview_is_refused() -> None:
    message = refused("2026-11-20", *CALL, "2026-11-16", "gave-time", "2026-11-13")
    assert "before the interview (Monday 16 November 2026)" in message


def test_an_interview_in_the_future_is_refused() -> None:
    message = refused("2026-11-20", *THANKS, "2026-11-23")
    assert "Monday 23 November 2026 is after today" in message


# -- point 3: dates as people type them ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "want"),
    [
        ("16/11", "2026-11-16"),
        ("Nov 16", "2026-11-16"),
        ("16 November", "2026-11-16"),
        ("November 16th", "2026-11-16"),
        ("last week", "2026-11-13"),
        ("last monday", "2026-11-16"),
    ],
)
def test_interview_dates_as_people_type_them(typed: str, want: str) -> None:
    out = walk("2026-11-20", *THANKS, typed, "email")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["path"][1]["answer_id"] == want


def test_a_day_without_a_year_is_read_over_the_year_end() -> None:
    # Monday 4 January 2027: the interview on "28 December" was last year's.
    out = walk("2027-01-04", *THANKS, "28 December", "email")
    assert json.loads(out.stdout)["path"][1]["answer_id"] == "2026-12-28"
    # A decision "on 5 January" said at an interview on 28 December: next year's.
    [step] = node("2027-01-04", *CALL, "28 Dec", "gave-time", "5 January")["schedule"]
    assert step["date"] == "2027-01-06"


def test_a_day_just_ahead_is_refused_not_read_as_last_year() -> None:
    message = refused("2026-11-20", *THANKS, "23 November")
    assert "Monday 23 November 2026 is after today" in message


@pytest.mark.parametrize(
    ("typed", "call_on"),
    [
        # The decision counts from the interview (Monday 16), forwards.
        ("next friday", "2026-11-24"),  # Friday 20 -> Tuesday 24
        ("in 3 days", "2026-11-20"),  # Thursday 19 -> "call on day four"
        ("next week", "2026-11-24"),  # Monday 23 -> Tuesday 24
        ("18/11", "2026-11-19"),  # Wednesday 18 -> Thursday 19
        ("Nov 30", "2026-12-01"),  # a Monday's decision -> Tuesday, December
    ],
)
def test_decision_dates_count_forward_from_the_interview(typed: str, call_on: str) -> None:
    [step] = node("2026-11-16", *CALL, "today", "gave-time", typed)["schedule"]
    assert step["date"] == call_on


def test_a_bad_interview_date_suggests_only_days_that_happened() -> None:
    # 'next week' and 'in 3 days' are always after today for the interview: refused.
    line = refused("2026-11-20", *THANKS, "soonish")
    assert "'last week', '3 days ago' or 'about a week ago'" in line
    assert "next week" not in line and "in 3 days" not in line
    # A decision is a day to come: there they are what to type.
    assert "'next week', 'in 3 days'" in refused("2026-11-20", *CALL, "16/11", "gave-time", "?")


@pytest.mark.parametrize("typed", ["2025-02-29", "2026-11-31", "31/02"])
def test_a_day_not_on_the_calendar_is_called_that(typed: str) -> None:
    # "2025-02-29" was "not a date we understand", though written as one.
    assert f"'{typed}' is not a day of the calendar" in refused("2026-11-20", *THANKS, typed)


def test_an_ambiguous_date_is_asked_back() -> None:
    message = refused("2026-11-20", *THANKS, "5/6", "email")
    assert "could be 5 June or May 6" in message


# -- point 4: ready texts that are true ------------------------------------------------


def texts(n: dict[str, Any]) -> dict[str, str]:
    return {t["kind"]: t["text"] for t in n["templates"]}


@pytest.mark.parametrize(
    ("interview", "today", "said"),
    [
        ("2026-11-16", "2026-11-20", "on Monday"),  # earlier the same week
        ("2026-11-13", "2026-11-17", "last week"),  # 003's words, when they are true
        ("2026-11-19", "2026-11-20", "yesterday"),
        ("2026-10-30", "2026-11-20", "on 30 October"),
    ],
)
def test_the_message_says_when_the_meeting_was(interview: str, today: str, said: str) -> None:
    n = node(today, "no-call-back", "one-message", interview)
    message = texts(n)["message-for-a-person"]
    assert f"I'm following up on a meeting we had {said}." in message


def test_a_date_of_another_year_says_its_year() -> None:
    # An interview of 20 December 2025 written in January 2026: "on 20 December" alone
    # would read as this year's, a day still to come.
    n = node("2026-01-07", "no-word", "2025-12-20", "nothing-yet")
    email = texts(n)["hiring-manager-email"]
    assert "interview on Saturday 20 December 2025" in email
    message = texts(node("2026-01-07", "no-call-back", "one-message", "2025-12-20"))
    assert "a meeting we had on 20 December 2025." in message["message-for-a-person"]
    # The same year needs none.
    same_year = node("2026-11-23", "no-word", "2026-11-16", "nothing-yet")
    assert "interview on Monday 16 November\n" in texts(same_year)["hiring-manager-email"]


def test_the_message_is_said_on_the_day_of_the_call() -> None:
    # Interview Monday 16, call moved to Tuesday 24: by then it was last week.
    n = node("2026-11-16", *CALL, "today", "gave-time", "friday")
    assert "a meeting we had last week." in texts(n)["message-for-a-person"]


def test_no_interview_date_is_left_to_fill_where_the_walk_asks_it() -> None:
    for answers in (
        ["no-word", "about a week ago", "nothing-yet"],
        ["no-word", "about a week ago", "emailed-manager"],
        ["no-call-back", "one-message", "last week"],
        [*THANKS, "today", "handwritten"],
        [*CALL, "today", "no-timeframe"],
    ):
        for kind, text in texts(node("2026-11-20", *answers)).items():
            assert "[Date of the interview]" not in text, (answers, kind)
            assert "[When the interview was" not in text, (answers, kind)


def test_emails_have_a_subject_and_say_no_phrase_twice() -> None:
    emails = {
        **texts(node("2026-11-20", *THANKS, "today", "email")),
        **texts(node("2026-11-20", "no-word", "about a week ago", "nothing-yet")),
        **texts(node("2026-11-20", "no-word", "about a week ago", "emailed-manager")),
    }
    assert set(emails) == {"thank-you-email", "hiring-manager-email", "recruiter-email"}
    for kind, text in emails.items():
        assert text.startswith("Subject: "), kind
        assert text.count("[Position] position") <= 1, kind


def test_the_recruiter_email_asks_what_singers_step_two_asks() -> None:
    text = texts(node("2026-11-20", "no-word", "about a week ago", "emailed-manager"))[
        "recruiter-email"
    ]
    # Step Two: when they believe a decision will be made; anything else you can provide.
    assert "when you believe a decision will be made?" in text
    assert "anything else I can provide that may help you in your hiring decision?" in text
    assert "Thank you for your time and consideration." in text


def test_a_filled_in_date_never_overrides_the_answered_one() -> None:
    fill = ["--fill", "interview_date=1 January", "--fill", "interview_when=in January"]
    answers = ["--answer", "just-interviewed", "--answer", "2026-11-16", "--answer", "mail"]
    out = subprocess.run(
        [ADVICE, "walk", TREE, *answers, *fill, "--today", "2026-11-20", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    text = json.loads(out.stdout)["node"]["templates"][0]["text"]
    assert "Thank you for your time on Monday;" in text
    assert "January" not in text


def test_the_plain_walk_refuses_a_decision_before_the_interview() -> None:
    # Calling, interview 16/11, a timeframe, decision 13/11: refused, asked again, then
    # Friday 20 is taken. (The prompt takes answer ids as well as numbers.)
    out = subprocess.run(
        [ADVICE, "walk", TREE, "--today", "2026-11-20"],
        input="want-to-call\ncall\n16/11\ngave-time\n13/11\n20/11\n\n\n\n\n\n\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "Sorry: Friday 13 November 2026 is before the interview" in out.stdout
    assert "On 2026-11-24 (Tuesday): Call to follow up" in out.stdout


# -- point 7: why this step ------------------------------------------------------------


def test_walk_json_says_why_this_step() -> None:
    n = node("2026-11-21", *CALL, "2026-11-09", "gave-time", "2026-11-13")
    why = n["why"]
    assert [a["answer"] for a in why["answers"]] == [
        "I'm thinking of calling them",
        "Yes, I'll call",
        "Monday 9 November 2026",
        "Yes, they gave a day or a number of days",
        "Friday 13 November 2026",
    ]
    [date] = why["dates"]
    assert (date["date"], date["planned"]) == ("2026-11-24", "2026-11-17")
    assert date["rule"].startswith(
        "1 day after the decision (Friday 13 November 2026), not on a Saturday, Sunday or "
        "Monday. If that day has passed, the first day from today the rule allows."
    )
    sentences = [c["quote"] for c in date["because"]]
    assert any("If they said that they will make a decision in three days" in q for q in sentences)
    assert {c["source"] for c in date["because"]} == {"community-post"}
    assert why["quotes"] == n["citations"]


def test_every_path_says_why_dates_each_rule_and_never_leaves_the_date_to_fill() -> None:
    """Every path of `advice paths`, with 16 November for each date asked (the interview
    and, counted from it, the decision), read on Friday 20."""
    out = subprocess.run(
        [ADVICE, "paths", TREE, "--json"], capture_output=True, text=True, timeout=60
    )
    paths = json.loads(out.stdout)
    assert len(paths) > 10
    for p in paths:
        n = node("2026-11-20", *(a or "2026-11-16" for a in p["answers"]))
        assert n["id"] == p["end"]
        assert n["why"]["quotes"] == n["citations"], n["id"]
        assert [d["date"] for d in n["why"]["dates"]] == [s["date"] for s in n["schedule"]]
        for d in n["why"]["dates"]:
            assert d["rule"] and d["because"], (n["id"], d)
        for s in n["schedule"]:
            assert s["date"] >= "2026-11-20" or (s["past"] and s["late_note"]), (n["id"], s)
        for t in n["templates"]:
            assert "[Date of the interview]" not in t["text"], (n["id"], t["kind"])
            assert "[When the interview was]" not in t["text"], (n["id"], t["kind"])


def test_the_plain_walk_says_why_this_step() -> None:
    out = subprocess.run(
        [ADVICE, "walk", TREE, "--today", "2026-11-20"],
        input="1\n16/11\n3\n\n\n\n\n\n\n\n\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    why = out.stdout.split("Why this step:", 1)[1]
    assert "What day was the interview? Monday 16 November 2026" in why
    assert "Rule: No later than 1 day after the interview (Monday 16 November 2026)." in why
    assert '"It’s important to do this within a day of the interview."' in why
    # The step's quotes are printed once, under For this step, not again here.
    assert "The quotes: above, under For this step." in why


def test_the_calendar_says_a_day_has_passed_or_moved() -> None:
    from icalendar import Calendar

    def description(*answers: str) -> str:
        args = [a for value in answers for a in ("--answer", value)]
        out = subprocess.run(
            [ADVICE, "export", TREE, *args, "--today", "2026-11-21", "--format", "ics"],
            capture_output=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
        [event] = Calendar.from_ical(out.stdout).walk("VEVENT")
        return str(event["description"])

    passed = description(*THANKS, "2026-11-16", "email")
    assert "which has passed" in passed and "None of the four articles says" in passed
    moved = description(*CALL, "2026-11-09", "gave-time", "2026-11-13")
    assert "Moved: the rule's day, Tuesday 17 November 2026, has passed" in moved
