"""`advice export` through the real console script: Markdown, iCalendar, JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from advice.check import check_file
from advice.export import to_ics, to_markdown
from advice.library import shipped_dir
from advice.session import Session
from advice.view import RecommendationView, StepView, WalkView, walk_view
from tests.support import answers, run
from tests.support.plan import THREE_DAYS, TREE
from tests.support.plan import TODAY_ARG as TODAY

THANK_YOU = ["just-interviewed", "2026-11-19", "Ada Lovelace"]


def export(*args: str) -> str:
    out = run("export", str(TREE), "--today", TODAY, *args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def plan_data(values: list[str], today: date = date(2026, 11, 20)) -> WalkView:
    """The walk --json view, built in-process (engine tests need no subprocess)."""
    result = check_file(TREE)
    assert result.tree is not None and result.ok()
    return walk_view(Session.replay(result.tree, values, today), result.sources)


def plan_steps(values: list[str]) -> tuple[StepView, ...]:
    """The dated steps the answers lead to (they must end at a recommendation)."""
    node = plan_data(values).node
    assert isinstance(node, RecommendationView)
    return node.schedule


def test_the_issue_dates_three_days_and_friday() -> None:
    # Through the CLI once, as the issue asks: "call on day four", off a Monday.
    out = run("walk", str(TREE), *answers(THREE_DAYS), "--today", TODAY, "--json")
    assert json.loads(out.stdout)["node"]["schedule"][0]["date"] == "2026-11-24"
    # "They said Friday": the Tuesday after.
    friday = plan_steps([*THREE_DAYS[:3], "friday"])
    assert friday[0].date == date(2026, 11, 24)
    # Interview Monday + three days = Thursday: day four is a Friday and stays; the
    # second message is three working days after Thursday: Tuesday.
    monday = plan_steps(["waiting", "2026-11-16", "gave-date", "3 days"])
    assert [s.date for s in monday] == [date(2026, 11, 20), date(2026, 11, 24)]


def test_ics_parses_with_one_all_day_event_per_dated_step(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    out = run("export", str(TREE), *answers(THREE_DAYS), "--today", TODAY, "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    cal = Calendar.from_ical(target.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == len(plan_steps(THREE_DAYS)) == 2
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
        assert "call on day four." in description and "a job seekers' community site" in description
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
    assert out.stderr == (
        "advice: nothing to put in a calendar yet: the answers stop at the question "
        "'What day was the interview?'; add an --answer for it\n"
    )


def test_markdown_has_dates_texts_quotes_authors_and_disagreements() -> None:
    md = export(*answers(THANK_YOU), "--fill", "company=Acme & Co {x}", "--format", "md")
    assert md.startswith("# Send a thank-you note within a day\n")
    assert "- By 2026-11-20 (Friday): Send your thank-you note" in md
    assert "> It’s important to do this within a day of the interview." in md
    assert "> — the writer (unnamed) of a post on a job-board blog" in md
    assert "## For this step" in md
    assert "## The other view: The community post would also call." in md
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
    [step] = plan_steps(["just-interviewed", "2026-11-10", "Ada"])
    assert (step.date, step.past) == (date(2026, 11, 11), True)
    assert "- By 2026-11-11 (Wednesday), which has passed: Send your thank-you note" in (
        to_markdown(plan_data(["just-interviewed", "2026-11-10", "Ada"]))
    )
    assert plan_steps(["just-interviewed", "2026-11-19", "Ada"])[0].past is False


# -- outside text in the plan (issue 20) ---------------------------------------------------


def block_title_tree(tmp_path: Path) -> Path:
    """The plan fixture with its recommendation's title and step written as `|` blocks:
    ordinary YAML that passes `advice check`, with line breaks in one-line texts."""
    from tests.support.plan import PLAN

    text = TREE.read_text(encoding="utf-8")
    text = text.replace(
        "    recommend: Send a thank-you note within a day\n",
        "    recommend: |\n      Send a thank-you note\n      within a day\n",
    )
    text = text.replace(
        "      - {action: Send your thank-you note, of: interview, days: 1, by: true}\n",
        "      - action: |\n          Send your\n          thank-you note\n"
        "        of: interview\n        days: 1\n        by: true\n",
    )
    path = tmp_path / "follow-up.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_bytes((PLAN / "sources.yaml").read_bytes())
    assert run("check", str(path)).returncode == 0
    return path


def test_ics_titles_with_line_breaks_are_one_escaped_line(tmp_path: Path) -> None:
    """A `|` title crashed the export (exit 70); a title is one line in a calendar."""
    path = block_title_tree(tmp_path)
    out = run("export", str(path), "--today", TODAY, *answers(THANK_YOU), "--format", "ics")
    assert out.returncode == 0, out.stderr
    assert out.stdout.endswith("\n") and "\r" not in out.stdout.replace("\r\n", "\n")
    cal = Calendar.from_ical(out.stdout)
    assert cal["X-WR-CALNAME"] == "Send a thank-you note within a day"
    (event,) = cal.walk("VEVENT")
    assert event["SUMMARY"] == "Send your thank-you note"
    assert str(event["DESCRIPTION"]).startswith("Deadline: do it by this day.\n\nSend a thank")


def test_markdown_fences_outlast_a_fence_in_the_values_and_answers_are_text() -> None:
    """A value holding ``` closed the ready text's fence; a text answer went in raw."""
    name = "Ada ```\n<script>alert(1)</script>"
    values = ["just-interviewed", "2026-11-19", "<script>alert(1)</script> *Ada*"]
    md = export(*answers(values), "--fill", f"interviewer={name}", "--format", "md")
    # The answers list: the text answer is written as text, not HTML or emphasis.
    assert "- What is your name? **\\<script\\>alert(1)\\</script\\> \\*Ada\\***" in md
    # The ready text: one fence, longer than the run of backticks inside, holding it all.
    start = md.index("````text\n")
    end = md.index("\n````\n", start)
    assert "Dear Ada ```\n<script>alert(1)</script>,\n" in md[start:end]
    outside = md[:start] + md[end + 6 :]
    assert "<script>" not in outside and "```" not in outside
