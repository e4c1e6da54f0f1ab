"""The project as a user installs it: a wheel built from this tree, installed by our
distribution's name with its `serve` extra into a new virtual environment, gives the
`advice` command, which runs from any folder. Slow-ish (a venv and an install, ~30 s)."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shlex
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.version import Version

import advice
from tests.support import PROJECT_NAME, PYPROJECT, ROOT

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


def test_pip_install_by_our_name_with_serve_gives_the_advice_command(
    wheel: Path, tmp_path: Path
) -> None:
    """`pip install '<our name>[serve]'` in a new venv, the name found in the folder of the
    built wheel (--find-links), the rest at the lock's versions (a constraints file: what
    CI tests, mostly from pip's cache). One test: each xdist worker would build its own."""
    pins = re.findall(r"^([A-Za-z0-9][^\\\n]*?)\s*\\$", LOCK.read_text(encoding="utf-8"), re.M)
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    sh(sys.executable, "-m", "venv", tmp_path / "venv")
    bin_ = tmp_path / "venv" / "bin"
    pip = [bin_ / "python", "-m", "pip", "install", "-q", "-c", constraints,
           "--find-links", wheel.parent]  # fmt: skip
    sh(*pip, f"{PROJECT_NAME}[serve]")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    # The command runs from any folder, with the shipped trees, which pass the checker.
    assert "usage: advice" in sh(bin_ / "advice", "--help", cwd=elsewhere).stdout
    assert "interview-follow-up" in sh(bin_ / "advice", "list", cwd=elsewhere).stdout
    sh(bin_ / "advice", "check", "--strict", cwd=elsewhere)
    # It is this wheel's code, not some other `advice`.
    where = sh(bin_ / "python", "-c", "import advice; print(advice.__file__)", cwd=elsewhere)
    assert where.stdout.startswith(str(tmp_path / "venv"))

    # Without the extra, `advice serve` names the command that adds it, and that command
    # (run here as printed) works on an installed advice.
    sh(bin_ / "python", "-m", "pip", "uninstall", "-q", "-y", "textual-serve")
    out = subprocess.run(
        [bin_ / "advice", "serve", "--port", str(free_port())],
        capture_output=True, text=True, timeout=60, cwd=elsewhere,
    )  # fmt: skip
    assert out.returncode == 1, out.stderr
    hint = re.search(r"pip install (\S+)\s*$", out.stderr)
    assert hint, out.stderr
    sh(*pip, *shlex.split(hint[1]), cwd=elsewhere)
    sh(bin_ / "python", "-c", "import textual_serve.server", cwd=elsewhere)
    still = sh(bin_ / "python", "-c", "import advice; print(advice.__file__)", cwd=elsewhere)
    assert still.stdout == where.stdout
