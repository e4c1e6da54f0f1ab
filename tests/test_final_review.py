"""The release fact-check (every path walked for a Wednesday, a Monday and a Friday):
each finding that was fixed has its test here, through the real CLI on the real tree."""

from __future__ import annotations

import subprocess

from advice.model import Tree
from tests.support import ADVICE
from tests.support.walks import TREE, every_path, node, refused

# 003's "Even if they said they would make a decision on Friday, wait until Tuesday to
# follow up." is the sentence a date that skips Saturday and Sunday rests on.
TUESDAY = "Even if they said they would make a decision on Friday, wait until Tuesday"


def test_every_date_that_skips_the_weekend_says_why_and_that_it_is_our_reading(
    shipped_tree: Tree,
) -> None:
    # one-more-message skipped the weekend with no word that this is our reading, and it
    # and call-in-a-week gave only the Monday sentence under "why" for that rule.
    checked = set()
    for answers in every_path(shipped_tree):
        for today in ("2026-11-30", "2026-12-04"):  # a Monday, a Friday
            found = node(today, *answers)
            for date in found["why"]["dates"]:
                if "Saturday, Sunday" not in date["rule"]:
                    continue
                checked.add(found["id"])
                quotes = [c["quote"] for c in date["because"]]
                assert any(q.startswith(TUESDAY) for q in quotes), (found["id"], quotes)
                assert "Saturday and Sunday" in (found["our_reading"] or ""), found["id"]
    assert {"one-more-message", "call-in-a-week", "call-after-decision"} <= checked


def test_a_passed_decision_day_before_the_interview_is_refused() -> None:
    # On "that day has passed", the decision day was taken even if it came before the
    # interview (and the call was then planned from it), as decision-date does not.
    error = refused("2026-12-02", "decision-passed", "call", "2026-11-25", "2026-11-20")
    assert "Friday 20 November 2026 is before the interview" in error
    ok = node("2026-12-02", "decision-passed", "call", "2026-11-25", "yesterday")
    assert ok["schedule"][0]["date"] == "2026-12-02"


def test_a_calendar_event_for_a_passed_day_says_so_in_its_title() -> None:
    # A calendar shows an event's title (SUMMARY) on the day: "Send your handwritten
    # thank-you card" on a day already gone read as a step still to do.
    from icalendar import Calendar

    def summary(*answers: str) -> str:
        args = [a for value in answers for a in ("--answer", value)]
        out = subprocess.run(
            [ADVICE, "export", TREE, *args, "--today", "2026-12-02", "--format", "ics"],
            capture_output=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
        [event] = Calendar.from_ical(out.stdout).walk("VEVENT")
        return str(event["summary"])

    late = summary("just-interviewed", "2026-11-25", "handwritten")
    assert late == "Passed: Send your handwritten thank-you card"
    on_time = summary("just-interviewed", "yesterday", "handwritten")
    assert on_time == "Send your handwritten thank-you card"
    moved = summary("want-to-call", "call", "2026-11-20", "gave-time", "2026-11-23")
    assert not moved.startswith("Passed")  # moved to a day to come: still to do


def test_a_decision_they_gave_in_their_reply_is_not_before_the_interview() -> None:
    # "They told me when they'll decide" took a decision day before the interview (and
    # planned the call from it); '3 days' still counts from today, the day of the reply.
    error = refused("2026-12-02", "replied", "gave-timeline", "2026-11-25", "2026-11-20")
    assert "Friday 20 November 2026 is before the interview" in error
    later = node("2026-12-02", "replied", "gave-timeline", "2026-11-25", "3 days")
    assert later["schedule"][0]["date"] == "2026-12-08"  # Sat 5 -> Tue 8, not from the 25th
