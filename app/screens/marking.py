"""Marking a dated step of the recommendation on show done (today, or a day typed), or
not done again: which step is asked when there are several."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from advice.dates import DateInputError, parse_date
from advice.workspace import short_date

if TYPE_CHECKING:
    from advice.app.screens.recommendation import RecommendationScreen
    from advice.tracker import TrackedStep


def _which(
    screen: RecommendationScreen,
    steps: list[TrackedStep],
    heading: str,
    then: Callable[[TrackedStep], None],
) -> None:
    """`then(step)`: at once for one step, else for the one picked."""
    if len(steps) == 1:
        then(steps[0])
        return
    from advice.app.screens.choose import ChooseScreen

    titles = [f"{short_date(s.step.date)}: {s.step.action}" for s in steps]
    screen.app.push_screen(
        ChooseScreen(heading, titles),
        lambda picked: None if picked is None else then(steps[picked]),
    )


def _mark(screen: RecommendationScreen, step: TrackedStep, day: date | None) -> None:
    app = screen.advice_app
    app.tell(app.workspace.mark_done(screen.entry, screen.session, step, day))
    from advice.app.screens.walk import walk_screen

    app.switch_screen(walk_screen(screen.entry, screen.session))  # the steps drawn again


def _changed_elsewhere(screen: RecommendationScreen, steps: list[TrackedStep]) -> bool:
    """Steps marked (or unmarked) by another window or command since the plan was drawn:
    it is drawn again as it is now and said, rather than acting on what is not shown."""
    if {s.key: s.done_on for s in steps} == screen.drawn_done:
        return False
    from advice.app.screens.walk import walk_screen

    app = screen.advice_app
    app.switch_screen(walk_screen(screen.entry, screen.session))
    app.notify("Its steps were changed by another window or command: shown as they are now.")
    return True


def mark_done(screen: RecommendationScreen, ask_day: bool) -> None:
    """`x`: the step still to do is done today; `o`: on a day typed."""
    steps = screen.tracked()
    if _changed_elsewhere(screen, steps):
        return
    to_do = [s for s in steps if s.done_on is None]
    if not to_do:
        screen.notify("Every dated step is marked done (u undoes one).")
        return
    today = screen.session.today

    def on_a_day(step: TrackedStep) -> None:
        from advice.app.screens.ask import TextScreen

        picked: list[date] = []

        def check(text: str) -> str | None:
            try:
                picked.append(parse_date(text or "today", today, past=True))
            except DateInputError as exc:
                return str(exc)
            return None

        screen.app.push_screen(
            TextScreen(
                "Done on which day?",
                step.step.action,
                "today",
                check,
                "today, yesterday, friday, 18 November...",
            ),
            lambda text: None if text is None or not picked else _mark(screen, step, picked[-1]),
        )

    then = on_a_day if ask_day else (lambda step: _mark(screen, step, today))
    _which(screen, to_do, "Which step is done?", then)


def undo_done(screen: RecommendationScreen) -> None:
    """`u`: a step marked done is to do again."""
    steps = screen.tracked()
    if _changed_elsewhere(screen, steps):
        return
    done = [s for s in steps if s.done_on is not None]
    if not done:
        screen.notify("No step here is marked done.")
        return
    _which(screen, done, "Which step is not done?", lambda step: _mark(screen, step, None))
