"""Dates, true ready texts and "why this step" in the real app (Pilot), on the shipped
tree (issue 16, points 3, 4 and 7). Today is Friday 20 November 2026."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from advice.app.advice_app import AdviceApp
from advice.app.screens.details import DetailsScreen
from advice.app.screens.question import QuestionScreen
from advice.app.screens.recommendation import RecommendationScreen
from advice.app.screens.why import WhyScreen
from tests.support.app import drive, make_app, paste, press_answer, shown_text


async def thank_you_by_email(pilot: Pilot[None], day: str) -> None:
    """Interviewed (answer 1) -> the day typed -> by email (answer 3)."""
    await pilot.press("1")
    await pilot.pause()
    await type_date(pilot, day)
    await pilot.press("3")
    await pilot.pause()


async def type_date(pilot: Pilot[None], day: str) -> None:
    field = pilot.app.screen.query_one("#answer-input", Input)
    field.value = ""
    await paste(pilot, day)
    await pilot.press("enter")
    await pilot.pause()


def shipped() -> AdviceApp:
    return make_app(path=None)


def test_a_passed_thank_you_day_says_so_with_what_the_articles_say() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await thank_you_by_email(pilot, "16/11")
        assert isinstance(app.screen, RecommendationScreen)
        text = shown_text(app)
        assert "By Tuesday 17 November 2026, which has passed: Email your thank-you note" in text
        assert "None of the four articles says what to do once that day has gone" in text
        assert "already passed" not in text

    drive(shipped(), script)


def test_impossible_and_ambiguous_dates_are_refused_on_the_question() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("1")
        await pilot.pause()
        await type_date(pilot, "5/6")
        assert isinstance(app.screen, QuestionScreen)
        error = str(app.screen.query_one("#input-error", Static).render())
        assert "could be 5 June or May 6" in error
        await type_date(pilot, "23 November")
        assert isinstance(app.screen, QuestionScreen)
        error = str(app.screen.query_one("#input-error", Static).render())
        assert "Monday 23 November 2026 is after today" in error

    drive(shipped(), script)


def test_why_this_step_by_key_and_by_palette() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await thank_you_by_email(pilot, "yesterday")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Why this step" in titles
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhyScreen)
        text = shown_text(app)
        assert "What day was the interview? Thursday 19 November 2026" in text
        assert "How will you send your thank-you note? An email" in text
        assert "Rule: No later than 1 day after the interview (Thursday 19 November 2026)." in text
        assert "It’s important to do this within a day of the interview." in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationScreen)

    drive(shipped(), script)


def test_the_answered_date_fills_the_details_field_and_wins_after_a_restart() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await thank_you_by_email(pilot, "monday")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        date_field = next(f for f in app.screen.query(Input) if f.name == "interview_date")
        assert date_field.disabled
        assert date_field.value == "Monday 16 November"
        # A date typed into the details earlier (another walk) must not win either.
        app.screen.dismiss({"interview_date": "1 January", "interview_when": "in January"})
        await pilot.pause()
        assert isinstance(app.screen, RecommendationScreen)
        assert "Thank you for your time on Monday;" in shown_text(app)
        assert "January" not in shown_text(app)
        await pilot.press("r")  # a new walk, the details kept
        await pilot.pause()
        await thank_you_by_email(pilot, "yesterday")
        assert "Thank you for your time yesterday;" in shown_text(app)
        assert "January" not in shown_text(app)

    drive(shipped(), script)


def test_a_changed_interview_date_asks_again_for_a_decision_now_before_it() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await press_answer(pilot, app, "want-to-call")
        await press_answer(pilot, app, "call")
        await type_date(pilot, "2026-11-09")
        await press_answer(pilot, app, "gave-time")
        await type_date(pilot, "2026-11-13")
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("escape", "escape", "escape")  # back to the interview's date
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen.question.id == (
            "call-interview-date"
        )
        await type_date(pilot, "2026-11-16")  # now after the decision given (13th)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.question.id == "decision-date"

    drive(shipped(), script)


def test_a_decision_before_the_interview_is_refused_on_the_question() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await press_answer(pilot, app, "want-to-call")
        await press_answer(pilot, app, "call")
        await type_date(pilot, "16/11")
        await press_answer(pilot, app, "gave-time")
        await type_date(pilot, "13/11")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.question.id == "decision-date"
        error = str(app.screen.query_one("#input-error", Static).render())
        assert "Friday 13 November 2026 is before the interview" in error

    drive(shipped(), script)


def test_the_hint_of_a_day_that_happened_suggests_no_form_it_refuses() -> None:
    # The interview's hint once offered 'next week' and 'in 3 days', both refused there
    # as after today; the decision's (a day to come) still offers them.
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await press_answer(pilot, app, "want-to-call")
        await press_answer(pilot, app, "call")
        hint = str(app.screen.query_one("#input-hint", Static).render())
        assert "'last week', '3 days ago' or 'about a week ago'" in hint
        assert "next week" not in hint and "in 3 days" not in hint
        await type_date(pilot, "soonish")
        error = str(app.screen.query_one("#input-error", Static).render())
        assert "'soonish' is not a date we understand" in error
        assert "next week" not in error and "in 3 days" not in error
        await type_date(pilot, "16/11")
        await press_answer(pilot, app, "gave-time")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.question.id == "decision-date"
        hint = str(app.screen.query_one("#input-hint", Static).render())
        assert "'next week', 'in 3 days'" in hint

    drive(shipped(), script)
