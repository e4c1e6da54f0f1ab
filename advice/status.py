"""`advice status`: every open follow-up with its next step and date, overdue first.

Reads one table of the database and nothing else: each save stored the follow-up's next
step, so no tree is loaded and the engine is never imported (advice/entry.py answers
`advice status` before the command line's parser is built). The one exception is the
first run after an upgrade, when JSON saves of an earlier version wait to be imported.
"""

from __future__ import annotations

import sys
from datetime import date


def run_status(today: date | None, as_json: bool) -> int:
    """Print the list (lines, or JSON with --json); 0. Raises AdviceError (one line)."""
    from advice.store import Store, json_saves_waiting

    day = (today or date.today()).isoformat()
    if json_saves_waiting():  # once: the import loads trees, so only when there are any
        from advice.tracker import Tracker

        with Tracker.open() as tracker:
            for line in tracker.messages:
                print(f"advice: {line}", file=sys.stderr)
    with Store.open() as store:
        if store.message:
            print(f"advice: {store.message}", file=sys.stderr)
        rows = store.status()
    # Overdue: a next date before today (ISO dates order as text: compared as they are).
    if as_json:
        import json

        items = [
            {"name": n, "next_action": a, "next_date": d, "overdue": d is not None and d < day}
            for n, a, d in rows
        ]
        # json escapes the C0 controls; the writer (advice.escape) the rest.
        print(json.dumps({"today": day, "followups": items}, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No open follow-ups. Start one with: advice walk TREE --case NAME")
        return 0
    # One comprehension, one write (the escaping writer scans it once): a loop of appends
    # was ~3M instructions more for 1,000 rows (bench_status.py). The date said in words
    # as on the home screen (OVERDUE, DUE TODAY), inline: no call per row.
    text = "".join(
        [
            f"{('OVERDUE ' if d < day else 'DUE TODAY ' if d == day else '') if d else ''}"
            f"{d or 'no date'}  {n}: {a or 'every step done'}\n"
            for n, a, d in rows
        ]
    )
    sys.stdout.write(text)
    return 0


def parse_quick(args: list[str]) -> tuple[date | None, bool] | None:
    """`status [--today YYYY-MM-DD] [--json]` read without argparse (which, with the
    parser built, is a fifth of the command's start); None for anything else (--help,
    a typo, a bad date): then the full parser answers, with its usual messages."""
    today: date | None = None
    as_json = False
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--json":
            as_json = True
        elif (arg == "--today" and i + 1 < len(args)) or arg.startswith("--today="):
            text = args[i + 1] if arg == "--today" else arg.partition("=")[2]
            i += arg == "--today"
            try:
                today = date.fromisoformat(text)
            except ValueError:
                return None
        else:
            return None
        i += 1
    return today, as_json
