"""Every end reached by an example: ADV031 and `advice paths --uncovered`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from advice.check import check_file
from advice.library import shipped_dir
from tests.support import run

GOOD = Path(__file__).parent / "data" / "good"


def without_example(tmp_path: Path, name: str) -> Path:
    """The minimal tree (an example for each of its two ends) less one example."""
    text = (GOOD / "minimal.yaml").read_text(encoding="utf-8")
    block = re.compile(rf"  - name: {name}\n    answers: .*\n    expect: .*\n")
    assert block.search(text), name
    path = tmp_path / "tree.yaml"
    path.write_text(block.sub("", text), encoding="utf-8")
    return path


def test_a_recommendation_no_example_reaches_is_a_warning_at_its_line(tmp_path: Path) -> None:
    path = without_example(tmp_path, "sent")
    lines = path.read_text(encoding="utf-8").splitlines()
    wait_line = lines.index("  wait:") + 1
    out = run("check", str(path))
    assert out.returncode == 0, out.stdout  # a warning: only --strict fails on it
    assert out.stdout.splitlines() == [
        f"{path}:{wait_line}:3: ADV031 no example reaches 'wait'; add one under `examples:` "
        "(`advice paths TREE --uncovered` lists the paths no example walks) (warning)"
    ]
    assert run("check", "--strict", str(path)).returncode == 1


def test_an_unreachable_recommendation_is_not_reported_twice(tmp_path: Path) -> None:
    path = without_example(tmp_path, "sent")
    text = path.read_text(encoding="utf-8").replace("goto: wait}", "goto: send}")
    path.write_text(text, encoding="utf-8")
    codes = [d.code for d in check_file(path).diagnostics]
    assert "ADV008" in codes and "ADV031" not in codes


def test_every_shipped_recommendation_has_an_example() -> None:
    result = check_file(shipped_dir() / "interview-follow-up.yaml")
    assert [str(d) for d in result.diagnostics if d.code == "ADV031"] == []


def test_uncovered_lists_the_paths_no_example_walks(tmp_path: Path) -> None:
    path = without_example(tmp_path, "sent")
    out = run("paths", str(path), "--uncovered")
    assert out.returncode == 1
    assert out.stdout.splitlines() == [
        "1. Yes -> wait: Keep looking meanwhile",
        "1 path(s) no example walks",
    ]
    rows = json.loads(run("paths", str(path), "--uncovered", "--json").stdout)
    assert [(r["answers"], r["end"]) for r in rows] == [(["yes"], "wait")]


def test_uncovered_is_empty_when_every_path_has_an_example() -> None:
    out = run("paths", str(GOOD / "minimal.yaml"), "--uncovered")
    assert (out.returncode, out.stdout) == (0, "0 path(s) no example walks\n")


def test_a_path_through_a_date_question_counts_as_walked(tmp_path: Path) -> None:
    """An example gives a value for an input question; the path has no answer id there."""
    text = (GOOD / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("start: q1", "start: when").replace(
        "nodes:\n",
        "nodes:\n  when:\n    question: What day was it?\n    input: date\n    goto: q1\n",
    )
    text = text.replace('answers: ["no"]', 'answers: [today, "no"]')
    text = text.replace('answers: ["yes"]', 'answers: [2026-01-01, "yes"]')
    path = tmp_path / "dated.yaml"
    path.write_text(text, encoding="utf-8")
    assert check_file(path).ok(strict=True), [str(d) for d in check_file(path).diagnostics]
    out = run("paths", str(path), "--uncovered")
    assert (out.returncode, out.stdout) == (0, "0 path(s) no example walks\n")


def test_every_path_of_the_shipped_tree_is_walked_by_an_example() -> None:
    # Issue 19: an example for every recommendation and every path through a date rule;
    # the shipped tree has one for every path.
    out = run("paths", "interview-follow-up", "--uncovered")
    assert out.returncode == 0, out.stdout
    assert out.stdout.strip().endswith("0 path(s) no example walks")
