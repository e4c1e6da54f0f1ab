"""Which trees the app offers, loaded through the same checker as `advice check`.

No Textual here: the screens show what this module finds, and advice.workspace
reloads a tree by checking its file again (`load_entry`).
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from advice.cache import checked
from advice.diagnostics import AdviceError, CheckResult
from advice.escape import shown
from advice.library import shipped_dir, tree_files
from advice.model import Tree

# A shipped tree's id as typed on the command line: a bare name, not a path.
_TREE_ID = re.compile(r"[A-Za-z0-9_-]+")


class TreeEntry(msgspec.Struct, frozen=True):
    """One tree file and what the checker said about it."""

    path: Path
    result: CheckResult

    @property
    def name(self) -> str:
        """The file's name as shown: a name can hold anything, escape sequences too."""
        return shown(self.path.name, one_line=True)

    @property
    def where(self) -> str:
        """The file's path as shown (see `name`)."""
        return shown(str(self.path), one_line=True)

    @property
    def ok(self) -> bool:
        return self.result.ok()

    @property
    def loaded(self) -> Tree | None:
        """The tree when it passed the checker, else None."""
        return self.result.tree if self.ok else None

    @property
    def problems(self) -> list[str]:
        """Errors first, then warnings, one `file:line:col: CODE message` line each."""
        errors = self.result.errors()
        rest = [d for d in self.result.diagnostics if d not in errors]
        return [str(d) for d in [*errors, *rest]]


def load_entry(path: Path) -> TreeEntry:
    """Check the tree file (again, on a reload): through the cache, as `advice check`."""
    return TreeEntry(path, checked(path))


def _near(path: Path) -> Path:
    """A path under the current folder as a relative one: shorter problem lines, the
    way `advice check` prints them, and the same on every machine."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path


def catalog_path(path: str | None) -> Path:
    """What the app lists: PATH (a file or a folder), a shipped tree's id (as `advice
    walk` takes it: `advice interview-follow-up`), or the shipped trees' folder."""
    if not path:
        return shipped_dir()
    if not Path(path).exists():
        shipped = _shipped_tree(path)
        if shipped is not None:
            return shipped
    return _near(Path(path))


def _shipped_tree(name: str) -> Path | None:
    """The shipped tree of that id (a bare name, not a path), or None."""
    if not _TREE_ID.fullmatch(name):
        return None
    candidate = shipped_dir() / f"{name}.yaml"
    return candidate if candidate.is_file() else None


def load_catalog(path: str | None) -> list[TreeEntry]:
    """The trees at PATH (a file or a folder, or a shipped tree's id), or the shipped ones."""
    where = catalog_path(path)
    if not where.exists():
        known = ""
        if path and _TREE_ID.fullmatch(path):  # meant as an id, maybe
            ids = ", ".join(f.stem for f in tree_files(shipped_dir())) or "none"
            known = f" (nor a shipped tree; those are: {ids})"
        raise AdviceError(f"no such file or folder: {where}{known}")
    files = tree_files(where)
    if not files:
        raise AdviceError(f"no tree files (*.yaml) in {where}")
    return [load_entry(f) for f in files]


def plan_filename(tree_id: str) -> str:
    """A safe default file name for a tree's plan: the id comes from YAML, so it may
    hold slashes or dots that would point elsewhere."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", tree_id).strip("-") or "tree"
    return f"advice-plan-{safe}.md"
