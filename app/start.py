"""Which screen the app opens on: a first run's first question pays nothing for the
follow-ups (the home screen's modules are imported only when it shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from advice.app.advice_app import AdviceApp


def first_screen(app: AdviceApp) -> Screen[None]:
    """--case's follow-up; the home screen with two or more follow-ups; else as ever:
    the one tree where its walk stands (its only follow-up), or the picker."""
    workspace = app.workspace
    if workspace.case is not None:
        row = workspace.db.find(workspace.case)
        if row is not None:
            workspace.case = None
            entry, notices = workspace.open_followup(row)
            app.tell(notices)
            if entry is not None:
                return app.screen_for_entry(entry)
    elif workspace.opens_home():
        from advice.app.screens.home import HomeScreen

        return HomeScreen()
    if len(app.entries) == 1:
        return app.screen_for_entry(app.entries[0])
    return app.picker()
