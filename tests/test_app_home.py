"""The follow-ups in the app, with real keys: the home screen (open, new, rename,
archive and undo, delete after asking), steps marked done, what a changed answer moved,
and every move saved (another app process, started after, sees it). The database is
real, in the test's own data folder, made through the Tracker as the CLI makes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from advice.app.advice_app import AdviceApp
from advice.app.screens.ask import ConfirmScreen, TextScreen
from advice.app.screens.home import HomeScreen
from advice.app.screens.question import QuestionScreen
from advice.app.screens.recommendation import RecommendationScreen
from advice.app.widgets.chrome import TooSmall
from advice.app.widgets.rows import RowList
from advice.check import check_file
from advice.tracker import Tracker
from tests.support import TODAY, run
from tests.support.app import (
    FOLLOW_UP,
    drawn_lines,
    drive,
    make_app,
    notes,
    paste,
    question_id,
    shown_text,
)


def make_followup(name: str, answers: list[str], tree_path: Path = FOLLOW_UP) -> None:
    result = check_file(tree_path)
    assert result.tree is not None
    with Tracker.open() as tracker:
        row = tracker.create(name, result.tree, tree_path)
        walk = tracker.open_walk(row, result.tree, tree_path, TODAY)
        for value in answers:
            walk.session.answer(value)
        tracker.save(walk)


def thank_you(days_ago: int) -> list[str]:
    return ["just-interviewed", (TODAY - timedelta(days=days_ago)).isoformat(), "Ms Lee"]


def three() -> None:
    """Overdue, due today and later, and one at a question."""
    make_followup("Later Ltd", thank_you(0))
    make_followup("Overdue Inc", thank_you(4))
    make_followup("Today Co", thank_you(1))
    make_followup("[b]Markup[/b] \x1b[31m", ["want-to-call"])


def rows() -> dict[str, dict[str, object]]:
    with Tracker.open() as tracker:
        return {r.name: r._asdict() for r in tracker.all(archived=True)}


def home_names(app: AdviceApp) -> list[str]:
    assert isinstance(app.screen, HomeScreen), type(app.screen).__name__
    return [line.name for line in app.screen.lines]


def test_two_or_more_open_on_the_home_screen_overdue_first_and_enter_opens() -> None:
    three()

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert home_names(app) == ["Overdue Inc", "Today Co", "Later Ltd", "[b]Markup[/b] \x1b[31m"]
        text = shown_text(app)
        assert "OVERDUE" not in text  # the rows are drawn by the list, not Statics
        await pilot.press("down", "enter")
        assert isinstance(app.screen, RecommendationScreen)
        assert "Continuing Today Co: 3 answers" in notes(app)
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("end", "enter")
        assert question_id(app) == "timeframe"  # where it stood
        assert "Continuing [b]Markup[/b] \\x1b[31m: 1 answer" in notes(app)  # literal, escaped

    drive(make_app(None), script)


def test_new_asks_a_name_and_a_taken_one_is_refused_in_the_dialog() -> None:
    three()

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("n")
        assert isinstance(app.screen, TextScreen)
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "today co")
        await pilot.press("enter")
        assert isinstance(app.screen, TextScreen)  # stays open, what was typed kept
        # The one that has the name, as it is written (not as typed).
        assert "there is already a follow-up named 'Today Co'" in shown_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "Acme, data analyst")
        await pilot.press("enter")
        assert question_id(app) == "situation"
        await pilot.press("3")
        await pilot.press("h")
        assert "Acme, data analyst" in home_names(app)

    drive(make_app(FOLLOW_UP), script)
    assert json.loads(str(rows()["Acme, data analyst"]["answers"])) == {"situation": "waiting"}


def test_rename_archive_undo_and_delete_after_asking() -> None:
    three()

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("r")  # the first row: Overdue Inc
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "  LATER   ltd ")
        await pilot.press("enter")
        assert isinstance(app.screen, TextScreen)
        assert "there is already a follow-up named 'Later Ltd'" in shown_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "  Overdue   Incorporated ")
        await pilot.press("enter")
        assert home_names(app)[0] == "Overdue Incorporated"
        # The name as kept, not as typed (it said "to   Overdue   Incorporated .").
        assert "Renamed Overdue Inc to Overdue Incorporated." in notes(app)

        await pilot.press("a")
        assert "Archived Overdue Incorporated. Press u to undo." in notes(app)
        assert "Overdue Incorporated" not in home_names(app)
        await pilot.press("u")
        assert home_names(app)[0] == "Overdue Incorporated"

        await pilot.press("a", "v")  # archive again, and see the archived ones
        assert home_names(app) == ["Overdue Incorporated"]
        await pilot.press("a", "v")  # brought back
        assert "Overdue Incorporated" in home_names(app)

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the default is No
        assert "Overdue Incorporated" in home_names(app)
        await pilot.press("d", "y")
        assert "Overdue Incorporated" not in home_names(app)

    drive(make_app(FOLLOW_UP), script)
    assert set(rows()) == {"Later Ltd", "Today Co", "[b]Markup[/b] \x1b[31m"}


def test_mark_done_today_or_on_a_day_typed_undo_and_the_list_moves_on() -> None:
    make_followup("Acme", thank_you(1))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, RecommendationScreen)  # the tree's only one
        await pilot.press("x")
        assert f"Done {TODAY:%a} {TODAY.day} {TODAY:%b}: Send your thank-you note" in notes(app)
        assert f"Done {TODAY:%a} {TODAY.day} {TODAY:%b}: By " in shown_text(app)
        assert rows()["Acme"]["next_action"] is None  # nothing left: the list moves on
        await pilot.press("u")
        assert rows()["Acme"]["next_action"] == "Send your thank-you note"
        await pilot.press("o")
        assert isinstance(app.screen, TextScreen)
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "next friday")
        await pilot.press("enter")
        assert isinstance(app.screen, TextScreen)  # a day to come is refused
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "yesterday")
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)
        day = TODAY - timedelta(days=1)
        assert f"Done {day:%a} {day.day} {day:%b}: By " in shown_text(app)

    drive(make_app(FOLLOW_UP), script)


def test_changing_an_earlier_answer_says_what_moved() -> None:
    make_followup("Acme", thank_you(1))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("escape", "escape")
        assert question_id(app) == "interview-date"
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, TODAY.isoformat())
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, RecommendationScreen)
        before, after = TODAY, TODAY + timedelta(days=1)
        said = f"Send your thank-you note moved from {before:%a} {before.day} {before:%b} to "
        assert any(said + f"{after:%a} {after.day} {after:%b}" in n for n in notes(app))

    drive(make_app(FOLLOW_UP), script)


def test_always_saved_quit_and_start_again_and_another_process_sees_it() -> None:
    async def first(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("1", "enter")
        await paste(pilot, "Ms Lee")
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("ctrl+q")

    drive(make_app(FOLLOW_UP), first)

    async def second(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, RecommendationScreen)  # answers there, no dialog
        assert any(n.startswith("Continuing ") for n in notes(app))

    drive(make_app(FOLLOW_UP), second)
    probe = (
        "from advice.tracker import Tracker; import json; "
        "print(json.dumps([json.loads(r.answers) for r in Tracker.open().all()]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    )
    assert json.loads(out.stdout) == [
        {
            "situation": "just-interviewed",
            "interview-date": TODAY.isoformat(),
            "interviewer": "Ms Lee",
        }
    ]


def test_case_opens_or_creates_a_named_follow_up() -> None:
    make_followup("Acme", ["want-to-call"])
    make_followup("Beta", thank_you(1))

    async def opened(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "timeframe"  # not the home screen: --case names one

    async def created(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, QuestionScreen)
        assert "New follow-up: Gamma" in notes(app)
        await pilot.press("3")

    drive(case_app("acme"), opened)
    drive(case_app("Gamma"), created)
    assert json.loads(str(rows()["Gamma"]["answers"])) == {"situation": "waiting"}


def case_app(name: str) -> AdviceApp:
    app = AdviceApp.from_path(str(FOLLOW_UP), TODAY, blink=False, case=name)
    app.animation_level = "none"
    return app


def test_a_too_small_terminal_shows_the_message_on_the_home_screen_too() -> None:
    three()

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, HomeScreen)
        message = app.screen.query_one(TooSmall)
        assert message.display and "too small (50x12)" in str(message.render())
        assert not app.screen.query_one(RowList).display

    drive(make_app(FOLLOW_UP), script, size=(50, 12))


def test_h_on_a_plan_lists_the_follow_ups_and_esc_goes_back() -> None:
    make_followup("Acme", thank_you(1))
    make_followup("Beta", ["want-to-call"])

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("enter")  # Acme: due today, first
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("h")
        assert home_names(app) == ["Acme", "Beta"]
        await pilot.press("escape")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(FOLLOW_UP), script)


def test_case_with_a_name_that_cannot_be_one_is_one_clear_line() -> None:
    proc = run("--case", "   ", str(FOLLOW_UP))
    assert proc.returncode == 1
    assert proc.stderr.strip() == "advice: a follow-up needs a name, such as 'Acme, data analyst'"


def test_a_name_with_controls_is_drawn_escaped_in_the_list_and_the_delete_question() -> None:
    """A terminal escape in a name is shown written out (\\x1b), never sent to the
    terminal (it ate the next letter: "Esc\\x1bname" drew as "Escame")."""
    make_followup("Plain Co", thank_you(0))
    make_followup("Esc\x1bname [b]x[/b]", thank_you(0))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, HomeScreen)
        listed = "\n".join(drawn_lines(app.screen.query_one(RowList)))
        assert "Esc\\x1bname [b]x[/b]" in listed
        assert "\x1b" not in listed
        at = home_names(app).index("Esc\x1bname [b]x[/b]")
        await pilot.press(*["down"] * at, "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Esc\\x1bname [b]x[/b]: its answers" in shown_text(app)
        await pilot.press("n")

    drive(make_app(FOLLOW_UP), script)


def test_a_step_marked_by_another_command_while_the_plan_is_open_is_drawn_and_said() -> None:
    """`advice done --case` in another terminal, then x in the app: the plan said the
    step was to do while x answered "Every dated step is marked done"; now the plan is
    drawn as it is and says why, and x again says it is all done."""
    make_followup("Acme", thank_you(1))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, RecommendationScreen)
        assert "Done " not in shown_text(app)
        done = run("done", "--case", "Acme", "--today", TODAY.isoformat())
        assert done.returncode == 0, done.stderr
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationScreen)
        assert f"Done {TODAY:%a} {TODAY.day} {TODAY:%b}: By " in shown_text(app)
        assert any("changed by another window or command" in n for n in notes(app))
        await pilot.press("x")
        assert notes(app)[-1] == "Every dated step is marked done (u undoes one)."

    drive(make_app(FOLLOW_UP), script)
    assert rows()["Acme"]["next_action"] is None


def test_a_name_taken_by_an_archived_follow_up_says_it_is_archived() -> None:
    """The list does not show it, so the refusal says where it is."""
    three()
    with Tracker.open() as tracker:
        tracker.archive(tracker.get("Later Ltd"))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("n")
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "later ltd")
        await pilot.press("enter")
        assert isinstance(app.screen, TextScreen)
        assert "there is already a follow-up named 'Later Ltd' (archived)" in shown_text(app)

    drive(make_app(FOLLOW_UP), script)


def test_the_plan_saved_with_s_says_which_steps_are_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the screen does ("Done Fri 20 Nov: By ..."); the file said nothing of it."""
    monkeypatch.chdir(tmp_path)
    make_followup("Acme", thank_you(1))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("x")
        await pilot.press("s")
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(FOLLOW_UP), script)
    (plan,) = tmp_path.glob("advice-plan-*.md")
    mark = f"- Done {TODAY:%a} {TODAY.day} {TODAY:%b}: By "
    assert mark in plan.read_text(encoding="utf-8")
