"""The engine's layers, by what each module imports (README, Layout): the format and
the walk know nothing of where walks are stored, of output formats or of front ends.

Read from the source with `ast` (module-level and function-level imports), followed
through the engine's own modules: a format module that imports a helper that imports
the store depends on the store too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.imports import imported

ENGINE = ROOT / "advice"
FORMAT = ["model", "loader", "yamlnodes", "schema", "diagnostics", "lookalike"]
WALK = ["session", "dates", "schedule", "why", "texts", "routes"]
# The store (saved walks; the check cache and the file writer under it), the output
# formats, the front ends, and the UI toolkit.
FORBIDDEN = [
    "advice.saves",
    "advice.cache",
    "advice.fileio",
    "advice.view",
    "advice.export",
    "advice.graph",
    "advice.cli",
    "advice.plain",
    "advice.serve",
    "advice.app",
    "textual",
]


def engine_file(module: str) -> Path | None:
    """The file of an engine module (advice.x or the package), or None for others."""
    parts = module.split(".")
    if parts[0] != "advice" or len(parts) > 2:
        return None
    path = ENGINE / (f"{parts[1]}.py" if len(parts) == 2 else "__init__.py")
    return path if path.is_file() else None


def reached(module: str) -> dict[str, str]:
    """Every module `advice.<module>` imports, directly or through engine modules: each
    with the engine module that imports it."""
    seen: dict[str, str] = {}
    todo = [f"advice.{module}"]
    while todo:
        importer = todo.pop()
        path = engine_file(importer)
        if path is None:
            continue
        for name in imported(path, "advice"):
            if name not in seen:
                seen[name] = importer
                todo.append(name)
    return seen


def forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


@pytest.mark.parametrize("module", FORMAT + WALK)
def test_format_and_walk_modules_import_no_store_output_or_front_end(module: str) -> None:
    assert (ENGINE / f"{module}.py").is_file(), f"advice/{module}.py is gone: update the layers"
    found = {name: by for name, by in reached(module).items() if forbidden(name)}
    assert found == {}, f"advice.{module} reaches (module: imported by) {found}"


def test_the_check_sees_a_store_import() -> None:
    # saves imports the file writer: what the layer test refuses is seen when it is there.
    assert "advice.fileio" in reached("saves")
