"""The walk view's output, byte for byte: `walk --json`, every `export` format and the
plain walk.

tests/data/view-golden.json holds what the commands printed for a spread of walks of
the shipped tree: every example (each path), on several todays, with and without
--fill (one fill holds markup and a control character), and walks that stop at a
question. It was recorded before the view became typed records (issue 17); a change
to any of these bytes must be deliberate. After one, regenerate it with
`python tests/test_view.py --write` and say why in the commit.

The runs go through `advice.cli.main` in the test process (a console script per run
would cost a minute); one run through the installed console script proves the two agree.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from advice.check import EXAMPLE_TODAY
from advice.cli import main
from advice.library import find_tree
from advice.loader import load_tree
from advice.model import Tree

GOLDEN = Path(__file__).parent / "data" / "view-golden.json"
TREE = "interview-follow-up"
# A Friday, the Monday after, and a day months on (every step moved or passed).
TODAYS = ("2026-11-20", "2026-11-23", "2027-03-01")
FILL = ("name=Ada Lovelace", "company=Acme & Sons")
HOSTILE = ("name=*Ada* <b>[x](y)</b>", "interviewer=Ms \x1b[31mLee", "company=`Acme`")


def _examples() -> list[tuple[str, tuple[str, ...]]]:
    tree = load_tree(find_tree(TREE)).value
    assert isinstance(tree, Tree)
    return [(ex.name, tuple(ex.answers)) for ex in tree.examples]


def _walks() -> Iterator[tuple[str, list[str]]]:
    """(case id, the arguments of a walk): every example (each path) once, on one of
    four days and fills in turn, a few on a second, and walks that stop at a question."""
    days = [
        (EXAMPLE_TODAY.isoformat(), ()),
        (TODAYS[0], FILL),
        (TODAYS[1], FILL),
        (TODAYS[2], HOSTILE),
    ]
    walks = [(name, answers, *days[i % 4]) for i, (name, answers) in enumerate(_examples())]
    walks += [
        (name, answers, *days[(i + 2) % 4])
        for i, (name, answers) in enumerate(_examples())
        if i % 7 == 0
    ]
    # The first question, a choice, a date question.
    for answers in [(), ("want-to-call",), ("just-interviewed",), ("want-to-call", "call")]:
        walks.append((f"stops after [{' '.join(answers)}]", answers, TODAYS[0], ()))
    for name, answers, today, fill in walks:
        args = [TREE, "--today", today]
        args += [a for answer in answers for a in ("--answer", answer)]
        args += [a for f in fill for a in ("--fill", f)]
        yield f"{name} | {today} | {'hostile' if fill is HOSTILE else len(fill)} fill", args


WALKS = dict(_walks())
assert len(WALKS) == len(list(_walks())), "two walks with one case id"


def _commands() -> Iterator[tuple[str, list[str]]]:
    """(case id, argv): each walk as `walk --json`, the plain walk and the md and
    ics exports (the
    json export must be `walk --json`'s bytes: test_export_json_is_walk_json)."""
    for case, args in WALKS.items():
        yield f"{case} | walk --json", ["walk", *args, "--json"]
        yield f"{case} | walk", ["walk", *args]  # the plain prompt, input ended at once
        for fmt in ("md", "ics"):
            yield f"{case} | export {fmt}", ["export", *args, "--format", fmt]


COMMANDS = dict(_commands())


@contextlib.contextmanager
def _stdin(stream: io.StringIO) -> Iterator[None]:
    before, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = before


def record(argv: list[str]) -> dict[str, object]:
    """What `advice ARGV` prints and returns, run in this process."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = [io.TextIOWrapper(b, encoding="utf-8", newline="\n") for b in (out, err)]
    with (
        contextlib.redirect_stdout(streams[0]),
        contextlib.redirect_stderr(streams[1]),
        _stdin(io.StringIO("")),
    ):
        code = main(argv)
    for s in streams:
        s.flush()
    return {
        "argv": argv,
        "exit": code,
        "stdout": out.getvalue().decode("utf-8"),
        "stderr": err.getvalue().decode("utf-8"),
    }


@pytest.fixture(scope="module")
def golden() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def test_the_golden_file_has_every_case(golden: dict[str, dict[str, object]]) -> None:
    assert sorted(golden) == sorted(COMMANDS)
    # It holds each kind of output: plans, a refused calendar, passed and moved days.
    outputs = [g["stdout"] for g in golden.values()]
    assert any(g["exit"] == 1 for g in golden.values())
    assert any('"past": true' in str(o) for o in outputs)
    assert any('"planned": "' in str(o) and '"past": false' in str(o) for o in outputs)
    assert any('"kind": "question"' in str(o) for o in outputs)
    assert any("\\\\x1b[31m" in str(o) for o in outputs)  # the escaped control character


@pytest.mark.parametrize("case", sorted(COMMANDS))
def test_output_is_unchanged(case: str, golden: dict[str, dict[str, object]]) -> None:
    assert record(COMMANDS[case]) == golden[case]


@pytest.mark.parametrize("case", sorted(WALKS))
def test_export_json_is_walk_json(case: str, golden: dict[str, dict[str, object]]) -> None:
    assert record(["export", *WALKS[case], "--format", "json"]) == {
        **golden[f"{case} | walk --json"],
        "argv": ["export", *WALKS[case], "--format", "json"],
    }


def test_the_console_script_prints_the_same() -> None:
    from tests.support import run

    case = next(c for c in sorted(COMMANDS) if "hostile" in c and c.endswith("walk --json"))
    out = run(*COMMANDS[case])
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[case]
    assert (out.returncode, out.stdout, out.stderr) == (
        expected["exit"],
        expected["stdout"],
        expected["stderr"],
    )


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/test_view.py --write   (records tests/data/view-golden.json)")
    recorded = {case: record(argv) for case, argv in sorted(COMMANDS.items())}
    GOLDEN.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    subprocess.run(["wc", "-c", str(GOLDEN)], check=False)
