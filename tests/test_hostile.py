"""Hostile text never reaches the terminal: trees, values, save files and file names full
of escape sequences, through every command of the real console script and the app.

tests/data/hostile/ holds trees with the escapes a security review used (issue 20):
OSC 52 (set the clipboard), CSI 2J (clear the screen), OSC 0 (the window title), OSC 8
(a hidden link), NUL, 8-bit C1 escapes and bidi overrides and isolates, in values, keys
and ids. The loader refuses them (ADV025); what the commands print about them, and what
users type, save or name their files, comes out escaped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from advice.app.advice_app import AdviceApp
from advice.app.screens.error import ErrorScreen
from advice.app.screens.picker import PickerScreen
from advice.app.screens.question import QuestionScreen
from advice.app.screens.recommendation import RecommendationScreen
from tests.support import ADVICE, DATA, answers
from tests.support.app import drawn_lines, drive, make_app, notes, paste, replace_text, shown_text
from tests.support.plan import TODAY_ARG as TODAY
from tests.support.plan import TREE

HOSTILE = DATA / "hostile"
TREES = sorted(p for p in HOSTILE.glob("*.yaml") if p.name != "sources.yaml")
# What must never come out, as the issue says it: a byte below 0x20 other than newline
# and tab, DEL, a C1 control, a bidi override or isolate.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")
# A value with all of them but NUL (an argument cannot hold one; stdin can).
EVIL = (
    "Ms \x1b]52;c;ZWNobyBwd25lZA==\x07Lee\x1b[2J\x1b]0;PWNED\x07"
    "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\\x9b2J\u202eevil\u2066"
)
# A file name with escapes in it: a file can be called anything.
EVIL_NAME = "evil\x1b]0;PWNED\x07\x9b2J\u202e.yaml"

COMMANDS = [
    ["check"],
    ["check", "--strict"],
    ["walk", "--json"],
    ["walk"],
    ["export", "--format", "md"],
    ["export", "--format", "ics"],
    ["export", "--format", "json"],
    ["graph"],
    ["graph", "--format", "dot"],
    ["paths"],
    ["paths", "--json"],
]


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [ADVICE, *args],
        capture_output=True,
        input=stdin.encode("utf-8"),
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def assert_inert(out: subprocess.CompletedProcess[bytes], calendar: bool = False) -> str:
    """Nothing on stdout or stderr that a terminal would act on; no crash, no traceback.
    A calendar's lines end in CRLF (RFC 5545): that CR, and only that one, is allowed."""
    text = (out.stdout + out.stderr).decode("utf-8")
    if calendar:
        text = text.replace("\r\n", "\n")
    bad = FORBIDDEN.search(text)
    assert bad is None, (repr(bad.group()), text)
    assert out.returncode in (0, 1), text
    assert "Traceback" not in text
    return text


def tree_arg(command: list[str], tree: Path) -> list[str]:
    return [command[0], str(tree), *command[1:]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("tree", TREES, ids=lambda p: p.stem)
def test_no_command_prints_a_control_character_from_a_hostile_tree(
    tree: Path, command: list[str]
) -> None:
    out = run(*tree_arg(command, tree), stdin="1\n\n")
    text = assert_inert(out)
    if "json" in command or "--json" in command:  # escaped, and still JSON
        if out.stdout:
            json.loads(out.stdout)  # raises when the escaping broke the JSON
        else:
            assert out.returncode == 1  # nothing printed: refused, said on stderr
    if command[0] == "check":
        assert out.returncode == 1
        assert re.search(r"ADV0(25|01) ", text), text
    elif command[0] in ("walk", "export"):  # a tree with problems is not walked
        assert out.returncode == 1 and "the tree has problems" in text


def test_list_of_the_hostile_folder_is_inert() -> None:
    out = run("list", str(HOSTILE))
    assert "(broken: run `advice check`)" in assert_inert(out)


def test_graph_and_paths_show_what_a_broken_tree_holds_escaped() -> None:
    """They draw trees with problems (to find them), so the text is there, escaped."""
    tree = HOSTILE / "clipboard.yaml"
    # Written out as \x1b, in each format's own escape for a backslash.
    mermaid = assert_inert(run("graph", str(tree)))
    assert 'n1(["Send #92;x1b]52;c;ZWNobyBwd25lZA==#92;x07a card"])' in mermaid
    dot = assert_inert(run("graph", str(tree), "--format", "dot"))
    assert '[label="Send \\\\x1b]52;c;ZWNobyBwd25lZA==\\\\x07a card"' in dot
    paths = assert_inert(run("paths", str(tree)))
    assert "send: Send \\x1b]52;c;ZWNobyBwd25lZA==\\x07a card" in paths


@pytest.fixture
def evil_named(tmp_path: Path) -> Path:
    """A hostile tree under a hostile file name."""
    path = tmp_path / EVIL_NAME
    path.write_bytes((HOSTILE / "clipboard.yaml").read_bytes())
    shutil.copy(HOSTILE / "sources.yaml", tmp_path / "sources.yaml")
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_hostile_file_name_is_printed_escaped(evil_named: Path, command: list[str]) -> None:
    text = assert_inert(run(*tree_arg(command, evil_named)))
    if command[0] == "check":
        assert "evil\\x1b]0;PWNED\\x07\\x9b2J\\u202e.yaml:3:8: ADV025" in text


def test_list_and_a_missing_file_with_a_hostile_name(evil_named: Path) -> None:
    listed = assert_inert(run("list", str(evil_named.parent)))
    assert "Hostile \\x1b]52;c;ZWNobyBwd25lZA==\\x07tree" in listed  # the title, escaped
    # A file that cannot be read at all is listed by its name.
    evil_named.write_bytes((HOSTILE / "unclosed-quote.yaml").read_bytes())
    listed = assert_inert(run("list", str(evil_named.parent)))
    assert "evil\\x1b]0;PWNED\\x07\\x9b2J\\u202e  (broken" in listed
    missing = assert_inert(run("walk", str(evil_named.parent / ("gone" + EVIL_NAME))))
    assert "no such file" in missing and "gone" in missing


# -- outside values in a good tree: --fill, --answer, typed, saved ------------------------

VALUES = ["just-interviewed", "2026-11-19", EVIL]  # the last: the text question "your name"


@pytest.mark.parametrize(
    "command", [c for c in COMMANDS if c[0] in ("walk", "export")], ids=" ".join
)
def test_values_given_on_the_command_line_come_out_escaped(command: list[str]) -> None:
    args = [*tree_arg(command, TREE), "--today", TODAY, *answers(VALUES)]
    args += ["--fill", f"interviewer={EVIL}", "--fill", "company=ACME"]
    out = run(*args, stdin="\n")
    text = assert_inert(out, calendar="ics" in command)
    assert out.returncode == 0, text
    if command == ["walk", "--json"]:
        data = json.loads(out.stdout)
        # The label is text to show, escaped; the value itself is kept as given.
        assert data["path"][-1]["answer_id"] == EVIL
        assert data["path"][-1]["answer"].startswith("Ms \\x1b]52;c;")
    if command[0] == "export" and "md" in command:
        assert "Dear Ms \\x1b]52;c;ZWNobyBwd25lZA==\\x07Lee" in text


def test_values_typed_into_the_plain_walk_come_out_escaped() -> None:
    typed = "1\n2026-11-19\n" + EVIL + "\x00\n" + EVIL + "\nACME\n\n"
    out = run("walk", str(TREE), "--today", TODAY, stdin=typed)
    text = assert_inert(out)
    assert out.returncode == 0, text
    assert "Dear Ms \\x1b]52;c;" in text and "\\x00" in text


def test_an_answer_that_is_not_one_is_quoted_escaped() -> None:
    out = run("walk", str(TREE), "--answer", EVIL)
    text = assert_inert(out)
    assert out.returncode == 1 and "is not an answer" in text and "\\x1b[2J" in text


def test_a_usage_error_quotes_the_argument_escaped() -> None:
    out = run("walk", str(TREE), "--today", EVIL)
    assert out.returncode == 2
    said = out.stderr.decode("utf-8")
    assert FORBIDDEN.search(said) is None and "is not a date" in said and "\\x1b[2J" in said


def test_resume_messages_about_saved_values_come_out_escaped(tmp_path: Path) -> None:
    """A save holds what was typed; when the tree changed, the dropped answers are listed."""
    tree = tmp_path / "follow-up.yaml"
    shutil.copy(TREE, tree)
    shutil.copy(TREE.parent / "sources.yaml", tmp_path / "sources.yaml")
    for args in (["--json"], []):
        env = {"ADVICE_DATA_DIR": str(tmp_path / f"data{len(args)}")}
        shutil.copy(TREE, tree)
        first = run("walk", str(tree), "--resume", "--json", *answers(VALUES), env=env)
        assert first.returncode == 0, first.stderr
        # The question the typed name answered has another id now: that answer is dropped.
        text = tree.read_text(encoding="utf-8").replace("your-name", "full-name")
        tree.write_text(text, encoding="utf-8")
        out = run("walk", str(tree), "--resume", *args, stdin="q\n", env=env)
        said = assert_inert(out)
        assert "Ms \\x1b]52;c;ZWNobyBwd25lZA==\\x07Lee" in said, said


# -- the app --------------------------------------------------------------------------------


def test_the_app_shows_a_hostile_file_name_escaped(evil_named: Path) -> None:
    """The picker, the error screen and its top bar name the file; escaped, all three."""
    shutil.copy(TREE, evil_named.parent / "follow-up.yaml")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        trees = app.screen.query_one("#trees", OptionList)
        prompts = [str(trees.get_option_at_index(i).prompt) for i in range(trees.option_count)]
        seen = shown_text(app) + "\n" + "\n".join(prompts)
        assert "evil\\x1b]0;PWNED\\x07\\x9b2J\\u202e.yaml" in seen
        assert FORBIDDEN.search(seen) is None
        broken = next(e for e in app.entries if not e.ok)
        app.push_screen(ErrorScreen(broken))
        await pilot.pause()
        seen = shown_text(app)
        assert "evil\\x1b]0;PWNED\\x07" in seen and FORBIDDEN.search(seen) is None

    drive(make_app(evil_named.parent), script)


def test_the_app_shows_hostile_values_escaped() -> None:
    """A value typed or saved (here given as the walk's answers): in the line of answers,
    the ready text and a notification."""
    values = {"situation": "just-interviewed", "interview-date": "2026-11-20", "interviewer": EVIL}

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, RecommendationScreen)
        seen = shown_text(app)
        assert "Ms \\x1b]52;c;ZWNobyBwd25lZA==\\x07Lee" in seen
        app.notify(f"Saved the plan to {EVIL}")
        await pilot.pause()
        seen += "\n".join(notes(app))
        assert FORBIDDEN.search(seen) is None, seen

    drive(make_app(answers=values), script)


def test_a_pasted_escape_sequence_is_escaped_in_the_field() -> None:
    """Textual's Input draws its value as it is: a paste went to the terminal raw."""
    values = {"situation": "just-interviewed", "interview-date": "2026-11-20"}

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, QuestionScreen)
        field = app.screen.query_one(Input)
        await replace_text(pilot, "")
        await paste(pilot, EVIL)
        drawn = "\n".join(drawn_lines(field))
        assert field.value.startswith("Ms \\x1b]52;c;ZWNobyBwd25lZA==\\x07Lee")
        assert FORBIDDEN.search(field.value + drawn) is None, drawn
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)
        assert FORBIDDEN.search(shown_text(app)) is None

    drive(make_app(answers=values), script)


# -- ids that read as something they are not (ADV027) -------------------------------------


@pytest.mark.parametrize(
    ("answer_id", "warned"),
    [
        ("café", False),  # an accent is a letter of the same alphabet
        ("отправить", False),  # one alphabet, not Latin: fine
        ("ひらがなカタカナ漢字", False),  # Japanese writes three together
        ("s\u0435nd", True),  # a Cyrillic е among Latin letters
        ("send\ufe0f", True),  # a variation selector shows nothing
        ("ｓend", True),  # a fullwidth letter reads as s
        ("se\u200dnd", True),  # zero-width joiner
    ],
)
def test_look_alike_ids_warn_and_others_do_not(
    tmp_path: Path, answer_id: str, warned: bool
) -> None:
    text = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ids.yaml"
    # The answer and the example that walks it (so ADV031 stays quiet) both change.
    text = text.replace('{id: "yes"', f'{{id: "{answer_id}"').replace('["yes"]', f'["{answer_id}"]')
    path.write_text(text, encoding="utf-8")
    out = run("check", "--strict", str(path))
    said = assert_inert(out)
    assert (" ADV027 " in said) is warned, said
    assert out.returncode == (1 if warned else 0), said
