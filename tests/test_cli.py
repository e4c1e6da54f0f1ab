"""The CLI through the real installed console script, as users and scripts run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import run

BAD = Path(__file__).parent / "data" / "bad"


def test_list_from_another_directory(tmp_path: Path) -> None:
    out = run("list", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "interview-follow-up" in out.stdout


def test_check_shipped_is_clean() -> None:
    out = run("check", "--strict")
    assert out.returncode == 0, out.stdout + out.stderr


def test_check_bad_folder_exits_1_with_file_line_code() -> None:
    out = run("check", str(BAD / "adv007_missing_target.yaml"))
    assert out.returncode == 1
    assert f"{BAD / 'adv007_missing_target.yaml'}:9:9: ADV007" in out.stdout
    assert "Traceback" not in out.stdout + out.stderr


def test_warning_fails_only_with_strict() -> None:
    path = str(BAD / "adv008_unreachable.yaml")
    assert run("check", path).returncode == 0
    assert run("check", path, "--strict").returncode == 1


def test_usage_errors_exit_2() -> None:
    assert run("check", "--nope").returncode == 2
    assert run("walk").returncode == 2
    assert run("walk", "interview-follow-up", "--today", "tomorrow").returncode == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["walk", "no-such-tree"], "no tree 'no-such-tree'"),
        (["walk", "interview-follow-up", "--answer", "nope", "--json"], "valid: "),
        (["walk", "missing/file.yaml"], "no such file"),
        (["check", "missing.yaml"], "no such file"),
        (["walk", str(BAD / "adv009_cycle.yaml"), "--json"], "ADV009"),
    ],
)
def test_wrong_input_is_one_clear_error(args: list[str], message: str) -> None:
    out = run(*args)
    assert out.returncode == 1
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_walk_json_reaches_a_cited_recommendation() -> None:
    out = run(
        "walk",
        "interview-follow-up",
        "--answer",
        "just-interviewed",
        "--answer",
        "today",
        "--answer",
        "handwritten",
        "--today",
        "2026-11-20",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["tree"] == "interview-follow-up"
    assert [p["answer_id"] for p in data["path"]] == [
        "just-interviewed",
        "2026-11-20",
        "handwritten",
    ]
    node = data["node"]
    assert node["kind"] == "recommendation"
    assert node["citations"] and all(c["author"] and c["quote"] for c in node["citations"])
    assert node["schedule"][0]["date"] == "2026-11-21"
    assert node["template"]["text"].startswith("Dear [Interviewer's name],")


def test_walk_json_at_a_question_lists_answers() -> None:
    out = run("walk", "interview-follow-up", "--json")
    node = json.loads(out.stdout)["node"]
    assert node["kind"] == "question"
    assert {"id", "label"} <= set(node["answers"][0])


def test_plain_walk_over_a_pipe() -> None:
    out = run("walk", "interview-follow-up", stdin="5\nb\n5\n1\n")
    assert out.returncode == 0, out.stderr
    assert "1. I haven't sent a thank-you note yet" in out.stdout
    assert "Next step: Don't call the interviewer" in out.stdout
    assert "\x1b[" not in out.stdout  # no colour or cursor codes in plain mode
