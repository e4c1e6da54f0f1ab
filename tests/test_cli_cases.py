"""Follow-ups through the real console script: walk --case, status, done, export, backup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ADVICE

TODAY = "2026-11-20"
EMAIL = ["just-interviewed", "yesterday", "email"]


def answers(*values: str) -> list[str]:
    return [a for v in values for a in ("--answer", v)]


class Cli:
    """The `advice` command on one data folder."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.env = {**os.environ, "ADVICE_DATA_DIR": str(data)}

    def __call__(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [ADVICE, *args],
            capture_output=True,
            text=True,
            timeout=60,
            env=self.env,
            input=stdin,
        )

    def walk(self, name: str, *values: str) -> subprocess.CompletedProcess[str]:
        args = ["walk", "interview-follow-up", "--case", name, *answers(*values)]
        out = self(*args, "--json", "--today", TODAY)
        assert out.returncode == 0, out.stderr
        return out

    def status(self, today: str = TODAY) -> list[dict[str, object]]:
        out = self("status", "--json", "--today", today)
        assert out.returncode == 0, out.stderr
        assert "Traceback" not in out.stderr
        items: list[dict[str, object]] = json.loads(out.stdout)["followups"]
        return items


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "data")


def test_two_follow_ups_of_one_tree_are_kept_apart(cli: Cli) -> None:
    acme = json.loads(cli.walk("Acme, data analyst", *EMAIL).stdout)
    globex = json.loads(cli.walk("Globex", *EMAIL[:2], "handwritten").stdout)
    assert acme["node"]["id"] != globex["node"]["id"]
    status = {s["name"]: s for s in cli.status()}
    assert status["Acme, data analyst"]["next_action"] == acme["node"]["schedule"][0]["action"]
    assert status["Globex"]["next_action"] == globex["node"]["schedule"][0]["action"]
    # Each opens where it was: no answer needed, the same recommendation.
    assert json.loads(cli.walk("acme, DATA analyst").stdout)["node"]["id"] == acme["node"]["id"]
    exported = cli("export", "--case", "Globex", "--format", "json", "--today", TODAY)
    assert json.loads(exported.stdout)["node"]["id"] == globex["node"]["id"]


def test_status_puts_overdue_first_and_done_moves_on(cli: Cli) -> None:
    cli.walk("Later", "just-interviewed", "today", "email")
    cli.walk("Earlier", *EMAIL)
    cli.walk("Unfinished", "just-interviewed")
    later = cli.status("2026-11-22")
    assert [s["name"] for s in later] == ["Earlier", "Later", "Unfinished"]
    assert [s["overdue"] for s in later] == [True, True, False]
    plain = cli("status", "--today", "2026-11-22")
    assert plain.stdout.splitlines()[0].startswith("OVERDUE ")
    done = cli("done", "--case", "Earlier", "--on", TODAY, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Done on Friday 20 November 2026: ")
    after = {s["name"]: s for s in cli.status("2026-11-22")}
    assert after["Earlier"]["next_action"] != later[0]["next_action"]
    assert cli("archive", "--case", "Unfinished").returncode == 0
    assert sorted(str(s["name"]) for s in cli.status("2026-11-22")) == ["Earlier", "Later"]
    assert cli("archive", "--case", "unfinished", "--undo").returncode == 0
    assert len(cli.status("2026-11-22")) == 3


def test_twenty_processes_writing_at_once_lose_none(cli: Cli) -> None:
    def start(i: int) -> subprocess.Popen[str]:
        args = ["walk", "interview-follow-up", "--case", f"Company {i}", *answers(*EMAIL)]
        return subprocess.Popen(
            [ADVICE, *args, "--json", "--today", TODAY],
            env=cli.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    procs = [start(i) for i in range(20)]  # all started before any is waited for
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 20, errors
    assert sorted(str(s["name"]) for s in cli.status()) == sorted(f"Company {i}" for i in range(20))


def test_old_json_saves_are_imported(cli: Cli) -> None:
    # A save as the earlier versions wrote it: through --resume.
    fills = ["--fill", "company=Acme", "--fill", "position=data analyst"]
    old = cli(
        "walk",
        "interview-follow-up",
        "--resume",
        *answers(*EMAIL),
        *fills,
        "--json",
        "--today",
        TODAY,
    )
    assert old.returncode == 0, old.stderr
    [save] = (cli.data / "sessions").glob("*.json")
    out = cli("status", "--today", TODAY)
    assert out.returncode == 0, out.stderr
    assert "imported 1 saved walk(s) as follow-ups: 'Acme, data analyst'" in out.stderr
    assert "Acme, data analyst: " in out.stdout
    assert not save.exists() and save.with_name(save.name + ".imported").exists()
    again = cli("status", "--today", TODAY)
    assert "imported" not in again.stderr and again.stdout == out.stdout


def test_a_corrupt_database_is_set_aside_and_the_command_goes_on(cli: Cli) -> None:
    cli.walk("Acme", *EMAIL)
    db = cli.data / "advice.db"
    for side in ("advice.db-wal", "advice.db-shm"):
        (cli.data / side).unlink(missing_ok=True)
    garbage = b"\x00not sqlite\xff" * 500
    db.write_bytes(garbage)
    out = cli("status", "--today", TODAY)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    [aside] = cli.data.glob("advice.corrupt-*.db")
    assert f"could not be read (file is not a database); it was moved to {aside}" in out.stderr
    assert aside.read_bytes() == garbage
    assert out.stdout.startswith("No open follow-ups.")
    cli.walk("Acme", *EMAIL)  # the fresh database works
    assert [s["name"] for s in cli.status()] == ["Acme"]


def test_calendar_ids_are_stable_and_per_follow_up(cli: Cli, tmp_path: Path) -> None:
    cli.walk("Acme", *EMAIL)
    cli.walk("Globex", *EMAIL)
    cli.walk("Unfinished", "just-interviewed")

    def uids() -> list[str]:
        out = cli("export", "--all", "--format", "ics", "--today", TODAY)
        assert out.returncode == 0, out.stderr
        assert "not in the calendar: Unfinished" in out.stderr
        return [line for line in out.stdout.splitlines() if line.startswith("UID:")]

    first = uids()
    assert len(first) == len(set(first)) >= 2  # same tree and answers, yet no shared id
    assert uids() == first
    backup = tmp_path / "backup.json"
    assert cli("backup", str(backup)).returncode == 0
    elsewhere = Cli(tmp_path / "elsewhere")
    restored = elsewhere("restore", str(backup))
    assert restored.stdout == "restored 3 follow-up(s)\n", restored.stderr
    moved = elsewhere("export", "--all", "--format", "ics", "--today", TODAY)
    assert [ln for ln in moved.stdout.splitlines() if ln.startswith("UID:")] == first


def test_restore_refuses_what_is_not_ours_and_clashes(cli: Cli, tmp_path: Path) -> None:
    cli.walk("Acme", *EMAIL)
    backup = tmp_path / "backup.json"
    cli("backup", str(backup))
    assert cli("restore", str(backup)).stdout.endswith("already here, unchanged: 'Acme'\n")
    cli.walk("Acme")  # open it again: no change, still the same
    cli("done", "--case", "Acme", "--today", TODAY)
    clash = cli("restore", str(backup))
    assert clash.returncode == 1
    assert "already here with different answers or steps: 'Acme'" in clash.stderr
    other = tmp_path / "other.json"
    other.write_text('{"version": 1}')
    refused = cli("restore", str(other))
    assert refused.returncode == 1 and "not a backup of advice's follow-ups" in refused.stderr
    assert "Traceback" not in refused.stderr + clash.stderr


def test_help_says_where_the_data_lives(cli: Cli) -> None:
    where = str(cli.data / "advice.db")
    for args in (["--help"], ["status", "--help"]):
        out = cli(*args)
        assert out.returncode == 0
        assert f"\n  {where}\n" in out.stdout, out.stdout
        assert "Nothing leaves this computer." in out.stdout


def test_only_help_reads_where_the_data_lives() -> None:
    """The help's line about the database imports the store and sqlite3 (~6M
    instructions, docs/performance.md): building the parsers, as the app's start and
    every command do, must not; their help still says it."""
    probe = (
        "import sys; from advice.cli import build_parser, command_parser; "
        "build_parser().parse_args([]); command_parser('done').parse_args(['--case', 'A']); "
        "print(sorted(m for m in ('sqlite3', 'advice.store') if m in sys.modules)); "
        "print('Nothing leaves' in command_parser('done').format_help())"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"], out.stdout


def test_a_wrong_answer_leaves_no_follow_up_behind(cli: Cli) -> None:
    out = cli("walk", "interview-follow-up", "--case", "Acme", "--answer", "nope", "--json")
    assert out.returncode == 1 and "valid: " in out.stderr
    assert cli.status() == []


def test_the_plain_walk_saves_every_answer(cli: Cli) -> None:
    out = cli("walk", "interview-follow-up", "--case", "Acme", "--today", TODAY, stdin="1\n")
    assert out.returncode == 0, out.stderr
    assert "continue with: advice walk interview-follow-up --case Acme" in out.stdout
    [acme] = cli.status()
    assert str(acme["next_action"]).startswith("Answer: ")
    assert acme["next_action"] != "Answer: Where are you with this interview?"


def test_status_loads_neither_the_parser_nor_the_engine(cli: Cli) -> None:
    """What keeps `advice status` within 1.3x of a bare Python start (bench_status.py):
    the console script answers it before advice.cli, argparse, msgspec or typing load."""
    cli.walk("Acme", *EMAIL)
    probe = (
        "import sys; sys.argv = ['advice', 'status', '--today', '2026-11-20']\n"
        "from advice.entry import main\n"
        "assert main() == 0\n"
        "heavy = {'advice.cli', 'argparse', 'msgspec', 'typing', 'advice.tracker'}\n"
        "print(sorted(heavy & set(sys.modules)), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=cli.env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("DUE TODAY 2026-11-20  Acme: ")
    assert out.stderr == "[]\n"


def test_changing_an_answer_in_the_plain_walk_says_what_moved(cli: Cli) -> None:
    details = ["name=Sam", "interviewer=Lee", "company=Acme", "position=analyst"]
    fills = [a for d in [*details, "high_point=x", "common=y"] for a in ("--fill", d)]
    first = cli("walk", "interview-follow-up", "--case", "Acme", "--json", "--today", TODAY,
                *answers("just-interviewed", "2026-11-17", "email"), *fills)  # fmt: skip
    assert first.returncode == 0, first.stderr
    [step] = json.loads(first.stdout)["node"]["schedule"]
    # Back twice to the interview's day, two days later, then Enter keeps "email".
    out = cli("walk", "interview-follow-up", "--case", "Acme", "--today", TODAY,
              stdin="b\nb\n2026-11-19\n\n\n")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert f"{step['action']} moved from Wed 18 Nov to Fri 20 Nov\n" in out.stdout
    [acme] = cli.status()
    assert acme["next_date"] == "2026-11-20"


def test_processes_starting_at_once_import_an_old_save_once(cli: Cli) -> None:
    old = cli("walk", "interview-follow-up", "--resume", *answers(*EMAIL), "--json",
              "--today", TODAY)  # fmt: skip
    assert old.returncode == 0, old.stderr
    procs = [
        subprocess.Popen(
            [ADVICE, "status"],
            env=cli.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(5)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 5, errors
    assert sum("imported 1 saved walk" in e for e in errors) == 1, errors
    assert [s["name"] for s in cli.status()] == ["Following up after a job interview"]


def test_a_data_folder_that_cannot_be_made_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    cli = Cli(blocker)
    for args in (["status"], ["walk", "interview-follow-up", "--case", "Acme", "--json"]):
        out = cli(*args)
        assert out.returncode == 1, out.stderr
        assert out.stderr.startswith(f"advice: could not create the data folder {blocker}")
        assert len(out.stderr.splitlines()) == 1 and "Traceback" not in out.stderr


def test_done_on_a_day_to_come_is_refused_in_one_line(cli: Cli) -> None:
    """A step is done on the day it was done: a day after --today is not one (the app's
    `o` refuses it too); it was saved and said as "Done on Sunday 22 November 2026"."""
    cli.walk("Acme", *EMAIL)
    later = cli("done", "--case", "Acme", "--on", "2026-11-22", "--today", TODAY)
    assert later.returncode != 0
    assert later.stdout == ""
    assert later.stderr.count("\n") == 1 and "Traceback" not in later.stderr
    assert "2026-11-22" in later.stderr and "after today" in later.stderr
    assert cli.status()[0]["next_action"] is not None  # still to do
    same_day = cli("done", "--case", "Acme", "--on", TODAY, "--today", TODAY)
    assert same_day.returncode == 0, same_day.stderr


def test_status_says_due_today_as_the_home_screen_does(cli: Cli) -> None:
    """A step due today is marked in words in the plain list, as on the home screen;
    a later one is not, an overdue one says OVERDUE."""
    cli.walk("Due", "just-interviewed", "yesterday", "email")  # by today
    cli.walk("Late", "just-interviewed", "2026-11-17", "email")
    cli.walk("Later", "just-interviewed", "today", "email")
    lines = cli("status", "--today", TODAY).stdout.splitlines()
    assert [line.split("  ")[-1].split(":")[0] for line in lines] == ["Late", "Due", "Later"]
    assert lines[0].startswith("OVERDUE 2026-11-18  Late: ")
    assert lines[1].startswith(f"DUE TODAY {TODAY}  Due: ")
    assert lines[2].startswith("2026-11-21  Later: ")


def test_a_step_done_after_its_day_passed_is_done_in_the_calendar_not_passed(cli: Cli) -> None:
    """It read "Done: Acme: Passed: Email your thank-you note": done and missed at once."""
    cli.walk("Acme", "just-interviewed", "2026-11-17", "email")  # by Wed 18 Nov: gone
    cli.walk("Globex", "just-interviewed", "2026-11-17", "email")  # gone, not done
    assert cli("done", "--case", "Acme", "--on", "2026-11-19", "--today", TODAY).returncode == 0

    def summaries(*args: str) -> list[str]:
        out = cli("export", *args, "--format", "ics", "--today", TODAY)
        assert out.returncode == 0, out.stderr
        return [ln for ln in out.stdout.splitlines() if ln.startswith("SUMMARY:")]

    every = summaries("--all")
    assert "SUMMARY:Done: Acme: Email your thank-you note" in every
    assert "SUMMARY:Globex: Passed: Email your thank-you note" in every
    assert summaries("--case", "Acme") == ["SUMMARY:Done: Email your thank-you note"]


def test_a_follow_ups_markdown_plan_says_which_steps_are_done(cli: Cli) -> None:
    """As the app's plan does ("Done Thu 19 Nov: ..."): it said only that the day had
    passed, as if the step was missed."""
    cli.walk("Acme", "just-interviewed", "2026-11-17", "email")
    cli.walk("Globex", "just-interviewed", "2026-11-17", "email")
    assert cli("done", "--case", "Acme", "--on", "2026-11-19", "--today", TODAY).returncode == 0

    def when(name: str) -> list[str]:
        out = cli("export", "--case", name, "--format", "md", "--today", TODAY)
        assert out.returncode == 0, out.stderr
        return [ln for ln in out.stdout.splitlines() if "Email your thank-you note" in ln]

    assert when("Acme") == [
        "- Done Thu 19 Nov: By 2026-11-18 (Wednesday), which has passed: Email your thank-you note"
    ]
    assert when("Globex") == [
        "- By 2026-11-18 (Wednesday), which has passed: Email your thank-you note"
    ]


def test_the_plain_walk_of_a_follow_up_says_which_steps_are_done(cli: Cli) -> None:
    cli.walk("Acme", "just-interviewed", "2026-11-17", "email")
    assert cli("done", "--case", "Acme", "--on", "2026-11-19", "--today", TODAY).returncode == 0
    out = cli("walk", "interview-follow-up", "--case", "Acme", "--today", TODAY, stdin="\n" * 9)
    assert out.returncode == 0, out.stderr
    mark = "  Done Thu 19 Nov: By 2026-11-18 (Wednesday), which has passed: Email your"
    assert mark in out.stdout


def test_done_again_on_a_step_marked_already_says_the_day_it_replaces(cli: Cli) -> None:
    cli.walk("Acme", *EMAIL)
    assert cli("done", "--case", "Acme", "--on", "2026-11-19", "--today", TODAY).returncode == 0
    again = cli("done", "--case", "Acme", "--step", "1", "--today", TODAY)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(
        "Done on Friday 20 November 2026 (it said Thursday 19 November 2026): "
    )
