"""`advice export` through the real console script: Markdown, iCalendar, JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from advice.check import check_file
from advice.export import to_ics, to_markdown
from advice.library import shipped_dir
from advice.session import Session
from advice.summary import session_json
from tests.plan_support import THREE_DAYS, TODAY, TREE, answers, run

THANK_YOU = ["just-interviewed", "2026-11-19", "Ada Lovelace"]


def export(*args: str) -> str:
    out = run("export", str(TREE), "--today", TODAY, *args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def plan_data(values: list[str], today: date = date(2026, 11, 20)) -> dict[str, Any]:
    """The walk --json object, built in-process (engine tests need no subprocess)."""
    result = check_file(TREE)
    assert result.tree is not None and result.ok()
    return session_json(Session.replay(result.tree, values, today), result.sources)


def test_the_issue_dates_three_days_and_friday() -> None:
    # Through the CLI once, as the issue asks: "call on day four", off a Monday.
    out = run("walk", str(TREE), *answers(THREE_DAYS), "--today", TODAY, "--json")
    assert json.loads(out.stdout)["node"]["schedule"][0]["date"] == "2026-11-24"
    # "They said Friday": the Tuesday after.
    friday = plan_data([*THREE_DAYS[:3], "friday"])
    assert friday["node"]["schedule"][0]["date"] == "2026-11-24"
    # Interview Monday + three days = Thursday: day four is a Friday and stays; the
    # second message is three working days after Thursday: Tuesday.
    monday = plan_data(["waiting", "2026-11-16", "gave-date", "3 days"])
    assert [s["date"] for s in monday["node"]["schedule"]] == ["2026-11-20", "2026-11-24"]


def test_ics_parses_with_one_all_day_event_per_dated_step(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    out = run("export", str(TREE), *answers(THREE_DAYS), "--today", TODAY, "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    cal = Calendar.from_ical(target.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == len(plan_data(THREE_DAYS)["node"]["schedule"]) == 2
    got = [(e.decoded("dtstart"), str(e["summary"])) for e in events]
    assert got == [
        (date(2026, 11, 24), "Call them"),  # decision Sunday 22nd: day four is a Monday
        (date(2026, 11, 26), "Leave at most a second message"),  # 3 working days on
    ]
    for e in events:
        start = e.decoded("dtstart")
        assert type(start) is date  # all-day: a DATE, not a DATE-TIME
        assert (e.decoded("dtend") - start).days == 1
        assert e.decoded("dtstamp") == datetime.fromisoformat("2026-11-20T00:00:00+00:00")
        description = str(e["description"])
        assert "Call the day after their timeframe, not on a Monday" in description
        assert "call on day four." in description and "the community post" in description
    assert len({str(e["uid"]) for e in events}) == 2


def test_ics_uids_are_stable_and_the_file_reproducible() -> None:
    first = to_ics(plan_data(THREE_DAYS))
    assert to_ics(plan_data(THREE_DAYS)) == first  # byte for byte
    # Another day, other dates: the same UIDs, so a re-import updates the events.
    later = to_ics(plan_data(THREE_DAYS, date(2026, 11, 21)))
    uids = [str(e["uid"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert [str(e["uid"]) for e in Calendar.from_ical(later).walk("VEVENT")] == uids
    other = to_ics(plan_data(["waiting", "2026-11-19", "no-date"]))
    assert not set(uids) & {str(e["uid"]) for e in Calendar.from_ical(other).walk("VEVENT")}


def test_ics_without_dated_steps_is_one_clear_error() -> None:
    out = run("export", str(TREE), "--answer", "waiting", "--today", TODAY, "--format", "ics")
    assert out.returncode == 1
    assert (
        out.stderr.strip() == "advice: nothing to put in a calendar: a question has no dated steps"
    )


def test_markdown_has_dates_texts_quotes_authors_and_disagreements() -> None:
    md = export(*answers(THANK_YOU), "--fill", "company=Acme & Co {x}", "--format", "md")
    assert md.startswith("# Send a thank-you note within a day\n")
    assert "- By 2026-11-20 (Friday): Send your thank-you note" in md
    assert "> It’s important to do this within a day of the interview." in md
    assert "> — A. Harrison Barnes, founder and professional career coach" in md
    assert "## Where the sources disagree: The community post would also call." in md
    assert "> A follow up phone call is one of the most useful" in md
    # The text: the typed name and --fill used, the rest visibly marked.
    assert "Dear [Interviewer's name],\nThank you for meeting me at Acme & Co {x}." in md
    assert "Sincerely,\nAda Lovelace\n```" in md
    assert "Fill in the parts in [brackets]" in md
    assert "- What is your name? **Ada Lovelace**" in md


def test_markdown_is_the_default_and_goes_to_stdout() -> None:
    assert export(*answers(THANK_YOU)) == export(*answers(THANK_YOU), "--format", "md")


def test_json_export_equals_walk_json() -> None:
    args = [*answers(THANK_YOU), "--fill", "interviewer=Ms Lee", "--today", TODAY]
    walk = run("walk", str(TREE), *args, "--json")
    exported = run("export", str(TREE), *args, "--format", "json")
    assert walk.returncode == exported.returncode == 0
    assert exported.stdout == walk.stdout
    assert json.loads(walk.stdout)["node"]["templates"][0]["missing"] == ["company"]


def test_format_follows_the_output_suffix(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    assert run("export", str(TREE), *answers(THANK_YOU), "-o", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["tree"] == "plan-fixture"


def test_a_failed_write_is_one_line_and_leaves_no_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    out = run("export", str(TREE), *answers(THANK_YOU), "-o", str(blocker / "plan.md"))
    assert out.returncode == 1
    assert out.stderr.startswith(f"advice: could not write {blocker / 'plan.md'}")
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert blocker.read_text(encoding="utf-8") == "x"


def test_usage_errors() -> None:
    assert run("export").returncode == 2
    assert run("export", str(TREE), "--format", "pdf").returncode == 2
    bad = run("export", str(TREE), "--answer", "nope")
    assert bad.returncode == 1 and "valid: just-interviewed, waiting" in bad.stderr


def test_shipped_tree_exports_every_example_in_every_format(tmp_path: Path) -> None:
    # Generic on purpose: the shipped tree's content changes; its examples say the paths.
    path = shipped_dir() / "interview-follow-up.yaml"
    tree = check_file(path).tree
    assert tree is not None and tree.examples
    ex = tree.examples[0]
    args = ["export", "interview-follow-up", *answers(list(ex.answers)), "--today", TODAY]
    md = run(*args, "--format", "md")
    assert md.returncode == 0, md.stderr
    data = json.loads(run(*args, "--format", "json").stdout)
    assert data["node"]["id"] == ex.expect
    assert all(c["quote"] in md.stdout for c in data["node"]["citations"])
    ics = run(*args, "--format", "ics")
    if data["node"]["schedule"]:
        events = Calendar.from_ical(ics.stdout).walk("VEVENT")
        assert len(events) == len(data["node"]["schedule"])
    else:
        assert ics.returncode == 1


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_export_of_an_unfinished_walk_says_where_it_stopped(fmt: str) -> None:
    out = export("--answer", "waiting", "--format", fmt)
    assert "What day was the interview?" in out


def test_a_date_already_gone_is_marked_not_hidden() -> None:
    # Interviewed ten days ago: the thank-you deadline has passed; the plan says so.
    data = plan_data(["just-interviewed", "2026-11-10", "Ada"])
    [step] = data["node"]["schedule"]
    assert (step["date"], step["past"]) == ("2026-11-11", True)
    assert "- By 2026-11-11 (Wednesday), which has passed: Send your thank-you note" in (
        to_markdown(data)
    )
    assert (
        plan_data(["just-interviewed", "2026-11-19", "Ada"])["node"]["schedule"][0]["past"] is False
    )
