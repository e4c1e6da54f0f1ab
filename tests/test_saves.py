"""Saved sessions: save, resume after the tree changed, unreadable files set aside."""

from __future__ import annotations

import json
import os
import select
import shutil
import stat
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advice.diagnostics import AdviceError
from advice.loader import load_tree
from advice.model import Tree
from advice.saves import (
    ENV_DIR,
    forget,
    list_saves,
    load,
    resume,
    save,
    save_path,
    tree_hash,
)
from advice.session import Session
from tests.support import ADVICE, TODAY, run
from tests.support.plan import THREE_DAYS, TREE

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_DIR, str(folder))
    return folder


def load_copy(tmp_path: Path, edit: tuple[str, str] | None = None) -> tuple[Tree, Path]:
    """The fixture tree copied (sources beside it), optionally with one text replaced."""
    folder = tmp_path / "trees"
    folder.mkdir(exist_ok=True)
    shutil.copy(TREE.parent / "sources.yaml", folder / "sources.yaml")
    text = TREE.read_text(encoding="utf-8")
    if edit is not None:
        assert edit[0] in text
        text = text.replace(*edit)
    path = folder / TREE.name
    path.write_text(text, encoding="utf-8")
    tree = load_tree(path).value
    assert tree is not None
    return tree, path


def test_save_then_resume_gives_the_same_session(tmp_path: Path, data_dir: Path) -> None:
    tree, path = load_copy(tmp_path)
    s = Session.replay(tree, THREE_DAYS, TODAY)
    s.back()  # the cursor is saved too, not just the answers
    written = save(s, path, {"interviewer": "Ms Lee", "company": " "}, now=NOW)
    assert written == save_path("plan-fixture") and written.parent.parent == data_dir
    raw = json.loads(written.read_text(encoding="utf-8"))
    assert raw["tree"] == "plan-fixture" and raw["tree_hash"] == tree_hash(path)
    assert raw["answers"] == {
        "situation": "waiting",
        "when-interviewed": "2026-11-19",
        "timeframe": "gave-date",
        "decision-date": "2026-11-22",
    }
    assert raw["filled"] == {"interviewer": "Ms Lee"}  # blanks are not values
    r = resume(tree, path, TODAY)
    assert r.session.answers == s.answers and r.session.cursor == "decision-date"
    assert r.filled == {"interviewer": "Ms Lee"}
    assert (r.dropped, r.changed, r.messages) == ([], False, [])
    assert [x.tree_id for x in list_saves()] == ["plan-fixture"]
    assert forget("plan-fixture") and not forget("plan-fixture")
    assert load("plan-fixture").saved is None


def test_resume_after_an_answer_was_removed(tmp_path: Path) -> None:
    tree, path = load_copy(tmp_path)
    save(Session.replay(tree, THREE_DAYS, TODAY), path, now=NOW)
    # The tree is edited: the answer 'gave-date' is gone (renamed).
    edited, _ = load_copy(tmp_path, ("id: gave-date", "id: gave-a-date"))
    r = resume(edited, path, TODAY)
    assert r.changed
    assert r.session.answers == {
        "situation": "waiting",
        "when-interviewed": "2026-11-19",
        "decision-date": "2026-11-22",  # kept: its question still exists
    }
    assert r.session.cursor == "timeframe"  # the walk stops where the answer was dropped
    assert r.dropped == [
        '"Did they say when they would decide?" -> "They gave a date": '
        "that answer is no longer offered"
    ]
    assert r.dropped[0] in "\n".join(r.messages)


def test_resume_after_a_question_was_removed(tmp_path: Path) -> None:
    tree, path = load_copy(tmp_path)
    save(Session.replay(tree, ["just-interviewed", "2026-11-19", "Ada"], TODAY), path, now=NOW)
    edited, _ = load_copy(tmp_path, ("  your-name:\n", "  your-full-name:\n"))
    r = resume(edited, path, TODAY)
    assert r.session.answers == {"situation": "just-interviewed", "interview-date": "2026-11-19"}
    assert r.dropped == ['"What is your name?" -> "Ada": that question is no longer in the tree']


@pytest.mark.parametrize(
    "garbage",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"version": 1, "tree": "plan-fixture"}',
        b'{"version": 99, "tree": "plan-fixture", "tree_hash": "", "tree_path": "",'
        b' "saved_at": "", "answers": {}}',
        b'{"version": 1, "tree": "plan-fixture", "tree_hash": "", "tree_path": "",'
        b' "saved_at": "", "answers": {"situation": 3}}',
    ],
)
def test_garbage_loads_as_no_save_and_is_kept_aside(tmp_path: Path, garbage: bytes) -> None:
    tree, path = load_copy(tmp_path)
    target = save_path("plan-fixture")
    target.parent.mkdir(parents=True)
    target.write_bytes(garbage)
    r = resume(tree, path, TODAY, now=NOW)
    assert r.session.answers == {} and r.session.cursor == tree.start
    aside = target.with_name("plan-fixture.corrupt-20261120T093000.json")
    [message] = r.messages
    assert message.startswith("the saved session was unreadable (")
    assert message.endswith(f"; it was moved to {aside}")
    assert aside.read_bytes() == garbage
    assert not target.exists()
    # Saving again writes a fresh file and leaves the garbage where it was put.
    save(Session.replay(tree, ["waiting"], TODAY), path, now=NOW)
    assert load("plan-fixture").saved is not None and aside.read_bytes() == garbage


def test_save_never_overwrites_an_unreadable_file(tmp_path: Path) -> None:
    tree, path = load_copy(tmp_path)
    target = save_path("plan-fixture")
    target.parent.mkdir(parents=True)
    target.write_bytes(b"precious?")
    save(Session.replay(tree, ["waiting"], TODAY), path, now=NOW)
    asides = list(target.parent.glob("plan-fixture.corrupt-*.json"))
    assert [a.read_bytes() for a in asides] == [b"precious?"]
    # Twice in the same second: a second aside, not a clobbered first one.
    target.write_bytes(b"again")
    save(Session.replay(tree, ["waiting"], TODAY), path, now=NOW)
    got = sorted(a.read_bytes() for a in target.parent.glob("plan-fixture.corrupt-*.json"))
    assert got == [b"again", b"precious?"]


def test_an_unwritable_data_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree, path = load_copy(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(ENV_DIR, str(blocker))
    with pytest.raises(AdviceError, match="could not write"):
        save(Session(tree, TODAY), path)
    assert load("plan-fixture").saved is None  # reading a missing save is not an error


def test_walk_resume_over_a_pipe(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _, path = load_copy(tmp_path)
    first = run(
        "walk",
        str(path),
        "--resume",
        "--today",
        "2026-11-20",
        stdin="2\n2026-11-19\n",
        data_dir=data,
    )
    assert first.returncode == 0, first.stderr
    assert "Saved; continue with: advice walk" in first.stdout
    # Run two picks up at the question the first run stopped at.
    second = run("walk", str(path), "--resume", "--today", "2026-11-20", stdin="2\n", data_dir=data)
    assert second.returncode == 0, second.stderr
    # (Asked again, the question would start a line; "why this step" lists it indented.)
    assert "\nWhere are you?" not in second.stdout
    assert second.stdout.splitlines()[2] == "Did they say when they would decide?"
    assert "Next step: Follow up in a week" in second.stdout
    assert "On 2026-11-26 (Thursday): Follow up" in second.stdout
    saved = json.loads((data / "sessions" / "plan-fixture.json").read_text(encoding="utf-8"))
    assert saved["answers"]["timeframe"] == "no-date" and saved["cursor"] == "call-in-a-week"
    # The tree loses that answer: the walk says so and asks again.
    path.write_text(
        path.read_text(encoding="utf-8").replace("no-date", "none-given"), encoding="utf-8"
    )
    third = run("walk", str(path), "--resume", "--today", "2026-11-20", stdin="", data_dir=data)
    assert third.returncode == 0, third.stderr
    assert "these answers no longer fit and were dropped" in third.stdout
    assert '"Did they say when they would decide?" -> "They gave no date"' in third.stdout


def test_walk_resume_with_a_garbage_save_starts_fresh_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "sessions").mkdir(parents=True)
    (data / "sessions" / "plan-fixture.json").write_text("garbage", encoding="utf-8")
    out = run("walk", str(TREE), "--resume", "--today", "2026-11-20", stdin="q\n", data_dir=data)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert "the saved session was unreadable" in out.stdout
    [aside] = (data / "sessions").glob("plan-fixture.corrupt-*.json")
    assert aside.read_text(encoding="utf-8") == "garbage"
    assert "Where are you?" in out.stdout


def valid_save(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "version": 1,
        "tree": "plan-fixture",
        "tree_hash": "",
        "tree_path": str(TREE),
        "answers": {"situation": "waiting"},
        "filled": {},
        "cursor": None,
        "saved_at": "2026-11-19T12:00:00+00:00",
    }
    return {**data, **changes}


HOSTILE_SAVES = {
    # json's reader recurses per level: RecursionError, exit 70 on every start.
    "nested-100000-deep": b'{"version": 1, "tree": "plan-fixture", "answers": '
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}",
    # int() refuses over 4,300 digits with a ValueError json does not turn into its own.
    "a-5000-digit-number": b'{"version": 1, "tree": "plan-fixture", "n": ' + b"7" * 5000 + b"}",
    # `true == 1` in Python: it was read as a save of version 1.
    "version-true": json.dumps(valid_save(version=True)).encode(),
    # Readable, but larger than any save of ours: not read whole at every start.
    "over-1-MB": json.dumps(valid_save(filled={"interviewer": "x" * (1024 * 1024)})).encode(),
}


def walk_resume(data: Path, stdin: str = "q\n") -> subprocess.CompletedProcess[str]:
    """`advice walk --resume` on the fixture tree, with a bound: a FIFO in place of the
    save used to block it forever."""
    env = {**os.environ, ENV_DIR: str(data)}
    return subprocess.run(
        [ADVICE, "walk", str(TREE), "--resume", "--today", "2026-11-20"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=20,
        env=env,
    )


@pytest.mark.parametrize("name", [*HOSTILE_SAVES, "a-fifo"])
def test_a_hostile_save_is_set_aside_and_the_walk_starts(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    target = data / "sessions" / "plan-fixture.json"
    target.parent.mkdir(parents=True)
    if name == "a-fifo":
        os.mkfifo(target)
    else:
        target.write_bytes(HOSTILE_SAVES[name])
    out = walk_resume(data)
    assert (out.returncode, out.stderr) == (0, "")
    assert "the saved session was unreadable (" in out.stdout
    assert "Where are you?" in out.stdout  # started fresh
    [aside] = target.parent.glob("plan-fixture.corrupt-*.json")
    assert f"it was moved to {aside}" in out.stdout
    if name == "a-fifo":
        assert stat.S_ISFIFO(aside.lstat().st_mode)  # kept as it was, not opened
    else:
        assert aside.read_bytes() == HOSTILE_SAVES[name]
    again = walk_resume(data)  # and the next start is clean
    assert "unreadable" not in again.stdout and "Where are you?" in again.stdout


def test_a_walk_too_large_to_save_says_so(tmp_path: Path) -> None:
    tree, path = load_copy(tmp_path)
    with pytest.raises(AdviceError, match="too large to save"):
        save(Session(tree, TODAY), path, {"interviewer": "x" * (1024 * 1024)})
    assert not save_path("plan-fixture").exists()


class Walk:
    """`advice walk --resume` running, read prompt by prompt (a prompt has no newline)."""

    def __init__(self, data: Path) -> None:
        env = {**os.environ, ENV_DIR: str(data)}
        self.proc = subprocess.Popen(
            [ADVICE, "walk", str(TREE), "--resume", "--today", "2026-11-20"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.out = b""

    def wait_for(self, text: str) -> None:
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 20
        while text.encode() not in self.out:
            assert time.monotonic() < deadline, self.out.decode()
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                assert chunk, f"the walk ended early:\n{self.out.decode()}"
                self.out += chunk

    def finish(self, stdin: str) -> str:
        """Type the rest, end the input; all it printed."""
        rest, err = self.proc.communicate(stdin.encode(), timeout=20)
        assert (self.proc.returncode, err) == (0, b"")
        return (self.out + rest).decode()


def test_two_walks_at_once_the_second_save_is_refused_and_said(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = Walk(data)
    first.wait_for("Answer 1-")  # it has read the saves (there are none) and asks
    other = walk_resume(data, "2\n")  # meanwhile another walk answers and saves
    assert "Saved; continue with" in other.stdout
    target = data / "sessions" / "plan-fixture.json"
    theirs = target.read_bytes()
    out = first.finish("1\n")  # the first walk answers: its save would overwrite theirs
    assert "Could not save: " in out and "was changed by another walk" in out
    assert "it was not overwritten. Going on without saving." in out
    assert "Saved; continue with" not in out  # after "Could not save", no "Saved"
    assert target.read_bytes() == theirs
    assert json.loads(theirs)["answers"] == {"situation": "waiting"}


def test_a_walk_saves_again_over_its_own_save(tmp_path: Path) -> None:
    """The check compares with what this walk wrote last, so its own saves go on."""
    data = tmp_path / "data"
    out = walk_resume(data, "2\n2026-11-19\n")
    assert "Could not save" not in out.stdout and "Saved; continue with" in out.stdout
    saved = json.loads((data / "sessions" / "plan-fixture.json").read_text(encoding="utf-8"))
    assert saved["answers"] == {"situation": "waiting", "when-interviewed": "2026-11-19"}
    later = walk_resume(data, "2\n")  # resumes, answers, saves over what it read
    assert "Could not save" not in later.stdout and "Next step: " in later.stdout
    saved = json.loads((data / "sessions" / "plan-fixture.json").read_text(encoding="utf-8"))
    assert saved["answers"]["timeframe"] == "no-date"


def test_after_could_not_save_the_walk_does_not_say_saved(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    out = walk_resume(blocker, "2\n")
    assert out.returncode == 0
    assert "Could not save: could not write" in out.stdout
    assert "Saved" not in out.stdout.split("Could not save", 1)[1]
