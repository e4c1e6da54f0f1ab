"""Which screen the app opens on: a first run's first question pays nothing for the
follow-ups (the home screen's modules are imported only when it shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from advice.app.advice_app import AdviceApp


def default_screen(app: AdviceApp) -> Screen[None]:
    """The first screen, ready to be the base of the stack. What the start says (a
    database set aside, saves imported, "Continuing Acme: 2 answers") is shown after
    its first frame, and the tree's digest taken then (Workspace.settle): a toast is a
    widget of its own (~22M instructions, 2% of a start) and hashing loads OpenSSL,
    while the question is what a returning user waits for (docs/performance.md)."""
    from advice.app.styles import prepare

    workspace = app.workspace
    workspace.served = app.served  # known once the driver is: here, first
    app._held = []
    first = first_screen(app)
    app.tell(workspace.db.said())  # a database set aside, saves imported
    held, app._held = app._held, None
    if held:
        app.call_after_refresh(app.tell, held)
    app.call_after_refresh(workspace.settle)
    prepare(app, first)
    # What push_screen does for every other screen; without it Textual cannot
    # switch_screen away from the base screen.
    first._push_result_callback(first, None)
    return first


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
