"""Where trees live: the shipped ones inside the package, or paths the user gives."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from advice.diagnostics import AdviceError

SOURCES_FILE = "sources.yaml"
DEFAULT_MAX_BYTES = 8 * 1024 * 1024


def max_bytes() -> int:
    """The size limit for one tree file; ADVICE_MAX_BYTES overrides it."""
    raw = os.environ.get("ADVICE_MAX_BYTES", "")
    return int(raw) if raw.isdigit() else DEFAULT_MAX_BYTES


def shipped_dir() -> Path:
    """The folder of trees installed with the package (trees/ in a checkout).

    Found through the import system rather than importlib.resources, which imports
    zipfile and more (~5 ms of every start) for installs that are never zipped."""
    spec = importlib.util.find_spec("advice.trees")
    if spec is None or not spec.submodule_search_locations:
        raise AdviceError("the shipped trees are missing from this install (advice.trees)")
    return Path(next(iter(spec.submodule_search_locations)))


def tree_files(path: Path) -> list[Path]:
    """A tree file itself, or every tree file in a folder (sources.yaml is not a tree)."""
    if path.is_dir():
        return sorted(
            p
            for p in path.iterdir()
            if p.suffix in (".yaml", ".yml") and p.name != SOURCES_FILE and p.is_file()
        )
    return [path]


def sources_for(tree_path: Path) -> Path:
    """The sources.yaml beside a tree; the shipped one when there is none."""
    beside = tree_path.parent / SOURCES_FILE
    return beside if beside.is_file() else shipped_dir() / SOURCES_FILE


def find_tree(ref: str) -> Path:
    """A shipped tree id or a path to a tree file -> the file."""
    as_path = Path(ref)
    if as_path.suffix in (".yaml", ".yml") or as_path.exists() or "/" in ref:
        if not as_path.exists():
            raise AdviceError(f"no such file: {ref}")
        if as_path.is_dir():
            files = tree_files(as_path)
            if len(files) != 1:
                raise AdviceError(f"{ref} is a folder with {len(files)} trees; name one file")
            return files[0]
        return as_path
    candidate = shipped_dir() / f"{ref}.yaml"
    if candidate.is_file():
        return candidate
    known = ", ".join(p.stem for p in tree_files(shipped_dir())) or "none"
    raise AdviceError(f"no tree '{ref}'; shipped trees: {known}")
