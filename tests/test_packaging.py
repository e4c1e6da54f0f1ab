"""The project as a user installs it: a wheel built from this tree, installed with its
`serve` extra into a new virtual environment, gives the `advice` command, which runs from
any folder. Slow-ish (a venv and an install, ~30 s): it is the only test of the wheel."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.version import Version

import advice
from tests.conftest import PROJECT_NAME, PYPROJECT, ROOT

LOCK = ROOT / "requirements" / "lock.txt"
INSTALL_TIMEOUT = 600  # seconds: pip on a shared two-core machine, maybe downloading


def sh(*argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(
        [str(a) for a in argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=INSTALL_TIMEOUT,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert out.returncode == 0, f"{argv}:\n{out.stdout}\n{out.stderr}"
    return out


def build_isolation() -> list[str]:
    """Build with the setuptools installed here when it is new enough (CI has the locked
    one, so nothing unpinned is fetched); else let pip fetch one, as a user's pip does."""
    try:
        wanted = PYPROJECT["build-system"]["requires"][0].split(">=")[1]
        if Version(importlib.metadata.version("setuptools")) >= Version(wanted):
            return ["--no-build-isolation"]
    except importlib.metadata.PackageNotFoundError:
        pass
    return []


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    sh(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *build_isolation(),
       "-w", out, ROOT)  # fmt: skip
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new venv with '<wheel>[serve]' installed, at the lock's versions (a constraints
    file: the same versions CI tests, mostly from pip's cache)."""
    home = tmp_path_factory.mktemp("venv")
    pins = re.findall(r"^([A-Za-z0-9][^\\\n]*?)\s*\\$", LOCK.read_text(encoding="utf-8"), re.M)
    constraints = home / "constraints.txt"
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    sh(sys.executable, "-m", "venv", home / "venv")
    python = home / "venv" / "bin" / "python"
    sh(python, "-m", "pip", "install", "-q", "-c", constraints, f"{wheel}[serve]")
    yield home / "venv" / "bin"


def test_the_wheel_is_named_for_our_distribution(wheel: Path) -> None:
    # `advice` on PyPI is an unrelated project: ours is PROJECT_NAME, and the code says so.
    assert wheel.name.startswith(PROJECT_NAME.replace("-", "_") + "-")
    assert advice.DISTRIBUTION == PROJECT_NAME


def test_the_wheel_holds_every_file_the_packages_need(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    tool = PYPROJECT["tool"]["setuptools"]
    dirs = tool["package-dir"]
    for package in tool["packages"]:
        # advice.app.screens lives in app/screens: the folder of its nearest mapped parent.
        parts = package.split(".")
        n = max(i for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in dirs)
        folder = Path(dirs[".".join(parts[:n])], *parts[n:])
        for path in (ROOT / folder).glob("*"):
            if path.suffix in {".py", ".tcss", ".yaml", ".json", ".typed"}:
                inside = "/".join([*package.split("."), path.name])
                assert inside in names, f"{path.relative_to(ROOT)} is not in the wheel"


def test_the_installed_command_runs_from_any_folder(venv: Path, tmp_path: Path) -> None:
    advice_cmd = venv / "advice"
    assert "usage: advice" in sh(advice_cmd, "--help", cwd=tmp_path).stdout
    listed = sh(advice_cmd, "list", cwd=tmp_path).stdout
    assert "interview-follow-up" in listed
    # The shipped trees and sources.yaml came with it, and they pass the checker.
    sh(advice_cmd, "check", "--strict", cwd=tmp_path)
    # The serve extra came too: what `advice serve` imports is there.
    sh(venv / "python", "-c", "import textual_serve.server", cwd=tmp_path)
    # And it is this wheel's code, not some other `advice`.
    where = sh(venv / "python", "-c", "import advice; print(advice.__file__)", cwd=tmp_path)
    assert where.stdout.startswith(str(venv.parent))
