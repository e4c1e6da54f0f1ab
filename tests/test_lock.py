"""requirements/lock.txt, what CI installs, keeps up with pyproject.toml: every dependency
the project and its extras ask for is pinned there at a version they allow, with hashes."""

from __future__ import annotations

import re

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.support import PYPROJECT, ROOT

LOCK = ROOT / "requirements" / "lock.txt"
# One locked package: `name==version [; marker] \` then its `--hash=` lines.
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)(?: ;[^\\\n]*)?((?:\s*\\\n\s+--hash=\S+)+)", re.M)
FRESH = "requirements/lock.txt is out of date with pyproject.toml: run scripts/update-lock"


def pins() -> dict[str, tuple[Version, int]]:
    """Each locked package's version and how many hashes it has."""
    text = LOCK.read_text(encoding="utf-8")
    found = {
        canonicalize_name(name): (Version(version), hashes.count("--hash="))
        for name, version, hashes in PIN.findall(text)
    }
    # Every requirement line was read: none slipped past the pattern (e.g. without hashes).
    listed = re.findall(r"^[A-Za-z0-9]", text, re.M)
    assert len(found) == len(listed), "a line of requirements/lock.txt has no hashes"
    return found


def requirements() -> list[Requirement]:
    """What the project, every extra and the build ask for, less our own extras."""
    project = PYPROJECT["project"]
    wanted = [*project["dependencies"], *PYPROJECT["build-system"]["requires"]]
    for extra in project["optional-dependencies"].values():
        wanted += extra
    own = canonicalize_name(project["name"])
    return [r for r in map(Requirement, wanted) if canonicalize_name(r.name) != own]


def test_the_lock_pins_every_requirement_at_an_allowed_version() -> None:
    locked = pins()
    for req in requirements():
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is not in the lock. {FRESH}"
        version, hashes = locked[name]
        assert req.specifier.contains(version, prereleases=True), f"{req} vs {version}. {FRESH}"
        assert hashes > 0


def test_the_lock_does_not_pin_the_project_itself() -> None:
    # CI installs the project from the work tree (--no-deps), never a release from PyPI.
    assert canonicalize_name(PYPROJECT["project"]["name"]) not in pins()
