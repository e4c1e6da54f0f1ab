"""Every path through a tree, from the start to an end.

Used by `advice paths`, by the tests that prove every path ends at a cited
recommendation, and by the checker's path warnings. Input questions count as one
step (any value leads to the same `goto`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import msgspec

from advice.model import Example, Loc, Question, Recommendation, Tree, successors
from advice.session import AnswerError, Session

# A tree of many independent questions can have a huge number of paths.
PATH_LIMIT = 100_000


class TreePath(msgspec.Struct, frozen=True):
    """Answers from the start (answer ids; `None` for an input question) to `end`."""

    steps: tuple[tuple[str, str | None], ...]  # (question id, answer id or None)
    end: str  # the last node: a recommendation, or a dead end / cycle point

    def complete(self, tree: Tree) -> bool:
        return isinstance(tree.nodes.get(self.end), Recommendation)


def all_paths(tree: Tree, limit: int = PATH_LIMIT) -> Iterator[TreePath]:
    """Depth-first, in answer order. Stops a branch at a missing node or a cycle, and
    after `limit` paths (a tree of many independent questions can have a huge number)."""
    count = 0
    stack: list[tuple[str, tuple[tuple[str, str | None], ...], frozenset[str]]] = [
        (tree.start, (), frozenset())
    ]
    while stack and count < limit:
        node_id, steps, seen = stack.pop()
        node = tree.nodes.get(node_id)
        if not isinstance(node, Question) or node_id in seen:
            count += 1
            yield TreePath(steps, node_id)
            continue
        seen = seen | {node_id}
        branches = node.kind.ways(node)
        if not branches:
            count += 1
            yield TreePath(steps, node_id)
            continue
        for way in reversed(branches):
            stack.append((way.target, (*steps, (node_id, way.answer)), seen))


def question_range(tree: Tree) -> tuple[int, int]:
    """(fewest, most) questions a walk asks from the start to its end: what a user
    cares about ("2 to 5 questions"), not how many the tree holds.

    Linear in the size of the tree (each node's range once, from its successors'):
    the number of paths can grow exponentially. A step back into a cycle, which the
    checker refuses anyway (ADV009), counts as the end of that walk."""
    ranges: dict[str, tuple[int, int]] = {}
    open_: set[str] = set()  # on the way down from the start: a cycle leads back here
    todo: list[tuple[str, bool]] = [(tree.start, False)]
    while todo:
        node_id, children_done = todo.pop()
        node = tree.nodes.get(node_id)
        if not isinstance(node, Question):
            ranges[node_id] = (0, 0)
            continue
        ahead = [t for t in successors(node) if t not in open_ or children_done]
        if children_done:
            open_.discard(node_id)
            after = [ranges.get(t, (0, 0)) for t in ahead] or [(0, 0)]
            ranges[node_id] = (1 + min(lo for lo, _ in after), 1 + max(hi for _, hi in after))
            continue
        if node_id in ranges or node_id in open_:
            continue
        open_.add(node_id)
        todo.append((node_id, True))
        todo.extend((t, False) for t in ahead if t not in ranges)
    return ranges.get(tree.start, (0, 0))


def ends_well(tree: Tree, node_id: str) -> bool:
    """A walk may end here: a recommendation that cites at least one source."""
    node = tree.nodes.get(node_id)
    return isinstance(node, Recommendation) and bool(node.citations)


def step_labels(tree: Tree, path: TreePath) -> list[str]:
    """The answers of a path as the user reads them; an input question shows its kind."""
    out = []
    for question_id, answer_id in path.steps:
        q = tree.nodes.get(question_id)
        if not isinstance(q, Question):
            continue
        out.append(q.kind.way_label(q, answer_id))
    return out


class PathRow(msgspec.Struct, frozen=True):
    """One line of `advice paths`."""

    answers: tuple[str | None, ...]  # answer ids; None for an input question
    labels: tuple[str, ...]
    end: str
    title: str | None  # the recommendation's title, None when the end is not one
    ok: bool  # ends at a cited recommendation

    def as_json(self) -> dict[str, object]:
        return {
            "answers": list(self.answers),
            "labels": list(self.labels),
            "end": self.end,
            "title": self.title,
            "ok": self.ok,
        }


def _row(tree: Tree, path: TreePath) -> PathRow:
    node = tree.nodes.get(path.end)
    return PathRow(
        answers=tuple(answer for _, answer in path.steps),
        labels=tuple(step_labels(tree, path)),
        end=path.end,
        title=node.title if isinstance(node, Recommendation) else None,
        ok=ends_well(tree, path.end),
    )


def path_rows(tree: Tree, limit: int = PATH_LIMIT) -> list[PathRow]:
    return [_row(tree, path) for path in all_paths(tree, limit)]


Steps = tuple[tuple[str, str | None], ...]


def example_steps(tree: Tree, example: Example, today: date) -> Steps | None:
    """The path an example walks, as TreePath steps (None for an input question's value),
    or None when it does not end at the recommendation it expects (ADV013 says why)."""
    try:
        session = Session.replay(tree, example.answers, today)
    except AnswerError:
        return None
    if session.cursor != example.expect or not isinstance(session.current, Recommendation):
        return None
    return tuple(
        (s.question.id, s.question.kind.path_answer(s.value)) for s in session.transcript()
    )


def walked(tree: Tree, today: date) -> set[Steps]:
    """Every path the tree's examples walk (those that reach what they expect)."""
    found = (example_steps(tree, ex, today) for ex in tree.examples)
    return {steps for steps in found if steps is not None}


def uncovered_rows(tree: Tree, today: date, limit: int = PATH_LIMIT) -> list[PathRow]:
    """The rows of `advice paths` whose path no example walks (`--uncovered`)."""
    done = walked(tree, today)
    return [_row(tree, path) for path in all_paths(tree, limit) if path.steps not in done]


class DeadEnd(msgspec.Struct, frozen=True):
    """A step after which no cited recommendation can follow: the last step of some path
    that ends badly. `question`/`answer` are None when the start itself is the dead end."""

    question: str | None
    answer: str | None
    target: str
    reason: str
    loc: Loc


def _why_stuck(tree: Tree, node_id: str) -> str | None:
    node = tree.nodes.get(node_id)
    if node is None:
        return "a node that does not exist"
    if isinstance(node, Recommendation):
        return None if node.citations else "a recommendation that cites no source"
    return None if successors(node) else "a question with no way on"


def dead_ends(tree: Tree, start_loc: Loc | None = None) -> list[DeadEnd]:
    """Every reachable step that leads where a walk cannot end well (a dead start is
    reported at `start_loc`, where `start:` is written, else at the tree's top).

    The same answer as checking the last step of every path from `all_paths`, but
    linear in the size of the tree: the number of paths can grow exponentially, and the
    checker runs on every load. Cycles are not dead ends here; the checker reports
    them (ADV009)."""
    out: list[DeadEnd] = []
    reason = _why_stuck(tree, tree.start)
    if reason:
        out.append(DeadEnd(None, None, tree.start, reason, start_loc or tree.loc))
    seen: set[str] = set()
    todo = [tree.start]
    while todo:
        node_id = todo.pop()
        node = tree.nodes.get(node_id)
        if node_id in seen or not isinstance(node, Question):
            continue
        seen.add(node_id)
        for way in node.kind.ways(node):
            reason = _why_stuck(tree, way.target)
            if reason:
                out.append(DeadEnd(node_id, way.answer, way.target, reason, way.loc))
            todo.append(way.target)
    return out
