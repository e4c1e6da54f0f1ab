"""Property-based tests: mutated trees never break the loader, the checker or a walk.

Seeds are the shipped trees (read from the installed package at test time, so edits to
them are picked up) and tests/data/good/minimal.yaml. Mutations happen on the YAML text
(delete, duplicate, swap or re-indent a line, insert markup-like or control text) and on
the data (delete a key, change a type, rename a target or a key, insert markup-like
text). Properties:

- loading and checking never raise; every problem is a Diagnostic with a known code
  and a real file:line:col;
- a tree the checker passes can be walked to a recommendation from every node it can
  reach, with any answer at each question, and its summary and export can be built.

The profile (tests/conftest.py) is fixed and derandomized so CI is repeatable.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from advice.check import check_file, check_tree
from advice.diagnostics import CODES
from advice.escape import CONTROL
from advice.export import to_markdown
from advice.library import shipped_dir, tree_files
from advice.loader import StrictLoader, load_sources, load_text
from advice.model import Question, SourceList, Tree
from advice.session import Session
from advice.view import walk_view
from tests.support import TODAY

DATA = Path(__file__).parent / "data"
NAME = "fuzzed.yaml"


def _seeds() -> dict[str, str]:
    files = [*tree_files(shipped_dir()), DATA / "good" / "minimal.yaml"]
    return {p.name: p.read_text(encoding="utf-8") for p in files}


SEEDS = _seeds()
_SOURCES = load_sources(shipped_dir() / "sources.yaml").value
assert isinstance(_SOURCES, SourceList)
SOURCES: SourceList = _SOURCES

# Text that means something to Rich/Textual markup, shells, templates, YAML or terminals.
NASTY = [
    "[b]",
    "[/]",
    "[@click=app.quit]x[/]",
    "[red]alarm[/red]",
    "\\[not markup]",
    "$var",
    "${HOME}",
    "{name}",
    "{",
    "}",
    "%s",
    "🙂",
    "👩‍💻",
    "\u202e",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r",
    "\t",
    "\n",
    "'",
    '"',
    ": ",
    "- ",
    "# ",
    "&a ",
    "*a",
    "!!python/object/apply:os.system ['true'] ",
    "!foo ",
    "---\n",
    "? ",
    "|\n",
    "yes",
    "010",
    "12:30",
    "~",
]
snippets = st.one_of(st.sampled_from(NASTY), st.text(max_size=8))


# -- the pipeline under test ---------------------------------------------------------------


def load_and_check(text: str) -> tuple[Tree | None, list[Any]]:
    """What check_file does after reading: load, then the meaning checks."""
    loaded = load_text(text, NAME, Tree)
    diagnostics = list(loaded.diagnostics)
    if loaded.value is not None:
        diagnostics += check_tree(loaded.value, SOURCES, loaded.written_node_ids)
    return loaded.value, diagnostics


def assert_well_formed(diagnostics: list[Any], file: str, lines: int) -> None:
    for d in diagnostics:
        assert d.code in CODES, d
        assert d.loc.file == file, d
        assert 1 <= d.loc.line <= lines + 1, d
        assert d.loc.col >= 1, d
        assert "\n" not in d.message, d


def options(q: Question) -> list[str]:
    """Every answer a user could give: each choice, or sample values for an input."""
    if q.input == "date" and q.floor:
        # A day before an earlier date is refused (a decision before the interview), so
        # only answers on or after it: today for a day that has happened (the earlier
        # one has too), else answers that count forward.
        return ["today"] if q.past else ["3 days", "friday", "next week"]
    if q.input == "date":
        return ["today", "2026-11-18", "3 days", "friday"]
    if q.input == "text":
        return ["Ms [b]Lee[/]"]
    return [a.id for a in q.answers]


def walk_everywhere(tree: Tree, data: st.DataObject) -> None:
    """From every node reachable from the start, answer at random until the end."""
    routes: dict[str, list[str]] = {tree.start: []}
    todo = [tree.start]
    while todo:  # a route of answers to each reachable node, from the tree's own links
        node = tree.nodes[todo.pop()]
        if isinstance(node, Question):
            for value in options(node):
                found = node.answer(value)
                target = found.goto if found else node.goto
                assert target is not None
                if target not in routes:
                    routes[target] = [*routes[node.id], value]
                    todo.append(target)
    for node_id, route in routes.items():
        session = Session.replay(tree, route, TODAY)
        assert session.cursor == node_id
        for _ in range(len(tree.nodes)):
            if session.finished:
                break
            assert isinstance(session.current, Question)
            session.answer(data.draw(st.sampled_from(options(session.current))))
        assert session.finished, f"no end from {node_id} within {len(tree.nodes)} answers"
        if node_id == tree.start:  # the summary and the export, once per tree
            to_markdown(walk_view(session, SOURCES, {"name": "[/]"}))


def run(text: str, data: st.DataObject) -> None:
    tree, diagnostics = load_and_check(text)
    assert_well_formed(diagnostics, NAME, text.count("\n") + text.count("\r"))
    if tree is not None and not [d for d in diagnostics if d.severity == "error"]:
        walk_everywhere(tree, data)


# -- text-level mutations -----------------------------------------------------------------


def mutate_text(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        lines = text.split("\n")
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        op = data.draw(
            st.sampled_from(["delete", "duplicate", "swap", "indent", "insert", "truncate"]),
            label="op",
        )
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = " " * data.draw(st.integers(0, 6)) + lines[i].lstrip(" ")
        elif op == "insert":
            col = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:col] + data.draw(snippets, label="snippet") + lines[i][col:]
        else:
            lines = lines[: i + 1]
        text = "\n".join(lines)
    return text


@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_text_mutations_never_raise(seed: str, data: st.DataObject) -> None:
    run(mutate_text(SEEDS[seed], data), data)


@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_byte_mutations_through_a_real_file_never_raise(seed: str, data: st.DataObject) -> None:
    """The reading step too: a BOM, bytes that are not UTF-8, CRLF, a cut file."""
    raw = bytearray(SEEDS[seed].encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        pos = data.draw(st.integers(0, len(raw)))
        raw[pos:pos] = data.draw(
            st.one_of(
                st.sampled_from([b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\r\n", b"\x00", b"\xe2\x80"]),
                st.binary(max_size=4),
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_bytes(bytes(raw))
        result = check_file(path)
    assert_well_formed(result.diagnostics, str(path), raw.count(b"\n") + raw.count(b"\r"))


# -- data-level mutations -----------------------------------------------------------------

Path_ = tuple[Any, ...]


def paths(value: Any, prefix: Path_ = ()) -> list[Path_]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths(v, (*prefix, i))
    return out


def get(value: Any, path: Path_) -> Any:
    for step in path:
        value = value[step]
    return value


def dump(value: Any) -> str:
    """YAML text for mutated data (the C emitter: the shipped tree is tens of KB)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False)


OTHER_VALUES = [None, 0, -1, 10**6, 10**12, 1.5, True, "", "text", [], ["a"], {}, {"k": "v"}]
TARGET_KEYS = ("goto", "start", "expect")


def mutate_data(data_: Any, data: st.DataObject) -> Any:
    node_ids = sorted(data_.get("nodes", {})) if isinstance(data_, dict) else []
    for _ in range(data.draw(st.integers(1, 2), label="mutations")):
        everything = paths(data_)[1:]
        if not everything:
            break
        path = data.draw(st.sampled_from(everything), label="path")
        parent, key = get(data_, path[:-1]), path[-1]
        op = data.draw(
            st.sampled_from(["delete", "retype", "retarget", "rekey", "markup"]), label="op"
        )
        if op == "delete":
            del parent[key]
        elif op == "retype":
            parent[key] = copy.deepcopy(data.draw(st.sampled_from(OTHER_VALUES)))
        elif op == "retarget":
            targets = [p for p in everything if p[-1] in TARGET_KEYS]
            if targets:
                t = data.draw(st.sampled_from(targets))
                get(data_, t[:-1])[t[-1]] = data.draw(st.sampled_from([*node_ids, "nowhere"]))
        elif op == "rekey" and isinstance(parent, dict):
            new = data.draw(st.sampled_from(["hepl", "goto", "id", "text", "[b]", "yes"]))
            parent[new] = parent.pop(key)
        elif op == "markup" and isinstance(parent[key], str):
            s = parent[key]
            col = data.draw(st.integers(0, len(s)))
            parent[key] = s[:col] + data.draw(snippets) + s[col:]
    return data_


@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_data_mutations_never_raise(seed: str, data: st.DataObject) -> None:
    tree_data = yaml.load(SEEDS[seed], Loader=StrictLoader)
    text = dump(mutate_data(tree_data, data))
    run(text, data)


@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_markup_in_every_text_still_walks(seed: str, data: st.DataObject) -> None:
    """Markup-like text in labels, questions and quotes is data: the tree stays valid."""
    tree_data = yaml.load(SEEDS[seed], Loader=StrictLoader)
    prose_keys = {"title", "question", "help", "label", "recommend", "text", "summary"}
    for p in paths(tree_data):
        if p and p[-1] in prose_keys and isinstance(get(tree_data, p), str):
            # Braces are placeholders by design ({name} in a template): not markup; and
            # control characters are an error by design (ADV025, tests/test_hostile.py).
            extra = data.draw(
                snippets.filter(
                    lambda t: t.strip() and not {"{", "}"} & set(t) and not CONTROL.search(t)
                )
            )
            get(tree_data, p[:-1])[p[-1]] += " " + extra
    text = dump(tree_data)
    tree, diagnostics = load_and_check(text)
    assert tree is not None and not [d for d in diagnostics if d.severity == "error"], [
        str(d) for d in diagnostics
    ]
    walk_everywhere(tree, data)
