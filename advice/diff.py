"""`advice diff OLD NEW`: what changed for a person between two versions of a tree.

Not a diff of the YAML (comments, order, folding and ids of unchanged things do not
count) but of what someone walking the tree meets: where each path of answers ends,
which nodes exist, the quotes and citations behind each recommendation, its date rules
and its ready texts. A contributor pastes the text into a pull request; `--json` is for
scripts.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from advice.diagnostics import AdviceError
from advice.loader import load_text, read_text
from advice.model import Citation, DateRule, Node, Question, Recommendation, Tree
from advice.routes import all_paths, step_labels

T = TypeVar("T")
Json = dict[str, Any]


class Diff(msgspec.Struct):
    """Every change, by the kinds the README lists; each entry is plain JSON data."""

    old: str  # what was compared: a file, or REV:path
    new: str
    paths: list[Json] = msgspec.field(default_factory=list)
    nodes_added: list[Json] = msgspec.field(default_factory=list)
    nodes_removed: list[Json] = msgspec.field(default_factory=list)
    citations: list[Json] = msgspec.field(default_factory=list)
    date_rules: list[Json] = msgspec.field(default_factory=list)
    ready_texts: list[Json] = msgspec.field(default_factory=list)

    def count(self) -> int:
        return sum(len(getattr(self, k)) for k in SECTIONS)

    def as_json(self) -> Json:
        out: Json = {"old": self.old, "new": self.new, "changes": self.count()}
        out.update({k: getattr(self, k) for k in SECTIONS})
        return out


# JSON key -> heading, in the order they are printed.
SECTIONS = {
    "paths": "Paths whose end changed",
    "nodes_added": "Nodes added",
    "nodes_removed": "Nodes removed",
    "citations": "Changed quotes and citations",
    "date_rules": "Changed date rules",
    "ready_texts": "Changed ready texts",
}


# -- reading the two versions -------------------------------------------------------------


def _load(text: str, label: str) -> Tree:
    result = load_text(text, label, Tree)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if result.value is None or errors:
        first = errors[0] if errors else result.diagnostics[0]
        raise AdviceError(f"{label} cannot be read as a tree: {first}")
    tree: Tree = result.value
    return tree


def load_file(path: Path) -> Tree:
    text, problems = read_text(path)
    if text is None:
        raise AdviceError(str(problems[0]))
    return _load(text, str(path))


def load_revision(path: Path, rev: str) -> tuple[Tree, str]:
    """The tree file as it was at a git revision (`git show REV:path`), and its label."""
    git = shutil.which("git")
    if git is None:
        raise AdviceError("comparing with a revision needs git, which is not installed")
    folder = path.resolve().parent

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([git, "-C", str(folder), *args], capture_output=True, timeout=60)

    top = run("rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise AdviceError(f"{path} is not in a git repository, so there is no {rev} of it")
    rel = path.resolve().relative_to(Path(top.stdout.decode().strip()).resolve()).as_posix()
    label = f"{rev}:{rel}"
    shown = run("show", f"{rev}:{rel}")
    if shown.returncode != 0:
        why = shown.stderr.decode(errors="replace").strip().splitlines()
        raise AdviceError(f"git cannot show {label}: {why[-1] if why else 'unknown reason'}")
    try:
        text = shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AdviceError(f"{label} is not UTF-8 text") from None
    return _load(text, label), label


# -- comparing ------------------------------------------------------------------------------


def _changes(old: Sequence[T], new: Sequence[T]) -> list[tuple[T | None, T | None]]:
    """(old, new) pairs of what differs between two lists: changed, removed (new None)
    and added (old None), in order."""
    out: list[tuple[T | None, T | None]] = []
    ops = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        a, b = list(old[i1:i2]), list(new[j1:j2])
        for k in range(max(len(a), len(b))):
            out.append((a[k] if k < len(a) else None, b[k] if k < len(b) else None))
    return out


def _change(old: object, new: object) -> str:
    return "added" if old is None else "removed" if new is None else "changed"


def _end(tree: Tree, node_id: str | None) -> Json | None:
    if node_id is None:
        return None
    node = tree.nodes.get(node_id)
    title = node.title if isinstance(node, Recommendation) else None
    return {"id": node_id, "title": title}


def _paths(old: Tree, new: Tree) -> list[Json]:
    before = {p.steps: p for p in all_paths(old)}
    after = {p.steps: p for p in all_paths(new)}
    out = []
    for steps in [*after, *(s for s in before if s not in after)]:
        was, now = before.get(steps), after.get(steps)
        if was is not None and now is not None and was.end == now.end:
            continue
        # Labels as the newer version words them; a path that is gone, as it was.
        labels = step_labels(new, now) if now is not None else step_labels(old, was) if was else []
        out.append(
            {
                "answers": [answer for _, answer in steps],
                "labels": labels,
                "change": _change(was, now),
                "old_end": _end(old, was.end if was else None),
                "new_end": _end(new, now.end if now else None),
            }
        )
    return out


def _node(node: Node) -> Json:
    if isinstance(node, Question):
        return {"id": node.id, "kind": "question", "title": node.text}
    return {"id": node.id, "kind": "recommendation", "title": node.title}


def _quote(c: Citation) -> tuple[str, str]:
    return c.source, " ".join(c.quote.split())  # line breaks in YAML change nothing


def _citations(node_id: str, old: Recommendation, new: Recommendation) -> list[Json]:
    groups = [("citations", old.citations, new.citations)]
    for i in range(max(len(old.disagreements), len(new.disagreements))):
        was = old.disagreements[i].citations if i < len(old.disagreements) else ()
        now = new.disagreements[i].citations if i < len(new.disagreements) else ()
        groups.append((f"disagreement {i + 1}", was, now))
    out = []
    for where, was, now in groups:
        for a, b in _changes([_quote(c) for c in was], [_quote(c) for c in now]):
            out.append(
                {
                    "node": node_id,
                    "where": where,
                    "change": _change(a, b),
                    "old": {"source": a[0], "quote": a[1]} if a else None,
                    "new": {"source": b[0], "quote": b[1]} if b else None,
                }
            )
    return out


def _rule(r: DateRule) -> Json:
    return {
        "action": r.action,
        "of": r.of,
        "days": r.days,
        "by": r.by,
        "working_days": r.working_days,
        "avoid": list(r.avoid),
    }


def _date_rules(node_id: str, old: Recommendation, new: Recommendation) -> list[Json]:
    was = [_rule(r) for r in old.schedule]
    now = [_rule(r) for r in new.schedule]
    key: Callable[[Json], str] = lambda r: msgspec.json.encode(r).decode()  # noqa: E731
    pairs = _changes([key(r) for r in was], [key(r) for r in now])
    return [
        {
            "node": node_id,
            "change": _change(a, b),
            "old": msgspec.json.decode(a) if a else None,
            "new": msgspec.json.decode(b) if b else None,
        }
        for a, b in pairs
    ]


def _ready_texts(old: Tree, new: Tree) -> list[Json]:
    out = []
    for tid in [*new.templates, *(t for t in old.templates if t not in new.templates)]:
        a, b = old.templates.get(tid), new.templates.get(tid)
        if a is not None and b is not None and (a.title, a.text) == (b.title, b.text):
            continue
        users = [r.id for r in (new if b else old).recommendations() if tid in r.templates]
        out.append(
            {
                "template": tid,
                "change": _change(a, b),
                "old": {"title": a.title, "text": a.text} if a else None,
                "new": {"title": b.title, "text": b.text} if b else None,
                "used_by": users,
            }
        )
    for node_id, now in new.nodes.items():
        was = old.nodes.get(node_id)
        if not isinstance(now, Recommendation) or not isinstance(was, Recommendation):
            continue
        if was.templates != now.templates:
            out.append(
                {
                    "node": node_id,
                    "change": "offers",
                    "old": list(was.templates),
                    "new": list(now.templates),
                }
            )
    return out


def diff(old: Tree, new: Tree, old_label: str, new_label: str) -> Diff:
    out = Diff(old_label, new_label, paths=_paths(old, new))
    out.nodes_added = [_node(n) for i, n in new.nodes.items() if i not in old.nodes]
    out.nodes_removed = [_node(n) for i, n in old.nodes.items() if i not in new.nodes]
    for node_id, now in new.nodes.items():
        was = old.nodes.get(node_id)
        if isinstance(now, Recommendation) and isinstance(was, Recommendation):
            out.citations.extend(_citations(node_id, was, now))
            out.date_rules.extend(_date_rules(node_id, was, now))
    out.ready_texts = _ready_texts(old, new)
    return out


# -- the text a contributor pastes into a pull request ------------------------------------


def _describe_rule(r: Json) -> str:
    days = f"{r['days']} {'working ' if r['working_days'] else ''}day(s) after {r['of']}"
    avoid = f", never on {', '.join(r['avoid'])}" if r["avoid"] else ""
    return f"{r['action']}: {'by' if r['by'] else 'on'} {days}{avoid}"


def _describe_end(end: Json | None) -> str:
    if end is None:
        return "(no such path)"
    if end["title"] is None:
        return f"`{end['id']}` (not a recommendation)"
    return f"{end['title']} (`{end['id']}`)"


def _lines(key: str, entry: Json) -> list[str]:
    if key == "paths":
        return [
            f"- {' > '.join(entry['labels']) or '(the start)'}",
            f"  - was: {_describe_end(entry['old_end'])}",
            f"  - now: {_describe_end(entry['new_end'])}",
        ]
    if key in ("nodes_added", "nodes_removed"):
        return [f"- `{entry['id']}` ({entry['kind']}): {entry['title']}"]
    if key == "citations":
        out = [f"- `{entry['node']}`, {entry['where']}: a quote {entry['change']}"]
        for side in ("old", "new"):
            c = entry[side]
            if c is not None:
                out.append(
                    f'  - {"was" if side == "old" else "now"}: {c["source"]}: "{c["quote"]}"'
                )
        return out
    if key == "date_rules":
        out = [f"- `{entry['node']}`: a date rule {entry['change']}"]
        for side in ("old", "new"):
            if entry[side] is not None:
                label = "was" if side == "old" else "now"
                out.append(f"  - {label}: {_describe_rule(entry[side])}")
        return out
    if "template" in entry:
        used = ", ".join(f"`{u}`" for u in entry["used_by"]) or "no recommendation"
        return [f"- ready text `{entry['template']}` {entry['change']} (used by {used})"]
    was = ", ".join(entry["old"]) or "none"
    now = ", ".join(entry["new"]) or "none"
    return [f"- `{entry['node']}` offers other ready texts: was {was}; now {now}"]


def render_text(d: Diff) -> str:
    if not d.count():
        return f"No change for a person between {d.old} and {d.new}.\n"
    out = [f"## What changed for a person: {d.old} -> {d.new}", ""]
    for key, heading in SECTIONS.items():
        entries: list[Json] = getattr(d, key)
        if entries:
            out.append(f"### {heading} ({len(entries)})")
            for entry in entries:
                out.extend(_lines(key, entry))
            out.append("")
    out.append(f"{d.count()} change(s).")
    return "\n".join(out) + "\n"
