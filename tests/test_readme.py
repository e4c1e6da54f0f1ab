"""The README says what the code does: its graphs and its table of checker codes."""

from __future__ import annotations

import json
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from advice.diagnostics import CODES
from tests.support import ADVICE, run

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
SCRIPT = ROOT / "scripts" / "update_readme_graph.py"
BLOCK = re.compile(r"^<!-- mermaid: (\S+) -->\n```mermaid\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


def script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
    )


def test_readme_graphs_are_what_advice_graph_prints() -> None:
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "README.md has no '<!-- mermaid: TREE -->' graph"
    for tree, block in blocks:
        out = run("graph", tree, "--format", "mermaid")
        assert out.returncode == 0, out.stderr
        assert block == out.stdout, (
            f"README.md's graph of '{tree}' is out of date: "
            "run `python scripts/update_readme_graph.py`"
        )


def test_update_script_rewrites_a_stale_graph(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    current = README.read_text(encoding="utf-8")
    tree, block = BLOCK.findall(current)[0]
    stale = current.replace(block, 'flowchart TD\n    old["an old graph"]\n', 1)
    readme.write_text(stale, encoding="utf-8")
    checked = script("--readme", str(readme), "--check")
    assert checked.returncode == 1
    assert f"the graph of '{tree}' is out of date" in checked.stderr
    assert readme.read_text(encoding="utf-8") == stale  # --check changes nothing
    assert script("--readme", str(readme)).returncode == 0
    assert readme.read_text(encoding="utf-8") == current
    assert script("--readme", str(readme), "--check").returncode == 0


def test_update_script_adds_a_missing_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n<!-- mermaid: interview-follow-up -->\n\nmore\n", encoding="utf-8")
    assert script("--readme", str(readme)).returncode == 0
    tree, block = BLOCK.findall(readme.read_text(encoding="utf-8"))[0]
    assert tree == "interview-follow-up" and block.startswith("flowchart TD\n")
    assert readme.read_text(encoding="utf-8").endswith("```\n\nmore\n")


def test_readme_lists_every_checker_code() -> None:
    text = README.read_text(encoding="utf-8")
    for code, (severity, what) in CODES.items():
        assert f"| {code} | {severity} | {what} |" in text, code


# -- the README's ```console examples, run as written ----------------------------------

# A ```console block and the prose after it (up to the next block or heading).
CONSOLE = re.compile(r"^```console\n(.*?)^```\n(.*?)(?=^```|^#|\Z)", re.M | re.S)
# Set-up commands the examples show but this test does not run: installs are tested by
# tests/test_packaging.py, the browser test by itself.
NOT_RUN = ("pip install ", "sudo apt-get install ", "ADVICE_SCREENSHOTS=docs pytest ")
WAIT = 30.0  # seconds for `advice serve` to say where it listens


class Example(NamedTuple):
    command: str  # as written, continuation lines joined
    shown: list[str]  # the output lines shown under it
    prose: str  # the text after the block, whitespace made single spaces


def examples() -> list[Example]:
    found = []
    for block, prose in CONSOLE.findall(README.read_text(encoding="utf-8")):
        text = block.replace("\\\n", " ")
        for part in re.split(r"^\$ ", text, flags=re.M)[1:]:
            command, *shown = part.rstrip("\n").split("\n")
            found.append(Example(" ".join(command.split()), shown, " ".join(prose.split())))
    return found


def advice_examples() -> list[Any]:
    return [
        pytest.param(e, id=" ".join(shlex.split(e.command)[:2]))
        for e in examples()
        if e.command.startswith("advice ")
    ]


def claims(prose: str, *phrases: str) -> None:
    """The text after the example still says what its check checks."""
    for phrase in phrases:
        assert " ".join(phrase.split()) in prose, f"the README no longer says: {phrase}"


def option(argv: list[str], name: str) -> list[str]:
    return [argv[i + 1] for i, a in enumerate(argv) if a == name]


def test_every_console_command_is_run_or_said_why_not() -> None:
    commands = [e.command for e in examples()]
    assert any(c.startswith("advice walk") for c in commands)
    for command in commands:
        assert command.startswith(("advice ", *NOT_RUN)), f"README example not run: {command}"


@pytest.mark.parametrize("example", advice_examples())
def test_readme_console_example(example: Example, tmp_path: Path) -> None:
    argv = shlex.split(example.command, comments=True)
    if argv[1] == "serve":
        check_serve(argv, example, tmp_path)
        return
    if argv[1] == "diff":
        given_files(argv, tmp_path)
    out = subprocess.run(
        [ADVICE, *argv[1:]], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    # Against a git revision, whether the tree changed depends on the last commit: 1
    # (changes) is as right as 0 (none); 2 (usage, an unreadable version) is not.
    against_git = argv[1] == "diff" and not all(a.endswith(".yaml") for a in argv[2:4])
    allowed = (0, 1) if against_git else (0,)
    assert out.returncode in allowed, f"{example.command}\n{out.stderr}"
    assert "Traceback" not in out.stderr
    if example.shown:
        assert (out.stdout + out.stderr).splitlines() == example.shown
    if argv[1] == "walk":
        check_walk_json(argv, out.stdout, example.prose)
    if argv[1] == "export":
        check_export(argv, tmp_path, example.prose)


def given_files(argv: list[str], tmp_path: Path) -> None:
    """The tree files an example names (`advice diff old/tree.yaml trees/tree.yaml`), each
    a copy of the shipped tree: the same tree twice is no change, exit 0."""
    for arg in argv[2:]:
        if arg.endswith(".yaml"):
            (tmp_path / arg).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / arg).write_bytes((ROOT / "trees" / "interview-follow-up.yaml").read_bytes())


def check_walk_json(argv: list[str], stdout: str, prose: str) -> None:
    claims(
        prose,
        "prints the path taken and the recommendation: its title and text (and `our_reading`",
        "the citations, the disagreements, the dated steps (`schedule`) and the ready texts"
        " with the placeholders you gave with `--fill` (the rest stay visible as"
        " `[Interviewer's name]`)",
        "Each citation has the quote, whose words they are (`speaker`",
        "and the `byline` every front end shows under it",
    )
    data = json.loads(stdout)
    assert len(data["path"]) == len(option(argv, "--answer"))
    node = data["node"]
    assert node["kind"] == "recommendation"
    assert node["title"] and node["text"]
    assert node["citations"]
    for citation in node["citations"]:
        assert citation["quote"] and citation["source"] and citation["author"]
        assert "role" in citation
        assert citation["speaker"] and citation["byline"] and "reported" in citation
    assert "our_reading" in node
    assert isinstance(node["disagreements"], list)
    assert node["schedule"] and all(s["date"] and s["action"] for s in node["schedule"])
    texts = "\n".join(t["text"] for t in node["templates"])
    assert texts
    for fill in option(argv, "--fill"):
        assert fill.partition("=")[2] in texts
    assert "[Interviewer's name]" in texts


def check_export(argv: list[str], where: Path, prose: str) -> None:
    claims(
        prose,
        "writes the plan to `follow-up.ics`, a calendar file",
        "`--format ics`: one all-day event per dated step",
        "the file is the same for the same answers and `--today`",
    )
    [output] = option(argv, "--output")
    [fmt] = option(argv, "--format")
    assert fmt == "ics" and output == "follow-up.ics"
    written = (where / output).read_text(encoding="utf-8")
    # One event per dated step of the same walk, each a whole day.
    walk = [a for a in argv[1:] if a not in {"--format", fmt, "--output", output}]
    walk[0] = "walk"
    steps = json.loads(run(*walk, "--json").stdout)["node"]["schedule"]
    assert written.count("BEGIN:VEVENT") == len(steps) > 0
    assert written.count("DTSTART;VALUE=DATE:") == len(steps)
    # The same answers and --today, another folder and another time: the same file.
    again = where / "again"
    again.mkdir()
    assert subprocess.run([ADVICE, *argv[1:]], cwd=again, timeout=60).returncode == 0
    assert (again / output).read_text(encoding="utf-8") == written


def check_serve(argv: list[str], example: Example, tmp_path: Path) -> None:
    """`advice serve` prints the lines shown (on a free port, not the README's 8000),
    and Ctrl+C stops it."""
    pytest.importorskip("textual_serve", reason="advice serve needs the serve extra")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    shown = [line.replace(":8000", f":{port}") for line in example.shown]
    assert shown, "the README shows what advice serve prints"
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [ADVICE, *argv[1:], "--port", str(port)], stdout=out, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + WAIT
        while len(printed := log.read_text().splitlines()) < len(shown):
            assert proc.poll() is None, f"advice serve exited:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"advice serve printed only:\n{log.read_text()}"
            time.sleep(0.05)
        assert printed[: len(shown)] == shown
        proc.send_signal(signal.SIGINT)  # Ctrl+C
        proc.wait(timeout=WAIT)
        assert "Traceback" not in log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
