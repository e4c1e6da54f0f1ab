"""Every path through a tree, from the start to an end.

Used by `advice paths`, by the tests that prove every path ends at a cited
recommendation, and by the checker's path warnings. Input questions count as one
step (any value leads to the same `goto`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from advice.model import Question, Recommendation, Tree


@dataclass(frozen=True, slots=True)
class TreePath:
    """Answers from the start (answer ids; `None` for an input question) to `end`."""

    steps: tuple[tuple[str, str | None], ...]  # (question id, answer id or None)
    end: str  # the last node: a recommendation, or a dead end / cycle point

    def complete(self, tree: Tree) -> bool:
        return isinstance(tree.nodes.get(self.end), Recommendation)


def all_paths(tree: Tree, limit: int = 100_000) -> Iterator[TreePath]:
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
        if node.input is not None:
            branches: list[tuple[str | None, str | None]] = [(None, node.goto)]
        else:
            branches = [(a.id, a.goto) for a in node.answers]
        if not branches:
            count += 1
            yield TreePath(steps, node_id)
            continue
        for answer_id, target in reversed(branches):
            stack.append((target or "", (*steps, (node_id, answer_id)), seen))
