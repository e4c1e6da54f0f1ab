"""`advice paths` and the checker's dead-end warning (ADV020)."""

from __future__ import annotations

import json
from pathlib import Path

from advice.check import check_file
from advice.library import shipped_dir
from advice.loader import load_tree
from advice.model import Question, Tree
from advice.routes import all_paths, dead_ends, ends_well, question_range
from tests.support import run

BAD = Path(__file__).parent / "data" / "bad"
CITE = (
    "because: [{source: barnes-call, speaker: barnes,"
    " quote: Your best bet is to send a gracious thank you card.}]"
)


def test_paths_of_the_shipped_tree_all_end_at_cited_recommendations() -> None:
    out = run("paths", "interview-follow-up", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    tree = check_file(shipped_dir() / "interview-follow-up.yaml").tree
    assert tree is not None
    assert len(rows) == sum(1 for _ in all_paths(tree))
    assert all(r["ok"] and r["title"] for r in rows)
    reached = {r["end"] for r in rows}
    assert reached == {r.id for r in tree.recommendations()}


def test_paths_text_lists_labels_and_a_count(shipped_tree: Tree) -> None:
    out = run("paths", "interview-follow-up")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    rows = json.loads(run("paths", "interview-follow-up", "--json").stdout)
    width = len(str(len(rows)))
    first = rows[0]
    start = shipped_tree.nodes[shipped_tree.start]
    assert isinstance(start, Question)
    assert first["labels"][0] == start.answers[0].label  # depth first, in answer order
    assert lines[0] == (
        f"{1:>{width}}. {' > '.join(first['labels'])} -> {first['end']}: {first['title']}"
    )
    ends = len({r["end"] for r in rows})
    assert lines[-1] == f"{len(rows)} path(s) to {ends} recommendation(s); 0 without a cited end"
    assert len(lines) == len(rows) + 1


def test_paths_flags_a_dead_end_and_exits_1() -> None:
    out = run("paths", str(BAD / "adv020_dead_end.yaml"))
    assert out.returncode == 1
    assert "1. Yes -> stuck (NOT A CITED END)" in out.stdout
    assert out.stdout.splitlines()[-1].endswith("1 without a cited end")


def test_dead_ends_match_the_last_steps_of_bad_paths(tmp_path: Path) -> None:
    """The checker's linear dead-end search finds exactly the last steps of the paths
    that end badly (cycles aside: those are ADV009)."""
    path = tmp_path / "mixed.yaml"
    path.write_text(
        f"""\
id: mixed
title: Several ways to get stuck
start: q1
nodes:
  q1:
    question: First?
    answers:
      - {{id: a, label: A, goto: q2}}
      - {{id: b, label: B, goto: nowhere}}
      - {{id: c, label: C, goto: uncited}}
  q2:
    question: Second?
    answers:
      - {{id: a, label: A, goto: fine}}
      - {{id: b, label: B, goto: stuck}}
      - {{id: c, label: C, goto: uncited}}
  stuck: {{question: No way on, answers: []}}
  uncited: {{recommend: U, text: T}}
  fine: {{recommend: F, text: T, {CITE}}}
""",
        encoding="utf-8",
    )
    tree = check_file(path).tree
    assert tree is not None
    bad_last_steps = {p.steps[-1] for p in all_paths(tree) if not ends_well(tree, p.end)}
    assert {(d.question, d.answer) for d in dead_ends(tree)} == bad_last_steps
    assert len(bad_last_steps) == 4
    codes = [(d.code, d.loc.line) for d in check_file(path).diagnostics if d.code == "ADV020"]
    # `nowhere` does not exist: that is ADV007's to say, not repeated as ADV020.
    assert sorted(codes) == [("ADV020", 10), ("ADV020", 15), ("ADV020", 16)]


def test_dead_end_is_a_warning_with_file_line() -> None:
    path = BAD / "adv020_dead_end.yaml"
    out = run("check", path.as_posix())
    assert f"{path}:9:9: ADV020 answer 'yes' of 'q1' leads to 'stuck'" in out.stdout
    assert "(warning)" in out.stdout


def test_question_range_is_the_fewest_and_most_questions_on_any_path(shipped_tree: Tree) -> None:
    lengths = [len(p.steps) for p in all_paths(shipped_tree)]
    assert question_range(shipped_tree) == (min(lengths), max(lengths))
    assert min(lengths) < max(lengths)  # so the two ends are told apart


def test_question_range_ends_a_walk_where_a_cycle_leads_back() -> None:
    for name in ("adv009_cycle.yaml", "adv009_self_loop.yaml"):
        tree = load_tree(BAD / name).value
        assert isinstance(tree, Tree)
        lengths = [len(p.steps) for p in all_paths(tree)]
        assert question_range(tree) == (min(lengths), max(lengths)), name
