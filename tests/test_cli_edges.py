"""Rough edges a new user hit on the command line (issue 15), through the real console
script on the shipped tree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advice.library import shipped_dir
from advice.model import Tree
from tests.support import run
from tests.support.plan import TODAY_ARG as TODAY

SHIPPED = "interview-follow-up"


def test_the_plain_walk_answers_a_wrong_number_in_the_users_terms(shipped_tree: Tree) -> None:
    first = shipped_tree.nodes[shipped_tree.start]
    count = len(first.answers)
    too_big = str(count + 1)
    out = run("walk", SHIPPED, "--today", TODAY, stdin=f"{too_big}\nsoon\njust-interviewed\nq\n")
    assert out.returncode == 0, out.stderr
    assert f"  {count}. {first.answers[-1].label}\n" in out.stdout
    said = [line for line in out.stdout.splitlines() if line.startswith("Sorry")]
    how = f"Type a number from 1 to {count} (or b to go back, q to quit)."
    assert said == [
        f"Sorry: {too_big} is not one of the answers. {how}",
        f"Sorry: soon is not one of the answers. {how}",
    ]
    # No internal ids in what the user is told; an id typed still works (scripts).
    assert "valid:" not in out.stdout and f"'{first.id}'" not in out.stdout
    assert "What day was the interview?" in out.stdout


def test_walk_answer_with_a_bad_id_still_lists_the_ids_for_scripts(shipped_tree: Tree) -> None:
    out = run("walk", SHIPPED, "--answer", "nope", "--json")
    assert out.returncode == 1
    ids = ", ".join(a.id for a in shipped_tree.nodes[shipped_tree.start].answers)
    assert f"valid: {ids}" in out.stderr


NAMES = (
    "interviewer, interview_when, company, position, high_point, common, name, interview_date,"
    " phone, recruiter"
)


@pytest.mark.parametrize("command", ["walk", "export"])
def test_fill_with_a_name_no_text_uses_is_an_error_listing_the_names(command: str) -> None:
    out = run(command, SHIPPED, "--fill", "recuiter=Bo Li", "--today", TODAY)
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr == (
        f"advice: --fill recuiter: no ready text of {SHIPPED} uses this name; "
        f"did you mean 'recruiter'? Names they use: {NAMES}.\n"
    )
    assert run(command, SHIPPED, "--fill", "recruiter=Bo Li", "--today", TODAY).returncode == 0


@pytest.mark.parametrize("command", ["walk", "export"])
def test_help_says_where_the_fill_names_are(command: str) -> None:
    out = run(command, "--help")
    assert out.returncode == 0
    text = " ".join(out.stdout.split())
    assert "the names are the tree file's `placeholders:`" in text
    assert "a NAME no text uses is an error that lists them" in text
    # and where the answer ids are
    assert "`advice walk TREE --json` shows the next question's answer ids" in text


def test_a_bad_start_is_reported_where_start_is_written(tmp_path: Path) -> None:
    text = (shipped_dir() / f"{SHIPPED}.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    line = lines.index("start: situation") + 1
    tree = tmp_path / f"{SHIPPED}.yaml"
    tree.write_text(text.replace("start: situation", "start: situaton"), encoding="utf-8")
    out = run("check", str(tree))
    assert out.returncode == 1
    assert out.stdout.splitlines() == [
        f"{tree}:{line}:8: ADV007 start node 'situaton', which does not exist; "
        "did you mean 'situation'?"
    ]


def test_a_start_at_a_dead_end_is_reported_where_start_is_written(tmp_path: Path) -> None:
    tree = tmp_path / "dead-start.yaml"
    tree.write_text(
        "id: dead-start\ntitle: T\nstart:   ask\nnodes:\n  ask:\n    question: Q?\n"
        "    input: text\n",
        encoding="utf-8",
    )
    out = run("check", str(tree))
    assert f"{tree}:3:10: ADV020 the walk starts at 'ask', a question with no way on" in out.stdout


def test_graph_dot_draws_questions_square_and_recommendations_rounded_as_mermaid(
    shipped_tree: Tree,
) -> None:
    """The README: "questions in boxes, ..., recommendations in rounded boxes"; the
    Mermaid graph draws them so (`["..."]` a box, `(["..."])` a rounded one)."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "questions in boxes,\nanswers on the arrows, recommendations in rounded boxes" in readme
    mermaid = run("graph", SHIPPED).stdout
    assert '    n0["Where are you with this interview?"]' in mermaid
    assert '    n3(["Send a handwritten thank-you card within a day"])' in mermaid

    dot = run("graph", SHIPPED, "--format", "dot")
    assert dot.returncode == 0
    drawn = re.findall(r'^    "([^"]+)" \[label=.*, shape=box, style="([^"]*)"', dot.stdout, re.M)
    rounded = {node for node, style in drawn if "rounded" in style.split(",")}
    square = {node for node, style in drawn if "rounded" not in style.split(",")}
    assert rounded == {r.id for r in shipped_tree.recommendations()}
    assert square == {q.id for q in shipped_tree.questions()}


def test_an_ics_of_a_walk_that_stops_at_a_question_says_which_and_what_to_do() -> None:
    out = run("export", SHIPPED, "--answer", "just-interviewed", "--format", "ics")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr == (
        "advice: nothing to put in a calendar yet: the answers stop at the question "
        "'What day was the interview?'; add an --answer for it\n"
    )
