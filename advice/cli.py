"""The `advice` command. Parsing and printing only: the work is in the engine modules.

`advice [PATH]` starts the app; `advice COMMAND ...` runs a command. Exit codes:
0 fine, 1 a problem with the input (one clear line, never a traceback), 2 usage,
70 a bug (one line saying where the log with the details is; see advice/crash.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advice.entry import escaped_output as _escaped_output
from advice.entry import guarded
from advice.errors import AdviceError

if TYPE_CHECKING:  # imported lazily at run time: `advice --help` stays quick
    from advice.diagnostics import CheckResult
    from advice.model import SourceList, Tree
    from advice.records import FollowUpRow
    from advice.saves import Seen
    from advice.session import Session
    from advice.tracker import TrackedStep, Tracker
    from advice.view import WalkView

Handler = Callable[[argparse.Namespace], int]


def _today(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-20") from None


def _folder_of_sources(text: str) -> Path:
    # A missing folder is a mistake in the command line, so a usage error (exit 2) said
    # before any tree is read, not a problem found in the trees (exit 1).
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"no such folder of source texts: {text}")
    return path


def _fill(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"'{text}' should look like NAME=VALUE")
    return name.strip(), value


def add_today(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--today",
        type=_today,
        metavar="YYYY-MM-DD",
        help="use this date as today (for dates in the plan; tests use it)",
    )


def add_theme(p: argparse.ArgumentParser) -> None:
    p.add_argument("--theme", choices=["dark", "light"], default="dark", help="the app's colours")


# -- list -------------------------------------------------------------------------------


def _args_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", type=Path, help="a folder of trees (default: shipped)")


def _run_list(args: argparse.Namespace) -> int:
    from advice.cache import checked, node_count
    from advice.library import shipped_dir, tree_files

    folder = args.path or shipped_dir()
    if not folder.exists():
        raise AdviceError(f"no such file or folder: {folder}")
    rows = []
    for path in tree_files(folder):
        tree = checked(path).tree
        if tree is not None:
            questions, recommendations = node_count(tree)
            rows.append((tree.id, tree.title, str(questions), str(recommendations)))
        else:
            rows.append((path.stem, "(broken: run `advice check`)", "-", "-"))
    header = ("ID", "TITLE", "QUESTIONS", "RECOMMENDATIONS")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)) + "  " + row[3])
    return 0


# -- check ------------------------------------------------------------------------------


def _args_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, help="tree files or folders (default: shipped)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument(
        "--sources",
        type=_folder_of_sources,
        metavar="DIR",
        help="also check every quote word for word against the source texts in DIR",
    )
    p.add_argument(
        "--watch", action="store_true", help="check again whenever a file is saved; Ctrl-C ends"
    )
    p.add_argument(
        "--report",
        action="store_true",
        help="also print the reading grade of each node and of each of our texts",
    )
    add_today(p)


def _check_once(args: argparse.Namespace, paths: list[Path]) -> int:
    from advice.check import check_paths

    strict = args.strict
    # Review dates (ADV030) are checked against today: the clock, or --today.
    results = check_paths(paths, sources_dir=args.sources, review=args.today or date.today())
    diags = [d for r in results for d in r.diagnostics]
    for d in diags:
        print(d)
    if args.report:
        _print_report(results)
    errors = sum(1 for d in diags if strict or d.severity == "error")
    warnings = len(diags) - errors
    files = len(results)
    sys.stdout.flush()  # in --watch mode the lines must come out now, even into a pipe
    print(f"checked {files} file(s): {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def _print_report(results: list[CheckResult]) -> None:
    """`check --report`: the reading grade of every text of ours, tree by tree."""
    from advice.loader import read_text
    from advice.plainlang import report
    from advice.review import Locator

    for r in results:
        if r.tree is not None:
            print()
            print("\n".join(report(r.tree, Locator(read_text(r.path)[0]))))


def _run_check(args: argparse.Namespace) -> int:
    from advice.library import shipped_dir

    paths = args.paths or [shipped_dir()]
    for p in paths:
        if not p.exists():
            raise AdviceError(f"no such file or folder: {p}")
    if not args.watch:
        return _check_once(args, paths)
    from advice.watch import changes

    try:
        watcher = changes(paths)  # before the first check, so no save is missed
        _check_once(args, paths)
        print("watching for changes; Ctrl-C to stop", file=sys.stderr, flush=True)
        for changed in watcher:
            names = ", ".join(sorted(str(c) for c in changed))
            print(f"\n--- {datetime.now():%H:%M:%S} changed: {names}", file=sys.stderr)
            _check_once(args, paths)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how watching ends: not an error
    return 0


# -- walk -------------------------------------------------------------------------------


def _args_answers(p: argparse.ArgumentParser, tree_optional: bool = False) -> None:
    """What walk and export share: the tree, the answers, placeholders and today."""
    if tree_optional:  # export --case / --all take the tree from the follow-ups
        p.add_argument("tree", nargs="?", help="a shipped tree id or a path to a tree file")
    else:
        p.add_argument("tree", help="a shipped tree id or a path to a tree file")
    p.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="ID",
        help="answer id (or a value for a date/text question), in order; repeat "
        "(`advice walk TREE --json` shows the next question's answer ids; "
        "`advice paths TREE --json` every path's)",
    )
    p.add_argument(
        "--fill",
        action="append",
        default=[],
        type=_fill,
        metavar="NAME=VALUE",
        help="fill a placeholder of the ready texts, e.g. --fill interviewer='Ms Lee'; "
        "the names are the tree file's `placeholders:` (a NAME no text uses is an "
        "error that lists them)",
    )
    add_today(p)


def _args_walk(p: argparse.ArgumentParser) -> None:
    _args_answers(p)
    p.add_argument("--json", action="store_true", help="print where the answers lead as JSON")
    p.add_argument(
        "--resume",
        action="store_true",
        help="continue the saved session of this tree (then --answer goes on from there) "
        "and save as you go",
    )
    p.add_argument(
        "--case",
        metavar="NAME",
        help="open the follow-up of this name (made if new, e.g. 'Acme, data analyst'), "
        "go on from where it was and save every change to it",
    )


def load_checked(ref: str) -> tuple[object, object]:
    """A tree that passes the checker, with its sources; else an AdviceError listing why."""
    from advice.cache import checked
    from advice.library import find_tree

    result = checked(find_tree(ref))
    if not result.ok():
        lines = "\n".join(str(d) for d in result.errors())
        raise AdviceError(f"the tree has problems; fix them first:\n{lines}")
    return result.tree, result.sources


def _check_fill_names(tree: Tree, names: list[str]) -> None:
    """A --fill that no ready text uses would be ignored without a word: say so (a typo,
    or a name from another tree), with the names that would work."""
    from advice.diagnostics import did_you_mean
    from advice.texts import names_used

    used = names_used(t.text for t in tree.templates.values())
    for name in names:
        if name not in used:
            where = f"Names they use: {', '.join(used)}." if used else "They use no names."
            raise AdviceError(
                f"--fill {name}: no ready text of {tree.id} uses this name"
                f"{did_you_mean(name, used) or '.'} {where}"
            )


def _start_walk(
    args: argparse.Namespace, seen: Seen | None = None
) -> tuple[Session, SourceList | None, dict[str, str], Path]:
    """The session --answer/--resume describe, its sources, placeholders and tree file.
    `seen` (with --resume): set to the save as read, for save() to check."""
    from advice.library import find_tree
    from advice.model import SourceList, Tree
    from advice.session import Session

    tree, sources = load_checked(args.tree)
    assert isinstance(tree, Tree) and isinstance(sources, (SourceList, type(None)))
    path = find_tree(args.tree)
    _check_fill_names(tree, [name for name, _ in args.fill])
    today = args.today or date.today()
    filled: dict[str, str] = {}
    if getattr(args, "resume", False):  # walk only; export takes the --answer list
        from advice.saves import resume

        resumed = resume(tree, path, today, seen=seen)
        for line in resumed.messages:
            print(line, file=sys.stderr if getattr(args, "json", True) else sys.stdout)
        session, filled = resumed.session, resumed.filled
        for value in args.answer:
            session.answer(value)
    else:
        session = Session.replay(tree, args.answer, today)
    return session, sources, {**filled, **dict(args.fill)}, path


def _run_walk(args: argparse.Namespace) -> int:
    if args.case is not None:
        return _walk_case(args)
    from advice.export import view_json
    from advice.saves import Seen, save, tree_hash
    from advice.view import walk_view

    # What this walk read of its save: a save another walk wrote meanwhile is refused
    # (and said), not overwritten.
    seen = Seen()
    session, sources, filled, path = _start_walk(args, seen)
    digest = tree_hash(path) if args.resume else None
    if args.json:
        if args.resume:
            save(session, path, filled, digest=digest, seen=seen)
        sys.stdout.write(view_json(walk_view(session, sources, filled)))
        return 0
    from advice.plain import run_plain

    on_change = (lambda s, f: save(s, path, f, digest=digest, seen=seen)) if args.resume else None
    note = f"Saved; continue with: advice walk {args.tree} --resume" if args.resume else None
    return run_plain(session, sources, filled, on_change=on_change, farewell=note)


# -- export -----------------------------------------------------------------------------


def _args_export(p: argparse.ArgumentParser) -> None:
    _args_answers(p, tree_optional=True)
    p.add_argument(
        "--format",
        choices=("md", "ics", "json"),
        help="md (people), ics (calendar apps), json (scripts; as walk --json); "
        "default: from the --output suffix, else md",
    )
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write here, not stdout")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--case", metavar="NAME", help="the plan of this follow-up, as saved")
    which.add_argument(
        "--all", action="store_true", help="every open follow-up in one calendar (--format ics)"
    )


def _run_export(args: argparse.Namespace) -> int:
    from advice.export import encode
    from advice.fileio import atomic_write
    from advice.view import walk_view

    fmt = args.format
    if fmt is None:
        suffix = args.output.suffix.lower().lstrip(".") if args.output else ""
        fmt = {"ics": "ics", "json": "json"}.get(suffix, "md")
    if args.case is not None or args.all:
        data = _export_cases(args, fmt)
    elif args.tree is None:
        print("advice export: give a TREE, --case NAME or --all", file=sys.stderr)
        return 2
    else:
        session, sources, filled, _ = _start_walk(args)
        data = encode(walk_view(session, sources, filled), fmt)
    if args.output is None:
        # Bytes, past the escaping text stream: each format escapes its own text (and
        # the calendar's CRLF line ends must stay).
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(args.output, data)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


# -- follow-ups: walk --case, status, done, export --case/--all, backup, restore ---------


def data_note() -> str:
    """Where the follow-ups live, for --help (the issue: help says where the data is)."""
    from advice.datadir import DB_NAME, ENV_DIR, data_dir

    # A line of its own, printed as is: argparse would break a long path at its hyphens.
    return (
        f"Your follow-ups are kept in this file (${ENV_DIR} moves it):\n"
        f"  {data_dir() / DB_NAME}\nNothing leaves this computer."
    )


def _open_tracker() -> Tracker:
    from advice.tracker import Tracker

    tracker = Tracker.open()
    for line in tracker.messages:
        print(f"advice: {line}", file=sys.stderr)
    return tracker


def _case_tree(row: FollowUpRow) -> tuple[Tree, SourceList | None, Path]:
    """The tree a follow-up walks: its file as last saved, else the shipped tree of its id."""
    from advice.library import find_tree
    from advice.model import SourceList, Tree

    ref = row.tree_path if Path(row.tree_path).is_file() else row.tree_id
    tree, sources = load_checked(ref)
    assert isinstance(tree, Tree) and isinstance(sources, (SourceList, type(None)))
    if tree.id != row.tree_id:
        raise AdviceError(f"{ref} is the tree '{tree.id}', not '{row.tree_id}'")
    return tree, sources, find_tree(ref)


def _walk_case(args: argparse.Namespace) -> int:
    """`advice walk TREE --case NAME`: open (or create) the follow-up, save every change."""
    import shlex

    from advice.library import find_tree
    from advice.model import SourceList, Tree
    from advice.saves import tree_hash
    from advice.session import Session
    from advice.tracker import what_changed

    if args.resume:
        raise AdviceError("--case always continues the follow-up where it was: drop --resume")
    tree, sources = load_checked(args.tree)
    assert isinstance(tree, Tree) and isinstance(sources, (SourceList, type(None)))
    path = find_tree(args.tree)
    _check_fill_names(tree, [name for name, _ in args.fill])
    today = args.today or date.today()
    said = sys.stderr if args.json else sys.stdout
    with _open_tracker() as tracker:
        row = tracker.find(args.case)
        if row is None:
            # The answers first: a wrong one must not leave an empty follow-up behind.
            session = Session.replay(tree, args.answer, today)
            row = tracker.create(args.case, tree, path)
            print(f"New follow-up: {row.name}", file=said)
            walk = tracker.open_walk(row, tree, path, today)
            walk.session, last = session, []
        else:
            walk = tracker.open_walk(row, tree, path, today)
            last = tracker.steps(walk)
            for value in args.answer:
                walk.session.answer(value)
        if walk.dropped:
            print(
                "The tree changed since; these answers no longer fit and were dropped:", file=said
            )
            for line in walk.dropped:
                print(f"  {line}", file=said)
        walk.filled.update(dict(args.fill))
        digest = tree_hash(path)
        tracker.save(walk, digest=digest)
        if args.json:
            from advice.export import view_json
            from advice.view import walk_view

            now = tracker.steps(walk)
            for line in what_changed(last, now) if last and now else []:
                print(line, file=sys.stderr)
            sys.stdout.write(view_json(walk_view(walk.session, sources, walk.filled)))
            return 0
        from advice.plain import run_plain

        def on_change(session: Session, filled: dict[str, str]) -> list[str]:
            nonlocal last
            walk.session, walk.filled = session, filled
            tracker.save(walk, digest=digest)
            now = tracker.steps(walk)
            lines = what_changed(last, now) if last and now else []
            last = now or last
            return lines

        note = (
            f"Saved; continue with: advice walk {shlex.quote(args.tree)} "
            f"--case {shlex.quote(walk.row.name)}"
        )
        from advice.workspace import done_marks

        return run_plain(
            walk.session,
            sources,
            walk.filled,
            on_change=on_change,
            farewell=note,
            done=lambda: done_marks(tracker.steps(walk)),
        )


def _args_status(p: argparse.ArgumentParser) -> None:
    add_today(p)
    p.add_argument("--json", action="store_true", help="print the list as JSON")


def _run_status(args: argparse.Namespace) -> int:
    from advice.status import run_status  # (advice/entry.py answers it before this, mostly)

    return run_status(args.today, args.json)


def _args_case(p: argparse.ArgumentParser) -> None:
    p.add_argument("--case", required=True, metavar="NAME", help="the follow-up's name")


def _args_done(p: argparse.ArgumentParser) -> None:
    _args_case(p)
    p.add_argument(
        "--step",
        type=_positive,
        metavar="N",
        help="which dated step, counting from 1 in date order (default: the next one)",
    )
    p.add_argument(
        "--on", type=_today, metavar="YYYY-MM-DD", help="the day it was done (default: today)"
    )
    p.add_argument("--undo", action="store_true", help="mark it not done after all")
    add_today(p)


def _run_done(args: argparse.Namespace) -> int:
    """Mark a dated step of a follow-up done (or not); then what comes next."""
    from advice.dates import long_date

    today = args.today or date.today()
    if args.on is not None and args.on > today and not args.undo:
        # The app's `o` refuses it too: a mark says the step was done, not planned.
        raise AdviceError(
            f"--on {args.on.isoformat()} is after today ({today.isoformat()}): "
            "mark a step on the day it was done, today or before"
        )
    with _open_tracker() as tracker:
        row = tracker.get(args.case)
        tree, _, path = _case_tree(row)
        walk = tracker.open_walk(row, tree, path, today)
        steps = tracker.steps(walk)
        if not steps:
            raise AdviceError(f"{row.name!r} has no dated steps yet: finish its walk first")
        if args.step is not None:
            if args.step > len(steps):
                raise AdviceError(f"{row.name!r} has {len(steps)} dated step(s), not {args.step}")
            step = steps[args.step - 1]
        elif args.undo:
            done = [s for s in steps if s.done_on is not None]
            if not done:
                raise AdviceError(f"no step of {row.name!r} is marked done")
            step = done[-1]
        else:
            found = tracker.next_step(walk)
            if found is None:
                raise AdviceError(f"every step of {row.name!r} is done already")
            step = found
        if args.undo:
            tracker.undo_done(walk, step)
            print(f"Not done: {step.step.action}")
        else:
            tracker.mark_done(walk, step, args.on or today)
            # --step N on a step marked already moves its day: said, not done silently.
            was = f" (it said {long_date(step.done_on)})" if step.done_on else ""
            print(f"Done on {long_date(args.on or today)}{was}: {step.step.action}")
        after = tracker.next_step(walk)
        if after is None:
            print("Every step is done.")
        else:
            print(f"Next: {after.step.action}, {long_date(after.step.date)}")
    return 0


def _args_archive(p: argparse.ArgumentParser) -> None:
    _args_case(p)
    p.add_argument("--undo", action="store_true", help="bring it back into status")


def _run_archive(args: argparse.Namespace) -> int:
    """Out of `advice status` (kept: export --case and backup still have it), or back."""
    with _open_tracker() as tracker:
        row = tracker.get(args.case)
        if args.undo:
            tracker.unarchive(row)
            print(f"Back in status: {row.name}")
        else:
            tracker.archive(row)
            print(f"Archived: {row.name} (advice archive --case NAME --undo brings it back)")
    return 0


def _export_cases(args: argparse.Namespace, fmt: str) -> bytes:
    """`export --case NAME` (any format) and `export --all` (a calendar of every open
    follow-up)."""
    from advice.view import walk_view

    if args.tree or args.answer or args.fill:
        raise AdviceError("--case and --all export what was saved: drop TREE, --answer, --fill")
    today = args.today or date.today()
    with _open_tracker() as tracker:
        rows = tracker.all() if args.all else [tracker.get(args.case)]
        entries = []
        for row in rows:
            tree, sources, path = _case_tree(row)
            walk = tracker.open_walk(row, tree, path, today)
            entries.append(
                (row, walk_view(walk.session, sources, walk.filled), tracker.steps(walk))
            )
    if args.all and fmt != "ics":
        raise AdviceError("--all writes one calendar: use --format ics")
    if fmt == "ics":
        return _cases_ics(entries, args.all)
    import msgspec

    from advice.export import encode, to_json

    row, view, steps = entries[0]
    if fmt == "json":
        done = [
            {"node": s.node_id, "step": s.step.step, "done_on": s.done_on.isoformat()}
            for s in steps
            if s.done_on
        ]
        data = {**msgspec.to_builtins(view), "case": {"name": row.name, "done": done}}
        return to_json(data).encode("utf-8")
    from advice.workspace import done_marks

    return encode(view, fmt, done_marks(steps))


def _cases_ics(
    entries: list[tuple[FollowUpRow, WalkView, list[TrackedStep]]], every: bool
) -> bytes:
    """One calendar of the follow-ups' steps, each event's UID made from the follow-up's
    own uid, node and step: stable across runs, renames and machines (a backup keeps it),
    and two follow-ups of one tree never share an event. A step marked done says so."""
    from icalendar import Calendar, vText

    from advice.escape import shown
    from advice.export import PASSED, PRODID, encode, event_uid
    from advice.view import RecommendationView

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    title = "Follow-ups" if every else entries[0][0].name
    cal.add("x-wr-calname", vText(shown(" ".join(title.split()), one_line=True)))
    skipped = []
    for row, view, steps in entries:
        node = view.node
        if every and not (isinstance(node, RecommendationView) and node.schedule):
            skipped.append(row.name)
            continue
        one = Calendar.from_ical(encode(view, "ics"))  # one event per step, in order
        assert isinstance(node, RecommendationView)  # encode refused anything else
        done = {s.step.step: s.done_on for s in steps}
        name = shown(" ".join(row.name.split()), one_line=True)
        for event, step in zip(one.walk("VEVENT"), node.schedule, strict=True):
            del event["uid"]
            event.add("uid", event_uid(f"case-{row.uid}", node.id, step.step))
            summary = str(event["summary"])
            del event["summary"]
            mark = "Done: " if done.get(step.step) else ""
            if mark:  # done, so not missed: not "Done: Passed: ..."
                summary = summary.removeprefix(PASSED)
            event.add("summary", vText(f"{mark}{name}: {summary}" if every else f"{mark}{summary}"))
            cal.add_component(event)
    if skipped:
        print(
            f"advice: no dated steps yet, not in the calendar: {', '.join(skipped)}",
            file=sys.stderr,
        )
    if not cal.walk("VEVENT"):
        raise AdviceError("nothing to put in a calendar: no open follow-up has dated steps yet")
    return bytes(cal.to_ical())


def _args_file(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE", help="the backup file (JSON)")


def _run_backup(args: argparse.Namespace) -> int:
    from advice.export import to_json
    from advice.fileio import atomic_write

    with _open_tracker() as tracker:
        data = tracker.backup()
    atomic_write(args.file, to_json(data))
    print(f"wrote {len(data['followups'])} follow-up(s) to {args.file}", file=sys.stderr)
    return 0


# A backup holds answers and details: 50 MB is tens of thousands of follow-ups.
MAX_BACKUP_BYTES = 50 * 1024 * 1024


def _run_restore(args: argparse.Namespace) -> int:
    import json

    try:
        if args.file.stat().st_size > MAX_BACKUP_BYTES:
            raise AdviceError(f"{args.file} is larger than any backup of ours")
        raw = args.file.read_bytes()
    except OSError as exc:
        raise AdviceError(f"could not read {args.file}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise AdviceError(
            f"{args.file} is not a backup of advice's follow-ups (not JSON)"
        ) from None
    with _open_tracker() as tracker:
        for line in tracker.restore(data):
            print(line)
    return 0


# -- authoring: schema, graph, paths, new -----------------------------------------------


def _args_schema(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "kind",
        nargs="?",
        choices=("tree", "sources"),
        default="tree",
        help="the schema of a tree file (default) or of sources.yaml",
    )


def _run_schema(args: argparse.Namespace) -> int:
    from advice.schema import schema_text

    sys.stdout.write(schema_text(args.kind))
    return 0


def _loaded_tree(ref: str) -> object:
    """A tree that loads (meaning problems allowed: graphs and paths help find them)."""
    from advice.check import check_file
    from advice.library import find_tree

    result = check_file(find_tree(ref))
    if result.tree is None:
        lines = "\n".join(str(d) for d in result.errors())
        raise AdviceError(f"the tree cannot be read; fix this first:\n{lines}")
    return result.tree


def _args_graph(p: argparse.ArgumentParser) -> None:
    p.add_argument("tree", help="a shipped tree id or a path to a tree file")
    p.add_argument(
        "--format", choices=("mermaid", "dot"), default="mermaid", help="default: mermaid"
    )


def _run_graph(args: argparse.Namespace) -> int:
    from advice.graph import draw
    from advice.model import Tree

    tree = _loaded_tree(args.tree)
    assert isinstance(tree, Tree)
    sys.stdout.write(draw(tree, args.format))
    return 0


def _args_paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("tree", help="a shipped tree id or a path to a tree file")
    p.add_argument("--json", action="store_true", help="print the paths as a JSON list")
    p.add_argument(
        "--uncovered",
        action="store_true",
        help="only the paths no `examples:` entry walks (exit 1 if there are any)",
    )


def _run_paths(args: argparse.Namespace) -> int:
    from advice.model import Tree
    from advice.routes import PATH_LIMIT, path_rows

    tree = _loaded_tree(args.tree)
    assert isinstance(tree, Tree)
    if args.uncovered:
        return _print_uncovered(tree, args.json)
    rows = path_rows(tree)
    bad = sum(1 for r in rows if not r.ok)
    if args.json:
        from advice.export import to_json  # its escapes keep the JSON valid and inert

        sys.stdout.write(to_json([r.as_json() for r in rows]))
        return 1 if bad else 0
    width = len(str(len(rows)))
    for i, r in enumerate(rows, 1):
        end = f"{r.end}: {r.title}" if r.ok else f"{r.end} (NOT A CITED END)"
        print(f"{i:>{width}}. {' > '.join(r.labels) or '(no questions)'} -> {end}")
    ends = len({r.end for r in rows if r.ok})
    print(f"{len(rows)} path(s) to {ends} recommendation(s); {bad} without a cited end")
    if len(rows) >= PATH_LIMIT:
        print(f"(stopped after {PATH_LIMIT} paths)")
    return 1 if bad else 0


def _print_uncovered(tree: object, as_json: bool) -> int:
    """`advice paths --uncovered`: the paths a contributor still has to write examples for."""
    import json

    from advice.check import EXAMPLE_TODAY
    from advice.model import Tree
    from advice.routes import uncovered_rows

    assert isinstance(tree, Tree)
    # The checker walks examples on this fixed day; so must we, or date answers differ.
    rows = uncovered_rows(tree, EXAMPLE_TODAY)
    if as_json:
        print(json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False))
        return 1 if rows else 0
    width = len(str(len(rows)))
    for i, r in enumerate(rows, 1):
        end = f"{r.end}: {r.title}" if r.title else r.end
        print(f"{i:>{width}}. {' > '.join(r.labels) or '(no questions)'} -> {end}")
    print(f"{len(rows)} path(s) no example walks")
    return 1 if rows else 0


def _args_new(p: argparse.ArgumentParser) -> None:
    p.add_argument("tree_id", metavar="TREE-ID", help="lowercase letters, digits and hyphens")
    p.add_argument(
        "--output", type=Path, metavar="PATH", help="file or folder (default: ./TREE-ID.yaml)"
    )


def _run_new(args: argparse.Namespace) -> int:
    from advice.starter import write_starter

    path = write_starter(args.tree_id, args.output)
    print(f"wrote {path}; check it with: advice check {path} --strict")
    return 0


# -- diff -------------------------------------------------------------------------------


def _args_diff(p: argparse.ArgumentParser) -> None:
    p.add_argument("old", metavar="OLD", help="a tree file, a shipped tree id, or a git revision")
    p.add_argument("new", metavar="NEW", help="a tree file, a shipped tree id, or a git revision")
    p.add_argument("--json", action="store_true", help="print the changes as one JSON object")


def _tree_file(ref: str) -> Path | None:
    """The tree file `ref` names (a path or a shipped id), or None: then it is a revision."""
    from advice.library import find_tree

    try:
        return find_tree(ref)
    except AdviceError:
        return None


def _run_diff(args: argparse.Namespace) -> int:
    """Exit 0 no change, 1 changes, 2 usage or a version that cannot be read (as diff)."""
    import json

    from advice.diff import diff, load_file, load_revision, render_text

    try:
        old_file, new_file = _tree_file(args.old), _tree_file(args.new)
        if old_file is not None and new_file is not None:
            old, old_label = load_file(old_file), str(old_file)
            new, new_label = load_file(new_file), str(new_file)
        elif old_file is None and new_file is None:
            raise AdviceError(
                f"neither {args.old!r} nor {args.new!r} is a tree file or a shipped tree id"
            )
        else:
            # A tree and a revision, in either order: that revision's version is the old one.
            file, rev = (old_file, args.new) if old_file is not None else (new_file, args.old)
            assert file is not None
            old, old_label = load_revision(file, rev)
            new, new_label = load_file(file), str(file)
    except AdviceError as exc:
        print(f"advice: {exc}", file=sys.stderr)
        return 2
    result = diff(old, new, old_label, new_label)
    if args.json:
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_text(result))
    return 1 if result.count() else 0


# -- serve ------------------------------------------------------------------------------


# Each served tab is an app process of its own (about 30 MB): 200 tabs took 6.6 GB.
MAX_TABS = 10


def _args_serve(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", type=Path, help="a tree file or folder (default: shipped)")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this computer only; "
        "0.0.0.0 opens it to the network)",
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name besides localhost that browsers may use, such as a reverse "
        "proxy's public name (repeatable)",
    )
    p.add_argument(
        "--max-tabs",
        type=_positive,
        default=MAX_TABS,
        metavar="N",
        help=f"browser tabs served at once, each its own app (default: {MAX_TABS}); "
        "the next gets a page asking to come back later",
    )
    p.add_argument(
        "--verbose", action="store_true", help="log a line per request (default: start and stop)"
    )
    add_today(p)
    add_theme(p)


def _positive(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError(f"not a whole number from 1 to 10000: {text!r}")
    return int(text)


def _run_serve(args: argparse.Namespace) -> int:
    from advice.serve import serve

    return serve(
        args.host,
        args.port,
        args.path,
        args.today,
        args.theme,
        args.allow_host,
        max_tabs=args.max_tabs,
        verbose=args.verbose,
    )


# -- the app ----------------------------------------------------------------------------


def _run_app(args: argparse.Namespace) -> int:
    from advice.app.main import run_app

    return int(run_app(args))


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {
    "list": ("list the shipped trees", _args_list, _run_list),
    "check": ("validate trees: one line per problem, exit 1 if any", _args_check, _run_check),
    "walk": (
        "walk a tree without the full-screen app (plain prompt or --json)",
        _args_walk,
        _run_walk,
    ),
    "export": ("write the plan as Markdown, iCalendar (.ics) or JSON", _args_export, _run_export),
    "status": (
        "every open follow-up with its next step and date, overdue first",
        _args_status,
        _run_status,
    ),
    "done": ("mark a dated step of a follow-up done (or --undo)", _args_done, _run_done),
    "archive": ("take a follow-up out of status (or --undo)", _args_archive, _run_archive),
    "backup": ("write every follow-up to a JSON file", _args_file, _run_backup),
    "restore": (
        "add the follow-ups of a backup file (a name already here with other answers: refused)",
        _args_file,
        _run_restore,
    ),
    "schema": (
        "print the JSON Schema of the tree format (or of sources.yaml)",
        _args_schema,
        _run_schema,
    ),
    "graph": ("draw a tree as a Mermaid or Graphviz graph", _args_graph, _run_graph),
    "paths": ("list every path from the start to an end, with a count", _args_paths, _run_paths),
    "new": ("write a starter tree file that passes the checker", _args_new, _run_new),
    "diff": (
        "what changed for a person between two versions of a tree (exit 1 if anything)",
        _args_diff,
        _run_diff,
    ),
    "serve": ("the app in a web browser (needs the serve extra)", _args_serve, _run_serve),
}


# The commands that read or write the follow-ups: their --help says where they are.
DATA_COMMANDS = ("status", "done", "archive", "backup", "restore")


class _Parser(argparse.ArgumentParser):
    """A parser whose epilog is written only when its help is shown: saying where the
    follow-ups live imports the store (and sqlite3, ~3M instructions), which the app's
    start and every other command before its first line do not need."""

    def __init__(self, epilog_of: Callable[[], str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._epilog_of = epilog_of

    def format_help(self) -> str:
        self.epilog = self._epilog_of()
        return super().format_help()


def _main_epilog() -> str:
    commands = "\n".join(f"  {name:<8} {help_}" for name, (help_, _, _) in COMMANDS.items())
    return f"commands (advice COMMAND --help for more):\n{commands}\n\n{data_note()}"


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        _main_epilog,
        prog="advice",
        description="Expert advice as cited, interactive decision trees.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", help="a tree file or folder (default: the shipped trees)")
    p.add_argument(
        "--resume",
        action="store_true",
        help="continue where you stopped (the default now: every walk is saved as it goes)",
    )
    p.add_argument("--case", metavar="NAME", help="open the follow-up of this name, or start it")
    p.add_argument(
        "--watch",
        action="store_true",
        help="reload a tree when its file or sources.yaml is saved (answers kept)",
    )
    add_today(p)
    add_theme(p)
    return p


def command_parser(name: str) -> argparse.ArgumentParser:
    help_, add_args, _ = COMMANDS[name]
    if name not in DATA_COMMANDS:
        p = argparse.ArgumentParser(prog=f"advice {name}", description=help_)
    else:
        p = _Parser(
            data_note,
            prog=f"advice {name}",
            description=help_,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    add_args(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    with _escaped_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)

    def dispatch() -> int:
        if argv and argv[0] in COMMANDS:
            args = command_parser(argv[0]).parse_args(argv[1:])
            return COMMANDS[argv[0]][2](args)
        return _run_app(build_parser().parse_args(argv))

    return guarded(dispatch)


if __name__ == "__main__":
    sys.exit(main())
