"""`advice status` with 1,000 follow-ups vs a bare `python -c "import sqlite3"`.

    python benchmarks/bench_status.py

As a user installs it: a wheel built from this tree, installed plainly (not editable)
into a new virtual environment, run through the `advice` script pip wrote there, against
that environment's own `python -c "import sqlite3"`. (The development venv's editable
install adds an import finder to `site` that costs both sides ~40M instructions and
flatters the ratio; it is reported beside, as a side line.)

Both are whole processes, timed from launch to exit in interleaved pairs (the median of
the pairs' ratios, as bench_startup does). Where valgrind is installed, the instructions
each executes too: the same figure on every run, however busy the machine.

pip before 25.0 writes console scripts that `import re` (a quarter of a bare start),
pip 25.0 and later do not. THE figure is the script a current pip writes: where the pip
here is older, the new venv gets pip>=25 (from the index pip is set up with) and installs
the wheel with it; and the older pip's script is measured too, beside, also against
`python -c "import sqlite3, re"` (its re on both sides). Where no pip>=25 can be had,
the lines say whose script they measured.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from counting import instructions

FOLLOW_UPS = 1000
GOAL = 1.3
ROOT = Path(__file__).resolve().parents[1]
ARGS = ["status", "--today", "2026-11-20"]
CURRENT_PIP = 25  # the first pip whose console scripts do not import re
# As on a user's machine (bench_startup.py says why): bytecode cached.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def make_follow_ups(data: Path, count: int = FOLLOW_UPS) -> None:
    """`count` follow-ups of the shipped tree, each walked to a dated step (interview
    days spread over a year), written through the tracker as the app and CLI do."""
    os.environ["ADVICE_DATA_DIR"] = str(data)
    from advice.cache import checked
    from advice.library import shipped_dir
    from advice.tracker import Tracker

    path = shipped_dir() / "interview-follow-up.yaml"
    tree = checked(path).tree
    assert tree is not None
    today = date(2026, 11, 20)
    with Tracker.open() as tracker:
        for i in range(count):
            walk = tracker.open_walk(tracker.create(f"Company {i}", tree, path), tree, path, today)
            interview = today - timedelta(days=i % 365)
            for value in ("just-interviewed", interview.isoformat(), "email"):
                walk.session.answer(value)
            tracker.save(walk, digest="bench")


def sh(*argv: str | Path, env: dict[str, str] | None = None) -> str:
    out = subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=600, env=env
    )
    if out.returncode != 0:
        raise SystemExit(f"bench_status: {argv[:4]} failed:\n{out.stdout}{out.stderr}")
    return out.stdout


def plain_install(where: Path) -> tuple[Path, Path]:
    """`pip install .` as README tells a user, but offline: the wheel built from this
    tree with the setuptools here (as tests/test_packaging.py builds it), installed
    without dependencies (status needs none with ADVICE_DATA_DIR set) into a new venv
    by the pip here. The new venv's bin folder, and the wheel."""
    wheels = where / "wheels"
    sh(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
       "-w", wheels, ROOT)  # fmt: skip
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools' leftovers
    venv = where / "venv"
    sh(sys.executable, "-m", "venv", "--without-pip", venv)
    bin_ = venv / ("Scripts" if os.name == "nt" else "bin")
    (wheel,) = wheels.glob("*.whl")
    sh(sys.executable, "-m", "pip", "--python", bin_ / "python", "install", "-q",
       "--no-deps", "--no-index", wheel)  # fmt: skip
    return bin_, wheel


def current_pip(bin_: Path, wheel: Path) -> str | None:
    """pip>=25 in the venv, and the wheel installed again by it (so its script is the
    one a current pip writes); its version, or None where pip cannot get one."""
    got = subprocess.run(
        [sys.executable, "-m", "pip", "--python", bin_ / "python", "install", "-q",
         f"pip>={CURRENT_PIP}"],
        capture_output=True, timeout=600,
    )  # fmt: skip
    if got.returncode != 0:
        return None
    sh(bin_ / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index",
       "--force-reinstall", wheel)  # fmt: skip
    return sh(bin_ / "python", "-m", "pip", "--version").split()[1]


def add_platformdirs(bin_: Path) -> bool:
    """platformdirs, at the version here, for a start without ADVICE_DATA_DIR (what a
    user runs); False where pip cannot get it (offline, no cache)."""
    version = importlib.metadata.version("platformdirs")
    out = subprocess.run(
        [sys.executable, "-m", "pip", "--python", bin_ / "python", "install", "-q",
         "--no-deps", f"platformdirs=={version}"],
        capture_output=True, timeout=600,
    )  # fmt: skip
    return out.returncode == 0


def once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, timeout=60, env=env)
    return time.perf_counter() - start


def timed(
    ours: list[str], bare: list[str], env: dict[str, str], runs: int
) -> tuple[float, float, float]:
    once(bare, env), once(ours, env)  # warm the file cache and the bytecode
    b, o = [], []
    for _ in range(runs):
        b.append(once(bare, env))
        o.append(once(ours, env))
    ratio = statistics.median(x / y for x, y in zip(o, b, strict=True))
    return ratio, statistics.median(o), statistics.median(b)


def counted(
    name: str, ours: list[str], bare: list[str], env: dict[str, str]
) -> list[tuple[str, float, float, str]]:
    for argv in (ours, bare):  # a first run writes any bytecode out of date
        subprocess.run(argv, capture_output=True, timeout=60, env=env)
    o, b = instructions(ours, env), instructions(bare, env)
    if not (o and b):
        return []
    return [(name, o / b, GOAL, f"{o / b:.3f}: {o / 1e6:.1f}M vs {b / 1e6:.1f}M")]


def plain_lines(
    bin_: Path, pip: str, env: dict[str, str], expected: str, runs: int
) -> list[tuple[str, float, float, str]]:
    """The plain install's `advice status` (through the script `pip` wrote) against the
    venv's bare start: timed, and counted; with `import re` in the script, counted
    against a bare start that imports re too."""
    python = str(bin_ / "python")
    ours, bare = [str(bin_ / "advice"), *ARGS], [python, "-c", "import sqlite3"]
    out = subprocess.run(ours, capture_output=True, text=True, env=env)
    assert out.stdout == expected, out.stderr
    has_re = "import re" in (bin_ / "advice").read_text(encoding="utf-8")
    launcher = f"pip {pip}'s script{', which imports re' if has_re else ', no re'}"
    ratio, o, b = timed(ours, bare, env, runs)
    lines = [
        (
            f"`advice status`, {FOLLOW_UPS} follow-ups, plain install ({launcher}), "
            "launch to exit / python -c 'import sqlite3'",
            ratio,
            GOAL,
            f"median of {runs} pairs; medians {o * 1000:.1f} ms vs {b * 1000:.1f} ms",
        )
    ]
    lines += counted(f"the same ({launcher}), instructions (callgrind)", ours, bare, env)
    if has_re:
        lines += counted(
            f"the same ({launcher}), instructions / python -c 'import sqlite3, re'",
            ours,
            [python, "-c", "import sqlite3, re"],
            env,
        )
    return lines


def main(runs: int = 31) -> list[tuple[str, float, float, str]]:
    here = importlib.metadata.version("pip")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        make_follow_ups(data)
        env = {**ENV, "ADVICE_DATA_DIR": str(data)}
        dev = [shutil.which("advice") or str(Path(sys.executable).parent / "advice"), *ARGS]
        expected = subprocess.run(dev, capture_output=True, text=True, env=env).stdout
        assert expected.count("\n") == FOLLOW_UPS
        bin_, wheel = plain_install(Path(tmp))
        older = [] if int(here.split(".")[0]) >= CURRENT_PIP else plain_lines(
            bin_, here, env, expected, runs
        )  # fmt: skip
        pip = current_pip(bin_, wheel) if older else here
        results = plain_lines(bin_, pip, env, expected, runs) if pip else older
        if pip:
            results += older  # beside THE figure: the older pip's script
        # The development venv: its editable install's finder on both sides.
        results += counted(
            "dev venv (editable install), instructions", dev, [sys.executable, "-c",
            "import sqlite3"], env,
        )  # fmt: skip
        # As a user runs it: no ADVICE_DATA_DIR, so advice.datadir finds the folder (and
        # platformdirs where its shortcut does not answer).
        if add_platformdirs(bin_):
            python = str(bin_ / "python")
            home = Path(tmp) / "home"
            user = {k: v for k, v in ENV.items() if not k.startswith(("ADVICE_", "XDG_"))}
            user["HOME"] = str(home)
            found = sh(python, "-c", "import advice.datadir as d; print(d.data_folder())",
                       env=user).strip()  # fmt: skip
            shutil.copytree(data, found)
            results += counted(
                "plain install without ADVICE_DATA_DIR (the user data folder), instructions",
                [str(bin_ / "advice"), *ARGS],
                [python, "-c", "import sqlite3"],
                user,
            )
    return results


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
