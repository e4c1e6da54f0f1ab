"""What `advice check` adds for authors: review dates (ADV030) and plain language (ADV029).

These are not part of `check_file`'s usual result, which the app caches by content:
whether a review date has passed depends on the day, and the plain-language scores
need textstat, which the app never loads (see advice/plainlang.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from advice.diagnostics import Diagnostic
from advice.model import Loc, SourceList, Tree
from advice.yamlnodes import MAPPING, SEQUENCE, ComposeError, YNode, compose

PathStep = str | int
# The codes only `advice check` reports (see the docstring): the app never does.
REVIEW_CODES = frozenset({"ADV029", "ADV030"})


class Locator:
    """Where a value was written, by its keys and list positions from the top of the file.

    The model keeps one place per record (its key or list item); a warning about one
    of its fields (`help`, `review_by`) points at that field's own line instead."""

    def __init__(self, text: str | None) -> None:
        self.root: YNode | None = None
        if text is not None:
            try:
                self.root = compose(text)
            except ComposeError:  # the loader has reported it; records' places remain
                self.root = None

    def find(self, path: Sequence[PathStep]) -> YNode | None:
        node = self.root
        for step in path:
            if node is None:
                return None
            if isinstance(step, int):
                node = (
                    node.value[step] if node.kind == SEQUENCE and step < len(node.value) else None
                )
            elif node.kind == MAPPING:
                node = next((v for k, v in node.value if k.value == step), None)
            else:
                return None
        return node

    def loc(self, fallback: Loc, *path: PathStep) -> Loc:
        """The place of the value at `path`, else the record's own place."""
        node = self.find(path)
        return fallback if node is None else Loc(fallback.file, node.line, node.col)


def _day(text: str) -> str:
    d = date.fromisoformat(text)
    return f"{d.day} {d:%B %Y}"


def review_dates(
    what: str,
    reviewed: str | None,
    review_by: str | None,
    today: date,
    where: Locator,
    record: Loc,
    path: tuple[PathStep, ...] = (),
) -> list[Diagnostic]:
    """ADV030 for one tree or source. The loader has checked that both are real dates."""
    out = []
    if review_by is not None:
        due = date.fromisoformat(review_by)
        if due < today:
            days = (today - due).days
            out.append(
                Diagnostic(
                    "ADV030",
                    f"{what} was due to be checked against the articles again by "
                    f"{_day(review_by)} ({review_by}), {days} day(s) ago: check it, then "
                    "move `reviewed` and `review_by` on",
                    where.loc(record, *path, "review_by"),
                )
            )
    if reviewed is not None:
        done = date.fromisoformat(reviewed)
        if done > today:
            out.append(
                Diagnostic(
                    "ADV030",
                    f"{what} says it was reviewed on {reviewed}, a day that has not come yet",
                    where.loc(record, *path, "reviewed"),
                )
            )
        elif review_by is not None and date.fromisoformat(review_by) < done:
            out.append(
                Diagnostic(
                    "ADV030",
                    f"{what} is due for review by {review_by}, before it was reviewed ({reviewed})",
                    where.loc(record, *path, "review_by"),
                )
            )
    return out


def review_tree(tree: Tree, text: str | None, today: date, plain: bool = True) -> list[Diagnostic]:
    """The authoring review of one tree file (its text locates each warning). `plain`
    False leaves out the plain-language scores: the checker does for a tree with errors,
    whose prose comes second to making it work (and costs a tenth of a second)."""
    where = Locator(text)
    out = review_dates(f"tree '{tree.id}'", tree.reviewed, tree.review_by, today, where, tree.loc)
    if plain:
        from advice.plainlang import plain_language  # textstat: only when a check asks

        out.extend(plain_language(tree, where))
    return out


def review_sources(sources: SourceList, text: str | None, today: date) -> list[Diagnostic]:
    where = Locator(text)
    out = []
    for i, s in enumerate(sources.sources):
        out.extend(
            review_dates(
                f"source '{s.id}'", s.reviewed, s.review_by, today, where, s.loc, ("sources", i)
            )
        )
    return out
