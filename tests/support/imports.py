"""What a Python file imports, read from its syntax tree: module-level imports and the
ones inside functions alike (a late import is still a dependency)."""

from __future__ import annotations

import ast
from pathlib import Path


def imported(path: Path, package: str) -> set[str]:
    """Every module the file at `path` (in `package`) names in an import. `from X import
    a` gives X and X.a, since `a` may be a module; relative imports are made absolute."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found
