"""The type checker and the import sorter see the installed package, not the folders:
app/ and trees/ are advice.app and advice.trees only through setuptools' package-dir,
which neither mypy nor ruff reads. These tests keep their configuration in step with
that mapping (pyproject.toml, the one source of truth), so a folder added or moved
cannot quietly fall out of `mypy`'s strict check (CI runs `mypy` as configured)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support import PYPROJECT, ROOT
from tests.support.imports import imported

MAPPED: dict[str, str] = PYPROJECT["tool"]["setuptools"]["package-dir"]
MYPY: dict[str, Any] = PYPROJECT["tool"]["mypy"]
VIEW = ROOT / "tooling" / "mypy"


def test_mypy_finds_each_mapped_folder_under_its_package_name() -> None:
    # mypy_path holds links named as the packages are, to the folders they come from.
    assert MYPY["mypy_path"] == "$MYPY_CONFIG_FILE_DIR/tooling/mypy"
    for package, folder in MAPPED.items():
        if package == folder:
            continue  # advice/ is found where it is, at the root
        link = VIEW.joinpath(*package.split("."))
        assert link.is_symlink(), f"{link.relative_to(ROOT)} is not a link to {folder}/"
        assert link.resolve() == (ROOT / folder).resolve()
    # No __init__ in the view: advice itself, and its engine modules, come from advice/.
    assert not (VIEW / "advice" / "__init__.py").exists()


def test_mypy_checks_every_package_strictly() -> None:
    assert set(MYPY["packages"]) == set(MAPPED)
    overrides = MYPY["overrides"]
    assert {"module": "advice.*", "strict": True} in overrides
    # Nothing of ours is skipped or let off: the UI was, as advice.app.*.
    for override in overrides:
        modules = override["module"]
        for module in [modules] if isinstance(modules, str) else modules:
            if module.startswith("advice"):
                assert not override.get("ignore_missing_imports"), override
                assert not override.get("ignore_errors"), override


def test_ruff_sorts_the_ui_with_the_engine() -> None:
    isort = PYPROJECT["tool"]["ruff"]["lint"]["isort"]
    assert {package.split(".")[0] for package in MAPPED} <= set(isort["known-first-party"])


# -- the tests' own imports ----------------------------------------------------------------
TESTS = ROOT / "tests"


def test_no_test_module_imports_another() -> None:
    """What tests share lives in tests/support/: a test module that imports from another
    runs (or breaks with) that module's tests, and a helper hides where it is not looked for."""
    offending = {}
    for path in sorted(TESTS.rglob("*.py")):
        folder = path.parent.relative_to(ROOT).parts
        found = {
            name
            for name in imported(path, ".".join(folder))
            if name == "tests.conftest" or name.startswith(("tests.test_", "tests.conftest."))
        }
        if found:
            offending[str(path.relative_to(ROOT))] = sorted(found)
    assert offending == {}


def test_imports_are_read_at_every_depth_and_relative_ones_resolved(tmp_path: Path) -> None:
    # The reader the import checks stand on (test_layers.py too) must see these.
    source = tmp_path / "sample.py"
    source.write_text(
        "from . import test_cli\n"
        "def late():\n"
        "    from .support.app import drive\n"
        "    import textual.app\n",
        encoding="utf-8",
    )
    found = imported(source, "tests")
    assert {"tests.test_cli", "tests.support.app.drive", "textual.app"} <= found


def test_the_app_class_stays_small() -> None:
    """Issue 17: AdviceApp routes screens and shows notices; what the run holds (trees,
    walks, saves, reloads) is advice/workspace.py's, where plain pytest tests it."""
    lines = (ROOT / "app" / "advice_app.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 250, f"app/advice_app.py has {len(lines)} lines (the bound is 250)"
