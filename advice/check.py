"""The checker: one function the CLI, the app and the tests all call.

Loading reports what is wrong with a file's shape (ADV001-006, 014, 015); the checks
here report what is wrong with its meaning: targets, reachability, cycles, citations,
templates, date rules and the tree's own examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from advice.diagnostics import AdviceError, CheckResult, Diagnostic, did_you_mean, sort_key
from advice.kinds import Date
from advice.library import sources_for, tree_files
from advice.loader import LoadResult, load_sources, load_tree, read_text
from advice.memory import gc_paused
from advice.model import (
    WRITER,
    Citation,
    Loc,
    Question,
    Recommendation,
    SourceList,
    Tree,
    successors,
)
from advice.quotes import check_quotes, load_source_texts
from advice.review import review_sources, review_tree
from advice.routes import dead_ends
from advice.session import AnswerError, MissingTarget, Session
from advice.texts import placeholders_in

# Examples are walked on a fixed day so that date answers give the same result always.
EXAMPLE_TODAY = date(2026, 1, 5)


class _TreeChecker:
    def __init__(
        self,
        tree: Tree,
        sources: SourceList | None,
        written: set[str],
        value_locs: dict[str, Loc],
    ) -> None:
        self.tree = tree
        self.value_locs = value_locs  # where top-level values were written (LoadResult)
        self.source_ids = {s.id for s in sources.sources} if sources else None
        self.sources = {s.id: s for s in sources.sources} if sources else {}
        # Node ids written in the file, even if their content was broken (reported already).
        self.known = written | set(tree.nodes)
        self.out: list[Diagnostic] = []
        self.reachable: set[str] = set()  # node ids a walk from the start can reach

    def add(self, code: str, message: str, loc: Loc) -> None:
        self.out.append(Diagnostic(code, message, loc))

    def target(self, target: str, what: str, loc: Loc) -> None:
        if target not in self.known:
            self.add(
                "ADV007",
                f"{what} '{target}', which does not exist{did_you_mean(target, self.known)}",
                loc,
            )

    def run(self) -> list[Diagnostic]:
        tree = self.tree
        self.target(tree.start, "start node", self.value_locs.get("start", tree.loc))
        facts = {"today"} | {q.fact_name for q in tree.questions() if isinstance(q.kind, Date)}
        for node in tree.nodes.values():
            if isinstance(node, Question):
                self.question(node, facts)
            else:
                self.recommendation(node, facts)
        for template in tree.templates.values():
            for name in placeholders_in(template.text):
                if name not in tree.placeholders:
                    self.add(
                        "ADV016",
                        f"template '{template.id}' uses {{{name}}}, which "
                        f"`placeholders` does not define{did_you_mean(name, tree.placeholders)}",
                        template.loc,
                    )
        if tree.start in tree.nodes:
            self.graph()
        self.dead_ends()
        self.examples()
        return self.out

    def question(self, q: Question, facts: set[str]) -> None:
        # The format's rule of which keys go together (`answers`, or `input` with
        # `goto`): read off the fields as written, not the kind, and quoted as written.
        if q.input is None:
            if len(q.answers) < 2:
                self.add(
                    "ADV010",
                    f"question '{q.id}' has {len(q.answers)} answer(s); "
                    "a choice needs at least two",
                    q.loc,
                )
            if q.goto is not None:
                self.add(
                    "ADV010",
                    f"question '{q.id}' has `goto` but no `input`; answers "
                    "say where each choice leads",
                    q.loc,
                )
            seen: dict[str, Loc] = {}
            for a in q.answers:
                if a.id in seen:
                    self.add(
                        "ADV006",
                        f"answer id '{a.id}' appears twice in '{q.id}' "
                        f"(first on line {seen[a.id].line})",
                        a.loc,
                    )
                seen.setdefault(a.id, a.loc)
                self.target(a.goto, f"answer '{a.id}' leads to", a.loc)
            targets = {a.goto for a in q.answers}
            if len(q.answers) >= 2 and len(targets) == 1:
                self.add(
                    "ADV019",
                    f"every answer of '{q.id}' leads to '{targets.pop()}'; "
                    "the question changes nothing",
                    q.loc,
                )
        else:
            if q.answers:
                self.add(
                    "ADV010",
                    f"question '{q.id}' asks for a {q.input} and also has "
                    "answers; use one or the other",
                    q.loc,
                )
            if q.goto is None:
                self.add("ADV010", f"input question '{q.id}' needs `goto`: where to go next", q.loc)
            else:
                self.target(q.goto, f"'{q.id}' goes to", q.loc)
            if q.relative_to is not None and q.relative_to not in facts:
                self.add(
                    "ADV017",
                    f"'{q.id}' counts from '{q.relative_to}', which no date "
                    f"question gives{did_you_mean(q.relative_to, facts)}",
                    q.loc,
                )
            if q.not_before is not None and q.not_before not in facts:
                self.add(
                    "ADV017",
                    f"'{q.id}' may not come before '{q.not_before}', which no date "
                    f"question gives{did_you_mean(q.not_before, facts)}",
                    q.loc,
                )

    def citations(self, citations: Iterable[Citation]) -> None:
        for c in citations:
            if self.source_ids is not None and c.source not in self.source_ids:
                self.add(
                    "ADV012",
                    f"source '{c.source}' is not in sources.yaml"
                    f"{did_you_mean(c.source, self.source_ids)}",
                    c.loc,
                )
                continue
            self.speaker(c)

    def speaker(self, c: Citation) -> None:
        """ADV022: the speaker must be the writer or someone the source lists, and only
        someone other than the writer can be reported."""
        source = self.sources.get(c.source)
        if source is None:
            return
        if c.speaker == WRITER:
            if c.reported:
                self.add(
                    "ADV022",
                    f"a quote of the writer of '{c.source}' is marked `reported: true`; "
                    "a writer's own words are quoted, not reported (name the person the "
                    "post reports as `speaker`)",
                    c.loc,
                )
            return
        if source.person(c.speaker) is None:
            listed = [p.id for p in source.people]
            known = ", ".join([WRITER, *listed])
            self.add(
                "ADV022",
                f"speaker '{c.speaker}' is not among the people source '{c.source}' "
                f"quotes ({known}){did_you_mean(c.speaker, [WRITER, *listed])}",
                c.loc,
            )

    def recommendation(self, r: Recommendation, facts: set[str]) -> None:
        if not r.citations:
            self.add(
                "ADV011",
                f"recommendation '{r.id}' cites no source; add `because:` "
                "with a source and a quote",
                r.loc,
            )
        self.citations(r.citations)
        for d in r.disagreements:
            self.citations(d.citations)
        for t in r.templates:
            if t not in self.tree.templates:
                self.add(
                    "ADV016",
                    f"template '{t}' is not defined in `templates`"
                    f"{did_you_mean(t, self.tree.templates)}",
                    r.loc,
                )
        for rule in r.schedule:
            if rule.of not in facts:
                self.add(
                    "ADV017",
                    f"date rule counts from '{rule.of}', which no date question "
                    f"gives{did_you_mean(rule.of, facts)}",
                    rule.loc,
                )
            if not rule.because:
                self.add(
                    "ADV033",
                    f"date rule '{rule.action}' has no `because:` (the sentence of the "
                    "article it comes from), so 'why this date' cannot say",
                    rule.loc,
                )
            self.citations(rule.because)
            if rule.late == "passed" and not (rule.late_note or "").strip():
                self.add(
                    "ADV034",
                    f"date rule '{rule.action}' can pass (`late: passed`) but has no "
                    "`late_note` saying what the articles say once the day is gone",
                    rule.loc,
                )

    def graph(self) -> None:
        """Cycles and unreachable nodes, by one depth-first walk from the start."""
        nodes = self.tree.nodes
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        stack: list[tuple[str, list[str]]] = [(self.tree.start, [])]
        state[self.tree.start] = 1
        stack[-1] = (self.tree.start, successors(nodes[self.tree.start]))
        while stack:
            node_id, todo = stack[-1]
            if not todo:
                state[node_id] = 2
                stack.pop()
                continue
            nxt = todo.pop(0)
            if nxt not in nodes:
                continue
            if state.get(nxt) == 1:
                self.add(
                    "ADV009",
                    f"'{node_id}' leads back to '{nxt}': a cycle, so a walk might never end",
                    nodes[node_id].loc,
                )
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, successors(nodes[nxt])))
        self.reachable = set(state)
        for node_id, node in nodes.items():
            if node_id not in state:
                self.add("ADV008", f"no path from the start reaches '{node_id}'", node.loc)

    def dead_ends(self) -> None:
        """Steps after which a walk cannot end at a cited recommendation. A target that
        does not exist (or failed to load) is reported once, as ADV007 or by the loader."""
        for end in dead_ends(self.tree, self.value_locs.get("start")):
            if end.target not in self.tree.nodes:
                continue
            step = (
                f"the walk starts at '{end.target}'"
                if end.question is None
                else f"'{end.question}' goes to '{end.target}'"
                if end.answer is None
                else f"answer '{end.answer}' of '{end.question}' leads to '{end.target}'"
            )
            self.add(
                "ADV020",
                f"{step}, {end.reason}: a path that ends without a cited recommendation",
                end.loc,
            )

    def examples(self) -> None:
        if self.tree.start not in self.tree.nodes:
            return  # the start is missing or broken, reported already: nothing to walk
        seen: dict[str, Loc] = {}
        reached: set[str] = set()
        for ex in self.tree.examples:
            if ex.name in seen:
                self.add(
                    "ADV006",
                    f"example name '{ex.name}' appears twice (first on line {seen[ex.name].line})",
                    ex.loc,
                )
            seen.setdefault(ex.name, ex.loc)
            if ex.expect not in self.known:
                self.target(ex.expect, f"example '{ex.name}' expects", ex.loc)
                continue
            try:
                session = Session.replay(self.tree, ex.answers, EXAMPLE_TODAY)
            except MissingTarget:
                continue  # the target is reported where it is written (ADV007 or the loader)
            except AnswerError as exc:
                self.add("ADV013", f"example '{ex.name}': {exc}", ex.loc)
                continue
            if session.cursor != ex.expect:
                self.add(
                    "ADV013",
                    f"example '{ex.name}' ends at '{session.cursor}', not '{ex.expect}'",
                    ex.loc,
                )
            else:
                reached.add(ex.expect)
        self.coverage(reached)

    def coverage(self, reached: set[str]) -> None:
        """A recommendation no example reaches is one no test walks (ADV031). Only the
        reachable ones: an unreachable node is ADV008 already."""
        for r in self.tree.recommendations():
            if r.id in self.reachable and r.id not in reached:
                self.add(
                    "ADV031",
                    f"no example reaches '{r.id}'; add one under `examples:` "
                    "(`advice paths TREE --uncovered` lists the paths no example walks)",
                    r.loc,
                )


def check_tree(
    tree: Tree,
    sources: SourceList | None,
    written_node_ids: set[str] | None = None,
    value_locs: dict[str, Loc] | None = None,
) -> list[Diagnostic]:
    """Meaning checks on a loaded tree (shape problems come from the loader);
    `written_node_ids` and `value_locs` as the loader's LoadResult gives them."""
    return _TreeChecker(tree, sources, written_node_ids or set(), value_locs or {}).run()


def check_sources(sources: SourceList) -> list[Diagnostic]:
    out = []
    seen: dict[str, Loc] = {}
    for s in sources.sources:
        if s.id in seen:
            out.append(
                Diagnostic(
                    "ADV006",
                    f"source id '{s.id}' appears twice (first on line {seen[s.id].line})",
                    s.loc,
                )
            )
        seen.setdefault(s.id, s.loc)
        if not (s.writer.name or s.writer.called):
            out.append(
                Diagnostic(
                    "ADV003",
                    f"the writer of source '{s.id}' needs `name` or, when the article "
                    "names no writer, `called` (e.g. 'the blog post's writer')",
                    s.writer.loc,
                )
            )
        people: dict[str, Loc] = {}
        for p in s.people:
            if p.id in people or p.id == WRITER:
                first = f" (first on line {people[p.id].line})" if p.id in people else ""
                out.append(
                    Diagnostic(
                        "ADV006",
                        f"person id '{p.id}' appears twice in source '{s.id}'{first}"
                        if p.id in people
                        else f"person id '{WRITER}' in source '{s.id}' is kept for the writer",
                        p.loc,
                    )
                )
            people.setdefault(p.id, p.loc)
            if not (p.name or p.called):
                out.append(
                    Diagnostic(
                        "ADV003",
                        f"person '{p.id}' of source '{s.id}' needs `name` or `called`",
                        p.loc,
                    )
                )
    return out


class _SourcesCache:
    """Each sources.yaml is loaded and checked once per run; with `sources_dir`, the
    texts of its sources are read once too (for the quote check)."""

    def __init__(self, sources_dir: Path | None = None, review: date | None = None) -> None:
        self.sources_dir = sources_dir
        self.review = review
        self.loaded: dict[Path, LoadResult] = {}
        self.texts: dict[Path, dict[str, str]] = {}

    def get(self, path: Path) -> LoadResult:
        key = path.resolve()
        if key not in self.loaded:
            result = load_sources(path)
            if result.value is not None:
                result.diagnostics.extend(check_sources(result.value))
                if self.review is not None:
                    result.diagnostics.extend(
                        review_sources(result.value, read_text(path)[0], self.review)
                    )
                if self.sources_dir is not None:
                    texts, problems = load_source_texts(result.value, self.sources_dir)
                    self.texts[key] = texts
                    result.diagnostics.extend(problems)
            self.loaded[key] = result
        return self.loaded[key]


def check_file(
    path: Path,
    cache: _SourcesCache | None = None,
    sources_dir: Path | None = None,
    review: date | None = None,
) -> CheckResult:
    """Load and check one tree file against the sources.yaml beside it (or the shipped one).

    Called alone (the app, `advice walk`), problems in that sources file are included;
    check_paths passes a shared cache and reports each sources file once instead.
    With `sources_dir` (a folder of the articles' texts), every quote is also looked
    up in its source's text (ADV018); a cache brings its own sources_dir.
    With `review` (today), the authoring review runs too, as `advice check` asks: review
    dates against that day (ADV030) and plain language (ADV029); a cache brings its own.
    """
    alone = cache is None
    cache = cache or _SourcesCache(_sources_folder(sources_dir), review)
    with gc_paused():
        loaded = load_tree(path)
        src_key = sources_for(path)
        src = cache.get(src_key)
        result = CheckResult(path, loaded.value, src.value, list(loaded.diagnostics))
        if alone:
            result.diagnostics.extend(src.diagnostics)
        if loaded.value is not None:
            result.diagnostics.extend(
                check_tree(loaded.value, src.value, loaded.written_node_ids, loaded.value_locs)
            )
            texts = cache.texts.get(src_key.resolve())
            if texts is not None and src.value is not None:
                result.diagnostics.extend(check_quotes(loaded.value, path, src.value, texts))
            if cache.review is not None:
                text = read_text(path)[0]
                plain = not result.errors()  # prose is reviewed once the tree works
                result.diagnostics.extend(review_tree(loaded.value, text, cache.review, plain))
    result.diagnostics.sort(key=sort_key)
    return result


def _sources_folder(sources_dir: Path | None) -> Path | None:
    if sources_dir is not None and not sources_dir.is_dir():
        raise AdviceError(f"no such folder of source texts: {sources_dir}")
    return sources_dir


def check_paths(
    paths: Iterable[Path], sources_dir: Path | None = None, review: date | None = None
) -> list[CheckResult]:
    """Check trees (files or folders) and the sources files they use, each once.

    With `sources_dir`, quotes are checked against the source texts in it too; with
    `review` (today), the authoring review runs as well (see check_file)."""
    cache = _SourcesCache(_sources_folder(sources_dir), review)
    results = []
    for path in paths:
        for file in tree_files(path):
            results.append(check_file(file, cache))
    for src_path, loaded in cache.loaded.items():
        if loaded.diagnostics:
            results.append(CheckResult(src_path, None, loaded.value, loaded.diagnostics))
    return results
