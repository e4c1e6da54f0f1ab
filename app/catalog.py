"""Which trees the app offers, loaded through the same checker as `advice check`.

No Textual here: the screens show what this module finds. A tree is reloaded by
checking its file again (`reload`), so live reload can build on it later.
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
    return TreeEntry(path, checked(path))


def reload(entry: TreeEntry) -> TreeEntry:
    """Check the file again (after the user fixed it)."""
    return load_entry(entry.path)


def _near(path: Path) -> Path:
    """A path under the current folder as a relative one: shorter problem lines, the
    way `advice check` prints them, and the same on every machine."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path


def catalog_path(path: str | None) -> Path:
    """What the app lists: PATH (a file or a folder), or the shipped trees' folder."""
    return _near(Path(path)) if path else shipped_dir()


def load_catalog(path: str | None) -> list[TreeEntry]:
    """The trees at PATH (a file or a folder), or the shipped ones."""
    where = catalog_path(path)
    if not where.exists():
        raise AdviceError(f"no such file or folder: {where}")
    files = tree_files(where)
    if not files:
        raise AdviceError(f"no tree files (*.yaml) in {where}")
    return [load_entry(f) for f in files]


def plan_filename(tree_id: str) -> str:
    """A safe default file name for a tree's plan: the id comes from YAML, so it may
    hold slashes or dots that would point elsewhere."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", tree_id).strip("-") or "tree"
    return f"advice-plan-{safe}.md"
