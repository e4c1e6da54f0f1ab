"""docs/performance.md lists every private Textual attribute our code touches: each is
a thing the next Textual upgrade can break without a deprecation, so a new one must be
written down (with what to check) before it can be merged.

"Private Textual attribute": a name starting with one underscore that Textual's own
source defines (a method, a class attribute or `self._name = ...`), which our code in
app/, tests/ or benchmarks/ reads, calls or overrides. Our own widgets' attributes that
merely share a name with an attribute of some unrelated Textual class do not count, as
long as no base class we subclass (App, Screen, Widget and theirs) defines the name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import textual

from tests.support import ROOT

DOC = ROOT / "docs" / "performance.md"
OURS = [ROOT / "app", ROOT / "tests", ROOT / "benchmarks"]
TEXTUAL = Path(textual.__file__).parent
# The classes our app, screens and widgets subclass, and what they inherit from.
BASES = ["app.py", "screen.py", "widget.py", "dom.py", "message_pump.py"]


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def defined(tree: ast.AST) -> set[str]:
    """Private names a module defines: methods, class attributes, self._x = ..."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and private(node.name):
            found.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            if private(node.attr):
                found.add(node.attr)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                targets = item.targets if isinstance(item, ast.Assign) else []
                if isinstance(item, ast.AnnAssign):
                    targets = [item.target]
                found |= {t.id for t in targets if isinstance(t, ast.Name) and private(t.id)}
    return found


def parsed(folders: list[Path]) -> dict[Path, ast.AST]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for f in folders for p in f.rglob("*.py")}


def other_modules(tree: ast.AST) -> set[str]:
    """Names a module binds to modules other than Textual's (`import os`): `os._exit`
    is the standard library's, whatever Textual names its own attributes."""
    return {
        alias.asname or alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if not alias.name.startswith("textual")
    }


def touched(trees: dict[Path, ast.AST]) -> dict[str, set[str]]:
    """Private attribute names our code reads, calls or defines, with where."""
    found: dict[str, set[str]] = {}
    for path, tree in trees.items():
        modules = other_modules(tree)
        names = defined(tree)
        names |= {
            n.attr
            for n in ast.walk(tree)
            if isinstance(n, ast.Attribute)
            and not (isinstance(n.value, ast.Name) and n.value.id in modules)
        }
        for name in filter(private, names):
            found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


def textual_privates(candidates: set[str]) -> tuple[set[str], set[str]]:
    """Of `candidates`, (those Textual defines anywhere, those its base classes define).
    Only the files that mention one are parsed (a few, not Textual's hundreds)."""
    every: set[str] = set()
    bases: set[str] = set()
    for path in TEXTUAL.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if not any(name in text for name in candidates):
            continue
        names = defined(ast.parse(text)) & candidates
        every |= names
        if str(path.relative_to(TEXTUAL)) in BASES:
            bases |= names
    return every, bases


def leaned_on() -> dict[str, set[str]]:
    ours = parsed(OURS)
    own = set().union(*(defined(t) for t in ours.values()))
    used = touched(ours)
    every, bases = textual_privates(set(used))
    return {
        name: where
        for name, where in used.items()
        if name in every and (name in bases or name not in own)
    }


def test_every_private_textual_attribute_we_use_is_in_the_performance_doc() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = {n: sorted(w) for n, w in leaned_on().items() if f"`{n}`" not in text}
    assert not missing, f"private Textual attributes not listed in {DOC.name}: {missing}"


def test_the_check_finds_the_privates_we_know_of() -> None:
    # The check can fail: the ones issue 17 named are found in our code as it is.
    found = leaned_on()
    for name in ["_push_result_callback", "_handle_exception", "_exit_renderables"]:
        assert name in found
    assert "_notifications" in found and "_display" in found
    # ...and our own attributes are not (AnswerList's wrapped lines, its highlight),
    # nor the standard library's (benchmarks/startup_target.py calls os._exit).
    assert "_wrapped" not in found and "_highlighted" not in found
    assert "_exit" not in found
