"""Helpers for the app tests: build the real app on a fixture tree, read what it shows."""

from __future__ import annotations

from pathlib import Path

from advice.app.advice_app import AdviceApp
from textual.widgets import Static

from tests.conftest import DATA, TODAY

APP_DATA = DATA / "app"
FOLLOW_UP = APP_DATA / "follow-up.yaml"
MARKUP = APP_DATA / "markup.yaml"


# The follow-up tree's answers that reach the thank-you recommendation.
THANK_YOU = {
    "situation": "just-interviewed",
    "interview-date": "2026-11-20",
    "interviewer": "Ms Lee",
}


def make_app(
    path: Path | None = FOLLOW_UP,
    theme_name: str = "dark",
    resume: bool = False,
    answers: dict[str, str] | None = None,
    watch: bool = False,
) -> AdviceApp:
    """The app as a user starts it, with today fixed and nothing that moves on its own;
    `answers` start the follow-up tree part-way (the walk itself is tested with keys)."""
    where = str(path) if path else None
    preset = {"follow-up": answers} if answers else None
    app = AdviceApp.from_path(
        where,
        TODAY,
        theme_name=theme_name,
        blink=False,
        resume=resume,
        preset=preset,
        watch=watch,
        watch_interval=0.05,  # polls are cheap; the tests wait less
    )
    app.animation_level = "none"
    return app


def notes(app: AdviceApp) -> list[str]:
    """The notifications shown so far, oldest first."""
    return [n.message for n in app._notifications]


def shown_text(app: AdviceApp) -> str:
    """Every Static on the current screen, as the plain text it renders."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)
